/**
 * The gates before a period moves on (进入评审, 标记为已公示, 定稿): what is
 * still missing, and moving on anyway. With anything missing a step is
 * refused (`incomplete`, the counts in words and the first items listed)
 * unless the office gives a reason; then the step goes ahead and a
 * period_override row plus an audit row record who, when, why and what was
 * missing. With nothing missing a reason is not asked for and not stored.
 *
 * What counts as missing (docs/user/periods.md):
 * - scores: per rater × branch they are not recused from, the leaves the panel
 *   scores that have no entry (counted as the meeting's progress counts them);
 *   a leaf 不适用 to the branch's 支部类别 is missing nowhere (scores, business
 *   data or 考核组核定: issue 11 §7);
 * - business data: per branch × quantitative leaf, no actual value;
 * - 考核组核定: per branch × office-recorded leaf, no record;
 * - agenda (定稿 only): items of the period's meetings that were opened
 *   (in progress or closed) — a 述职评议 whose scores were never revealed, or
 *   any item with no 议定事项 recorded. A meeting still planned is not
 *   checked: it never took place, so nothing was left undecided in it.
 */
import { agendaItemTitle } from '../../shared/domain/meetings';
import type { GateOverride, GateStep, MissingMeasurement, MissingOfficeRecord, MissingScores, OpenAgendaItem, Readiness } from '../../shared/domain/readiness';
import type { ErrorDetail } from '../../shared/result';
import { t } from '../../shared/messages';
import { inTransaction, type Database } from '../db';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { auditWriter } from './audit';
import { type BranchNotApplicable, isNotApplicable, notApplicableByBranch } from './entries';
import { scoredCellCounts } from './meeting-result';
import { raterAssignments, uncountedStored } from './assignment';
import { officeRows } from './office';
import { isRecused, loadPeriodScope, type PeriodScope } from './period-scope';
import { periodStatus } from './periods';

/** How many missing things the refusal lists one by one; the rest are counted. */
const DETAIL_LIMIT = 20;

function missingScores(db: Database, scope: PeriodScope, na: ReadonlyMap<number, BranchNotApplicable>): MissingScores[] {
  const leaves = scope.raterLeaves.length;
  if (leaves === 0) return [];
  const cellsOf = scoredCellCounts(db, scope.period.id);
  const assignments = raterAssignments(scope);
  const naStored = uncountedStored(db, scope.period.id, na, assignments);
  const out: MissingScores[] = [];
  for (const rater of scope.raters) {
    // 分工评分 (issue 11 §6): a rater is expected only on their assigned leaves.
    const mine = assignments.get(rater.id)?.leaves ?? scope.raterLeaves;
    for (const branch of scope.branches) {
      if (isRecused(scope, rater.id, branch.id)) continue;
      // 不适用 cells are expected of nobody (issue 11 §7: not missing).
      const expected = mine.length - mine.filter((l) => isNotApplicable(na, branch.id, l.id)).length;
      const cells = expected - (cellsOf(rater.id, branch.id) - naStored(rater.id, branch.id));
      if (cells > 0) out.push({ raterId: rater.id, raterName: rater.name, branchId: branch.id, branchCode: branch.code, branchName: branch.name, cells });
    }
  }
  return out;
}

function missingMeasurements(db: Database, scope: PeriodScope, na: ReadonlyMap<number, BranchNotApplicable>): MissingMeasurement[] {
  const quantitative = scope.leaves.filter((l) => l.method.kind === 'quantitative');
  if (quantitative.length === 0) return [];
  const given = new Set(
    db
      .prepare<[number], { branch_id: number; indicator_id: number }>('SELECT branch_id, indicator_id FROM measurement WHERE period_id = ? AND actual IS NOT NULL')
      .all(scope.period.id)
      .map((m) => `${m.branch_id}:${m.indicator_id}`),
  );
  return scope.branches.flatMap((b) =>
    quantitative
      .filter((l) => !given.has(`${b.id}:${l.id}`) && !isNotApplicable(na, b.id, l.id))
      .map((l) => ({ branchId: b.id, branchCode: b.code, branchName: b.name, indicatorId: l.id, indicatorCode: l.code, indicatorName: l.name })),
  );
}

