/**
 * Charts for the Word documents, drawn in the main process (so the CLI writes
 * the same files as the app) with chart.js on @napi-rs/canvas:
 *
 *  - `rankingChart`: every branch's total as a horizontal bar coloured by its
 *    grade (the renderer's palette); beyond 40 branches, the distribution of
 *    totals in 5-point bands, stacked by grade;
 *  - `quadrantChart`: the fusion quadrant — party rate across, business rate
 *    up, the period's split lines, the four quadrants named in a free corner,
 *    points labelled where they overlap nothing;
 *  - `radarChart`: a branch's first-level dimensions against the panel average.
 *
 * Every chart has a white background (a PNG is transparent otherwise) and is
 * drawn for its size on paper at twice 96 dpi. Text is drawn in a CJK font
 * registered explicitly: `RONGPING_CHART_FONT` (a .ttf/.otf/.ttc file, a face
 * of a collection as `file.ttc#2`) or `setChartFont()`, else the first of the
 * fonts every Chinese Windows has, the macOS ones, or what fontconfig lists
 * for Chinese. Without one, `ChartFontMissing` is thrown and the documents
 * are written without their charts, saying why.
 *
 * PNGs are encoded here (unfiltered RGBA, zlib level 3 on the thread pool):
 * less than half the time of the canvas's own encoder, and smaller files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { t } from '../../shared/messages';

const deflateAsync = promisify(deflate);

/** A chart as the documents place it: the PNG and its size on paper. */
export interface ChartImage {
  png: Buffer;
  widthMm: number;
  heightMm: number;
}

/** Raised when no CJK font can be found or loaded: the message says what to do. */
export class ChartFontMissing extends Error {
  constructor(detail?: string) {
    super(t('documents.chart.noFont') + (detail ? `（${detail}）` : ''));
    this.name = 'ChartFontMissing';
  }
}

// ---------------------------------------------------------------- the font

export const CHART_FONT_ENV = 'RONGPING_CHART_FONT';
const FAMILY = 'RongpingChart';

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

/** Pixels per millimetre on paper: twice 96 dpi. */
const PX_PER_MM = (96 / 25.4) * 2;
/** Pixels for a type size in points, at the same scale. */
export const pt = (points: number) => Math.round(points * (96 / 72) * 2);
const px = (mm: number) => Math.round(mm * PX_PER_MM);

/** The grade palette of the results screen (renderer/src/pages/results/format.ts), strong enough to print. */
export const GRADE_COLORS: Record<string, string> = { 优秀: '#1a7f37', 良好: '#0969da', 一般: '#d4a72c', 较差: '#b3261e' };
const FALLBACK_COLORS = ['#1a7f37', '#0969da', '#d4a72c', '#b3261e'];

/** A grade's colour: its own for the four usual labels, else by its place among the period's grades. */
export function gradeColor(label: string, grades: readonly string[]): string {
  const known = GRADE_COLORS[label];
  if (known) return known;
  const i = Math.max(0, grades.indexOf(label));
  const at = grades.length > 1 ? Math.round((i / (grades.length - 1)) * (FALLBACK_COLORS.length - 1)) : 0;
  return FALLBACK_COLORS[at] ?? '#8c8c8c';
}

