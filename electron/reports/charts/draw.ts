/** Drawing a chart.js configuration to a PNG at its size on paper, and what every chart shares (grade colours, type sizes, legend). */
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin } from 'chart.js';
import { FAMILY, ensureChartFont } from './font';

const deflateAsync = promisify(deflate);

/** A chart as the documents place it: the PNG and its size on paper. */
export interface ChartImage {
  png: Buffer;
  widthMm: number;
  heightMm: number;
}



/** Pixels per millimetre on paper: twice 96 dpi. */
const PX_PER_MM = (96 / 25.4) * 2;
/** Pixels for a type size in points, at the same scale. */
export const pt = (points: number) => Math.round(points * (96 / 72) * 2);
export const px = (mm: number) => Math.round(mm * PX_PER_MM);

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

export const whiteBackground: Plugin = {
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
export async function draw(config: ChartConfiguration, widthMm: number, heightMm: number): Promise<ChartImage> {
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

export const font = (points: number, weight: 'normal' | 'bold' = 'normal') => ({ family: FAMILY, size: pt(points), weight });
export const fmt2 = (x: number) => x.toFixed(2);
/** "化工一厂生产运行党支部" → "化工一厂生产运行" (labels on a chart). */
export const shortName = (name: string) => name.replace(/党支部$/, '') || name;

/** A legend of the grades that occur, in the period's order, in their colours. */
export function gradeLegend(grades: readonly string[], occurring: string[]) {
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