function missingOffice(db: Database, scope: PeriodScope, na: ReadonlyMap<number, BranchNotApplicable>): MissingOfficeRecord[] {
  return officeRows(db, scope)
    .filter((r) => r.value === null && !isNotApplicable(na, r.branchId, r.indicatorId))
    .map((r) => ({ branchId: r.branchId, branchCode: r.branchCode, branchName: r.branchName, indicatorId: r.indicatorId, indicatorCode: r.indicatorCode, indicatorName: r.indicatorName }));
}

interface AgendaRow {
  meeting_id: number;
  meeting_title: string;
  id: number;
  kind: 'report' | 'other';
  title: string;
  revealed_at: string | null;
  decision: string;
  branch_code: string | null;
  branch_name: string | null;
}

function openAgendaItems(db: Database, periodId: number): OpenAgendaItem[] {
  const rows = db
    .prepare<[number], AgendaRow>(
      `SELECT m.id AS meeting_id, m.title AS meeting_title, a.id, a.kind, a.title, a.revealed_at, a.decision, b.code AS branch_code, b.name AS branch_name
         FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN branch b ON b.id = a.branch_id
        WHERE m.period_id = ? AND m.status <> 'planned'
        ORDER BY m.date, m.id, a.position, a.id`,
    )
    .all(periodId);
  const out: OpenAgendaItem[] = [];
  for (const r of rows) {
    // An unrevealed 述职评议 is one open item (its decision comes after the reveal).
    const problem = r.kind === 'report' && r.revealed_at === null ? 'unrevealed' : r.decision.trim() === '' ? 'undecided' : null;
    if (!problem) continue;
    const branch = r.branch_code === null ? null : { id: 0, code: r.branch_code, name: r.branch_name ?? '', unit: '', secretary: '', memberCount: null, inPeriod: true };
    out.push({ meetingId: r.meeting_id, meetingTitle: r.meeting_title, itemId: r.id, title: agendaItemTitle({ kind: r.kind, title: r.title, branch }), problem });
  }
  return out;
}

/** What taking `step` now would leave missing (not_found for an unknown period). */
export function periodReadiness(db: Database, periodId: number, step: GateStep): Readiness {
  const scope = loadPeriodScope(db, periodId);
  const na = notApplicableByBranch(scope);
  const scores = missingScores(db, scope, na);
  const measurements = missingMeasurements(db, scope, na);
  const office = missingOffice(db, scope, na);
  const agenda = step === 'finalise' ? openAgendaItems(db, periodId) : [];
  const missingCells = scores.reduce((sum, s) => sum + s.cells, 0);
  return { periodId, step, scores, missingCells, measurements, office, agenda, complete: scores.length === 0 && measurements.length === 0 && office.length === 0 && agenda.length === 0 };
}

const countsOf = (r: Readiness): GateOverride['missing'] => ({
  cells: r.missingCells,
  measurements: r.measurements.length,
  agendaItems: r.agenda.length,
  // Only when any were missing, so the rows of periods without office leaves read as before.
  ...(r.office.length > 0 ? { office: r.office.length } : {}),
});

/** “3 位评委的 46 项评分、5 项业务数据、2 项考核组核定未录入，2 个议程事项未揭晓或未作决定” — the parts that apply. */
export function missingSummary(r: Readiness): string {
  const entries: string[] = [];
  if (r.missingCells > 0) entries.push(t('gate.missing.scores', { raters: new Set(r.scores.map((s) => s.raterId)).size, cells: r.missingCells }));
  if (r.measurements.length > 0) entries.push(t('gate.missing.measurements', { count: r.measurements.length }));
  if (r.office.length > 0) entries.push(t('gate.missing.office', { count: r.office.length }));
  const clauses: string[] = [];
  if (entries.length) clauses.push(t('gate.missing.entries', { parts: entries.join('、') }));
  if (r.agenda.length) clauses.push(t('gate.missing.agenda', { count: r.agenda.length }));
  return clauses.join('，');
}

