/**
 * 分工评分 on the rater's surfaces (issue 11 §6): a rater scores only the leaves assigned to them — their group's
 * scope ∩ their own. On PERIOD_FRAMEWORK the group 考评组 is set to “1 党的建设” and “2.3 安全生产”, and 王建国 to
 * “2 生产经营”: he scores 2.3 only; 李敏 (recused from HG-02) scores 1.1, 1.2, 1.3 and 2.3 — not 3 加分项 nor 4 否决.
 * Real SQLite through the services; the scopes are set in the database directly (the storage is migration 16's).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRows } from '../../renderer/src/pages/scoring/model';
import { branchProgress } from '../../electron/services/meeting-result';
import { docxText } from '../helpers/docx-text';
import { fullSheet, periodSetup, type PeriodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';

async function assigned(): Promise<PeriodSetup> {
  const s = await periodSetup();
  s.db.prepare('UPDATE rater_group SET scope_json = ? WHERE period_id = ?').run(JSON.stringify(['1', '2.3']), s.periodId);
  s.db.prepare('UPDATE rater SET scope_json = ? WHERE id = ?').run(JSON.stringify(['2']), s.r1);
  return s;
}

const REFUSED = '王建国（考评组）只评 2 生产经营，指标 1.3 组织生活 不在其评分范围内';
const rowCodes = (indicators: Parameters<typeof buildRows>[0], ids?: number[]) => buildRows(indicators, ids).map((r) => (r.kind === 'leaf' ? r.leaf.code : `[${r.node.code}]`));

describe('the rater’s sheet', () => {
  it('holds only the assigned leaves, and the grid shows only those rows', async () => {
    const { invoke, periodId, r1, r2 } = await assigned();
    const mine = ok(await invoke('scoring.sheet', { periodId, raterId: r1 }));
    expect(rowCodes(mine.indicators, mine.assigned)).toEqual(['[2]', '2.3']);
    const hers = ok(await invoke('scoring.sheet', { periodId, raterId: r2 }));
    // The group's scope alone: dimension 1 whole, 2.3 under dimension 2 (2.1, 2.2 are business data: shown, not rated).
    expect(rowCodes(hers.indicators, hers.assigned)).toEqual(['[1]', '1.1', '1.2', '1.3', '[2]', '2.3']);
  });

  it('carries no assignment when nobody is limited: every row as before', async () => {
    const { invoke, periodId, r1 } = await periodSetup();
    const sheet = ok(await invoke('scoring.sheet', { periodId, raterId: r1 }));
    expect(sheet.assigned).toBeUndefined();
    expect(rowCodes(sheet.indicators, sheet.assigned)).toEqual(['[1]', '1.1', '1.2', '1.3', '[2]', '2.1', '2.2', '2.3', '3', '4']);
  });
});

describe('the write path', () => {
  it('refuses a value outside the rater’s assignment, the whole batch, naming rater, group, scope and indicator', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await assigned();
    const result = await invoke('entries.save', {
      periodId,
      entries: [
        { raterId: r1, branchId: hg1, indicatorId: leaf('2.3').id, value: 16 },
        { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (result.ok) return;
    expect(result.error.details?.map((d) => d.message)).toEqual([`第 2 条：${REFUSED}`]);
    expect(ok(await invoke('scoring.sheet', { periodId, raterId: r1 })).entries).toEqual([]);
  });

  it('is what a rater typing in their own sheet meets, and lets a value from before the assignment be cleared', async () => {
    const s = await periodSetup();
    const { invoke, periodId, hg1, r1, leaf, db } = s;
    ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] }));
    db.prepare('UPDATE rater SET scope_json = ? WHERE id = ?').run(JSON.stringify(['2']), r1);
    // Another rater, with no assignment, is not limited by his.
    expect(ok(await invoke('entries.save', { periodId, entries: [{ raterId: s.r2, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] }))).toMatchObject({ saved: 1 });
    ok(await invoke('session.signInRater', { periodId, raterId: r1 }));
    const refused = await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: hg1, indicatorId: leaf('1.3').id, value: 9 }] });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('王建国（考评组）只评 2 生产经营，指标 1.3 组织生活 不在其评分范围内');
    expect(ok(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: hg1, indicatorId: leaf('1.3').id, value: null }] }))).toMatchObject({ removed: 1 });
  });
});

describe('progress and readiness', () => {
  it('expects of each rater their assigned leaves × branches, and counts no value outside them', async () => {
    const s = await periodSetup();
    const { invoke, periodId, hg1, hg2, r1, r2, leaf, db } = s;
    // A value 王建国 gave 1.3 before he was limited to 2 生产经营: not counted as scored.
    ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] }));
    db.prepare('UPDATE rater_group SET scope_json = ? WHERE period_id = ?').run(JSON.stringify(['1', '2.3']), periodId);
    db.prepare('UPDATE rater SET scope_json = ? WHERE id = ?').run(JSON.stringify(['2']), r1);

    const before = ok(await invoke('scoring.progress', { periodId }));
    // 王建国: 2.3 on HG-01 and HG-02; 李敏: four leaves on HG-01 (recused from HG-02).
    expect(before.raters.map((r) => [r.name, r.scored, r.expected])).toEqual([['王建国', 0, 2], ['李敏', 0, 4]]);
    expect(before.branches.map((b) => [b.code, b.expected])).toEqual([['HG-01', 5], ['HG-02', 1]]);
    const readiness = ok(await invoke('periods.readiness', { periodId, step: 'review' }));
    expect(readiness.scores.map((m) => [m.raterName, m.branchCode, m.cells])).toEqual([
      ['王建国', 'HG-01', 1],
      ['王建国', 'HG-02', 1],
      ['李敏', 'HG-01', 4],
    ]);
    expect(branchProgress(db, periodId).get(hg1)).toMatchObject({ ratersDone: 0, ratersEligible: 2, cellsExpected: 5 });

    const r1Cells = [hg1, hg2].map((branchId) => ({ raterId: r1, branchId, indicatorId: leaf('2.3').id, value: 16 }));
    ok(await invoke('entries.save', { periodId, entries: [...r1Cells, ...fullSheet(s, r2, hg1, 4)] }));
    const after = ok(await invoke('scoring.progress', { periodId }));
    expect(after.raters.map((r) => [r.scored, r.expected])).toEqual([[2, 2], [4, 4]]);
    expect(after.scored).toBe(after.expected);
    // Business data (2.1, 2.2) is still missing; no score is.
    expect(ok(await invoke('periods.readiness', { periodId, step: 'review' }))).toMatchObject({ scores: [], missingCells: 0 });
    expect(branchProgress(db, periodId).get(hg1)).toMatchObject({ ratersDone: 2, cellsExpected: 5 });
  });
});

describe('the rater’s score workbook', () => {
  it('lists only the assigned leaves, says so, and refuses a value on a row outside them naming the cell', async () => {
    const { invoke, periodId, r1, dir } = await assigned();
    const file = path.join(dir, '王建国.xlsx');
    expect(ok(await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file }))).toMatchObject({ indicators: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    expect(sheet.getCell('A2').value).toBe('2.3');
    expect(sheet.getCell('A3').value).toBeNull();
    expect(JSON.stringify(wb.getWorksheet('填写说明')!.getSheetValues())).toContain('只评 2 生产经营');

    // A row for 1.3 left empty (say, from an older template) says nothing; with a value it is refused.
    sheet.getCell('E2').value = 16;
    sheet.getRow(3).values = ['1.3', '组织生活', 10, ''];
    await wb.xlsx.writeFile(file);
    expect(ok(await invoke('scores.previewImport', { periodId, path: file }))).toMatchObject({ errors: [], entries: [{ indicatorCode: '2.3', value: 16 }] });
    sheet.getCell('E3').value = 8;
    await wb.xlsx.writeFile(file);
    const preview = ok(await invoke('scores.previewImport', { periodId, path: file }));
    expect(preview.errors).toEqual([
      {
        row: 3,
        column: 'E',
        message: '第 3 行，E 列（HG-01 化工一厂第一党支部）：指标 1.3 组织生活 不在 王建国 的评分范围内（只评 2 生产经营），请删除此行或清空其分数',
      },
    ]);
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('the paper score sheets', () => {
  it('a rater’s sheet lists only the leaves assigned to them, and says what they score', async () => {
    const { invoke, periodId, r1, dir } = await assigned();
    const file = path.join(dir, '评分表.docx');
    ok(await invoke('documents.scoreSheet', { periodId, raterId: r1, filled: false, path: file }));
    const text = await docxText(file);
    expect(text).toContain('评分范围：只评 2 生产经营');
    expect(text).toContain('2.3安全生产');
    expect(text).not.toContain('1.3组织生活');
    expect(text).not.toContain('党的建设');
    // The instructions are those of his part: 打分 for 2.3, none for 扣分 (1.1) or 一票否决 (4).
    expect(text).toContain('打分项：');
    expect(text).not.toContain('扣分项：');
    expect(text).not.toContain('一票否决项：');
  });

  it('the filled sheet counts no leaf outside the assignment as 未评', async () => {
    const { invoke, periodId, r1, hg1, hg2, leaf, dir } = await assigned();
    ok(await invoke('entries.save', { periodId, entries: [hg1, hg2].map((branchId) => ({ raterId: r1, branchId, indicatorId: leaf('2.3').id, value: 16 })) }));
    const file = path.join(dir, '评分表-已录入.docx');
    ok(await invoke('documents.scoreSheet', { periodId, raterId: r1, filled: true, path: file }));
    const text = await docxText(file);
    expect(text).not.toContain('未评');
    expect(text).not.toContain('尚有');
    expect(text).toContain('本表评分项得分 16 分（满分 20 分）');
  });

  it('the branch’s review sheet marks a rater’s cells outside their assignment “—（分工）”', async () => {
    const { invoke, periodId, hg1, dir } = await assigned();
    const file = path.join(dir, 'HG-01.docx');
    ok(await invoke('documents.scoreSheet', { periodId, branchId: hg1, filled: false, path: file }));
    const text = await docxText(file);
    // 1.3: 王建国 doesn't score it, 李敏 does (a blank cell); 2.3: both blank; 3 加分项: neither.
    expect(text).toMatch(/1\.3组织生活打分10—（分工）2生产经营/);
    expect(text).toMatch(/2\.3安全生产打分20(?!—)/);
    expect(text).toMatch(/3加分项每项加1分3—（分工）—（分工）/);
    expect(text).toContain('该评委按分工不评此项，不计为漏评');
  });
});
