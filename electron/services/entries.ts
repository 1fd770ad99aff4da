/**
 * Raters' entries (评分) and business measurements (业务数据) of a period:
 * checked against the framework and the panel, written all-or-nothing.
 * The scoring screens of the next issue build on `saveEntries`.
 */
import { dataTriggerOf, entryModeOf, type Indicator } from '../../shared/domain/framework';
import type { Actor } from './actor';
import type { MeasurementRow } from '../../shared/domain/measurements';
import type { PeriodStatus } from '../../shared/domain/period';
import { scoreLockReason } from '../../shared/domain/score-lock';
import { type DetailProblem, detailProblem } from '../../shared/domain/entry';
import { checkEntry } from '../../shared/engine/points';
import { inTransaction, type Database } from '../db';
import { auditWriter } from './audit';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { freezeFramework } from './frameworks';
import { loadPeriodScope } from './period-scope';
import { notAssignedInWords, raterAssignments, type RaterAssignment } from './assignment';
import { assertPeriodEditable, getPeriod } from './periods';
import { type BranchNotApplicable, isNotApplicable, notApplicableByBranch, notApplicableInWords } from './not-applicable';
// The 不适用 rule's service helpers live in not-applicable.ts; re-exported for the modules that read them here.
export { type BranchNotApplicable, isNotApplicable, notApplicableByBranch, notApplicableInWords } from './not-applicable';

export interface EntryInput {
  raterId: number;
  branchId: number;
  indicatorId: number;
  /** Null removes the entry. */
  value: number | null;
  /** Reasons (deduction, veto) or item descriptions (bonus), one per occurrence. */
  detail?: string[];
}

export interface MeasurementInput {
  branchId: number;
  indicatorId: number;
  target: number;
  actual: number | null;
  floor: number | null;
  source: string;
}

interface PeriodContext {
  status: PeriodStatus;
  archived: boolean;
  frameworkId: number;
  leaves: Map<number, Indicator>;
  branches: Set<number>;
  raters: Map<number, { name: string; recused: Set<number>; finishedAt: string | null }>;
  branchNames: Map<number, string>;
  notApplicable: Map<number, BranchNotApplicable>;
  /** 分工评分: per rater, the leaves they score, and the words of a refusal. */
  assignments: Map<number, RaterAssignment>;
  notAssigned: (raterId: number, leaf: Indicator) => string;
}

/** The period's scope as the write checks read it. */
function periodContext(db: Database, periodId: number): PeriodContext {
  const scope = loadPeriodScope(db, periodId);
  const { period, leafById, branches, raters, recusals } = scope;
  const assignments = raterAssignments(scope);
  return {
    status: period.status,
    archived: period.archivedAt !== null,
    frameworkId: period.frameworkId,
    leaves: leafById,
    branches: new Set(branches.map((b) => b.id)),
    raters: new Map(raters.map((r) => [r.id, { name: r.name, recused: new Set(recusals.get(r.id)!.keys()), finishedAt: r.finishedAt }])),
    branchNames: new Map(branches.map((b) => [b.id, `${b.code} ${b.name}`])),
    notApplicable: notApplicableByBranch(scope),
    assignments,
    notAssigned: (raterId, leaf) => notAssignedInWords(scope, assignments.get(raterId)!, raterId, leaf),
  };
}

/** Why an entry cannot be stored, or null. */
function entryProblem(pc: PeriodContext, e: EntryInput): string | null {
  const rater = pc.raters.get(e.raterId);
  if (!rater) return t('error.entries.raterNotInPeriod', { id: e.raterId });
  if (!pc.branches.has(e.branchId)) return t('error.entries.branchNotInPeriod', { id: e.branchId });
  const leaf = pc.leaves.get(e.indicatorId);
  if (!leaf || !leaf.method) return t('error.entries.notALeaf', { id: e.indicatorId });
  // 考核组核定: the office records the one value; a rater's would never count, so it is not stored at all.
  if (entryModeOf(leaf.method) === 'office') return t('error.entries.officeLeaf', { code: leaf.code, name: leaf.name });
  // 由业务数据触发: the source's measurement decides the leaf; a rater's value would never count either.
  if (dataTriggerOf(leaf.method)) return t('error.entries.triggeredLeaf', { code: leaf.code, name: leaf.name });
  if (rater.recused.has(e.branchId)) return t('error.entries.recused', { name: rater.name, branch: pc.branchNames.get(e.branchId) ?? '' });
  if (e.value === null) return null; // clearing a cell is always allowed: a value left from before the category was set can go
  // 不适用: the indicator does not apply to this branch's 支部类别; a value would be neither missing nor counted.
  const na = pc.notApplicable.get(e.branchId);
  if (na?.ids.has(leaf.id)) return t('error.entries.notApplicable', { branch: na.code, category: na.category, code: leaf.code, name: leaf.name });
  // 分工评分: a leaf outside the rater's assignment is not theirs to score (clearing one, above, stays allowed).
  const assigned = pc.assignments.get(e.raterId)?.ids;
  if (assigned && !assigned.has(leaf.id)) return pc.notAssigned(e.raterId, leaf);
  const problem = checkEntry(leaf.method, leaf.maxPoints, e.value);
  if (problem) return `${leaf.code} ${leaf.name}：${problem}`;
  const detailWrong = detailProblem(leaf.method, e.value, e.detail ?? []);
  return detailWrong ? `${leaf.code} ${leaf.name}：${detailInWords(detailWrong, e.value)}` : null;
}

