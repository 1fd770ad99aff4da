/**
 * One branch, explained: its totals, how its grade and rank came about (in
 * plain Chinese), and the indicator tree down to every rater's entry.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Segmented, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { isBonusMethod, type Indicator, type Tag as IndicatorTag } from '../../../../shared/domain/framework';
import type { PeriodResults } from '../../../../shared/domain/views';
import type { BranchExplanation, BranchResult, CellExplanation, NodeExplanation } from '../../../../shared/engine';
import { t, type MessageKey } from '../../../../shared/messages';
import { CellDetail, type PanelNames } from './CellDetail';
import {
  bonusCapSentence,
  bonusNote,
  buildTree,
  cellVetoTriggered,
  fmtDeduction,
  fmtExact,
  fmtPoints,
  fmtRate,
  gradeSentences,
  type IndicatorTree,
  missingRaters,
  notApplicableTip,
  poolOf,
  poolSentence,
  rescaleSentence,
  TAG_KEYS,
  tiedWith,
} from './format';
import { TAG_COLORS } from '../../charts/palette';
import { RadarChart, TrendChart } from '../../charts/ProfileCharts';
import { GradeTag, NumLink, QuadrantTag } from './parts';
import type { DrawerTarget, TreeView } from './target';
import { useApi } from '../../api/useApi';

const METHOD_KEYS: Record<string, MessageKey> = {
  rating: 'results.method.rating',
  level: 'results.method.level',
  deduction: 'results.method.deduction',
  bonus: 'results.method.bonus',
  quantitative: 'results.method.quantitative',
  rules: 'results.method.rules',
  veto: 'results.method.veto',
};

export function BranchDrawer(props: {
  data: PeriodResults;
  target: DrawerTarget | null;
  onNavigate: (target: DrawerTarget) => void;
  onClose: () => void;
}) {
  const { data, target, onNavigate, onClose } = props;
  const branches = data.result.branches;
  const index = target ? branches.findIndex((b) => b.branchId === target.branchId) : -1;
  const branch = index >= 0 ? branches[index]! : null;
  const width = Math.min(1100, Math.max(720, (typeof window === 'undefined' ? 1366 : window.innerWidth) - 64));

  // Esc closes the drawer wherever the focus is (it stays on the table after a click there).
  const open = branch !== null;
  useEffect(() => {
    if (!open) return;
    // …unless a dialog or dropdown above it is open: Esc belongs to that one.
    const overlayOpen = () =>
      [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-select-dropdown, .ant-dropdown')].some(
        (el) => getComputedStyle(el).display !== 'none' && !el.className.includes('-hidden'),
      );
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !overlayOpen()) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={width}
      destroyOnHidden
      title={branch ? t('results.drawer.title', { code: branch.code, name: branch.name }) : ''}
      extra={
        branch && (
          <Space>
            <Typography.Text type="secondary">{t('results.drawer.rank', { rank: branch.rank, count: branches.length })}</Typography.Text>
            <Button icon={<LeftOutlined />} disabled={index <= 0} onClick={() => onNavigate({ branchId: branches[index - 1]!.branchId })}>
              {t('results.drawer.prev')}
            </Button>
            <Button disabled={index >= branches.length - 1} onClick={() => onNavigate({ branchId: branches[index + 1]!.branchId })}>
              {t('results.drawer.next')}
              <RightOutlined />
            </Button>
          </Space>
        )
      }
    >
      {branch && target && (
        <BranchDetail key={`${target.branchId}:${target.at ?? ''}:${target.view ?? ''}`} data={data} branch={branch} target={target} />
      )}
    </Drawer>
  );
}

function BranchDetail({ data, branch, target }: { data: PeriodResults; branch: BranchResult; target: DrawerTarget }) {
  const periodId = data.period.id;
  const explanation = useApi('results.explain', { periodId, branchId: branch.branchId });
  const tree = useMemo(() => buildTree(data.indicators), [data.indicators]);
  const names = useMemo<PanelNames>(() => {
    const raters = new Map(data.raters.map((r) => [r.id, r.name]));
    const groups = new Map(data.groups.map((g) => [g.id, g.name]));
    return {
      rater: (id) => raters.get(id) ?? String(id),
      group: (id) => groups.get(id) ?? String(id),
      order: new Map(data.raters.map((r, i) => [r.id, i])),
      ratersOf: (groupId) => data.raters.filter((r) => r.groupId === groupId).map((r) => r.id),
    };
  }, [data.raters, data.groups]);

  if (explanation.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (explanation.isError)
    return <Alert type="error" showIcon title={t('results.drawer.loadFailed')} description={explanation.error.message} />;
  return <Explained data={data} branch={branch} target={target} explanation={explanation.data} tree={tree} names={names} />;
}

interface Row {
  key: string;
  ind: Indicator;
  depth: number;
  inner: boolean;
  /** Ancestors' names, in the flat views. */
  path?: string;
}

