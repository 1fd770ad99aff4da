/**
 * How the period's branches are spread: 等次分布 (how many hold each grade,
 * in the grade colours) and 总分分布 (a histogram of totals in 5-point bins
 * with the grade thresholds).
 */
import { useCallback } from 'react';
import type { PeriodResults } from '../../../shared/domain/views';
import { t } from '../../../shared/messages';
import { Chart, type ChartFrame } from './Chart';
import { axisTitle, tickFont, titles, tooltipFonts } from './common';
import { CHART_COLORS, gradeStyleIn } from './palette';
import { barValueLabels, labelRows, referenceLines, spaceAbovePlot } from './plugins';
import { gradeLabelsOf, gradeLines, gradeTextColor } from './RankingChart';

// ---- 等次分布 ----

export function gradeCounts(data: PeriodResults): { grade: string; count: number }[] {
  return gradeLabelsOf(data).map((grade) => ({ grade, count: data.result.branches.filter((b) => b.grade === grade).length }));
}

export function gradesTitle(data: PeriodResults): string {
  const list = gradeCounts(data)
    .filter((g) => g.count > 0)
    .map((g) => t('results.charts.grades.item', { grade: g.grade, count: g.count }))
    .join('，');
  return t('results.charts.grades.title', { list });
}

function gradesSubtitle(data: PeriodResults): string {
  const { result, period } = data;
  const labels = period.settings.grades.map((g) => g.label);
  let s = t('results.charts.grades.subtitle', { count: result.branches.length });
  for (const q of result.quotas) {
    const to = labels[labels.indexOf(q.label) + 1] ?? '';
    s += q.movedBranchIds.length
      ? t('results.charts.grades.quota', { label: q.label, allowed: q.allowed, moved: q.movedBranchIds.length, to })
      : t('results.charts.grades.quotaKept', { label: q.label, allowed: q.allowed });
  }
  const vetoed = result.branches.filter((b) => b.vetoed).length;
  if (vetoed) s += t('results.charts.grades.veto', { count: vetoed });
  return s;
}

export function GradeChart({ data }: { data: PeriodResults }) {
  const title = gradesTitle(data);
  const config = useCallback(
    (frame: ChartFrame) => {
      const counts = gradeCounts(data);
      const labels = gradeLabelsOf(data);
      const f = frame.fonts;
      const top = Math.max(1, ...counts.map((c) => c.count));
      return {
        type: 'bar' as const,
        data: {
          labels: counts.map((c) => c.grade),
          datasets: [
            {
              label: t('results.charts.grades.axis'),
              data: counts.map((c) => c.count),
              backgroundColor: counts.map((c) => gradeStyleIn(labels, c.grade).fill),
              borderWidth: 0,
              barPercentage: 0.7,
            },
          ],
        },
        options: {
          scales: {
            x: { ticks: { font: { size: f.tick + 2, weight: 'bold' as const }, color: CHART_COLORS.text }, grid: { display: false } },
            y: {
              min: 0,
              // Room above the tallest bar for its count.
              max: top + Math.max(1, Math.ceil(top * 0.15)),
              ticks: { font: tickFont(frame), stepSize: top > 20 ? undefined : 1, precision: 0 },
              title: axisTitle(frame, t('results.charts.grades.axis')),
              grid: { color: CHART_COLORS.grid },
            },
          },
          plugins: {
            ...titles(frame, title, gradesSubtitle(data)),
            legend: { display: false },
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: { label: (item: { dataIndex: number }) => t('results.charts.countValue', { count: counts[item.dataIndex]!.count }) },
            },
          },
        },
        plugins: [
          barValueLabels((i) => t('results.charts.countValue', { count: counts[i]!.count }), {
            fontSize: f.label + 2,
            bold: true,
            color: (i) => gradeTextColor(labels, counts[i]!.grade),
          }),
        ],
      };
    },
    [data, title],
  );
  return (
    <Chart
      testId="chart-grades"
      label={title}
      fileName={`${data.period.name}-${t('results.charts.grades.file')}`}
      config={config}
      height={({ fonts }) => 380 * fonts.scale}
    />
  );
}

// ---- 总分分布 ----

