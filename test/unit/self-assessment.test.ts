import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { roundPoints } from '../../shared/engine';
import { periodSetup } from '../helpers/period-setup';
import { tempServices } from '../helpers/tmp';

async function fill(file: string, cells: [number, string, string | number | null][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('自评')!;
  for (const [row, col, value] of cells) sheet.getCell(`${col}${row}`).value = value;
  await wb.xlsx.writeFile(file);
}

describe('self-assessment: on screen', () => {
  it('gives every leaf the panel scores (not quantitative ones), saves entries checked like a rater’s, and audits them', async () => {
    const { invoke, periodId, hg1, leaf } = await periodSetup();
    const empty = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    if (!empty.ok) throw new Error(empty.error.message);
    expect(empty.value.items.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '2.3', '3', '4']);
    expect(empty.value.items.every((i) => i.value === null && i.points === null)).toBe(true);
    expect(empty.value).toMatchObject({ branch: { code: 'HG-01' }, editable: true, total: { base: 0, bonus: 0, assessed: 0, leaves: 6 } });

    const saved = await invoke('selfAssessment.save', {
      periodId,
      branchId: hg1,
      entries: [
        { indicatorId: leaf('1.1').id, value: 2, note: '两次支委会未按期召开' },
        { indicatorId: leaf('1.2').id, value: 1, note: '' }, // 较好
        { indicatorId: leaf('1.3').id, value: 9.5 },
        { indicatorId: leaf('3').id, value: 2, note: '获集团表彰；合理化建议被采纳' },
      ],
    });
    expect(saved).toEqual({ ok: true, value: { saved: 4, removed: 0, unchanged: 0 } });
    const view = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.items.map((i) => [i.code, i.value, i.points, i.note])).toEqual([
      ['1.1', 2, 19, '两次支委会未按期召开'],
      ['1.2', 1, 8, ''],
      ['1.3', 9.5, 9.5, ''],
      ['2.3', null, null, ''],
      ['3', 2, 2, '获集团表彰；合理化建议被采纳'],
      ['4', null, null, ''],
    ]);
    expect(view.value.total).toEqual({ base: 36.5, bonus: 2, assessed: 4, leaves: 6 });

    await invoke('selfAssessment.save', { periodId, branchId: hg1, entries: [{ indicatorId: leaf('1.3').id, value: null }, { indicatorId: leaf('1.2').id, value: 1 }] });
    const log = await invoke('audit.list', { periodId, entity: 'self' });
    expect(log.ok && log.value.rows.slice(0, 2).map((r) => [r.actor, r.action, r.branchId, r.indicatorId, r.old, r.new])).toEqual([
      ['管理员', '删除自评', hg1, leaf('1.3').id, { value: 9.5, note: '' }, null],
      ['管理员', '自评', hg1, leaf('3').id, null, { value: 2, note: '获集团表彰；合理化建议被采纳' }],
    ]);
    expect(log.ok && log.value.total).toBe(5);
  });

  it('refuses bad entries, a quantitative leaf and a branch outside the period, saving nothing', async () => {
    const { invoke, periodId, hg1, gd1, leaf } = await periodSetup();
    const r = await invoke('selfAssessment.save', {
      periodId,
      branchId: hg1,
      entries: [
        { indicatorId: leaf('1.3').id, value: 8 },
        { indicatorId: leaf('1.3').id, value: 10.3 },
        { indicatorId: leaf('1.2').id, value: 7 },
        { indicatorId: leaf('2.1').id, value: 20 },
        { indicatorId: leaf('4').id, value: 2 },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: '有 4 条自评不符合要求，全部未保存' } });
    expect(!r.ok && r.error.details!.map((d) => d.message)).toEqual([
      '第 2 条：1.3 组织生活：同一指标出现了两次',
      '第 3 条：1.2 思想政治工作：请选择等次：好、较好、一般、差',
      `第 4 条：指标（编号 ${leaf('2.1').id}）不是本周期需要自评的末级指标（定量指标由业务数据计算）`,
      '第 5 条：4 重大事故：一票否决只能选“是”或“否”',
    ]);
    const view = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    expect(view.ok && view.value.total.assessed).toBe(0);
    expect(await invoke('selfAssessment.get', { periodId, branchId: gd1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invoke('selfAssessment.save', { periodId, branchId: gd1, entries: [] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('self-assessment: against the panel', () => {
  it('compares self points with the panel’s per leaf, largest gap first, with totals', async () => {
    const { invoke } = tempServices();
    const sample = await invoke('sample.create', { branches: 6, raters: 5, seed: 7 });
    if (!sample.ok) throw new Error(sample.error.message);
    const periodId = sample.value.period.id;
    const results = await invoke('results.get', { periodId });
    if (!results.ok) throw new Error(results.error.message);
    const branch = results.value.result.branches.find((b) => b.code === 'SL-002')!;
    const leaves = results.value.indicators.filter((i) => i.method && i.method.kind !== 'quantitative' && !results.value.indicators.some((c) => c.parentId === i.id));
    const rating = leaves.filter((l) => l.method!.kind === 'rating');
    const level = leaves.find((l) => l.method!.kind === 'level')!;
    const deduction = leaves.find((l) => l.method!.kind === 'deduction')!;
    // Full marks on two rating leaves, the lowest level on one, three deductions on another.
    const saved = await invoke('selfAssessment.save', {
      periodId,
      branchId: branch.branchId,
      entries: [
        { indicatorId: rating[0]!.id, value: rating[0]!.maxPoints },
        { indicatorId: rating[1]!.id, value: rating[1]!.maxPoints },
        { indicatorId: level.id, value: 3 },
        { indicatorId: deduction.id, value: 3, note: '三次未按期召开' },
      ],
    });
    expect(saved.ok).toBe(true);

    const compare = await invoke('selfAssessment.compare', { periodId, branchId: branch.branchId });
    if (!compare.ok) throw new Error(compare.error.message);
    const { items, totals } = compare.value;
    expect(items).toHaveLength(leaves.length);
    const withGap = items.filter((i) => i.gap !== null);
    expect(withGap.map((i) => i.indicatorId).sort()).toEqual([rating[0]!.id, rating[1]!.id, level.id, deduction.id].sort());
    expect(items.slice(0, 4)).toEqual(withGap); // gaps first
    const abs = withGap.map((i) => Math.abs(i.gap!));
    expect(abs).toEqual([...abs].sort((a, b) => b - a));
    for (const item of withGap) {
      expect(item.panelPoints).toBe(branch.nodes[item.indicatorId]!.points);
      expect(item.gap).toBe(roundPoints(item.selfPoints! - item.panelPoints!));
    }
    const levelItem = items.find((i) => i.indicatorId === level.id)!;
    expect(levelItem).toMatchObject({ selfValue: 3, selfText: '差', selfPoints: 0, method: 'level' });
    expect(items.find((i) => i.indicatorId === deduction.id)).toMatchObject({
      selfText: '扣 3 次',
      selfPoints: roundPoints(Math.max(0, deduction.maxPoints - 3 * (deduction.method as { perOccurrence: number }).perOccurrence)),
    });
    expect(items.slice(4).every((i) => i.selfPoints === null && i.gap === null)).toBe(true);
    const self = roundPoints(withGap.reduce((s, i) => s + i.selfPoints!, 0));
    const panel = roundPoints(withGap.reduce((s, i) => s + i.panelPoints!, 0));
    expect(totals).toMatchObject({ self, panelSameLeaves: panel, gap: roundPoints(self - panel), selfBonus: 0, panelBase: branch.base, panelTotal: branch.total, assessed: 4, leaves: leaves.length });
  });

  it('is refused while the period is scoring: results are hidden', async () => {
    const { invoke, periodId, hg1 } = await periodSetup();
    expect(await invoke('selfAssessment.compare', { periodId, branchId: hg1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('为保证各评委独立打分') },
    });
  });
});

describe('self-assessment: the workbook', () => {
  it('writes one row per branch × leaf with what to type, drop-down lists, and what is stored', async () => {
    const { invoke, periodId, hg2, leaf, dir } = await periodSetup();
    await invoke('selfAssessment.save', { periodId, branchId: hg2, entries: [{ indicatorId: leaf('1.2').id, value: 2, note: '学习计划落实一般' }] });
    const file = path.join(dir, '自评.xlsx');
    expect(await invoke('selfAssessment.writeTemplate', { periodId, path: file })).toEqual({ ok: true, value: { path: file, rows: 12 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['自评', '填写说明']);
    const sheet = wb.getWorksheet('自评')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['支部编码*', '支部名称', '指标编码*', '指标名称', '满分', '评分方法', '自评*', '说明']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = Array.from({ length: 12 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows.slice(0, 6)).toEqual([
      ['HG-01', '化工一厂第一党支部', '1.1', '三会一课', 20, '扣分（填次数，每次扣 0.5 分）'],
      ['HG-01', '化工一厂第一党支部', '1.2', '思想政治工作', 10, '等次（填好/较好/一般/差）'],
      ['HG-01', '化工一厂第一党支部', '1.3', '组织生活', 10, '打分（0–10 分，步长 0.5）'],
      ['HG-01', '化工一厂第一党支部', '2.3', '安全生产', 20, '打分（0–20 分，步长 0.5）'],
      ['HG-01', '化工一厂第一党支部', '3', '加分项', 3, '加分（填项数，每项 1 分，最多 3 分）'],
      ['HG-01', '化工一厂第一党支部', '4', '重大事故', 0, '一票否决（填是/否）'],
    ]);
    expect(rows[7]).toEqual(['HG-02', '化工一厂第二党支部', '1.2', '思想政治工作', 10, '等次（填好/较好/一般/差）', '一般', '学习计划落实一般']);
    expect(sheet.getCell('G3').dataValidation).toMatchObject({ type: 'list', formulae: ['"好,较好,一般,差"'] });
    expect(sheet.getCell('G7').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(sheet.getCell('G4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 10] });
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ranges).size).toBe(ranges.length); // one range per run, none overlapping
    expect(ranges).toContain('G2:G2');
  });

  it('imports the filled workbook for every branch at once, audited as 导入（文件名）', async () => {
    const { invoke, periodId, hg1, hg2, dir } = await periodSetup();
    const file = path.join(dir, '自评.xlsx');
    await invoke('selfAssessment.writeTemplate', { periodId, path: file });
    await fill(file, [
      [2, 'G', 2],
      [2, 'H', '两次支委会未按期召开'],
      [3, 'G', '较好'],
      [4, 'G', '9.5分'],
      [7, 'G', '否'],
      [10, 'G', 8],
      [12, 'G', 1],
      [12, 'H', '获集团表彰'],
    ]);
    const preview = await invoke('selfAssessment.previewImport', { periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { skipped: 6, errors: [] } });
    expect(preview.ok && preview.value.rows.map((r) => [r.row, r.branchCode, r.indicatorCode, r.value, r.action])).toEqual([
      [2, 'HG-01', '1.1', 2, 'create'],
      [3, 'HG-01', '1.2', 1, 'create'],
      [4, 'HG-01', '1.3', 9.5, 'create'],
      [7, 'HG-01', '4', 0, 'create'],
      [10, 'HG-02', '1.3', 8, 'create'],
      [12, 'HG-02', '3', 1, 'create'],
    ]);
    expect(await invoke('selfAssessment.import', { periodId, path: file })).toEqual({ ok: true, value: { file: '自评.xlsx', saved: 6, unchanged: 0, skipped: 6 } });
    const one = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    expect(one.ok && one.value.items.map((i) => i.value)).toEqual([2, 1, 9.5, null, null, 0]);
    const two = await invoke('selfAssessment.get', { periodId, branchId: hg2 });
    expect(two.ok && two.value.items.map((i) => [i.value, i.note])).toEqual([[null, ''], [null, ''], [8, ''], [null, ''], [1, '获集团表彰'], [null, '']]);
    const log = await invoke('audit.list', { periodId, entity: 'self' });
    expect(log.ok && [...new Set(log.value.rows.map((r) => `${r.actorKind}:${r.actor}`))]).toEqual(['import:导入（自评.xlsx）']);
    expect(log.ok && log.value.total).toBe(6);
  });

  it('refuses a file with bad rows, locating every bad cell, and writes nothing', async () => {
    const { invoke, periodId, hg1, dir } = await periodSetup();
    const file = path.join(dir, 'bad.xlsx');
    await invoke('selfAssessment.writeTemplate', { periodId, path: file });
    await fill(file, [
      [2, 'G', 1.5], // deduction: whole occurrences only
      [3, 'G', '很好'],
      [4, 'G', 8.3],
      [5, 'G', 21],
      [6, 'H', '只写了说明'],
      [7, 'G', '可能'],
      [8, 'G', 3], // fine, but nothing is imported
      [14, 'A', 'HG-01'],
      [14, 'C', '2.1'],
      [14, 'G', 20],
      [15, 'A', 'GD-01'],
      [15, 'C', '1.3'],
      [15, 'G', 5],
      [16, 'A', 'HG-02'],
      [16, 'C', '1.1'],
      [16, 'G', 0],
    ]);
    const r = await invoke('selfAssessment.import', { periodId, path: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('“bad.xlsx”中有 9 处错误，未导入任何数据');
    expect(r.error.details!.map((d) => d.message)).toEqual([
      '第 2 行，G 列（自评）：扣分次数应为 0 或正整数',
      '第 3 行，G 列（自评）：请填写等次：好、较好、一般、差（现为“很好”）',
      '第 4 行，G 列（自评）：分值应为 0.5 的整数倍（0 到 10）',
      '第 5 行，G 列（自评）：分值应在 0 到 20 之间',
      '第 6 行，G 列（自评）：自评不能为空（本行填写了说明）',
      '第 7 行，G 列（自评）：一票否决请填“是”或“否”，现为“可能”',
      '第 14 行，C 列（指标编码）：“2.1 产量完成率”是定量指标，由业务数据计算，不需要自评',
      '第 15 行，A 列（支部编码）：党支部“GD-01 供电公司变电运维党支部”不在本周期的考核范围内',
      '第 16 行，C 列（指标编码）：“HG-02”的指标“1.1”在第 8 行已出现过',
    ]);
    const view = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    expect(view.ok && view.value.total.assessed).toBe(0);
    const log = await invoke('audit.list', { periodId, entity: 'self' });
    expect(log.ok && log.value.total).toBe(0);
  });

  it('a finalised period refuses self-assessment: in the service and in the database itself', async () => {
    const { services, invoke, periodId, hg1, leaf, dir } = await periodSetup();
    const file = path.join(dir, '自评.xlsx');
    await invoke('selfAssessment.writeTemplate', { periodId, path: file });
    await fill(file, [[4, 'G', 8]]);
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' });
    expect(await invoke('selfAssessment.import', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已定稿') } });
    expect(await invoke('selfAssessment.save', { periodId, branchId: hg1, entries: [{ indicatorId: leaf('1.3').id, value: 8 }] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const view = await invoke('selfAssessment.get', { periodId, branchId: hg1 });
    expect(view).toMatchObject({ ok: true, value: { editable: false, lockedReason: '本周期已定稿，自评不能再修改' } });
    expect(() =>
      services.ctx.db
        .prepare("INSERT INTO self_assessment (period_id, branch_id, indicator_id, value, updated_at) VALUES (?, ?, ?, 1, 'x')")
        .run(periodId, hg1, leaf('1.3').id),
    ).toThrow(/period_finalised/);
  });
});
