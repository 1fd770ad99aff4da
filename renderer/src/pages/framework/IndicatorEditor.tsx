import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CheckOutlined,
  DragOutlined,
  NodeExpandOutlined,
  OrderedListOutlined,
  PlusOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FrameworkWithIndicators, Indicator } from '../../../../shared/domain/framework';
import type { FrameworkIssue } from '../../../../shared/domain/framework-validate';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { ChecksPanel } from './FrameworkChecks';
import { IndicatorDrawer, type Editing } from './IndicatorDrawer';
import { buildTree, fmtPoints, methodSummary, TAG_COLOR, TAG_LABEL, totals, type TreeRow } from './model';
import { MoveModal } from './MoveModal';

interface Props {
  framework: FrameworkWithIndicators & { issues: FrameworkIssue[] };
  /** Frozen versions are shown read-only; `frozenTip` says why and offers a new version. */
  frozen: boolean;
  frozenTip: ReactNode;
}

/** A button that explains itself when it cannot be used. */
function Guarded({ reason, children }: { reason: ReactNode | null; children: ReactNode }) {
  return reason ? (
    <Tooltip title={reason} mouseLeaveDelay={0.3} styles={{ root: { maxWidth: 360 } }}>
      <span className="rp-fw-guard">{children}</span>
    </Tooltip>
  ) : (
    <>{children}</>
  );
}

/**
 * Keeps the tree's toolbar, then the table header, in view while the page
 * scrolls: the toolbar sticks to the top of the scrolling content area, the
 * header right below it (whatever height the toolbar wraps to).
 */
function useStickyBar() {
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ padding: 0, height: 52 });
  useEffect(() => {
    if (!bar) return;
    const scroller = bar.closest<HTMLElement>('.rp-content');
    const padding = scroller ? parseFloat(getComputedStyle(scroller).paddingTop) || 0 : 0;
    const measure = () => setBox({ padding, height: bar.getBoundingClientRect().height });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [bar]);
  return { setBar, top: -box.padding, headerTop: Math.max(0, box.height - box.padding) };
}

const rowSelector = (id: number) => `.rp-fw-tree tr[data-row-key="${id}"]`;

