/** The ranking of the period's branches: every figure opens the branch drawer at what produced it. */
import { CheckOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Segmented, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { Tag as IndicatorTag } from '../../../../shared/domain/framework';
import type { PeriodResults } from '../../../../shared/domain/views';
import type { BranchResult } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';
import { gradeStyleIn } from '../../charts/palette';
import { fmtExact, fmtPoints, fmtRate } from './format';
import { GradeTag, NumLink, QuadrantTag } from './parts';
import type { DrawerTarget } from './target';

const ALL = '__all__';

export function RankingTable({ data, onOpen }: { data: PeriodResults; onOpen: (target: DrawerTarget) => void }) {
  const { result, period, indicators } = data;
  const settings = period.settings;
  const [query, setQuery] = useState('');
  const [grade, setGrade] = useState<string>(ALL);
  const names = useMemo(() => new Map(indicators.map((i) => [i.id, i.name])), [indicators]);

  // Grade labels in the period's order, then any other label the results carry.
  const gradeLabels = useMemo(() => {
    const labels = settings.grades.map((g) => g.label);
    for (const b of result.branches) if (!labels.includes(b.grade)) labels.push(b.grade);
    return labels;
  }, [settings.grades, result.branches]);
  const gradeIndex = (label: string) => gradeLabels.indexOf(label);
  const movedBy = useMemo(() => {
    const m = new Map<number, { from: string; to: string }>();
    for (const q of result.quotas) {
      const i = gradeLabels.indexOf(q.label);
      for (const id of q.movedBranchIds) m.set(id, { from: q.label, to: gradeLabels[i + 1] ?? '' });
    }
    return m;
  }, [result.quotas, gradeLabels]);

  const byThreshold = (total: number) => {
    const gs = settings.grades;
    for (let i = 0; i < gs.length - 1; i++) if (total >= gs[i]!.min) return gs[i]!;
    return gs[gs.length - 1]!;
  };

  const q = query.trim().toLowerCase();
  const rows = result.branches.filter(
    (b) => (grade === ALL || b.grade === grade) && (!q || b.name.toLowerCase().includes(q) || b.code.toLowerCase().includes(q)),
  );

  const tagColumn = (tag: IndicatorTag, title: string): ColumnsType<BranchResult>[number] => ({
    title,
    key: tag,
    width: 84,
    align: 'right',
    sorter: (a, b) => a.tags[tag].points - b.tags[tag].points,
    render: (_, b) => (
      <NumLink
        className="rpr-numlink-plain"
        testId={`${tag}-${b.code}`}
        tooltip={t('results.rate.tooltip', { points: fmtPoints(b.tags[tag].points), max: fmtExact(b.tags[tag].max), rate: fmtRate(b.tags[tag].rate) })}
        onClick={() => onOpen({ branchId: b.branchId, view: tag })}
      >
        <span className="rpr-num rpr-underline">{fmtPoints(b.tags[tag].points)}</span>
        <span className="rpr-rate">{fmtRate(b.tags[tag].rate)}</span>
      </NumLink>
    ),
  });

  const columns: ColumnsType<BranchResult> = [
    {
      title: t('results.col.rank'),
      dataIndex: 'rank',
      width: 68,
      fixed: 'left',
      align: 'center',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.rank - b.rank || Number(a.vetoed) - Number(b.vetoed),
      render: (rank: number) => <span className="rpr-num" data-testid="rank">{rank}</span>,
    },
    {
      title: t('results.col.code'),
      dataIndex: 'code',
      width: 72,
      fixed: 'left',
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    {
      title: t('results.col.name'),
      dataIndex: 'name',
      width: 190,
      fixed: 'left',
      ellipsis: { showTitle: false },
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, b) => (
        <Tooltip title={`${name} · ${t('results.open')}`} placement="topLeft">
          <span>
            <NumLink className="rpr-name" onClick={() => onOpen({ branchId: b.branchId })}>
              {name}
            </NumLink>
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('results.col.total'),
      key: 'total',
      width: 76,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (_, b) => (
        <NumLink
          testId={`total-${b.code}`}
          tooltip={t('results.total.tooltip', { base: fmtPoints(b.base), bonus: fmtPoints(b.bonus) })}
          onClick={() => onOpen({ branchId: b.branchId, view: 'tree' })}
        >
          <b className="rpr-num">{fmtPoints(b.total)}</b>
        </NumLink>
      ),
    },
    tagColumn('party', t('results.col.party')),
    tagColumn('business', t('results.col.business')),
    tagColumn('fusion', t('results.col.fusion')),
    {
      title: t('results.col.bonus'),
      key: 'bonus',
      width: 64,
      align: 'right',
      sorter: (a, b) => a.bonus - b.bonus,
      render: (_, b) => (
        <NumLink onClick={() => onOpen({ branchId: b.branchId, view: 'bonus' })}>
          <span className="rpr-num">{fmtPoints(b.bonus)}</span>
        </NumLink>
      ),
    },
    {
      title: t('results.col.grade'),
      key: 'grade',
      width: 68,
      align: 'center',
      sorter: (a, b) => gradeIndex(a.grade) - gradeIndex(b.grade) || a.rank - b.rank,
      render: (_, b) => {
        const moved = movedBy.get(b.branchId);
        const threshold = byThreshold(b.total);
        const lowest = settings.grades.length > 1 && threshold === settings.grades[settings.grades.length - 1];
        const tip = moved
          ? t('results.grade.movedTooltip', { from: moved.from, to: moved.to })
          : b.vetoed
            ? t('results.grade.vetoTooltip', { from: threshold.label, cap: b.grade })
            : lowest
              ? t('results.grade.lowestTooltip', {
                  next: settings.grades[settings.grades.length - 2]!.label,
                  min: fmtExact(settings.grades[settings.grades.length - 2]!.min),
                })
              : t('results.grade.plainTooltip', { min: fmtExact(threshold.min) });
        return (
          <span data-testid="grade" onClick={(e) => (e.stopPropagation(), onOpen({ branchId: b.branchId }))}>
            <GradeTag label={b.grade} tooltip={tip} labels={gradeLabels} />
          </span>
        );
      },
    },
    {
      title: t('results.col.quadrant'),
      key: 'quadrant',
      width: 104,
      render: (_, b) =>
        b.quadrant ? (
          <Tooltip
            title={t('results.quadrant.tooltip', {
              party: fmtRate(b.tags.party.rate),
              partySplit: fmtRate(result.split.party),
              business: fmtRate(b.tags.business.rate),
              businessSplit: fmtRate(result.split.business),
            })}
          >
            <span>
              <QuadrantTag quadrant={b.quadrant} />
            </span>
          </Tooltip>
        ) : (
          t('results.quadrant.none')
        ),
    },
    {
      title: t('results.col.veto'),
      key: 'veto',
      width: 80,
      align: 'center',
      render: (_, b) =>
        b.vetoed ? (
          <Tooltip title={t('results.veto.tooltip', { items: b.vetoIndicatorIds.map((id) => names.get(id) ?? '').join('”“'), cap: b.grade })}>
            <Tag
              color="#b3261e"
              data-testid="veto-flag"
              style={{ cursor: 'pointer', marginInlineEnd: 0 }}
              onClick={(e) => (e.stopPropagation(), onOpen({ branchId: b.branchId, at: b.vetoIndicatorIds[0] ?? null }))}
            >
              {t('results.veto.tag')}
            </Tag>
          </Tooltip>
        ) : null,
    },
    {
      title: t('results.col.complete'),
      key: 'complete',
      width: 80,
      align: 'center',
      sorter: (a, b) => a.missing - b.missing,
      render: (_, b) =>
        b.missing === 0 ? (
          <Tooltip title={t('results.complete.yesHint')}>
            <CheckOutlined className="rpr-complete" aria-label={t('results.complete.yesHint')} />
          </Tooltip>
        ) : (
          <Tooltip title={t('results.complete.missingHint', { count: b.missing })}>
            <Tag
              color="orange"
              style={{ cursor: 'pointer', marginInlineEnd: 0 }}
              onClick={(e) => (e.stopPropagation(), onOpen({ branchId: b.branchId, view: 'incomplete' }))}
            >
              {t('results.complete.missing', { count: b.missing })}
            </Tag>
          </Tooltip>
        ),
    },
  ];

  const counts = new Map<string, number>();
  for (const b of result.branches) counts.set(b.grade, (counts.get(b.grade) ?? 0) + 1);

  return (
    <>
      <div className="rp-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('results.search.placeholder')}
          style={{ width: 260 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Segmented
          value={grade}
          onChange={(v) => setGrade(String(v))}
          options={[
            { value: ALL, label: t('results.filter.all', { count: result.branches.length }) },
            ...gradeLabels.map((label) => ({
              value: label,
              label: (
                <span>
                  <span className="rpr-grade-dot" style={{ background: gradeStyleIn(gradeLabels, label).background, borderColor: gradeStyleIn(gradeLabels, label).border }} />
                  {t('results.filter.grade', { label, count: counts.get(label) ?? 0 })}
                </span>
              ),
            })),
          ]}
        />
      </div>
      <Table<BranchResult>
        className="rpr-ranking"
        rowKey="branchId"
        size="small"
        bordered
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        sticky={{ getContainer: () => (document.querySelector('.rp-content') as HTMLElement | null) ?? window }}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(b) => (b.vetoed ? 'rpr-vetoed-row' : '')}
        onRow={(b) => ({ onClick: () => onOpen({ branchId: b.branchId }) })}
        locale={{ emptyText: <Empty description={t('results.noMatch')} /> }}
        showSorterTooltip={false}
      />
    </>
  );
}
