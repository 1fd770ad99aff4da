import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

async function setCells(file: string, sheetName: string, cells: Record<string, string | number | null>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(sheetName)!;
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  await wb.xlsx.writeFile(file);
}

describe('CLI: scores, business data, finalise and the audit log', () => {
  it('writes a rater’s workbook, imports it back (with a reason in review), and exports every entry', async () => {
    const dir = tempDir();
    expect((await cli('sample', '--branches', '3', '--raters', '2', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    const file = path.join(dir, '评委1.xlsx');
    const written = await cli('scores', 'template', file, '--period', '1', '--rater', '1', '--data-dir', dir);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/^已写出评委“.+”的评分表：\d+ 个指标 × 3 个党支部，已填入已有评分 \d+ 条\n/);
    expect(existsSync(file)).toBe(true);

    // A rater-scored rating leaf: give the first branch 0 on it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    let row = 2;
    while (!String(sheet.getCell(`D${row}`).value).startsWith('打分')) row++;
    await setCells(file, '评分', { [`E${row}`]: 0 });

    const refused = await cli('scores', 'import', file, '--period', '1', '--data-dir', dir);
    expect(refused).toMatchObject({ code: 1, err: '错误：评审阶段修改评分须写明原因（导入时请填写原因）' });
    const imported = await cli('scores', 'import', file, '--period', '1', '--reason', '纸质评分表核对', '--data-dir', dir);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^已导入 评委1\.xlsx（评委“.+”）：保存 1 条评分，\d+ 条未变$/);

    const exported = await cli('scores', 'export', path.join(dir, '明细.xlsx'), '--period', '1', '--data-dir', dir);
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^已导出 \d+ 条评分到 .*明细\.xlsx$/) });
    const json = JSON.parse((await cli('scores', 'export', path.join(dir, 'j.xlsx'), '--period', '1', '--json', '--data-dir', dir)).out);
    expect(json).toMatchObject({ path: path.join(dir, 'j.xlsx'), rows: expect.any(Number) });
  });

  it('refuses a score workbook with bad cells, listing every one (exit 1)', async () => {
    const dir = tempDir();
    await cli('sample', '--branches', '2', '--raters', '1', '--seed', '2', '--data-dir', dir);
    const file = path.join(dir, 'bad.xlsx');
    await cli('scores', 'template', file, '--period', '1', '--rater', '1', '--data-dir', dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    let row = 2;
    while (!String(sheet.getCell(`D${row}`).value).startsWith('等次')) row++;
    const branch = String(sheet.getCell('F1').value).replace('\n', ' ');
    await setCells(file, '评分', { [`F${row}`]: '优' });
    const r = await cli('scores', 'import', file, '--period', '1', '--reason', '补录', '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      '错误：“bad.xlsx”中有 1 处错误，未导入任何数据',
      `  - 第 ${row} 行，F 列（${branch}）：请填写等次：好、较好、一般、差（现为“优”）`,
    ]);
  });

  it('writes the business-data workbook prefilled and imports it', async () => {
    const dir = tempDir();
    await cli('sample', '--branches', '3', '--raters', '1', '--seed', '1', '--data-dir', dir);
    const file = path.join(dir, '业务数据.xlsx');
    const written = await cli('measurements', 'template', file, '--period', '1', '--data-dir', dir);
    expect(written).toMatchObject({ code: 0, out: `已写出业务数据表（${3 * 9} 行：每个党支部的每个定量指标）到 ${file}` });
    await setCells(file, '业务数据', { G2: 101.5 });
    expect(await cli('measurements', 'import', file, '--period', '1', '--data-dir', dir)).toEqual({
      code: 0,
      out: `已导入 业务数据.xlsx：保存 1 条业务数据，${3 * 9 - 1} 条未变`,
      err: '',
    });
    await setCells(file, '业务数据', { F3: '很多', A4: 'NO-SUCH' });
    const bad = await cli('measurements', 'import', file, '--period', '1', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.err.split('\n')).toEqual([
      '错误：“业务数据.xlsx”中有 2 处错误，未导入任何数据',
      '  - 第 3 行，F 列（目标值）：目标值应为数字，现为“很多”',
      '  - 第 4 行，A 列（支部编码）：找不到支部编码“NO-SUCH”',
    ]);
  });

  it('finalises a period, which then refuses imports, reopens it with a reason, and exports the audit log', async () => {
    const dir = tempDir();
    await cli('sample', '--branches', '2', '--raters', '1', '--seed', '1', '--data-dir', dir);
    const scores = path.join(dir, 's.xlsx');
    const data = path.join(dir, 'm.xlsx');
    await cli('scores', 'template', scores, '--period', '1', '--rater', '1', '--data-dir', dir);
    await cli('measurements', 'template', data, '--period', '1', '--data-dir', dir);

    const finalised = await cli('period', 'finalise', '--period', '1', '--data-dir', dir);
    expect(finalised.code).toBe(0);
    expect(finalised.out).toMatch(/^已定稿：1“.+”。评分、业务数据和自评都已锁定/);
    expect(await cli('period', 'finalise', '--period', '1', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringContaining('不能直接改为“已定稿”') });
    expect(await cli('scores', 'import', scores, '--period', '1', '--reason', '更正', '--data-dir', dir)).toMatchObject({ code: 1, err: '错误：本周期已定稿，评分不能再修改' });
    expect(await cli('measurements', 'import', data, '--period', '1', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringContaining('已定稿，不能再修改') });

    expect(await cli('period', 'reopen', '--period', '1', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --reason') });
    const reopened = await cli('period', 'reopen', '--period', '1', '--reason', '发现录入错误', '--data-dir', dir);
    expect(reopened).toMatchObject({ code: 0, out: expect.stringMatching(/^已重新开启：1“.+”现为“评审中”，原因已记入操作记录$/) });

    const log = path.join(dir, '操作记录.xlsx');
    const exported = await cli('audit', 'export', log, '--period', '1', '--data-dir', dir);
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^已导出 \d+ 条操作记录到 .*操作记录\.xlsx$/) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(log);
    const sheet = wb.worksheets[0]!;
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(last).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), '管理员', '考核周期', '重新开启（已定稿 → 评审中）', undefined, undefined, undefined, '已定稿', '评审中', '发现录入错误']);
  });

  it('exits 2 with the usage on a wrong command line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'f.xlsx');
    expect(await cli('scores', 'template', file, '--period', '1', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --rater') });
    expect(await cli('scores', 'template', file, '--rater', '1', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --period') });
    expect(await cli('scores', 'import', '--period', '1', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('“scores import”需要一个文件路径') });
    expect(await cli('scores', 'import', file, '--period', '1', '--reason', ' ', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--reason 不能为空') });
    expect(await cli('measurements', 'template', file, '--period', 'x', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--period 应为正整数') });
    expect(await cli('period', 'finalise', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --period') });
    expect(await cli('audit', 'list', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“audit list”') });
    expect(await cli('scores', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“scores”') });
    expect(await cli('measurements', 'frob', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“measurements frob”') });
    expect(await cli('scores', 'export', file, '--period', '9', '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringContaining('找不到这个考核周期') });
    const usage = (await cli('help')).out;
    for (const line of [
      'scores template 文件.xlsx --period 编号 --rater 编号',
      'scores import 文件.xlsx --period 编号 [--reason 原因]',
      'scores export 文件.xlsx --period 编号',
      'measurements template 文件.xlsx --period 编号',
      'measurements import 文件.xlsx --period 编号',
      'period finalise --period 编号',
      'period reopen --period 编号 --reason 原因',
      'audit export 文件.xlsx --period 编号',
    ]) {
      expect(usage).toContain(line);
    }
  });
});
