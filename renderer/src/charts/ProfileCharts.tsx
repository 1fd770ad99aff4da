/**
 * One branch's picture: 雷达图 (its first-level dimensions as % of their
 * maximum, against the average of all branches) and 历年趋势 (its total in
 * every period whose results may be seen). Shown in the branch drawer and,
 * for a chosen branch, on the 图表 tab.
 */
import { Alert, Spin } from 'antd';
import type { Chart as ChartJS } from 'chart.js';
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import type { TrendPoint } from '../../../shared/api';
import { isBonusMethod, type Indicator } from '../../../shared/domain/framework';
import type { PeriodResults } from '../../../shared/domain/views';
import type { BranchResult } from '../../../shared/engine';
import { t } from '../../../shared/messages';
import { Chart, type ChartFrame } from './Chart';
import { axisTitle, legend, tickFont, titles, tooltipFonts } from './common';
import { CHART_COLORS, gradeColor, withAlpha } from './palette';
import { pointLabels, referenceLabelRects, referenceLines, type PointLabel, type Rect } from './plugins';
import { gradeLines, gradeTextColor } from './RankingChart';
import { percent, points2, shortName, wrapText } from './text';
import { useApi } from '../api/useApi';

// ---- 雷达图 ----

export interface Dimension {
  indicator: Indicator;
  /** This branch's points / max (0…1); null when nothing below it is scored yet. */
  rate: number | null;
  points: number | null;
  /** Mean rate over the branches that have one. */
  average: number | null;
}

/**
 * The first-level indicators that carry base points: not the bonus dimension (outside the base) nor
 * the veto dimension (no points).
 */
export function dimensions(data: PeriodResults, branch: BranchResult): Dimension[] {
  const kids = new Map<number, Indicator[]>();
  for (const i of data.indicators) if (i.parentId !== null) kids.set(i.parentId, [...(kids.get(i.parentId) ?? []), i]);
  const leaves = (i: Indicator): Indicator[] => (kids.get(i.id)?.length ? kids.get(i.id)!.flatMap(leaves) : [i]);
  const roots = data.indicators
    .filter((i) => i.parentId === null)
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .filter((r) => r.maxPoints > 0 && !leaves(r).every((l) => isBonusMethod(l.method) || l.method?.kind === 'veto'));
  return roots.map((indicator) => {
    const rateOf = (b: BranchResult) => {
      const p = b.nodes[indicator.id]?.points;
      return p === null || p === undefined ? null : p / indicator.maxPoints;
    };
    const rates = data.result.branches.map(rateOf).filter((r): r is number => r !== null);
    return {
      indicator,
      rate: rateOf(branch),
      points: branch.nodes[indicator.id]?.points ?? null,
      average: rates.length ? rates.reduce((s, r) => s + r, 0) / rates.length : null,
    };
  });
}

export function radarTitle(branch: BranchResult, dims: Dimension[]): string {
  const name = shortName(branch.name);
  let worst: { dim: Dimension; gap: number } | null = null;
  for (const d of dims) {
    if (d.rate === null || d.average === null) continue;
    const gap = d.rate - d.average;
    if (gap < -0.00005 && (!worst || gap < worst.gap)) worst = { dim: d, gap };
  }
  return worst
    ? t('results.charts.radar.title', { name, dimension: worst.dim.indicator.name, gap: (-worst.gap * 100).toFixed(1) })
    : t('results.charts.radar.titleAbove', { name });
}