export const BIN_WIDTH = 5;

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/** 5-point bins [lo, hi) from the lowest total's bin to the highest's, empty bins included. */
export function totalBins(totals: number[]): Bin[] {
  if (!totals.length) return [];
  const first = Math.floor(Math.min(...totals) / BIN_WIDTH) * BIN_WIDTH;
  const last = Math.floor(Math.max(...totals) / BIN_WIDTH) * BIN_WIDTH;
  const bins: Bin[] = [];
  for (let lo = first; lo <= last; lo += BIN_WIDTH) bins.push({ lo, hi: lo + BIN_WIDTH, count: 0 });
  for (const x of totals) bins[Math.floor(x / BIN_WIDTH) - first / BIN_WIDTH]!.count++;
  return bins;
}

export function histogramTitle(bins: Bin[]): string {
  // The fullest bin, joined with a neighbour that holds as many.
  let i = 0;
  bins.forEach((b, k) => {
    if (b.count > bins[i]!.count) i = k;
  });
  let j = i;
  if (bins[i + 1]?.count === bins[i]!.count) j = i + 1;
  const count = bins.slice(i, j + 1).reduce((s, b) => s + b.count, 0);
  return t('results.charts.histogram.title', { count, range: t('results.charts.histogram.bin', { lo: bins[i]!.lo, hi: bins[j]!.hi }) });
}

export function HistogramChart({ data }: { data: PeriodResults }) {
  const bins = totalBins(data.result.branches.map((b) => b.total));
  const title = histogramTitle(bins);
  const config = useCallback(
    (frame: ChartFrame) => {
      const bins = totalBins(data.result.branches.map((b) => b.total));
      const f = frame.fonts;
      const first = bins[0]!.lo;
      const last = bins[bins.length - 1]!.hi;
      const top = Math.max(1, ...bins.map((b) => b.count));
      // A threshold at value v sits on the boundary between bins: category position (v − first) / 5 − 0.5.
      const lines = gradeLines(data, 'x', (min) => (min - first) / BIN_WIDTH - 0.5).filter((_, k) => {
        const min = data.period.settings.grades[k]!.min;
        return min >= first && min <= last;
      });
      return {
        type: 'bar' as const,
        data: {
          labels: bins.map((b) => t('results.charts.histogram.bin', { lo: b.lo, hi: b.hi })),
          datasets: [
            {
              label: t('results.charts.histogram.yAxis'),
              data: bins.map((b) => b.count),
              backgroundColor: CHART_COLORS.neutral,
              borderWidth: 0,
              barPercentage: 0.96,
              categoryPercentage: 0.96,
            },
          ],
        },
        options: {
          scales: {
            x: { ticks: { font: tickFont(frame) }, title: axisTitle(frame, t('results.charts.histogram.xAxis')), grid: { display: false } },
            y: {
              min: 0,
              max: top + Math.max(1, Math.ceil(top * 0.15)),
              ticks: { font: tickFont(frame), stepSize: top > 20 ? undefined : 1, precision: 0 },
              title: axisTitle(frame, t('results.charts.histogram.yAxis')),
              grid: { color: CHART_COLORS.grid },
            },
          },
          plugins: {
            ...titles(frame, title, t('results.charts.histogram.subtitle')),
            legend: { display: false },
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: () => '',
                label: (item: { dataIndex: number }) => {
                  const b = bins[item.dataIndex]!;
                  return t('results.charts.histogram.tooltip', { lo: b.lo, hi: b.hi, count: b.count });
                },
              },
            },
          },
        },
        plugins: [
          spaceAbovePlot(labelRows(lines.length, f.label)),
          referenceLines(lines, f.label),
          barValueLabels((i) => (bins[i]!.count ? String(bins[i]!.count) : null), { fontSize: f.label + 2, bold: true, color: () => CHART_COLORS.text }),
        ],
      };
    },
    [data, title],
  );
  return (
    <Chart
      testId="chart-histogram"
      label={title}
      fileName={`${data.period.name}-${t('results.charts.histogram.file')}`}
      config={config}
      height={({ fonts }) => 380 * fonts.scale}
    />
  );
}
