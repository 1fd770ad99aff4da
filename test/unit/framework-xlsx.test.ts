import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getIndicators, toDrafts } from '../../electron/services/frameworks';
import { UNIFIED_TEMPLATE } from '../../shared/domain/templates/unified';
import { METHOD_PARAM_HINTS, METHOD_TRIGGER_HINT } from '../../shared/domain/method-text';
import { FRAMEWORK_HEADER, SMALL_FRAMEWORK, writeFrameworkWorkbook, type Cells } from '../helpers/framework-workbooks';
import { ok } from '../helpers/result';
import { tempDir, tempServices } from '../helpers/tmp';

const HEADERS = ['指标编码*', '指标名称*', '类别*', '分值*', '评分方法', '方法参数', '评分细则', '佐证材料', '录入方式', '扣分池', '加分上限', '适用类别'];

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A row of the whole template (HEADERS): the first six columns, then 扣分池 and 加分上限 (J, K). */
const optionRow = (code: string, name: string, tag: string, points: number, method: string | null, params: string | null, pool: string | null = null, cap: string | number | null = null): Cells =>
  [code, name, tag, points, method, params, null, null, null, pool, cap];

/** The sqref of every data validation of the first sheet, as written in the file. */
async function validationRanges(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
}

describe('framework workbook: template', () => {
  it('writes the documented headers, a frozen header, drop-down lists, a text code column and instructions', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), '指标体系模板.xlsx');
    expect(await invoke('frameworks.writeTemplate', { path: file })).toEqual({ ok: true, value: { path: file } });
    const wb = await readBook(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指标体系', '细则', '等次', '填写说明', '框架信息']);
    const sheet = wb.getWorksheet('指标体系')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"党建,业务,融合"'] });
    expect(sheet.getCell('E500').dataValidation).toMatchObject({ type: 'list', formulae: ['"打分,等次,扣分,加分,细则,定量,一票否决"'] });
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1000] });
    expect(sheet.getCell('I2').dataValidation).toMatchObject({ type: 'list', formulae: ['"评委评分,考核组核定,业务数据触发"'] });
    expect(sheet.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(sheet.getCell('K2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1000] });
    expect(sheet.getColumn(1).numFmt).toBe('@');

    const help = wb.getWorksheet('填写说明')!;
    const text = help.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const header of HEADERS) expect(text).toContain(header.replace('*', ''));
    for (const example of ['步长0.5', '好=1,较好=0.8,一般=0.6,差=0', '每次0.5', '每项1', '越高越好,零分线0.8,超额20%', '越低越好,零分线1.1', '最高等次一般']) {
      expect(text).toContain(example);
    }
    expect(text).toContain('不会修改已有的指标体系');
    for (const word of ['评委评分', '考核组核定', '定量指标的数据来自业务数据']) expect(text).toContain(word);
    // The two columns explained with the 考核细则 wording they come from.
    for (const word of ['按下列细则扣分，扣完为止', '本部分加分最多不超过5分', '分值为 0 的扣分项']) expect(text).toContain(word);
    const info = wb.getWorksheet('框架信息')!;
    expect([info.getCell('A1').value, info.getCell('A2').value]).toEqual(['名称', '说明']);
  });

  it('writes each drop-down list as one range, never as overlapping ones (exceljs #2820), here and in the branches template', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    await invoke('frameworks.writeTemplate', { path: path.join(dir, 'f.xlsx') });
    expect(await validationRanges(path.join(dir, 'f.xlsx'))).toEqual(['C2:C1000', 'D2:D1000', 'E2:E1000', 'I2:I1000', 'J2:J1000', 'K2:K1000']);
    await invoke('branches.writeTemplate', { path: path.join(dir, 'b.xlsx') });
    expect(await validationRanges(path.join(dir, 'b.xlsx'))).toEqual(['E2:E1000']);
  });

  it('imports the app’s own template once filled in', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), '本厂指标.xlsx');
    await invoke('frameworks.writeTemplate', { path: file });
    const wb = await readBook(file);
    SMALL_FRAMEWORK.forEach((row, i) => row.forEach((v, j) => (wb.getWorksheet('指标体系')!.getCell(i + 2, j + 1).value = v)));
    wb.getWorksheet('框架信息')!.getCell('B1').value = '2025 年度支部考评';
    await wb.xlsx.writeFile(file);

    const imported = await invoke('frameworks.import', { path: file });
    expect(imported).toEqual({ ok: true, value: { id: 1, name: '2025 年度支部考评', indicatorCount: 8, warnings: [] } });
    const fw = await invoke('frameworks.get', { id: 1 });
    if (!fw.ok) throw new Error(fw.error.message);
    expect(fw.value.issues).toEqual([]);
    expect(fw.value.indicators.find((n) => n.code === '2.1')).toMatchObject({
      name: '产量完成率',
      tag: 'business',
      maxPoints: 40,
      evidence: '生产月报',
      method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.8, excessCap: 0.2 },
    });
  });
});

