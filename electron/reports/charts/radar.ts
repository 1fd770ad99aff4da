/** The radar of a branch's first-level dimensions against the panel average, one or many at a time. */
import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { ensureChartFont } from './font';
import { type ChartImage, encodePng, font, pt, px, whiteBackground } from './draw';

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
