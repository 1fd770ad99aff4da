/**
 * 排名柱状图: every branch's total in rank order, coloured by its final grade,
 * a dashed line at each grade threshold, vetoed branches hatched and marked 否决.
 */
import { useCallback } from 'react';
import type { PeriodResults } from '../../../shared/domain/views';
import { t } from '../../../shared/messages';
import { Chart, type ChartFrame } from './Chart';
import { axisTitle, clickable, legend, tickFont, titles, tooltipFonts, useLatest } from './common';
import { CHART_COLORS, gradeStyleIn } from './palette';
import { barValueLabels, hatch, labelRows, referenceLines, spaceAbovePlot, ticksWithin, type ReferenceLine } from './plugins';
import { points2, shortName, textWidth } from './text';

/** The period's grade labels, best first, then any other label the results carry. */
export function gradeLabelsOf(data: PeriodResults): string[] {
  const labels = data.period.settings.grades.map((g) => g.label);
  for (const b of data.result.branches) if (!labels.includes(b.grade)) labels.push(b.grade);
  return labels;
}

/** The colour a grade's label text takes on white (the pale 一般 uses its dark text colour). */
export const gradeTextColor = (labels: string[], grade: string) => {
  const s = gradeStyleIn(labels, grade);
  return s.color === '#ffffff' ? s.fill : s.color;
};

/** Lines at each grade's threshold (all but the lowest grade). */
export function gradeLines(data: PeriodResults, axis: 'x' | 'y', position: (min: number) => number = (m) => m): ReferenceLine[] {
  const labels = gradeLabelsOf(data);
  const grades = data.period.settings.grades;
  return grades.slice(0, -1).map((g) => ({
    axis,
    value: position(g.min),
    label: t('results.charts.gradeLine', { grade: g.label, min: g.min }),
    color: gradeTextColor(labels, g.label),
    dash: [6, 4],
  }));
}

export function rankingTitle(data: PeriodResults): string {
  const first = data.result.branches[0]!;
  const top = data.period.settings.grades[0]!;
  const above = data.result.branches.filter((b) => !b.vetoed && b.total >= top.min).length;
  if (!above) return t('results.charts.ranking.titleNone', { name: shortName(first.name), total: points2(first.total), grade: top.label, min: top.min });
  // More above the line than the quota lets hold the grade: say so, or the colours would puzzle.
  const quota = data.result.quotas.find((q) => q.label === top.label);
  return (
    t('results.charts.ranking.title', { name: shortName(first.name), total: points2(first.total), count: above, grade: top.label }) +
    (quota && quota.movedBranchIds.length ? t('results.charts.ranking.titleQuota', { grade: top.label, allowed: quota.allowed }) : '')
  );
}

const rowHeight = (count: number, scale: number) => Math.round((count > 60 ? 22 : 30) * scale);

