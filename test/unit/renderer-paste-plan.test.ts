/**
 * A block pasted into the scoring grid (renderer/src/pages/scoring/pastePlan):
 * which cells it writes, which it skips and which it refuses, with where and why.
 */
import { describe, expect, it } from 'vitest';
import { cellRefusal } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, type LeafRow, type SheetBranch } from '../../renderer/src/pages/scoring/model';
import { pastePlan, type PasteInput } from '../../renderer/src/pages/scoring/pastePlan';
import type { CellValue } from '../../renderer/src/pages/scoring/sheetStore';
import { BRANCH, LEAF, sheetBranches, sheetIndicators } from '../helpers/rater-sheet';

const rows = buildRows(sheetIndicators());
const branches = sheetBranches();

function plan(text: string, at: { row: number; branchId: number }, options: { held?: Map<string, CellValue>; readOnly?: string; guard?: () => string | null } = {}) {
  const input: PasteInput = {
    text,
    rows,
    branches,
    focusRow: at.row,
    focusBranchId: at.branchId,
    current: (b, i) => options.held?.get(`${b}:${i}`) ?? null,
    refusal: (row: LeafRow, branch: SheetBranch) => cellRefusal(row, branch, options.readOnly ?? null, options.guard ?? (() => null)),
  };
  return pastePlan(input);
}
const write = (branchId: number, indicatorId: number, value: number) => ({ branchId, indicatorId, next: { value, detail: [] } });

describe('a pasted block', () => {
  it('lands with its top-left cell on the focus: rows down the leaf rows, columns across the branches', () => {
    // From 1.1 at C-03: two columns (C-03, D-04), two rows (1.1, 1.2).
    expect(plan('2.5\t3\r\n较好\t1\r\n', { row: 1, branchId: BRANCH.c })).toEqual({
      changes: [write(BRANCH.c, LEAF.rating, 2.5), write(BRANCH.d, LEAF.rating, 3), write(BRANCH.c, LEAF.level, 1), write(BRANCH.d, LEAF.level, 0)],
      problems: [],
    });
  });

  it('runs over group rows (leaf rows only) but not over the quantitative leaf, which it refuses', () => {
    // From 1.3 down: 1.3, 1.4 (quantitative), 1.5, then 2.1 (the group row 2 is not counted).
    const result = plan('0\n5\n2\n否', { row: 3, branchId: BRANCH.a });
    expect(result.changes).toEqual([write(BRANCH.a, LEAF.deduction, 0), write(BRANCH.a, LEAF.rating2, 2), write(BRANCH.a, LEAF.veto1, 0)]);
    expect(result.problems).toEqual([{ leaf: '1.4 安全生产', branch: 'A-01 甲支部', text: '5', message: '定量指标由业务数据计算，评委不打分' }]);
  });

  it('refuses the recused branch’s cells and goes on with the others', () => {
    const result = plan('1\t2\t3', { row: 1, branchId: BRANCH.a });
    expect(result.changes).toEqual([write(BRANCH.a, LEAF.rating, 1), write(BRANCH.c, LEAF.rating, 3)]);
    expect(result.problems).toEqual([{ leaf: '1.1 理论学习', branch: 'B-02 乙支部', text: '2', message: '您对“B-02 乙支部”回避（本人所在支部），不能评分' }]);
  });

  it('names the cells beyond the sheet by how far outside they are', () => {
    // From 3 (the last leaf) at C-03: C-03 takes 0 items, D-04's 2 items need their descriptions, a third column is outside.
    const result = plan('0\t2\t3', { row: 9, branchId: BRANCH.c });
    expect(result.changes).toEqual([write(BRANCH.c, LEAF.bonus, 0)]);
    expect(result.problems).toEqual([
      { leaf: '3 创新加分', branch: 'D-04 丁支部', text: '2', message: '需要逐条写明原因，请单独录入这一格' },
      { leaf: '3 创新加分', branch: '+3', text: '3', message: '超出评分表范围' },
    ]);
    expect(plan('0\n1', { row: 9, branchId: BRANCH.a }).problems).toEqual([{ leaf: '+2', branch: 'A-01 甲支部', text: '1', message: '超出评分表范围' }]);
  });

  it('skips blank cells (also full-width spaces) and keeps what they cover', () => {
    const result = plan('\t\u3000\t \n3\t\t', { row: 1, branchId: BRANCH.a });
    expect(result).toEqual({ changes: [write(BRANCH.a, LEAF.level, 2)], problems: [] });
  });

  it('refuses text a cell cannot take, with the method’s own message and the text trimmed', () => {
    const result = plan(' 9 \t是吗\n较\t6', { row: 1, branchId: BRANCH.c });
    expect(result.changes).toEqual([write(BRANCH.c, LEAF.level, 1)]);
    expect(result.problems).toEqual([
      { leaf: '1.1 理论学习', branch: 'C-03 丙支部', text: '9', message: '分值应在 0 到 3 之间' },
      { leaf: '1.1 理论学习', branch: 'D-04 丁支部', text: '是吗', message: '请输入数字：0 到 3 分，步长 0.5' },
      // 较 starts only 较好: taken; 6 is past the four levels.
      { leaf: '1.2 意识形态', branch: 'D-04 丁支部', text: '6', message: '请输入 1 到 4 的序号或等次名称：1 好、2 较好、3 一般、4 差' },
    ]);
  });

  it('keeps a count whose reasons are already written, and refuses one that would need new reasons', () => {
    const held = new Map<string, CellValue>([
      [`${BRANCH.c}:${LEAF.veto1}`, { value: 1, detail: ['发生较大安全事故'] }],
      [`${BRANCH.d}:${LEAF.veto1}`, { value: 0, detail: [] }],
      [`${BRANCH.c}:${LEAF.bonus}`, { value: 2, detail: ['创新项目一'] }],
    ]);
    const result = plan('是\t是', { row: 7, branchId: BRANCH.c }, { held });
    expect(result.changes).toEqual([]);
    expect(result.problems).toEqual([{ leaf: '2.1 重大安全事故', branch: 'D-04 丁支部', text: '是', message: '需要逐条写明原因，请单独录入这一格' }]);
    // Two items held with one description: the count is the same, but a description is missing.
    expect(plan('2', { row: 9, branchId: BRANCH.c }, { held }).problems.map((p) => p.message)).toEqual(['需要逐条写明原因，请单独录入这一格']);
  });

  it('asks the page’s guard for every cell, and a locked sheet refuses them all', () => {
    expect(plan('1\t1', { row: 1, branchId: BRANCH.c }, { guard: () => '请先填写修改原因' }).problems.map((p) => p.message)).toEqual(['请先填写修改原因', '请先填写修改原因']);
    const locked = plan('1\n好', { row: 1, branchId: BRANCH.a }, { readOnly: '已完成评分' });
    expect(locked.changes).toEqual([]);
    expect(locked.problems.map((p) => p.message)).toEqual(['评分表只读：已完成评分', '评分表只读：已完成评分']);
  });
});
