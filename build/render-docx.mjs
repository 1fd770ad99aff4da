// node build/render-docx.mjs FILE.docx [OUT_DIR] [DPI]
//
// Renders a Word file to PNG pages (OUT_DIR/page-1.png …) the way a reader
// would see it, so the documents can be looked at without Word: LibreOffice
// converts it to PDF (headless, with a throw-away profile so a running
// LibreOffice is not disturbed), then pdftoppm draws each page at DPI (80).
// Needs soffice and pdftoppm on the PATH (Debian/UOS/Kylin:
// apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk).
// Used by build/render-docs.mjs (npm run docs:render).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const INSTALL_HINT = 'apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk';

/** The tools this needs that are not on the PATH. */
export function missingTools(tools = ['soffice', 'pdftoppm']) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  return tools.filter((tool) => !dirs.some((dir) => suffixes.some((s) => existsSync(path.join(dir, tool + s)))));
}

/** Renders `docx` to PNG pages in `outDir`; returns the page files. Throws with a message saying what is missing or failed. */
export function renderDocx(docx, outDir = docx.replace(/\.docx$/i, '-pages'), dpi = 80) {
  const missing = missingTools();
  if (missing.length > 0) throw new Error(`render-docx: ${missing.join(' and ')} not found on the PATH (${INSTALL_HINT})`);
  if (!existsSync(docx)) throw new Error(`render-docx: no such file: ${docx}`);
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'rongping-soffice-'));
  try {
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx],
      { encoding: 'utf8' },
    );
    const pdf = path.join(outDir, `${path.basename(docx).replace(/\.docx$/i, '')}.pdf`);
    if (converted.status !== 0 || !existsSync(pdf)) {
      throw new Error(`render-docx: LibreOffice produced no PDF for ${docx}${converted.stderr ? `: ${converted.stderr.trim()}` : ''}`);
    }
    const drawn = spawnSync('pdftoppm', ['-png', '-r', String(dpi), pdf, path.join(outDir, 'page')], { encoding: 'utf8' });
    if (drawn.status !== 0) throw new Error(`render-docx: pdftoppm failed for ${pdf}: ${drawn.stderr.trim()}`);
    return readdirSync(outDir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]))
      .map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// Run when executed directly, not when imported by render-docs.mjs.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [docx, outDir, dpi] = process.argv.slice(2);
  if (!docx) {
    console.error('usage: node build/render-docx.mjs FILE.docx [OUT_DIR] [DPI]');
    process.exit(2);
  }
  try {
    const out = outDir ?? docx.replace(/\.docx$/i, '-pages');
    const pages = renderDocx(path.resolve(docx), path.resolve(out), dpi ? Number(dpi) : 80);
    console.log(`${pages.length} page(s) in ${out}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
