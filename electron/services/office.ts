/**
 * 考核组核定 (issue 11 §3): the facts the organising office records once per
 * branch on office-recorded leaves (entryModeOf = 'office') — a count of
 * missed meetings, an accident, a veto finding — with the reasons a rater's
 * entry would carry and the evidence it rests on. Checked with the entry
 * rules raters' values go through (shared/domain/entry.ts), written
 * all-or-nothing, every change audited. The 考核组核定 workbook
 * (office-xlsx.ts) imports through `saveOfficeRecords` and words its cell
 * problems with `checkOfficeRecord`.
 */
import { detailProblem, MAX_COUNT } from '../../shared/domain/entry';
import { findingsProblem, findingsTotal, parseFindings, type Finding } from '../../shared/domain/findings';
import { entryModeOf, type Indicator, type LeafMethod } from '../../shared/domain/framework';
import { evidenceRequired, type OfficeRecordInput, type OfficeRecordRow } from '../../shared/domain/office';
import type { RaterSheet, Session } from '../../shared/domain/scoring';
import type { EngineOfficeRecord } from '../../shared/engine';
import { checkEntry } from '../../shared/engine/points';
import { t } from '../../shared/messages';
import type { ErrorDetail } from '../../shared/result';
import { inTransaction, type Database } from '../db';
import { AppError } from '../errors';
import { actorOf, type Actor } from './actor';
import { auditWriter } from './audit';
import { detailInWords, isNotApplicable, notApplicableByBranch, notApplicableInWords } from './entries';
import { freezeFramework } from './frameworks';
import { loadPeriodScope, type PeriodScope } from './period-scope';
import type { Leaf } from './period-data';
import { assertPeriodEditable } from './periods';

/** The leaves of the period's framework the office records, in tree order. */
export const officeLeaves = (scope: Pick<PeriodScope, 'leaves'>): Leaf[] => scope.leaves.filter((l) => entryModeOf(l.method) === 'office');

/**
 * A record as stored and as the audit log carries it. `findings` only where there are any (a 细则 leaf's
 * record), so the records and log entries of other leaves keep the shape they always had.
 */
interface StoredRecord {
  value: number;
  detail: string[];
  findings?: Finding[];
  evidence: string;
  evidenceDate: string | null;
}

interface StoredRow {
  branch_id: number;
  indicator_id: number;
  value: number;
  detail_json: string | null;
  findings_json: string | null;
  evidence: string;
  evidence_date: string | null;
  recorded_by: string;
  updated_at: string;
}

const key = (branchId: number, indicatorId: number) => `${branchId}:${indicatorId}`;
function toStored(r: StoredRow): StoredRecord {
  const findings = parseFindings(r.findings_json);
  return {
    value: r.value,
    detail: r.detail_json ? (JSON.parse(r.detail_json) as string[]) : [],
    ...(findings.length ? { findings } : {}),
    evidence: r.evidence,
    evidenceDate: r.evidence_date,
  };
}

function storedRows(db: Database, periodId: number): Map<string, StoredRow> {
  const rows = db
    .prepare<[number], StoredRow>(
      'SELECT branch_id, indicator_id, value, detail_json, findings_json, evidence, evidence_date, recorded_by, updated_at FROM office_record WHERE period_id = ?',
    )
    .all(periodId);
  return new Map(rows.map((r) => [key(r.branch_id, r.indicator_id), r]));
}

/**
 * What is recorded for the period's branches in scope on the office leaves of its framework (records of a
 * branch or leaf no longer in the period are kept but left out, as measurements are), in branch-code then
 * tree order.
 */