const whiteBackground: Plugin = {
  id: 'rpWhiteBackground',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** PNG of a canvas: its RGBA rows unfiltered, deflated (level 3) on the thread pool. */
export async function encodePng(canvas: Canvas): Promise<Buffer> {
  const { width, height } = canvas;
  const rgba = canvas.data();
  const row = width * 4;
  const raw = Buffer.allocUnsafe((row + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (row + 1)] = 0; // filter: none
    rgba.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
    return [head, data, crc];
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  // pHYs: 192 dpi, so programs that read it size the picture as the document does.
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(Math.round(PX_PER_MM * 1000), 0);
  phys.writeUInt32BE(Math.round(PX_PER_MM * 1000), 4);
  phys[8] = 1;
  const idat = await deflateAsync(raw, { level: 3 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunk('IHDR', ihdr), ...chunk('pHYs', phys), ...chunk('IDAT', idat), ...chunk('IEND', Buffer.alloc(0))]);
}

/** Draws a chart.js configuration on a canvas of `widthMm` × `heightMm` and returns the PNG. */
async function draw(config: ChartConfiguration, widthMm: number, heightMm: number): Promise<ChartImage> {
  ensureChartFont();
  const canvas = createCanvas(px(widthMm), px(heightMm));
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, {
    ...config,
    plugins: [whiteBackground, ...(config.plugins ?? [])],
  });
  try {
    return { png: await encodePng(canvas), widthMm, heightMm };
  } finally {
    chart.destroy();
  }
}

const font = (points: number, weight: 'normal' | 'bold' = 'normal') => ({ family: FAMILY, size: pt(points), weight });
const fmt2 = (x: number) => x.toFixed(2);
/** "化工一厂生产运行党支部" → "化工一厂生产运行" (labels on a chart). */
export const shortName = (name: string) => name.replace(/党支部$/, '') || name;

/** A legend of the grades that occur, in the period's order, in their colours. */
function gradeLegend(grades: readonly string[], occurring: string[]) {
  const present = grades.filter((g) => occurring.includes(g));
  return {
    display: true,
    position: 'top' as const,
    labels: {
      font: font(10.5),
      boxWidth: pt(14),
      generateLabels: () => present.map((g) => ({ text: g, fillStyle: gradeColor(g, grades), strokeStyle: gradeColor(g, grades), lineWidth: 0, hidden: false })),
    },
  };
}

export interface RankingBar {
  name: string;
  rank: number;
  total: number;
  grade: string;
  vetoed: boolean;
}

/** At most this many branches get a bar each; more are shown as a distribution. */
export const RANKING_BARS_MAX = 40;

/** Totals in rank order as bars coloured by grade (or, for many branches, their distribution). */
export async function rankingChart(bars: RankingBar[], grades: readonly string[], o: { widthMm?: number } = {}): Promise<ChartImage> {
  const widthMm = o.widthMm ?? 156;
  const present = grades.filter((g) => bars.some((b) => b.grade === g));
  const legend = gradeLegend(grades, bars.map((b) => b.grade));
  if (bars.length > RANKING_BARS_MAX) return distributionChart(bars, grades, present, widthMm, legend);

  const low = Math.min(...bars.map((b) => b.total));
  const high = Math.max(...bars.map((b) => b.total));
  const min = Math.max(0, Math.floor((low - 5) / 5) * 5);
  const max = Math.ceil((high + 2) / 5) * 5;
  const barMm = Math.min(6.5, Math.max(4.6, 150 / Math.max(1, bars.length)));
  const heightMm = Math.round(28 + bars.length * barMm);
  const labelSize = bars.length > 25 ? 9 : 10.5;
  const values: Plugin<'bar'> = {
    id: 'rpBarValues',
    afterDatasetsDraw: (chart) => {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `${pt(labelSize)}px ${FAMILY}`;
      ctx.fillStyle = '#222222';
      ctx.textBaseline = 'middle';
      meta.data.forEach((el, i) => {
        const b = bars[i]!;
        ctx.fillText(`${fmt2(b.total)}${b.vetoed ? '（否决）' : ''}`, el.x + pt(3), el.y);
      });
      ctx.restore();
    },
  };
  return draw(
    {
      type: 'bar',
      data: {
        labels: bars.map((b) => `${b.rank}. ${shortName(b.name)}`),
        datasets: [{ data: bars.map((b) => b.total), backgroundColor: bars.map((b) => gradeColor(b.grade, grades)), barPercentage: 0.78, categoryPercentage: 0.9 }],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: pt(58), top: pt(2), left: pt(2), bottom: pt(2) } },
        plugins: { legend, tooltip: { enabled: false } },
        scales: {
          x: { min, max, ticks: { font: font(9), stepSize: 5 }, grid: { color: '#d9d9d9' }, title: { display: true, text: '总分', font: font(10.5) } },
          y: { ticks: { font: font(labelSize), autoSkip: false }, grid: { display: false } },
        },
      },
      plugins: [values as Plugin],
    },
    widthMm,
    heightMm,
  );
}

