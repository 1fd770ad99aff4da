/**
 * The panel workbook (评委名单): the template as the panel stands, an edited
 * copy imported through the panel service, every kind of error located, and
 * nothing stored when any row is wrong.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { periodSetup, type PeriodSetup } from '../helpers/period-setup';

const HEADERS = ['评委编号', '评委组*', '组权重*', '姓名*', '职务', '所在支部编码', '回避支部编码', '回避原因'];
type Cell = string | number | null;
/** The group's own combination rule: the last two columns (I, J), empty = the period's setting. */
const RULE_HEADERS = ['组内汇总', '去极值最少人数'];
/** 分工评分: the group's and the rater's 评分范围, after the rule columns (test/unit/panel-assignment.test.ts). */
const SCOPE_HEADERS = ['组评分范围', '评委评分范围'];

/** Replaces the data rows of the 评委 sheet, the rule columns included. */
async function writeWideRows(file: string, rows: Cell[][]) {
  const wb = await readBook(file);
  const sheet = wb.getWorksheet('评委')!;
  const width = HEADERS.length + RULE_HEADERS.length;
  for (let r = 2; r <= Math.max(sheet.rowCount, rows.length + 1); r++) for (let c = 0; c < width; c++) sheet.getCell(r, c + 1).value = rows[r - 2]?.[c] ?? null;
  await wb.xlsx.writeFile(file);
}

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The 评委 sheet's rows from row 2, as values (null for an empty cell). */
async function dataRows(file: string): Promise<Cell[][]> {
  const sheet = (await readBook(file)).getWorksheet('评委')!;
  const rows: Cell[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push(HEADERS.map((_, c) => (sheet.getCell(r, c + 1).value as Cell) ?? null));
  return rows;
}

/** Replaces the data rows of the 评委 sheet. */
async function writeRows(file: string, rows: Cell[][]) {
  const wb = await readBook(file);
  const sheet = wb.getWorksheet('评委')!;
  for (let r = 2; r <= Math.max(sheet.rowCount, rows.length + 1); r++) HEADERS.forEach((_, c) => (sheet.getCell(r, c + 1).value = rows[r - 2]?.[c] ?? null));
  await wb.xlsx.writeFile(file);
}

async function template(s: PeriodSetup, name = '评委名单.xlsx') {
  const file = path.join(s.dir, name);
  const written = await s.invoke('panel.writeTemplate', { periodId: s.periodId, path: file });
  expect(written).toMatchObject({ ok: true });
  return file;
}

async function panelOf(s: PeriodSetup) {
  const panel = await s.invoke('panel.get', { periodId: s.periodId });
  if (!panel.ok) throw new Error(panel.error.message);
  return panel.value;
}

describe('the panel workbook (评委名单)', () => {
  it('is written with the panel as it stands: ids, group and weight, own branch, recusals, and a help sheet', async () => {
    const s = await periodSetup({ status: 'draft' });
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: (await panelOf(s)).groups[0]!.id, name: '王建国', title: '党委副书记', recusals: [{ branchId: s.gd1, reason: '曾任该支部书记' }] });
    const file = await template(s);
    const wb = await readBook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评委', '填写说明']);
    expect((wb.getWorksheet('评委')!.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, ...RULE_HEADERS, ...SCOPE_HEADERS]);
    expect(String(wb.getWorksheet('填写说明')!.getCell('A1').value)).toMatch(/^1\. 每行填写一位评委/);
    expect(await dataRows(file)).toEqual([
      [s.r1, '考评组', 1, '王建国', '党委副书记', null, 'GD-01', '曾任该支部书记'],
      [s.r2, '考评组', 1, '李敏', null, 'HG-02', null, null],
    ]);
  });

  it('imports the untouched template as no change at all', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    const before = await panelOf(s);
    const result = await s.invoke('panel.import', { periodId: s.periodId, path: file });
    expect(result).toEqual({
      ok: true,
      value: { file: '评委名单.xlsx', groupsCreated: 0, groupsUpdated: 0, ratersCreated: 0, ratersUpdated: 0, ratersUnchanged: 2, kept: [] },
    });
    expect(await panelOf(s)).toEqual(before);
  });

  it('creates and updates groups and raters from an edited template, keeping the raters the file leaves out', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    await writeRows(file, [
      // 王建国 left out: kept. 李敏 renamed by her id, weight changed, a recusal added.
      [s.r2, '考评组', 0.6, '李敏华', '组长', 'HG-02', 'GD-01', '配偶在该支部'],
      [null, '职工代表组', 0.4, '张海燕', '职工代表', 'HG-01', 'GD-01、hg-02\nGD-01', '亲属在该支部'],
      [null, null, null, null, null, null, null, null],
      [null, '职工代表组', 0.4, '刘志强', null, null, null, null],
    ]);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors).toEqual([]);
    expect(preview.value.groups.map((g) => [g.row, g.name, g.weight, g.action])).toEqual([
      [2, '考评组', 0.6, 'update'],
      [3, '职工代表组', 0.4, 'create'],
    ]);
    expect(preview.value.raters.map((r) => [r.row, r.id, r.name, r.action])).toEqual([
      [2, s.r2, '李敏华', 'update'],
      [3, null, '张海燕', 'create'],
      [5, null, '刘志强', 'create'],
    ]);
    expect(preview.value.kept).toEqual([{ id: s.r1, name: '王建国', group: '考评组' }]);
    expect(await panelOf(s)).toMatchObject({ groups: [{ weight: 1 }], raters: [{ name: '王建国' }, { name: '李敏' }] }); // a preview stores nothing

    const imported = await s.invoke('panel.import', { periodId: s.periodId, path: file });
    expect(imported).toMatchObject({ ok: true, value: { groupsCreated: 1, groupsUpdated: 1, ratersCreated: 2, ratersUpdated: 1, ratersUnchanged: 0, kept: [{ name: '王建国' }] } });
    const panel = await panelOf(s);
    expect(panel.groups.map((g) => [g.name, g.weight])).toEqual([
      ['考评组', 0.6],
      ['职工代表组', 0.4],
    ]);
    const group = (name: string) => panel.groups.find((g) => g.name === name)!.id;
    expect(panel.raters.map((r) => [r.name, r.groupId, r.title, r.branchId])).toEqual([
      ['王建国', group('考评组'), '', null],
      ['李敏华', group('考评组'), '组长', s.hg2],
      ['张海燕', group('职工代表组'), '职工代表', s.hg1],
      ['刘志强', group('职工代表组'), '', null],
    ]);
    expect(panel.raters[1]!.id).toBe(s.r2);
    const recusals = (i: number) => [...panel.raters[i]!.recusals].sort((a, b) => a.branchId - b.branchId);
    expect(recusals(1)).toEqual([
      { branchId: s.hg2, reason: '本支部成员' },
      { branchId: s.gd1, reason: '配偶在该支部' },
    ]);
    expect(recusals(2)).toEqual([
      { branchId: s.hg1, reason: '本支部成员' },
      { branchId: s.hg2, reason: '亲属在该支部' },
      { branchId: s.gd1, reason: '亲属在该支部' },
    ]);
  });

  it('names every problem with its row and column, and stores nothing', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    const rows: Cell[][] = [
      [s.r1, '考评组', 1, '王建国', null, 'NO-SUCH', null, null], // 2: unknown own branch
      [s.r2, '考评组', 2, '李敏', null, 'HG-02', 'GD-01、XX-9', '亲属'], // 3: a second weight; unknown recusal code
      [null, '新组', 1, '赵六', null, null, 'GD-01', null], // 4: recusal without a reason
      [null, '新组', 0, '钱七', null, null, null, null], // 5: weight not > 0
      [null, '新组', '很多', '孙八', null, null, null, null], // 6: weight not a number
      [null, null, 1, '周九', null, null, null, null], // 7: no group
      [999, '新组', 1, '吴十', null, null, null, null], // 8: no such rater id
      [s.r1, '新组', 1, '郑一', null, null, null, null], // 9: the same rater twice
      [null, '新组', 1, '赵六', null, null, null, null], // 10: the same name twice
      [null, '新组', 1, '陈卫东', null, null, null, null], // 11: a name another group's rater has, without an id
      [null, '新组', 1, null, null, null, null, null], // 12: no name
    ];
    await writeRows(file, rows);
    const other = await s.invoke('panel.saveRater', { periodId: s.periodId, groupId: (await panelOf(s)).groups[0]!.id, name: '陈卫东' });
    if (!other.ok) throw new Error(other.error.message);
    const before = await panelOf(s);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'F'],
      [3, 'C'],
      [3, 'G'],
      [4, 'H'],
      [5, 'C'],
      [6, 'C'],
      [7, 'B'],
      [8, 'A'],
      [9, 'A'],
      [10, 'D'],
      [11, 'D'],
      [12, 'D'],
    ]);
    expect(preview.value.errors.map((e) => e.message)).toEqual([
      '第 2 行，F 列（所在支部编码）：找不到支部编码“NO-SUCH”',
      '第 3 行，C 列（组权重）：评委组“考评组”在第 2 行的权重是 1，这里是 2；同一评委组只能有一个权重',
      '第 3 行，G 列（回避支部编码）：找不到支部编码“XX-9”',
      '第 4 行，H 列（回避原因）：填写了回避支部，必须写明回避原因',
      '第 5 行，C 列（组权重）：组权重应大于 0，且不超过 100',
      '第 6 行，C 列（组权重）：组权重应为数字，现为“很多”',
      '第 7 行，B 列（评委组）：评委组不能为空',
      '第 8 行，A 列（评委编号）：本周期没有编号为“999”的评委（新增评委请留空）',
      `第 9 行，A 列（评委编号）：评委（编号 ${s.r1}）在第 2 行已出现过`,
      '第 10 行，D 列（姓名）：评委“赵六”在第 4 行已出现过',
      `第 11 行，D 列（姓名）：“陈卫东”已是评委组“考评组”的评委（编号 ${other.value.id}）；如要换组或改名，请在“评委编号”列填写 ${other.value.id}`,
      '第 12 行，D 列（姓名）：姓名不能为空',
    ]);

    const refused = await s.invoke('panel.import', { periodId: s.periodId, path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: '“评委名单.xlsx”中有 12 处错误，未导入任何数据' } });
    expect(!refused.ok && refused.error.details).toHaveLength(12);
    expect(await panelOf(s)).toEqual(before);
  });

  it('refuses the whole file when one row is wrong, though the others are fine', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    await writeRows(file, [
      [s.r1, '考评组', 0.5, '王建国', null, null, null, null],
      [null, '职工代表组', 0.5, '张海燕', null, null, null, null],
      [null, '职工代表组', 0.5, '刘志强', null, 'NO-SUCH', null, null],
    ]);
    const before = await panelOf(s);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: false, error: { details: [{ row: 4, column: 'F' }] } });
    expect(await panelOf(s)).toEqual(before);
  });

  it('stores in one transaction: a row the service refuses midway undoes the rows before it', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    // Two raters swapping names: the file is consistent, but the service refuses the first rename (the name is still taken).
    await writeRows(file, [
      [s.r1, '考评组', 0.5, '李敏', null, null, null, null],
      [s.r2, '考评组', 0.5, '王建国', null, 'HG-02', null, null],
      [null, '职工代表组', 0.5, '张海燕', null, null, null, null],
    ]);
    const before = await panelOf(s);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: '评委“李敏”已在本周期中' } });
    expect(await panelOf(s)).toEqual(before);
  });

  it('holds the panel service’s rules: no recusal from a branch already scored, nothing once finalised', async () => {
    const s = await periodSetup();
    const scored = await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.3').id, value: 8 }] });
    expect(scored).toMatchObject({ ok: true });
    const file = await template(s);
    const rows = await dataRows(file);
    rows[0]![5] = 'HG-01';
    await writeRows(file, rows);
    const refused = await s.invoke('panel.import', { periodId: s.periodId, path: file });
    expect(refused).toMatchObject({ ok: false, error: { details: [{ row: 2, column: 'F', message: '第 2 行，F 列（所在支部编码）：王建国已为“HG-01 化工一厂第一党支部”打分，不能再设为回避；请先删除这些评分' }] } });

    // While scoring the panel may still change (the service allows it): a title.
    rows[0]![5] = null;
    rows[0]![4] = '主任';
    await writeRows(file, rows);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: true, value: { ratersUpdated: 1, ratersUnchanged: 1 } });

    await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试：评分未齐先进入评审' });
    const finalised = await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: '测试：评分未齐先定稿' });
    expect(finalised).toMatchObject({ ok: true });
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已定稿') } });
  });

  it('writes and reads each group’s own rule in the last two columns (empty = the period’s)', async () => {
    const s = await periodSetup({ status: 'draft' });
    const groupId = (await panelOf(s)).groups[0]!.id;
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: groupId, name: '考评组', weight: 1, combine: 'trimmed', trimMinRaters: 7 });
    const file = await template(s);
    const sheet = (await readBook(file)).getWorksheet('评委')!;
    expect([2, 3].map((r) => [sheet.getCell(r, 9).value, sheet.getCell(r, 10).value])).toEqual([
      ['去掉最高最低后平均', 7],
      ['去掉最高最低后平均', 7],
    ]);
    expect(await s.invoke('panel.previewImport', { periodId: s.periodId, path: file })).toMatchObject({ ok: true, value: { errors: [], groups: [{ action: 'unchanged' }] } });

    await writeWideRows(file, [
      [s.r1, '考评组', 1, '王建国', null, null, null, null, null, null],
      [s.r2, '考评组', 1, '李敏', null, 'HG-02', null, null, null, null],
      [null, '职工代表组', 0.4, '张海燕', null, null, null, null, '平均', null],
      [null, '上级党委', 0.2, '刘志强', null, null, null, null, '中位数', 4],
    ]);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors).toEqual([]);
    expect(preview.value.groups.map((g) => [g.name, g.combine, g.trimMinRaters, g.action])).toEqual([
      ['考评组', null, null, 'update'],
      ['职工代表组', 'mean', null, 'create'],
      ['上级党委', 'median', 4, 'create'],
    ]);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: true, value: { groupsCreated: 2, groupsUpdated: 1 } });
    expect((await panelOf(s)).groups.map((g) => [g.name, g.combine, g.trimMinRaters])).toEqual([
      ['考评组', null, null],
      ['职工代表组', 'mean', null],
      ['上级党委', 'median', 4],
    ]);

    // A file of the template before these columns (eight columns) leaves the stored rules as they are.
    const old = path.join(s.dir, 'old.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评委');
    ws.addRow(HEADERS);
    ws.addRow([null, '上级党委', 0.2, '刘志强', null, null, null, null]);
    await wb.xlsx.writeFile(old);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: old })).toMatchObject({ ok: true, value: { groupsUpdated: 0, ratersUnchanged: 1 } });
    expect((await panelOf(s)).groups.find((g) => g.name === '上级党委')).toMatchObject({ combine: 'median', trimMinRaters: 4 });
  });

  it('refuses rows of one group that disagree on its rule, and a rule it cannot read, naming row and column', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = await template(s);
    await writeWideRows(file, [
      [s.r1, '考评组', 1, '王建国', null, null, null, null, '平均', 5],
      [s.r2, '考评组', 1, '李敏', null, 'HG-02', null, null, '中位数', 6], // 3: both halves differ from row 2
      [null, '职工代表组', 0.4, '张海燕', null, null, null, null, '最高分', null], // 4: not a rule
      [null, '上级党委', 0.2, '刘志强', null, null, null, null, null, 2], // 5: fewer than 3
      [null, '上级党委', 0.2, '赵六', null, null, null, null, null, 3.5], // 6: not a whole number
    ]);
    const before = await panelOf(s);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual([
      '第 3 行，I 列（组内汇总）：评委组“考评组”在第 2 行的组内汇总是“平均”，这里是“中位数”；同一评委组各行必须相同',
      '第 3 行，J 列（去极值最少人数）：评委组“考评组”在第 2 行的去极值最少人数是“5”，这里是“6”；同一评委组各行必须相同',
      '第 4 行，I 列（组内汇总）：组内汇总应为“平均”“去掉最高最低后平均”或“中位数”（留空即沿用周期设置），现为“最高分”',
      '第 5 行，J 列（去极值最少人数）：去极值最少人数应为 3～50 的整数（留空即沿用周期设置），现为“2”',
      '第 6 行，J 列（去极值最少人数）：去极值最少人数应为 3～50 的整数（留空即沿用周期设置），现为“3.5”',
    ]);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await panelOf(s)).toEqual(before);
  });

  it('refuses what is not a panel workbook: not an xlsx, no header, no rows', async () => {
    const s = await periodSetup({ status: 'draft' });
    const fake = path.join(s.dir, 'fake.xlsx');
    writeFileSync(fake, 'not a workbook');
    expect(await s.invoke('panel.previewImport', { periodId: s.periodId, path: fake })).toMatchObject({ ok: false, error: { message: '无法读取“fake.xlsx”：它不是有效的 Excel（.xlsx）文件' } });

    const other = path.join(s.dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('评委').addRow(['评委组', '姓名']);
    await wb.xlsx.writeFile(other);
    expect(await s.invoke('panel.previewImport', { periodId: s.periodId, path: other })).toMatchObject({ ok: false, error: { message: '文件“other.xlsx”第 1 行缺少“组权重”列，请使用导入模板' } });

    const empty = await template(s, 'empty.xlsx');
    await writeRows(empty, []);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: empty })).toMatchObject({ ok: false, error: { message: '文件“empty.xlsx”中没有评委（从第 2 行起填写）' } });
  });
});
