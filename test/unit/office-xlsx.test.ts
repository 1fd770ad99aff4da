import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '../../electron/services';
import { listOfficeRecords } from '../../electron/services/office';
import { FRAMEWORK_HEADER, writeFrameworkWorkbook, type Cells } from '../helpers/framework-workbooks';
import { cli } from '../helpers/cli';
import { ok } from '../helpers/result';
import { rulesPeriod } from '../helpers/rules-period';
import { tempDir } from '../helpers/tmp';

const HEADERS = ['支部编码*', '支部名称', '指标编码*', '指标名称', '评分方式', '核定值*', '原因（每条一行）', '依据（文件号/检查记录）', '依据日期'];

/** PERIOD_FRAMEWORK's tree with four leaves the office records (录入方式 考核组核定), one explicitly 评委评分. */
const OFFICE_FRAMEWORK: Cells[] = [
  ['1', '党的建设', '党建', 40, null, null, null, null, null],
  ['1.1', '三会一课', '党建', 20, '扣分', '每次0.5', null, null, '考核组核定'],
  ['1.2', '思想政治工作', '党建', 10, '等次', '好=1,较好=0.8,一般=0.6,差=0', null, null, '评委评分'],
  ['1.3', '组织生活', '党建', 10, '打分', '步长0.5', null, null, '考核组核定'],
  ['2', '生产经营', '业务', 60, null, null, null, null, null],
  ['2.1', '产量完成率', '业务', 30, '定量', '越高越好,零分线0.8,超额20%', null, null, null],
  ['2.2', '单位能耗', '业务', 10, '定量', '越低越好,零分线1.1', null, null, null],
  ['2.3', '安全生产', '融合', 20, '打分', '步长0.5', null, null, null],
  ['3', '加分项', '融合', 3, '加分', '每项1', null, null, '考核组核定'],
  ['4', '重大事故', '业务', 0, '一票否决', '最高等次一般', null, null, '考核组核定'],
];

/** A draft period on OFFICE_FRAMEWORK with HG-01 and HG-02 in scope (GD-01 exists but is not), in a data folder of its own. */
async function officeSetup() {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const services = createServices({ dataDir, now: () => new Date('2026-11-25T08:00:00Z') });
  let closed = false;
  const close = () => {
    if (!closed) services.close();
    closed = true;
  };
  // Closed at the end of the test unless the test closes it first (to hand the folder to the CLI).
  onTestFinished(close);
  const { invoke } = services;
  const fwFile = path.join(dir, '指标体系.xlsx');
  await writeFrameworkWorkbook(fwFile, OFFICE_FRAMEWORK, { header: [...FRAMEWORK_HEADER, '录入方式'] });
  const fw = await invoke('frameworks.import', { path: fwFile, name: '融合考评' });
  if (!fw.ok) throw new Error(fw.error.message);
  const ids: number[] = [];
  for (const [code, name] of [
    ['HG-01', '化工一厂第一党支部'],
    ['HG-02', '化工一厂第二党支部'],
    ['GD-01', '供电公司变电运维党支部'],
  ] as const) {
    const b = await invoke('branches.create', { code, name });
    if (!b.ok) throw new Error(b.error.message);
    ids.push(b.value.id);
  }
  const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id, branchIds: [ids[0]!, ids[1]!] });
  if (!p.ok) throw new Error(p.error.message);
  const framework = await invoke('frameworks.get', { id: fw.value.id });
  if (!framework.ok) throw new Error(framework.error.message);
  const leaf = (code: string) => framework.value.indicators.find((i) => i.code === code)!.id;
  return { dir, dataDir, services, invoke, db: services.ctx.db, periodId: p.value.id, hg1: ids[0]!, hg2: ids[1]!, leaf, close };
}

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Sets cells of the 考核组核定 sheet: [row, column letter, value]. */
async function fill(file: string, cells: [number, string, ExcelJS.CellValue][]) {
  const wb = await readBook(file);
  const sheet = wb.getWorksheet('考核组核定')!;
  for (const [row, col, value] of cells) sheet.getCell(`${col}${row}`).value = value;
  await wb.xlsx.writeFile(file);
}

/** The template's row of a branch and indicator (rows are branch by branch, leaves in tree order). */
const rowOf = (branch: 'HG-01' | 'HG-02', indicator: '1.1' | '1.3' | '3' | '4') => 2 + (branch === 'HG-01' ? 0 : 4) + ['1.1', '1.3', '3', '4'].indexOf(indicator);

