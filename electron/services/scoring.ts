/**
 * Panel scoring on the shared PC: a rater's own sheet, saving cells as they
 * are typed (with audit), progress without values, "finished" marks, and the
 * blind rule — nobody sees the panel's values while scoring is open.
 */
import type { PeriodStatus } from '../../shared/domain/period';
import { scoreLockReason } from '../../shared/domain/score-lock';
import { isAssigned } from '../../shared/domain/assignment';
import type { RaterSheet, ScoringProgress } from '../../shared/domain/scoring';
import { inTransaction, type Database } from '../db';
import { auditWriter } from './audit';
import type { ServiceContext } from './context';
import { type EntryInput, isNotApplicable, notApplicableByBranch, saveEntries } from './entries';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { officeSheetValues } from './office';
import { eligibleRaters, isRecused, loadPeriodScope } from './period-scope';
import { raterAssignment, raterAssignments } from './assignment';
import { getPeriod } from './periods';
import { actorOf } from './actor';
import type { Session } from './session';

/** Raters may see only their own sheet; the admin may open any (to type in a paper sheet). */
function assertSheetAccess(session: Session, periodId: number, raterId: number): void {
  if (session.kind === 'admin') return;
  if (session.kind === 'rater' && session.periodId === periodId && session.raterId === raterId) return;
  throw new AppError('forbidden', session.kind === 'rater' ? t('error.scoring.ownSheetOnly') : t('error.scoring.signInFirst'));
}

export function raterRow(db: Database, periodId: number, raterId: number) {
  const row = db
    .prepare<[number, number], { name: string; title: string; finished_at: string | null; pin_hash: string | null; group_name: string }>(
      `SELECT r.name, r.title, r.finished_at, r.pin_hash, g.name AS group_name
         FROM rater r JOIN rater_group g ON g.id = r.group_id WHERE r.id = ? AND r.period_id = ?`,
    )
    .get(raterId, periodId);
  if (!row) throw new AppError('not_found', t('error.panel.raterNotFound'));
  return row;
}

/** The lock rule seen from a session: raters write as themselves, the admin as the office. */
export const lockReason = (status: PeriodStatus, finishedAt: string | null, session: Session, reason: string | undefined): string | null =>
  scoreLockReason(status, finishedAt, session.kind === 'rater' ? 'rater' : 'office', reason);

export function raterSheet(db: Database, session: Session, periodId: number, raterId: number): RaterSheet {
  assertSheetAccess(session, periodId, raterId);
  const scope = loadPeriodScope(db, periodId);
  const { period } = scope;
  const rater = raterRow(db, periodId, raterId);
  const recusals = scope.recusals.get(raterId)!;
  const na = notApplicableByBranch(scope);
  const leafIds = new Set(scope.leaves.map((l) => l.id));
  const assigned = raterAssignment(scope, raterId).ids;
  const branches = scope.branches.map((b) => {
    const excluded = na.get(b.id);
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      recused: recusals.has(b.id),
      reason: recusals.get(b.id) ?? '',
      category: excluded?.category ?? '',
      notApplicable: excluded ? [...excluded.ids].filter((id) => leafIds.has(id)) : [],
    };
  });
  const entries = db
    .prepare<[number, number], { branch_id: number; indicator_id: number; value: number; detail_json: string | null; entered_by: string; updated_at: string }>(
      'SELECT branch_id, indicator_id, value, detail_json, entered_by, updated_at FROM score WHERE period_id = ? AND rater_id = ?',
    )
    .all(periodId, raterId)
    .map((e) => ({
      branchId: e.branch_id,
      indicatorId: e.indicator_id,
      value: e.value,
      detail: e.detail_json ? (JSON.parse(e.detail_json) as string[]) : [],
      enteredBy: e.entered_by,
      updatedAt: e.updated_at,
    }));
  const locked = lockReason(period.status, rater.finished_at, session, session.kind === 'admin' ? 'x' : undefined);
  return {
    period: { id: period.id, name: period.name, status: period.status },
    rater: { id: raterId, name: rater.name, groupName: rater.group_name, title: rater.title, finishedAt: rater.finished_at, hasPin: rater.pin_hash !== null },
    indicators: scope.indicators,
    branches,
    entries,
    // 分工评分: the leaves outside the assignment are not on the rater's sheet at all.
    ...(assigned ? { assigned: [...assigned] } : {}),
    // 考核组核定: facts, not the panel's judgement, so shown to raters while scoring is open (read-only).
    office: officeSheetValues(db, scope),
    editable: locked === null,
    lockedReason: locked,
  };
}

/**
 * Saves cells of one rater's sheet as they are typed. The phase rules and
 * who-entered-it are `saveEntries`' (the one write path for scores); here
 * only who may open this sheet.
 */
