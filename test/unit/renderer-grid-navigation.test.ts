/**
 * The scoring grid's moves and keys (renderer/src/pages/scoring/gridNavigation):
 * which cell each key lands on, skipping group rows, quantitative leaves and
 * recused branches, in the all-branches and the one-branch view.
 */
import { describe, expect, it } from 'vitest';
import { cellRefusal, keyAction, moveFocus, nextRatedRow, type Direction, type GridKey, type GridShape } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, type LeafRow } from '../../renderer/src/pages/scoring/model';
import { BRANCH, sheetBranches, sheetIndicators } from '../helpers/rater-sheet';

const rows = buildRows(sheetIndicators());
const branches = sheetBranches();
const grid: GridShape = { rows, branches, single: false };
const single: GridShape = { ...grid, single: true };
const at = (row: number, branchId: number, detail = false) => ({ row, branchId, detail });
const move = (g: GridShape, from: ReturnType<typeof at>, dir: Direction) => moveFocus(g, from, dir);

describe('the sheet the moves run on', () => {
  it('has group rows at 0 and 6, the quantitative leaf at 4, and B-02 recused', () => {
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.node.code}]` : r.leaf.code))).toEqual(['[1]', '1.1', '1.2', '1.3', '1.4', '1.5', '[2]', '2.1', '2.2', '3']);
    expect((rows[4] as LeafRow).rated).toBe(false);
    expect(branches[1]!.recused).toBe(true);
  });
});

describe('moving in the all-branches view', () => {
  it('down and up go to the next rated leaf, over the quantitative leaf and the group rows', () => {
    expect(move(grid, at(1, BRANCH.a), 'down')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(3, BRANCH.c), 'down')).toEqual(at(5, BRANCH.c));
    expect(move(grid, at(5, BRANCH.c), 'down')).toEqual(at(7, BRANCH.c));
    expect(move(grid, at(7, BRANCH.a), 'up')).toEqual(at(5, BRANCH.a));
    expect(move(grid, at(5, BRANCH.a), 'up')).toEqual(at(3, BRANCH.a));
  });

  it('stops at the first and the last rated leaf', () => {
    expect(move(grid, at(1, BRANCH.a), 'up')).toBeNull();
    expect(move(grid, at(9, BRANCH.a), 'down')).toBeNull();
  });

  it('left and right skip the recused branch and stop at the edges', () => {
    expect(move(grid, at(1, BRANCH.a), 'right')).toEqual(at(1, BRANCH.c));
    expect(move(grid, at(1, BRANCH.c), 'left')).toEqual(at(1, BRANCH.a));
    expect(move(grid, at(1, BRANCH.c), 'right')).toEqual(at(1, BRANCH.d));
    expect(move(grid, at(1, BRANCH.d), 'right')).toBeNull();
    expect(move(grid, at(1, BRANCH.a), 'left')).toBeNull();
  });

  it('Home / End go to the first / last branch not recused; Ctrl+Home / Ctrl+End to the first / last cell', () => {
    const recusedFirst = { ...grid, branches: [{ ...branches[0]!, recused: true }, ...branches.slice(1)] };
    expect(move(grid, at(3, BRANCH.d), 'home')).toEqual(at(3, BRANCH.a));
    expect(move(recusedFirst, at(3, BRANCH.d), 'home')).toEqual(at(3, BRANCH.c));
    expect(move(grid, at(3, BRANCH.a), 'end')).toEqual(at(3, BRANCH.d));
    expect(move(grid, at(5, BRANCH.c), 'first')).toEqual(at(1, BRANCH.a));
    expect(move(grid, at(2, BRANCH.a), 'last')).toEqual(at(9, BRANCH.d));
  });

  it('Tab goes right, then wraps to the first branch of the next rated row; Shift+Tab the other way', () => {
    expect(move(grid, at(1, BRANCH.a), 'tab')).toEqual(at(1, BRANCH.c));
    expect(move(grid, at(1, BRANCH.d), 'tab')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(3, BRANCH.d), 'tab')).toEqual(at(5, BRANCH.a));
    expect(move(grid, at(2, BRANCH.a), 'shiftTab')).toEqual(at(1, BRANCH.d));
    expect(move(grid, at(2, BRANCH.c), 'shiftTab')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(9, BRANCH.d), 'tab')).toBeNull();
    expect(move(grid, at(1, BRANCH.a), 'shiftTab')).toBeNull();
  });

  it('PageDown / PageUp jump ten rated leaves, or as far as there are', () => {
    expect(move(grid, at(1, BRANCH.c), 'pageDown')).toEqual(at(9, BRANCH.c));
    expect(move(grid, at(9, BRANCH.c), 'pageUp')).toEqual(at(1, BRANCH.c));
    // At the last rated leaf there is nothing further: PageDown stays on it.
    expect(move(grid, at(9, BRANCH.c), 'pageDown')).toEqual(at(9, BRANCH.c));

    const many = sheetIndicators().filter((i) => i.id === 1);
    for (let n = 1; n <= 25; n++) many.push({ ...many[0]!, id: 100 + n, parentId: 1, position: n, code: `1.${n}`, maxPoints: 1, method: { kind: 'rating', step: 0.5 } });
    const long = { ...grid, rows: buildRows(many) };
    expect(move(long, at(1, BRANCH.a), 'pageDown')).toEqual(at(11, BRANCH.a));
    expect(move(long, at(21, BRANCH.a), 'pageDown')).toEqual(at(25, BRANCH.a));
    expect(move(long, at(11, BRANCH.a), 'pageUp')).toEqual(at(1, BRANCH.a));
  });

  it('nextRatedRow counts rated leaves only', () => {
    expect(nextRatedRow(rows, -1, 1)).toBe(1);
    expect(nextRatedRow(rows, rows.length, -1)).toBe(9);
    expect(nextRatedRow(rows, 1, 1, 3)).toBe(5); // 1.2, 1.3, 1.5 (1.4 is quantitative)
  });
});

describe('moving in the one-branch view (value and reasons columns)', () => {
  it('left / right / Home / End go between the value and the reasons column', () => {
    expect(move(single, at(3, BRANCH.c), 'right')).toEqual(at(3, BRANCH.c, true));
    expect(move(single, at(3, BRANCH.c, true), 'right')).toBeNull();
    expect(move(single, at(3, BRANCH.c, true), 'left')).toEqual(at(3, BRANCH.c));
    expect(move(single, at(3, BRANCH.c), 'left')).toBeNull();
    expect(move(single, at(3, BRANCH.c, true), 'home')).toEqual(at(3, BRANCH.c));
    expect(move(single, at(3, BRANCH.c), 'end')).toEqual(at(3, BRANCH.c, true));
  });

  it('up / down keep the column; Tab wraps to the next row’s value, Shift+Tab to the previous row’s reasons', () => {
    expect(move(single, at(3, BRANCH.c, true), 'down')).toEqual(at(5, BRANCH.c, true));
    expect(move(single, at(3, BRANCH.c, true), 'tab')).toEqual(at(5, BRANCH.c));
    expect(move(single, at(5, BRANCH.c), 'shiftTab')).toEqual(at(3, BRANCH.c, true));
  });

  it('Ctrl+Home goes to the first value, Ctrl+End to the last reasons, of the same branch', () => {
    expect(move(single, at(5, BRANCH.c, true), 'first')).toEqual(at(1, BRANCH.c));
    expect(move(single, at(2, BRANCH.c), 'last')).toEqual(at(9, BRANCH.c, true));
  });
});

const key = (k: string, mods: Partial<GridKey> = {}): GridKey => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, ...mods });

describe('what a key does', () => {
  it('while typing: Enter / Tab / up / down commit and move, Esc cancels', () => {
    expect(keyAction(key('Enter'), 'enter')).toEqual({ kind: 'commit', then: 'down' });
    expect(keyAction(key('Enter', { shiftKey: true }), 'edit')).toEqual({ kind: 'commit', then: 'up' });
    expect(keyAction(key('Enter', { ctrlKey: true }), 'edit')).toEqual({ kind: 'commit', then: 'nextUnscored' });
    expect(keyAction(key('Tab'), 'edit')).toEqual({ kind: 'commit', then: 'tab' });
    expect(keyAction(key('Tab', { shiftKey: true }), 'enter')).toEqual({ kind: 'commit', then: 'shiftTab' });
    expect(keyAction(key('ArrowUp'), 'edit')).toEqual({ kind: 'commit', then: 'up' });
    expect(keyAction(key('Escape'), 'enter')).toEqual({ kind: 'cancelEdit' });
    expect(keyAction(key('5'), 'enter')).toBeNull();
  });

  it('left / right commit and move only when the edit was started by typing (after F2 they move the caret)', () => {
    expect(keyAction(key('ArrowLeft'), 'enter')).toEqual({ kind: 'commit', then: 'left' });
    expect(keyAction(key('ArrowRight'), 'enter')).toEqual({ kind: 'commit', then: 'right' });
    expect(keyAction(key('ArrowLeft'), 'edit')).toBeNull();
    expect(keyAction(key('Home'), 'edit')).toBeNull();
  });

  it('an input method that is composing keeps its keys', () => {
    expect(keyAction(key('Enter', { isComposing: true }), 'enter')).toBeNull();
    expect(keyAction(key('Process'), null)).toBeNull();
    expect(keyAction(key('ArrowDown', { isComposing: true }), null)).toBeNull();
  });

  it('not typing: moves, undo / redo, branch steps, edit, clear, dismiss', () => {
    expect(keyAction(key('ArrowDown'), null)).toEqual({ kind: 'go', then: 'down' });
    expect(keyAction(key('PageUp'), null)).toEqual({ kind: 'go', then: 'pageUp' });
    expect(keyAction(key('Home'), null)).toEqual({ kind: 'go', then: 'home' });
    expect(keyAction(key('Home', { ctrlKey: true }), null)).toEqual({ kind: 'go', then: 'first' });
    expect(keyAction(key('End', { metaKey: true }), null)).toEqual({ kind: 'go', then: 'last' });
    expect(keyAction(key('Tab', { shiftKey: true }), null)).toEqual({ kind: 'go', then: 'shiftTab' });
    expect(keyAction(key('Enter', { ctrlKey: true }), null)).toEqual({ kind: 'go', then: 'nextUnscored' });
    expect(keyAction(key('z', { ctrlKey: true }), null)).toEqual({ kind: 'undo' });
    expect(keyAction(key('Z', { ctrlKey: true, shiftKey: true }), null)).toEqual({ kind: 'redo' });
    expect(keyAction(key('y', { metaKey: true }), null)).toEqual({ kind: 'redo' });
    expect(keyAction(key('ArrowLeft', { altKey: true }), null)).toEqual({ kind: 'branchStep', delta: -1 });
    expect(keyAction(key('ArrowRight', { altKey: true }), null)).toEqual({ kind: 'branchStep', delta: 1 });
    expect(keyAction(key('Enter'), null)).toEqual({ kind: 'edit' });
    expect(keyAction(key('F2'), null)).toEqual({ kind: 'edit' });
    expect(keyAction(key('Delete'), null)).toEqual({ kind: 'clear' });
    expect(keyAction(key('Backspace'), null)).toEqual({ kind: 'clear' });
    expect(keyAction(key('Escape'), null)).toEqual({ kind: 'dismiss' });
    expect(keyAction(key('z'), null)).toBeNull();
    expect(keyAction(key('7'), null)).toBeNull();
  });
});

describe('which cells take input', () => {
  const leaf = (i: number) => rows[i] as LeafRow;
  const [a, b] = branches as [(typeof branches)[0], (typeof branches)[0]];
  const open = () => null;

  it('refuses a locked sheet first, then a recused branch, then a quantitative leaf, then asks the guard', () => {
    expect(cellRefusal(leaf(4), b, '本周期已定稿', open)).toBe('评分表只读：本周期已定稿');
    expect(cellRefusal(leaf(1), b, null, open)).toBe('您对“B-02 乙支部”回避（本人所在支部），不能评分');
    expect(cellRefusal(leaf(4), a, null, open)).toBe('定量指标由业务数据计算，评委不打分');
    expect(cellRefusal(leaf(1), a, null, () => '请先填写修改原因')).toBe('请先填写修改原因');
    expect(cellRefusal(leaf(1), a, null, open)).toBeNull();
  });

  it('has nothing to say where there is no leaf', () => {
    expect(cellRefusal(null, b, '只读', open)).toBeNull();
  });
});
