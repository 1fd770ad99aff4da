/**
 * 考核组核定 (issue 11 §3): the office records one value per branch on office-recorded leaves, with reasons
 * and evidence; raters don't enter them, see them read-only, and the results, their fingerprint and the
 * gates take them in. Real services on real SQLite files in temporary folders.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { registerAuditFunctions, verifyAuditChain } from '../../electron/db/audit-chain';
import { migrate } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { openSqlite } from '../../electron/db/sqlite';
import { schemaVersion } from '../../electron/db';
import { auditWriter } from '../../electron/services/audit';
import { resultsFingerprint } from '../../electron/services/fingerprint';
import { checkOfficeRecord, listOfficeRecords, writeOfficeRecords } from '../../electron/services/office';
import { missingLines, periodReadiness } from '../../electron/services/readiness';
import { buildEngineInput } from '../../electron/services/results';
import { createSample } from '../../electron/services/sample';
import { entryModeOf, type IndicatorDraft } from '../../shared/domain/framework';
import { OfficeRecordInput } from '../../shared/domain/office';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import type * as Unified from '../../shared/domain/templates/unified';
import { t } from '../../shared/messages';
import { fullSheet, measurementOf, periodSetup, type PeriodSetup } from '../helpers/period-setup';
import { docxText } from '../helpers/docx-text';
import { ok } from '../helpers/result';
import { tempDir, tempServices } from '../helpers/tmp';

// The sample period's template with its deductions and vetoes recorded by the office (the built-in one has none yet).
vi.mock('../../shared/domain/templates/unified', async (importOriginal) => {
  const original = await importOriginal<typeof Unified>();
  const officeFacts = (nodes: IndicatorDraft[]): IndicatorDraft[] =>
    nodes.map((n) => ({
      ...n,
      ...(n.children ? { children: officeFacts(n.children) } : {}),
      ...(n.method && (n.method.kind === 'deduction' || n.method.kind === 'veto') ? { method: { ...n.method, entry: 'office' as const } } : {}),
    }));
  return { UNIFIED_TEMPLATE: { ...original.UNIFIED_TEMPLATE, indicators: officeFacts(original.UNIFIED_TEMPLATE.indicators) } };
});

const fail = (code: string): never => {
  throw new Error(`${code} is not a deduction or veto`);
};

/** Marks deduction or veto leaves of the period's framework as office-recorded (before anything freezes it). */
async function toOffice(s: PeriodSetup, ...codes: string[]) {
  for (const c of codes) {
    const { id, code, name, criteria, evidence, tag, maxPoints, method } = s.leaf(c);
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: method?.kind === 'veto' || method?.kind === 'deduction' ? { ...method, entry: 'office' } : fail(c) } }));
  }
}

/** A period whose 1.1 (三会一课, deduction 0.5 per occurrence) and 4 (重大事故, veto) the office records. */
async function officePeriod(status: 'draft' | 'scoring' = 'draft') {
  const s = await periodSetup({ status: 'draft', now: () => new Date('2026-11-20T08:00:00Z') });
  await toOffice(s, '1.1', '4');
  if (status === 'scoring') ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
  // The leaves as stored now (periodSetup's are from before they were marked).
  const { indicators } = ok(await s.invoke('frameworks.get', { id: ok(await s.invoke('periods.get', { id: s.periodId })).frameworkId }));
  const leaf = (code: string) => indicators.find((i) => i.code === code)!;
  const row = (branchId: number, code: string, value: number | null, more: Partial<OfficeRecordInput> = {}) =>
    OfficeRecordInput.parse({ branchId, indicatorId: s.leaf(code).id, value, ...more });
  return { ...s, leaf, row };
}

const MISSED = { detail: ['7月未召开支委会', '9月党课未按计划开展'], evidence: '组织部检查记录〔2026〕15号', evidenceDate: '2026-10-12' };

const officeAudit = (s: PeriodSetup) =>
  s.db
    .prepare<[number], { actor: string; action: string; branch_id: number; indicator_id: number; old_json: string | null; new_json: string | null; reason: string }>(
      "SELECT actor, action, branch_id, indicator_id, old_json, new_json, reason FROM audit WHERE period_id = ? AND entity = 'office' ORDER BY id",
    )
    .all(s.periodId);