export function saveRaterEntries(
  ctx: ServiceContext,
  session: Session,
  input: { periodId: number; raterId: number; entries: Omit<EntryInput, 'raterId'>[]; reason?: string },
): { saved: number; removed: number; unchanged: number } {
  assertSheetAccess(session, input.periodId, input.raterId);
  raterRow(ctx.db, input.periodId, input.raterId);
  return saveEntries(
    ctx.db,
    input.periodId,
    input.entries.map((e) => ({ ...e, raterId: input.raterId })),
    { now: ctx.now(), actor: actorOf(session), ...(input.reason ? { reason: input.reason } : {}) },
  );
}


/** Progress of everyone, counts only — never values. */
export function scoringProgress(db: Database, periodId: number): ScoringProgress {
  const scope = loadPeriodScope(db, periodId);
  const leaves = scope.raterLeaves;
  const leafIds = new Set(leaves.map((l) => l.id));
  const inScope = scope.branches.map((b) => b.id);
  const counts = db
    .prepare<[number], { rater_id: number; branch_id: number; indicator_id: number }>('SELECT rater_id, branch_id, indicator_id FROM score WHERE period_id = ?')
    .raw(false)
    .all(periodId);
  const perRater = new Map<number, number>();
  const perBranch = new Map<number, number>();
  const scopeSet = new Set(inScope);
  const recused = (raterId: number, branchId: number) => isRecused(scope, raterId, branchId);
  // 不适用 cells are expected of nobody; a value left on one from before the category was set is not counted either.
  const na = notApplicableByBranch(scope);
  // 分工评分: a rater is expected only on the leaves assigned to them; a value outside them (from before) is not counted.
  const assignments = raterAssignments(scope);
  const expectedOf = (raterId: number, branchId: number) => {
    const mine = assignments.get(raterId)?.leaves ?? leaves;
    return mine.length - mine.filter((l) => isNotApplicable(na, branchId, l.id)).length;
  };
  const assignedTo = (raterId: number, leafId: number) => isAssigned(assignments.get(raterId)?.ids ?? null, leafId);
  for (const c of counts) {
    if (!leafIds.has(c.indicator_id) || !scopeSet.has(c.branch_id) || recused(c.rater_id, c.branch_id) || isNotApplicable(na, c.branch_id, c.indicator_id)) continue;
    if (!assignedTo(c.rater_id, c.indicator_id)) continue;
    perRater.set(c.rater_id, (perRater.get(c.rater_id) ?? 0) + 1);
    perBranch.set(c.branch_id, (perBranch.get(c.branch_id) ?? 0) + 1);
  }
  const raters = scope.raters.map((r) => ({
    raterId: r.id,
    name: r.name,
    groupName: scope.groupById.get(r.groupId)?.name ?? '',
    scored: perRater.get(r.id) ?? 0,
    expected: inScope.filter((b) => !recused(r.id, b)).reduce((sum, b) => sum + expectedOf(r.id, b), 0),
    finishedAt: r.finishedAt,
  }));
  const branches = scope.branches
    .map((b) => ({
      branchId: b.id,
      code: b.code,
      name: b.name,
      scored: perBranch.get(b.id) ?? 0,
      expected: eligibleRaters(scope, b.id).reduce((sum, r) => sum + expectedOf(r.id, b.id), 0),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    raters,
    branches,
    scored: raters.reduce((s, r) => s + r.scored, 0),
    expected: raters.reduce((s, r) => s + r.expected, 0),
  };
}

/** A rater confirms their sheet is complete; only the admin can reopen it (with a reason). */
export function setFinished(ctx: ServiceContext, session: Session, input: { periodId: number; raterId: number; finished: boolean; reason?: string }): void {
  assertSheetAccess(session, input.periodId, input.raterId);
  const rater = raterRow(ctx.db, input.periodId, input.raterId);
  if (!input.finished && session.kind !== 'admin') throw new AppError('forbidden', t('error.scoring.reopenAdminOnly'));
  if (!input.finished && !input.reason?.trim()) throw new AppError('validation', t('error.scoring.reopenReasonRequired'));
  const now = ctx.now();
  inTransaction(ctx.db, () => {
    ctx.db.prepare('UPDATE rater SET finished_at = ? WHERE id = ?').run(input.finished ? now.toISOString() : null, input.raterId);
    const actor = actorOf(session);
    auditWriter(ctx.db, now)({
      periodId: input.periodId,
      actorKind: actor.kind,
      actor: actor.name,
      entity: 'period',
      action: input.finished ? t('scoring.audit.finished', { rater: rater.name }) : t('scoring.audit.reopened', { rater: rater.name }),
      raterId: input.raterId,
      reason: input.reason ?? '',
    });
  });
}

/** The panel's values are hidden from everyone until the admin opens the review step. */
export function assertResultsVisible(db: Database, periodId: number): void {
  const period = getPeriod(db, periodId);
  if (period.status === 'draft' || period.status === 'scoring') {
    throw new AppError('forbidden', t('error.scoring.resultsHidden', { name: period.name }));
  }
}
