/**
 * Moving about the framework tree and moving indicators in it: which rows are
 * on screen, what a key does on a row, where a dragged row may land and at
 * which position. Pure functions of the tree (no React, no DOM).
 */
import type { Indicator } from '../../../../shared/domain/framework';
import type { FrameworkTree, TreeRow } from './model';

/** Rows on screen, top to bottom: every row whose ancestors are all expanded. */
export function visibleRows(tree: FrameworkTree, collapsed: ReadonlySet<number>): TreeRow[] {
  const out: TreeRow[] = [];
  const walk = (rows: TreeRow[]) =>
    rows.forEach((r) => {
      out.push(r);
      if (r.children && !collapsed.has(r.key)) walk(r.children);
    });
  walk(tree.roots);
  return out;
}

/** The table's expanded rows: every inner row not collapsed. */
export const expandedKeys = (tree: FrameworkTree, collapsed: ReadonlySet<number>): number[] =>
  tree.flat.filter((r) => r.children?.length && !collapsed.has(r.key)).map((r) => r.key);

/** The collapsed set with every ancestor of `id` opened, so the row is on screen. */
export function openAncestors(tree: FrameworkTree, id: number, collapsed: ReadonlySet<number>): Set<number> {
  const next = new Set(collapsed);
  let n = tree.byId.get(id)?.indicator;
  while (n && n.parentId !== null) {
    next.delete(n.parentId);
    n = tree.byId.get(n.parentId)?.indicator;
  }
  return next;
}

/** Where an indicator stands among its siblings. */
export function siblingPlace(tree: FrameworkTree, n: Indicator): { index: number; count: number } {
  const siblings = tree.siblingsOf(n.parentId);
  return { index: siblings.findIndex((s) => s.id === n.id), count: siblings.length };
}

/** Whether the dragged row may be dropped on `target`: anywhere but on itself or below it. */
export function canDrop(tree: FrameworkTree, draggedId: number, target: TreeRow): boolean {
  for (let n: Indicator | undefined = target.indicator; n; n = n.parentId === null ? undefined : tree.byId.get(n.parentId)?.indicator) {
    if (n.id === draggedId) return false;
  }
  return true;
}

/** The position among target's siblings the dragged indicator takes, dropped before or after `target`. */
export function dropPosition(tree: FrameworkTree, draggedId: number, target: TreeRow, where: 'before' | 'after'): number {
  const others = tree.siblingsOf(target.indicator.parentId).filter((s) => s.id !== draggedId);
  return others.findIndex((s) => s.id === target.indicator.id) + (where === 'after' ? 1 : 0);
}

/** The row to select once `n` is deleted: its next sibling, else its previous one, else its parent. */
export function selectAfterDelete(tree: FrameworkTree, n: Indicator): Indicator | undefined {
  const siblings = tree.siblingsOf(n.parentId);
  const index = siblings.findIndex((s) => s.id === n.id);
  return siblings[index + 1] ?? siblings[index - 1] ?? (n.parentId === null ? undefined : tree.byId.get(n.parentId)?.indicator);
}

/** What a key on a tree row asks; 'go' with no row is still the tree's key (at the top or bottom: nothing happens). */
export type TreeKeyAction =
  | { kind: 'moveBy'; delta: -1 | 1 }
  | { kind: 'go'; row: TreeRow | undefined }
  | { kind: 'expand' }
  | { kind: 'collapse' }
  | { kind: 'edit' }
  | { kind: 'delete' }
  | null;

/**
 * Alt+↑/↓ move the indicator among its siblings; ↑/↓ go to the row above /
 * below on screen; → expands; ← collapses, or goes to the parent; Enter edits;
 * Delete deletes (not in a frozen version). Anything else is not the tree's.
 */
export function treeKeyAction(
  key: { key: string; altKey: boolean },
  row: TreeRow,
  at: { tree: FrameworkTree; visible: readonly TreeRow[]; collapsed: ReadonlySet<number>; frozen: boolean },
): TreeKeyAction {
  const n = row.indicator;
  const index = at.visible.findIndex((r) => r.key === row.key);
  if (key.key === 'ArrowDown' && key.altKey) return { kind: 'moveBy', delta: 1 };
  if (key.key === 'ArrowUp' && key.altKey) return { kind: 'moveBy', delta: -1 };
  if (key.key === 'ArrowDown') return { kind: 'go', row: at.visible[index + 1] };
  if (key.key === 'ArrowUp') return { kind: 'go', row: at.visible[index - 1] };
  if (key.key === 'ArrowRight' && row.children) return { kind: 'expand' };
  if (key.key === 'ArrowLeft' && row.children && !at.collapsed.has(row.key)) return { kind: 'collapse' };
  if (key.key === 'ArrowLeft' && n.parentId !== null) return { kind: 'go', row: at.tree.byId.get(n.parentId) };
  if (key.key === 'Enter') return { kind: 'edit' };
  if (key.key === 'Delete' && !at.frozen) return { kind: 'delete' };
  return null;
}
