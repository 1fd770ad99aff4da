/**
 * What each piece of the scoring grid shows, read from the sheet store:
 * a cell's classes, text and tone, a dimension's subtotal (or its count of
 * triggered 一票否决), a column's subtotal. Pure: no React.
 */
import { dataTriggerOf } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import type { CellProps } from './GridPieces';
import { detailNeeded, displayValue, fmt, isNotApplicable, type GroupRow, type LeafRow } from './model';
import { cellKey, type SheetStore } from './sheetStore';
import type { Column } from './useGridLayout';

/** A leaf's cell in one column (`focused`: the keyboard is on it). */
export function cellView(store: SheetStore, row: LeafRow, rowIndex: number, c: Column, left: number, colIndex: number, focused: boolean): CellProps {
  const b = c.branch;
  const k = cellKey(b.id, row.leaf.id);
  const v = store.values.get(k);
  const st = store.states.get(k);
  let className = 'rp-cell';
  const office = row.office ? store.office.get(k) : undefined;
  // 不适用 (issue 11 §7): read-only and greyed like the other cells nobody on the panel fills.
  const na = !b.recused && isNotApplicable(b, row.leaf.id);
  if (b.recused) className += ' is-recused';
  else if (na) className += ' is-quant is-na';
  else if (row.office) className += ' is-office';
  else if (!row.rated) className += ' is-quant';
  else if (!v) className += ' is-empty';
  if (st) className += ` is-${st.status}`;
  if (focused) className += ' is-focus';
  let text = '';
  let tone: CellProps['tone'] = null;
  if (c.kind === 'detail') {
    className += ' is-detail';
    if (na) text = '';
    else if (row.office) text = office?.detail.join('；') ?? '';
    else if (v?.detail.length) text = v.detail.join('；');
    else if (v && detailNeeded(row.method, v.value)) [text, tone] = [t('scoring.grid.detailNeeded'), 'placeholder'];
  } else if (na) [text, tone] = [t('categories.na'), 'quant'];
  else if (!b.recused && row.office)
    [text, tone] = office
      ? [t('scoring.office.value', { value: displayValue(row.method, office.value) }), row.method.kind === 'veto' && office.value === 1 ? 'veto' : null]
      : [t('scoring.office.pending'), 'quant'];
  else if (!b.recused && !row.rated) [text, tone] = [t(dataTriggerOf(row.method) ? 'scoring.grid.triggered' : 'scoring.grid.quantitative'), 'quant'];
  else if (v && st?.status === 'draft') [text, tone] = [t('scoring.grid.draft', { value: displayValue(row.method, v.value) }), 'placeholder'];
  else if (v) [text, tone] = [displayValue(row.method, v.value), row.method.kind === 'veto' && v.value === 1 ? 'veto' : null];
  return {
    r: rowIndex,
    c: colIndex,
    className,
    left,
    width: c.width,
    leaf: row.leaf.code,
    branch: b.code,
    state: c.kind === 'value' ? (st?.status ?? null) : null,
    title: na
      ? t('scoring.grid.notApplicableTip', { category: b.category ?? '' })
      : st?.status === 'failed'
        ? t('scoring.grid.state.failed', { error: st.error ?? '' })
        : st?.status === 'draft'
          ? t('scoring.grid.state.draft')
          : null,
    text,
    tone,
  };
}

/** A dimension's row in one column: its subtotal, or for 一票否决 items how many were triggered. */
export function groupCellView(store: SheetStore, node: GroupRow, c: Column): { text: string; veto: boolean } {
  let text = '';
  let veto = false;
  if (c.kind === 'value' && !c.branch.recused) {
    const vetoRows = store.leafRows.filter((r) => r.path[0]?.id === node.node.id && r.method.kind === 'veto' && !isNotApplicable(c.branch, r.leaf.id));
    if (vetoRows.length) {
      const valueOf = (r: LeafRow) => (r.office ? store.office.get(cellKey(c.branch.id, r.leaf.id)) : store.get(c.branch.id, r.leaf.id));
      const flagged = vetoRows.filter((r) => valueOf(r)?.value === 1).length;
      text = flagged ? t('scoring.grid.vetoCount', { count: flagged }) : '';
      veto = flagged > 0;
    } else {
      const p = store.totals.get(c.branch.id)?.nodes[node.node.id]?.points;
      text = p === null || p === undefined || !store.scored.get(c.branch.id) ? '' : fmt(p);
    }
  }
  return { text, veto };
}

/** A column's footer: the branch's subtotal (the reasons column: how it is made up). */
export function footView(store: SheetStore, c: Column): { text: string; title: string } {
  const total = store.totals.get(c.branch.id);
  const scored = !c.branch.recused && !!total && !!store.scored.get(c.branch.id);
  const tip = scored ? t('scoring.grid.subtotalTip', { base: fmt(total.base), bonus: fmt(total.bonus) }) : '';
  return { text: c.kind === 'detail' ? tip : scored ? fmt(total.total) : '', title: tip };
}

/** Dimensions made only of 一票否决 items (the template's 9 一票否决): their row offers to fill them with 否. */
export function vetoOnlyGroups(leafRows: readonly LeafRow[]): Set<number> {
  const kinds = new Map<number, Set<string>>();
  for (const r of leafRows) {
    if (!r.rated) continue; // office-recorded vetoes are not the rater's to fill
    const g = r.path[0]?.id;
    if (g !== undefined) kinds.set(g, (kinds.get(g) ?? new Set()).add(r.method.kind));
  }
  return new Set([...kinds].filter(([, k]) => k.size === 1 && k.has('veto')).map(([g]) => g));
}