export function RankingChart({ data, onOpen }: { data: PeriodResults; onOpen: (branchId: number) => void }) {
  const open = useLatest(onOpen);
  const title = rankingTitle(data);

  const config = useCallback(
    (frame: ChartFrame) => {
      const { branches } = data.result;
      const f = frame.fonts;
      const labels = gradeLabelsOf(data);
      const anyVeto = branches.some((b) => b.vetoed);
      const valueText = (i: number) => {
        const b = branches[i]!;
        return `${points2(b.total)} ${b.grade}${b.vetoed ? ` · ${t('results.charts.vetoedShort')}` : ''}`;
      };
      const yLabels = branches.map((b) => `${b.rank}  ${shortName(b.name)}`);
      // Values sit inside the bars' ends; a hatched (vetoed) bar's goes beyond it, so leave room for that one.
      const outside = branches.map((b, i) => (b.vetoed ? textWidth(valueText(i), f.label) + 14 : 0));
      const maxTotal = Math.max(...branches.map((b) => b.total), data.result.baseMax);
      let xMax = Math.ceil(maxTotal / 10) * 10;
      const fills = branches.map((b) => gradeStyleIn(labels, b.grade).fill);
      const present = labels.filter((l) => branches.some((b) => b.grade === l));
      const plotWidth = frame.width - Math.max(...yLabels.map((l) => textWidth(l, f.tick))) - 40;
      // Ticks every 10 points, or 20 where 10 would crowd.
      const step = (plotWidth / xMax) * 10 < textWidth('100', f.tick) * 2.2 ? 20 : 10;
      xMax = Math.ceil(maxTotal / step) * step;
      return {
        type: 'bar' as const,
        data: {
          labels: yLabels,
          datasets: [
            {
              label: t('results.col.total'),
              data: branches.map((b) => b.total),
              backgroundColor: branches.map((b, i) => (b.vetoed ? hatch(fills[i]!) : fills[i]!)),
              borderColor: branches.map((b, i) => (b.vetoed ? CHART_COLORS.veto : fills[i]!)),
              borderWidth: branches.map((b) => (b.vetoed ? 1.5 : 0)),
              barPercentage: 0.78,
              categoryPercentage: 0.9,
            },
          ],
        },
        options: {
          indexAxis: 'y' as const,
          layout: { padding: { right: Math.max(16, ...outside) } },
          scales: {
            x: {
              min: 0,
              max: xMax,
              ticks: { font: tickFont(frame), stepSize: step, maxRotation: 0 },
              afterBuildTicks: ticksWithin(step, 0, xMax),
              title: axisTitle(frame, t('results.charts.ranking.axis')),
              grid: { color: CHART_COLORS.grid },
            },
            y: { ticks: { font: tickFont(frame), autoSkip: false, color: CHART_COLORS.text }, grid: { display: false } },
          },
          plugins: {
            ...titles(frame, title, t('results.charts.ranking.subtitle', { veto: anyVeto ? t('results.charts.ranking.subtitleVeto') : '' })),
            legend: {
              ...legend(frame),
              onClick: () => {},
              labels: {
                ...legend(frame).labels,
                generateLabels: () => [
                  ...present.map((l) => ({ text: l, fillStyle: gradeStyleIn(labels, l).fill, strokeStyle: gradeStyleIn(labels, l).fill, lineWidth: 0, pointStyle: 'rect' as const, hidden: false })),
                  ...(anyVeto
                    ? [{ text: t('results.charts.vetoed'), fillStyle: hatch('#8c8c8c'), strokeStyle: CHART_COLORS.veto, lineWidth: 1, pointStyle: 'rect' as const, hidden: false }]
                    : []),
                ],
              },
            },
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: (items: { dataIndex: number }[]) => {
                  const b = branches[items[0]!.dataIndex]!;
                  return `${b.code} ${b.name}`;
                },
                label: (item: { dataIndex: number }) => {
                  const b = branches[item.dataIndex]!;
                  return [
                    t('results.charts.ranking.tooltipRank', { rank: b.rank, grade: b.grade }),
                    t('results.charts.ranking.tooltipTotal', { total: points2(b.total), base: points2(b.base), bonus: points2(b.bonus) }),
                    ...(b.vetoed ? [t('results.charts.vetoed')] : []),
                  ];
                },
                footer: () => t('results.charts.clickHint'),
              },
            },
          },
          ...clickable((_d, i) => open.current(branches[i]!.branchId)),
        },
        plugins: [
          spaceAbovePlot(labelRows(data.period.settings.grades.length - 1, f.label)),
          referenceLines(gradeLines(data, 'x'), f.label),
          barValueLabels(valueText, {
            fontSize: f.label,
            bold: true,
            color: () => CHART_COLORS.text,
            inside: (i) => (branches[i]!.vetoed ? null : gradeStyleIn(labels, branches[i]!.grade).color),
          }),
        ],
      };
    },
    [data, title, open],
  );

  const n = data.result.branches.length;
  return (
    <Chart
      testId="chart-ranking"
      label={title}
      fileName={`${data.period.name}-${t('results.charts.ranking.file')}`}
      config={config}
      height={({ fonts }) => n * rowHeight(n, fonts.scale) + 190 * fonts.scale}
    />
  );
}
