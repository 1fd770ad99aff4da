/**
 * Small Chart.js plugins the results charts share, each made for one chart
 * by a function that captures what it draws (no global registration, no
 * option typing): room above the plot for labels, reference lines with
 * labels, values at the end of bars, hatching for vetoed bars, labels beside
 * points placed so they do not overlap, and the fusion chart's quadrants.
 */
import { layouts, type Chart, type LayoutItem, type Plugin } from 'chart.js';
import { withAlpha } from './palette';
import { CHART_FONT_FAMILY } from './setup';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlap = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

export const canvasFont = (size: number, bold = false) => `${bold ? '600 ' : ''}${size}px ${CHART_FONT_FAMILY}`;

/** Text with a white halo, so it stays readable over grid lines and tints. */
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, halo = 3) {
  ctx.lineJoin = 'round';
  ctx.lineWidth = halo;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/** A rounded white plate behind a label (over dashed lines and tints). */
function plate(ctx: CanvasRenderingContext2D, r: Rect, alpha = 0.88) {
  ctx.fillStyle = `rgba(255,255,255,${alpha})`;
  ctx.beginPath();
  if (typeof ctx.roundRect === 'function') ctx.roundRect(r.x, r.y, r.w, r.h, 3);
  else ctx.rect(r.x, r.y, r.w, r.h);
  ctx.fill();
}

// ---- Room above the plot ----

/**
 * Reserves `height` px between the legend and the plot (for the labels of vertical reference lines):
 * a layout box of its own, so titles and legend keep their place.
 */
export function spaceAbovePlot(height: number): Plugin {
  return {
    id: 'rpSpaceAbovePlot',
    beforeInit(chart) {
      // Chart.js reads `options` of every box (stacking); a plain spacer has none to give.
      const box: LayoutItem & { options: object } = {
        options: {},
        position: 'top',
        weight: 1,
        fullSize: true,
        width: 0,
        height: 0,
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
        isHorizontal: () => true,
        update(width: number) {
          box.width = width;
          box.height = height;
        },
        draw() {},
      };
      layouts.addBox(chart, box);
    },
  };
}

// ---- Reference lines ----

/** The room x-line labels need above the plot: one row, or two when there are several lines. */
export const labelRows = (count: number, fontSize: number) => (count > 1 ? 2 : 1) * (fontSize + 6) + 4;

export interface ReferenceLine {
  axis: 'x' | 'y';
  /** A value on the scale (for a category scale: the index, fractional allowed). */
  value: number;
  label?: string;
  color: string;
  dash?: number[];
  width?: number;
}

/** Where the reference lines' labels were drawn, per chart: point labels keep clear of them. */
const lineLabelRects = new WeakMap<Chart, Rect[]>();
export const referenceLabelRects = (chart: Chart): Rect[] => lineLabelRects.get(chart) ?? [];

/**
 * Lines across the plot at given values, drawn under the data (bars and points stay whole): x-lines
 * labelled above the plot (beside the line or on a second row when two labels would overlap; reserve
 * the room with spaceAbovePlot(labelRows(…))), y-lines at their right end.
 */
export function referenceLines(lines: ReferenceLine[], fontSize: number): Plugin {
  const pixel = (chart: Chart, line: ReferenceLine) => {
    const px = chart.scales[line.axis]?.getPixelForValue(line.value);
    const a = chart.chartArea;
    if (px === undefined || !Number.isFinite(px)) return null;
    if (line.axis === 'x' ? px < a.left - 0.5 || px > a.right + 0.5 : px < a.top - 0.5 || px > a.bottom + 0.5) return null;
    return px;
  };
  return {
    id: 'rpReferenceLines',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      ctx.save();
      for (const line of lines) {
        const px = pixel(chart, line);
        if (px === null) continue;
        ctx.beginPath();
        ctx.setLineDash(line.dash ?? [6, 4]);
        ctx.lineWidth = line.width ?? 1.5;
        ctx.strokeStyle = line.color;
        if (line.axis === 'x') {
          ctx.moveTo(px, a.top);
          ctx.lineTo(px, a.bottom);
        } else {
          ctx.moveTo(a.left, px);
          ctx.lineTo(a.right, px);
        }
        ctx.stroke();
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      const placed: Rect[] = [];
      lineLabelRects.set(chart, placed);
      ctx.save();
      ctx.font = canvasFont(fontSize);
      const h = fontSize + 4;
      const sorted = lines
        .map((line) => ({ line, px: pixel(chart, line) }))
        .filter((l): l is { line: ReferenceLine; px: number } => l.px !== null && !!l.line.label)
        .sort((p, q) => p.px - q.px);
      for (const { line, px } of sorted) {
        const label = line.label!;
        const w = ctx.measureText(label).width + 6;
        if (line.axis === 'x') {
          // Centred over the line, else beside it, on the first row, then the second (two rows are reserved).
          const fit = (x: number) => Math.min(Math.max(x, 2), chart.width - w - 2);
          const candidates: Rect[] = [0, 1].flatMap((row) =>
            [px - w / 2, px + 1, px - w - 1].map((x) => ({ x: fit(x), y: a.top - (h + 2) * (row + 1), w, h })),
          );
          const rect = candidates.find((c) => !placed.some((p) => overlap(p, c) > 0)) ?? candidates[0]!;
          placed.push(rect);
          ctx.textBaseline = 'middle';
          ctx.textAlign = 'left';
          haloText(ctx, label, rect.x + 3, rect.y + h / 2, line.color);
        } else {
          const rect: Rect = { x: a.right - w - 2, y: px - h - 1, w, h };
          placed.push(rect);
          plate(ctx, rect);
          ctx.textBaseline = 'middle';
          ctx.textAlign = 'left';
          haloText(ctx, label, rect.x + 3, rect.y + h / 2, line.color);
        }
      }
      ctx.restore();
    },
  };
}

// ---- Values at the end of bars ----

export interface BarLabelStyle {
  fontSize: number;
  bold?: boolean;
  /** Text colour outside the bar. */
  color: (index: number) => string;
  /**
   * Horizontal bars: draw the label inside the bar's end, in this colour, when it fits; null keeps it
   * outside (hatched bars).
   */
  inside?: (index: number) => string | null;
}

/**
 * A label per bar of dataset 0: horizontal bars at their end (inside when asked and it fits,
 * otherwise beyond it, on a white plate); vertical bars above. `text` returns null for no label.
 */
export function barValueLabels(text: (index: number) => string | null, style: BarLabelStyle): Plugin {
  return {
    id: 'rpBarValues',
    afterDatasetsDraw(chart) {
      if (!chart.isDatasetVisible(0)) return;
      const meta = chart.getDatasetMeta(0);
      const horizontal = chart.options.indexAxis === 'y';
      const { ctx } = chart;
      ctx.save();
      ctx.font = canvasFont(style.fontSize, style.bold);
      ctx.textBaseline = 'middle';
      const h = style.fontSize + 4;
      meta.data.forEach((el, i) => {
        const label = text(i);
        if (!label) return;
        const { x, y, base } = el.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        const w = ctx.measureText(label).width;
        if (horizontal) {
          const negative = x < base;
          const inside = style.inside?.(i) ?? null;
          if (inside && !negative && x - base > w + 16) {
            ctx.textAlign = 'right';
            ctx.fillStyle = inside;
            ctx.fillText(label, x - 6, y);
            return;
          }
          const rect: Rect = { x: negative ? x - 6 - w - 3 : x + 5, y: y - h / 2, w: w + 6, h };
          plate(ctx, rect, 0.92);
          ctx.textAlign = 'left';
          ctx.fillStyle = style.color(i);
          ctx.fillText(label, rect.x + 3, y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          haloText(ctx, label, x, y - 4, style.color(i));
        }
      });
      ctx.restore();
    },
  };
}

// ---- Hatching ----

/** Diagonal stripes of `color` on a pale tint of it: a vetoed bar, or its legend swatch. */
export function hatch(color: string): CanvasPattern | string {
  if (typeof document === 'undefined') return color;
  const size = 10;
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const ctx = c.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = withAlpha(color, 0.22);
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  // Three strokes so the stripes join across tiles.
  ctx.moveTo(-2, size + 2);
  ctx.lineTo(size + 2, -2);
  ctx.moveTo(size - 2, size + 2);
  ctx.lineTo(size + 2, size - 2);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.stroke();
  return ctx.createPattern(c, 'repeat') ?? color;
}

// ---- Labels beside points, without overlaps ----

export interface PointLabel {
  datasetIndex: number;
  index: number;
  lines: string[];
  color: string;
  bold?: boolean;
  /** Left out when there is no free place for it (crowded charts); else drawn at the least-bad place. */
  optional?: boolean;
  /** Higher first (after crowding): who gets the free places. */
  priority?: number;
}

/** Sixteen directions, the four sides first, then the diagonals, then the rest. */
const DIRECTIONS: [number, number][] = [0, 180, 270, 90, 315, 45, 225, 135, 337.5, 22.5, 202.5, 157.5, 292.5, 247.5, 67.5, 112.5].map((deg) => [
  Math.cos((deg * Math.PI) / 180),
  Math.sin((deg * Math.PI) / 180),
]);
const VERTICAL_FIRST = [2, 3, 4, 5, 6, 7, 0, 1, ...DIRECTIONS.keys()].filter((v, i, a) => a.indexOf(v) === i);

/**
 * Places each label next to its point: in sixteen directions, close first, then further out with a
 * leader line. A place is taken if it stays inside the plot and overlaps no point, no label and none
 * of `obstacles()`; when none is free, the least-overlapping one (never hidden: every point is named).
 */
export function pointLabels(
  labels: PointLabel[],
  fontSize: number,
  obstacles: (chart: Chart) => Rect[] = () => [],
  options: { vertical?: boolean; plate?: boolean } = {},
): Plugin {
  return {
    id: 'rpPointLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area } = chart;
      const lineHeight = Math.round(fontSize * 1.3);
      const pts = labels
        .map((l) => {
          if (!chart.isDatasetVisible(l.datasetIndex)) return null;
          const el = chart.getDatasetMeta(l.datasetIndex).data[l.index];
          if (!el) return null;
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          const r = Number((el as unknown as { options?: { radius?: number } }).options?.radius ?? 5) + 2;
          return { ...l, x, y, r };
        })
        .filter((p): p is NonNullable<typeof p> => p !== null);
      const taken: Rect[] = [...obstacles(chart), ...pts.map((p) => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }))];
      const bounds: Rect = { x: area.left + 2, y: area.top + 2, w: area.right - area.left - 4, h: area.bottom - area.top - 4 };
      const inside = (r: Rect) => r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
      const order = options.vertical ? VERTICAL_FIRST : [...DIRECTIONS.keys()];
      const placed: { p: (typeof pts)[number]; rect: Rect; far: boolean }[] = [];

      ctx.save();
      // By priority, then points in crowds first: they have the fewest free places.
      const queue = [...pts].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || crowding(b, pts) - crowding(a, pts));
      for (const p of queue) {
        ctx.font = canvasFont(fontSize, p.bold);
        const w = Math.max(...p.lines.map((l) => ctx.measureText(l).width)) + 6;
        const h = lineHeight * p.lines.length;
        let best: { rect: Rect; cost: number; ring: number } | null = null;
        for (let ring = 0; ring < 7; ring++) {
          const gap = p.r + 2 + ring * lineHeight * 0.9;
          for (const [k, d] of order.entries()) {
            const [dx, dy] = DIRECTIONS[d]!;
            const ax = p.x + dx * gap;
            const ay = p.y + dy * gap;
            const rect: Rect = {
              x: dx > 0.3 ? ax : dx < -0.3 ? ax - w : ax - w / 2,
              y: dy > 0.3 ? ay : dy < -0.3 ? ay - h : ay - h / 2,
              w,
              h,
            };
            const hit = taken.reduce((s, t) => s + overlap(rect, t), 0);
            // A leader passing under another label or point would point at the wrong one.
            const crossed = ring > 0 ? leaderCrossings(p, rect, taken) : 0;
            const cost = (inside(rect) ? 0 : 1e7) + hit * 10 + crossed * 400 + ring * 60 + k;
            if (!best || cost < best.cost) best = { rect, cost, ring };
          }
          // A free place in this ring beats any place further out.
          if (best && best.cost < 1e7 && best.cost < ring * 60 + 60) break;
        }
        if (!best) continue;
        if (p.optional && best.cost >= best.ring * 60 + 60) continue;
        taken.push(best.rect);
        if (best.ring > 0) taken.push(...leaderRects(p, best.rect));
        placed.push({ p, rect: best.rect, far: best.ring > 0 });
      }
      // Leaders under the labels, then the labels.
      for (const { p, rect, far } of placed) {
        if (!far) continue;
        const { x0, y0, x1, y1 } = leader(p, rect);
        ctx.beginPath();
        ctx.strokeStyle = withAlpha(p.color.startsWith('#') ? p.color : '#595959', 0.8);
        ctx.lineWidth = 1.2;
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        ctx.stroke();
      }
      for (const { p, rect } of placed) {
        ctx.font = canvasFont(fontSize, p.bold);
        if (options.plate !== false) plate(ctx, rect, 0.8);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        p.lines.forEach((line, i) => haloText(ctx, line, rect.x + 3, rect.y + i * lineHeight + lineHeight / 2, p.color, 2));
      }
      ctx.restore();
    },
  };
}

