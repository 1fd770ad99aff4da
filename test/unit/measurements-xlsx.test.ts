import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { periodSetup } from '../helpers/period-setup';

const HEADERS = ['支部编码*', '支部名称', '指标编码*', '指标名称', '方向', '目标值*', '实际值', '零分线', '数据来源部门'];

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Sets cells of the 业务数据 sheet: [row, column letter, value]. */
async function fill(file: string, cells: [number, string, string | number | null][]) {
  const wb = await readBook(file);
  const sheet = wb.getWorksheet('业务数据')!;
  for (const [row, col, value] of cells) sheet.getCell(`${col}${row}`).value = value;
  await wb.xlsx.writeFile(file);
}

describe('business data: list, template, import', () => {
  it('lists every branch in scope × quantitative leaf, with nulls where nothing is stored', async () => {
    const { invoke, periodId, hg1, leaf } = await periodSetup();
    await invoke('measurements.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('2.1').id, target: 100, actual: 96, source: '生产部' }] });
    const list = await invoke('measurements.list', { periodId });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.map((m) => [m.branchCode, m.indicatorCode, m.direction, m.target, m.actual, m.floor, m.source])).toEqual([
      ['HG-01', '2.1', 'higher', 100, 96, null, '生产部'],
      ['HG-01', '2.2', 'lower', null, null, null, ''],
      ['HG-02', '2.1', 'higher', null, null, null, ''],
      ['HG-02', '2.2', 'lower', null, null, null, ''],
    ]);
    expect(list.value[0]).toMatchObject({ branchName: '化工一厂第一党支部', indicatorName: '产量完成率', updatedAt: expect.any(String) });
    expect(list.value[1]!.updatedAt).toBeNull();
  });

  it('saving records each change in the audit log with the session as actor, and skips unchanged rows', async () => {
    const { invoke, periodId, hg1, leaf } = await periodSetup();
    const row = { branchId: hg1, indicatorId: leaf('2.1').id, target: 100, actual: 96 };
    expect(await invoke('measurements.save', { periodId, rows: [row] })).toEqual({ ok: true, value: { saved: 1, unchanged: 0 } });
    expect(await invoke('measurements.save', { periodId, rows: [{ ...row, actual: 98 }] })).toEqual({ ok: true, value: { saved: 1, unchanged: 0 } });
    expect(await invoke('measurements.save', { periodId, rows: [{ ...row, actual: 98 }] })).toEqual({ ok: true, value: { saved: 0, unchanged: 1 } });
    const log = await invoke('audit.list', { periodId, entity: 'measurement' });
    expect(log.ok && log.value.rows.map((r) => [r.actor, r.action, r.branchId, r.indicatorId, r.old, r.new])).toEqual([
      ['管理员', '修改业务数据', hg1, leaf('2.1').id, { target: 100, actual: 96, floor: null, source: '' }, { target: 100, actual: 98, floor: null, source: '' }],
      ['管理员', '录入业务数据', hg1, leaf('2.1').id, null, { target: 100, actual: 96, floor: null, source: '' }],
    ]);
  });

  it('writes the template prefilled with every branch × quantitative leaf and what is stored', async () => {
    const { invoke, periodId, hg2, leaf, dir } = await periodSetup();
    await invoke('measurements.save', { periodId, rows: [{ branchId: hg2, indicatorId: leaf('2.2').id, target: 50, actual: 52, floor: 56, source: '能源管理部' }] });
    const file = path.join(dir, '业务数据.xlsx');
    expect(await invoke('measurements.writeTemplate', { periodId, path: file })).toEqual({ ok: true, value: { path: file, rows: 4 } });
    const wb = await readBook(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['业务数据', '填写说明']);
    const sheet = wb.getWorksheet('业务数据')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = [2, 3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['HG-01', '化工一厂第一党支部', '2.1', '产量完成率', '越高越好'],
      ['HG-01', '化工一厂第一党支部', '2.2', '单位能耗', '越低越好'],
      ['HG-02', '化工一厂第二党支部', '2.1', '产量完成率', '越高越好'],
      ['HG-02', '化工一厂第二党支部', '2.2', '单位能耗', '越低越好', 50, 52, 56, '能源管理部'],
    ]);
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'decimal' });
    expect(sheet.getColumn(3).numFmt).toBe('@');
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect([...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['F2:F1000', 'G2:G1000', 'H2:H1000']);
    const help = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const word of ['目标值', '实际值', '零分线', '数据来源部门', '不会按 0 分计算', '整个文件都不会导入']) expect(help).toContain(word);
  });

  it('imports the filled template all at once, audited as 导入（文件名）', async () => {
    const { invoke, periodId, hg1, hg2, leaf, dir } = await periodSetup();
    const file = path.join(dir, '业务数据.xlsx');
    await invoke('measurements.writeTemplate', { periodId, path: file });
    await fill(file, [
      [2, 'F', 100],
      [2, 'G', 96],
      [2, 'I', '生产经营计划部'],
      [3, 'F', '50'], // a number typed as text
      [3, 'G', 52],
      [3, 'H', 55],
      [4, 'F', 1200],
      [4, 'G', '1,080'],
      // row 5 left empty: nothing to store yet
    ]);
    const preview = await invoke('measurements.previewImport', { periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { file: '业务数据.xlsx', skipped: 1, errors: [] } });
    expect(preview.ok && preview.value.rows.map((r) => [r.row, r.branchCode, r.indicatorCode, r.target, r.actual, r.floor, r.source, r.action])).toEqual([
      [2, 'HG-01', '2.1', 100, 96, null, '生产经营计划部', 'create'],
      [3, 'HG-01', '2.2', 50, 52, 55, '', 'create'],
      [4, 'HG-02', '2.1', 1200, 1080, null, '', 'create'],
    ]);
    expect(await invoke('measurements.import', { periodId, path: file })).toEqual({
      ok: true,
      value: { file: '业务数据.xlsx', saved: 3, unchanged: 0, skipped: 1 },
    });
    const list = await invoke('measurements.list', { periodId });
    expect(list.ok && list.value.map((m) => m.actual)).toEqual([96, 52, 1080, null]);
    const log = await invoke('audit.list', { periodId, entity: 'measurement' });
    expect(log.ok && log.value.rows.map((r) => [r.actorKind, r.actor, r.action, r.branchId, r.indicatorId])).toEqual([
      ['import', '导入（业务数据.xlsx）', '录入业务数据', hg2, leaf('2.1').id],
      ['import', '导入（业务数据.xlsx）', '录入业务数据', hg1, leaf('2.2').id],
      ['import', '导入（业务数据.xlsx）', '录入业务数据', hg1, leaf('2.1').id],
    ]);
    // The same file again changes nothing and logs nothing.
    expect(await invoke('measurements.import', { periodId, path: file })).toMatchObject({ ok: true, value: { saved: 0, unchanged: 3 } });
    const again = await invoke('audit.list', { periodId, entity: 'measurement' });
    expect(again.ok && again.value.total).toBe(3);
  });

  it('flags implausible figures for a second look — located like errors — and still lets them be imported', async () => {
    const { invoke, periodId, dir } = await periodSetup();
    const file = path.join(dir, '业务数据.xlsx');
    await invoke('measurements.writeTemplate', { periodId, path: file });
    await fill(file, [
      [2, 'F', 100],
      [2, 'G', 1050], // 10.5× the target: 元 typed where 万元 was meant?
      [3, 'F', 50],
      [3, 'G', -3],
      [4, 'F', 100],
      [4, 'G', 101.49], // a 完成率 may pass 100%: no doubt
    ]);
    const preview = await invoke('measurements.previewImport', { periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { errors: [] } });
    expect(preview.ok && preview.value.warnings).toEqual([
      { row: 2, column: 'G', message: '第 2 行，G 列（实际值）：实际值是目标值的 10.5 倍，请核对单位（如“元”与“万元”）' },
      { row: 3, column: 'G', message: '第 3 行，G 列（实际值）：实际值为负数（-3），请核对' },
    ]);
    expect(await invoke('measurements.import', { periodId, path: file })).toMatchObject({ ok: true, value: { saved: 3 } });
  });

  it('knows which rates cannot pass 100%', async () => {
    const { measurementDoubts, doubtInWords } = await import('../../shared/domain/measurements');
    const [doubt] = measurementDoubts('产品一次交验合格率', 98, 101.49);
    expect(doubt && doubtInWords('产品一次交验合格率', doubt)).toBe('实际值 101.49 超过 100，而“产品一次交验合格率”是不会超过 100% 的比率，请核对');
    expect(measurementDoubts('产量完成率', 100, 101.49)).toEqual([]);
    expect(measurementDoubts('隐患整改率', 100, 100)).toEqual([]);
    expect(measurementDoubts('单位能耗', 1.2, 0.1)).toEqual([{ kind: 'farFromTarget', ratio: 0.1 / 1.2 }]);
  });

  it('refuses a file with bad rows, locating every bad cell, and writes nothing', async () => {
    const { invoke, periodId, hg1, leaf, dir } = await periodSetup();
    await invoke('measurements.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('2.1').id, target: 100, actual: 90 }] });
    const file = path.join(dir, 'bad.xlsx');
    await invoke('measurements.writeTemplate', { periodId, path: file });
    await fill(file, [
      [2, 'G', 95], // a fine change, not imported because of the others
      [3, 'F', '五十'],
      [3, 'G', 52],
      [4, 'F', 100],
      [4, 'H', 120], // floor above the target of a higher-is-better leaf
      [5, 'F', 50],
      [5, 'H', 40], // floor below the target of a lower-is-better leaf
      [6, 'A', 'XX-99'],
      [6, 'C', '2.1'],
      [6, 'F', 1],
      [7, 'A', 'GD-01'],
      [7, 'C', '2.1'],
      [7, 'F', 1],
      [8, 'A', 'HG-01'],
      [8, 'C', '9.9'],
      [8, 'F', 1],
      [9, 'A', 'HG-01'],
      [9, 'C', '1.3'],
      [9, 'F', 1],
      [10, 'A', 'HG-01'],
      [10, 'C', '2'],
      [10, 'F', 1],
      [11, 'A', 'hg-01'],
      [11, 'C', '2.1'],
      [11, 'F', 100],
      [12, 'A', 'HG-02'],
      [12, 'C', '2.2'],
      [12, 'G', 3], // an actual value without a target
    ]);
    const r = await invoke('measurements.import', { periodId, path: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('“bad.xlsx”中有 11 处错误，未导入任何数据');
    expect(r.error.details!.map((d) => d.message)).toEqual([
      '第 3 行，F 列（目标值）：目标值应为数字，现为“五十”',
      '第 4 行，H 列（零分线）：越高越好的指标，零分线应不高于目标值 100，现为 120',
      '第 5 行，H 列（零分线）：越低越好的指标，零分线应不低于目标值 50，现为 40',
      '第 6 行，A 列（支部编码）：找不到支部编码“XX-99”',
      '第 7 行，A 列（支部编码）：党支部“GD-01 供电公司变电运维党支部”不在本周期的考核范围内',
      '第 8 行，C 列（指标编码）：本周期的指标体系中没有编码为“9.9”的指标',
      '第 9 行，C 列（指标编码）：“1.3 组织生活”的评分方法是打分，不是定量指标；业务数据只填定量指标',
      '第 10 行，C 列（指标编码）：“2 生产经营”下面还有下级指标，请填写末级的定量指标',
      '第 11 行，C 列（指标编码）：“HG-01”的指标“2.1”在第 2 行已出现过',
      '第 12 行，C 列（指标编码）：“HG-02”的指标“2.2”在第 5 行已出现过',
      '第 12 行，F 列（目标值）：目标值不能为空',
    ]);
    expect(r.error.details![0]).toMatchObject({ row: 3, column: 'F' });
    const list = await invoke('measurements.list', { periodId });
    expect(list.ok && list.value.map((m) => m.actual)).toEqual([90, null, null, null]);
    const log = await invoke('audit.list', { periodId, entity: 'measurement' });
    expect(log.ok && log.value.total).toBe(1);
  });

  it('a finalised period refuses business data: in the service and in the database itself', async () => {
    const { services, invoke, periodId, hg1, leaf, dir } = await periodSetup();
    const file = path.join(dir, '业务数据.xlsx');
    await invoke('measurements.writeTemplate', { periodId, path: file });
    await fill(file, [[2, 'F', 100]]);
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' });
    expect(await invoke('measurements.import', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已定稿') } });
    expect(await invoke('measurements.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('2.1').id, target: 1, actual: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(() =>
      services.ctx.db
        .prepare("INSERT INTO measurement (period_id, branch_id, indicator_id, target, updated_at) VALUES (?, ?, ?, 1, 'x')")
        .run(periodId, hg1, leaf('2.1').id),
    ).toThrow(/period_finalised/);
  });
});