export function RadarChart({ data, branch, testId = 'chart-radar', extra }: { data: PeriodResults; branch: BranchResult; testId?: string; extra?: ReactNode }) {
  const dims = useMemo(() => dimensions(data, branch), [data, branch]);
  const title = radarTitle(branch, dims);
  const config = useCallback(
    (frame: ChartFrame) => {
      const f = frame.fonts;
      const values = dims.flatMap((d) => [d.rate, d.average]).filter((v): v is number => v !== null);
      // The centre: a round 10 % below the lowest rate (said in the subtitle), so differences show.
      const min = Math.max(0, Math.floor((Math.min(...values) * 100 - 5) / 10) * 10);
      const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
      // A radar needs three axes to enclose anything: with one or two dimensions (a 细则-only scheme, 党建 + 业务)
      // its shape collapses to a dot or a line, so the same figures are drawn as bars side by side.
      if (dims.length < 3) return barsInstead(frame, dims, pct, title, data.result.branches.length);
      return {
        type: 'radar' as const,
        data: {
          labels: dims.map((d) => wrapText(d.indicator.name, f.tick, f.tick * 6, 2)),
          datasets: [
            {
              label: t('results.charts.radar.branch'),
              data: dims.map((d) => pct(d.rate)),
              borderColor: CHART_COLORS.focus,
              backgroundColor: withAlpha(CHART_COLORS.focus, 0.16),
              borderWidth: 2.5,
              pointRadius: 4 * f.scale,
              pointBackgroundColor: CHART_COLORS.focus,
              fill: true,
            },
            {
              label: t('results.charts.radar.average'),
              data: dims.map((d) => pct(d.average)),
              borderColor: CHART_COLORS.reference,
              backgroundColor: 'transparent',
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 3 * f.scale,
              pointStyle: 'rect' as const,
              pointBackgroundColor: CHART_COLORS.reference,
              fill: false,
            },
          ],
        },
        options: {
          scales: {
            r: {
              min,
              max: 100,
              // Above the data, on a light plate: the rings' values stay readable where the shape crosses them.
              ticks: { font: { size: Math.max(14, f.tick - 2) }, stepSize: 10, callback: (v: number | string) => `${v}%`, backdropColor: 'rgba(255,255,255,0.75)', color: CHART_COLORS.muted, z: 1 },
              pointLabels: { font: { size: f.tick, weight: 'bold' as const }, color: CHART_COLORS.text },
              grid: { color: CHART_COLORS.grid },
              angleLines: { color: CHART_COLORS.grid },
            },
          },
          plugins: {
            ...titles(frame, title, t('results.charts.radar.subtitle', { count: data.result.branches.length, min })),
            legend: legend(frame),
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: (items: { dataIndex: number }[]) => dims[items[0]!.dataIndex]!.indicator.name,
                label: (item: { datasetIndex: number; dataIndex: number }) => {
                  const d = dims[item.dataIndex]!;
                  return item.datasetIndex === 0
                    ? t('results.charts.radar.tooltip', {
                        label: t('results.charts.radar.branch'),
                        rate: d.rate === null ? '—' : percent(d.rate),
                        points: d.points === null ? '—' : points2(d.points),
                        max: d.indicator.maxPoints,
                      })
                    : t('results.charts.radar.tooltipAverage', { label: t('results.charts.radar.average'), rate: d.average === null ? '—' : percent(d.average) });
                },
              },
            },
          },
        },
      };
    },
    [data, dims, title],
  );
  if (!dims.length) return <Alert type="info" showIcon title={t('results.charts.radar.none')} />;
  return (
    <Chart
      testId={testId}
      label={title}
      fileName={`${data.period.name}-${shortName(branch.name)}-${t('results.charts.radar.file')}`}
      config={config}
      extra={extra}
      height={({ fonts }) => 440 * fonts.scale}
    />
  );
}