/** The leader from a point to the nearest edge of its label. */
function leader(p: { x: number; y: number; r: number }, rect: Rect) {
  const cx = Math.min(Math.max(p.x, rect.x), rect.x + rect.w);
  const cy = Math.min(Math.max(p.y, rect.y), rect.y + rect.h);
  return { x0: p.x, y0: p.y, x1: cx, y1: cy };
}

/** Small squares along a leader (outside its own point), so later labels and leaders keep off it. */
function leaderRects(p: { x: number; y: number; r: number }, rect: Rect): Rect[] {
  const { x0, y0, x1, y1 } = leader(p, rect);
  const len = Math.hypot(x1 - x0, y1 - y0);
  const out: Rect[] = [];
  for (let d = p.r + 2; d < len; d += 5) out.push({ x: x0 + ((x1 - x0) * d) / len - 2, y: y0 + ((y1 - y0) * d) / len - 2, w: 4, h: 4 });
  return out;
}

/** How many of `taken` the leader to `rect` would cross. */
function leaderCrossings(p: { x: number; y: number; r: number }, rect: Rect, taken: Rect[]): number {
  const steps = leaderRects(p, rect);
  return taken.reduce((n, t) => n + (steps.some((s) => overlap(s, t) > 0) ? 1 : 0), 0);
}