/** The tree of one framework version: summary, live check, and every edit, saved at once. */
export function IndicatorEditor({ framework, frozen, frozenTip }: Props) {
  const indicators = framework.indicators;
  const tree = useMemo(() => buildTree(indicators), [indicators]);
  const sums = useMemo(() => totals(indicators), [indicators]);
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();

  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [moving, setMoving] = useState<Indicator | null>(null);
  /** Drag and drop: the row being dragged and where it would land. */
  const [dragId, setDragId] = useState<number | null>(null);
  const [drop, setDrop] = useState<{ id: number; where: 'before' | 'after' } | null>(null);
  /** A row to scroll to and focus once it is on screen (after a save's refetch, or an issue click). */
  const reveal = useRef<{ id: number; block: ScrollLogicalPosition } | null>(null);
  const { setBar, top: barTop, headerTop } = useStickyBar();

  const selected = selectedId === null ? null : (tree.byId.get(selectedId) ?? null);
  const expandedKeys = useMemo(
    () => tree.flat.filter((r) => r.children?.length && !collapsed.has(r.key)).map((r) => r.key),
    [tree, collapsed],
  );
  const visibleRows = useMemo(() => {
    const out: TreeRow[] = [];
    const walk = (rows: TreeRow[]) =>
      rows.forEach((r) => {
        out.push(r);
        if (r.children && !collapsed.has(r.key)) walk(r.children);
      });
    walk(tree.roots);
    return out;
  }, [tree, collapsed]);

  const revealRow = useCallback((id: number, block: ScrollLogicalPosition = 'nearest') => {
    reveal.current = { id, block };
    setSelectedId(id);
    // Open every ancestor so the row is on screen.
    setCollapsed((prev) => {
      const next = new Set(prev);
      let n = tree.byId.get(id)?.indicator;
      while (n && n.parentId !== null) {
        next.delete(n.parentId);
        n = tree.byId.get(n.parentId)?.indicator;
      }
      return next;
    });
  }, [tree]);

  useEffect(() => {
    const target = reveal.current;
    if (target === null) return;
    const el = document.querySelector<HTMLElement>(rowSelector(target.id));
    if (!el) return; // not there yet: the refetch will bring it
    reveal.current = null;
    el.scrollIntoView({ block: target.block });
    el.focus({ preventScroll: true });
  });

  const settle = () => queryClient.invalidateQueries({ queryKey: ['frameworks'] });
  const change = useMutation({
    mutationFn: (run: () => Promise<string | null>) => run(),
    onSuccess: (done) => {
      if (done) void message.success(done);
    },
    onError: showError,
    onSettled: settle,
  });

  const siblingIndex = (n: Indicator) => tree.siblingsOf(n.parentId).findIndex((s) => s.id === n.id);
  const siblingCount = (n: Indicator) => tree.siblingsOf(n.parentId).length;

  const moveBy = (n: Indicator, delta: -1 | 1) => {
    const index = siblingIndex(n);
    const position = index + delta;
    if (frozen || position < 0 || position >= siblingCount(n)) return;
    reveal.current = { id: n.id, block: 'nearest' };
    change.mutate(async () => {
      await call('indicators.move', { id: n.id, parentId: n.parentId, position });
      return null;
    });
  };

  const moveTo = (n: Indicator, parentId: number | null, renumber: boolean) => {
    change.mutate(
      async () => {
        await call('indicators.move', { id: n.id, parentId, position: tree.siblingsOf(parentId).length });
        if (renumber) await call('frameworks.renumber', { id: framework.id });
        return t('fw.moved.ok', { name: n.name });
      },
      {
        onSuccess: () => {
          setMoving(null);
          revealRow(n.id);
        },
      },
    );
  };

  /** Dropping is allowed anywhere but on the dragged row itself or below it. */
  const canDropOn = (target: TreeRow) => {
    if (dragId === null || frozen) return false;
    for (let n: Indicator | undefined = target.indicator; n; n = n.parentId === null ? undefined : tree.byId.get(n.parentId)?.indicator) {
      if (n.id === dragId) return false;
    }
    return true;
  };

  /** Puts the dragged indicator before or after `target`, among target's siblings. */
  const dropOn = (target: TreeRow, where: 'before' | 'after') => {
    const dragged = dragId === null ? undefined : tree.byId.get(dragId)?.indicator;
    if (!dragged || !canDropOn(target)) return;
    const others = tree.siblingsOf(target.indicator.parentId).filter((s) => s.id !== dragged.id);
    const position = others.findIndex((s) => s.id === target.indicator.id) + (where === 'after' ? 1 : 0);
    reveal.current = { id: dragged.id, block: 'nearest' };
    setSelectedId(dragged.id);
    change.mutate(async () => {
      await call('indicators.move', { id: dragged.id, parentId: target.indicator.parentId, position });
      return null;
    });
  };

  const confirmDelete = (row: TreeRow) => {
    const n = row.indicator;
    const siblings = tree.siblingsOf(n.parentId);
    const index = siblings.findIndex((s) => s.id === n.id);
    const after = siblings[index + 1] ?? siblings[index - 1] ?? (n.parentId === null ? undefined : tree.byId.get(n.parentId)?.indicator);
    modal.confirm({
      title:
        row.descendants > 0
          ? t('fw.deleteIndicator.confirmTitle', { name: `${n.code} ${n.name}`, count: row.descendants })
          : t('fw.deleteIndicator.confirmTitleLeaf', { name: `${n.code} ${n.name}` }),
      content: t('fw.deleteIndicator.confirmBody'),
      okText: t('fw.delete.okText'),
      okButtonProps: { danger: true },
      cancelText: t('fw.form.cancel'),
      onOk: () =>
        change.mutateAsync(
          async () => {
            const { removed } = await call('indicators.delete', { id: n.id });
            return t('fw.deleteIndicator.ok', { name: n.name, count: removed });
          },
          { onSuccess: () => (after ? revealRow(after.id) : setSelectedId(null)) },
        ).catch(() => undefined),
    });
  };

  const confirmRenumber = () =>
    modal.confirm({
      title: t('fw.renumber.confirmTitle'),
      content: t('fw.renumber.confirmBody'),
      okText: t('fw.renumber.okText'),
      cancelText: t('fw.form.cancel'),
      onOk: () =>
        change
          .mutateAsync(async () => {
            await call('frameworks.renumber', { id: framework.id });
            return t('fw.renumber.ok');
          })
          .catch(() => undefined),
    });

  const edit = (n: Indicator) => setEditing({ mode: 'edit', indicator: n });
  const addChild = (parent: Indicator | null) => !frozen && setEditing({ mode: 'add', parent });

  const onRowKey = (e: KeyboardEvent<HTMLElement>, row: TreeRow) => {
    if (e.target !== e.currentTarget) return; // keys typed into the row's buttons are theirs
    const n = row.indicator;
    const at = visibleRows.findIndex((r) => r.key === row.key);
    const go = (r: TreeRow | undefined) => {
      if (!r) return;
      setSelectedId(r.key);
      document.querySelector<HTMLElement>(rowSelector(r.key))?.focus();
    };
    let handled = true;
    if (e.key === 'ArrowDown' && e.altKey) moveBy(n, 1);
    else if (e.key === 'ArrowUp' && e.altKey) moveBy(n, -1);
    else if (e.key === 'ArrowDown') go(visibleRows[at + 1]);
    else if (e.key === 'ArrowUp') go(visibleRows[at - 1]);
    else if (e.key === 'ArrowRight' && row.children)
      setCollapsed((prev) => new Set([...prev].filter((k) => k !== row.key)));
    else if (e.key === 'ArrowLeft' && row.children && !collapsed.has(row.key)) setCollapsed((prev) => new Set([...prev, row.key]));
    else if (e.key === 'ArrowLeft' && n.parentId !== null) go(tree.byId.get(n.parentId));
    else if (e.key === 'Enter') edit(n);
    else if (e.key === 'Delete' && !frozen) confirmDelete(row);
    else handled = false;
    if (handled) e.preventDefault();
  };

  const frozenReason = frozen ? frozenTip : null;
  const needSelection = selected ? null : t('fw.action.needSelection');
  const selIndex = selected ? siblingIndex(selected.indicator) : -1;
  const upReason = frozenReason ?? needSelection ?? (selIndex <= 0 ? t('fw.action.firstAlready') : null);
  const downReason =
    frozenReason ?? needSelection ?? (selected && selIndex >= siblingCount(selected.indicator) - 1 ? t('fw.action.lastAlready') : null);
  const allExpanded = collapsed.size === 0;

  return (
    <>
      <ChecksPanel totals={sums} issues={framework.issues} onPick={(id) => revealRow(id, 'center')} />

      <div className="rp-fw-treebar" ref={setBar} style={{ top: barTop }}>
        <Space wrap size={8}>
          <Guarded reason={frozenReason}>
            <Button icon={<PlusOutlined />} disabled={frozen} onClick={() => addChild(null)}>
              {t('fw.action.addRoot')}
            </Button>
          </Guarded>
          <Guarded reason={frozenReason ?? needSelection}>
            <Button
              icon={<PlusOutlined />}
              disabled={frozen || !selected}
              onClick={() => selected && addChild(selected.indicator.parentId === null ? null : (tree.byId.get(selected.indicator.parentId)?.indicator ?? null))}
            >
              {t('fw.action.addSibling')}
            </Button>
          </Guarded>
          <Guarded reason={upReason}>
            <Button icon={<ArrowUpOutlined />} disabled={upReason !== null} onClick={() => selected && moveBy(selected.indicator, -1)}>
              {t('fw.action.moveUp')}
            </Button>
          </Guarded>
          <Guarded reason={downReason}>
            <Button icon={<ArrowDownOutlined />} disabled={downReason !== null} onClick={() => selected && moveBy(selected.indicator, 1)}>
              {t('fw.action.moveDown')}
            </Button>
          </Guarded>
          <Guarded reason={frozenReason ?? needSelection}>
            <Button icon={<DragOutlined />} disabled={frozen || !selected} onClick={() => selected && setMoving(selected.indicator)}>
              {t('fw.action.moveTo')}
            </Button>
          </Guarded>
          <Guarded reason={frozenReason}>
            <Button icon={<OrderedListOutlined />} disabled={frozen || indicators.length === 0} onClick={confirmRenumber}>
              {t('fw.action.renumber')}
            </Button>
          </Guarded>
        </Space>
        <Space size={12}>
          <Typography.Text type="secondary" ellipsis className="rp-fw-selected" data-testid="fw-selected">
            {selected ? t('fw.tree.selected', { code: selected.indicator.code, name: selected.indicator.name }) : t('fw.tree.noSelection')}
          </Typography.Text>
          <Button
            icon={<NodeExpandOutlined />}
            onClick={() => setCollapsed(allExpanded ? new Set(tree.flat.filter((r) => r.children).map((r) => r.key)) : new Set())}
          >
            {t(allExpanded ? 'fw.action.collapseAll' : 'fw.action.expandAll')}
          </Button>
        </Space>
      </div>

      <Table<TreeRow>
        className="rp-fw-tree"
        size="small"
        rowKey="key"
        tableLayout="fixed"
        pagination={false}
        dataSource={tree.roots}
        sticky={{ offsetHeader: headerTop }}
        indentSize={18}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpand: (open, row) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (open) next.delete(row.key);
              else next.add(row.key);
              return next;
            }),
        }}
        locale={{
          emptyText: (
            <div className="rp-fw-tree-empty">
              <Typography.Paragraph type="secondary">{t('fw.tree.empty')}</Typography.Paragraph>
              {!frozen && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => addChild(null)}>
                  {t('fw.action.addRoot')}
                </Button>
              )}
            </div>
          ),
        }}
        rowClassName={(r) =>
          [
            r.key === selectedId ? 'rp-fw-row-selected' : '',
            r.mismatch ? 'rp-fw-row-mismatch' : '',
            r.children ? 'rp-fw-row-inner' : '',
            r.key === dragId ? 'rp-fw-row-dragging' : '',
            drop?.id === r.key ? `rp-fw-drop-${drop.where}` : '',
          ].join(' ')
        }
        onRow={(r) => ({
          tabIndex: 0,
          'aria-selected': r.key === selectedId,
          onClick: () => setSelectedId(r.key),
          onDoubleClick: () => edit(r.indicator),
          onKeyDown: (e) => onRowKey(e, r),
          // Dragging a row onto another puts it before or after that one (same level as the target).
          draggable: !frozen,
          onDragStart: (e) => {
            setDragId(r.key);
            setSelectedId(r.key);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', `${r.indicator.code} ${r.indicator.name}`);
          },
          onDragOver: (e) => {
            if (!canDropOn(r)) {
              if (drop) setDrop(null);
              return;
            }
            e.preventDefault();
            const box = e.currentTarget.getBoundingClientRect();
            const where = e.clientY < box.top + box.height / 2 ? 'before' : 'after';
            if (drop?.id !== r.key || drop.where !== where) setDrop({ id: r.key, where });
          },
          onDrop: (e) => {
            e.preventDefault();
            if (drop?.id === r.key) dropOn(r, drop.where);
            setDrop(null);
            setDragId(null);
          },
          onDragEnd: () => {
            setDrop(null);
            setDragId(null);
          },
        })}
        columns={[
          { title: t('fw.col.code'), key: 'code', width: 128, render: (_, r) => <span className="rp-fw-code">{r.indicator.code}</span> },
          {
            title: t('fw.col.name'),
            key: 'name',
            ellipsis: true,
            render: (_, r) =>
              r.indicator.criteria ? (
                <Tooltip
                  title={t('fw.tree.criteriaTip', { criteria: r.indicator.criteria })}
                  placement="topLeft"
                  mouseEnterDelay={0.6}
                  styles={{ root: { maxWidth: 480 } }}
                >
                  <span className="rp-fw-name">{r.indicator.name}</span>
                </Tooltip>
              ) : (
                <span className="rp-fw-name">{r.indicator.name}</span>
              ),
          },
          {
            title: t('fw.col.tag'),
            key: 'tag',
            width: 68,
            render: (_, r) => (
              <Tag color={TAG_COLOR[r.indicator.tag]} style={{ marginInlineEnd: 0 }}>
                {t(TAG_LABEL[r.indicator.tag])}
              </Tag>
            ),
          },
          {
            title: t('fw.col.max'),
            key: 'max',
            width: 64,
            align: 'right',
            render: (_, r) => (r.children ? <b>{fmtPoints(r.indicator.maxPoints)}</b> : fmtPoints(r.indicator.maxPoints)),
          },
          {
            title: t('fw.col.method'),
            key: 'method',
            width: 170,
            // Narrow windows (a 1024-wide projector) leave it to the drawer.
            responsive: ['xl'],
            ellipsis: true,
            render: (_, r) =>
              r.children ? (
                <Typography.Text type="secondary">{t('fw.method.none')}</Typography.Text>
              ) : r.indicator.method ? (
                methodSummary(r.indicator.method)
              ) : (
                <Typography.Text type="danger">{t('fw.method.missing')}</Typography.Text>
              ),
          },
          {
            title: t('fw.col.sum'),
            key: 'sum',
            width: 88,
            align: 'right',
            render: (_, r) =>
              r.childSum === null ? null : r.mismatch ? (
                <Tooltip title={t('fw.sum.mismatch', { sum: fmtPoints(r.childSum), max: fmtPoints(r.indicator.maxPoints) })}>
                  <Typography.Text type="danger" strong data-testid="fw-sum-mismatch">
                    <WarningFilled /> {fmtPoints(r.childSum)}
                  </Typography.Text>
                </Tooltip>
              ) : (
                <Tooltip title={t('fw.sum.ok')}>
                  <Typography.Text type="secondary">
                    <CheckOutlined style={{ color: '#389e0d' }} /> {fmtPoints(r.childSum)}
                  </Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: t('fw.col.actions'),
            key: 'actions',
            width: 172,
            render: (_, r) => (
              <Space size={0} className="rp-fw-actions">
                <Button type="link" size="small" onClick={() => edit(r.indicator)}>
                  {t(frozen ? 'fw.action.view' : 'fw.action.edit')}
                </Button>
                <Guarded reason={frozenReason}>
                  <Button type="link" size="small" disabled={frozen} onClick={() => addChild(r.indicator)}>
                    {t('fw.action.addChild')}
                  </Button>
                </Guarded>
                <Guarded reason={frozenReason}>
                  <Button type="link" size="small" danger disabled={frozen} onClick={() => confirmDelete(r)}>
                    {t('fw.action.deleteIndicator')}
                  </Button>
                </Guarded>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="rp-fw-keys">
        {t('fw.tree.keyboardHelp')}
      </Typography.Paragraph>

      <IndicatorDrawer
        editing={editing}
        readOnly={frozen}
        frameworkId={framework.id}
        indicators={indicators}
        tree={tree}
        onClose={() => {
          // Back to the row the drawer was opened from.
          const from = editing?.mode === 'edit' ? editing.indicator : editing?.parent;
          setEditing(null);
          if (from) revealRow(from.id);
        }}
        onSaved={(saved) => {
          setEditing(null);
          revealRow(saved.id);
          if (saved.parentId !== null) setCollapsed((prev) => new Set([...prev].filter((k) => k !== saved.parentId)));
        }}
      />
      <MoveModal
        indicator={moving}
        tree={tree}
        saving={change.isPending}
        onCancel={() => setMoving(null)}
        onMove={({ parentId, renumber }) => moving && moveTo(moving, parentId, renumber)}
      />
    </>
  );
}
