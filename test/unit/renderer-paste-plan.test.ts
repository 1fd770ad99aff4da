/**
 * A block pasted into the scoring grid (renderer/src/pages/scoring/pastePlan):
 * which cells it writes (and where each lands), which it skips and which it
 * refuses, with where and why; how it reads a block copied from the score
 * workbook (codes, header, name / max / hint columns); when it asks first.
 * The round trip through the real workbook is test/unit/paste-roundtrip.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cellRefusal } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, type LeafRow, type SheetBranch } from '../../renderer/src/pages/scoring/model';
import { blockLayout, pastePlan, type PasteInput } from '../../renderer/src/pages/scoring/pastePlan';
import { parseClipboardBlock } from '../../renderer/src/pages/scoring/model';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import type { CellValue } from '../../renderer/src/pages/scoring/sheetStore';
import { BRANCH, LEAF, sheetBranches, sheetIndicators } from '../helpers/rater-sheet';

const indicators = sheetIndicators();
const rows = buildRows(indicators);
const branches = sheetBranches();

function plan(text: string, at: { row: number; branchId: number }, options: { held?: Map<string, CellValue>; readOnly?: string; guard?: () => string | null } = {}) {
  const input: PasteInput = {
    text,
    indicators,
    rows,
    branches,
    focusRow: at.row,
    focusBranchId: at.branchId,
    current: (b, i) => options.held?.get(`${b}:${i}`) ?? null,
    refusal: (row: LeafRow, branch: SheetBranch) => cellRefusal(row, branch, options.readOnly ?? null, options.guard ?? (() => null)),
  };
  return pastePlan(input);
}
const write = (branchId: number, indicatorId: number, value: number, detail: string[] = []) => ({ branchId, indicatorId, next: { value, detail } });

describe('a pasted block', () => {
  it('lands with its top-left cell on the focus: rows down the leaf rows, columns across the branches', () => {
    // From 1.1 at C-03: two columns (C-03, D-04), two rows (1.1, 1.2).
    const result = plan('2.5\t3\r\n较好\t1\r\n', { row: 1, branchId: BRANCH.c });
    expect(result).toMatchObject({
      changes: [write(BRANCH.c, LEAF.rating, 2.5), write(BRANCH.d, LEAF.rating, 3), write(BRANCH.c, LEAF.level, 1), write(BRANCH.d, LEAF.level, 0)],
      problems: [],
      byCode: { rows: false, columns: false },
      skipped: [],
      confirm: false, // a clean positional paste saves at once
    });
    expect(result.landings.map((l) => `${l.leaf} × ${l.branch} ← ${l.text}`)).toEqual([
      '1.1 理论学习 × C-03 丙支部 ← 2.5',
      '1.1 理论学习 × D-04 丁支部 ← 3',
      '1.2 意识形态 × C-03 丙支部 ← 较好',
      '1.2 意识形态 × D-04 丁支部 ← 1',
    ]);
  });

  it('runs down the leaves a rater enters — the workbook’s and the paper sheet’s rows — past group rows and the quantitative leaf, and asks first', () => {
    // From 1.3 down: 1.3, 1.5 (1.4 is quantitative: not in the sequence), 2.1, 2.2 (the group row 2 is not counted).
    const result = plan('0\n2\n否\n否', { row: 3, branchId: BRANCH.a });
    expect(result.changes).toEqual([write(BRANCH.a, LEAF.deduction, 0), write(BRANCH.a, LEAF.rating2, 2), write(BRANCH.a, LEAF.veto1, 0), write(BRANCH.a, LEAF.veto2, 0)]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual(['1.4 安全生产']);
    expect(result.confirm).toBe(true);
    // The grid's enterable rows are exactly the shared sequence.
    expect(rows.flatMap((r) => (r.kind === 'leaf' && r.rated ? [r.leaf.id] : []))).toEqual(raterLeavesInOrder(indicators).map((l) => l.id));
  });

  it('starts at the next enterable row when the focus is on a quantitative one', () => {
    expect(plan('2', { row: 4, branchId: BRANCH.a }).changes).toEqual([write(BRANCH.a, LEAF.rating2, 2)]);
  });

  it('refuses the recused branch’s cells and goes on with the others', () => {
    const result = plan('1\t2\t3', { row: 1, branchId: BRANCH.a });
    expect(result.changes).toEqual([write(BRANCH.a, LEAF.rating, 1), write(BRANCH.c, LEAF.rating, 3)]);
    expect(result.problems).toEqual([{ leaf: '1.1 理论学习', branch: 'B-02 乙支部', text: '2', message: '您对“B-02 乙支部”回避（本人所在支部），不能评分' }]);
    expect(result.confirm).toBe(true); // never saved in part without asking
    // The workbook writes 回避 in a recused branch's cells: that is no value, and nothing to ask about.
    expect(plan('1\t回避\t3', { row: 1, branchId: BRANCH.a })).toMatchObject({ problems: [], confirm: false });
  });

  it('names the cells beyond the sheet by how far outside they are', () => {
    // From 3 (the last leaf) at C-03: C-03 takes 0 items, D-04 2 items (a draft until described), a third column is outside.
    const result = plan('0\t2\t3', { row: 9, branchId: BRANCH.c });
    expect(result.changes).toEqual([write(BRANCH.c, LEAF.bonus, 0), write(BRANCH.d, LEAF.bonus, 2)]);
    expect(result.landings.map((l) => l.draft)).toEqual([false, true]);
    expect(result.problems).toEqual([{ leaf: '3 创新加分', branch: '+3', text: '3', message: '超出评分表范围' }]);
    expect(plan('0\n1', { row: 9, branchId: BRANCH.a }).problems).toEqual([{ leaf: '+2', branch: 'A-01 甲支部', text: '1', message: '超出评分表范围' }]);
  });

  it('skips blank cells (also full-width spaces) and keeps what they cover', () => {
    const result = plan('\t\u3000\t \n3\t\t', { row: 1, branchId: BRANCH.a });
    expect(result).toMatchObject({ changes: [write(BRANCH.a, LEAF.level, 2)], problems: [], confirm: false });
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

  it('keeps the reasons of a count pasted again, and writes a new count as a draft (待填原因)', () => {
    const held = new Map<string, CellValue>([
      [`${BRANCH.c}:${LEAF.veto1}`, { value: 1, detail: ['发生较大安全事故'] }],
      [`${BRANCH.d}:${LEAF.veto1}`, { value: 0, detail: [] }],
      [`${BRANCH.c}:${LEAF.bonus}`, { value: 2, detail: ['创新项目一'] }],
    ]);
    const result = plan('是\t是', { row: 7, branchId: BRANCH.c }, { held });
    expect(result.changes).toEqual([write(BRANCH.c, LEAF.veto1, 1, ['发生较大安全事故']), write(BRANCH.d, LEAF.veto1, 1)]);
    expect(result.landings.map((l) => l.draft)).toEqual([false, true]);
    expect(result.problems).toEqual([]);
    // Two items held with one description: the count is the same, the description kept, one still missing.
    const two = plan('2', { row: 9, branchId: BRANCH.c }, { held });
    expect(two.changes).toEqual([write(BRANCH.c, LEAF.bonus, 2, ['创新项目一'])]);
    expect(two.landings[0]!.draft).toBe(true);
  });

  it('asks the page’s guard for every cell, and a locked sheet refuses them all', () => {
    expect(plan('1\t1', { row: 1, branchId: BRANCH.c }, { guard: () => '请先填写修改原因' }).problems.map((p) => p.message)).toEqual(['请先填写修改原因', '请先填写修改原因']);
    const locked = plan('1\n好', { row: 1, branchId: BRANCH.a }, { readOnly: '已完成评分' });
    expect(locked.changes).toEqual([]);
    expect(locked.problems.map((p) => p.message)).toEqual(['评分表只读：已完成评分', '评分表只读：已完成评分']);
  });
});

/** A block as Excel puts it on the clipboard: tabs, CRLF, a cell with a line break quoted. */
const excel = (lines: (string | number)[][]) =>
  lines.map((l) => l.map((c) => (/[\t\n"]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join('\t')).join('\r\n') + '\r\n';

describe('a block copied from the score workbook', () => {
  const head = ['指标编码', '指标名称', '满分', '评分方法（填写方式）', 'A-01\n甲支部', 'B-02\n乙支部', 'C-03\n丙支部', 'D-04\n丁支部'];
  // The workbook's rows: the leaves a rater enters (no 1.4), the 回避 column as it writes it.
  const body = [
    ['1.1', '理论学习', 3, '打分（0–3 分，步长 0.5）', 2.5, '回避', 3, ''],
    ['1.2', '意识形态', 3, '等次', '较好', '回避', '好', '差'],
    ['1.3', '党风廉政建设', 2, '扣分', 0, '回避', '', 0],
    ['1.5', '党建与生产经营', 3, '打分', 1.5, '回避', 2, 2],
  ];

  it('reads a quoted cell with a line break as one cell (the workbook’s branch headers)', () => {
    expect(parseClipboardBlock('"A-01\n甲支部"\t"say ""hi"""\r\n1\t"2\r\n')).toEqual([
      ['A-01\n甲支部', 'say "hi"'],
      ['1', '"2'],
    ]);
  });

  it('with codes and header: rows by leaf code and columns by branch code, wherever the focus is', () => {
    const result = plan(excel([head, ...body]), { row: 9, branchId: BRANCH.d });
    expect(result.byCode).toEqual({ rows: true, columns: true });
    expect(result.confirm).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      write(BRANCH.a, LEAF.rating, 2.5),
      write(BRANCH.c, LEAF.rating, 3),
      write(BRANCH.a, LEAF.level, 1),
      write(BRANCH.c, LEAF.level, 0),
      write(BRANCH.d, LEAF.level, 3),
      write(BRANCH.a, LEAF.deduction, 0),
      write(BRANCH.d, LEAF.deduction, 0),
      write(BRANCH.a, LEAF.rating2, 1.5),
      write(BRANCH.c, LEAF.rating2, 2),
      write(BRANCH.d, LEAF.rating2, 2),
    ]);
    expect(result.landings[7]).toEqual({ leaf: '1.5 党建与生产经营', branch: 'A-01 甲支部', text: '1.5', draft: false });
  });

  it('with codes, without header: the name and max columns are recognised and skipped, columns from the focus', () => {
    const block = body.map((l) => [...l.slice(0, 3), ...l.slice(4)]); // no hint column: a hand-made sheet
    const layout = blockLayout(parseClipboardBlock(excel(block)), rows, branches);
    expect(layout).toEqual({ header: false, codeColumn: true, columns: ['skip', 'skip', 'skip', null, null, null, null] });
    const result = plan(excel(block), { row: 7, branchId: BRANCH.a });
    expect(result.byCode).toEqual({ rows: true, columns: false });
    expect(result.changes).toContainEqual(write(BRANCH.d, LEAF.level, 3));
    expect(result.changes).toContainEqual(write(BRANCH.a, LEAF.rating2, 1.5));
    expect(result.problems).toEqual([]);
  });

  it('with the header, without codes: rows by position over the enterable rows, columns by branch code', () => {
    const result = plan(excel([head.slice(4), ...body.map((l) => l.slice(4))]), { row: 1, branchId: BRANCH.d });
    expect(result.byCode).toEqual({ rows: false, columns: true });
    expect(result.skipped).toEqual(['1.4 安全生产']);
    expect(result.changes).toContainEqual(write(BRANCH.a, LEAF.rating2, 1.5)); // 1.5, not the quantitative 1.4
  });

  it('refuses a code the sheet does not have, a quantitative leaf’s code, and a column of another branch', () => {
    const result = plan(excel([['指标编码', 'A-01', 'Z-99'], ['9.9', 1, 1], ['１．４', 1, ''], ['1.1', 2, 2]]), { row: 1, branchId: BRANCH.a });
    expect(result.changes).toEqual([write(BRANCH.a, LEAF.rating, 2)]);
    expect(result.problems).toEqual([
      { leaf: '9.9', branch: 'A-01 甲支部', text: '1', message: '本评分表没有指标编码“9.9”' },
      { leaf: '9.9', branch: 'Z-99', text: '1', message: '本评分表没有指标编码“9.9”' },
      { leaf: '1.4 安全生产', branch: 'A-01 甲支部', text: '1', message: '定量指标由业务数据计算，评委不打分' },
      { leaf: '1.1 理论学习', branch: 'Z-99', text: '2', message: '“Z-99”不是本期的支部' },
    ]);
  });

  it('does not take a column of values for codes', () => {
    // 1.5 and 2.5 could be codes, but values in one column with nothing after them are values.
    expect(blockLayout(parseClipboardBlock('1.5\n2.5'), rows, branches).codeColumn).toBe(false);
    // Codes out of the sheet's order are not a code column either.
    expect(blockLayout(parseClipboardBlock('1.2\t1\n1.1\t2'), rows, branches).codeColumn).toBe(false);
    expect(blockLayout(parseClipboardBlock('1.1\t1\n1.2\t2'), rows, branches).codeColumn).toBe(true);
  });
});
