import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { periodSetup } from '../helpers/period-setup';
import { tempDir, tempServices } from '../helpers/tmp';

type Value = string | number | null;

/** Fills a rater's workbook as a rater would: cells of 评分 ("E4": 8.5) and rows of 扣分及加分说明. */
async function fill(file: string, scores: Record<string, Value>, details: [string, string, string][] = [], rater?: { a1?: Value; a2?: Value }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('评分')!;
  for (const [address, value] of Object.entries(scores)) sheet.getCell(address).value = value;
  const d = wb.getWorksheet('扣分及加分说明')!;
  for (const row of details) d.addRow(row);
  if (rater?.a1 !== undefined) wb.getWorksheet('评委')!.getCell('A1').value = rater.a1;
  if (rater?.a2 !== undefined) wb.getWorksheet('评委')!.getCell('A2').value = rater.a2;
  await wb.xlsx.writeFile(file);
}

const HG1 = 'HG-01 化工一厂第一党支部';
const HG2 = 'HG-02 化工一厂第二党支部';

describe('a rater’s score workbook: the template', () => {
  it('has leaves down and branches across, recused cells grey, locked and marked 回避, the rater in sheet 评委', async () => {
    const { invoke, periodId, r2, dir } = await periodSetup();
    const file = path.join(dir, '李敏.xlsx');
    const written = await invoke('scores.writeTemplate', { periodId, raterId: r2, path: file });
    expect(written).toEqual({ ok: true, value: { path: file, rater: { id: r2, name: '李敏' }, branches: 2, recused: 1, indicators: 6, prefilled: 0 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['评分', '扣分及加分说明', '评委', '填写说明']);
    const sheet = wb.getWorksheet('评分')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['指标编码', '指标名称', '满分', '评分方法（填写方式）', 'HG-01\n化工一厂第一党支部', 'HG-02\n化工一厂第二党支部']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    expect([2, 3, 4, 5, 6, 7].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 5))).toEqual([
      ['1.1', '三会一课', 20, '扣分（填次数，每次扣 0.5 分）'],
      ['1.2', '思想政治工作', 10, '等次（填好/较好/一般/差）'],
      ['1.3', '组织生活', 10, '打分（0–10 分，步长 0.5）'],
      ['2.3', '安全生产', 20, '打分（0–20 分，步长 0.5）'],
      ['3', '加分项', 3, '加分（填项数，每项 1 分，最多 3 分）'],
      ['4', '重大事故', 0, '一票否决（填是/否）'],
    ]);
    for (let r = 2; r <= 7; r++) {
      const recused = sheet.getCell(`F${r}`);
      expect(recused.value).toBe('回避');
      expect(recused.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
      expect(recused.protection?.locked ?? true).toBe(true); // locked is the default: only open cells say otherwise
      expect(sheet.getCell(`E${r}`).protection).toMatchObject({ locked: false });
    }
    expect(sheet.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"好,较好,一般,差"'] });
    expect(sheet.getCell('E7').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(sheet.getCell('E4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 10] });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect([...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['E2:E2', 'E3:E3', 'E4:E4', 'E5:E5', 'E6:E6', 'E7:E7']);
    expect((wb.getWorksheet('扣分及加分说明')!.getRow(1).values as unknown[]).slice(1)).toEqual(['支部编码', '指标编码', '说明']);
    const who = wb.getWorksheet('评委')!;
    expect([who.getCell('A1').value, who.getCell('A2').value]).toEqual([r2, '李敏']);
    const help = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const word of ['回避', '扣分及加分说明', '是', '否', '空着的格子不导入', '已定稿']) expect(help).toContain(word);
  });

  it('is prefilled with the rater’s entries and their reasons', async () => {
    const { invoke, periodId, hg1, r1, leaf, dir } = await periodSetup();
    await invoke('scoring.save', {
      periodId,
      raterId: r1,
      entries: [
        { branchId: hg1, indicatorId: leaf('1.1').id, value: 1, detail: ['党费未按月收缴'] },
        { branchId: hg1, indicatorId: leaf('1.2').id, value: 2 },
      ],
    });
    const file = path.join(dir, 'w.xlsx');
    expect(await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file })).toMatchObject({ ok: true, value: { prefilled: 2, recused: 0 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect([wb.getWorksheet('评分')!.getCell('E2').value, wb.getWorksheet('评分')!.getCell('E3').value]).toEqual([1, '一般']);
    expect((wb.getWorksheet('扣分及加分说明')!.getRow(2).values as unknown[]).slice(1)).toEqual(['HG-01', '1.1', '党费未按月收缴']);
    // The file as written imports as “nothing changed”.
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: true, value: { saved: 0, unchanged: 2 } });
  });
});

describe('a rater’s score workbook: importing', () => {
  it('imports what was typed — points, a level label, a deduction with its reasons, a veto — exactly', async () => {
    const { invoke, periodId, hg1, hg2, r1, leaf, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await fill(
      file,
      { E2: 2, E3: '较好', F3: '好', E4: 8.5, F4: '9', E5: 18, E6: 1, E7: '否', F7: '是' },
      [
        ['HG-01', '1.1', '7月支委会未按期召开'],
        ['HG-01', '1.1', '9月党课未开展'],
        ['HG-01', '3', '获集团公司表彰'],
        ['HG-02', '4', '8月发生一般生产安全责任事故'],
      ],
    );
    const preview = await invoke('scores.previewImport', { periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { rater: { id: r1, name: '王建国' }, errors: [], blank: 3, locked: null, reasonRequired: null } });
    expect(preview.ok && preview.value.entries.map((e) => [`${e.column}${e.row}`, e.value, e.action])).toEqual([
      ['E2', 2, 'create'],
      ['E3', 1, 'create'],
      ['F3', 0, 'create'],
      ['E4', 8.5, 'create'],
      ['F4', 9, 'create'],
      ['E5', 18, 'create'],
      ['E6', 1, 'create'],
      ['E7', 0, 'create'],
      ['F7', 1, 'create'],
    ]);
    expect(await invoke('scores.import', { periodId, path: file })).toEqual({
      ok: true,
      value: { file: '王建国.xlsx', rater: { id: r1, name: '王建国' }, saved: 9, unchanged: 0 },
    });
    const sheet = await invoke('scoring.sheet', { periodId, raterId: r1 });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const got = sheet.value.entries
      .map((e) => [e.branchId, e.indicatorId, e.value, e.detail, e.enteredBy])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || (a[1] as number) - (b[1] as number));
    const want = [
      [hg1, leaf('1.1').id, 2, ['7月支委会未按期召开', '9月党课未开展'], 'import'],
      [hg1, leaf('1.2').id, 1, [], 'import'],
      [hg1, leaf('1.3').id, 8.5, [], 'import'],
      [hg1, leaf('2.3').id, 18, [], 'import'],
      [hg1, leaf('3').id, 1, ['获集团公司表彰'], 'import'],
      [hg1, leaf('4').id, 0, [], 'import'],
      [hg2, leaf('1.2').id, 0, [], 'import'],
      [hg2, leaf('1.3').id, 9, [], 'import'],
      [hg2, leaf('4').id, 1, ['8月发生一般生产安全责任事故'], 'import'],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || (a[1] as number) - (b[1] as number));
    expect(got).toEqual(want);
    const log = await invoke('audit.list', { periodId, entity: 'score' });
    expect(log.ok && log.value.total).toBe(9);
    expect(log.ok && log.value.rows.every((r) => r.actorKind === 'import' && r.actor === '导入（王建国.xlsx）' && r.raterId === r1)).toBe(true);
  });

  it('leaves a recused branch alone: the 回避 cells are not imported', async () => {
    const { invoke, periodId, hg1, r2, leaf, dir } = await periodSetup();
    const file = path.join(dir, '李敏.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r2, path: file });
    await fill(file, { E3: '一般', E4: 7, F3: null }); // a recused cell cleared instead of left as 回避: still not imported
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: true, value: { saved: 2 } });
    const sheet = await invoke('scoring.sheet', { periodId, raterId: r2 });
    expect(sheet.ok && sheet.value.entries.map((e) => [e.branchId, e.indicatorId, e.value])).toEqual([
      [hg1, leaf('1.2').id, 2],
      [hg1, leaf('1.3').id, 7],
    ]);
  });

  it('refuses a file with bad cells, locating every one, and writes nothing', async () => {
    const { invoke, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, 'bad.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await fill(
      file,
      { E2: 2, F2: null, E3: '很好', E4: 11, F4: 8.3, E5: 15, F6: 1, E7: '是', F7: '也许' },
      [
        ['HG-01', '1.1', '7月支委会未按期召开'],
        ['HG-01', '1.3', '组织生活会准备充分'],
        ['XX-01', '1.1', '不知道是哪个支部'],
        ['HG-02', '1.1', '这一格没有打分'],
        ['HG-01', '3', ''],
      ],
    );
    const r = await invoke('scores.import', { periodId, path: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'validation', message: '“bad.xlsx”中有 11 处错误，未导入任何数据' });
    expect(r.error.details!.map((d) => d.message)).toEqual([
      `第 2 行，E 列（${HG1}）：扣 2 次，“扣分及加分说明”表中应为每次扣分写一条原因（2 条），现有 1 条`,
      `第 3 行，E 列（${HG1}）：请填写等次：好、较好、一般、差（现为“很好”）`,
      `第 4 行，E 列（${HG1}）：分值应在 0 到 10 之间`,
      `第 4 行，F 列（${HG2}）：分值应为 0.5 的整数倍（0 到 10）`,
      `第 6 行，F 列（${HG2}）：加分 1 项，“扣分及加分说明”表中应为每项写一条内容（1 条），现有 0 条`,
      `第 7 行，E 列（${HG1}）：一票否决选“是”，须在“扣分及加分说明”表中写明原因`,
      `第 7 行，F 列（${HG2}）：一票否决请填“是”或“否”，现为“也许”`,
      '扣分及加分说明表 第 3 行，B 列（指标编码）：“1.3 组织生活”是打分项，不需要说明',
      '扣分及加分说明表 第 4 行，A 列（支部编码）：“XX-01”不是“评分”表中的党支部',
      '扣分及加分说明表 第 5 行，C 列（说明）：“评分”表中“HG-02”的“1.1 三会一课”没有填写，这条说明用不上',
      '扣分及加分说明表 第 6 行，C 列（说明）：说明不能为空',
    ]); // E5 (15 on 安全生产) is fine, yet nothing is imported

    expect(r.error.details![0]).toMatchObject({ row: 2, column: 'E' });
    expect(r.error.details![7]).toMatchObject({ row: 3, column: 'B', sheet: '扣分及加分说明' });
    const sheet = await invoke('scoring.sheet', { periodId, raterId: r1 });
    expect(sheet.ok && sheet.value.entries).toEqual([]);
    const log = await invoke('audit.list', { periodId, entity: 'score' });
    expect(log.ok && log.value.total).toBe(0);
  });

  it('refuses a score typed into a recused cell, and a file whose rater sheet was changed or belongs to another period', async () => {
    const { invoke, periodId, r1, r2, dir } = await periodSetup();
    const mine = path.join(dir, '李敏.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r2, path: mine });
    await fill(mine, { E4: 7, F4: 5 });
    const r = await invoke('scores.import', { periodId, path: mine });
    expect(!r.ok && r.error.details!.map((d) => d.message)).toEqual([`第 4 行，F 列（${HG2}）：李敏对这个党支部回避（本支部成员），不能打分`]);

    const renamed = path.join(dir, 'renamed.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: renamed });
    await fill(renamed, { E4: 7 }, [], { a2: '张三' });
    expect(await invoke('scores.import', { periodId, path: renamed })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: `“renamed.xlsx”的“评委”表写的是“张三”，与编号 ${r1} 的评委“王建国”不符。请重新写出这位评委的评分表` },
    });
    const other = await invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: 1 });
    if (!other.ok) throw new Error(other.error.message);
    expect(await invoke('scores.previewImport', { periodId: other.value.id, path: mine })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining(`是评委编号 ${r2}（李敏）的评分表，这位评委不在“2027年度”中`) },
    });
    const plain = path.join(tempDir(), 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('评分').addRow(['指标编码']);
    await wb.xlsx.writeFile(plain);
    expect(await invoke('scores.import', { periodId, path: plain })).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有“评委”表') } });
  });

  it('follows the lock rules: a finished rater or the review stage need a reason; a finalised period refuses, in the database too', async () => {
    const { services, invoke, periodId, hg1, r1, leaf, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await fill(file, { E4: 8 });
    await invoke('scoring.setFinished', { periodId, raterId: r1, finished: true });
    const preview = await invoke('scores.previewImport', { periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { locked: null, reasonRequired: '该评委已确认完成，修改须写明原因' } });
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '该评委已确认完成，修改须写明原因（导入时请填写原因）' },
    });
    expect(await invoke('scores.import', { periodId, path: file, reason: '评委纸质评分表补录' })).toMatchObject({ ok: true, value: { saved: 1 } });
    const log = await invoke('audit.list', { periodId, entity: 'score' });
    expect(log.ok && log.value.rows[0]).toMatchObject({ actor: '导入（王建国.xlsx）', reason: '评委纸质评分表补录' });

    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    await invoke('scoring.setFinished', { periodId, raterId: r1, finished: false, reason: '重开' });
    await fill(file, { E4: 9 });
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: false, error: { message: expect.stringContaining('评审阶段修改评分须写明原因') } });

    await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' });
    expect(await invoke('scores.previewImport', { periodId, path: file })).toMatchObject({ ok: true, value: { locked: '本周期已定稿，评分不能再修改' } });
    expect(await invoke('scores.import', { periodId, path: file, reason: '更正' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '本周期已定稿，评分不能再修改' },
    });
    const db = services.ctx.db;
    expect(() =>
      db.prepare("INSERT INTO score (period_id, rater_id, branch_id, indicator_id, value, updated_at) VALUES (?, ?, ?, ?, 1, 'x')").run(periodId, r1, hg1, leaf('1.2').id),
    ).toThrow(/period_finalised/);
    const sheet = await invoke('scoring.sheet', { periodId, raterId: r1 });
    expect(sheet.ok && sheet.value.entries.map((e) => e.value)).toEqual([8]);
  });

  it('refuses before scoring has started', async () => {
    const { invoke, periodId, r1, dir } = await periodSetup({ status: 'draft' });
    const file = path.join(dir, 'w.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await fill(file, { E4: 8 });
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: '本周期尚未开始评分' } });
  });
});

