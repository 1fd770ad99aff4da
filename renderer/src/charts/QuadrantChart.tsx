/**
 * 融合象限图 — the "两张皮" signal: each branch's Party-building rate (x)
 * against its business rate (y), split at the period's split into 双强 /
 * 党建强业务弱 / 业务强党建弱 / 双弱, every point named.
 */
import { useCallback, useMemo } from 'react';
import type { PeriodResults } from '../../../shared/domain/views';
import type { BranchResult } from '../../../shared/engine';
import { QUADRANTS, type Quadrant } from '../../../shared/engine/types';
import { t } from '../../../shared/messages';
import { Chart, type ChartFrame } from './Chart';
import { axisTitle, clickable, legend, tickFont, titles, tooltipFonts, useLatest } from './common';
import { CHART_COLORS, QUADRANT_STYLES, withAlpha } from './palette';
import { pointLabels, quadrantLabelRects, quadrants, referenceLabelRects, referenceLines, spaceAbovePlot, ticksWithin, type PointLabel } from './plugins';
import { percent, shortName } from './text';

/** Up to this many branches every point is named; beyond, the names that fit. */
const MAX_NAMED = 24;

/** The branches that can be placed (both rates known), by quadrant in the engine's order. */
export function quadrantGroups(data: PeriodResults): { quadrant: Quadrant; branches: BranchResult[] }[] {
  return QUADRANTS.map((quadrant) => ({
    quadrant,
    branches: data.result.branches.filter((b) => b.quadrant === quadrant && b.tags.party.rate !== null && b.tags.business.rate !== null),
  }));
}

export function quadrantTitle(data: PeriodResults): string {
  const count = (q: Quadrant) => data.result.branches.filter((b) => b.quadrant === q).length;
  const split = count('党建强业务弱') + count('业务强党建弱');
  const weak = count('双弱');
  const base = split ? t('results.charts.quadrant.title', { count: split }) : t('results.charts.quadrant.titleNone');
  return base + (weak ? t('results.charts.quadrant.titleWeak', { count: weak }) : '');
}

/**
 * An axis range around the rates and the split, with room beyond the outermost points (a point at
 * 100 % is drawn whole, its label beside it); ticks stay at multiples of 5 % within 0…100 %.
 */
function range(values: number[]): { min: number; max: number; ticksMin: number; ticksMax: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.015, (hi - lo) * 0.06);
  const min = Math.max(0, lo - pad);
  const max = hi + pad;
  return { min, max, ticksMin: Math.max(0, Math.ceil(min * 20) / 20), ticksMax: Math.min(1, Math.floor(max * 20) / 20) };
}