describe('recording office facts', () => {
  it('stores and lists them: every branch × office leaf, recorded or not, in branch then tree order', async () => {
    const s = await officePeriod();
    const saved = ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED), s.row(s.hg2, '4', 0)] }));
    expect(saved).toEqual({ saved: 2, removed: 0, unchanged: 0 });
    const list = ok(await s.invoke('office.list', { periodId: s.periodId }));
    expect(list.map((r) => [r.branchCode, r.indicatorCode, r.value])).toEqual([
      ['HG-01', '1.1', 2],
      ['HG-01', '4', null],
      ['HG-02', '1.1', null],
      ['HG-02', '4', 0],
    ]);
    expect(list[0]).toMatchObject({ detail: MISSED.detail, evidence: MISSED.evidence, evidenceDate: '2026-10-12', recordedBy: '管理员', method: { kind: 'deduction', entry: 'office' }, maxPoints: 20 });
    expect(list[1]).toMatchObject({ detail: [], evidence: '', evidenceDate: null, recordedBy: null, updatedAt: null });

    // The same again changes nothing; a null value removes the record.
    expect(ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED)] }))).toEqual({ saved: 0, removed: 0, unchanged: 1 });
    expect(ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg2, '4', null)] }))).toEqual({ saved: 0, removed: 1, unchanged: 0 });
    expect(listOfficeRecords(s.db, s.periodId).filter((r) => r.value !== null)).toHaveLength(1);
  });

  it('audits each change with old → new and who, and freezes the framework version', async () => {
    const s = await officePeriod();
    await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 1, { ...MISSED, detail: ['7月未召开支委会'] })] });
    await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED)] });
    await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', null)] });
    const rows = officeAudit(s);
    expect(rows.map((r) => [r.actor, r.action, r.branch_id, r.indicator_id])).toEqual([
      ['管理员', t('office.audit.recorded'), s.hg1, s.leaf('1.1').id],
      ['管理员', t('office.audit.changed'), s.hg1, s.leaf('1.1').id],
      ['管理员', t('office.audit.removed'), s.hg1, s.leaf('1.1').id],
    ]);
    expect(JSON.parse(rows[1]!.old_json!)).toEqual({ value: 1, detail: ['7月未召开支委会'], evidence: MISSED.evidence, evidenceDate: '2026-10-12' });
    expect(JSON.parse(rows[1]!.new_json!)).toEqual({ value: 2, ...MISSED });
    expect(rows[2]!.new_json).toBeNull();
    expect(ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'office' })).total).toBe(3);
    expect(ok(await s.invoke('audit.verify', {}))).toMatchObject({ ok: true });
    // The exported log says it in words: what was recorded, why, and on what evidence.
    const file = path.join(s.dir, '操作记录.xlsx');
    ok(await s.invoke('audit.export', { periodId: s.periodId, path: file }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts = wb.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(texts).toContain(t('workbook.audit.entity.office'));
    expect(texts).toContainEqual(expect.stringMatching(/^扣 ?2 ?次.*7月未召开支委会；9月党课未按计划开展.*依据：组织部检查记录〔2026〕15号（2026-10-12）$/));
    const frozen = s.db.prepare<[number], { frozen_at: string | null }>('SELECT f.frozen_at FROM framework f JOIN period p ON p.framework_id = f.id WHERE p.id = ?').get(s.periodId);
    expect(frozen?.frozen_at).not.toBeNull();
  });

  it('refuses the whole batch when one row is wrong, naming its branch and indicator; nothing is stored', async () => {
    const s = await officePeriod();
    const answer = await s.invoke('office.save', {
      periodId: s.periodId,
      rows: [s.row(s.hg1, '4', 0), s.row(s.hg2, '1.1', 2, { ...MISSED, detail: ['7月未召开支委会'] })],
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('validation');
    expect(answer.error.message).toContain('HG-02');
    expect(answer.error.message).toContain('1.1 三会一课');
    expect(answer.error.details).toEqual([{ row: 2, message: expect.stringContaining('每次扣分都要写明原因（扣 2 次，写了 1 条）') }]);
    expect(s.db.prepare('SELECT count(*) AS n FROM office_record').get()).toEqual({ n: 0 });
    expect(officeAudit(s)).toEqual([]);
  });

  it('refuses a leaf the panel scores, a branch not in the period, a value the method does not take, a cell twice', async () => {
    const s = await officePeriod();
    const refused = async (rows: OfficeRecordInput[]) => {
      const answer = await s.invoke('office.save', { periodId: s.periodId, rows });
      if (answer.ok) throw new Error('accepted');
      return answer.error.details?.map((d) => d.message) ?? [];
    };
    expect(await refused([s.row(s.hg1, '1.3', 8)])).toEqual([expect.stringContaining('不是考核组核定指标')]);
    expect(await refused([s.row(s.gd1, '1.1', 0)])).toEqual([expect.stringContaining('不在本周期的考核范围内')]);
    expect(await refused([s.row(s.hg1, '1.1', 1.5, { ...MISSED, detail: ['a'] })])).toEqual([expect.stringContaining('扣分次数应为 0 或正整数')]);
    expect(await refused([s.row(s.hg1, '4', 2)])).toEqual([expect.stringContaining('一票否决只能选')]);
    expect(await refused([s.row(s.hg1, '1.1', 0), s.row(s.hg1, '1.1', 0)])).toEqual([expect.stringContaining('同一批中出现了两次')]);
    expect(s.db.prepare('SELECT count(*) AS n FROM office_record').get()).toEqual({ n: 0 });
  });

  it('needs evidence for a deduction or a veto, not for “checked, nothing found”; one-character reasons are refused', async () => {
    const s = await officePeriod();
    const leaf = s.leaf('1.1');
    expect(checkOfficeRecord(leaf, s.row(s.hg1, '1.1', 2, { ...MISSED, evidence: '' }), 'HG-01')).toBe(t('office.error.evidenceRequired', { where: t('office.where', { branch: 'HG-01', indicator: '1.1 三会一课' }), value: 2 }));
    expect(checkOfficeRecord(s.leaf('4'), s.row(s.hg1, '4', 1, { detail: ['8月发生一般生产安全责任事故'] }))).toContain('须写明依据');
    expect(checkOfficeRecord(leaf, s.row(s.hg1, '1.1', 0))).toBeNull();
    expect(checkOfficeRecord(leaf, s.row(s.hg1, '1.1', 1, { detail: ['无'], evidence: '检查记录' }))).toContain('只有一个字');
    expect(checkOfficeRecord(leaf, s.row(s.hg1, '1.1', 2, MISSED))).toBeNull();
    expect(checkOfficeRecord(s.leaf('1.3'), s.row(s.hg1, '1.3', 8))).toContain('不是考核组核定指标');
  });

  it('refuses changes once the period is finalised, and in review asks for a reason', async () => {
    const s = await officePeriod('scoring');
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 0)] }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '试运行，评分未齐' }));
    const noReason = await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED)] });
    expect(noReason).toEqual({ ok: false, error: { code: 'conflict', message: t('office.error.reviewReason') } });
    // Nothing changing needs no reason.
    expect(ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 0)] }))).toEqual({ saved: 0, removed: 0, unchanged: 1 });
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED)], reason: '组织部复查后补记' }));
    expect(officeAudit(s).at(-1)).toMatchObject({ action: t('office.audit.changed'), reason: '组织部复查后补记' });

    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: '经党委会同意定稿' }));
    const late = await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 0)], reason: '更正' });
    expect(late).toEqual({ ok: false, error: { code: 'conflict', message: t('error.dispatch.periodFinalised') } });
    // The service refuses on its own too (the CLI and the import call it without the dispatcher).
    expect(() => writeOfficeRecords(s.db, s.periodId, [s.row(s.hg1, '1.1', 0)], { now: new Date(), actor: { kind: 'admin', name: '管理员' }, reason: '更正' })).toThrow(/已定稿/);
  });
});