async function distributionChart(bars: RankingBar[], grades: readonly string[], present: string[], widthMm: number, legend: object): Promise<ChartImage> {
  const low = Math.floor(Math.min(...bars.map((b) => b.total)) / 5) * 5;
  const high = Math.floor(Math.max(...bars.map((b) => b.total)) / 5) * 5;
  const bands: number[] = [];
  for (let x = low; x <= high; x += 5) bands.push(x);
  return draw(
    {
      type: 'bar',
      data: {
        labels: bands.map((x) => `${x}–${x + 5}`),
        datasets: present.map((g) => ({
          label: g,
          data: bands.map((x) => bars.filter((b) => b.grade === g && b.total >= x && b.total < x + 5).length),
          backgroundColor: gradeColor(g, grades),
        })),
      },
      options: {
        plugins: { legend, tooltip: { enabled: false } },
        scales: {
          x: { stacked: true, ticks: { font: font(9) }, grid: { display: false }, title: { display: true, text: '总分（分）', font: font(10.5) } },
          // Room above the tallest bar.
          y: { stacked: true, grace: 1, ticks: { font: font(9), precision: 0 }, title: { display: true, text: '党支部数（个）', font: font(10.5) } },
        },
      },
    },
    widthMm,
    100,
  );
}

export interface QuadrantPoint {
  name: string;
  rank: number;
  /** 0…1 */
  party: number;
  business: number;
  grade: string;
}

/** Point labels are names up to this many branches, ranks beyond. */
export const QUADRANT_NAMES_MAX = 15;