function recordsInScope(db: Database, scope: PeriodScope): { branch: PeriodScope['branches'][number]; leaf: Leaf; stored: StoredRow | undefined }[] {
  const leaves = officeLeaves(scope);
  if (leaves.length === 0) return [];
  const stored = storedRows(db, scope.period.id);
  // A 不适用 cell (分类施策) is not the office's to record: left out, as it is of every rater surface.
  const na = notApplicableByBranch(scope);
  return scope.branches.flatMap((branch) =>
    leaves.filter((leaf) => !isNotApplicable(na, branch.id, leaf.id)).map((leaf) => ({ branch, leaf, stored: stored.get(key(branch.id, leaf.id)) })),
  );
}

/** Every branch in scope × office leaf of the period, recorded or not (nulls and empties where nothing is). */
export const listOfficeRecords = (db: Database, periodId: number): OfficeRecordRow[] => officeRows(db, loadPeriodScope(db, periodId));

/** listOfficeRecords on a scope already loaded. */
export function officeRows(db: Database, scope: PeriodScope): OfficeRecordRow[] {
  return recordsInScope(db, scope).map(({ branch, leaf, stored }) => ({
    branchId: branch.id,
    branchCode: branch.code,
    branchName: branch.name,
    indicatorId: leaf.id,
    indicatorCode: leaf.code,
    indicatorName: leaf.name,
    method: leaf.method,
    maxPoints: leaf.maxPoints,
    value: stored?.value ?? null,
    detail: stored ? toStored(stored).detail : [],
    findings: parseFindings(stored?.findings_json),
    evidence: stored?.evidence ?? '',
    evidenceDate: stored?.evidence_date ?? null,
    recordedBy: stored?.recorded_by ?? null,
    updatedAt: stored?.updated_at ?? null,
  }));
}

/** The recorded values as the engine reads them (office leaves and branches in scope only). */
export function officeEngineRecords(db: Database, scope: PeriodScope): EngineOfficeRecord[] {
  return recordsInScope(db, scope).flatMap(({ branch, leaf, stored }) =>
    stored ? [{ branchId: branch.id, indicatorId: leaf.id, value: stored.value, evidence: stored.evidence, evidenceDate: stored.evidence_date, ...explained(leaf, stored) }] : [],
  );
}

/** A 细则 leaf's findings and their reasons, for the explanation (which rules took the points); nothing elsewhere. */
function explained(leaf: Leaf, stored: StoredRow): Pick<EngineOfficeRecord, 'findings' | 'reasons'> {
  if (leaf.method.kind !== 'rules') return {};
  const findings = parseFindings(stored.findings_json);
  return findings.length ? { findings, reasons: toStored(stored).detail } : {};
}

/** The recorded values as a rater's sheet shows them, read-only. */
export function officeSheetValues(db: Database, scope: PeriodScope): RaterSheet['office'] {
  return recordsInScope(db, scope).flatMap(({ branch, leaf, stored }) =>
    stored ? [{ branchId: branch.id, indicatorId: leaf.id, ...toStored(stored), findings: parseFindings(stored.findings_json) }] : [],
  );
}

/** Why a value is not one the leaf's method takes, in the words a rater would see; null when it is. */
function valueProblem(method: LeafMethod, maxPoints: number, value: number): string | null {
  const problem = checkEntry(method, maxPoints, value);
  if (problem) return problem;
  // One reason per occurrence, and no more reasons can be stored than this.
  if ((method.kind === 'deduction' || method.kind === 'bonus') && value > MAX_COUNT) return t('office.error.tooMany', { max: MAX_COUNT, value });
  return null;
}

/**
 * Why an office record cannot be stored, or null: the leaf must be office-recorded, the value one its method
 * takes, the reasons exactly those a rater's entry would need (one per deduction, per bonus item, one for a
 * triggered veto; no one-character reasons), and anything that takes points off, adds points or triggers a
 * veto must name its evidence. On a 细则 leaf the findings decide: each names a rule of the leaf, within its
 * amount and basis, with its reason (findingsProblem), and the value checked is their total — findings on any
 * other leaf are refused. The message names the branch (when `branchCode` is given) and the indicator.
 * A null value (removing the record) needs nothing more.
 */