describe('raters and office leaves', () => {
  it('refuses a rater’s entry on an office leaf, leaves it off the rater’s leaves and shows the office’s value on the sheet', async () => {
    const s = await officePeriod('scoring');
    const refused = await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.1').id, value: 0 }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.[0]?.message).toBe(t('error.entries.row', { row: 1, problem: t('error.entries.officeLeaf', { code: '1.1', name: '三会一课' }) }));
    expect(raterLeavesInOrder([...['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2', '2.3', '3', '4'].map(s.leaf)]).map((l) => l.code)).toEqual(['1.2', '1.3', '2.3', '3']);

    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED), s.row(s.hg2, '4', 0)] }));
    ok(await s.invoke('session.signInRater', { periodId: s.periodId, raterId: s.r1 }));
    const sheet = ok(await s.invoke('scoring.sheet', { periodId: s.periodId, raterId: s.r1 }));
    expect(sheet.office).toEqual([
      { branchId: s.hg1, indicatorId: s.leaf('1.1').id, value: 2, detail: MISSED.detail, findings: [], evidence: MISSED.evidence, evidenceDate: MISSED.evidenceDate },
      { branchId: s.hg2, indicatorId: s.leaf('4').id, value: 0, detail: [], findings: [], evidence: '', evidenceDate: null },
    ]);
    // Progress counts only what raters enter: 4 leaves per branch they score.
    ok(await s.invoke('session.signInAdmin', {}));
    const progress = ok(await s.invoke('scoring.progress', { periodId: s.periodId }));
    expect(progress.raters.find((r) => r.raterId === s.r1)?.expected).toBe(2 * 4);
  });

  it('refuses an office leaf typed into a rater’s score workbook, saying why', async () => {
    const s = await officePeriod('scoring');
    const file = path.join(s.dir, '评分.xlsx');
    ok(await s.invoke('scores.writeTemplate', { periodId: s.periodId, raterId: s.r1, path: file }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A2').text).toBe('1.2'); // 1.1 is the office's: not on the rater's workbook
    sheet.getCell('A2').value = '1.1';
    await wb.xlsx.writeFile(file);
    const preview = ok(await s.invoke('scores.previewImport', { periodId: s.periodId, path: file }));
    expect(preview.errors.map((e) => e.message)).toContainEqual(expect.stringContaining(t('workbook.scores.officeNotRated', { indicator: '1.1 三会一课' })));
  });
});