/** The counts as the audit log's action puts them: “46 项评分、5 项业务数据”. */
export function missingCounts(missing: GateOverride['missing']): string {
  const parts: string[] = [];
  if (missing.cells > 0) parts.push(t('gate.missing.cells', { count: missing.cells }));
  if (missing.measurements > 0) parts.push(t('gate.missing.measurements', { count: missing.measurements }));
  if (missing.office) parts.push(t('gate.missing.office', { count: missing.office }));
  if (missing.agendaItems > 0) parts.push(t('gate.missing.agendaItems', { count: missing.agendaItems }));
  return parts.join('、');
}

/** Each missing thing in words, in the readiness' order. */
export function missingLines(r: Readiness): string[] {
  return [
    ...r.scores.map((s) => t('gate.detail.scores', { rater: s.raterName, code: s.branchCode, branch: s.branchName, cells: s.cells })),
    ...r.measurements.map((m) =>
      t('gate.detail.measurement', { code: m.branchCode, branch: m.branchName, indicatorCode: m.indicatorCode, indicator: m.indicatorName }),
    ),
    ...r.office.map((o) => t('gate.detail.office', { code: o.branchCode, branch: o.branchName, indicatorCode: o.indicatorCode, indicator: o.indicatorName })),
    ...r.agenda.map((a) => t(a.problem === 'unrevealed' ? 'gate.detail.unrevealed' : 'gate.detail.undecided', { meeting: a.meetingTitle, item: a.title })),
  ];
}

function refusal(r: Readiness): AppError {
  const lines = missingLines(r);
  const details: ErrorDetail[] = lines.slice(0, DETAIL_LIMIT).map((message) => ({ message }));
  if (lines.length > DETAIL_LIMIT) details.push({ message: t('gate.detail.more', { count: lines.length - DETAIL_LIMIT }) });
  return new AppError('incomplete', t('error.gate.incomplete', { missing: missingSummary(r), step: t(`gate.step.${r.step}`) }), details);
}

/**
 * Lets a gated step through, or refuses it. Complete: null (any `override`
 * is ignored). Incomplete without a reason: AppError('incomplete'). With a
 * reason: records the override (its row and an audit row) and returns the
 * reason, for the step's own audit row to carry too. Run it in the step's
 * transaction, so a refused or failed step leaves no override behind.
 */
export function passGate(db: Database, periodId: number, step: GateStep, override: string | undefined, now: Date, actor: Actor): string | null {
  const readiness = periodReadiness(db, periodId, step);
  if (readiness.complete) return null;
  const reason = override?.trim() ?? '';
  if (!reason) throw refusal(readiness);
  const missing = countsOf(readiness);
  inTransaction(db, () => {
    db.prepare('INSERT INTO period_override (period_id, step, at, actor_kind, actor, reason, missing_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      periodId,
      step,
      now.toISOString(),
      actor.kind,
      actor.name,
      reason,
      JSON.stringify(missing),
    );
    auditWriter(db, now)({
      periodId,
      actorKind: actor.kind,
      actor: actor.name,
      entity: 'period',
      action: t('gate.audit.override', { step: t(`gate.step.${step}`), missing: missingCounts(missing) }),
      new: { step, missing },
      reason,
    });
  });
  return reason;
}

interface OverrideRow {
  id: number;
  period_id: number;
  step: GateStep;
  at: string;
  actor: string;
  reason: string;
  missing_json: string;
}

/** The steps the period took with something missing, oldest first. */
export function listOverrides(db: Database, periodId: number): GateOverride[] {
  periodStatus(db, periodId); // not_found for an unknown period, rather than an empty list
  return db
    .prepare<[number], OverrideRow>('SELECT id, period_id, step, at, actor, reason, missing_json FROM period_override WHERE period_id = ? ORDER BY id')
    .all(periodId)
    .map((r) => ({ id: r.id, periodId: r.period_id, step: r.step, at: r.at, actor: r.actor, reason: r.reason, missing: JSON.parse(r.missing_json) as GateOverride['missing'] }));
}
