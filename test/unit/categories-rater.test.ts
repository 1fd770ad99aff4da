/**
 * 分类施策 on the rater's surfaces (issue 11 §7): a leaf that does not apply to a branch's 支部类别 is 不适用 —
 * not scored, never missing. On PERIOD_FRAMEWORK, HG-01 is a 机关 branch and dimension 2 生产经营 applies to 生产
 * only, so 2.1 and 2.2 (business data) and 2.3 安全生产 (rated) do not apply to HG-01; HG-02 has no category.
 * Real SQLite through the services; the categories are set in the database directly (the storage is migration 15's).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText } from '../helpers/docx-text';
import { fullSheet, periodSetup, type PeriodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';

async function categorised(): Promise<PeriodSetup> {
  const s = await periodSetup();
  s.db.prepare("UPDATE branch SET category = '机关' WHERE id = ?").run(s.hg1);
  s.db.prepare("UPDATE indicator SET applies_json = '[\"生产\"]' WHERE id = ?").run(s.leaf('2').id);
  return s;
}

const REFUSED = 'HG-01 是机关支部，指标 2.3 安全生产 不适用，不评分';

describe('the write path refuses a value on a 不适用 cell', () => {
  it('refuses the whole batch, naming branch, category and indicator', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, r1, leaf } = s;
    const result = await invoke('entries.save', {
      periodId,
      entries: [
        { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 },
        { raterId: r1, branchId: hg1, indicatorId: leaf('2.3').id, value: 16 },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (result.ok) return;
    expect(result.error.details?.map((d) => d.message)).toEqual([`第 2 条：${REFUSED}`]);
    // All or nothing: the good entry of the batch was not stored either.
    expect(ok(await invoke('scoring.sheet', { periodId, raterId: r1 })).entries).toEqual([]);
  });

  it('takes the same leaf for a branch of no category, and lets a value left from before be cleared', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, hg2, r1, leaf, db } = s;
    ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg2, indicatorId: leaf('2.3').id, value: 16 }] }));
    // A value stored before HG-01 had its category: clearing it is allowed.
    db.prepare("UPDATE branch SET category = '' WHERE id = ?").run(hg1);
    ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('2.3').id, value: 10 }] }));
    db.prepare("UPDATE branch SET category = '机关' WHERE id = ?").run(hg1);
    expect(ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('2.3').id, value: null }] }))).toMatchObject({ removed: 1 });
  });

  it('is what a rater typing in their own sheet meets too', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, r1, leaf } = s;
    ok(await invoke('session.signInRater', { periodId, raterId: r1 }));
    const result = await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: hg1, indicatorId: leaf('2.3').id, value: 12 }] });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(REFUSED);
  });
});

describe('the rater’s sheet and progress', () => {
  it('carries each branch’s 不适用 leaves and category', async () => {
    const { invoke, periodId, hg1, hg2, r1, leaf } = await categorised();
    const sheet = ok(await invoke('scoring.sheet', { periodId, raterId: r1 }));
    const hg01 = sheet.branches.find((b) => b.id === hg1)!;
    expect(hg01.category).toBe('机关');
    expect([...hg01.notApplicable!].sort()).toEqual([leaf('2.1').id, leaf('2.2').id, leaf('2.3').id].sort());
    expect(sheet.branches.find((b) => b.id === hg2)).toMatchObject({ category: '', notApplicable: [] });
  });

  it('expects no 不适用 cell of anyone, and counts none scored', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, hg2, r1, r2 } = s;
    const before = ok(await invoke('scoring.progress', { periodId }));
    // 王建国: HG-01 5 leaves (2.3 不适用) + HG-02 6; 李敏 is recused from HG-02.
    expect(before.raters.map((r) => [r.name, r.expected])).toEqual([['王建国', 11], ['李敏', 5]]);
    expect(before.branches.map((b) => [b.code, b.expected])).toEqual([['HG-01', 10], ['HG-02', 6]]);
    const hg01 = fullSheet(s, r1, hg1).filter((e) => e.indicatorId !== s.leaf('2.3').id);
    ok(await invoke('entries.save', { periodId, entries: [...hg01, ...fullSheet(s, r1, hg2), ...fullSheet(s, r2, hg1).filter((e) => e.indicatorId !== s.leaf('2.3').id)] }));
    const after = ok(await invoke('scoring.progress', { periodId }));
    expect(after.raters.map((r) => [r.scored, r.expected])).toEqual([[11, 11], [5, 5]]);
    expect(after.scored).toBe(after.expected);
  });

  it('readiness counts no 不适用 score, business figure or office record as missing', async () => {
    const s = await categorised();
    const { invoke, periodId } = s;
    const readiness = ok(await invoke('periods.readiness', { periodId, step: 'review' }));
    expect(readiness.scores.map((m) => [m.raterName, m.branchCode, m.cells])).toEqual([
      ['王建国', 'HG-01', 5],
      ['王建国', 'HG-02', 6],
      ['李敏', 'HG-01', 5],
    ]);
    expect(readiness.missingCells).toBe(16);
    // 2.1 and 2.2 are business data: missing for HG-02 only.
    expect(readiness.measurements.map((m) => `${m.branchCode} ${m.indicatorCode}`)).toEqual(['HG-02 2.1', 'HG-02 2.2']);
  });
});

describe('the rater’s score workbook', () => {
  it('writes 不适用 greyed and locked, and refuses a value typed there naming the cell', async () => {
    const { invoke, periodId, r1, dir } = await categorised();
    const file = path.join(dir, '王建国.xlsx');
    ok(await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    // Row 5 is 2.3 安全生产; E is HG-01, F HG-02.
    expect(sheet.getCell('A5').value).toBe('2.3');
    const na = sheet.getCell('E5');
    expect(na.value).toBe('不适用');
    expect(na.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    expect(na.protection?.locked ?? true).toBe(true);
    expect(na.dataValidation?.type).toBeUndefined();
    expect(sheet.getCell('F5').value).toBeNull();
    expect(sheet.getCell('F5').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('E4').protection).toMatchObject({ locked: false });
    expect(JSON.stringify(wb.getWorksheet('填写说明')!.getSheetValues())).toContain('不适用');

    // As written (不适用 left in place) it imports cleanly.
    sheet.getCell('E4').value = 8;
    await wb.xlsx.writeFile(file);
    expect(ok(await invoke('scores.previewImport', { periodId, path: file }))).toMatchObject({ errors: [], entries: [{ indicatorCode: '1.3', value: 8 }] });

    sheet.getCell('E5').value = 15;
    await wb.xlsx.writeFile(file);
    const preview = ok(await invoke('scores.previewImport', { periodId, path: file }));
    expect(preview.errors).toEqual([
      {
        row: 5,
        column: 'E',
        message: `第 5 行，E 列（HG-01 化工一厂第一党支部）：${REFUSED}（请清空或保留“不适用”）`,
      },
    ]);
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('the paper score sheet', () => {
  it('prints 不适用 where the leaf does not apply, not a box to fill', async () => {
    const { invoke, periodId, r1, dir } = await categorised();
    const file = path.join(dir, '评分表.docx');
    ok(await invoke('documents.scoreSheet', { periodId, raterId: r1, filled: false, path: file }));
    const text = await docxText(file);
    const hg02 = text.indexOf('HG-02');
    expect(hg02).toBeGreaterThan(0);
    const [first, second] = [text.slice(0, hg02), text.slice(hg02)];
    // HG-01's table: 2.3 安全生产 … 20 不适用, and the note saying why; HG-02's: nothing of the kind.
    expect(first).toMatch(/2\.3安全生产.*20不适用/);
    expect(first).toContain('该指标不适用于此类别的支部');
    expect(second).not.toContain('不适用');
  });

  it('the filled sheet counts no 不适用 leaf as 未评', async () => {
    const s = await categorised();
    const { invoke, periodId, r1, hg1, dir } = s;
    ok(await invoke('entries.save', { periodId, entries: fullSheet(s, r1, hg1).filter((e) => e.indicatorId !== s.leaf('2.3').id) }));
    const file = path.join(dir, '评分表-已录入.docx');
    ok(await invoke('documents.scoreSheet', { periodId, raterId: r1, filled: true, path: file }));
    const text = await docxText(file);
    const first = text.slice(0, text.indexOf('HG-02'));
    expect(first).not.toContain('未评');
    expect(first).not.toContain('尚有');
    // 满分 of the rated leaves that apply: 20 + 10 + 10 (1.1–1.3), 2.3's 20 left out.
    expect(first).toContain('满分 40 分');
  });
});

describe('the branch’s review sheet', () => {
  it('prints 不适用 across the raters’ columns of a leaf that does not apply', async () => {
    const { invoke, periodId, hg1, hg2, dir } = await categorised();
    const own = path.join(dir, 'HG-01.docx');
    ok(await invoke('documents.scoreSheet', { periodId, branchId: hg1, filled: false, path: own }));
    expect(await docxText(own)).toMatch(/2\.3安全生产.*20不适用/);
    const other = path.join(dir, 'HG-02.docx');
    ok(await invoke('documents.scoreSheet', { periodId, branchId: hg2, filled: false, path: other }));
    expect(await docxText(other)).not.toContain('不适用');
  });
});

describe('the branch self-assessment', () => {
  it('leaves 不适用 leaves out for that branch and refuses a value on one', async () => {
    const { invoke, periodId, hg1, hg2, leaf } = await categorised();
    const own = ok(await invoke('selfAssessment.get', { periodId, branchId: hg1 }));
    expect(own.items.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '3', '4']);
    expect(own.notApplicable).toEqual({ category: '机关', count: 1 });
    expect(own.total.leaves).toBe(5);
    const other = ok(await invoke('selfAssessment.get', { periodId, branchId: hg2 }));
    expect(other.items.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '2.3', '3', '4']);
    expect(other.notApplicable).toBeUndefined();
    const refused = await invoke('selfAssessment.save', { periodId, branchId: hg1, entries: [{ indicatorId: leaf('2.3').id, value: 18, note: '' }] });
    expect(JSON.stringify(refused)).toContain(REFUSED);
  });

  it('its workbook has no row for a 不适用 leaf of that branch', async () => {
    const { invoke, periodId, dir } = await categorised();
    const file = path.join(dir, '自评.xlsx');
    // HG-01: 5 leaves (2.3 不适用); HG-02: 6.
    expect(ok(await invoke('selfAssessment.writeTemplate', { periodId, path: file }))).toMatchObject({ rows: 11 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = wb.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 4).filter((_, i) => i !== 1).join(' '));
    expect(rows).not.toContain('HG-01 2.3');
    expect(rows).toContain('HG-02 2.3');
    // A row typed in for it anyway is refused, naming the cell.
    wb.worksheets[0]!.addRow(['HG-01', '', '2.3', '', 20, '', 18, '']);
    await wb.xlsx.writeFile(file);
    const preview = ok(await invoke('selfAssessment.previewImport', { periodId, path: file }));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 13, column: 'G', message: expect.stringContaining(REFUSED) })]);
  });
});

describe('business data and 考核组核定 on a 不适用 cell', () => {
  it('lists no business data for it, and refuses a figure there naming branch, category and indicator', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, hg2, leaf } = s;
    const rows = ok(await invoke('measurements.list', { periodId }));
    // 2.1 and 2.2 apply to 生产 only: HG-01 (机关) is asked for neither, HG-02 (no category) for both.
    expect(rows.filter((r) => r.branchId === hg1)).toEqual([]);
    expect(rows.filter((r) => r.branchId === hg2).map((r) => r.indicatorCode)).toEqual(['2.1', '2.2']);
    const refused = await invoke('measurements.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('2.1').id, target: 100, actual: 90, floor: null, source: '生产部' }] });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain(`HG-01 是机关支部，指标 2.1 ${leaf('2.1').name} 不适用，不评分`);
  });

  it('lists no office record for it, and refuses one there; removing one stays possible', async () => {
    const s = await categorised();
    const { invoke, periodId, hg1, hg2, leaf, db } = s;
    // 2.3 becomes office-recorded (a deduction the office checks), still 生产 only.
    const l = leaf('2.3');
    db.prepare('UPDATE indicator SET method_json = ? WHERE id = ?').run(JSON.stringify({ kind: 'deduction', perOccurrence: 1, entry: 'office' }), l.id);
    expect(ok(await invoke('office.list', { periodId })).map((r) => [r.branchId, r.indicatorCode])).toEqual([[hg2, '2.3']]);
    const row = { branchId: hg1, indicatorId: l.id, value: 0, detail: [], findings: [], evidence: '', evidenceDate: null };
    const refused = await invoke('office.save', { periodId, rows: [row] });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain(`HG-01 是机关支部，指标 2.3 ${l.name} 不适用，不评分`);
    expect(ok(await invoke('office.save', { periodId, rows: [{ ...row, value: null }] }))).toMatchObject({ saved: 0 });
  });
});