describe('results and gates', () => {
  it('feeds the engine and the fingerprint; the results count the office’s value with its evidence', async () => {
    const s = await officePeriod('scoring');
    const before = buildEngineInput(s.db, s.periodId);
    expect(before.office).toBeUndefined();
    // No office records: the fingerprint is what it was before office records existed.
    expect(resultsFingerprint({ ...before, office: [] })).toBe(resultsFingerprint(before));

    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED), s.row(s.hg1, '4', 0)] }));
    const input = buildEngineInput(s.db, s.periodId);
    expect(input.office).toEqual([
      { branchId: s.hg1, indicatorId: s.leaf('1.1').id, value: 2, evidence: MISSED.evidence, evidenceDate: '2026-10-12' },
      { branchId: s.hg1, indicatorId: s.leaf('4').id, value: 0, evidence: '', evidenceDate: null },
    ]);
    const fingerprint = resultsFingerprint(input);
    expect(fingerprint).not.toBe(resultsFingerprint(before));
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, { ...MISSED, evidence: '组织部检查记录〔2026〕16号' })] }));
    expect(resultsFingerprint(buildEngineInput(s.db, s.periodId))).not.toBe(fingerprint);

    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '试运行，评分未齐' }));
    const explained = ok(await s.invoke('results.explain', { periodId: s.periodId, branchId: s.hg1 }));
    const cell = explained.cells.find((c) => c.indicatorId === s.leaf('1.1').id);
    // 20 points, 0.5 off per occurrence, 2 occurrences.
    expect(cell).toMatchObject({ value: 19, office: { value: 2, evidence: '组织部检查记录〔2026〕16号', evidenceDate: '2026-10-12' } });
  });

  it('lists, per office leaf, the branches with nothing recorded before 进入评审 and 定稿', async () => {
    const s = await officePeriod('scoring');
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...fullSheet(s, s.r1, s.hg1), ...fullSheet(s, s.r1, s.hg2), ...fullSheet(s, s.r2, s.hg1)].filter((e) => e.indicatorId !== s.leaf('1.1').id && e.indicatorId !== s.leaf('4').id) }));
    ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [s.hg1, s.hg2].flatMap((b) => [measurementOf(b, s.leaf('2.1').id, 96), measurementOf(b, s.leaf('2.2').id, 98)]) }));
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 0), s.row(s.hg1, '4', 0), s.row(s.hg2, '1.1', 0)] }));

    const readiness = periodReadiness(s.db, s.periodId, 'review');
    expect(readiness.complete).toBe(false);
    expect(readiness.missingCells).toBe(0);
    expect(readiness.office).toEqual([{ branchId: s.hg2, branchCode: 'HG-02', branchName: '化工一厂第二党支部', indicatorId: s.leaf('4').id, indicatorCode: '4', indicatorName: '重大事故' }]);
    expect(missingLines(readiness)).toEqual(['HG-02 化工一厂第二党支部：“4 重大事故”的考核组核定未录入']);
    const refused = await s.invoke('periods.advance', { id: s.periodId, to: 'review' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'incomplete', message: expect.stringContaining('1 项考核组核定') } });

    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg2, '4', 0)] }));
    expect(periodReadiness(s.db, s.periodId, 'review')).toMatchObject({ complete: true, office: [] });
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));
  });
});