/** The fusion quadrant: party rate across, business rate up, split lines, quadrants named, points labelled. */
export async function quadrantChart(
  points: QuadrantPoint[],
  split: { party: number; business: number },
  grades: readonly string[],
  o: { widthMm?: number; heightMm?: number } = {},
): Promise<ChartImage> {
  const widthMm = o.widthMm ?? 156;
  const heightMm = o.heightMm ?? 105;
  const pct = (x: number) => x * 100;
  const xs = [...points.map((p) => pct(p.party)), pct(split.party)];
  const ys = [...points.map((p) => pct(p.business)), pct(split.business)];
  // Axes on whole 5% steps around the points and the split, never beyond 100%.
  const range = (vs: number[]) => {
    const hi = Math.min(100, Math.ceil((Math.max(...vs) + 2) / 5) * 5);
    const lo = Math.max(0, Math.min(Math.floor((Math.min(...vs) - 2) / 5) * 5, hi - 10));
    // A point at 100% would sit on the frame: leave it room, without a tick past 100%.
    return { min: lo, max: hi === 100 ? 102 : hi, afterBuildTicks: (axis: { ticks: { value: number }[] }) => void (axis.ticks = axis.ticks.filter((t) => t.value <= 100)) };
  };
  const xr = range(xs);
  const yr = range(ys);
  const byName = points.length <= QUADRANT_NAMES_MAX;
  type Box = { x: number; y: number; w: number; h: number };
  let cornerBoxes: Box[] = [];

  const overlay: Plugin<'scatter'> = {
    id: 'rpQuadrant',
    beforeDatasetsDraw: (chart) => {
      const { ctx, chartArea: a, scales } = chart;
      const sx = scales.x!.getPixelForValue(pct(split.party));
      const sy = scales.y!.getPixelForValue(pct(split.business));
      ctx.save();
      ctx.strokeStyle = '#595959';
      ctx.lineWidth = pt(1);
      ctx.setLineDash([pt(5), pt(4)]);
      ctx.beginPath();
      ctx.moveTo(sx, a.top);
      ctx.lineTo(sx, a.bottom);
      ctx.moveTo(a.left, sy);
      ctx.lineTo(a.right, sy);
      ctx.stroke();
      ctx.setLineDash([]);
      // The split values at the lines' ends.
      ctx.font = `${pt(8.5)}px ${FAMILY}`;
      ctx.fillStyle = '#595959';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      const partyText = `分界 ${pct(split.party).toFixed(1)}%`;
      const businessText = `分界 ${pct(split.business).toFixed(1)}%`;
      const splitBoxes: Box[] = [
        { x: sx + pt(3), y: a.bottom - pt(2) - pt(8.5), w: ctx.measureText(partyText).width, h: pt(8.5) },
        { x: a.right - pt(3) - ctx.measureText(businessText).width, y: sy - pt(2) - pt(8.5), w: ctx.measureText(businessText).width, h: pt(8.5) },
      ];
      ctx.fillText(partyText, splitBoxes[0]!.x, splitBoxes[0]!.y);
      ctx.fillText(businessText, splitBoxes[1]!.x, splitBoxes[1]!.y);
      // The quadrants' names in a corner of their quadrant that no point covers (the outer one if free).
      ctx.font = `${pt(12)}px ${FAMILY}`;
      ctx.fillStyle = '#8c8c8c';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      const pad = pt(5);
      const h = pt(12);
      const dots = [...splitBoxes, ...chart.getDatasetMeta(0).data.map((el) => ({ x: el.x - pt(5), y: el.y - pt(5), w: pt(10), h: pt(10) }))];
      const hits = (r: Box) => dots.filter((q) => r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h).length;
      const quadrants = [
        { text: '双强', x0: sx, x1: a.right, y0: a.top, y1: sy, right: true, top: true },
        { text: '业务强党建弱', x0: a.left, x1: sx, y0: a.top, y1: sy, right: false, top: true },
        { text: '双弱', x0: a.left, x1: sx, y0: sy, y1: a.bottom, right: false, top: false },
        { text: '党建强业务弱', x0: sx, x1: a.right, y0: sy, y1: a.bottom, right: true, top: false },
      ];
      cornerBoxes = [...splitBoxes];
      for (const q of quadrants) {
        const w = ctx.measureText(q.text).width;
        if (w + 2 * pad > q.x1 - q.x0 || h + 2 * pad > q.y1 - q.y0) continue; // a sliver of a quadrant: no room
        const xs = q.right ? [q.x1 - pad - w, q.x0 + pad] : [q.x0 + pad, q.x1 - pad - w];
        const ys = q.top ? [q.y0 + pad, q.y1 - pad - h] : [q.y1 - pad - h, q.y0 + pad];
        const spots = [{ x: xs[0]!, y: ys[0]! }, { x: xs[0]!, y: ys[1]! }, { x: xs[1]!, y: ys[0]! }, { x: xs[1]!, y: ys[1]! }].map((p) => ({ ...p, w, h }));
        const spot = spots.reduce((best, r) => (hits(r) < hits(best) ? r : best));
        ctx.fillText(q.text, spot.x, spot.y);
        cornerBoxes.push(spot);
      }
      ctx.restore();
    },
    afterDatasetsDraw: (chart) => {
      // Labels right of their points, or left, above, below: wherever they overlap nothing drawn yet.
      const { ctx, chartArea: a } = chart;
      const meta = chart.getDatasetMeta(0);
      const size = pt(byName ? 9 : 9.5);
      ctx.save();
      ctx.font = `${size}px ${FAMILY}`;
      ctx.fillStyle = '#222222';
      ctx.textBaseline = 'middle';
      const taken: Box[] = [...cornerBoxes, ...meta.data.map((el) => ({ x: el.x - pt(4), y: el.y - pt(4), w: pt(8), h: pt(8) }))];
      // Labels may use the padding round the plot, not the axes' labels.
      const box = { left: a.left, right: chart.width - pt(2), top: pt(2), bottom: a.bottom };
      const outside = (r: Box) => r.x < box.left || r.x + r.w > box.right || r.y < box.top || r.y + r.h > box.bottom;
      const overlap = (r: Box) =>
        taken.reduce((sum, q) => sum + Math.max(0, Math.min(r.x + r.w, q.x + q.w) - Math.max(r.x, q.x)) * Math.max(0, Math.min(r.y + r.h, q.y + q.h) - Math.max(r.y, q.y)), 0);
      meta.data.forEach((el, i) => {
        const p = points[i]!;
        const text = byName ? shortName(p.name) : String(p.rank);
        const w = ctx.measureText(text).width;
        const h = size;
        const gap = pt(5);
        const tries = [
          { x: el.x + gap, y: el.y - h / 2 },
          { x: el.x - gap - w, y: el.y - h / 2 },
          { x: el.x - w / 2, y: el.y - gap - h },
          { x: el.x - w / 2, y: el.y + gap },
          { x: el.x + gap, y: el.y - h - gap / 2 },
          { x: el.x + gap, y: el.y + gap / 2 },
          { x: el.x - gap - w, y: el.y - h - gap / 2 },
          { x: el.x - gap - w, y: el.y + gap / 2 },
        ];
        // The first free place; else the least covered one inside the frame.
        const boxes = tries.map((r) => ({ ...r, w, h }));
        const spot =
          boxes.find((r) => !outside(r) && overlap(r) === 0) ??
          boxes.reduce((best, r) => ((outside(r) ? 1e12 : 0) + overlap(r) < (outside(best) ? 1e12 : 0) + overlap(best) ? r : best));
        taken.push(spot);
        // A white halo keeps a label legible where it crosses a split line.
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = pt(2.5);
        ctx.lineJoin = 'round';
        ctx.strokeText(text, spot.x, spot.y + h / 2);
        ctx.fillText(text, spot.x, spot.y + h / 2);
      });
      ctx.restore();
    },
  };

  return draw(
    {
      type: 'scatter',
      data: {
        datasets: [
          {
            data: points.map((p) => ({ x: pct(p.party), y: pct(p.business) })),
            backgroundColor: points.map((p) => gradeColor(p.grade, grades)),
            borderColor: '#ffffff',
            borderWidth: pt(0.8),
            pointRadius: pt(3.6),
          },
        ],
      },
      options: {
        layout: { padding: { top: pt(4), right: pt(12), bottom: pt(2), left: pt(2) } },
        plugins: { legend: gradeLegend(grades, points.map((p) => p.grade)), tooltip: { enabled: false } },
        scales: {
          x: { ...xr, ticks: { font: font(9), stepSize: xr.max - xr.min > 40 ? 10 : 5, includeBounds: false, callback: (v) => `${v}%` }, grid: { color: '#ececec' }, title: { display: true, text: '党建得分率', font: font(10.5) } },
          y: { ...yr, ticks: { font: font(9), stepSize: yr.max - yr.min > 40 ? 10 : 5, includeBounds: false, callback: (v) => `${v}%` }, grid: { color: '#ececec' }, title: { display: true, text: '业务得分率', font: font(10.5) } },
        },
      },
      plugins: [overlay as Plugin],
    },
    widthMm,
    heightMm,
  );
}

