/**
 * How the panel scored: agreement (ICC, Kendall's W) read in plain Chinese,
 * each rater's leniency (a diverging bar chart and the table), and the cells
 * where raters disagree most — each opening the branch drawer at that leaf.
 */
import { Alert, Empty, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PeriodResults } from '../../../../shared/domain/views';
import type { DisputedCell, RaterStatistics } from '../../../../shared/engine';
import { t, type MessageKey } from '../../../../shared/messages';
import { LeniencyChart } from '../../charts/LeniencyChart';
import { fmtExact, fmtPoints, fmtRate } from './format';
import type { DrawerTarget } from './target';
import { useApi } from '../../api/useApi';

/** Column widths of the disagreement table: nine raters fit beside the fixed columns at 1366 wide; more scroll. */
const DISPUTED_W = { branch: 180, indicator: 170, figure: 56, rater: 58 } as const;

/** Readings of the agreement figures (stated on screen next to each figure). */
export const ICC_READINGS: { min: number; key: MessageKey }[] = [
  { min: 0.9, key: 'results.panel.icc.high' },
  { min: 0.75, key: 'results.panel.icc.good' },
  { min: 0.5, key: 'results.panel.icc.fair' },
  { min: -Infinity, key: 'results.panel.icc.poor' },
];
export const W_READINGS: { min: number; key: MessageKey }[] = [
  { min: 0.7, key: 'results.panel.w.high' },
  { min: 0.5, key: 'results.panel.w.good' },
  { min: -Infinity, key: 'results.panel.w.poor' },
];
const reading = (list: { min: number; key: MessageKey }[], value: number) => t(list.find((r) => value >= r.min)!.key);
const readingTone = (list: { min: number }[], value: number) => {
  const i = list.findIndex((r) => value >= r.min);
  return i === 0 ? 'success' : i === list.length - 1 ? 'error' : 'warning';
};

/** A rater whose mean offset from the panel exceeds this many rate points (as a fraction) is 偏宽 / 偏严. */
export const OFFSET_THRESHOLD = 0.02;