describe('framework workbook: export and import', () => {
  it('round-trips the built-in template: export, import, the same tree', async () => {
    const { invoke, ctx } = tempServices();
    const created = await invoke('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } });
    if (!created.ok) throw new Error(created.error.message);
    const file = path.join(tempDir(), '导出.xlsx');
    expect(await invoke('frameworks.export', { id: created.value.id, path: file })).toEqual({
      ok: true,
      value: { path: file, name: '党建业务一体化考评', version: 1, indicatorCount: 64 },
    });

    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ file: '导出.xlsx', name: '党建业务一体化考评', description: UNIFIED_TEMPLATE.description, errors: [], issues: [] });
    expect(preview.value.rows).toHaveLength(64);
    expect(preview.value.rows.slice(0, 3).map((r) => [r.row, r.code, r.depth])).toEqual([[2, '1', 1], [3, '1.1', 2], [4, '1.2', 2]]);

    const imported = await invoke('frameworks.import', { path: file });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.id).not.toBe(created.value.id);
    const original = toDrafts(getIndicators(ctx.db, created.value.id));
    expect(toDrafts(getIndicators(ctx.db, imported.value.id))).toEqual(original);
    expect(original).toEqual(UNIFIED_TEMPLATE.indicators.map(function strip(d): unknown {
      return { ...d, criteria: d.criteria ?? '', evidence: d.evidence ?? '', ...(d.children ? { children: d.children.map(strip) } : {}) };
    }));
    const fw = await invoke('frameworks.get', { id: imported.value.id });
    expect(fw).toMatchObject({ ok: true, value: { name: '党建业务一体化考评', description: UNIFIED_TEMPLATE.description, version: 1, frozenAt: null } });
  });

  it('writes the tree in order, one row per indicator, with readable categories and methods', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    await writeFrameworkWorkbook(path.join(dir, 'in.xlsx'), SMALL_FRAMEWORK);
    const imported = await invoke('frameworks.import', { path: path.join(dir, 'in.xlsx'), name: '小指标体系' });
    if (!imported.ok) throw new Error(imported.error.message);
    const out = path.join(dir, 'out.xlsx');
    await invoke('frameworks.export', { id: imported.value.id, path: out });
    const sheet = (await readBook(out)).getWorksheet('指标体系')!;
    const rows = [];
    for (let r = 2; r <= SMALL_FRAMEWORK.length + 1; r++) rows.push(HEADERS.map((_h, c) => sheet.getCell(r, c + 1).value ?? null));
    // 录入方式 written for every leaf a rater or the office records (评委评分 when none was chosen), never for 定量 or parents.
    const entry = (row: Cells) => (row[4] && row[4] !== '定量' ? '评委评分' : null);
    // 扣分池 and 加分上限 empty: no 分部 here is a pool or has a section cap; 适用类别 empty: everything applies to all.
    const padded = SMALL_FRAMEWORK.map((row) => [...row, ...Array<null>(8 - row.length).fill(null), entry(row), null, null, null]);
    expect(rows).toEqual(padded);
    expect(sheet.getCell('B3').alignment).toMatchObject({ indent: 1 });
  });

  it('names the framework from --name, else 框架信息, else the file name; never touches an existing one', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const plain = path.join(dir, '化工厂指标.xlsx');
    await writeFrameworkWorkbook(plain, SMALL_FRAMEWORK);
    expect(await invoke('frameworks.import', { path: plain })).toMatchObject({ ok: true, value: { id: 1, name: '化工厂指标' } });
    expect(await invoke('frameworks.import', { path: plain, name: '另起的名字' })).toMatchObject({ ok: true, value: { id: 2, name: '另起的名字' } });
    const described = path.join(dir, 'd.xlsx');
    await writeFrameworkWorkbook(described, SMALL_FRAMEWORK, { info: [['名称：', '供电公司考评'], ['说明', '适用于供电公司各党支部']] });
    expect(await invoke('frameworks.import', { path: described })).toMatchObject({ ok: true, value: { id: 3, name: '供电公司考评' } });
    expect(await invoke('frameworks.get', { id: 3 })).toMatchObject({ ok: true, value: { description: '适用于供电公司各党支部' } });
    const longName = path.join(dir, 'long.xlsx');
    await writeFrameworkWorkbook(longName, SMALL_FRAMEWORK, { info: [['名称', '很'.repeat(61)]] });
    expect(await invoke('frameworks.import', { path: longName })).toMatchObject({
      ok: false,
      error: { details: [{ row: 1, column: 'B', message: '框架信息表 第 1 行，B 列（名称）：名称最多 60 个字，现有 61 个字' }] },
    });
    const list = await invoke('frameworks.list', {});
    expect(list.ok && list.value.map((f) => [f.id, f.name, f.version, f.indicatorCount])).toEqual([
      [1, '化工厂指标', 1, 8],
      [2, '另起的名字', 1, 8],
      [3, '供电公司考评', 1, 8],
    ]);
  });

  it('builds the tree from the codes: rows in any order, numbers typed as numbers or text, 分 after the points', async () => {
    const { invoke, ctx } = tempServices();
    const file = path.join(tempDir(), 'loose.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1.2', '后写的第二项', '党建', '50分', '打分', null],
      [1, '党建工作', '党建', 100, null, null],
      [1.1, '先写的第一项', '党建', '50', '扣分', '每次 1 分'],
      [null, null, null, null, null, null],
      ['１．３', '全角编码', 'party', 0, '一票否决', null],
    ]);
    const imported = await invoke('frameworks.import', { path: file });
    if (!imported.ok) throw new Error(imported.error.message);
    const drafts = toDrafts(getIndicators(ctx.db, imported.value.id));
    expect(drafts.map((d) => [d.code, d.children?.map((c) => [c.code, c.name, c.maxPoints, c.method?.kind])])).toEqual([
      [
        '1',
        [
          ['1.2', '后写的第二项', 50, 'rating'],
          ['1.1', '先写的第一项', 50, 'deduction'],
          ['1.3', '全角编码', 0, 'veto'],
        ],
      ],
    ]);
  });

  it('reports every bad cell as “row N, column X (header): why” and creates nothing', async () => {
    const { invoke } = tempServices();
    await invoke('frameworks.create', { name: '原有指标体系', source: { kind: 'empty' } });
    const file = path.join(tempDir(), 'bad.xlsx');
    const rows: Cells[] = [
      ['1', '政治建设', '党建', 10, null, null], // 2
      ['1.1', '理论学习', '党建', 5, '扣分', '每次0.5'], // 3
      ['1.2', '', '党建', 5, '打分', '步长0.5'], // 4: no name; a method although 1.2.1 is below it
      [1.1, '重复的编码', '党建', 5, '打分', null], // 5: duplicate code, typed as a number
      ['1-3', '编码写错', '党建', 1, '打分', null], // 6
      ['3.2.1', '找不到上级', '业务', 2, '打分', null], // 7
      ['2', '生产经营', '生产', 10, null, null], // 8: unknown category
      ['2.1', '产量', '业务', '十分', '定量', '越高越好'], // 9: points not a number; parameters incomplete
      ['2.2', '成本', '业务', 5, '评分', '步长1'], // 10: unknown method
      ['2.3', '违章', '业务', 5, '扣分', '每次'], // 11: unreadable parameters
      ['1.2.1', '下级指标', '党建', 5, '打分', null], // 12
      ['2.4', '未选方法', '业务', 5, null, '每项1'], // 13: parameters without a method
      ['', '', '', null, null, null, '只写了细则'], // 14: no code, no name, no category, no points
    ];
    await writeFrameworkWorkbook(file, rows);
    const expected = [
      '第 4 行，B 列（指标名称）：指标名称不能为空',
      '第 4 行，E 列（评分方法）：“1.2”下面还有下级指标（如第 12 行的“1.2.1”），有下级的指标不填评分方法，由下级指标计分；请清空本格',
      '第 5 行，A 列（指标编码）：指标编码“1.1”在第 3 行已出现过（这一格是数字格式，Excel 可能把 1.10 变成了 1.1，请把这一列设为文本格式后重新填写编码）',
      '第 6 行，A 列（指标编码）：指标编码应为 1、1.2、1.2.3 这样的数字编号',
      '第 7 行，A 列（指标编码）：上级指标“3.2”不存在',
      '第 8 行，C 列（类别）：类别应为“党建”“业务”或“融合”，现为“生产”',
      '第 9 行，D 列（分值）：分值应为数字，现为“十分”',
      `第 9 行，F 列（方法参数）：没有写零分线；${METHOD_PARAM_HINTS.quantitative}`,
      '第 10 行，E 列（评分方法）：评分方法应为“打分”“等次”“扣分”“加分”“细则”“定量”“一票否决”之一，现为“评分”',
      `第 11 行，F 列（方法参数）：无法识别“每次”；${METHOD_PARAM_HINTS.deduction}`,
      '第 13 行，F 列（方法参数）：没有填写评分方法，方法参数用不上：请在 E 列选择评分方法，或清空本格',
      '第 14 行，A 列（指标编码）：指标编码不能为空',
      '第 14 行，B 列（指标名称）：指标名称不能为空',
      '第 14 行，C 列（类别）：类别不能为空，请填写党建、业务或融合',
      '第 14 行，D 列（分值）：分值不能为空（一票否决项填 0）',
    ];

    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual(expected);
    expect(preview.value.errors[4]).toEqual({ row: 7, column: 'A', message: expected[4] });
    // Only sound rows make the tree; sums the bad rows would change are not judged yet.
    expect(preview.value.rows.map((r) => r.code)).toEqual(['1', '1.1']);
    expect(preview.value.issues).toEqual([]);

    const result = await invoke('frameworks.import', { path: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toBe(`“bad.xlsx”中有 ${expected.length} 处错误，未导入任何数据`);
    expect(result.error.details?.map((d) => d.message)).toEqual(expected);
    expect(result.error.details?.[0]).toMatchObject({ row: 4, column: 'B' });
    const list = await invoke('frameworks.list', {});
    expect(list.ok && list.value.map((f) => f.name)).toEqual(['原有指标体系']);
  });

  it('judges the structure of the sound part while other rows are still wrong', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'partly.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '党建', '党建', 10, null, null],
      ['1.1', '学习', '党建', 3, '打分', '步长2'], // sound row, but 3 is not a multiple of 2
      ['1.2', '组织', '党建', 7, '打分', null],
      ['2', '业务', '业务', 90, null, null],
      ['2.1', '产量', '业务', 'x', '打分', null], // bad cell: 2's sum is not judged
      ['2.2', '质量', '业务', 80, '打分', null],
    ]);
    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual(['第 6 行，D 列（分值）：分值应为数字，现为“x”']);
    expect(preview.value.issues).toEqual([
      { indicatorId: null, row: 3, code: '1.1', severity: 'error', message: '1.1 学习：分值 3 不是步长 2 的整数倍，评委无法打满分' },
    ]);
  });

  it('refuses a tree whose parts do not add up, naming the row and the problem', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'structure.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '政治建设', '党建', 10, null, null],
      ['1.1', '理论学习', '党建', 4, '打分', null],
      ['1.2', '组织生活', '党建', 5, '等次', null],
      ['2', '生产经营', '业务', 90, '打分', null],
      ['3', '未定方法', '业务', 0, null, null],
    ]);
    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors).toEqual([]);
    expect(preview.value.issues.map((i) => [i.row, i.severity, i.message])).toEqual([
      [2, 'error', '1 政治建设：下级指标分值合计 9 分，与本指标的 10 分不一致'],
      [6, 'error', '3 未定方法：末级指标必须选择评分方法'],
    ]);

    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: '“structure.xlsx”中的指标体系有 2 处错误，未导入任何数据' } });
    if (result.ok) return;
    expect(result.error.details).toEqual([
      { row: 2, message: '第 2 行：1 政治建设：下级指标分值合计 9 分，与本指标的 10 分不一致' },
      { row: 6, message: '第 6 行：3 未定方法：末级指标必须选择评分方法' },
    ]);
    expect(await invoke('frameworks.list', {})).toEqual({ ok: true, value: [] });
  });

  it('imports despite warnings, and says what they were', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'ninety.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '党建', '党建', 40, '打分', null],
      ['2', '业务', '业务', 50, '定量', '越高越好,零分线0.8'],
      [null, null, null, null, null, null], // an empty row in between
      ['3', '加分', '融合', 5, '加分', '每项1'],
    ]);
    const preview = await invoke('frameworks.previewImport', { path: file });
    expect(preview.ok && preview.value.issues).toEqual([
      { indicatorId: null, row: null, code: null, severity: 'warning', message: '基本分合计 90 分（通常为 100 分，加分项另计）' },
    ]);
    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({
      ok: true,
      value: { id: 1, indicatorCount: 3, warnings: [{ severity: 'warning', message: '基本分合计 90 分（通常为 100 分，加分项另计）' }] },
    });
  });

  it('says which required column is missing, and refuses what is not a workbook or holds no indicators', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const noPoints = path.join(dir, 'nopoints.xlsx');
    await writeFrameworkWorkbook(noPoints, [['1', '党建', '党建']], { header: ['指标编码', '指标名称', '类别'] });
    expect(await invoke('frameworks.import', { path: noPoints })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“nopoints.xlsx”第 1 行缺少“分值”列，请使用导入模板' },
    });
    const csv = path.join(dir, '指标.xlsx');
    writeFileSync(csv, '指标编码,指标名称\n1,党建\n');
    expect(await invoke('frameworks.previewImport', { path: csv })).toMatchObject({
      ok: false,
      error: { message: '无法读取“指标.xlsx”：它不是有效的 Excel（.xlsx）文件' },
    });
    expect(await invoke('frameworks.import', { path: path.join(dir, 'missing.xlsx') })).toMatchObject({ ok: false, error: { code: 'io' } });
    const template = path.join(dir, 'empty.xlsx');
    await invoke('frameworks.writeTemplate', { path: template });
    expect(await invoke('frameworks.import', { path: template })).toMatchObject({
      ok: false,
      error: { message: '文件“empty.xlsx”中没有指标数据（从第 2 行起填写）' },
    });
  });

  it('reads and writes 录入方式: 考核组核定 marks a leaf the office records; empty or 评委评分 leaves it to the panel', async () => {
    const { invoke, ctx } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'entry.xlsx');
    const rows: Cells[] = SMALL_FRAMEWORK.map((row) => [...row, ...Array<null>(8 - row.length).fill(null), null]);
    const set = (code: string, entry: string) => (rows.find((r) => r[0] === code)![8] = entry);
    set('1.1', '考核组核定');
    set('1.2', '评委评分');
    set('3', 'office'); // the key works as well as the label, as for 评分方法
    set('4', ' 考核组核定 ');
    await writeFrameworkWorkbook(file, rows, { header: HEADERS });
    const imported = await invoke('frameworks.import', { path: file, name: '带录入方式' });
    if (!imported.ok) throw new Error(imported.error.message);
    const methods = () => getIndicators(ctx.db, imported.value.id).filter((i) => i.method).map((i) => [i.code, i.method!.kind, 'entry' in i.method! ? i.method!.entry : undefined]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(methods()).toEqual([
      ['1.1', 'deduction', 'office'],
      ['1.2', 'level', undefined], // 评委评分 is the default: stored as no entry mode, as frameworks made before it
      ['2.1', 'quantitative', undefined],
      ['2.2', 'rating', undefined],
      ['3', 'bonus', 'office'],
      ['4', 'veto', 'office'],
    ]);

    const out = path.join(dir, 'out.xlsx');
    await invoke('frameworks.export', { id: imported.value.id, path: out });
    const sheet = (await readBook(out)).getWorksheet('指标体系')!;
    const written = SMALL_FRAMEWORK.map((_r, i) => [sheet.getCell(i + 2, 1).value, sheet.getCell(i + 2, 9).value ?? null]);
    expect(written).toEqual([
      ['1', null],
      ['1.1', '考核组核定'],
      ['1.2', '评委评分'],
      ['2', null],
      ['2.1', null],
      ['2.2', '评委评分'],
      ['3', '考核组核定'],
      ['4', '考核组核定'],
    ]);
    const again = await invoke('frameworks.import', { path: out });
    if (!again.ok) throw new Error(again.error.message);
    expect(toDrafts(getIndicators(ctx.db, again.value.id))).toEqual(toDrafts(getIndicators(ctx.db, imported.value.id)));
  });

  it('refuses a 录入方式 on a quantitative leaf, on a parent, without a method, or that is neither label', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-entry.xlsx');
    await writeFrameworkWorkbook(
      file,
      [
        ['1', '党的建设', '党建', 40, null, null, null, null, '考核组核定'], // 2: a parent
        ['1.1', '三会一课', '党建', 20, '扣分', '每次0.5', null, null, '考核组核定'], // 3
        ['1.2', '思想政治工作', '党建', 20, '等次', null, null, null, '部门核定'], // 4: neither label
        ['2', '生产经营', '业务', 60, null, null, null, null, null], // 5
        ['2.1', '产量完成率', '业务', 40, '定量', '越高越好,零分线0.8', null, null, '考核组核定'], // 6: quantitative
        ['2.2', '安全生产', '融合', 20, null, null, null, null, '评委评分'], // 7: no method
      ],
      { header: HEADERS },
    );
    const expected = [
      '第 2 行，I 列（录入方式）：“1”下面还有下级指标，有下级的指标不填录入方式；请清空本格',
      '第 4 行，I 列（录入方式）：录入方式应为“评委评分”“考核组核定”或“业务数据触发”，现为“部门核定”（留空即评委评分）',
      '第 6 行，I 列（录入方式）：定量指标的数据来自业务数据导入，不填录入方式；请清空本格',
      '第 7 行，I 列（录入方式）：没有填写评分方法，录入方式用不上：请在 E 列选择评分方法，或清空本格',
    ];
    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual(expected);
    // The leaf without a method is also the tree's error, reported in the same round.
    const treeError = '第 7 行：2.2 安全生产：末级指标必须选择评分方法';
    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: `“bad-entry.xlsx”中有 ${expected.length + 1} 处错误，未导入任何数据` } });
    expect(!result.ok && result.error.details?.map((d) => d.message)).toEqual([...expected, treeError]);
    expect(await invoke('frameworks.list', {})).toEqual({ ok: true, value: [] });
  });

  it('reads and writes 由业务数据触发 (issue 11 §4): the trigger in 方法参数, 录入方式 业务数据触发 or empty; export, import, the same tree', async () => {
    const { invoke, ctx } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'trigger.xlsx');
    const rows: Cells[] = SMALL_FRAMEWORK.map((row) => [...row, ...Array<null>(8 - row.length).fill(null), null]);
    const set = (code: string, params: string, entry: string | null) => {
      const row = rows.find((r) => r[0] === code)!;
      row[5] = params;
      row[8] = entry;
    };
    set('1.1', '每次2，触发2.1<90%', '业务数据触发');
    set('4', '最高等次一般,触发2.1低于100%', null);
    await writeFrameworkWorkbook(file, rows, { header: HEADERS });
    const imported = await invoke('frameworks.import', { path: file, name: '数据触发' });
    if (!imported.ok) throw new Error(imported.error.message);
    const method = (id: number, code: string) => getIndicators(ctx.db, id).find((i) => i.code === code)!.method;
    expect(method(imported.value.id, '1.1')).toEqual({ kind: 'deduction', perOccurrence: 2, trigger: { source: '2.1', below: 0.9 } });
    expect(method(imported.value.id, '4')).toEqual({ kind: 'veto', capGrade: '一般', trigger: { source: '2.1', below: 1 } });

    const out = path.join(dir, 'out.xlsx');
    await invoke('frameworks.export', { id: imported.value.id, path: out });
    const sheet = (await readBook(out)).getWorksheet('指标体系')!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const col = (name: string) => header.findIndex((h) => h.replace('*', '') === name);
    const rowOf = (code: string) => SMALL_FRAMEWORK.findIndex((r) => r[0] === code) + 2;
    const written = (code: string) => [sheet.getCell(rowOf(code), col('方法参数')).value, sheet.getCell(rowOf(code), col('录入方式')).value];
    expect(written('1.1')).toEqual(['每次2,触发2.1<90%', '业务数据触发']);
    expect(written('4')).toEqual(['最高等次一般,触发2.1<100%', '业务数据触发']);
    expect(written('1.2')).toEqual(['好=1,较好=0.8,一般=0.6,差=0', '评委评分']);
    const again = await invoke('frameworks.import', { path: out });
    if (!again.ok) throw new Error(again.error.message);
    expect(toDrafts(getIndicators(ctx.db, again.value.id))).toEqual(toDrafts(getIndicators(ctx.db, imported.value.id)));
  });

  it('refuses a person’s 录入方式 with a trigger, 业务数据触发 without one, and a trigger it cannot read, naming row and column', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-trigger.xlsx');
    await writeFrameworkWorkbook(
      file,
      [
        ['1', '党的建设', '党建', 40, null, null, null, null, null], // 2
        ['1.1', '三会一课', '党建', 20, '扣分', '每次0.5,触发2.1<90%', null, null, '考核组核定'], // 3: a person and a trigger
        ['1.2', '思想政治工作', '党建', 20, '等次', null, null, null, '业务数据触发'], // 4: a level cannot be triggered
        ['2', '生产经营', '业务', 60, null, null, null, null, null], // 5
        ['2.1', '产量完成率', '业务', 40, '定量', '越高越好,零分线0.8', null, null, null], // 6
        ['2.2', '安全生产', '融合', 20, '扣分', '每次1', null, null, '业务数据触发'], // 7: no trigger written
        ['3', '重大事故', '业务', 0, '一票否决', '触发产量<100%', null, null, null], // 8: the source is not a code
      ],
      { header: HEADERS },
    );
    const preview = await invoke('frameworks.previewImport', { path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => e.message)).toEqual([
      '第 3 行，I 列（录入方式）：方法参数中写了触发条件，本项由业务数据触发，录入方式不能是“考核组核定”：请填“业务数据触发”或留空，或删去 F 列中的触发条件',
      '第 4 行，I 列（录入方式）：录入方式“业务数据触发”只用于由业务数据触发的扣分或一票否决指标：请在 F 列末尾写触发条件（如“触发4.1.1<100%”），或改填评委评分、考核组核定',
      '第 7 行，I 列（录入方式）：录入方式“业务数据触发”只用于由业务数据触发的扣分或一票否决指标：请在 F 列末尾写触发条件（如“触发4.1.1<100%”），或改填评委评分、考核组核定',
      `第 8 行，F 列（方法参数）：无法识别触发条件“触发产量<100%”；${METHOD_PARAM_HINTS.veto}；${METHOD_TRIGGER_HINT}`,
    ]);
  });

  it('reads and writes 扣分池 and 加分上限 on 分部: import, export, the same tree again', async () => {
    const { invoke, ctx } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'pools.xlsx');
    await writeFrameworkWorkbook(
      file,
      [
        // “本部分（基础工作）共20分，按下列细则扣分，扣完为止”
        optionRow('1', '基础工作', '党建', 20, null, null, '是'),
        optionRow('1.1', '组织生活缺次', '党建', 0, '扣分', '每次5'),
        optionRow('1.2', '台账不全', '党建', 0, '扣分', '每次2'),
        optionRow('2', '生产经营', '业务', 80, null, null, '否'), // 否 = not a pool, as empty
        optionRow('2.1', '产量', '业务', 80, '打分', '步长1'),
        // “本部分加分最多不超过5分”
        optionRow('3', '上级表彰', '融合', 6, null, null, null, '5分'),
        optionRow('3.1', '国家级', '融合', 3, '加分', '每项3'),
        optionRow('3.2', '省级', '融合', 2, '加分', '每项2'),
        optionRow('3.3', '市级', '融合', 1, '加分', '每项1'),
      ],
      { header: HEADERS },
    );
    const imported = ok(await invoke('frameworks.import', { path: file, name: '考核细则' }));
    expect(imported.warnings).toEqual([]);
    const options = (id: number) => getIndicators(ctx.db, id).filter((i) => i.options).map((i) => [i.code, i.options]);
    expect(options(imported.id)).toEqual([
      ['1', { pool: true, bonusCap: null }],
      ['3', { pool: false, bonusCap: 5 }],
    ]);
    expect(ok(await invoke('frameworks.get', { id: imported.id })).issues).toEqual([]);

    const out = path.join(dir, 'out.xlsx');
    ok(await invoke('frameworks.export', { id: imported.id, path: out }));
    const sheet = (await readBook(out)).getWorksheet('指标体系')!;
    expect([10, 11].map((c) => sheet.getRow(1).getCell(c).value)).toEqual(['扣分池', '加分上限']);
    const written = Array.from({ length: 9 }, (_, i) => [sheet.getCell(i + 2, 1).value, sheet.getCell(i + 2, 10).value, sheet.getCell(i + 2, 11).value]);
    expect(written.filter(([, pool, cap]) => pool !== null || cap !== null)).toEqual([
      ['1', '是', null],
      ['3', null, 5],
    ]);
    const again = ok(await invoke('frameworks.import', { path: out }));
    expect(toDrafts(getIndicators(ctx.db, again.id))).toEqual(toDrafts(getIndicators(ctx.db, imported.id)));
    expect(options(again.id)).toEqual(options(imported.id));
  });

  it('refuses 扣分池 or 加分上限 on a leaf or written wrong, naming row, column and why, with the pool’s own rules in the same round', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-pools.xlsx');
    await writeFrameworkWorkbook(
      file,
      [
        optionRow('1', '基础工作', '党建', 20, null, null, '是'), // 2
        optionRow('1.1', '组织生活缺次', '党建', 0, '扣分', '每次5'), // 3
        optionRow('1.2', '台账不全', '党建', 2, '扣分', '每次1'), // 4: a pool's child with points of its own
        optionRow('2', '生产经营', '业务', 80, null, null, '可以', '五分'), // 5: neither 是 nor 否; not a number
        optionRow('2.1', '产量', '业务', 80, '打分', '步长1', '是', 3), // 6: a leaf
        optionRow('3', '上级表彰', '融合', 3, null, null, null, -1), // 7: below 0
        optionRow('3.1', '国家级', '融合', 3, '加分', '每项3'), // 8
      ],
      { header: HEADERS },
    );
    const expected = [
      '第 5 行，J 列（扣分池）：扣分池应填“是”或“否”（留空即否），现为“可以”',
      '第 5 行，K 列（加分上限）：加分上限应为数字，现为“五分”（留空即不设）',
      '第 6 行，J 列（扣分池）：“2.1”下面没有下级指标：只有分部（有下级指标的指标）才能设为扣分池；请清空本格或填“否”',
      '第 6 行，K 列（加分上限）：“2.1”下面没有下级指标：只有分部（有下级指标的指标）才能设加分上限（末级加分项的上限就是它的分值）；请清空本格',
      '第 7 行，K 列（加分上限）：加分上限应在 0 到 1000 之间，现为 -1',
    ];
    const poolChild = '第 4 行：1.2 台账不全：属于扣分池“1 基础工作”，本身不计分，分值应为 0（扣分从扣分池的 20 分中扣除）';
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(expected);
    expect(preview.errors[2]).toMatchObject({ row: 6, column: 'J' });
    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: `“bad-pools.xlsx”中有 ${expected.length + 1} 处错误，未导入任何数据` } });
    expect(!result.ok && result.error.details?.map((d) => d.message)).toEqual([...expected, poolChild]);
    expect(await invoke('frameworks.list', {})).toEqual({ ok: true, value: [] });
  });

  it('reports a bad cell and the tree’s errors at once: fixing the cells reveals nothing new (issue 11 §9)', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'both.xlsx');
    await writeFrameworkWorkbook(file, [
      ['1', '政治建设', '党建', 10, null, null], // 2: its children add up to 9
      ['1.1', '理论学习', '生产', 4, '打分', null], // 3: unknown category (the sum does not depend on it)
      ['1.2', '组织生活', '党建', 5, '打分', null], // 4
      ['2', '生产经营', '业务', 90, '打分', null], // 5
      ['3', '', '业务', 0, '一票否决', null], // 6: no name
    ]);
    const cells = ['第 3 行，C 列（类别）：类别应为“党建”“业务”或“融合”，现为“生产”', '第 6 行，B 列（指标名称）：指标名称不能为空'];
    const sum = '第 2 行：1 政治建设：下级指标分值合计 9 分，与本指标的 10 分不一致';
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(cells);
    expect(preview.issues).toMatchObject([{ row: 2, code: '1', severity: 'error' }]);
    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: '“both.xlsx”中有 3 处错误，未导入任何数据' } });
    if (result.ok) return;
    expect(result.error.details?.map((d) => d.message)).toEqual([...cells, sum]);
    expect(result.error.details?.[2]).toEqual({ row: 2, message: sum });
  });

  it('refuses to export a framework that does not exist', async () => {
    const { invoke } = tempServices();
    expect(await invoke('frameworks.export', { id: 42, path: path.join(tempDir(), 'x.xlsx') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

/** The 细则 sheet's header, as the template writes it. */
const RULE_HEADERS = ['指标编码*', '序号', '细则内容*', '计分方式', '分值*', '最多扣（加）分'];

/** A framework workbook with the whole 指标体系 header and, unless `rules` is null, a 细则 sheet. */
async function writeRulesWorkbook(file: string, rows: Cells[], rules: Cells[] | null, ruleHeader: string[] = RULE_HEADERS) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('指标体系');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  if (rules) {
    const ruleSheet = wb.addWorksheet('细则');
    ruleSheet.addRow(ruleHeader);
    for (const row of rules) ruleSheet.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

/** A 指标体系 row: the first six columns, then 录入方式 (I). */
const leafRow = (code: string, name: string, tag: string, points: number, method: string | null, params: string | null, entry: string | null = null): Cells =>
  [code, name, tag, points, method, params, null, null, entry];

/** The scheme's own words (issue 11 §1), one 细则 leaf of each kind: deduct, deduct without floor, add. */
const RULES_FRAMEWORK: Cells[] = [
  leafRow('1', '党的建设', '党建', 40, null, null),
  leafRow('1.1', '三会一课', '党建', 20, '扣分', '每次0.5'),
  leafRow('1.2', '基础台账', '党建', 10, '细则', '扣分', '考核组核定'),
  leafRow('1.3', '班子建设', '党建', 10, '细则', '扣分，不设下限'),
  leafRow('2', '生产经营', '业务', 60, '打分', '步长1'),
  leafRow('3', '创新创效', '融合', 5, '细则', '加分'),
];
const RULES_SHEET: Cells[] = [
  // “未建立台账扣2分；台账不完整的每项扣0.5分，最多扣2分；组织生活会质量不高的扣1—2分；每发现一处问题扣0.5—1分”
  ['1.2', 1, '未建立台账', '一次', 2, null],
  ['1.2', 2, '台账不完整', '每次', '0.5', '2'],
  ['1.3', 1, '班子不团结', null, '3分', null], // 计分方式 empty = 一次
  ['1.2', 3, '组织生活会质量不高', '一次', '1—2', null],
  ['3', 1, '获上级表彰', '每项', '1~2', '最多加4分'],
  ['1.2', 4, '发现问题', '每次', '0.5-1', null],
];
const rule = (text: string, basis: 'once' | 'each', min: number, max: number, cap: number | null = null) => ({ text, basis, min, max, cap });

describe('framework workbook: 细则 (issue 11 §1)', () => {
  it('writes a 细则 sheet in the template, and explains it with the scheme’s own examples', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 't.xlsx');
    ok(await invoke('frameworks.writeTemplate', { path: file }));
    const wb = await readBook(file);
    const sheet = wb.getWorksheet('细则')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(RULE_HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).numFmt).toBe('@');
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"一次,每次"'] });
    expect(sheet.getCell('F999').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1000] });
    const text = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const header of RULE_HEADERS) expect(text).toContain(header.replace('*', ''));
    for (const words of ['“扣分”“加分”或“扣分,不设下限”', '未建立台账扣2分；台账不完整的每项扣0.5分，最多扣2分；组织生活会质量不高的扣1—2分；每发现一处问题扣0.5—1分', '台账不完整 | 每次 | 0.5 | 最多扣 2', '组织生活会质量不高 | 一次 | 1-2', '没有“细则”表的旧表格照常导入']) {
      expect(text).toContain(words);
    }
  });

  it('imports each 细则 leaf’s rules from the 细则 sheet, in the order of its rows, and round-trips them exactly', async () => {
    const { invoke, ctx } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'rules.xlsx');
    await writeRulesWorkbook(file, RULES_FRAMEWORK, RULES_SHEET);
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors).toEqual([]);
    expect(preview.issues).toEqual([]);
    const imported = ok(await invoke('frameworks.import', { path: file, name: '细则' }));
    expect(imported.warnings).toEqual([]);
    const methodOf = (id: number, code: string) => getIndicators(ctx.db, id).find((i) => i.code === code)!.method;
    expect(methodOf(imported.id, '1.2')).toEqual({
      kind: 'rules',
      effect: 'deduct',
      floorAtZero: true,
      rules: [rule('未建立台账', 'once', 2, 2), rule('台账不完整', 'each', 0.5, 0.5, 2), rule('组织生活会质量不高', 'once', 1, 2), rule('发现问题', 'each', 0.5, 1)],
    });
    expect(methodOf(imported.id, '1.3')).toEqual({ kind: 'rules', effect: 'deduct', floorAtZero: false, rules: [rule('班子不团结', 'once', 3, 3)] });
    expect(methodOf(imported.id, '3')).toEqual({ kind: 'rules', effect: 'add', floorAtZero: true, rules: [rule('获上级表彰', 'each', 1, 2, 4)] });

    const out = path.join(dir, 'out.xlsx');
    ok(await invoke('frameworks.export', { id: imported.id, path: out }));
    const wb = await readBook(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指标体系', '细则', '等次', '填写说明', '框架信息']);
    const data = wb.getWorksheet('指标体系')!;
    const leaf = (r: number) => [5, 6, 9].map((c) => data.getCell(r, c).value);
    expect([leaf(4), leaf(5), leaf(7)]).toEqual([
      ['细则', '扣分', '考核组核定'], // 细则 are always the office's
      ['细则', '扣分,不设下限', '考核组核定'],
      ['细则', '加分', '考核组核定'],
    ]);
    const written = wb.getWorksheet('细则')!;
    const rows = Array.from({ length: written.rowCount }, (_, i) => RULE_HEADERS.map((_h, c) => written.getCell(i + 1, c + 1).value ?? null));
    // Leaves in tree order, each leaf's rules in their order, numbered; a fixed amount as a number, a range as text.
    expect(rows).toEqual([
      RULE_HEADERS,
      ['1.2', 1, '未建立台账', '一次', 2, null],
      ['1.2', 2, '台账不完整', '每次', 0.5, 2],
      ['1.2', 3, '组织生活会质量不高', '一次', '1-2', null],
      ['1.2', 4, '发现问题', '每次', '0.5-1', null],
      ['1.3', 1, '班子不团结', '一次', 3, null],
      ['3', 1, '获上级表彰', '每次', '1-2', 4],
    ]);
    expect(written.getCell('A2').numFmt).toBe('@');

    const again = ok(await invoke('frameworks.import', { path: out }));
    expect(toDrafts(getIndicators(ctx.db, again.id))).toEqual(toDrafts(getIndicators(ctx.db, imported.id)));
  });

  it('reads a workbook without a 细则 sheet (made before 细则 existed) — unless it has a 细则 leaf', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const old = path.join(dir, 'old.xlsx');
    await writeRulesWorkbook(old, SMALL_FRAMEWORK, null);
    expect(ok(await invoke('frameworks.import', { path: old })).indicatorCount).toBe(8);
    const missing = path.join(dir, 'missing.xlsx');
    await writeRulesWorkbook(missing, RULES_FRAMEWORK, null);
    const result = await invoke('frameworks.import', { path: missing });
    const why = '评分方法为“细则”，但文件中没有“细则”表：请使用导入模板，在“细则”表中逐条填写（每条一行），或改选其他评分方法';
    expect(!result.ok && result.error.details).toEqual([
      { row: 4, column: 'E', message: `第 4 行，E 列（评分方法）：${why}` },
      { row: 5, column: 'E', message: `第 5 行，E 列（评分方法）：${why}` },
      { row: 7, column: 'E', message: `第 7 行，E 列（评分方法）：${why}` },
    ]);
    const noHeader = path.join(dir, 'noheader.xlsx');
    await writeRulesWorkbook(noHeader, RULES_FRAMEWORK, RULES_SHEET, ['指标编码', '细则', '计分方式', '分值']);
    expect(await invoke('frameworks.import', { path: noHeader })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“noheader.xlsx”的“细则”表第 1 行缺少“细则内容”列，请使用导入模板' },
    });
  });

  it('reports every bad 细则 cell with sheet, row, column and why, together with the 指标体系 sheet’s cells and the tree’s errors', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-rules.xlsx');
    await writeRulesWorkbook(
      file,
      [
        leafRow('1', '党的建设', '党建', 40, null, null), // 2
        leafRow('1.1', '三会一课', '生产', 20, '扣分', '每次0.5'), // 3: unknown category
        leafRow('1.2', '基础台账', '党建', 10, '细则', '扣分'), // 4: one rule above its 10 points (the tree's error)
        leafRow('1.3', '班子建设', '党建', 10, '细则', '扣分', '评委评分'), // 5: no rules; 评委评分 on 细则
        leafRow('2', '生产经营', '业务', 60, null, null), // 6: its children add up to 55
        leafRow('2.1', '安全生产', '业务', 30, '细则', '扣分'), // 7: bad rule rows only (its own checks wait)
        leafRow('2.2', '产量', '业务', 25, '打分', null), // 8
        leafRow('3', '创新创效', '融合', 5, '细则', '加分,扣完为止'), // 9: bad 方法参数
      ],
      [
        ['1.2', 1, '未建立台账', '一次', 12, null], // 2: sound, but above the leaf's 10 points
        ['1.2', 2, '台账不完整', '每次', '0.5', 2], // 3
        ['9.9', 1, '找不到的指标', '一次', 1, null], // 4: unknown code
        ['1.1', 1, '扣分项的细则', '一次', 1, null], // 5: not a 细则 leaf
        ['2.1', 1, '发生事故', '两次', '2-1', null], // 6: basis neither; range reversed
        ['2.1', 2, null, '每次', '两分', '很多'], // 7: no text; amount unreadable; cap not a number
        ['2.1', 3, '违章作业', '每次', 0, -1], // 8: amount not positive; cap negative
        [null, 4, '无编码', '一次', 1, null], // 9: no code
        ['2', 1, '分部', '一次', 1, null], // 10: a 分部 without a method
        ['2.1', 4, '重大隐患', '一次', 40, null], // 11: sound, above 2.1's 30 points — judged once 2.1's other rules are
      ],
    );
    const cells = [
      '第 3 行，C 列（类别）：类别应为“党建”“业务”或“融合”，现为“生产”',
      '第 5 行，E 列（评分方法）：评分方法为“细则”，但“细则”表中没有编码为“1.3”的细则：请在“细则”表中逐条填写（每条一行），或改选其他评分方法',
      '第 5 行，I 列（录入方式）：细则指标由考核组逐条核定，录入方式应为“考核组核定”或留空，现为“评委评分”',
      `第 9 行，F 列（方法参数）：加分的细则不用写“扣完为止”；${METHOD_PARAM_HINTS.rules}`,
      '细则表 第 4 行，A 列（指标编码）：指标体系表中没有编码为“9.9”的指标',
      '细则表 第 5 行，A 列（指标编码）：指标“1.1”（指标体系表第 3 行）的评分方法是“扣分”，不是“细则”：请把它的评分方法改为“细则”，或删除本行',
      '细则表 第 6 行，D 列（计分方式）：计分方式应为“一次”或“每次”，现为“两次”（留空即一次）',
      '细则表 第 6 行，E 列（分值）：区间下限 2 大于上限 1',
      '细则表 第 7 行，C 列（细则内容）：细则内容不能为空',
      '细则表 第 7 行，E 列（分值）：分值应为数字（如“2”）或区间（如“1-2”），现为“两分”',
      '细则表 第 7 行，F 列（最多扣（加）分）：最多扣（加）分应为大于 0 的数，现为“很多”（留空即不设）',
      '细则表 第 8 行，E 列（分值）：分值应大于 0，现为“0”',
      '细则表 第 8 行，F 列（最多扣（加）分）：最多扣（加）分应为大于 0 的数，现为“-1”（留空即不设）',
      '细则表 第 9 行，A 列（指标编码）：指标编码不能为空',
      '细则表 第 10 行，A 列（指标编码）：指标“2”（指标体系表第 6 行）没有填写评分方法：细则只能写给评分方法为“细则”的末级指标',
    ];
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(cells);
    expect(preview.errors[7]).toEqual({ row: 6, column: 'E', message: '细则表 第 6 行，E 列（分值）：区间下限 2 大于上限 1' });
    // The tree's checks in the same round: the sound 细则 leaf's rule, on its row of the 指标体系 sheet; 2's sum
    // (2.1's points are known although its rules are not); nothing on 2.1 itself until its rules are readable.
    const treeErrors = preview.issues.filter((i) => i.severity === 'error');
    expect(treeErrors.map((i) => [i.row, i.code])).toEqual([
      [4, '1.2'],
      [6, '2'],
    ]);
    expect(treeErrors[0]!.message).toMatch(/未建立台账.*12.*10/);
    expect(treeErrors[1]!.message).toBe('2 生产经营：下级指标分值合计 55 分，与本指标的 60 分不一致');
    expect(preview.rows.map((r) => r.code)).toEqual(['1', '1.2', '2', '2.2']);

    const result = await invoke('frameworks.import', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: `“bad-rules.xlsx”中有 ${cells.length + 2} 处错误，未导入任何数据` } });
    if (result.ok) return;
    expect(result.error.details?.map((d) => d.message)).toEqual([...cells, `第 4 行：${treeErrors[0]!.message}`, `第 6 行：${treeErrors[1]!.message}`]);
    expect(result.error.details?.[cells.length]).toMatchObject({ row: 4 });
    expect(await invoke('frameworks.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses more than 30 rules for one leaf, naming the first row too many', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'many.xlsx');
    const many = Array.from({ length: 31 }, (_, i): Cells => ['1', i + 1, `第${i + 1}条`, '一次', 1, null]);
    await writeRulesWorkbook(file, [leafRow('1', '基础工作', '党建', 100, '细则', null)], many);
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(['细则表 第 32 行，A 列（指标编码）：指标“1”最多 30 条细则，这是第 31 条']);
  });
});