/** Reasons that do not match the entry (the rule is entry.ts's `detailProblem`), in the words of a save (and of an office record's). */
export function detailInWords(p: DetailProblem, value: number): string {
  switch (p.kind) {
    case 'deduction':
      return p.have < p.need ? t('error.entries.deductionReasonsMissing', { value, have: p.have }) : t('error.entries.deductionReasonsExtra', { value, need: p.need, have: p.have });
    case 'bonus':
      return p.have < p.need ? t('error.entries.bonusItemsMissing', { value, have: p.have }) : t('error.entries.bonusItemsExtra', { value, need: p.need, have: p.have });
    case 'vetoMissing':
      return t('error.entries.vetoReasonMissing');
    case 'vetoUnneeded':
      return t('error.entries.vetoReasonUnneeded', { have: p.have });
    case 'tooShort':
      return t('scoring.reason.tooShort', { text: p.text });
  }
}

/** Batches larger than this are audited as one summary row plus every overwrite of an existing value. */
const AUDIT_EACH_ENTRY_UP_TO = 1000;

type Stored = { value: number; detail: string[] };

/** The entries already stored for the cells a batch touches (one query per rater for big batches). */
function storedEntries(db: Database, periodId: number, entries: readonly EntryInput[]): Map<string, Stored> {
  const key = (r: number, b: number, i: number) => `${r}:${b}:${i}`;
  const out = new Map<string, Stored>();
  const toStored = (value: number, detailJson: string | null): Stored => ({ value, detail: detailJson ? (JSON.parse(detailJson) as string[]) : [] });
  if (entries.length <= AUDIT_EACH_ENTRY_UP_TO) {
    const one = db.prepare<[number, number, number, number], { value: number; detail_json: string | null }>(
      'SELECT value, detail_json FROM score WHERE period_id = ? AND rater_id = ? AND branch_id = ? AND indicator_id = ?',
    );
    for (const e of entries) {
      const row = one.get(periodId, e.raterId, e.branchId, e.indicatorId);
      if (row) out.set(key(e.raterId, e.branchId, e.indicatorId), toStored(row.value, row.detail_json));
    }
    return out;
  }
  const byRater = db.prepare<[number, number], [number, number, number, string | null]>(
    'SELECT branch_id, indicator_id, value, detail_json FROM score WHERE period_id = ? AND rater_id = ?',
  );
  for (const raterId of new Set(entries.map((e) => e.raterId))) {
    for (const [b, i, value, detail] of byRater.raw(true).iterate(periodId, raterId)) out.set(key(raterId, b, i), toStored(value, detail));
  }
  return out;
}

/** What the score table records as who entered a value. */
const ENTERED_BY: Record<Actor['kind'], 'rater' | 'admin' | 'import'> = { rater: 'rater', admin: 'admin', import: 'import', system: 'import' };

/**
 * Refuses the batch when the period's phase forbids this actor to change a
 * rater's scores (see shared/domain/score-lock.ts): drafts, finalised
 * periods, raters after review began or after they finished, the office
 * without a reason. The one place these rules are applied to a write.
 */
function assertWritable(pc: PeriodContext, entries: readonly EntryInput[], actor: Actor, reason: string | undefined): void {
  const writer = actor.kind === 'rater' ? 'rater' : 'office';
  const raterIds = [...new Set(entries.map((e) => e.raterId))];
  for (const raterId of raterIds) {
    const rater = pc.raters.get(raterId);
    if (!rater) continue; // reported per entry below
    const locked = scoreLockReason(pc.status, rater.finishedAt, writer, reason);
    if (locked) throw new AppError('conflict', raterIds.length > 1 ? t('error.entries.raterLocked', { name: rater.name, reason: locked }) : locked);
  }
}

