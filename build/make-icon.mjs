// Draws the app icon (build/icon.png, 1024×1024) and the window/favicon
// (renderer/public/favicon.png). Run by hand when the icon changes:
//   node build/make-icon.mjs [path-to-a-CJK-font]
// The PNGs are committed, so building never needs a font.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const font = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc';
GlobalFonts.registerFromPath(font, 'IconFont');

function draw(size) {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const r = size * 0.18;
  g.fillStyle = '#c8102e';
  g.beginPath();
  g.roundRect(size * 0.04, size * 0.04, size * 0.92, size * 0.92, r);
  g.fill();
  // A gold bar under the character: the two skins joined into one.
  g.fillStyle = '#f6c244';
  g.fillRect(size * 0.22, size * 0.76, size * 0.56, size * 0.045);
  g.fillStyle = '#ffffff';
  g.font = `${Math.round(size * 0.56)}px IconFont`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('融', size / 2, size * 0.45);
  return canvas.toBuffer('image/png');
}

writeFileSync('build/icon.png', draw(1024));
mkdirSync('renderer/public', { recursive: true });
writeFileSync('renderer/public/favicon.png', draw(64));
console.log('wrote build/icon.png and renderer/public/favicon.png');