function crowding(p: { x: number; y: number }, all: { x: number; y: number }[]): number {
  return all.reduce((n, q) => n + (Math.hypot(p.x - q.x, p.y - q.y) < 100 ? 1 : 0), 0);
}

// ---- The fusion quadrants ----

type Corner = 'topRight' | 'topLeft' | 'bottomRight' | 'bottomLeft';

export interface QuadrantDecor {
  /** Split values on the x (party) and y (business) scales. */
  splitX: number;
  splitY: number;
  /** Names and colours, by the quadrant's place (top right = both strong). */
  quadrants: Record<Corner, { text: string; color: string; tint: string }>;
  fontSize: number;
}

/** Where the quadrant names were drawn, per chart: the point labels keep clear of them. */
const nameRects = new WeakMap<Chart, Rect[]>();
export const quadrantLabelRects = (chart: Chart): Rect[] => nameRects.get(chart) ?? [];

/**
 * Tints the four quadrants and names each, behind the points: in the corner of its region away from the
 * centre when that corner is free of points, else in the first free corner of the region.
 */
export function quadrants(decor: QuadrantDecor): Plugin {
  return {
    id: 'rpQuadrants',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: a } = chart;
      const sx = Math.min(Math.max(chart.scales.x!.getPixelForValue(decor.splitX), a.left), a.right);
      const sy = Math.min(Math.max(chart.scales.y!.getPixelForValue(decor.splitY), a.top), a.bottom);
      const regions: Record<Corner, Rect> = {
        topRight: { x: sx, y: a.top, w: a.right - sx, h: sy - a.top },
        topLeft: { x: a.left, y: a.top, w: sx - a.left, h: sy - a.top },
        bottomRight: { x: sx, y: sy, w: a.right - sx, h: a.bottom - sy },
        bottomLeft: { x: a.left, y: sy, w: sx - a.left, h: a.bottom - sy },
      };
      ctx.save();
      for (const [corner, r] of Object.entries(regions) as [Corner, Rect][]) {
        ctx.fillStyle = decor.quadrants[corner].tint;
        ctx.fillRect(r.x, r.y, r.w, r.h);
      }
      // Points, as squares, to keep the names off them.
      const points: Rect[] = [];
      chart.data.datasets.forEach((_, i) => {
        if (!chart.isDatasetVisible(i)) return;
        for (const el of chart.getDatasetMeta(i).data) {
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          // With a margin: a name right beside a point would read as that point's label.
          points.push({ x: x - 28, y: y - 22, w: 56, h: 44 });
        }
      });
      const size = decor.fontSize;
      const pad = 8;
      ctx.font = canvasFont(size, true);
      const rects: Rect[] = [];
      for (const [corner, region] of Object.entries(regions) as [Corner, Rect][]) {
        const q = decor.quadrants[corner];
        const w = ctx.measureText(q.text).width;
        const h = size + 4;
        const right = corner.endsWith('Right');
        const top = corner.startsWith('top');
        // The outer corner first, then the region's other corners.
        const at = (r: boolean, t: boolean): Rect => ({ x: r ? region.x + region.w - pad - w : region.x + pad, y: t ? region.y + pad : region.y + region.h - pad - h, w, h });
        const candidates = [at(right, top), at(!right, top), at(right, !top), at(!right, !top)].filter((c) => c.w + 2 * pad <= region.w && c.h + 2 * pad <= region.h);
        if (!candidates.length) continue;
        const free = candidates.find((c) => !points.some((p) => overlap(c, p) > 0)) ?? candidates[0]!;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        haloText(ctx, q.text, free.x, free.y + h / 2, q.color, 4);
        rects.push({ x: free.x - 3, y: free.y - 2, w: w + 6, h: h + 4 });
      }
      nameRects.set(chart, rects);
      ctx.restore();
    },
  };
}

/** Keeps a linear scale's ticks at multiples of `step` within [min, max] (no label at an odd bound). */
export const ticksWithin = (step: number, min: number, max: number) => (scale: { ticks: { value: number }[] }) => {
  scale.ticks = scale.ticks.filter((t) => t.value >= min - 1e-9 && t.value <= max + 1e-9 && Math.abs(t.value / step - Math.round(t.value / step)) < 1e-6);
};

