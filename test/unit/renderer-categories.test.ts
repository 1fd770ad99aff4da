/**
 * 不适用 cells in the scoring grid (issue 11 §7): a leaf that does not apply to a branch's 支部类别 shows “不适用”
 * greyed, the keyboard passes it, typing and pasting are refused (a paste counts them), and the rater's progress
 * never counts it as 未评. The sheet is test/helpers/rater-sheet.ts's with C-03 made a 机关 branch to which 1.2
 * 意识形态 and 1.5 党建与生产经营 do not apply.
 *
 *   rows: 0 [1] 1 1.1 · 2 1.2 · 3 1.3 · 4 1.4 quantitative · 5 1.5 · 6 [2] 7 2.1 · 8 2.2 · 9 3
 *   branches: A-01, B-02 (recused), C-03 (机关: 1.2, 1.5 不适用), D-04
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPeriodSettings } from '../../shared/domain/period';
import type { RaterSheet } from '../../shared/domain/scoring';
import { cellView } from '../../renderer/src/pages/scoring/cellView';
import { cellRefusal, moveFocus, type Direction, type GridShape } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, isNotApplicable, type LeafRow, type SheetBranch } from '../../renderer/src/pages/scoring/model';
import { pastePlan } from '../../renderer/src/pages/scoring/pastePlan';
import { SheetStore } from '../../renderer/src/pages/scoring/sheetStore';
import { BRANCH, LEAF, raterSheet, sheetBranches, sheetIndicators } from '../helpers/rater-sheet';

const NA_LEAVES = [LEAF.level, LEAF.rating2];
const categorised = (): RaterSheet['branches'] =>
  sheetBranches().map((b) => (b.id === BRANCH.c ? { ...b, category: '机关', notApplicable: NA_LEAVES } : { ...b, category: '', notApplicable: [] }));

const indicators = sheetIndicators();
const rows = buildRows(indicators);
const branches = categorised();
const grid: GridShape = { rows, branches, single: false };
const at = (row: number, branchId: number, detail = false) => ({ row, branchId, detail });
const move = (g: GridShape, from: ReturnType<typeof at>, dir: Direction) => moveFocus(g, from, dir);
const branchC = branches.find((b) => b.id === BRANCH.c)!;

describe('which cells are 不适用', () => {
  it('only the listed leaves of the branch that lists them', () => {
    expect(isNotApplicable(branchC, LEAF.level)).toBe(true);
    expect(isNotApplicable(branchC, LEAF.rating)).toBe(false);
    expect(isNotApplicable(branches[0]!, LEAF.level)).toBe(false);
    expect(isNotApplicable({}, LEAF.level)).toBe(false);
  });
});

describe('the keyboard passes 不适用 cells', () => {
  it('down and up in C-03’s column pass its 不适用 rows (and the quantitative one)', () => {
    expect(move(grid, at(1, BRANCH.c), 'down')).toEqual(at(3, BRANCH.c));
    expect(move(grid, at(3, BRANCH.c), 'down')).toEqual(at(7, BRANCH.c));
    expect(move(grid, at(7, BRANCH.c), 'up')).toEqual(at(3, BRANCH.c));
    // Other columns still stop on those rows.
    expect(move(grid, at(1, BRANCH.a), 'down')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(3, BRANCH.d), 'down')).toEqual(at(5, BRANCH.d));
  });

  it('left and right on a 不适用 row pass C-03 (and the recused B-02)', () => {
    expect(move(grid, at(2, BRANCH.a), 'right')).toEqual(at(2, BRANCH.d));
    expect(move(grid, at(2, BRANCH.d), 'left')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(1, BRANCH.a), 'right')).toEqual(at(1, BRANCH.c));
  });

  it('Tab wraps to the next row’s first branch that takes input, Shift+Tab to the previous row’s last', () => {
    expect(move(grid, at(1, BRANCH.d), 'tab')).toEqual(at(2, BRANCH.a));
    expect(move(grid, at(3, BRANCH.a), 'shiftTab')).toEqual(at(2, BRANCH.d));
  });

  it('in the one-branch view of C-03, Tab from the reasons column goes to its next row that applies', () => {
    expect(move({ ...grid, single: true }, at(1, BRANCH.c, true), 'tab')).toEqual(at(3, BRANCH.c));
    expect(move({ ...grid, single: true }, at(7, BRANCH.c, false), 'shiftTab')).toEqual(at(3, BRANCH.c, true));
  });

  it('Ctrl+Home and Ctrl+End land on cells that take input', () => {
    const onlyC: GridShape = { rows, branches: [branchC], single: false };
    const lastApplies: GridShape = { rows, branches: [{ ...branchC, notApplicable: [LEAF.bonus] }], single: false };
    expect(move(onlyC, at(3, BRANCH.c), 'first')).toEqual(at(1, BRANCH.c));
    expect(move(lastApplies, at(3, BRANCH.c), 'last')).toEqual(at(8, BRANCH.c));
  });
});

describe('typing and pasting are refused on 不适用 cells', () => {
  const row12 = rows[2] as LeafRow;

  it('typing says why', () => {
    expect(cellRefusal(row12, branchC, null, () => null)).toBe('C-03 是机关支部，指标 1.2 意识形态 不适用，不评分');
    expect(cellRefusal(row12, branches[0]!, null, () => null)).toBeNull();
  });

  it('a pasted column writes the cells that apply and counts the ones that don’t, asking first', () => {
    // From 1.1 at C-03: down the rater's leaves 1.1, 1.2 (不适用), 1.3, 1.5 (不适用).
    const plan = pastePlan({
      text: '2\n较好\n0\n3\n',
      indicators,
      rows,
      branches,
      focusRow: 1,
      focusBranchId: BRANCH.c,
      current: () => null,
      refusal: (row: LeafRow, branch: SheetBranch) => cellRefusal(row, branch, null, () => null),
    });
    expect(plan.changes.map((c) => [c.branchId, c.indicatorId, c.next?.value])).toEqual([
      [BRANCH.c, LEAF.rating, 2],
      [BRANCH.c, LEAF.deduction, 0],
    ]);
    expect(plan.notApplicable).toBe(2);
    expect(plan.problems).toEqual([]);
    expect(plan.confirm).toBe(true);
  });

  it('“不适用” as the workbook writes it passes quietly', () => {
    const plan = pastePlan({
      text: '2\n不适用\n',
      indicators,
      rows,
      branches,
      focusRow: 1,
      focusBranchId: BRANCH.c,
      current: () => null,
      refusal: (row: LeafRow, branch: SheetBranch) => cellRefusal(row, branch, null, () => null),
    });
    expect(plan).toMatchObject({ notApplicable: 0, problems: [], confirm: false });
    expect(plan.changes).toHaveLength(1);
  });
});

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('the sheet store and the cells', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  // A value left on C-03 × 1.2 from before the category was set: shown as 不适用, counted nowhere.
  const sheet = (): RaterSheet => ({ ...raterSheet([{ branchId: BRANCH.c, indicatorId: LEAF.level, value: 1, detail: [] }]), branches: categorised() });
  const store = () => new SheetStore(sheet(), defaultPeriodSettings(), async () => undefined);

  it('expects no 不适用 cell: 7 rated leaves on A-01 and D-04, 5 on C-03', () => {
    const s = store();
    expect(s.expectedOf(BRANCH.c)).toBe(5);
    expect(s.expectedOf(BRANCH.a)).toBe(7);
    expect(s.expectedOf(BRANCH.b)).toBe(0);
    expect(s.expectedTotal).toBe(19);
    expect(s.scored.get(BRANCH.c)).toBe(0);
    expect(s.scoredTotal).toBe(0);
    expect(s.unscored().filter((u) => u.branch.id === BRANCH.c).map((u) => u.leaf.leaf.code)).toEqual(['1.1', '1.3', '2.1', '2.2', '3']);
  });

  it('draws a 不适用 cell greyed and read-only like the other cells nobody on the panel fills', () => {
    const s = store();
    const column = { kind: 'value' as const, branch: s.branches.find((b) => b.id === BRANCH.c)!, width: 100 };
    const view = cellView(s, rows[2] as LeafRow, 2, column, 0, 2, false);
    expect(view.text).toBe('不适用');
    expect(view.tone).toBe('quant');
    expect(view.className).toContain('is-na');
    expect(view.className).toContain('is-quant');
    expect(view.className).not.toContain('is-empty');
    expect(view.title).toBe('机关支部不适用此指标，不评分');
    const applies = cellView(s, rows[1] as LeafRow, 1, column, 0, 2, false);
    expect(applies.className).toContain('is-empty');
    expect(applies.className).not.toContain('is-na');
  });
});