/**
 * Stores a batch of entries, or none: every problem is reported with the
 * entry's position in the batch. The one write path for scores: the phase
 * rules, who entered each value (from the actor, never from the caller's
 * say-so), and the audit log (old → new, who, the reason) are applied here;
 * the period's framework version is frozen.
 */
export function saveEntries(
  db: Database,
  periodId: number,
  entries: readonly EntryInput[],
  options: { now: Date; actor: Actor; reason?: string },
): { saved: number; removed: number; unchanged: number } {
  const { actor } = options;
  return inTransaction(db, () => {
    // Checked inside the write transaction: what is checked is what is written to.
    const pc = periodContext(db, periodId);
    if (pc.archived) assertPeriodEditable(getPeriod(db, periodId));
    assertWritable(pc, entries, actor, options.reason);
    const problems: { row: number; message: string }[] = [];
    let problemCount = 0;
    entries.forEach((e, i) => {
      const problem = entryProblem(pc, e);
      if (!problem) return;
      problemCount++;
      if (problems.length < 200) problems.push({ row: i + 1, message: t('error.entries.row', { row: i + 1, problem }) });
    });
    if (problemCount) throw new AppError('validation', t('error.entries.invalid', { count: problemCount }), problems);

    const enteredBy = ENTERED_BY[actor.kind];
    // An admin typing a paper sheet is named as doing it on the rater's behalf.
    const actorName = (raterId: number) => (actor.kind === 'admin' ? t('entries.audit.adminOnBehalf', { admin: actor.name, rater: pc.raters.get(raterId)?.name ?? '' }) : actor.name);
    const stamp = options.now.toISOString();
    const eachEntry = entries.length <= AUDIT_EACH_ENTRY_UP_TO;
    let saved = 0;
    let removed = 0;
    let unchanged = 0;
    const current = storedEntries(db, periodId, entries);
    const audit = auditWriter(db, options.now);
    const upsert = db.prepare(
      `INSERT INTO score (period_id, rater_id, branch_id, indicator_id, value, detail_json, entered_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, rater_id, branch_id, indicator_id)
       DO UPDATE SET value = excluded.value, detail_json = excluded.detail_json, entered_by = excluded.entered_by, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM score WHERE period_id = ? AND rater_id = ? AND branch_id = ? AND indicator_id = ?');
    for (const e of entries) {
      const key = `${e.raterId}:${e.branchId}:${e.indicatorId}`;
      const old = current.get(key) ?? null;
      const detail = (e.detail ?? []).map((d) => d.trim()).filter(Boolean);
      const next = e.value === null ? null : { value: e.value, detail };
      if (old === null && next === null) continue;
      if (old && next && old.value === next.value && JSON.stringify(old.detail) === JSON.stringify(next.detail)) {
        unchanged++;
        continue;
      }
      if (next === null) removed += remove.run(periodId, e.raterId, e.branchId, e.indicatorId).changes;
      else {
        upsert.run(periodId, e.raterId, e.branchId, e.indicatorId, next.value, detail.length ? JSON.stringify(detail) : null, enteredBy, stamp);
        saved++;
      }
      // A batch may touch one cell twice: the next change's "old" is this one's "new".
      if (next === null) current.delete(key);
      else current.set(key, next);
      if (eachEntry || old !== null) {
        audit({
          periodId,
          actorKind: actor.kind,
          actor: actorName(e.raterId),
          entity: 'score',
          action: t(next === null ? 'entries.audit.scoreRemoved' : old === null ? 'entries.audit.scoreEntered' : 'entries.audit.scoreChanged'),
          raterId: e.raterId,
          branchId: e.branchId,
          indicatorId: e.indicatorId,
          old,
          new: next,
          reason: options.reason ?? '',
        });
      }
    }
    if (!eachEntry) {
      audit({ periodId, actorKind: actor.kind, actor: actor.name, entity: 'score', action: t('entries.audit.scoreBatch', { count: entries.length }), new: { saved, removed, unchanged }, reason: options.reason ?? '' });
    }
    if (saved > 0) freezeFramework(db, pc.frameworkId, options.now);
    return { saved, removed, unchanged };
  });
}

type StoredMeasurement = { target: number; actual: number | null; floor: number | null; source: string };

/**
 * Stores business data, or none: every problem is reported with the row's
 * position in the batch. Every change goes to the audit log (old → new, who);
 * rows equal to what is stored are left alone.
 */
export function saveMeasurements(
  db: Database,
  periodId: number,
  rows: readonly MeasurementInput[],
  options: { now: Date; actor: Actor; reason?: string },
): { saved: number; unchanged: number } {
  const pc = periodContext(db, periodId);
  assertPeriodEditable(getPeriod(db, periodId));
  const problems: { row: number; message: string }[] = [];
  rows.forEach((m, i) => {
    const leaf = pc.leaves.get(m.indicatorId);
    let problem: string | null = null;
    if (!pc.branches.has(m.branchId)) problem = t('error.entries.branchNotInPeriod', { id: m.branchId });
    else if (!leaf || leaf.method?.kind !== 'quantitative') problem = t('error.entries.notQuantitative', { id: m.indicatorId });
    else if (isNotApplicable(pc.notApplicable, m.branchId, leaf.id)) problem = notApplicableInWords(pc.notApplicable, m.branchId, leaf);
    else if (!Number.isFinite(m.target)) problem = t('error.entries.targetNotNumber');
    else if (m.actual !== null && !Number.isFinite(m.actual)) problem = t('error.entries.actualNotNumber');
    else if (m.floor !== null && leaf.method.direction === 'higher' && m.floor > m.target) problem = t('error.entries.floorAboveTarget', { floor: m.floor, target: m.target });
    else if (m.floor !== null && leaf.method.direction === 'lower' && m.floor < m.target) problem = t('error.entries.floorBelowTarget', { floor: m.floor, target: m.target });
    if (problem) problems.push({ row: i + 1, message: t('error.entries.row', { row: i + 1, problem }) });
  });
  if (problems.length) throw new AppError('validation', t('error.entries.measurementsInvalid', { count: problems.length }), problems);
  const stamp = options.now.toISOString();
  let saved = 0;
  let unchanged = 0;
  inTransaction(db, () => {
    const stored = db.prepare<[number, number, number], StoredMeasurement>(
      'SELECT target, actual, floor, source FROM measurement WHERE period_id = ? AND branch_id = ? AND indicator_id = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO measurement (period_id, branch_id, indicator_id, target, actual, floor, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, branch_id, indicator_id)
       DO UPDATE SET target = excluded.target, actual = excluded.actual, floor = excluded.floor, source = excluded.source, updated_at = excluded.updated_at`,
    );
    const audit = auditWriter(db, options.now);
    for (const m of rows) {
      const old = stored.get(periodId, m.branchId, m.indicatorId) ?? null;
      const next: StoredMeasurement = { target: m.target, actual: m.actual, floor: m.floor, source: m.source.trim() };
      if (old && old.target === next.target && old.actual === next.actual && old.floor === next.floor && old.source === next.source) {
        unchanged++;
        continue;
      }
      upsert.run(periodId, m.branchId, m.indicatorId, next.target, next.actual, next.floor, next.source, stamp);
      saved++;
      audit({
        periodId,
        actorKind: options.actor.kind,
        actor: options.actor.name,
        entity: 'measurement',
        action: t(old === null ? 'entries.audit.measurementEntered' : 'entries.audit.measurementChanged'),
        branchId: m.branchId,
        indicatorId: m.indicatorId,
        old,
        new: next,
        reason: options.reason ?? '',
      });
    }
  });
  return { saved, unchanged };
}