export function QuadrantChart({ data, onOpen }: { data: PeriodResults; onOpen: (branchId: number) => void }) {
  const open = useLatest(onOpen);
  const title = quadrantTitle(data);
  const groups = useMemo(() => quadrantGroups(data), [data]);
  const placed = groups.reduce((n, g) => n + g.branches.length, 0);
  const missing = data.result.branches.length - placed;

  const config = useCallback(
    (frame: ChartFrame) => {
      const f = frame.fonts;
      const { split } = data.result;
      const all = groups.flatMap((g) => g.branches);
      const xr = range([...all.map((b) => b.tags.party.rate!), split.party]);
      const yr = range([...all.map((b) => b.tags.business.rate!), split.business]);
      const radius = Math.round(7 * f.scale);
      // Every point named while they fit; with many branches, the names that fit, the 两张皮 and 双弱 ones first.
      const crowded = all.length > MAX_NAMED;
      const priority: Record<Quadrant, number> = { 党建强业务弱: 3, 业务强党建弱: 3, 双弱: 2, 双强: 1 };
      const labels: PointLabel[] = groups.flatMap((g, datasetIndex) =>
        g.branches.map((b, index) => ({
          datasetIndex,
          index,
          lines: [shortName(b.name, 10)],
          color: QUADRANT_STYLES[g.quadrant].tagText,
          optional: crowded,
          priority: crowded ? priority[g.quadrant] : 0,
        })),
      );
      const corner = (q: Quadrant) => ({ text: q, color: QUADRANT_STYLES[q].tagText, tint: withAlpha(QUADRANT_STYLES[q].fill, 0.07) });
      const pct = (v: number) => `${Math.round(v * 100)}%`;
      return {
        type: 'scatter' as const,
        data: {
          datasets: groups.map((g) => {
            const s = QUADRANT_STYLES[g.quadrant];
            return {
              label: t('results.charts.quadrant.legend', { quadrant: g.quadrant, count: g.branches.length }),
              data: g.branches.map((b) => ({ x: b.tags.party.rate!, y: b.tags.business.rate! })),
              pointStyle: s.shape,
              radius: s.shape === 'triangle' ? radius + 2 : radius,
              hoverRadius: radius + 3,
              backgroundColor: withAlpha(s.fill, 0.9),
              borderColor: '#ffffff',
              borderWidth: 1.5,
            };
          }),
        },
        options: {
          layout: { padding: { right: 8 } },
          scales: {
            x: {
              type: 'linear' as const,
              min: xr.min,
              max: xr.max,
              ticks: { font: tickFont(frame), stepSize: 0.05, callback: (v: number | string) => pct(Number(v)) },
              afterBuildTicks: ticksWithin(0.05, xr.ticksMin, xr.ticksMax),
              title: axisTitle(frame, t('results.charts.quadrant.x')),
              grid: { color: CHART_COLORS.grid },
            },
            y: {
              type: 'linear' as const,
              min: yr.min,
              max: yr.max,
              ticks: { font: tickFont(frame), stepSize: 0.05, callback: (v: number | string) => pct(Number(v)) },
              afterBuildTicks: ticksWithin(0.05, yr.ticksMin, yr.ticksMax),
              title: axisTitle(frame, t('results.charts.quadrant.y')),
              grid: { color: CHART_COLORS.grid },
            },
          },
          plugins: {
            ...titles(
              frame,
              title,
              t('results.charts.quadrant.subtitle', {
                mode: t(split.mode === 'mean' ? 'results.charts.quadrant.modeMean' : 'results.charts.quadrant.modeFixed'),
                party: percent(split.party),
                business: percent(split.business),
              }),
            ),
            legend: legend(frame),
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: (items: { datasetIndex: number; dataIndex: number }[]) => {
                  const b = groups[items[0]!.datasetIndex]!.branches[items[0]!.dataIndex]!;
                  return `${b.code} ${b.name}`;
                },
                label: (item: { datasetIndex: number; dataIndex: number }) => {
                  const g = groups[item.datasetIndex]!;
                  const b = g.branches[item.dataIndex]!;
                  return [
                    g.quadrant,
                    t('results.charts.quadrant.tooltipParty', { rate: percent(b.tags.party.rate!, 2) }),
                    t('results.charts.quadrant.tooltipBusiness', { rate: percent(b.tags.business.rate!, 2) }),
                  ];
                },
                footer: () => t('results.charts.clickHint'),
              },
            },
          },
          ...clickable((d, i) => open.current(groups[d]!.branches[i]!.branchId)),
        },
        plugins: [
          spaceAbovePlot(f.label + 10),
          quadrants({
            splitX: split.party,
            splitY: split.business,
            fontSize: f.label + 2,
            quadrants: { topRight: corner('双强'), topLeft: corner('业务强党建弱'), bottomRight: corner('党建强业务弱'), bottomLeft: corner('双弱') },
          }),
          referenceLines(
            [
              { axis: 'x', value: split.party, label: t('results.charts.quadrant.splitX', { value: percent(split.party) }), color: CHART_COLORS.reference },
              { axis: 'y', value: split.business, label: t('results.charts.quadrant.splitY', { value: percent(split.business) }), color: CHART_COLORS.reference },
            ],
            f.label,
          ),
          pointLabels(labels, f.label, (chart) => [...quadrantLabelRects(chart), ...referenceLabelRects(chart)]),
        ],
      };
    },
    [data, groups, title, open],
  );

  return (
    <Chart
      testId="chart-quadrant"
      label={title}
      fileName={`${data.period.name}-${t('results.charts.quadrant.file')}`}
      config={config}
      height={({ fonts }) => 560 * fonts.scale}
      note={
        missing > 0 || placed > MAX_NAMED
          ? [missing > 0 ? t('results.charts.quadrant.missing', { count: missing }) : '', placed > MAX_NAMED ? t('results.charts.quadrant.crowded') : '']
              .filter(Boolean)
              .join('')
          : undefined
      }
    />
  );
}