function Explained(props: {
  data: PeriodResults;
  branch: BranchResult;
  target: DrawerTarget;
  explanation: BranchExplanation;
  tree: IndicatorTree;
  names: PanelNames;
}) {
  const { data, branch, target, explanation, tree, names } = props;
  const settings = data.period.settings;
  const focus = target.at ?? null;
  const [view, setView] = useState<TreeView>(focus !== null ? 'tree' : (target.view ?? 'tree'));
  const innerIds = useMemo(() => tree.ordered.filter((i) => tree.children.get(i.id)?.length).map((i) => i.id), [tree]);
  const [expandedNodes, setExpandedNodes] = useState<Set<number>>(() => new Set(innerIds));
  const [openLeaves, setOpenLeaves] = useState<number[]>(() => (focus !== null && !tree.children.get(focus)?.length ? [focus] : []));

  const cells = useMemo(() => new Map(explanation.cells.map((c) => [c.indicatorId, c])), [explanation.cells]);
  const nodes = useMemo(() => new Map(explanation.nodes.map((n) => [n.indicatorId, n])), [explanation.nodes]);
  const indicatorName = (id: number) => tree.byId.get(id)?.name ?? String(id);

  // Reveal the indicator the caller pointed at.
  useEffect(() => {
    if (focus === null) return;
    const row = document.querySelector(`.rpr-tree [data-row-key="${focus}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'start' });
    // Keep the rows just above in view: the parent (with its sum and any cap) gives the context.
    row.closest('.ant-drawer-body')?.scrollBy(0, -96);
  }, [focus]);

  const toggleNode = (id: number) =>
    setExpandedNodes((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleLeaf = (id: number) => setOpenLeaves((ks) => (ks.includes(id) ? ks.filter((k) => k !== id) : [...ks, id]));

  const isVetoNode = (ind: Indicator): boolean => {
    const kids = tree.children.get(ind.id);
    return ind.method?.kind === 'veto' || (!!kids?.length && kids.every((k) => isVetoNode(k)));
  };
  const vetoTriggered = (ind: Indicator): boolean => {
    const kids = tree.children.get(ind.id);
    if (kids?.length) return kids.some(vetoTriggered);
    const cell = cells.get(ind.id);
    return cell ? cellVetoTriggered(cell) : false;
  };

  // ---- Rows of the current view ----
  const leaves = tree.ordered.filter((i) => !tree.children.get(i.id)?.length && i.method);
  const pathOf = (i: Indicator) =>
    tree
      .pathOf(i.id)
      .slice(0, -1)
      .map((id) => tree.byId.get(id)!.name)
      .join(' / ');
  const flat = (list: Indicator[]): Row[] =>
    list.map((ind) => ({ key: String(ind.id), ind, depth: 0, inner: !!tree.children.get(ind.id)?.length, path: pathOf(ind) }));
  let rows: Row[];
  let caption: string | null = null;
  if (view === 'tree') {
    rows = [];
    const walk = (ind: Indicator, depth: number) => {
      const kids = tree.children.get(ind.id) ?? [];
      rows.push({ key: String(ind.id), ind, depth, inner: kids.length > 0 });
      if (kids.length && expandedNodes.has(ind.id)) for (const k of kids) walk(k, depth + 1);
    };
    tree.roots.forEach((r) => walk(r, 0));
  } else if (view === 'bonus') {
    const list = leaves.filter((i) => isBonusMethod(i.method));
    rows = flat(list);
    const { bonusRaw, bonusCap, bonus, bonusSections } = explanation.totals;
    // With section caps (加分上限（本部分）) that cut something, the period's cap applies to what they left.
    const sectioned = bonusSections !== undefined && bonusSections < bonusRaw;
    const counted = sectioned ? bonusSections : bonusRaw;
    caption =
      t('results.tree.bonusSum', { bonus: fmtPoints(bonus), raw: fmtPoints(bonusRaw) }) +
      (sectioned ? t('results.bonusCap.sectionsCaption', { sections: fmtPoints(bonusSections) }) : '') +
      (bonusCap !== null && counted > bonusCap ? t('results.tree.bonusSumCapped', { cap: fmtExact(bonusCap) }) : '');
  } else if (view === 'incomplete') {
    const list = leaves.filter((i) => cells.get(i.id)?.complete === false);
    rows = flat(list);
    caption = list.length ? t('results.tree.incompleteSum', { count: list.length }) : t('results.tree.noIncomplete');
  } else {
    const tag: IndicatorTag = view;
    // A pool's children have no points of their own: the pool stands in for them, as it does in the tag's subtotal.
    const list: Indicator[] = [];
    for (const i of leaves) {
      if (i.tag !== tag || isBonusMethod(i.method) || i.method?.kind === 'veto') continue;
      const pool = poolOf(tree, i);
      if (!pool) list.push(i);
      else if (pool.tag === tag && !list.includes(pool)) list.push(pool);
    }
    rows = flat(list);
    const sub = branch.tags[tag];
    const sum = list.reduce((s, i) => s + ((tree.children.get(i.id)?.length ? branch.nodes[i.id]?.points : cells.get(i.id)?.value) ?? 0), 0);
    caption =
      t('results.tree.tagSum', { tag: t(TAG_KEYS[tag]), points: fmtPoints(sub.points), max: fmtExact(sub.max), rate: fmtRate(sub.rate), count: list.length }) +
      (sum > sub.max + 1e-9 ? t('results.tree.tagSumCapped', { sum: fmtPoints(sum), max: fmtExact(sub.max) }) : '');
  }

  const pointsCell = (row: Row) => {
    const ind = row.ind;
    // 不适用 (适用范围与折算): no points, not missing — say so rather than “暂无”.
    if (branch.nodes[ind.id]?.notApplicable) {
      const tag = (
        <Tooltip title={notApplicableTip(tree, ind)}>
          <Tag data-testid={`na-${ind.code}`}>{t('results.na.tag')}</Tag>
        </Tooltip>
      );
      return row.inner ? tag : <NumLink onClick={() => toggleLeaf(ind.id)}>{tag}</NumLink>;
    }
    if (isVetoNode(ind)) {
      const on = vetoTriggered(ind);
      const tag = <Tag color={on ? '#b3261e' : undefined}>{t(on ? 'results.tree.vetoTriggered' : 'results.tree.vetoNot')}</Tag>;
      return row.inner ? tag : <NumLink onClick={() => toggleLeaf(ind.id)}>{tag}</NumLink>;
    }
    const points = branch.nodes[ind.id]?.points ?? null;
    // A pool's child (扣分池) shows what it takes from the pool: −3.00.
    const pooled = !row.inner && poolOf(tree, ind) !== null;
    const text = points === null ? t('results.tree.noValue') : pooled ? fmtDeduction(points) : fmtPoints(points);
    return (
      <NumLink
        testId={`points-${ind.code}`}
        onClick={() => (row.inner ? toggleNode(ind.id) : toggleLeaf(ind.id))}
      >
        <span className="rpr-num" style={pooled && points !== null && points < 0 ? { color: '#b3261e' } : undefined}>
          {text}
        </span>
      </NumLink>
    );
  };

  const statusCell = (row: Row) => {
    const ind = row.ind;
    if (row.inner) {
      const node = nodes.get(ind.id);
      return (
        <Space size={4} wrap>
          {node?.bonus && <Tag>{t('results.tree.bonusNode')}</Tag>}
          {node?.pool && <Tag color="volcano">{t('results.pool.tag')}</Tag>}
          {node && !node.complete && <Tag color="orange">{t('results.tree.incomplete')}</Tag>}
        </Space>
      );
    }
    const cell = cells.get(ind.id);
    if (!cell || cell.complete) return null;
    // A data-triggered leaf (由业务数据触发) lacks what its source lacks: the business data.
    if (cell.method === 'quantitative' || cell.trigger) return <Tag color="orange">{t('results.tree.noData')}</Tag>;
    // An office-recorded leaf (考核组核定) has no raters (its groups are empty): what it lacks is the office's record.
    if (cell.office) return <Tag color="orange">{t('results.tree.noOffice')}</Tag>;
    const n = missingRaters(cell) || Math.max(0, names.order.size - cell.recused.length - (cell.veto?.answered ?? 0));
    return <Tag color="orange">{t('results.tree.missingRaters', { count: n })}</Tag>;
  };

  const nameCell = (row: Row) => {
    const ind = row.ind;
    const node: NodeExplanation | undefined = row.inner ? nodes.get(ind.id) : undefined;
    const open = row.inner ? expandedNodes.has(ind.id) : openLeaves.includes(ind.id);
    return (
      <div style={{ paddingLeft: row.depth * 20 }}>
        <span className="rpr-tree-name">
          <button
            type="button"
            className="rpr-tree-toggle"
            aria-expanded={open}
            aria-label={ind.name}
            onClick={() => (row.inner ? toggleNode(ind.id) : toggleLeaf(ind.id))}
          >
            {row.inner ? (open ? '▾' : '▸') : open ? '⊖' : '⊕'}
          </button>
          <span className="rpr-tree-code">{ind.code}</span>
          <span style={{ fontWeight: row.inner && row.depth === 0 ? 600 : 400 }}>{ind.name}</span>
        </span>
        {row.path && <div className="rpr-note" style={{ paddingLeft: 22 }}>{row.path}</div>}
        {node?.capped && node.childrenSum !== null && (
          <div className="rpr-capped" style={{ paddingLeft: 22 }} data-testid="node-capped">
            {t('results.tree.capped', { sum: fmtPoints(node.childrenSum), max: fmtExact(node.maxPoints) })}
          </div>
        )}
        {node && poolSentence(node) && (
          <div className={node.pool?.floored ? 'rpr-capped' : 'rpr-note'} style={{ paddingLeft: 22 }} data-testid="node-pool">
            {poolSentence(node)}
          </div>
        )}
        {node && bonusCapSentence(node) && (
          <div className={node.bonusCap?.capped ? 'rpr-capped' : 'rpr-note'} style={{ paddingLeft: 22 }} data-testid="node-bonuscap">
            {bonusCapSentence(node)}
          </div>
        )}
      </div>
    );
  };

  const columns: ColumnsType<Row> = [
    { title: t('results.tree.col.indicator'), key: 'name', render: (_, row) => nameCell(row) },
    {
      title: t('results.tree.col.tag'),
      key: 'tag',
      width: 64,
      render: (_, row) => <Tag color={TAG_COLORS[row.ind.tag]}>{t(TAG_KEYS[row.ind.tag])}</Tag>,
    },
    {
      title: t('results.tree.col.method'),
      key: 'method',
      width: 84,
      render: (_, row) => (row.ind.method ? t(METHOD_KEYS[row.ind.method.kind]!) : ''),
    },
    { title: t('results.tree.col.points'), key: 'points', width: 92, align: 'right', render: (_, row) => pointsCell(row) },
    {
      title: t('results.tree.col.max'),
      key: 'max',
      width: 64,
      align: 'right',
      render: (_, row) =>
        !row.inner && poolOf(tree, row.ind) ? (
          <Tooltip title={t('results.pool.childMax')}>
            <span className="rpr-num rpr-note">—</span>
          </Tooltip>
        ) : (
          <span className={branch.nodes[row.ind.id]?.notApplicable ? 'rpr-num rpr-note' : 'rpr-num'}>{fmtExact(row.ind.maxPoints)}</span>
        ),
    },
    { title: t('results.tree.col.status'), key: 'status', width: 150, render: (_, row) => statusCell(row) },
  ];

  const tagView = (tag: IndicatorTag) => ({ value: tag, label: t('results.tree.tagView', { tag: t(TAG_KEYS[tag]), points: fmtPoints(branch.tags[tag].points) }) });
  const incompleteCount = leaves.filter((i) => cells.get(i.id)?.complete === false).length;

  return (
    <div data-testid="branch-detail">
      <Totals branch={branch} explanation={explanation} data={data} onView={setView} />

      <div className="rpr-section-title">{t('results.drawer.gradeTitle')}</div>
      <GradeSteps data={data} branch={branch} explanation={explanation} indicatorName={indicatorName} />

      <div className="rpr-section-title">{t('results.drawer.profile')}</div>
      <div className="rpc-profile-grid" data-testid="drawer-profile">
        <RadarChart data={data} branch={branch} testId="drawer-chart-radar" />
        <TrendChart data={data} branch={branch} testId="drawer-chart-trend" />
      </div>

      <div className="rpr-section-title">{t('results.tree.title')}</div>
      <div className="rp-toolbar" style={{ margin: '8px 0' }}>
        <Segmented<TreeView>
          value={view}
          onChange={setView}
          options={[
            { value: 'tree', label: t('results.tree.all') },
            tagView('party'),
            tagView('business'),
            tagView('fusion'),
            { value: 'bonus', label: t('results.tree.bonusView', { points: fmtPoints(branch.bonus) }) },
            { value: 'incomplete', label: t('results.tree.incompleteView', { count: incompleteCount }) },
          ]}
        />
        {view === 'tree' && (
          <Space>
            <Button size="small" onClick={() => setExpandedNodes(new Set(innerIds))}>
              {t('results.tree.expandAll')}
            </Button>
            <Button size="small" onClick={() => (setExpandedNodes(new Set()), setOpenLeaves([]))}>
              {t('results.tree.collapseAll')}
            </Button>
          </Space>
        )}
      </div>
      {caption && (
        <div className="rpr-cell-line" style={{ marginBottom: 8 }} data-testid="view-caption">
          {caption}
        </div>
      )}
      <Table<Row>
        className="rpr-tree"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={columns}
        rowClassName={(row) => [row.inner ? 'rpr-inner' : '', row.ind.id === focus ? 'rpr-focus' : ''].join(' ')}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: openLeaves.map(String),
          rowExpandable: (row) => !row.inner,
          expandedRowRender: (row) => {
            const cell: CellExplanation | undefined = cells.get(row.ind.id);
            return cell ? <CellDetail cell={cell} indicator={row.ind} settings={settings} names={names} pool={poolOf(tree, row.ind)} /> : null;
          },
        }}
        summary={
          view === 'party' || view === 'business' || view === 'fusion' || view === 'bonus'
            ? () => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <b>{t('results.tree.sumRow')}</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <b className="rpr-num">{fmtPoints(view === 'bonus' ? branch.bonus : branch.tags[view].points)}</b>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <span className="rpr-num">
                      {view === 'bonus' ? (settings.bonusCap === null ? '—' : fmtExact(settings.bonusCap)) : fmtExact(branch.tags[view].max)}
                    </span>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} />
                </Table.Summary.Row>
              )
            : undefined
        }
      />
      {view !== 'tree' && view !== 'incomplete' && <div className="rpr-note" style={{ marginTop: 8 }}>{t('results.tree.roundingNote')}</div>}
    </div>
  );
}

function Totals(props: { data: PeriodResults; branch: BranchResult; explanation: BranchExplanation; onView: (v: TreeView) => void }) {
  const { data, branch, explanation, onView } = props;
  const result = data.result;
  const figure = (label: string, value: ReactNode, sub?: ReactNode) => (
    <div className="rpr-drawer-figure">
      <div className="rpr-summary-label">{label}</div>
      <div className="rpr-summary-value">{value}</div>
      {sub && <div className="rpr-summary-sub">{sub}</div>}
    </div>
  );
  const tagFigure = (tag: IndicatorTag) =>
    figure(
      t(TAG_KEYS[tag]),
      <NumLink onClick={() => onView(tag)}>{fmtPoints(branch.tags[tag].points)}</NumLink>,
      `${fmtRate(branch.tags[tag].rate)} · ${t('results.drawer.outOf', { max: fmtExact(branch.tags[tag].max) })}`,
    );
  return (
    <div className="rpr-drawer-totals" data-testid="drawer-totals">
      {figure(
        t('results.drawer.total'),
        <span data-testid="drawer-total">{fmtPoints(branch.total)}</span>,
        `= ${t('results.drawer.base')} ${fmtPoints(branch.base)} + ${t('results.drawer.bonus')} ${fmtPoints(branch.bonus)}`,
      )}
      {figure(
        t('results.drawer.base'),
        <NumLink onClick={() => onView('tree')}>{fmtPoints(branch.base)}</NumLink>,
        // 折算 (适用范围与折算): what applies, what was earned on it, and the working to the full mark.
        rescaleSentence(explanation.totals) ?? t('results.drawer.outOf', { max: fmtExact(result.baseMax) }),
      )}
      {figure(t('results.drawer.bonus'), <NumLink onClick={() => onView('bonus')}>{fmtPoints(branch.bonus)}</NumLink>, bonusNote(explanation.totals))}
      {tagFigure('party')}
      {tagFigure('business')}
      {tagFigure('fusion')}
      {figure(
        t('results.col.grade'),
        <GradeTag label={branch.grade} large labels={data.period.settings.grades.map((g) => g.label)} />,
        branch.quadrant ? <QuadrantTag quadrant={branch.quadrant} style={{ marginTop: 2 }} /> : undefined,
      )}
    </div>
  );
}

function GradeSteps(props: { data: PeriodResults; branch: BranchResult; explanation: BranchExplanation; indicatorName: (id: number) => string }) {
  const { data, branch, explanation, indicatorName } = props;
  const { result, period } = data;
  const steps = gradeSentences(explanation, branch, period.settings, result.quotas, indicatorName);
  const ties = tiedWith(result, branch);
  const keys = explanation.rank.keys;
  return (
    <div data-testid="grade-steps">
      {branch.missing > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('results.grade.provisional', { count: branch.missing })} />
      )}
      <ol className="rpr-steps">
        {steps.map((s, i) => (
          <li key={i} className={i === steps.length - 1 ? 'rpr-final' : ''}>
            {s}
          </li>
        ))}
        <li>
          {t('results.rank.value', { rank: branch.rank, count: result.branches.length })}
          {ties.length > 0 && t('results.rank.tie', { names: ties.join(t('results.summary.sep')) })}
          <Tooltip title={t('results.rank.rule')}>
            <span className="rpr-note" style={{ marginLeft: 8, borderBottom: '1px dotted' }}>
              {t('results.rank.keys', {
                total: fmtPoints(keys.total),
                business: fmtPoints(keys.business),
                party: fmtPoints(keys.party),
                deducted: fmtPoints(keys.deducted),
              })}
            </span>
          </Tooltip>
        </li>
      </ol>
    </div>
  );
}