/** Every branch in scope × quantitative leaf of the period, with what is stored (nulls where nothing is). */
export function listMeasurements(db: Database, periodId: number): MeasurementRow[] {
  const scope = loadPeriodScope(db, periodId);
  const leaves = scope.leaves.filter((l) => l.method.kind === 'quantitative');
  const stored = new Map(
    db
      .prepare<[number], StoredMeasurement & { branch_id: number; indicator_id: number; updated_at: string }>(
        'SELECT branch_id, indicator_id, target, actual, floor, source, updated_at FROM measurement WHERE period_id = ?',
      )
      .all(periodId)
      .map((m) => [`${m.branch_id}:${m.indicator_id}`, m]),
  );
  // A 不适用 cell (分类施策) takes no business data: not listed, not asked for.
  const na = notApplicableByBranch(scope);
  return scope.branches.flatMap((b) =>
    leaves.filter((leaf) => !isNotApplicable(na, b.id, leaf.id)).map((leaf) => {
      const m = stored.get(`${b.id}:${leaf.id}`);
      return {
        branchId: b.id,
        branchCode: b.code,
        branchName: b.name,
        indicatorId: leaf.id,
        indicatorCode: leaf.code,
        indicatorName: leaf.name,
        direction: leaf.method.kind === 'quantitative' ? leaf.method.direction : 'higher',
        target: m?.target ?? null,
        actual: m?.actual ?? null,
        floor: m?.floor ?? null,
        source: m?.source ?? '',
        updatedAt: m?.updated_at ?? null,
      };
    }),
  );
}