/** A framework workbook with the 等次 sheet (issue 11 §8) holding `grades` (null: no such sheet). */
async function writeGradesWorkbook(file: string, rows: Cells[], grades: Cells[] | null, header = ['等次*', '最低分', '名额上限']) {
  await writeFrameworkWorkbook(file, rows);
  if (grades === null) return;
  const wb = await readBook(file);
  const sheet = wb.addWorksheet('等次');
  sheet.addRow(header);
  for (const row of grades) sheet.addRow(row);
  await wb.xlsx.writeFile(file);
}

describe('framework workbook: 等次 (issue 11 §8)', () => {
  it('writes a 等次 sheet in the template with the app’s defaults as the example, and explains it', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 't.xlsx');
    ok(await invoke('frameworks.writeTemplate', { path: file }));
    const wb = await readBook(file);
    const sheet = wb.getWorksheet('等次')!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => [1, 2, 3].map((c) => sheet.getCell(i + 1, c).value ?? null));
    expect(rows).toEqual([
      ['等次*', '最低分', '名额上限'],
      ['优秀', 90, 0.2],
      ['良好', 80, null],
      ['一般', 60, null],
      ['较差', 0, null],
    ]);
    expect(sheet.getCell('C2').numFmt).toBe('0%');
    expect(sheet.getCell('C9').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1] });
    const text = wb.getWorksheet('填写说明')!.getColumn(1).values.filter((v) => typeof v === 'string').join('\n');
    for (const words of ['“等次”表', '最低分', '名额上限', '“20%”或“0.2”', '留空即不限名额', '90分以上为好', '好 | 90 | 20%']) expect(text).toContain(words);
  });

  it('round-trips a scheme: export writes it, import gives the same scheme back; none stays none', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const fw = ok(await invoke('frameworks.create', { name: '达标考评', source: { kind: 'template' } }));
    const scheme = {
      grades: [
        { label: '达标', min: 85 },
        { label: '基本达标', min: 70.5 },
        { label: '不达标', min: 0 },
      ],
      quotas: [
        { label: '达标', maxShare: 0.125 },
        { label: '基本达标', maxShare: 0.333 },
      ],
    };
    ok(await invoke('frameworks.updateMeta', { id: fw.id, name: '达标考评', description: '', gradeScheme: scheme }));
    const out = path.join(dir, 'out.xlsx');
    ok(await invoke('frameworks.export', { id: fw.id, path: out }));
    const sheet = (await readBook(out)).getWorksheet('等次')!;
    expect([2, 3, 4].map((r) => [1, 2, 3].map((c) => sheet.getCell(r, c).value ?? null))).toEqual([
      ['达标', 85, 0.125],
      ['基本达标', 70.5, 0.333],
      ['不达标', 0, null],
    ]);
    expect([sheet.getCell('C2').numFmt, sheet.getCell('C3').numFmt]).toEqual(['0.0#%', '0.0#%']);
    const preview = ok(await invoke('frameworks.previewImport', { path: out }));
    expect(preview.errors).toEqual([]);
    expect(preview.gradeScheme).toEqual(scheme);
    const again = ok(await invoke('frameworks.import', { path: out }));
    expect(ok(await invoke('frameworks.get', { id: again.id })).gradeScheme).toEqual(scheme);

    // A framework on the app's defaults: an empty 等次 sheet, read back as no scheme.
    const plain = ok(await invoke('frameworks.create', { name: '默认', source: { kind: 'template' } }));
    const plainOut = path.join(dir, 'plain.xlsx');
    ok(await invoke('frameworks.export', { id: plain.id, path: plainOut }));
    expect((await readBook(plainOut)).getWorksheet('等次')!.rowCount).toBe(1);
    const plainAgain = ok(await invoke('frameworks.import', { path: plainOut }));
    expect(ok(await invoke('frameworks.get', { id: plainAgain.id })).gradeScheme).toBeNull();
  });

  it('reads grades as schemes write them: 20%, 0.2, “不超过20%”, 90分, an empty last 最低分; no sheet = no scheme', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'g.xlsx');
    await writeGradesWorkbook(file, SMALL_FRAMEWORK, [
      ['好', '90分', '不超过20%'],
      ['较好', 80, 0.3],
      [null, null, null],
      ['一般', '60', null],
      ['差', null, null],
    ]);
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors).toEqual([]);
    expect(preview.gradeScheme).toEqual({
      grades: [
        { label: '好', min: 90 },
        { label: '较好', min: 80 },
        { label: '一般', min: 60 },
        { label: '差', min: 0 },
      ],
      quotas: [
        { label: '好', maxShare: 0.2 },
        { label: '较好', maxShare: 0.3 },
      ],
    });
    const none = path.join(dir, 'none.xlsx');
    await writeGradesWorkbook(none, SMALL_FRAMEWORK, null);
    const imported = ok(await invoke('frameworks.import', { path: none }));
    expect(ok(await invoke('frameworks.get', { id: imported.id })).gradeScheme).toBeNull();
  });

  it('reports every bad 等次 cell and every broken rule with sheet, row, column and why, with the other sheets’ errors in one round', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-grades.xlsx');
    const rows = SMALL_FRAMEWORK.map((r, i): Cells => (i === 1 ? [r[0]!, r[1]!, '生产', ...r.slice(3)] : r));
    await writeGradesWorkbook(file, rows, [
      ['好', 90, '20%'], // 2
      ['较好', 95, null], // 3: not below 好's 90
      ['好', 60, null], // 4: 好 again
      ['一般', '很多', '150%'], // 5: 最低分 not a number; quota above 100%
      [null, 50, null], // 6: no label
      ['差', null, '一成'], // 7: quota not a share; 最低分 empty, but not the last grade
      ['十分优秀的先进党支部等次', 10, null], // 8: label too long
    ]);
    const grades = [
      '等次表 第 3 行，B 列（最低分）：各等次的最低分应从上到下依次降低：应低于上一等次“好”的 90 分',
      '等次表 第 4 行，A 列（等次）：等次名称不能重复（与第 2 行相同）',
      '等次表 第 5 行，B 列（最低分）：最低分应为不小于 0 的数，现为“很多”',
      '等次表 第 5 行，C 列（名额上限）：名额上限不能超过 100%，现为“150%”（20% 请写“20%”或“0.2”）',
      '等次表 第 6 行，A 列（等次）：请填写等次名称',
      '等次表 第 7 行，B 列（最低分）：请填写最低分（只有最后一个等次可以留空）',
      '等次表 第 7 行，C 列（名额上限）：名额上限应为比例，如“20%”或“0.2”，现为“一成”（留空即不限名额）',
      '等次表 第 8 行，A 列（等次）：等次最多 10 个字，现有 12 个字',
    ];
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual(['第 3 行，C 列（类别）：类别应为“党建”“业务”或“融合”，现为“生产”', ...grades]);
    expect(preview.errors[1]).toEqual({ row: 3, column: 'B', message: grades[0] });
    expect(preview.gradeScheme).toBeNull();
    const result = await invoke('frameworks.import', { path: file });
    expect(!result.ok && result.error.details?.map((d) => d.message)).toEqual(preview.errors.map((e) => e.message));
    expect(await invoke('frameworks.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a scheme of one grade, more than 8 grades, and a sheet without its 最低分 column', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const one = path.join(dir, 'one.xlsx');
    await writeGradesWorkbook(one, SMALL_FRAMEWORK, [['合格', 60, null]]);
    expect(ok(await invoke('frameworks.previewImport', { path: one })).errors.map((e) => e.message)).toEqual(['等次表 第 2 行，A 列（等次）：至少要有两个等次']);
    const nine = path.join(dir, 'nine.xlsx');
    await writeGradesWorkbook(nine, SMALL_FRAMEWORK, Array.from({ length: 9 }, (_, i): Cells => [`第${i + 1}档`, 90 - i * 10, null]));
    expect(ok(await invoke('frameworks.previewImport', { path: nine })).errors.map((e) => e.message)).toEqual(['等次表 第 10 行，A 列（等次）：最多 8 个等次，这是第 9 个']);
    const noMin = path.join(dir, 'nomin.xlsx');
    await writeGradesWorkbook(noMin, SMALL_FRAMEWORK, [['好', 90, null]], ['等次', '分数线']);
    expect(await invoke('frameworks.previewImport', { path: noMin })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '文件“nomin.xlsx”的“等次”表第 1 行缺少“最低分”列，请使用导入模板' },
    });
  });
});

