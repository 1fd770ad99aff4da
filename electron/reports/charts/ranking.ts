/** The ranking chart: totals as bars coloured by grade, or their distribution for many branches. */
import type { Plugin } from 'chart.js';
import { FAMILY } from './font';
import { type ChartImage, draw, fmt2, font, gradeColor, gradeLegend, pt, shortName } from './draw';

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