export function PanelTab({ data, onOpen }: { data: PeriodResults; onOpen: (target: DrawerTarget) => void }) {
  const periodId = data.period.id;
  const panel = useApi('results.panel', { periodId });
  if (panel.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (panel.isError) return <Alert type="error" showIcon title={t('results.panel.loadFailed')} description={panel.error.message} />;
  const stats = panel.data;

  const raterName = new Map(data.raters.map((r) => [r.id, r.name]));
  const groupOf = new Map(data.raters.map((r) => [r.id, data.groups.find((g) => g.id === r.groupId)?.name ?? '']));
  const branchName = new Map(data.result.branches.map((b) => [b.branchId, `${b.code} ${b.name}`]));
  const indicator = new Map(data.indicators.map((i) => [i.id, i]));

  const raterColumns: ColumnsType<RaterStatistics> = [
    { title: t('results.panel.col.rater'), key: 'rater', render: (_, r) => raterName.get(r.raterId) },
    { title: t('results.panel.col.group'), key: 'group', render: (_, r) => groupOf.get(r.raterId) },
    { title: t('results.panel.col.entries'), dataIndex: 'entries', align: 'right', render: (n: number) => <span className="rpr-num">{n}</span> },
    {
      title: t('results.panel.col.meanRate'),
      dataIndex: 'meanRate',
      align: 'right',
      sorter: (a, b) => (a.meanRate ?? 0) - (b.meanRate ?? 0),
      render: (x: number | null) => <span className="rpr-num">{fmtRate(x)}</span>,
    },
    {
      title: t('results.panel.col.sdRate'),
      dataIndex: 'sdRate',
      align: 'right',
      render: (x: number | null) => <span className="rpr-num">{fmtRate(x)}</span>,
    },
    {
      title: t('results.panel.col.offset'),
      dataIndex: 'offset',
      sorter: (a, b) => (a.offset ?? 0) - (b.offset ?? 0),
      render: (x: number | null) => {
        if (x === null) return t('results.panel.offset.none');
        const pp = t('results.panel.offset.value', { sign: x > 0 ? '+' : x < 0 ? '−' : '', value: (Math.abs(x) * 100).toFixed(2) });
        const tag =
          x >= OFFSET_THRESHOLD ? (
            <Tag color="blue">{t('results.panel.offset.lenient')}</Tag>
          ) : x <= -OFFSET_THRESHOLD ? (
            <Tag color="orange">{t('results.panel.offset.harsh')}</Tag>
          ) : (
            <Tag>{t('results.panel.offset.neutral')}</Tag>
          );
        return (
          <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            {tag}
            <span className="rpr-num">{pp}</span>
          </span>
        );
      },
    },
  ];

  const disputedColumns: ColumnsType<DisputedCell> = [
    {
      title: t('results.panel.col.branch'),
      key: 'branch',
      width: DISPUTED_W.branch,
      fixed: 'left',
      ellipsis: true,
      render: (_, d) => branchName.get(d.branchId),
    },
    {
      title: t('results.panel.col.indicator'),
      key: 'indicator',
      width: DISPUTED_W.indicator,
      ellipsis: true,
      render: (_, d) => {
        const ind = indicator.get(d.indicatorId);
        return ind ? `${ind.code} ${ind.name}` : d.indicatorId;
      },
    },
    { title: t('results.panel.col.max'), dataIndex: 'maxPoints', width: DISPUTED_W.figure, align: 'right', render: (x: number) => <span className="rpr-num">{fmtExact(x)}</span> },
    { title: t('results.panel.col.spread'), dataIndex: 'spread', width: DISPUTED_W.figure, align: 'right', render: (x: number) => <b className="rpr-num">{fmtPoints(x)}</b> },
    { title: t('results.panel.col.mean'), dataIndex: 'mean', width: DISPUTED_W.figure, align: 'right', render: (x: number) => <span className="rpr-num">{fmtPoints(x)}</span> },
    ...data.raters.map((r) => ({
      title: r.name,
      key: `r${r.id}`,
      width: DISPUTED_W.rater,
      align: 'right' as const,
      render: (_: unknown, d: DisputedCell) => {
        const e = d.entries.find((x) => x.raterId === r.id);
        if (!e) return <Typography.Text type="secondary">{t('results.panel.notScored')}</Typography.Text>;
        const points = d.entries.map((x) => x.points);
        const hi = e.points === Math.max(...points);
        const lo = e.points === Math.min(...points);
        return <span className={`rpr-num ${hi ? 'rpr-hi' : lo ? 'rpr-lo' : ''}`}>{fmtPoints(e.points)}</span>;
      },
    })),
  ];

  return (
    <div data-testid="panel-tab">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('results.panel.scope')}
      </Typography.Paragraph>
      <div className="rpr-stat-cards">
        <StatCard
          testId="icc"
          title={t('results.panel.icc')}
          help={t('results.panel.iccHelp')}
          value={stats.icc?.value ?? null}
          readings={ICC_READINGS}
          thresholds={t('results.panel.iccThresholds')}
          basis={stats.icc ? t('results.panel.basis', { branches: stats.icc.branches, raters: stats.icc.raters }) : null}
        />
        <StatCard
          testId="kendall-w"
          title={t('results.panel.w')}
          help={t('results.panel.wHelp')}
          value={stats.kendallW?.value ?? null}
          readings={W_READINGS}
          thresholds={t('results.panel.wThresholds')}
          basis={
            stats.kendallW
              ? `${t('results.panel.basis', { branches: stats.kendallW.branches, raters: stats.kendallW.raters })}；${t('results.panel.chi', {
                  chi: fmtPoints(stats.kendallW.chiSquare),
                  df: stats.kendallW.df,
                })}`
              : null
          }
        />
      </div>

      <div className="rpr-section-title">{t('results.panel.raters')}</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('results.panel.ratersHelp', { threshold: fmtExact(OFFSET_THRESHOLD * 100) })}
      </Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <LeniencyChart data={data} stats={stats} threshold={OFFSET_THRESHOLD} />
      </div>
      <Table<RaterStatistics>
        size="small"
        rowKey="raterId"
        pagination={false}
        dataSource={stats.raters}
        columns={raterColumns}
        showSorterTooltip={false}
        data-testid="panel-raters"
      />

      <div className="rpr-section-title">{t('results.panel.disputed')}</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('results.panel.disputedHelp', { count: stats.disputed.length })}
      </Typography.Paragraph>
      <Table<DisputedCell>
        className="rpr-clickable-rows"
        size="small"
        rowKey={(d) => `${d.branchId}:${d.indicatorId}`}
        pagination={false}
        dataSource={stats.disputed}
        columns={disputedColumns}
        scroll={{ x: DISPUTED_W.branch + DISPUTED_W.indicator + 3 * DISPUTED_W.figure + DISPUTED_W.rater * data.raters.length }}
        // A long table with many raters: its header and horizontal scroll bar stay on screen while the page scrolls.
        sticky={{ getContainer: () => document.querySelector<HTMLElement>('.rp-content') ?? window }}
        onRow={(d) => ({ onClick: () => onOpen({ branchId: d.branchId, at: d.indicatorId }) })}
        locale={{ emptyText: <Empty description={t('results.panel.noDisputed')} /> }}
        data-testid="panel-disputed"
      />
    </div>
  );
}

function StatCard(props: {
  testId: string;
  title: string;
  help: string;
  value: number | null;
  readings: { min: number; key: MessageKey }[];
  thresholds: string;
  basis: string | null;
}) {
  const { value } = props;
  return (
    <div className="rpr-stat-card" data-testid={props.testId}>
      <div className="rpr-summary-label">{props.title}</div>
      {value === null ? (
        <Alert type="info" showIcon title={t('results.panel.na')} style={{ marginTop: 8 }} />
      ) : (
        <>
          <div>
            <span className="rpr-stat-value" data-testid={`${props.testId}-value`}>
              {value.toFixed(4)}
            </span>
            <Alert
              type={readingTone(props.readings, value)}
              showIcon
              title={reading(props.readings, value)}
              style={{ display: 'inline-flex', marginLeft: 12, padding: '2px 10px', verticalAlign: 6 }}
            />
          </div>
          <div className="rpr-summary-sub" style={{ whiteSpace: 'normal' }}>
            {props.help}
            {props.basis}
          </div>
        </>
      )}
      <div className="rpr-note" style={{ marginTop: 4 }}>
        {props.thresholds}
      </div>
    </div>
  );
}