describe('framework workbook: 支部类别 and 适用类别 (issue 11 §7)', () => {
  const HEADER_WITH_APPLIES = [...FRAMEWORK_HEADER, '录入方式', '扣分池', '加分上限', '适用类别'];
  /** SMALL_FRAMEWORK with 适用类别 (column L) on the rows of the given codes. */
  const withApplies = (applies: Record<string, string>): Cells[] => SMALL_FRAMEWORK.map((r) => [...r, null, null, null, applies[String(r[0])] ?? null]);

  it('round-trips the 支部类别 row and each indicator’s 适用类别: export writes them, import gives the same framework back', async () => {
    const { invoke, ctx } = tempServices();
    const dir = tempDir();
    const file = path.join(dir, 'cat.xlsx');
    await writeFrameworkWorkbook(file, withApplies({ '2.1': '生产', '1.2': '机关，科研' }), {
      header: HEADER_WITH_APPLIES,
      info: [
        ['名称', '分类施策'],
        ['支部类别', '生产、机关 科研'],
      ],
    });
    const preview = ok(await invoke('frameworks.previewImport', { path: file }));
    expect(preview.errors).toEqual([]);
    expect(preview.categories).toEqual(['生产', '机关', '科研']);
    expect(preview.rows.find((r) => r.code === '2.1')?.appliesTo).toEqual(['生产']);
    const imported = ok(await invoke('frameworks.import', { path: file }));
    const fw = ok(await invoke('frameworks.get', { id: imported.id }));
    expect(fw.categories).toEqual(['生产', '机关', '科研']);
    expect(fw.indicators.filter((n) => n.appliesTo).map((n) => [n.code, n.appliesTo]).sort()).toEqual([
      ['1.2', ['机关', '科研']],
      ['2.1', ['生产']],
    ]);
    expect(fw.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const out = path.join(dir, 'out.xlsx');
    ok(await invoke('frameworks.export', { id: imported.id, path: out }));
    const book = await readBook(out);
    const sheet = book.getWorksheet('指标体系')!;
    expect(sheet.getCell('L1').value).toBe('适用类别');
    const appliesByCode = new Map<string, unknown>();
    sheet.eachRow((row, r) => {
      if (r > 1) appliesByCode.set(String(row.getCell(1).value), row.getCell(12).value ?? null);
    });
    expect([appliesByCode.get('1.2'), appliesByCode.get('2.1'), appliesByCode.get('2.2')]).toEqual(['机关、科研', '生产', null]);
    const info = book.getWorksheet('框架信息')!;
    const infoRows = new Map<string, unknown>();
    info.eachRow((row) => infoRows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(infoRows.get('支部类别')).toBe('生产、机关、科研');

    const again = ok(await invoke('frameworks.import', { path: out }));
    const back = ok(await invoke('frameworks.get', { id: again.id }));
    expect(back.categories).toEqual(fw.categories);
    expect(toDrafts(getIndicators(ctx.db, again.id))).toEqual(toDrafts(getIndicators(ctx.db, imported.id)));
  });

  it('reports an unknown 适用类别, a bad or surplus 支部类别 and a category nothing applies to, with the other errors in one round', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), 'bad-cat.xlsx');
    const rows = withApplies({ '1': '生产', '2': '生产', '3': '生产', '4': '生产', '2.2': '后勤' });
    rows[1]![3] = 'abc'; // row 3 (1.1): bad points, reported in the same round
    await writeFrameworkWorkbook(file, rows, {
      header: HEADER_WITH_APPLIES,
      info: [['支部类别', '生产、机关、一二三四五六七八九十一']],
    });
    const result = await invoke('frameworks.import', { path: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.error.details?.map((d) => d.message) ?? [];
    expect(messages).toContain('第 7 行，L 列（适用类别）：“后勤”不是本指标体系的支部类别（生产、机关）');
    expect(messages.some((m) => m.startsWith('第 3 行，D 列（分值）'))).toBe(true);
    expect(messages).toContain('框架信息表 第 1 行，B 列（支部类别）：“一二三四五六七八九十一”：支部类别最多 10 个字');

    // Every top-level item only for 生产: 机关 branches could earn nothing — an error of the framework as a whole,
    // judged when no cell bearing on the tree is wrong.
    const nothing = path.join(tempDir(), 'nothing.xlsx');
    await writeFrameworkWorkbook(nothing, withApplies({ '1': '生产', '2': '生产', '3': '生产', '4': '生产' }), {
      header: HEADER_WITH_APPLIES,
      info: [['支部类别', '生产、机关']],
    });
    const refused = await invoke('frameworks.import', { path: nothing });
    expect(!refused.ok && refused.error.details?.map((d) => d.message)).toEqual(['支部类别“机关”没有任何适用的基本分指标，该类别的支部无法得分']);

    const many = path.join(tempDir(), 'many.xlsx');
    await writeFrameworkWorkbook(many, SMALL_FRAMEWORK, { info: [['支部类别', Array.from({ length: 13 }, (_, i) => `类${i + 1}`).join('、')]] });
    const tooMany = await invoke('frameworks.import', { path: many });
    expect(!tooMany.ok && tooMany.error.details?.map((d) => d.message)).toEqual(['框架信息表 第 1 行，B 列（支部类别）：支部类别最多 12 个，现有 13 个']);
  });
});