/** The radar's figures as horizontal bars (this branch and the average per dimension), for fewer than three dimensions. */
function barsInstead(frame: ChartFrame, dims: Dimension[], pct: (v: number | null) => number | null, title: string, count: number) {
  const f = frame.fonts;
  return {
    type: 'bar' as const,
    data: {
      labels: dims.map((d) => wrapText(d.indicator.name, f.tick, f.tick * 6, 2)),
      datasets: [
        { label: t('results.charts.radar.branch'), data: dims.map((d) => pct(d.rate)), backgroundColor: CHART_COLORS.focus, maxBarThickness: 36 * f.scale },
        { label: t('results.charts.radar.average'), data: dims.map((d) => pct(d.average)), backgroundColor: CHART_COLORS.reference, maxBarThickness: 36 * f.scale },
      ],
    },
    options: {
      indexAxis: 'y' as const,
      scales: {
        x: { min: 0, max: 100, ticks: { font: tickFont(frame), callback: (v: number | string) => `${v}%` }, grid: { color: CHART_COLORS.grid } },
        y: { ticks: { font: { size: f.tick, weight: 'bold' as const }, color: CHART_COLORS.text }, grid: { display: false } },
      },
      plugins: {
        ...titles(frame, title, t('results.charts.radar.subtitleBars', { count })),
        legend: legend(frame),
        tooltip: { ...tooltipFonts(frame), callbacks: { label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''}：${String(item.raw)}%` } },
      },
    },
  };
}

// ---- 历年趋势 ----

export function trendTitle(branch: BranchResult, points: TrendPoint[], currentPeriodId: number): string {
  const name = shortName(branch.name);
  const at = points.findIndex((p) => p.periodId === currentPeriodId);
  const i = at > 0 ? at : points.length - 1;
  const diff = Math.round((points[i]!.total - points[i - 1]!.total) * 100) / 100;
  if (diff === 0) return t('results.charts.trend.titleSame', { name });
  return t('results.charts.trend.title', {
    name,
    direction: t(diff > 0 ? 'results.charts.trend.up' : 'results.charts.trend.down'),
    diff: Math.abs(diff).toFixed(2),
  });
}

/** The trend line, as small squares along its segments: labels keep off it. */
function lineObstacles(chart: ChartJS): Rect[] {
  const pts = chart.getDatasetMeta(0).data.map((el) => el.getProps(['x', 'y'], true) as { x: number; y: number });
  const out: Rect[] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 6));
    for (let k = 1; k < n; k++) out.push({ x: a.x + ((b.x - a.x) * k) / n - 3, y: a.y + ((b.y - a.y) * k) / n - 3, w: 6, h: 6 });
  }
  return out;
}

/** A period's label under its point: its name without the leading year, which is on its own line. */
function periodLabel(p: TrendPoint, width: number, fontSize: number): string[] {
  const rest = p.name.replace(new RegExp(`^${p.year}\\s*年(度)?`), '').trim() || p.name;
  return [`${p.year}年`, ...wrapText(rest, fontSize, width, 2)];
}

export function TrendChart({ data, branch, testId = 'chart-trend' }: { data: PeriodResults; branch: BranchResult; testId?: string }) {
  const trend = useApi('results.trend', { branchId: branch.branchId });
  const points = trend.data;
  const currentId = data.period.id;
  const title = points && points.length >= 2 ? trendTitle(branch, points, currentId) : '';
  const config = useCallback(
    (frame: ChartFrame) => {
      const pts = points ?? [];
      const f = frame.fonts;
      const labels = data.period.settings.grades.map((g) => g.label);
      const colorOf = (grade: string) => gradeColor(grade, labels.indexOf(grade), labels.length);
      const totals = pts.map((p) => p.total);
      const mins = data.period.settings.grades.slice(0, -1).map((g) => g.min);
      const lo = Math.min(...totals);
      const hi = Math.max(...totals);
      const yMin = Math.max(0, Math.floor((lo - 6) / 5) * 5);
      const yMax = Math.ceil((hi + 6) / 5) * 5;
      const maxima = [...new Set(pts.map((p) => p.baseMax))];
      const subtitle =
        t('results.charts.trend.subtitle') + (maxima.length > 1 ? t('results.charts.trend.subtitleMax', { list: maxima.join('、') }) : '');
      const slot = (frame.width - 120) / Math.max(1, pts.length);
      const current = pts.findIndex((p) => p.periodId === currentId);
      const labelsAt: PointLabel[] = pts.map((p, index) => ({
        datasetIndex: 0,
        index,
        lines: [
          t('results.charts.trend.point', { total: points2(p.total), grade: p.grade }),
          t(p.vetoed ? 'results.charts.trend.rankVetoed' : 'results.charts.trend.rank', { rank: p.rank, of: p.of }),
        ],
        color: gradeTextColor(labels.includes(p.grade) ? labels : [...labels, p.grade], p.grade),
        bold: index === current,
      }));
      return {
        type: 'line' as const,
        data: {
          labels: pts.map((p) => periodLabel(p, Math.min(slot - 8, f.tick * 10), f.tick)),
          datasets: [
            {
              label: t('results.charts.trend.axis'),
              data: totals,
              borderColor: CHART_COLORS.focus,
              borderWidth: 2.5,
              pointRadius: pts.map((_, i) => (i === current ? 9 : 7) * f.scale),
              pointHoverRadius: 10 * f.scale,
              pointBackgroundColor: pts.map((p) => colorOf(p.grade)),
              pointBorderColor: pts.map((_, i) => (i === current ? CHART_COLORS.text : '#ffffff')),
              pointBorderWidth: pts.map((_, i) => (i === current ? 2.5 : 1.5)),
              tension: 0,
            },
          ],
        },
        options: {
          layout: { padding: { left: 12, right: 40 * f.scale } },
          scales: {
            x: { offset: true, ticks: { font: tickFont(frame), autoSkip: false, maxRotation: 0 }, grid: { display: false } },
            y: {
              min: yMin,
              max: yMax,
              ticks: { font: tickFont(frame), stepSize: yMax - yMin > 30 ? 10 : 5 },
              title: axisTitle(frame, t('results.charts.trend.axis')),
              grid: { color: CHART_COLORS.grid },
            },
          },
          plugins: {
            ...titles(frame, title, subtitle),
            legend: { display: false },
            tooltip: {
              ...tooltipFonts(frame),
              callbacks: {
                title: (items: { dataIndex: number }[]) => pts[items[0]!.dataIndex]!.name,
                label: (item: { dataIndex: number }) => {
                  const p = pts[item.dataIndex]!;
                  return [
                    t('results.charts.trend.point', { total: points2(p.total), grade: p.grade }),
                    t(p.vetoed ? 'results.charts.trend.rankVetoed' : 'results.charts.trend.rank', { rank: p.rank, of: p.of }),
                  ];
                },
              },
            },
          },
        },
        plugins: [
          referenceLines(gradeLines(data, 'y').filter((_, k) => mins[k]! > yMin && mins[k]! < yMax), f.label),
          pointLabels(labelsAt, f.label, (chart) => [...lineObstacles(chart), ...referenceLabelRects(chart)], { vertical: true }),
        ],
      };
    },
    [data, points, title, currentId],
  );

  if (trend.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (trend.isError) return <Alert type="warning" showIcon title={t('results.charts.trend.loadFailed', { reason: trend.error.message })} />;
  if (!points || points.length < 2)
    return (
      <div className="rpc-trend-single" data-testid={`${testId}-single`}>
        {t('results.charts.trend.single')}
      </div>
    );
  return (
    <Chart
      testId={testId}
      label={title}
      fileName={`${shortName(branch.name)}-${t('results.charts.trend.file')}`}
      config={config}
      height={({ fonts }) => 440 * fonts.scale}
    />
  );
}
