import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { SMALL_FRAMEWORK, writeFrameworkWorkbook } from '../helpers/framework-workbooks';
import { tempDir } from '../helpers/tmp';

describe('CLI: framework', () => {
  it('writes the template, imports it once filled and lists the frameworks', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, '指标体系.xlsx');
    expect(await cli('framework', 'template', file, '--data-dir', data)).toEqual({ code: 0, out: `指标体系导入模板已写入 ${file}`, err: '' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    SMALL_FRAMEWORK.forEach((row, i) => row.forEach((v, j) => (wb.worksheets[0]!.getCell(i + 2, j + 1).value = v)));
    await wb.xlsx.writeFile(file);

    expect((await cli('framework', 'list', '--data-dir', data)).out).toContain('还没有指标体系');
    const imported = await cli('framework', 'import', file, '--name', '2025 年度考评', '--data-dir', data);
    expect(imported).toEqual({ code: 0, out: '已导入 指标体系.xlsx：新建指标体系 1“2025 年度考评”，共 8 个指标', err: '' });
    const listed = await cli('framework', 'list', '--data-dir', data);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/编号\s+名称\s+版本\s+指标\s+末级指标\s+状态/);
    expect(listed.out).toMatch(/1\s+2025 年度考评\s+第1版\s+8\s+6\s+可修改/);
    const json = JSON.parse((await cli('framework', 'list', '--json', '--data-dir', data)).out);
    expect(json).toMatchObject([{ id: 1, name: '2025 年度考评', indicatorCount: 8, leafCount: 6 }]);
  });

  it('exports a framework and imports the export as a new framework, in text and JSON', async () => {
    const dir = tempDir();
    const created = await cli('sample', '--branches', '2', '--raters', '1', '--seed', '1', '--data-dir', dir);
    expect(created.code).toBe(0);
    const file = path.join(dir, '导出.xlsx');
    const exported = await cli('framework', 'export', file, '--id', '1', '--data-dir', dir);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^已把“.+”第 1 版（64 个指标）导出到 /);
    expect(existsSync(file)).toBe(true);
    const imported = JSON.parse((await cli('framework', 'import', file, '--json', '--data-dir', dir)).out);
    expect(imported).toMatchObject({ id: 2, indicatorCount: 64, warnings: [] });
    const json = JSON.parse((await cli('framework', 'export', path.join(dir, 'again.xlsx'), '--id', '2', '--json', '--data-dir', dir)).out);
    expect(json).toMatchObject({ path: path.join(dir, 'again.xlsx'), version: 1, indicatorCount: 64 });
  });

  it('prints the warnings an import went ahead with', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ninety.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '党建', '党建', 40, '打分', null],
      ['2', '业务', '业务', 50, '打分', null],
    ]);
    const r = await cli('framework', 'import', file, '--data-dir', dir);
    expect(r).toMatchObject({ code: 0, out: '已导入 ninety.xlsx：新建指标体系 1“ninety”，共 2 个指标\n  提醒：基本分合计 90 分（通常为 100 分，加分项另计）' });
  });

  it('exits 1 with every row error when a file has bad rows, and creates nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '政治建设', '党建', 100, null, null],
      ['1.1', '', '党建', 50, '打分', null],
      ['3.2.1', '找不到上级', '业务', 50, '打分', null],
      ['1.2', '扣分项', '党建', 50, '扣分', null],
    ]);
    const r = await cli('framework', 'import', file, '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      '错误：“bad.xlsx”中有 3 处错误，未导入任何数据',
      '  - 第 3 行，B 列（指标名称）：指标名称不能为空',
      '  - 第 4 行，A 列（指标编码）：上级指标“3.2”不存在',
      '  - 第 5 行，F 列（方法参数）：没有填写每次扣几分；扣分的参数应写成“每次0.5”，即每发生一次扣几分',
    ]);
    const json = await cli('framework', 'import', file, '--json', '--data-dir', dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'validation', details: [{ row: 3, column: 'B' }, { row: 4, column: 'A' }, { row: 5, column: 'F' }] } });
    expect((await cli('framework', 'list', '--json', '--data-dir', dir)).out).toBe('[]');
  });

  it('exits 1 naming the row when the tree does not add up', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sum.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '政治建设', '党建', 100, null, null],
      ['1.1', '理论学习', '党建', 40, '打分', null],
      ['1.2', '组织生活', '党建', 50, '打分', null],
    ]);
    const r = await cli('framework', 'import', file, '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('错误：“sum.xlsx”中的指标体系有 1 处错误，未导入任何数据\n  - 第 2 行：1 政治建设：下级指标分值合计 90 分，与本指标的 100 分不一致');
  });

  it('exits 1 when the framework to export does not exist', async () => {
    const dir = tempDir();
    const r = await cli('framework', 'export', path.join(dir, 'x.xlsx'), '--id', '9', '--data-dir', dir);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('找不到这个指标体系（编号 9）') });
  });

  it('exits 2 with the usage on a wrong command line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'f.xlsx');
    expect(await cli('framework', 'export', file, '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --id') });
    expect(await cli('framework', 'export', file, '--id', 'abc', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--id 应为正整数') });
    expect(await cli('framework', 'import', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('“framework import”需要一个文件路径') });
    expect(await cli('framework', 'template', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('需要一个文件路径') });
    expect(await cli('framework', 'import', file, '--name', ' ', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--name 不能为空') });
    expect(await cli('framework', 'frobnicate', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“framework frobnicate”') });
    expect(await cli('framework', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“framework”') });
    const usage = (await cli('help')).out;
    for (const line of ['framework list', 'framework template 文件.xlsx', 'framework export 文件.xlsx --id 编号', 'framework import 文件.xlsx [--name 名称]']) {
      expect(usage).toContain(line);
    }
  });
});

describe('CLI: a framework’s grade scheme (issue 11 §8)', () => {
  it('imports the 等次 sheet with the framework, and `period create` starts the period with it', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, '好较好.xlsx');
    await writeFrameworkWorkbook(file, SMALL_FRAMEWORK);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.addWorksheet('等次');
    for (const row of [['等次*', '最低分', '名额上限'], ['好', 90, '15%'], ['较好', 80, null], ['一般', 60, null], ['差', null, null]]) sheet.addRow(row);
    await wb.xlsx.writeFile(file);

    expect((await cli('framework', 'import', file, '--data-dir', data)).code).toBe(0);
    expect((await cli('period', 'create', '--name', '2026年度', '--framework', '1', '--data-dir', data)).code).toBe(0);
    const settings = JSON.parse((await cli('period', 'settings', '--period', '1', '--data-dir', data)).out);
    expect(settings).toMatchObject({
      grades: [
        { label: '好', min: 90 },
        { label: '较好', min: 80 },
        { label: '一般', min: 60 },
        { label: '差', min: 0 },
      ],
      quotas: [{ label: '好', maxShare: 0.15 }],
    });
  });
});