export function checkOfficeRecord(leaf: Indicator, input: OfficeRecordInput, branchCode?: string): string | null {
  const indicator = `${leaf.code} ${leaf.name}`;
  const where = branchCode === undefined ? t('office.whereLeaf', { indicator }) : t('office.where', { branch: branchCode, indicator });
  if (!leaf.method || entryModeOf(leaf.method) !== 'office') return t('office.error.notOffice', { where });
  if (input.value === null) return null;
  if (leaf.method.kind === 'rules') {
    const wrong = findingsProblem(leaf.method, input.findings, input.detail);
    if (wrong) return t('office.error.value', { where, problem: wrong });
    const total = findingsTotal(leaf.method, input.findings);
    if (evidenceRequired(leaf.method, total) && input.evidence.trim() === '') return t('office.error.evidenceRequiredPoints', { where, value: total });
    return null;
  }
  if (input.findings.length > 0) return t('office.error.findingsNotRules', { where });
  const problem = valueProblem(leaf.method, leaf.maxPoints, input.value);
  if (problem) return t('office.error.value', { where, problem });
  const detailWrong = detailProblem(leaf.method, input.value, input.detail);
  if (detailWrong) return t('office.error.value', { where, problem: detailInWords(detailWrong, input.value) });
  if (evidenceRequired(leaf.method, input.value) && input.evidence.trim() === '') return t('office.error.evidenceRequired', { where, value: input.value });
  return null;
}

/**
 * What a checked input stores: reasons trimmed, blank ones dropped; on a 细则 leaf the value is the findings'
 * total (whatever the input said) and the findings go with it, each with its reason at the same position.
 */
function toRecord(method: LeafMethod, r: OfficeRecordInput): StoredRecord {
  const base = { evidence: r.evidence.trim(), evidenceDate: r.evidenceDate };
  if (method.kind !== 'rules') return { value: r.value!, detail: r.detail.map((d) => d.trim()).filter(Boolean), ...base };
  const findings = r.findings.map(({ rule, count, amount }) => ({ rule, count, amount }));
  // Reasons past the last finding are blank (findingsProblem refuses any other): not kept.
  const detail = r.detail.slice(0, findings.length).map((d) => d.trim());
  return { value: findingsTotal(method, findings), detail, ...(findings.length ? { findings } : {}), ...base };
}

export interface OfficeSaveOptions {
  /** Why, for a change made while the period is in review (required then). */
  reason?: string;
  actor: Actor;
  now: Date;
}

/**
 * Stores a batch of office records, or none: every problem is reported with its row in the batch, naming the
 * branch and the indicator. Allowed while the period is being prepared, scored or reviewed (the office may
 * record facts before scoring opens); refused once finalised (or archived). In review every change needs a
 * reason, as the office's changes of scores do. Each change is audited (old → new, who, the reason).
 */
