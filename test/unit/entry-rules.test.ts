/**
 * One rule for what may be entered for a leaf and what reasons it needs
 * (shared/domain/entry.ts), applied alike by the scoring grid (model.ts
 * parseInput / detailNeeded), the workbooks (parseEntry) and the write path
 * (entries.save), including the rater's score-workbook import.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detailProblem, detailRequired, parseEntry, readEntry, reasonTooShort } from '../../shared/domain/entry';
import type { Indicator, LeafMethod } from '../../shared/domain/framework';
import { detailNeeded, parseInput } from '../../renderer/src/pages/scoring/model';
import { periodSetup } from '../helpers/period-setup';

const rating: LeafMethod = { kind: 'rating', step: 0.5 };
const level: LeafMethod = { kind: 'level', levels: [{ label: '好', fraction: 1 }, { label: '较好', fraction: 0.8 }, { label: '一般', fraction: 0.6 }, { label: '差', fraction: 0.2 }] };
const deduction: LeafMethod = { kind: 'deduction', perOccurrence: 0.5 };
const bonus: LeafMethod = { kind: 'bonus', perItem: 1 };
const veto: LeafMethod = { kind: 'veto', capGrade: null };
const leafOf = (maxPoints: number) => ({ id: 1, code: '1.1', name: '三会一课', maxPoints }) as Indicator;

/** The same text must mean the same value in the grid and in a workbook cell. */
function bothRead(method: LeafMethod, max: number, text: string | number | boolean, value: number) {
  expect(parseEntry(method, max, text)).toEqual({ value });
  if (typeof text === 'string') expect(parseInput(leafOf(max), method, text)).toEqual({ value });
}

describe('what may be entered: one vocabulary for the grid and the workbooks', () => {
  it('reads points with 分, full-width digits, 。, spaces and thousands separators (once only in one of the two places)', () => {
    bothRead(rating, 10, '2.5', 2.5);
    bothRead(rating, 10, '３分', 3); // both before
    bothRead(rating, 10, '２。５', 2.5); // grid only before
    bothRead(rating, 10, '.5', 0.5);
    bothRead(rating, 10, '8.', 8); // grid only before
    bothRead(rating, 10, ' 8 分 ', 8);
    bothRead(rating, 10, '１，０', 10); // workbook only before (thousands separator)
    bothRead(rating, 10, 8.5, 8.5); // a number cell
    expect(parseEntry(rating, 10, '1e1')).toEqual({ error: '应填写分数（0 到 10），现为“1e1”' });
    expect(parseInput(leafOf(10), rating, '1e1')).toEqual({ error: '请输入数字：0 到 10 分，步长 0.5' });
    expect(parseEntry(rating, 10, '10.5')).toEqual({ error: '分值应在 0 到 10 之间' });
  });

  it('reads a level by its label, its 1-based number or a prefix naming one level, in both places (the grid only, before)', () => {
    for (const [text, value] of [['较好', 1], ['2', 1], ['４', 3], ['一', 2], [' 差 ', 3]] as const) bothRead(level, 10, text, value);
    bothRead(level, 10, 3, 2); // a number cell in a workbook: the third level
    const close: LeafMethod = { kind: 'level', levels: [{ label: '较好', fraction: 1 }, { label: '较差', fraction: 0.2 }] };
    expect(parseEntry(close, 10, '较')).toEqual({ error: '请填写等次：较好、较差（现为“较”）' }); // which one? neither
    expect(parseEntry(level, 10, '5')).toEqual({ error: '请填写等次：好、较好、一般、差（现为“5”）' });
    // A whole label wins over a number and over a prefix.
    const digits: LeafMethod = { kind: 'level', levels: [{ label: '2', fraction: 1 }, { label: '1', fraction: 0.5 }] };
    bothRead(digits, 10, '1', 1);
  });

  it('reads counts with 次, 项 or 个, “+3”, “3.0” and full-width digits in both places, and refuses more than 50 in both', () => {
    for (const [text, value] of [['2次', 2], ['2 个', 2], ['+3', 3], ['3.0', 3], ['０', 0], ['50', 50]] as const) {
      bothRead(deduction, 20, text, value);
      bothRead(bonus, 100, text, value);
    }
    bothRead(bonus, 3, '3 项', 3);
    expect(parseEntry(deduction, 20, '51')).toEqual({ error: '最多记录 50 次，现为“51”' }); // the workbook took 51 before
    expect(parseInput(leafOf(20), deduction, '51')).toEqual({ error: '最多记录 50 次' });
    expect(parseEntry(deduction, 20, 1.5)).toEqual({ error: '扣分次数应为 0 或正整数' });
    expect(parseInput(leafOf(20), deduction, '1.5')).toEqual({ error: '请输入 0 或正整数' });
    expect(parseEntry(bonus, 3, '两项')).toEqual({ error: '应填写加分项数（0 或正整数），现为“两项”' });
  });

  it('reads 是/否 in every way either place took, in any case, and true/false or 1/0 cells', () => {
    for (const yes of ['是', '1', 'Y', 'yes', 'YES', '√', '✓', 's']) bothRead(veto, 0, yes, 1);
    for (const no of ['否', '0', 'n', 'No', '×', '✗', 'x', 'F']) bothRead(veto, 0, no, 0);
    bothRead(veto, 0, true, 1);
    bothRead(veto, 0, 1, 1); // a number cell: the workbook refused it before
    bothRead(veto, 0, false, 0);
    expect(parseEntry(veto, 0, '可能')).toEqual({ error: '一票否决请填“是”或“否”，现为“可能”' });
    expect(parseInput(leafOf(0), veto, '可能')).toEqual({ error: '请输入“是”或“否”（1 或 0）' });
  });

  it('takes empty text as nothing, which a workbook cell refuses and the grid clears', () => {
    expect(readEntry(rating, 10, '\u3000 ')).toEqual({ value: null });
    expect(parseInput(leafOf(10), rating, '  ')).toEqual({ value: null });
    expect(parseEntry(rating, 10, '')).toEqual({ error: '应填写分数（0 到 10），现为“”' });
  });
});

