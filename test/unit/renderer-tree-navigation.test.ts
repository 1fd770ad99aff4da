/**
 * Moving about the framework tree (renderer/src/pages/framework/treeNavigation):
 * rows on screen, what a key does on a row, where a dragged row may land.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import { buildTree, type TreeRow } from '../../renderer/src/pages/framework/model';
import {
  canDrop,
  dropPosition,
  expandedKeys,
  openAncestors,
  selectAfterDelete,
  siblingPlace,
  treeKeyAction,
  visibleRows,
} from '../../renderer/src/pages/framework/treeNavigation';

const ind = (id: number, parentId: number | null, position: number, code: string): Indicator => ({
  id,
  parentId,
  position,
  code,
  name: `指标${code}`,
  criteria: '',
  evidence: '',
  tag: 'party',
  maxPoints: 1,
  method: null,
});
//  1
//  ├ 11 ─ 111, 112
//  └ 12
//  2 ─ 21
//  3
const tree = buildTree([ind(1, null, 0, '1'), ind(11, 1, 0, '1.1'), ind(111, 11, 0, '1.1.1'), ind(112, 11, 1, '1.1.2'), ind(12, 1, 1, '1.2'), ind(2, null, 1, '2'), ind(21, 2, 0, '2.1'), ind(3, null, 2, '3')]);
const row = (id: number) => tree.byId.get(id)!;
const codes = (rows: readonly TreeRow[]) => rows.map((r) => r.indicator.code);

describe('rows on screen', () => {
  it('shows every row when nothing is collapsed, and hides what lies below a collapsed row', () => {
    expect(codes(visibleRows(tree, new Set()))).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '3']);
    expect(codes(visibleRows(tree, new Set([11, 2])))).toEqual(['1', '1.1', '1.2', '2', '3']);
    expect(codes(visibleRows(tree, new Set([1, 11])))).toEqual(['1', '2', '2.1', '3']);
    expect(expandedKeys(tree, new Set([11]))).toEqual([1, 2]);
  });

  it('opens every ancestor of a row to reveal it, leaving the rest as it was', () => {
    expect([...openAncestors(tree, 112, new Set([1, 11, 2]))]).toEqual([2]);
    expect([...openAncestors(tree, 3, new Set([1]))]).toEqual([1]);
  });
});

describe('moving indicators', () => {
  it('knows where an indicator stands among its siblings', () => {
    expect(siblingPlace(tree, row(12).indicator)).toEqual({ index: 1, count: 2 });
    expect(siblingPlace(tree, row(3).indicator)).toEqual({ index: 2, count: 3 });
  });

  it('lets a row be dropped anywhere but on itself or below it', () => {
    expect(canDrop(tree, 11, row(11))).toBe(false);
    expect(canDrop(tree, 11, row(112))).toBe(false);
    expect(canDrop(tree, 1, row(112))).toBe(false);
    expect(canDrop(tree, 11, row(12))).toBe(true);
    expect(canDrop(tree, 112, row(1))).toBe(true);
    expect(canDrop(tree, 21, row(111))).toBe(true);
  });

  it('puts a dropped row before or after the target among the target’s siblings (counted without itself)', () => {
    expect(dropPosition(tree, 3, row(2), 'before')).toBe(1);
    expect(dropPosition(tree, 3, row(2), 'after')).toBe(2);
    expect(dropPosition(tree, 1, row(3), 'after')).toBe(2); // 1 leaves: 2, 3 → after 3
    expect(dropPosition(tree, 21, row(111), 'before')).toBe(0);
  });

  it('selects the next sibling after a delete, else the previous one, else the parent', () => {
    expect(selectAfterDelete(tree, row(111).indicator)?.id).toBe(112);
    expect(selectAfterDelete(tree, row(112).indicator)?.id).toBe(111);
    expect(selectAfterDelete(tree, row(21).indicator)?.id).toBe(2);
    const alone = buildTree([ind(9, null, 0, '9')]);
    expect(selectAfterDelete(alone, alone.byId.get(9)!.indicator)).toBeUndefined();
  });
});

describe('keys on a row', () => {
  const collapsed = new Set([2]);
  const at = { tree, visible: visibleRows(tree, collapsed), collapsed, frozen: false };
  const key = (k: string, altKey = false) => ({ key: k, altKey });

  it('Alt+↑/↓ move the indicator; ↑/↓ go to the row above / below on screen', () => {
    expect(treeKeyAction(key('ArrowUp', true), row(12), at)).toEqual({ kind: 'moveBy', delta: -1 });
    expect(treeKeyAction(key('ArrowDown', true), row(12), at)).toEqual({ kind: 'moveBy', delta: 1 });
    expect(treeKeyAction(key('ArrowDown'), row(2), at)).toEqual({ kind: 'go', row: row(3) }); // 2.1 is hidden
    expect(treeKeyAction(key('ArrowUp'), row(12), at)).toEqual({ kind: 'go', row: row(112) });
    expect(treeKeyAction(key('ArrowUp'), row(1), at)).toEqual({ kind: 'go', row: undefined });
  });

  it('→ expands; ← collapses an open row, or goes to the parent', () => {
    expect(treeKeyAction(key('ArrowRight'), row(2), at)).toEqual({ kind: 'expand' });
    expect(treeKeyAction(key('ArrowRight'), row(12), at)).toBeNull(); // a leaf has nothing to open
    expect(treeKeyAction(key('ArrowLeft'), row(11), at)).toEqual({ kind: 'collapse' });
    expect(treeKeyAction(key('ArrowLeft'), row(2), at)).toBeNull(); // collapsed, at the top level
    expect(treeKeyAction(key('ArrowLeft'), row(112), at)).toEqual({ kind: 'go', row: row(11) });
  });

  it('Enter edits; Delete deletes, but not in a frozen version', () => {
    expect(treeKeyAction(key('Enter'), row(12), at)).toEqual({ kind: 'edit' });
    expect(treeKeyAction(key('Delete'), row(12), at)).toEqual({ kind: 'delete' });
    expect(treeKeyAction(key('Delete'), row(12), { ...at, frozen: true })).toBeNull();
    expect(treeKeyAction(key('a'), row(12), at)).toBeNull();
  });
});