const recorded = (db: Parameters<typeof listOfficeRecords>[0], periodId: number) =>
  listOfficeRecords(db, periodId)
    .filter((o) => o.value !== null)
    .map((o) => [o.branchCode, o.indicatorCode, o.value, o.detail, o.evidence, o.evidenceDate, o.recordedBy]);

describe('考核组核定 workbook', () => {
  it('writes every branch × office leaf, prefilled with what is recorded, and a 填写说明 sheet', async () => {
    const { invoke, periodId, hg2, leaf, dir } = await officeSetup();
    const saved = await invoke('office.save', {
      periodId,
      rows: [{ branchId: hg2, indicatorId: leaf('1.1'), value: 2, detail: ['10月支委会缺席', '三季度党课未按时开展'], evidence: '党建办〔2026〕12号', evidenceDate: '2026-11-20' }],
    });
    expect(saved).toEqual({ ok: true, value: { saved: 1, removed: 0, unchanged: 0 } });
    const file = path.join(dir, '考核组核定.xlsx');
    expect(await invoke('office.writeTemplate', { periodId, path: file })).toEqual({ ok: true, value: { path: file, rows: 8 } });

    const wb = await readBook(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['考核组核定', '填写说明']);
    const sheet = wb.getWorksheet('考核组核定')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = [2, 3, 4, 5, 6].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['HG-01', '化工一厂第一党支部', '1.1', '三会一课', '扣分（填次数，每次扣 0.5 分）'],
      ['HG-01', '化工一厂第一党支部', '1.3', '组织生活', '打分（0–10 分，步长 0.5）'],
      ['HG-01', '化工一厂第一党支部', '3', '加分项', '加分（填项数，每项 1 分，最多 3 分）'],
      ['HG-01', '化工一厂第一党支部', '4', '重大事故', '一票否决（填是/否）'],
      ['HG-02', '化工一厂第二党支部', '1.1', '三会一课', '扣分（填次数，每次扣 0.5 分）', 2, '10月支委会缺席\n三季度党课未按时开展', '党建办〔2026〕12号', '2026-11-20'],
    ]);
    // The leaf the panel scores (1.2) and the quantitative ones are not in it, nor is GD-01 (not in the period).
    expect(sheet.getColumn(3).values.filter((v) => v === '1.2' || v === '2.1' || v === '2.3')).toEqual([]);
    expect(sheet.getColumn(1).values).not.toContain('GD-01');
    expect(sheet.getColumn(3).numFmt).toBe('@');
    const help = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const word of ['核定值', '每条一行', 'Alt+Enter', '依据', '2026-11-20', '整个文件都不会导入', '评委在评分表中只能查看']) expect(help).toContain(word);
  });

  it('round trip: template → fill → import, all at once, audited as 导入（文件名）; importing it again changes nothing', async () => {
    const { invoke, db, periodId, hg1, leaf, dir } = await officeSetup();
    const file = path.join(dir, '考核组核定.xlsx');
    await invoke('office.writeTemplate', { periodId, path: file });
    await fill(file, [
      [rowOf('HG-01', '1.1'), 'F', 2],
      [rowOf('HG-01', '1.1'), 'G', '10月支委会缺席\n\n 三季度党课未按时开展 '], // a blank line and spaces are dropped
      [rowOf('HG-01', '1.1'), 'H', '党建办〔2026〕12号'],
      [rowOf('HG-01', '1.1'), 'I', new Date(Date.UTC(2026, 10, 20))], // a date cell
      [rowOf('HG-01', '1.3'), 'F', '8.5'],
      [rowOf('HG-01', '1.3'), 'I', 46346], // a date that lost its date format: Excel's day number of 2026-11-20
      [rowOf('HG-01', '3'), 'F', 0], // checked, nothing found: needs no evidence
      [rowOf('HG-01', '4'), 'F', '否'],
      [rowOf('HG-02', '4'), 'F', '是'],
      [rowOf('HG-02', '4'), 'G', '发生一般安全生产事故'],
      [rowOf('HG-02', '4'), 'H', '安监〔2026〕3号'],
      [rowOf('HG-02', '4'), 'I', '2026年9月3日'],
    ]);

    const preview = await invoke('office.previewImport', { periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ file: '考核组核定.xlsx', skipped: 3, errors: [] });
    expect(preview.value.rows.map((r) => [r.row, r.branchCode, r.indicatorCode, r.value, r.action])).toEqual([
      [2, 'HG-01', '1.1', 2, 'create'],
      [3, 'HG-01', '1.3', 8.5, 'create'],
      [4, 'HG-01', '3', 0, 'create'],
      [5, 'HG-01', '4', 0, 'create'],
      [9, 'HG-02', '4', 1, 'create'],
    ]);

    expect(await invoke('office.import', { periodId, path: file })).toEqual({ ok: true, value: { file: '考核组核定.xlsx', saved: 5, unchanged: 0, skipped: 3 } });
    const actor = '导入（考核组核定.xlsx）';
    expect(recorded(db, periodId)).toEqual([
      ['HG-01', '1.1', 2, ['10月支委会缺席', '三季度党课未按时开展'], '党建办〔2026〕12号', '2026-11-20', actor],
      ['HG-01', '1.3', 8.5, [], '', '2026-11-20', actor],
      ['HG-01', '3', 0, [], '', null, actor],
      ['HG-01', '4', 0, [], '', null, actor],
      ['HG-02', '4', 1, ['发生一般安全生产事故'], '安监〔2026〕3号', '2026-09-03', actor],
    ]);
    const log = await invoke('audit.list', { periodId, entity: 'office' });
    expect(log.ok && log.value.rows.filter((r) => r.indicatorId === leaf('1.1') && r.branchId === hg1).map((r) => [r.actor, r.action])).toEqual([[actor, '考核组核定']]);

    // The template written now holds what was imported; imported again, nothing changes.
    const again = path.join(dir, '再次导出.xlsx');
    await invoke('office.writeTemplate', { periodId, path: again });
    const sheet = (await readBook(again)).getWorksheet('考核组核定')!;
    expect([sheet.getCell('F2').value, sheet.getCell('G2').value, sheet.getCell('I2').value, sheet.getCell('F5').value, sheet.getCell('F9').value]).toEqual([
      2,
      '10月支委会缺席\n三季度党课未按时开展',
      '2026-11-20',
      '否',
      '是',
    ]);
    expect(await invoke('office.import', { periodId, path: again })).toEqual({ ok: true, value: { file: '再次导出.xlsx', saved: 0, unchanged: 5, skipped: 3 } });
  });

  it('refuses a file with bad rows, naming file, row, column and what is wrong, all at once, and stores nothing', async () => {
    const { invoke, db, periodId, dir } = await officeSetup();
    const file = path.join(dir, 'bad.xlsx');
    await invoke('office.writeTemplate', { periodId, path: file });
    await fill(file, [
      [rowOf('HG-01', '1.1'), 'F', 1.5], // not a whole number of deductions
      [rowOf('HG-01', '1.3'), 'F', 8], // fine on its own: nothing is stored all the same
      [rowOf('HG-01', '3'), 'F', 1], // a bonus item without its evidence
      [rowOf('HG-01', '3'), 'G', '获评市级先进基层党组织'],
      [rowOf('HG-01', '4'), 'F', '是'],
      [rowOf('HG-01', '4'), 'G', '重'], // a 1-char reason
      [rowOf('HG-01', '4'), 'H', '安监〔2026〕3号'],
      [rowOf('HG-02', '1.1'), 'A', 'ZZ-99'], // unknown branch
      [rowOf('HG-02', '1.1'), 'F', 0],
      [rowOf('HG-02', '1.3'), 'C', '9.9'], // unknown indicator
      [rowOf('HG-02', '1.3'), 'F', 5],
      [rowOf('HG-02', '3'), 'C', '1.2'], // scored by the panel
      [rowOf('HG-02', '3'), 'F', '好'],
      [rowOf('HG-02', '4'), 'C', '2.1'], // quantitative
      [rowOf('HG-02', '4'), 'F', 1],
      [10, 'A', 'HG-01'], // HG-01 × 1.3 a second time, with a date that is none
      [10, 'C', '1.3'],
      [10, 'F', 7],
      [10, 'I', '2026-02-30'],
      [11, 'A', 'HG-02'], // a reason without a value
      [11, 'C', '1.1'],
      [11, 'G', '缺席支委会'],
    ]);
    const expected = [
      '第 2 行，F 列（核定值）：扣分次数应为 0 或正整数',
      '第 4 行，H 列（依据（文件号/检查记录））：加分 1 项须写明依据（文件号或检查记录），如“党建办〔2026〕12号”',
      '第 5 行，G 列（原因（每条一行））：原因“重”只有一个字，请写明具体原因（至少 2 个字）',
      '第 6 行，A 列（支部编码）：找不到支部编码“ZZ-99”',
      '第 7 行，C 列（指标编码）：本周期的指标体系中没有编码为“9.9”的指标',
      '第 8 行，C 列（指标编码）：“1.2 思想政治工作”的录入方式是“评委评分”，不由考核组核定；本表只填录入方式为“考核组核定”的指标',
      '第 9 行，C 列（指标编码）：“2.1 产量完成率”的录入方式是“业务数据（定量指标）”，不由考核组核定；本表只填录入方式为“考核组核定”的指标',
      '第 10 行，C 列（指标编码）：“HG-01”的指标“1.3”在第 3 行已出现过',
      '第 10 行，I 列（依据日期）：依据日期应为日期，如 2026-11-20，现为“2026-02-30”',
      '第 11 行，F 列（核定值）：核定值不能为空：本行已填写了原因或依据，请填写核定值，或清空整行',
    ];
    const preview = await invoke('office.previewImport', { periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual(expected);
    expect(preview.value.errors[3]).toEqual({ row: 6, column: 'A', message: expected[3] });

    const result = await invoke('office.import', { periodId, path: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toBe(`“bad.xlsx”中有 ${expected.length} 处错误，未导入任何数据`);
    expect(result.error.details?.map((d) => d.message)).toEqual(expected);
    expect(recorded(db, periodId)).toEqual([]);
  });

  it('says which required column is missing, and refuses a file with nothing filled in', async () => {
    const { invoke, periodId, dir } = await officeSetup();
    const empty = path.join(dir, '空白.xlsx');
    await invoke('office.writeTemplate', { periodId, path: empty });
    expect(await invoke('office.import', { periodId, path: empty })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“空白.xlsx”中没有填写核定值（每行至少要有核定值）' },
    });
    const noValue = path.join(dir, '缺列.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('考核组核定').addRow(['支部编码', '指标编码', '原因']);
    await wb.xlsx.writeFile(noValue);
    expect(await invoke('office.previewImport', { periodId, path: noValue })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“缺列.xlsx”第 1 行缺少“核定值”列，请使用导入模板' },
    });
  });

  it('the CLI writes, imports and lists the office records', async () => {
    const { dataDir, periodId, dir, close } = await officeSetup();
    close(); // the CLI opens the data folder itself
    const file = path.join(dir, '核定.xlsx');
    const p = String(periodId);
    expect(await cli('office', 'template', file, '--period', p, '--data-dir', dataDir)).toMatchObject({
      code: 0,
      out: `已写出考核组核定表（8 行：每个党支部的每个考核组核定指标）到 ${file}`,
    });
    await fill(file, [
      [rowOf('HG-01', '1.1'), 'F', 1],
      [rowOf('HG-01', '1.1'), 'G', '10月支委会缺席'],
      [rowOf('HG-01', '1.1'), 'H', '党建办〔2026〕12号'],
      [rowOf('HG-01', '1.1'), 'I', '2026-11-20'],
    ]);
    expect(await cli('office', 'import', file, '--period', p, '--reason', ' ', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('--reason 不能为空') });
    expect(await cli('office', 'import', file, '--period', p, '--data-dir', dataDir)).toEqual({
      code: 0,
      out: '已导入 核定.xlsx：保存 1 条考核组核定，0 条未变，7 行未填写',
      err: '',
    });
    const list = await cli('office', 'list', '--period', p, '--data-dir', dataDir);
    expect(list.code).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^党支部\s+指标\s+核定值\s+原因\s+依据\s+依据日期\s+核定人$/);
    expect(lines[2]).toMatch(/^HG-01 化工一厂第一党支部\s+1\.1 三会一课\s+扣 1 次\s+10月支委会缺席\s+党建办〔2026〕12号\s+2026-11-20\s+导入（核定\.xlsx）$/);
    expect(lines[3]).toMatch(/^HG-01 化工一厂第一党支部\s+1\.3 组织生活\s+（未核定）$/);
    expect(lines.at(-1)).toBe('已核定 1 / 8 项');
    const json = await cli('office', 'list', '--period', p, '--json', '--data-dir', dataDir);
    expect(JSON.parse(json.out)).toHaveLength(8);
    expect(JSON.parse(json.out)[0]).toMatchObject({ branchCode: 'HG-01', indicatorCode: '1.1', value: 1, evidence: '党建办〔2026〕12号' });
    expect(await cli('office', 'list', '--data-dir', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --period') });
  });
});

describe('考核组核定 workbook: 细则 leaves, one row per finding (issue 11 §1)', () => {
  const RULES_HEADERS = ['支部编码*', '支部名称', '指标编码*', '指标名称', '评分方式', '核定值*', '细则序号', '次数', '每次分值', '原因（每条一行）', '依据（文件号/检查记录）', '依据日期'];
  const EVIDENCE = { evidence: '组织部检查记录〔2026〕15号', evidenceDate: '2026-10-12' };
  const FINDINGS = [
    { rule: 0, count: 2, amount: 1 },
    { rule: 1, count: 1, amount: 0.5 },
  ];
  const cellsOf = (sheet: ExcelJS.Worksheet, row: number) => ['A', 'C', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => sheet.getCell(`${c}${row}`).value);
  const findingsOf = (db: Parameters<typeof listOfficeRecords>[0], periodId: number) =>
    listOfficeRecords(db, periodId)
      .filter((o) => o.method.kind === 'rules' && o.value !== null)
      .map((o) => [o.branchCode, o.value, o.findings, o.detail, o.evidence, o.evidenceDate]);

  it('writes each finding on a row of its own, a 细则 sheet to look the rules up, and reads it back unchanged', async () => {
    const s = await rulesPeriod();
    ok(await s.invoke('office.save', {
      periodId: s.periodId,
      rows: [
        { branchId: s.hg1, indicatorId: s.leaves.rules, value: 0, findings: FINDINGS, detail: ['3月、5月未召开支委会', '6月支委会记录缺签到'], ...EVIDENCE },
        { branchId: s.hg2, indicatorId: s.leaves.rules, value: 0 },
      ],
    }));
    const file = path.join(tempDir(), '考核组核定.xlsx');
    expect(ok(await s.invoke('office.writeTemplate', { periodId: s.periodId, path: file }))).toEqual({ path: file, rows: 5 });
    const wb = await readBook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考核组核定', '细则', '填写说明']);
    const sheet = wb.getWorksheet('考核组核定')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(RULES_HEADERS);
    expect(sheet.getCell('E2').value).toBe('细则扣分（由考核组逐条核定）');
    expect([2, 3, 4, 5, 6].map((r) => cellsOf(sheet, r))).toEqual([
      // ① is fixed at 1: its amount is left to the rule; ② is a range: the amount picked is written.
      ['HG-01', '1.1', null, 1, 2, null, '3月、5月未召开支委会', EVIDENCE.evidence, EVIDENCE.evidenceDate],
      ['HG-01', '1.1', null, 2, 1, 0.5, '6月支委会记录缺签到', EVIDENCE.evidence, EVIDENCE.evidenceDate],
      ['HG-01', '1.2', null, null, null, null, null, null, null],
      ['HG-02', '1.1', 0, null, null, null, null, null, null],
      ['HG-02', '1.2', null, null, null, null, null, null, null],
    ]);
    const rules = wb.getWorksheet('细则')!;
    expect([1, 2, 3, 4].map((r) => (rules.getRow(r).values as unknown[]).slice(1))).toEqual([
      ['指标编码', '指标名称', '细则序号', '细则内容', '分值'],
      ['1.1', '组织建设', 1, '未按时召开支委会', '每次扣1分'],
      ['1.1', '组织建设', 2, '会议记录不规范', '每次扣0.5—1分，最多扣2分'],
      ['1.1', '组织建设', 3, '未建立党员管理台账', '扣2分'],
    ]);
    const help = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const word of ['细则序号', '每次分值', '次数×每次分值', '核定值”填 0', '须一致']) expect(help).toContain(word);

    const preview = ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: file }));
    expect(preview).toMatchObject({ errors: [], skipped: 2 });
    expect(preview.rows.map((r) => [r.row, r.branchCode, r.indicatorCode, r.value, r.findings, r.action])).toEqual([
      [2, 'HG-01', '1.1', 2.5, FINDINGS, 'unchanged'],
      [5, 'HG-02', '1.1', 0, [], 'unchanged'],
    ]);
    expect(ok(await s.invoke('office.import', { periodId: s.periodId, path: file }))).toEqual({ file: '考核组核定.xlsx', saved: 0, unchanged: 2, skipped: 2 });
  });

  it('round trip: findings typed row by row (细则序号 as 1, ② or 第3条; 次数 and 每次分值 left to the rule) become one record per branch × leaf', async () => {
    const s = await rulesPeriod();
    const file = path.join(tempDir(), '核定.xlsx');
    ok(await s.invoke('office.writeTemplate', { periodId: s.periodId, path: file }));
    // Rows: 2 HG-01 × 1.1, 3 HG-01 × 1.2, 4 HG-02 × 1.1, 5 HG-02 × 1.2.
    await fill(file, [
      [2, 'G', 1],
      [2, 'H', 2],
      [2, 'J', '3月、5月未召开支委会'],
      [2, 'K', EVIDENCE.evidence],
      [2, 'L', EVIDENCE.evidenceDate],
      [3, 'F', 0],
      [4, 'F', 0], // checked, nothing found
      // Further findings of HG-01 × 1.1 on rows of their own, the 依据 left to row 2, the 核定值 optional.
      [6, 'A', 'HG-01'],
      [6, 'C', '1.1'],
      [6, 'G', '②'],
      [6, 'I', '0.5'],
      [6, 'J', '6月支委会记录缺签到'],
      [7, 'A', 'HG-01'],
      [7, 'C', '1.1'],
      [7, 'F', 2],
      [7, 'G', '第3条'],
      [7, 'J', '未建立党员管理台账\n党员信息未登记'], // two lines: one reason
      [7, 'K', EVIDENCE.evidence], // the same 依据 again is fine
    ]);
    const preview = ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: file }));
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.branchCode, r.indicatorCode, r.value, r.action])).toEqual([
      [2, 'HG-01', '1.1', 4.5, 'create'],
      [3, 'HG-01', '1.2', 0, 'create'],
      [4, 'HG-02', '1.1', 0, 'create'],
    ]);
    expect(ok(await s.invoke('office.import', { periodId: s.periodId, path: file }))).toEqual({ file: '核定.xlsx', saved: 3, unchanged: 0, skipped: 1 });
    const findings = [
      { rule: 0, count: 2, amount: 1 },
      { rule: 1, count: 1, amount: 0.5 },
      { rule: 2, count: 1, amount: 2 },
    ];
    expect(findingsOf(s.db, s.periodId)).toEqual([
      ['HG-01', 4.5, findings, ['3月、5月未召开支委会', '6月支委会记录缺签到', '未建立党员管理台账；党员信息未登记'], EVIDENCE.evidence, EVIDENCE.evidenceDate],
      ['HG-02', 0, [], [], '', null],
    ]);

    // Written again, read again: nothing changes.
    const again = path.join(tempDir(), '再次导出.xlsx');
    expect(ok(await s.invoke('office.writeTemplate', { periodId: s.periodId, path: again }))).toMatchObject({ rows: 6 });
    expect(ok(await s.invoke('office.import', { periodId: s.periodId, path: again }))).toEqual({ file: '再次导出.xlsx', saved: 0, unchanged: 3, skipped: 1 });
  });

  it('refuses bad finding rows, naming row, column and rule, all at once, and stores nothing', async () => {
    const s = await rulesPeriod();
    const file = path.join(tempDir(), 'bad.xlsx');
    ok(await s.invoke('office.writeTemplate', { periodId: s.periodId, path: file }));
    const row = (r: number, branch: string, code: string): [number, string, ExcelJS.CellValue][] => [
      [r, 'A', branch],
      [r, 'C', code],
    ];
    await fill(file, [
      [2, 'G', 5], // no such rule
      [2, 'J', '会议未开'],
      [2, 'K', '检查记录'],
      [3, 'F', 1], // 细则序号 on a leaf that has no rules
      [3, 'G', 1],
      [3, 'J', '5月未召开'],
      [3, 'K', '检查记录'],
      [4, 'G', 2], // a range with no amount
      [4, 'J', '记录不规范'],
      ...row(6, 'HG-01', '1.1'),
      [6, 'G', 3], // a once rule twice, and another 依据 than row 2's
      [6, 'H', 2],
      [6, 'J', '未建台账'],
      [6, 'K', '另一份记录'],
      ...row(7, 'HG-02', '1.1'),
      [7, 'F', 0], // “nothing found” after a finding of the same record
      ...row(8, 'HG-01', '1.1'),
      [8, 'G', 2],
      [8, 'I', 1.5], // out of 0.5—1
      [8, 'J', '记录缺页'],
      ...row(9, 'HG-01', '1.1'),
      [9, 'F', 3], // 1 × 1 is not 3
      [9, 'G', 1],
      [9, 'J', '4月未召开'],
      ...row(10, 'HG-01', '1.1'),
      [10, 'G', 1], // no reason
    ]);
    const expected = [
      '第 2 行，G 列（细则序号）：指标 1.1 没有细则 5（共 3 条）',
      '第 3 行，G 列（细则序号）：“1.2 三会一课”不是细则指标，细则序号、次数、每次分值不填；请清空本格',
      '第 4 行，I 列（每次分值）：细则②“会议记录不规范”每次扣0.5—1分，最多扣2分，请在“每次分值”填写 0.5 到 1 之间的分值',
      '第 6 行，H 列（次数）：细则③“未建立党员管理台账”只扣一次，次数应为 1，现为 2',
      '第 6 行，K 列（依据（文件号/检查记录））：同一支部同一指标的各行依据应一致：第 2 行为“检查记录”',
      '第 7 行，F 列（核定值）：“HG-02”的指标“1.1”从第 4 行起已逐条记录了细则问题，与本行“核定值 0（未发现问题）”矛盾；请删除本行',
      '第 8 行，I 列（每次分值）：细则②“会议记录不规范”的分值应在 0.5 到 1 之间，现为 1.5',
      '第 9 行，F 列（核定值）：细则行的核定值按“次数×每次分值”计算，应为 1 或空着，现为“3”',
      '第 10 行，J 列（原因（每条一行））：细则①“未按时召开支委会”：请写明原因（这一处的具体情况）',
    ];
    const preview = ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(expected);
    const result = await s.invoke('office.import', { periodId: s.periodId, path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: `“bad.xlsx”中有 ${expected.length} 处错误，未导入任何数据` } });
    expect(findingsOf(s.db, s.periodId)).toEqual([]);

    // A record whose rows are right but that deducts without a 依据: named on its first row.
    const noEvidence = path.join(tempDir(), 'no-evidence.xlsx');
    ok(await s.invoke('office.writeTemplate', { periodId: s.periodId, path: noEvidence }));
    await fill(noEvidence, [
      [4, 'G', 1],
      [4, 'J', '5月未召开支委会'],
      [4, 'L', '2026-10-12'],
      ...row(6, 'HG-02', '1.1'),
      [6, 'G', 1],
      [6, 'J', '7月未召开支委会'],
      [6, 'L', '2026-10-13'], // another date than row 4's
    ]);
    expect(ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: noEvidence })).errors.map((e) => e.message)).toEqual([
      '第 6 行，L 列（依据日期）：同一支部同一指标的各行依据日期应一致：第 4 行为 2026-10-12',
    ]);
    await fill(noEvidence, [[6, 'L', null]]);
    expect(ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: noEvidence })).errors.map((e) => e.message)).toEqual([
      '第 4 行，K 列（依据（文件号/检查记录））：扣 2 分须写明依据（文件号或检查记录），如“党建办〔2026〕12号”',
    ]);
  });

  it('the CLI lists each finding in words, naming its rule', async () => {
    const s = await rulesPeriod();
    ok(await s.invoke('office.save', {
      periodId: s.periodId,
      rows: [{ branchId: s.hg1, indicatorId: s.leaves.rules, value: 0, findings: FINDINGS, detail: ['3月、5月未召开支委会', '6月支委会记录缺签到'], ...EVIDENCE }],
    }));
    s.close(); // the CLI opens the data folder itself
    const list = await cli('office', 'list', '--period', String(s.periodId), '--data-dir', s.ctx.dataDir);
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[2]).toMatch(
      /^HG-01 化工一厂第一党支部\s+1\.1 组织建设\s+扣 2\.5 分\s+①未按时召开支委会×2，扣2分：3月、5月未召开支委会；②会议记录不规范，扣0\.5分：6月支委会记录缺签到\s+组织部检查记录〔2026〕15号\s+2026-10-12\s+管理员$/,
    );
  });
});