describe('every entry as one table', () => {
  it('exports every entry with names, the value as typed, its points and reasons', async () => {
    const { invoke } = tempServices();
    const sample = await invoke('sample.create', { branches: 6, raters: 3, seed: 3 });
    if (!sample.ok) throw new Error(sample.error.message);
    const file = path.join(tempDir(), '评分明细.xlsx');
    const r = await invoke('scores.export', { periodId: sample.value.period.id, path: file });
    expect(r).toEqual({ ok: true, value: { path: file, rows: sample.value.entries } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['评委', '评委组', '支部编码', '支部', '指标编码', '指标', '录入值', '折合分', '说明', '录入方式', '更新时间']);
    expect(sheet.rowCount).toBe(sample.value.entries + 1);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    const level = rows.find((row) => ['好', '较好', '一般', '差'].includes(row[6] as string))!;
    expect(level[7]).toEqual(expect.any(Number));
    // A veto has no points of its own; every other entry has its points.
    const vetoed = rows.find((row) => row[6] === '是')!;
    expect(vetoed[7]).toBeUndefined();
    expect(vetoed[8]).toMatch(/生产安全责任事故/);
    expect(rows.filter((row) => row[6] !== '是' && row[6] !== '否').every((row) => typeof row[7] === 'number')).toBe(true);
    const reasons = rows.filter((row) => typeof row[8] === 'string' && row[6] !== '是');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((row) => typeof row[6] === 'number' && (row[6] as number) >= 1)).toBe(true);
    expect(rows.every((row) => row[9] === '导入' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row[10] as string))).toBe(true);
  });

  it('is refused while results are hidden (scoring)', async () => {
    const { invoke, periodId, dir } = await periodSetup();
    expect(await invoke('scores.export', { periodId, path: path.join(dir, 'x.xlsx') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the audit log as a workbook', () => {
  it('writes every change with local time, names and values in words', async () => {
    const at = new Date(2026, 10, 21, 14, 3, 5);
    const { invoke, periodId, r1, hg1, leaf, dir } = await periodSetup({ now: () => at });
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await fill(file, { E2: 1, E3: '较好' }, [['HG-01', '1.1', '党费未按月收缴']]);
    await invoke('scores.import', { periodId, path: file });
    await invoke('measurements.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('2.1').id, target: 100, actual: 96, source: '生产部' }] });
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    const out = path.join(dir, '操作记录.xlsx');
    expect(await invoke('audit.export', { periodId, path: out })).toEqual({ ok: true, value: { path: out, rows: 9 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['时间', '操作人', '对象', '操作', '评委', '支部', '指标', '原值', '新值', '原因']);
    const rows = Array.from({ length: 9 }, (_, i) => {
      const values = sheet.getRow(i + 2).values as unknown[];
      return Array.from({ length: 10 }, (_, j) => values[j + 1] ?? null);
    });
    expect(rows).toEqual([
      // The panel as periodSetup made it: each group and rater logged, in words (李敏 belongs to HG-02: recused from it).
      ['2026-11-21 14:03:05', '管理员', '评委名单', '新增评委组“考评组”', null, null, null, null, '考评组，权重 1', null],
      ['2026-11-21 14:03:05', '管理员', '评委名单', '新增评委 王建国', '王建国', null, null, null, '王建国（考评组）', null],
      ['2026-11-21 14:03:05', '管理员', '评委名单', '新增评委 李敏', '李敏', null, null, null, '李敏（考评组），所在支部 HG-02', null],
      ['2026-11-21 14:03:05', '管理员', '考核周期', '准备中 → 评分中', null, null, null, '准备中', '评分中', null],
      ['2026-11-21 14:03:05', '导入（王建国.xlsx）', '评分', '评分', '王建国', 'HG-01 化工一厂第一党支部', '1.1 三会一课', null, '扣 1 次（党费未按月收缴）', null],
      ['2026-11-21 14:03:05', '导入（王建国.xlsx）', '评分', '评分', '王建国', 'HG-01 化工一厂第一党支部', '1.2 思想政治工作', null, '较好', null],
      ['2026-11-21 14:03:05', '管理员', '业务数据', '录入业务数据', null, 'HG-01 化工一厂第一党支部', '2.1 产量完成率', null, '目标 100，实际 96，来源 生产部', null],
      // Moved on with 16 cells missing (王建国 12 − 2 scored, 李敏 6: recused from HG-02) and 3 actual values: the reason on both rows.
      ['2026-11-21 14:03:05', '管理员', '考核周期', '进入评审（仍缺 16 项评分、3 项业务数据）', null, null, null, null, '{"step":"review","missing":{"cells":16,"measurements":3,"agendaItems":0}}', '测试用，不要求齐全'],
      ['2026-11-21 14:03:05', '管理员', '考核周期', '评分中 → 评审中', null, null, null, '评分中', '评审中', '测试用，不要求齐全'],
    ]);
  });
});
