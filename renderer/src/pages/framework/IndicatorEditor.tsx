/**
 * The tree of one framework version: summary, live check, and every edit,
 * saved at once. The parts: IndicatorToolbar, indicatorColumns,
 * useIndicatorChanges (what is saved), useRowDrag (drag and drop) and the
 * pure treeNavigation (rows on screen, keys, where a row may land).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FrameworkWithIndicators, Indicator } from '../../../../shared/domain/framework';
import type { FrameworkIssue } from '../../../../shared/domain/framework-validate';
import { t } from '../../../../shared/messages';
import { ChecksPanel } from './FrameworkChecks';
import { indicatorColumns } from './indicatorColumns';
import { IndicatorDrawer, type Editing } from './IndicatorDrawer';
import { IndicatorToolbar } from './IndicatorToolbar';
import { buildTree, totals, type TreeRow } from './model';
import { MoveModal } from './MoveModal';
import { expandedKeys as expandedOf, openAncestors, treeKeyAction, visibleRows as visibleOf } from './treeNavigation';
import { useIndicatorChanges } from './useIndicatorChanges';
import { useRowDrag } from './useRowDrag';
import { useStickyBar } from './useStickyBar';

interface Props {
  framework: FrameworkWithIndicators & { issues: FrameworkIssue[] };
  /** Frozen versions are shown read-only; `frozenTip` says why and offers a new version. */
  frozen: boolean;
  frozenTip: ReactNode;
}

const rowSelector = (id: number) => `.rp-fw-tree tr[data-row-key="${id}"]`;

export function IndicatorEditor({ framework, frozen, frozenTip }: Props) {
  const indicators = framework.indicators;
  const tree = useMemo(() => buildTree(indicators), [indicators]);
  const sums = useMemo(() => totals(indicators), [indicators]);

  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [moving, setMoving] = useState<Indicator | null>(null);
  /** A row to scroll to and focus once it is on screen (after a save's refetch, or an issue click). */
  const reveal = useRef<{ id: number; block: ScrollLogicalPosition } | null>(null);
  const { setBar, top: barTop, headerTop } = useStickyBar();

  const selected = selectedId === null ? null : (tree.byId.get(selectedId) ?? null);
  const expandedKeys = useMemo(() => expandedOf(tree, collapsed), [tree, collapsed]);
  const visibleRows = useMemo(() => visibleOf(tree, collapsed), [tree, collapsed]);

  const revealRow = useCallback(
    (id: number, block: ScrollLogicalPosition = 'nearest') => {
      reveal.current = { id, block };
      setSelectedId(id);
      setCollapsed((prev) => openAncestors(tree, id, prev));
    },
    [tree],
  );

  useEffect(() => {
    const target = reveal.current;
    if (target === null) return;
    const el = document.querySelector<HTMLElement>(rowSelector(target.id));
    if (!el) return; // not there yet: the refetch will bring it
    reveal.current = null;
    el.scrollIntoView({ block: target.block });
    el.focus({ preventScroll: true });
  });

  const changes = useIndicatorChanges({ frameworkId: framework.id, tree, frozen, revealRef: reveal, revealRow, setSelectedId, onMoved: () => setMoving(null) });
  const drag = useRowDrag({ tree, frozen, setSelectedId, onDrop: changes.dropOn });

  const edit = (n: Indicator) => setEditing({ mode: 'edit', indicator: n });
  const addChild = (parent: Indicator | null) => !frozen && setEditing({ mode: 'add', parent });
  const expand = (key: number, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });

  const onRowKey = (e: KeyboardEvent<HTMLElement>, row: TreeRow) => {
    if (e.target !== e.currentTarget) return; // keys typed into the row's buttons are theirs
    const action = treeKeyAction(e, row, { tree, visible: visibleRows, collapsed, frozen });
    if (!action) return;
    e.preventDefault();
    switch (action.kind) {
      case 'moveBy':
        return changes.moveBy(row.indicator, action.delta);
      case 'go':
        if (!action.row) return;
        setSelectedId(action.row.key);
        document.querySelector<HTMLElement>(rowSelector(action.row.key))?.focus();
        return;
      case 'expand':
        return setCollapsed((prev) => new Set([...prev].filter((k) => k !== row.key)));
      case 'collapse':
        return setCollapsed((prev) => new Set([...prev, row.key]));
      case 'edit':
        return edit(row.indicator);
      case 'delete':
        return changes.confirmDelete(row);
    }
  };

  const frozenReason = frozen ? frozenTip : null;
  const allExpanded = collapsed.size === 0;

  return (
    <>
      <ChecksPanel totals={sums} issues={framework.issues} onPick={(id) => revealRow(id, 'center')} />

      <IndicatorToolbar
        tree={tree}
        selected={selected}
        frozen={frozen}
        frozenReason={frozenReason}
        empty={indicators.length === 0}
        allExpanded={allExpanded}
        setBar={setBar}
        top={barTop}
        onAdd={addChild}
        onMoveBy={changes.moveBy}
        onMoveTo={setMoving}
        onRenumber={changes.confirmRenumber}
        onToggleAll={() => setCollapsed(allExpanded ? new Set(tree.flat.filter((r) => r.children).map((r) => r.key)) : new Set())}
      />

      <Table<TreeRow>
        className="rp-fw-tree"
        size="small"
        rowKey="key"
        tableLayout="fixed"
        pagination={false}
        dataSource={tree.roots}
        sticky={{ offsetHeader: headerTop }}
        indentSize={18}
        expandable={{ expandedRowKeys: expandedKeys, onExpand: (open, row) => expand(row.key, open) }}
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
        rowClassName={(r) => [r.key === selectedId ? 'rp-fw-row-selected' : '', r.mismatch ? 'rp-fw-row-mismatch' : '', r.children ? 'rp-fw-row-inner' : '', drag.rowClass(r)].join(' ')}
        onRow={(r) => ({
          tabIndex: 0,
          'aria-selected': r.key === selectedId,
          onClick: () => setSelectedId(r.key),
          onDoubleClick: () => edit(r.indicator),
          onKeyDown: (e) => onRowKey(e, r),
          ...drag.rowHandlers(r),
        })}
        columns={indicatorColumns({ frozen, frozenReason, onEdit: edit, onAddChild: addChild, onDelete: changes.confirmDelete })}
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
        saving={changes.saving}
        onCancel={() => setMoving(null)}
        onMove={({ parentId, renumber }) => moving && changes.moveTo(moving, parentId, renumber)}
      />
    </>
  );
}
