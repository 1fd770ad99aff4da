import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, tempServices } from '../helpers/tmp';
import { appendRows, writeBranchesWorkbook } from '../helpers/workbooks';

const GOOD_ROWS = [
  ['HG-01', '化工一厂第一党支部', '化工一厂', '王建国', 23, ''],
  ['HG-02', '化工一厂第二党支部', '化工一厂', '张伟', '18', '人数以文本填写'],
  ['GD-01', '供电公司变电运维党支部', '供电公司', '李敏', null, null],
];

describe('branches workbook: template and import', () => {
  it('writes a template with the documented headers, a frozen header row and instructions', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), '模板.xlsx');
    expect(await invoke('branches.writeTemplate', { path: file })).toEqual({ ok: true, value: { path: file } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('党支部')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['支部编码*', '支部名称*', '所属单位', '支部书记', '党员人数', '备注', '支部类别']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'whole' });
    expect(wb.getWorksheet('填写说明')?.getCell('A1').value).toContain('每行填写一个党支部');
  });

  it('imports the app’s own template once filled in, creating every branch', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'filled.xlsx');
    await invoke('branches.writeTemplate', { path: file });
    await appendRows(file, GOOD_ROWS);
    expect(await invoke('branches.import', { path: file })).toEqual({
      ok: true,
      value: { file: 'filled.xlsx', created: 3, updated: 0 },
    });
    const list = await invoke('branches.list', {});
    expect(list.ok && list.value.map((b) => [b.code, b.name, b.memberCount, b.note])).toEqual([
      ['GD-01', '供电公司变电运维党支部', null, ''],
      ['HG-01', '化工一厂第一党支部', 23, ''],
      ['HG-02', '化工一厂第二党支部', 18, '人数以文本填写'],
    ]);
  });

  it('updates branches whose code exists and previews what it will do', async () => {
    const { invoke } = tempServices();
    await invoke('branches.create', { code: 'hg-01', name: '旧名称', secretary: '旧书记' });
    const file = path.join(tempDir(), 'b.xlsx');
    await writeBranchesWorkbook(file, GOOD_ROWS);
    const preview = await invoke('branches.previewImport', { path: file });
    expect(preview.ok && preview.value.rows.map((r) => [r.row, r.code, r.action])).toEqual([
      [2, 'HG-01', 'update'],
      [3, 'HG-02', 'create'],
      [4, 'GD-01', 'create'],
    ]);
    expect(preview.ok && preview.value.errors).toEqual([]);
    expect(await invoke('branches.import', { path: file })).toMatchObject({ ok: true, value: { created: 2, updated: 1 } });
    const list = await invoke('branches.list', { query: '王建国' });
    expect(list.ok && list.value).toMatchObject([{ name: '化工一厂第一党支部', secretary: '王建国' }]);
  });

  it('reports every bad row as "row N, column X: why" and imports nothing', async () => {
    const { invoke } = tempServices();
    await invoke('branches.create', { code: 'KEEP', name: '原有支部' });
    const file = path.join(tempDir(), 'bad.xlsx');
    await writeBranchesWorkbook(file, [
      ['HG-01', '化工一厂第一党支部', '化工一厂', '王建国', 23, ''],
      ['HG-02', '', '化工一厂', '张伟', 18, ''], // row 3: no name
      ['HG-01', '重复编码的支部', '', '', 5, ''], // row 4: duplicate code
      ['HG 03', '编码带空格', '', '', -2, ''], // row 5: bad code and negative member count
      [null, null, null, null, null, null], // row 6: blank, ignored
      ['HG-04', '人数写错', '', '', '二十', ''], // row 7: text member count
    ]);
    const result = await invoke('branches.import', { path: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toBe('“bad.xlsx”中有 5 处错误，未导入任何数据');
    expect(result.error.details?.map((d) => d.message)).toEqual([
      '第 3 行，B 列（支部名称）：支部名称不能为空',
      '第 4 行，A 列（支部编码）：支部编码“HG-01”在第 2 行已出现过',
      '第 5 行，A 列（支部编码）：支部编码只能包含字母、数字和“-”“_”“.”，且以字母或数字开头',
      '第 5 行，E 列（党员人数）：党员人数应为 0 到 10000 之间的整数',
      '第 7 行，E 列（党员人数）：党员人数应为 0 到 10000 之间的整数',
    ]);
    expect(result.error.details?.[0]).toMatchObject({ row: 3, column: 'B' });
    // Nothing written: only the branch that was there before.
    const list = await invoke('branches.list', { includeArchived: true });
    expect(list.ok && list.value.map((b) => b.code)).toEqual(['KEEP']);
  });

  it('finds columns by header text, whatever their order', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'reordered.xlsx');
    await writeBranchesWorkbook(file, [['王建国', '化工一厂第一党支部', 'HG-01']], { header: ['支部书记', '支部名称', '支部编码'] });
    expect(await invoke('branches.import', { path: file })).toMatchObject({ ok: true, value: { created: 1 } });
    const list = await invoke('branches.list', {});
    expect(list.ok && list.value[0]).toMatchObject({ code: 'HG-01', secretary: '王建国' });
  });

  it('says which required column is missing', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'noname.xlsx');
    await writeBranchesWorkbook(file, [['HG-01']], { header: ['支部编码'] });
    expect(await invoke('branches.import', { path: file })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“noname.xlsx”第 1 行缺少“支部名称”列，请使用导入模板' },
    });
  });

  it('refuses a file that is not a workbook, a missing file and an empty sheet', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const notXlsx = path.join(dir, '名单.xlsx');
    writeFileSync(notXlsx, '支部编码,支部名称\nHG-01,第一党支部\n');
    expect(await invoke('branches.import', { path: notXlsx })).toMatchObject({
      ok: false,
      error: { message: '无法读取“名单.xlsx”：它不是有效的 Excel（.xlsx）文件' },
    });
    expect(await invoke('branches.import', { path: path.join(dir, 'missing.xlsx') })).toMatchObject({
      ok: false,
      error: { code: 'io' },
    });
    const empty = path.join(dir, 'empty.xlsx');
    await writeBranchesWorkbook(empty, []);
    expect(await invoke('branches.import', { path: empty })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('没有支部数据') },
    });
  });
});

