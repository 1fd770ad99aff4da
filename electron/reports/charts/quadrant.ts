/** The fusion quadrant chart. */
import type { Plugin } from 'chart.js';
import { FAMILY } from './font';
import { type ChartImage, draw, font, gradeColor, gradeLegend, pt, shortName } from './draw';

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