export interface RadarAxis {
  name: string;
  /** 0…1; null when nothing was scored. */
  branch: number | null;
  average: number | null;
}

/** The radar's inner ring: whole tens, at most 60%, ten points below the lowest rate shown. */
export function radarFloor(rates: (number | null)[]): number {
  const low = Math.min(...rates.filter((x): x is number => x !== null).map((x) => x * 100));
  return Number.isFinite(low) ? Math.max(0, Math.min(60, Math.floor((low - 10) / 10) * 10)) : 0;
}

export interface RadarRenderer {
  /** One branch's rates (0…1, null where nothing was scored), in the axes' order. */
  draw(values: (number | null)[]): Promise<ChartImage>;
  close(): void;
}

const RADAR_RED = '#c8102e';

/**
 * Radars of many branches on the same axes: chart.js draws the axes, rings,
 * labels, legend and the panel average once; each branch's polygon is then
 * drawn over a copy of that, at the points chart.js's scale gives. A batch of
 * 500 sheets draws one chart, not 500.
 */
export function radarRenderer(
  names: string[],
  average: (number | null)[],
  o: { floor?: number; widthMm?: number; heightMm?: number; branchLabel?: string } = {},
): RadarRenderer {
  ensureChartFont();
  const widthMm = o.widthMm ?? 120;
  const heightMm = o.heightMm ?? 84;
  const floor = o.floor ?? radarFloor(average);
  const pct = (x: number | null) => (x === null ? null : Math.max(floor, Math.round(x * 1000) / 10));
  const base = createCanvas(px(widthMm), px(heightMm));
  const chart = new Chart(base.getContext('2d') as unknown as CanvasRenderingContext2D, {
    type: 'radar',
    data: {
      labels: names,
      datasets: [
        // The branch's series: in the legend, drawn per branch below.
        { label: o.branchLabel ?? '本支部', data: names.map(() => null), borderColor: RADAR_RED, backgroundColor: 'rgba(200,16,46,0.14)', borderWidth: pt(1.6) },
        {
          label: '全体平均',
          data: average.map(pct),
          borderColor: '#595959',
          backgroundColor: 'rgba(0,0,0,0)',
          borderWidth: pt(1.2),
          borderDash: [pt(5), pt(3)],
          pointRadius: pt(1.4),
          pointBackgroundColor: '#595959',
        },
      ],
    },
    options: {
      layout: { padding: pt(2) },
      plugins: { legend: { position: 'top', labels: { font: font(10), boxWidth: pt(16) } }, tooltip: { enabled: false } },
      scales: {
        r: {
          min: floor,
          max: 100,
          ticks: { stepSize: 10, font: font(8), backdropColor: 'rgba(255,255,255,0.8)', callback: (v) => `${v}%` },
          pointLabels: { font: font(10.5) },
          grid: { color: '#d9d9d9' },
          angleLines: { color: '#d9d9d9' },
        },
      },
    },
    plugins: [whiteBackground],
  });
  const scale = chart.scales.r as unknown as { getPointPositionForValue(index: number, value: number): { x: number; y: number } };
  return {
    async draw(values) {
      const canvas = createCanvas(base.width, base.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(base, 0, 0);
      const at = values.flatMap((v, i) => {
        const value = pct(v);
        return value === null ? [] : [scale.getPointPositionForValue(i, value)];
      });
      if (at.length) {
        ctx.beginPath();
        at.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
        ctx.closePath();
        ctx.fillStyle = 'rgba(200,16,46,0.14)';
        ctx.fill();
        ctx.strokeStyle = RADAR_RED;
        ctx.lineWidth = pt(1.6);
        ctx.lineJoin = 'round';
        ctx.stroke();
        ctx.fillStyle = RADAR_RED;
        for (const p of at) {
          ctx.beginPath();
          ctx.arc(p.x, p.y, pt(2), 0, Math.PI * 2);
          ctx.fill();
        }
      }
      return { png: await encodePng(canvas), widthMm, heightMm };
    },
    close: () => chart.destroy(),
  };
}

/** A branch's rate on each first-level dimension against the panel's average. */
export async function radarChart(axes: RadarAxis[], o: { widthMm?: number; heightMm?: number; branchLabel?: string } = {}): Promise<ChartImage> {
  const renderer = radarRenderer(
    axes.map((a) => a.name),
    axes.map((a) => a.average),
    { ...o, floor: radarFloor(axes.flatMap((a) => [a.branch, a.average])) },
  );
  try {
    return await renderer.draw(axes.map((a) => a.branch));
  } finally {
    renderer.close();
  }
}
