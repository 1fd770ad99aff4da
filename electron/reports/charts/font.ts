/** The CJK font the charts draw their text in: found, loaded once, and chart.js set up to use it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import { t } from '../../../shared/messages';

/** Raised when no CJK font can be found or loaded: the message says what to do. */
export class ChartFontMissing extends Error {
  constructor(detail?: string) {
    super(t('documents.chart.noFont') + (detail ? `（${detail}）` : ''));
    this.name = 'ChartFontMissing';
  }
}

// ---------------------------------------------------------------- the font

export const CHART_FONT_ENV = 'RONGPING_CHART_FONT';
export const FAMILY = 'RongpingChart';

interface FontSource {
  file: string;
  /** Face of a .ttc collection. */
  face: number;
}

let configured: string | null = null;
let loaded: { source: FontSource } | { error: ChartFontMissing } | null = null;

/** Use this font file for the charts (null: find one again). `file.ttc#2` picks a face of a collection. */
export function setChartFont(file: string | null): void {
  configured = file;
  loaded = null;
}

const parseSource = (spec: string): FontSource => {
  const m = /^(.*)#(\d+)$/.exec(spec);
  return m ? { file: m[1]!, face: Number(m[2]) } : { file: spec, face: 0 };
};

/** Fonts with Chinese glyphs where the systems the app runs on keep them, most legible first. */
function knownFonts(): FontSource[] {
  if (process.platform === 'win32') {
    const dir = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
    return ['msyh.ttc', 'msyh.ttf', 'simhei.ttf', 'Deng.ttf', 'simsun.ttc', 'simkai.ttf'].map((f) => ({ file: path.join(dir, f), face: 0 }));
  }
  if (process.platform === 'darwin') {
    return [
      '/System/Library/Fonts/PingFang.ttc',
      '/System/Library/Fonts/STHeiti Medium.ttc',
      '/System/Library/Fonts/STHeiti Light.ttc',
      '/System/Library/Fonts/Hiragino Sans GB.ttc',
      '/Library/Fonts/Arial Unicode.ttf',
    ].map((file) => ({ file, face: 0 }));
  }
  return [
    // Debian/Ubuntu/UOS/Kylin packages; the Noto collections hold the Simplified Chinese face third.
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 2 },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 2 },
    { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 2 },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 0 },
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 0 },
    { file: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', face: 0 },
    { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 2 },
    { file: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 0 },
  ];
}

/** What fontconfig lists for Chinese (Linux), sans Simplified Chinese regular faces first. */
function fontconfigFonts(): FontSource[] {
  let out: string;
  try {
    out = execFileSync('fc-list', ['-f', '%{file}|%{index}|%{family[0]}|%{style[0]}\\n', ':lang=zh-cn'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const score = (family: string, style: string) =>
    (/\bSC\b|GB|Hei|黑|Micro|Sans/i.test(family) ? 4 : 0) + (/Sans|Hei|黑/i.test(family) ? 2 : 0) + (/^(Regular|Book|Normal|Medium)$/i.test(style) ? 1 : 0) - (/Mono/i.test(family) ? 3 : 0);
  return out
    .split('\n')
    .map((line) => line.split('|'))
    .filter((p) => p.length >= 4 && /\.(ttf|otf|ttc|otc)$/i.test(p[0]!))
    .map((p) => ({ file: p[0]!, face: Number(p[1]) || 0, score: score(p[2]!, p[3]!) }))
    .sort((a, b) => b.score - a.score)
    .map(({ file, face }) => ({ file, face }));
}

/**
 * One face of a font collection (.ttc) as a font file of its own: the
 * collection's table directory for that face, with its tables copied after
 * it. Skia loads only a collection's first face, which in the Noto CJK
 * collections is the Japanese one.
 */
export function fontFace(data: Buffer, face: number): Buffer {
  if (data.toString('latin1', 0, 4) !== 'ttcf') return data;
  const faces = data.readUInt32BE(8);
  if (face >= faces) throw new ChartFontMissing(`字体集只有 ${faces} 个字形，没有第 ${face} 个`);
  const at = data.readUInt32BE(12 + 4 * face);
  const tables = data.readUInt16BE(at + 4);
  const headerSize = 12 + 16 * tables;
  const records = Array.from({ length: tables }, (_, i) => {
    const r = at + 12 + 16 * i;
    return { tag: data.readUInt32BE(r), checksum: data.readUInt32BE(r + 4), offset: data.readUInt32BE(r + 8), length: data.readUInt32BE(r + 12) };
  });
  const size = records.reduce((s, r) => s + ((r.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  data.copy(out, 0, at, at + 12);
  let offset = headerSize;
  records.forEach((r, i) => {
    const rec = 12 + 16 * i;
    out.writeUInt32BE(r.tag, rec);
    out.writeUInt32BE(r.checksum, rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(r.length, rec + 12);
    data.copy(out, offset, r.offset, r.offset + r.length);
    offset += (r.length + 3) & ~3;
  });
  return out;
}

/** Registers the chart font once per process; throws ChartFontMissing (remembered) when there is none. */
export function ensureChartFont(): FontSource {
  if (loaded && 'source' in loaded) return loaded.source;
  if (loaded) throw loaded.error;
  const explicit = configured ?? process.env[CHART_FONT_ENV] ?? null;
  const sources = explicit ? [parseSource(explicit)] : [...knownFonts(), ...fontconfigFonts()];
  let detail: string | undefined;
  for (const source of sources) {
    if (!existsSync(source.file)) {
      if (explicit) detail = `找不到 ${source.file}`;
      continue;
    }
    try {
      if (GlobalFonts.register(fontFace(readFileSync(source.file), source.face), FAMILY)) {
        setupChartJs();
        loaded = { source };
        return source;
      }
      detail = `无法读取 ${source.file}`;
    } catch (e) {
      detail = e instanceof ChartFontMissing ? e.message : `无法读取 ${source.file}`;
    }
  }
  loaded = { error: new ChartFontMissing(explicit ? detail : undefined) };
  throw loaded.error;
}

let chartJsReady = false;
function setupChartJs() {
  if (chartJsReady) return;
  Chart.register(...registerables);
  Chart.defaults.font.family = FAMILY;
  Chart.defaults.color = '#222222';
  Chart.defaults.animation = false;
  Chart.defaults.responsive = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.devicePixelRatio = 1;
  chartJsReady = true;
}

// ---------------------------------------------------------------- drawing