describe('branches workbook: 支部类别 (分类施策)', () => {
  it('imports the 支部类别 column, refuses one too long naming row and column, and keeps a category when the column is absent', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'cat.xlsx');
    await invoke('branches.writeTemplate', { path: file });
    await appendRows(file, [
      ['HG-01', '化工一厂第一党支部', '化工一厂', '王建国', 23, '', '生产'],
      ['JG-01', '机关第一党支部', '机关', '李敏', 12, '', '机关'],
      ['KY-01', '研究院党支部', '研究院', '', null, '', ''],
    ]);
    expect(await invoke('branches.import', { path: file })).toMatchObject({ ok: true, value: { created: 3 } });
    const list = await invoke('branches.list', {});
    expect(list.ok && list.value.map((b) => [b.code, b.category])).toEqual([
      ['HG-01', '生产'],
      ['JG-01', '机关'],
      ['KY-01', ''],
    ]);
    // The list's search finds a branch by its category too.
    const found = await invoke('branches.list', { query: '机关' });
    expect(found.ok && found.value.map((b) => b.code)).toEqual(['JG-01']);

    const bad = path.join(tempDir(), 'bad-cat.xlsx');
    await writeBranchesWorkbook(bad, [['HG-09', '某支部', '', '', null, '', '生产一线班组所在党支部']], {
      header: ['支部编码*', '支部名称*', '所属单位', '支部书记', '党员人数', '备注', '支部类别'],
    });
    const refused = await invoke('branches.import', { path: bad });
    expect(!refused.ok && refused.error.details?.map((d) => d.message)).toEqual(['第 2 行，G 列（支部类别）：支部类别最多 10 个字符']);

    // A workbook of the old six columns updates HG-01 without wiping its category.
    const old = path.join(tempDir(), 'old.xlsx');
    await writeBranchesWorkbook(old, [['HG-01', '化工一厂第一党支部', '化工一厂', '王建国', 25, '']]);
    const preview = await invoke('branches.previewImport', { path: old });
    expect(preview.ok && preview.value.rows).toMatchObject([{ code: 'HG-01', action: 'update', category: '生产' }]);
    expect(await invoke('branches.import', { path: old })).toMatchObject({ ok: true, value: { updated: 1 } });
    const after = await invoke('branches.list', { query: 'HG-01' });
    expect(after.ok && after.value[0]).toMatchObject({ memberCount: 25, category: '生产' });
  });
});