export function writeOfficeRecords(
  db: Database,
  periodId: number,
  rows: readonly OfficeRecordInput[],
  options: OfficeSaveOptions,
): { saved: number; removed: number; unchanged: number } {
  return inTransaction(db, () => {
    // Checked inside the write transaction: what is checked is what is written to.
    const scope = loadPeriodScope(db, periodId);
    assertPeriodEditable(scope.period);
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    const na = notApplicableByBranch(scope);
    rows.forEach((r, i) => {
      const branch = scope.branchById.get(r.branchId);
      const leaf = scope.leafById.get(r.indicatorId);
      let problem: string | null;
      if (!branch) problem = t('office.error.branchNotInPeriod', { id: r.branchId });
      else if (!leaf) problem = t('office.error.notALeaf', { id: r.indicatorId });
      else if (seen.has(key(r.branchId, r.indicatorId))) problem = t('office.error.duplicate', { where: t('office.where', { branch: `${branch.code} ${branch.name}`, indicator: `${leaf.code} ${leaf.name}` }) });
      // A value on a 不适用 cell is refused; removing one (value null) stays possible.
      else if (r.value !== null && isNotApplicable(na, branch.id, leaf.id)) problem = notApplicableInWords(na, branch.id, leaf);
      else problem = checkOfficeRecord(leaf, r, `${branch.code} ${branch.name}`);
      seen.add(key(r.branchId, r.indicatorId));
      if (problem) problems.push({ row: i + 1, message: t('office.error.row', { row: i + 1, problem }) });
    });
    if (problems.length) {
      throw new AppError('validation', t('office.error.invalid', { count: problems.length, first: problems[0]!.message }), problems.slice(0, 200));
    }

    const stored = storedRows(db, periodId);
    const changes = rows.flatMap((r) => {
      const oldRow = stored.get(key(r.branchId, r.indicatorId));
      const old = oldRow ? toStored(oldRow) : null;
      const method = scope.leafById.get(r.indicatorId)!.method;
      const next: StoredRecord | null = r.value === null ? null : toRecord(method, r);
      if (old === null && next === null) return [];
      if (old && next && JSON.stringify(old) === JSON.stringify(next)) return [{ r, old, next, same: true }];
      return [{ r, old, next, same: false }];
    });
    const changed = changes.filter((c) => !c.same);
    if (changed.length > 0 && scope.period.status === 'review' && !options.reason?.trim()) throw new AppError('conflict', t('office.error.reviewReason'));

    const stamp = options.now.toISOString();
    const upsert = db.prepare(
      `INSERT INTO office_record (period_id, branch_id, indicator_id, value, detail_json, findings_json, evidence, evidence_date, recorded_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, branch_id, indicator_id)
       DO UPDATE SET value = excluded.value, detail_json = excluded.detail_json, findings_json = excluded.findings_json, evidence = excluded.evidence,
                     evidence_date = excluded.evidence_date, recorded_by = excluded.recorded_by, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM office_record WHERE period_id = ? AND branch_id = ? AND indicator_id = ?');
    const audit = auditWriter(db, options.now);
    let saved = 0;
    let removed = 0;
    for (const { r, old, next } of changed) {
      if (next === null) removed += remove.run(periodId, r.branchId, r.indicatorId).changes;
      else {
        upsert.run(
          periodId,
          r.branchId,
          r.indicatorId,
          next.value,
          next.detail.length ? JSON.stringify(next.detail) : null,
          next.findings ? JSON.stringify(next.findings) : null,
          next.evidence,
          next.evidenceDate,
          options.actor.name,
          stamp,
        );
        saved++;
      }
      audit({
        periodId,
        actorKind: options.actor.kind,
        actor: options.actor.name,
        entity: 'office',
        action: t(next === null ? 'office.audit.removed' : old === null ? 'office.audit.recorded' : 'office.audit.changed'),
        branchId: r.branchId,
        indicatorId: r.indicatorId,
        old,
        new: next,
        reason: options.reason?.trim() ?? '',
      });
    }
    if (saved > 0) freezeFramework(db, scope.period.frameworkId, options.now);
    return { saved, removed, unchanged: changes.length - changed.length };
  });
}

/**
 * `office.save` and the 考核组核定 workbook import: the admin at the keyboard, or an import (named by
 * `actorName`, e.g. “导入（考核组核定.xlsx）”), recorded as who recorded the values.
 */
export function saveOfficeRecords(
  // What of the ServiceContext this needs (named here: results.ts reads this module, and the context names results).
  ctx: { db: Database; session: Session; now: () => Date },
  periodId: number,
  rows: readonly OfficeRecordInput[],
  options: { reason?: string; actorKind: 'admin' | 'import'; actorName?: string },
): { saved: number; removed: number; unchanged: number } {
  const actor: Actor = options.actorKind === 'admin' ? actorOf(ctx.session) : { kind: 'import', name: options.actorName ?? t('office.importActor') };
  return writeOfficeRecords(ctx.db, periodId, rows, { now: ctx.now(), actor, ...(options.reason ? { reason: options.reason } : {}) });
}
