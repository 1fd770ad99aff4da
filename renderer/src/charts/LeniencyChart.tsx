/**
 * 评委宽严图: each rater's mean offset from the panel (percentage points of the
 * rate), as bars diverging from zero, most lenient first, with the ± range
 * within which a rater counts as 适中.
 */
import { useCallback, useMemo } from 'react';
import type { PeriodResults } from '../../../shared/domain/views';
import type { PanelStatistics, RaterStatistics } from '../../../shared/engine';
import { t } from '../../../shared/messages';
import { Chart, type ChartFrame } from './Chart';
import { axisTitle, legend, tickFont, titles, tooltipFonts } from './common';
import { CHART_COLORS } from './palette';
import { barValueLabels, referenceLines, spaceAbovePlot } from './plugins';
import { percent, signedPp, textWidth } from './text';

type Rated = RaterStatistics & { offset: number };

const ppText = (pp: number) => t('results.charts.leniency.value', { sign: pp > 0 ? '+' : pp < 0 ? '−' : '', value: Math.abs(pp).toFixed(2) });

export function leniencyTitle(raters: Rated[], name: (id: number) => string, threshold: number): string {
  const pp = (r: Rated) => r.offset * 100;
  const lenient = raters.filter((r) => r.offset >= threshold);
  const harsh = raters.filter((r) => r.offset <= -threshold);
  const most = raters[0];
  const least = raters[raters.length - 1];
  const th = String(Math.round(threshold * 10000) / 100);
  if (!most || !least || (!lenient.length && !harsh.length)) return t('results.charts.leniency.titleWithin', { threshold: th });
  if (lenient.length && harsh.length)
    return t('results.charts.leniency.title', { lenient: name(most.raterId), lenientValue: ppText(pp(most)), harsh: name(least.raterId), harshValue: ppText(pp(least)) });
  const one = lenient.length ? most : least;
  return t('results.charts.leniency.titleOne', {
    name: name(one.raterId),
    side: t(lenient.length ? 'results.panel.offset.lenient' : 'results.panel.offset.harsh'),
    value: ppText(pp(one)),
  });
}

export function LeniencyChart({ data, stats, threshold }: { data: PeriodResults; stats: PanelStatistics; threshold: number }) {
  const names = useMemo(() => new Map(data.raters.map((r) => [r.id, r.name])), [data.raters]);
  const groups = useMemo(() => new Map(data.raters.map((r) => [r.id, data.groups.find((g) => g.id === r.groupId)?.name ?? ''])), [data.raters, data.groups]);
  // Most lenient at the top, harshest at the bottom; raters without a comparable entry left out.
  const raters = useMemo(
    () => stats.raters.filter((r): r is Rated => r.offset !== null).sort((a, b) => b.offset - a.offset || a.raterId - b.raterId),
    [stats.raters],
  );
  const name = useCallback((id: number) => names.get(id) ?? String(id), [names]);
  const title = leniencyTitle(raters, name, threshold);
  const th = Math.round(threshold * 10000) / 100;

  const config = useCallback(
    (frame: ChartFrame) => {
      const f = frame.fonts;
      const values = raters.map((r) => Math.round(r.offset * 1_000_000) / 10_000);
      const colorOf = (v: number) => (v >= th ? CHART_COLORS.lenient : v <= -th ? CHART_COLORS.harsh : CHART_COLORS.withinRange);
      const reach = Math.max(th + 1, ...values.map(Math.abs));
      // Room beyond the longest bar for its value.
      const limit = Math.ceil(reach * 1.25 + 1);
      const labelRoom = textWidth('−10.00', f.label) + 12;
      return {
        type: 'bar' as const,
        data: {
          labels: raters.map((r) => name(r.raterId)),
          datasets: [
            {
              label: t('results.charts.leniency.axis'),
              data: values,
              backgroundColor: values.map(colorOf),
              borderWidth: 0,
              barPercentage: 0.72,
            },
          ],
        },
        options: {
          indexAxis: 'y' as const,
          layout: { padding: { left: 4, right: labelRoom / 2 } },
          scales: {
            x: {
              min: -limit,
              max: limit,
              ticks: { font: tickFont(frame), callback: (v: number | string) => signedPp(Number(v), 0) },
              title: axisTitle(frame, t('results.charts.leniency.axis')),
              grid: { color: (c: { tick?: { value: number } }) => (c.tick?.value === 0 ? CHART_COLORS.text : CHART_COLORS.grid), lineWidth: (c: { tick?: { value: number } }) => (c.tick?.value === 0 ? 1.5 : 1) },
            },
            y: { ticks: { font: tickFont(frame), autoSkip: false, color: CHART_COLORS.text }, grid: { display: false } },
          },
          plugins: {
            ...titles(frame, title, t('results.charts.leniency.subtitle', { threshold: th })),
            legend: {
              ...legend(frame),
              onClick: () => {},
              labels: {
                ...legend(frame).labels,
                generateLabels: () =>
                  (
                    [
                      [t('results.charts.leniency.lenient'), CHART_COLORS.lenient],
                      [t('results.charts.leniency.neutral'), CHART_COLORS.withinRange],
                      [t('results.charts.leniency.harsh'), CHART_COLORS.harsh],
                    ] as const
                  ).map(([text, color]) => ({ text, fillStyle: color, strokeStyle: color, lineWidth: 0, pointStyle: 'rect' as const, hidden: false })),
              },
            },
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: (items: { dataIndex: number }[]) => {
                  const r = raters[items[0]!.dataIndex]!;
                  return `${name(r.raterId)}（${groups.get(r.raterId) ?? ''}）`;
                },
                label: (item: { dataIndex: number }) => {
                  const r = raters[item.dataIndex]!;
                  return [
                    ppText(values[item.dataIndex]!),
                    `${t('results.panel.col.meanRate')} ${r.meanRate === null ? '—' : percent(r.meanRate, 2)}`,
                    `${t('results.panel.col.entries')} ${r.entries}`,
                  ];
                },
              },
            },
          },
        },
        plugins: [
          spaceAbovePlot(f.label + 10),
          referenceLines(
            [
              { axis: 'x', value: th, label: t('results.charts.leniency.lineLenient', { value: th }), color: CHART_COLORS.lenient },
              { axis: 'x', value: -th, label: t('results.charts.leniency.lineHarsh', { value: th }), color: CHART_COLORS.harsh },
            ],
            f.label,
          ),
          barValueLabels((i) => signedPp(values[i]!), { fontSize: f.label, color: (i) => colorOf(values[i]!) === CHART_COLORS.withinRange ? CHART_COLORS.muted : colorOf(values[i]!) }),
        ],
      };
    },
    [raters, name, groups, title, th],
  );

  if (!raters.length) return null;
  return (
    <Chart
      testId="chart-leniency"
      label={title}
      fileName={`${data.period.name}-${t('results.charts.leniency.file')}`}
      config={config}
      height={({ fonts }) => raters.length * 34 * fonts.scale + 190 * fonts.scale}
    />
  );
}