describe('the sample period', () => {
  it('records the office’s value for every branch on each office leaf, and no rater enters one', () => {
    const { db } = tempServices().ctx;
    const summary = createSample(db, { branches: 6, raters: 4, seed: 7 }, new Date('2026-11-20T08:00:00Z'));
    const rows = listOfficeRecords(db, summary.period.id);
    const leaves = new Set(rows.map((r) => r.indicatorCode));
    expect(leaves.size).toBeGreaterThan(0);
    expect(rows.every((r) => entryModeOf(r.method) === 'office' && r.value !== null)).toBe(true);
    expect(rows).toHaveLength(6 * leaves.size);
    // The sample vetoes one branch, on the office's record, with its evidence.
    expect(rows.filter((r) => r.method.kind === 'veto' && r.value === 1)).toEqual([expect.objectContaining({ evidence: expect.stringContaining('检查记录'), detail: [expect.stringContaining('事故')] })]);
    const raterEntries = db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM score s JOIN office_record o ON o.period_id = s.period_id AND o.branch_id = s.branch_id AND o.indicator_id = s.indicator_id WHERE s.period_id = ?')
      .get(summary.period.id);
    expect(raterEntries).toEqual({ n: 0 });
  });
});

describe('migration 10 adds office records and lets the audit log name them', () => {
  it('keeps every audit row with its id and hash, the chain verifying, the triggers and the AUTOINCREMENT high mark', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v9.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 9), { file, backupDir: dir });
    const write = auditWriter(db, new Date('2026-01-01T00:00:00Z'));
    for (const action of ['一', '二', '三']) write({ periodId: null, actorKind: 'admin', actor: '管理员', entity: 'database', action });
    write({ periodId: null, actorKind: 'system', actor: '登录界面', entity: 'session', action: '管理员 PIN 码错误（连续第 1 次）' });
    const before = db.prepare('SELECT id, entity, action, hash FROM audit ORDER BY id').all();
    expect(() => write({ periodId: null, actorKind: 'admin', actor: '管理员', entity: 'office', action: 'x' })).toThrow(/CHECK/);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 4, brokenAt: null });

    migrate(db, migrations, { file, backupDir: dir });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(db.prepare('SELECT id, entity, action, hash FROM audit ORDER BY id').all()).toEqual(before);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 4, brokenAt: null });
    expect(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").get()).toEqual({ seq: 4 });
    write({ periodId: null, actorKind: 'admin', actor: '管理员', entity: 'office', action: '考核组核定' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 5, brokenAt: null });
    expect(() => db.exec("UPDATE audit SET action = 'x' WHERE id = 1")).toThrow(/audit_append_only/);
    expect(() => db.exec('DELETE FROM audit WHERE id = 1')).toThrow(/audit_append_only/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'period_status_audit'").get()).toEqual({ name: 'period_status_audit' });
    db.close();
  });

  it('keeps the rows of a version-9 database; an office record needs a known period, branch and leaf, a value and JSON reasons', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v9.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 9), { file, backupDir: dir });
    const stamp = '2026-11-21T00:00:00.000Z';
    db.prepare("INSERT INTO branch (id, code, name, created_at, updated_at) VALUES (1, 'HG-01', '化工一厂第一党支部', ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO indicator (id, framework_id, code, name, tag, max_points, method_json) VALUES (1, 1, '1', '三会一课', 'party', 20, ?)").run(JSON.stringify({ kind: 'deduction', perOccurrence: 0.5, entry: 'office' }));
    db.prepare("INSERT INTO period (id, name, year, kind, framework_id, status, settings_json, created_at, updated_at) VALUES (1, '2026年度', 2026, 'annual', 1, 'scoring', '{}', ?, ?)").run(stamp, stamp);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'office_record'").get()).toBeUndefined();

    migrate(db, migrations, { file, backupDir: dir });
    expect(db.prepare('SELECT code FROM branch').all()).toEqual([{ code: 'HG-01' }]);
    expect(db.prepare('SELECT status FROM period').all()).toEqual([{ status: 'scoring' }]);
    const insert = db.prepare(
      "INSERT INTO office_record (period_id, branch_id, indicator_id, value, detail_json, evidence, evidence_date, recorded_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '管理员', ?)",
    );
    insert.run(1, 1, 1, 2, '["漏开支委会","漏上党课"]', '检查记录', '2026-10-12', stamp);
    expect(() => insert.run(1, 1, 1, 1, null, '', null, stamp)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(1, 99, 1, 0, null, '', null, stamp)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(1, 1, 99, 0, null, '', null, stamp)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM office_record').run();
    expect(() => insert.run(1, 1, 1, 0, 'not json', '', null, stamp)).toThrow(/CHECK/);
    expect(() => insert.run(1, 1, 1, 0, null, '', '12/10/2026', stamp)).toThrow(/CHECK/);
    expect(() => insert.run(1, 1, 1, 'x', null, '', null, stamp)).toThrow(/cannot store TEXT value in REAL column/);
    insert.run(1, 1, 1, 0, null, '', null, stamp);
    db.prepare('DELETE FROM period WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM office_record').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('the documents say who recorded a fact and on what (考核组核定)', () => {
  it('the 反馈单 and the 通报 quote the office finding with its 依据, never as raters’ notes', async () => {
    const s = await officePeriod('scoring');
    // The raters score what they judge; 1.1 and 4 are the office's.
    const judged = (raterId: number, branchId: number) => fullSheet(s, raterId, branchId).filter((e) => e.indicatorId !== s.leaf('1.1').id && e.indicatorId !== s.leaf('4').id);
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...judged(s.r1, s.hg1), ...judged(s.r1, s.hg2), ...judged(s.r2, s.hg1)] }));
    const figures = (b: number) => [measurementOf(b, s.leaf('2.1').id, 96), measurementOf(b, s.leaf('2.2').id, 95)];
    ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [...figures(s.hg1), ...figures(s.hg2)] }));
    const ACCIDENT = { detail: ['9月发生一般生产安全事故一起'], evidence: '安委会认定文件〔2026〕3号', evidenceDate: '2026-09-30' };
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [s.row(s.hg1, '1.1', 2, MISSED), s.row(s.hg1, '4', 0), s.row(s.hg2, '1.1', 0), s.row(s.hg2, '4', 1, ACCIDENT)] }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));

    const file = (n: string) => path.join(s.dir, `${n}.docx`);
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: file('hg1') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg2, path: file('hg2') }));
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: file('bulletin') }));
    const [hg1, hg2, bulletin] = await Promise.all(['hg1', 'hg2', 'bulletin'].map((n) => docxText(file(n))));
    // HG-01's deduction: the office's two findings and what they rest on; no rater count.
    expect(hg1).toContain('7月未召开支委会');
    expect(hg1).toContain('（考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12）');
    expect(hg1).toContain('（扣 1.00 分；考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12）');
    expect(hg1).not.toMatch(/7月未召开支委会（\d位评委）/);
    // HG-02's veto: recognised by the office, not “0 位评委认定”.
    expect(hg2).toContain('考核组核定');
    expect(hg2).toContain('9月发生一般生产安全事故一起（考核组核定，依据：安委会认定文件〔2026〕3号，2026-09-30）');
    expect(hg2).not.toContain('位评委认定');
    expect(bulletin).toContain('考核组核定的情况：9月发生一般生产安全事故一起（考核组核定，依据：安委会认定文件〔2026〕3号，2026-09-30）');
    expect(bulletin).not.toContain('评委记录的情况');
  });
});