describe('what reasons an entry needs: exactly one per occurrence, item or triggered veto', () => {
  it('counts non-blank reasons and refuses fewer and more alike', () => {
    expect(detailRequired(deduction, 2)).toBe(2);
    expect(detailRequired(veto, 1)).toBe(1);
    expect(detailRequired(rating, 3)).toBe(0);
    expect(detailNeeded(deduction, 2)).toBe(detailRequired(deduction, 2)); // the grid asks the same rule
    expect(detailNeeded(veto, 0)).toBe(0);
    expect(detailProblem(deduction, 2, ['甲', ' '])).toEqual({ kind: 'deduction', need: 2, have: 1 });
    expect(detailProblem(deduction, 2, ['甲', '乙', '丙'])).toEqual({ kind: 'deduction', need: 2, have: 3 });
    expect(detailProblem(bonus, 1, ['获表彰'])).toBeNull();
    expect(detailProblem(veto, 1, [])).toEqual({ kind: 'vetoMissing' });
    expect(detailProblem(veto, 0, ['说明'])).toEqual({ kind: 'vetoUnneeded', have: 1 });
    expect(detailProblem(veto, 0, [])).toBeNull();
  });

  it('refuses a reason of one character (what a digit typed into the reason leaves), counted in characters', () => {
    expect(detailProblem(deduction, 2, ['7月支委会未按期召开', '3'])).toEqual({ kind: 'tooShort', text: '3' });
    expect(detailProblem(veto, 1, [' 无 '])).toEqual({ kind: 'tooShort', text: '无' });
    expect(detailProblem(bonus, 1, ['获奖'])).toBeNull();
    // The count is checked first: a missing reason says so, not that another is short.
    expect(detailProblem(deduction, 2, ['3'])).toEqual({ kind: 'deduction', need: 2, have: 1 });
    expect(reasonTooShort('𠀀')).toBe(true); // one character outside the BMP is still one
    expect(reasonTooShort('漏会')).toBe(false);
    expect(reasonTooShort('  ')).toBe(false); // blank is “missing”, not “too short”
  });

  it('entries.save refuses one reason short and one too many (it took extra reasons before), and a reason for a veto not triggered', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    const ded = leaf('1.1');
    const v = leaf('4');
    const save = (indicatorId: number, value: number, detail: string[]) => invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId, value, detail }] });
    const short = await save(ded.id, 2, ['7月支委会未按期召开']);
    expect(!short.ok && short.error.details?.map((d) => d.message)).toEqual([`第 1 条：1.1 三会一课：每次扣分都要写明原因（扣 2 次，写了 1 条）`]);
    const extra = await save(ded.id, 1, ['7月支委会未按期召开', '9月党课未开展']);
    expect(!extra.ok && extra.error.details?.map((d) => d.message)).toEqual([`第 1 条：1.1 三会一课：扣 1 次只写 1 条原因（写了 2 条）`]);
    const unneeded = await save(v.id, 0, ['说明']);
    expect(!unneeded.ok && unneeded.error.details?.map((d) => d.message)).toEqual([`第 1 条：4 重大事故：一票否决选“否”时不写原因（写了 1 条）`]);
    const oneChar = await save(ded.id, 2, ['7月支委会未按期召开', '3']);
    expect(!oneChar.ok && oneChar.error.details?.map((d) => d.message)).toEqual([`第 1 条：1.1 三会一课：原因“3”只有一个字，请写明具体原因（至少 2 个字）`]);
    expect(await save(ded.id, 2, ['7月支委会未按期召开', '9月党课未开展'])).toMatchObject({ ok: true });
  });

  it('the score-workbook import refuses one reason short and one too many, naming the cell', async () => {
    const { invoke, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    sheet.getCell('E2').value = 2; // HG-01, 1.1: two deductions, one reason
    sheet.getCell('F2').value = 1; // HG-02, 1.1: one deduction, two reasons
    const d = wb.getWorksheet('扣分及加分说明')!;
    for (const row of [['HG-01', '1.1', '7月支委会未按期召开'], ['HG-02', '1.1', '9月党课未开展'], ['HG-02', '1.1', '10月党课未开展']]) d.addRow(row);
    await wb.xlsx.writeFile(file);
    const r = await invoke('scores.import', { periodId, path: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details!.map((x) => x.message)).toEqual([
      '第 2 行，E 列（HG-01 化工一厂第一党支部）：扣 2 次，“扣分及加分说明”表中应为每次扣分写一条原因（2 条），现有 1 条',
      '第 2 行，F 列（HG-02 化工一厂第二党支部）：扣 1 次，“扣分及加分说明”表中应为每次扣分写一条原因（1 条），现有 2 条',
    ]);
  });
});
