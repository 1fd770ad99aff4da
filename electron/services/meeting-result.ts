/**
 * What a review meeting sees of a branch once its 述职评议 item is revealed:
 * the aggregate (total, subtotals, veto; grade and rank only once the whole
 * period's results may be seen), each rater's total for the branch, the
 * spread between them and the raters far from the rest. Before the reveal
 * only counts (how many raters have finished the branch) are given.
 */
import { OUTLIER_MIN_SHARE, OUTLIER_Z, type AgendaBranch, type BranchScoringProgress, type ItemResult, type RaterTotal } from '../../shared/domain/meetings';
import { Engine, roundPoints } from '../../shared/engine';
import { mean, median, populationSd } from '../../shared/engine/stats';
import type { Database } from '../db';
import type { ServiceContext } from './context';
import { AppError } from '../errors';
import { t } from '../../shared/messages';
import { officeEngineRecords } from './office';
import { isNotApplicable, notApplicableByBranch } from './entries';
import { raterAssignments, uncountedStored } from './assignment';
import { eligibleRaters, loadPeriodScope, singleRaterEngineInput, type PeriodScope } from './period-scope';

/**
 * The cells each rater has scored of each branch (one entry is one cell), as a
 * lookup; 0 where none. Shared by the meeting's progress and the gates'
 * readiness (readiness.ts), so both count a cell the same way.
 */
export function scoredCellCounts(db: Database, periodId: number, onlyBranchId: number | null = null): (raterId: number, branchId: number) => number {
  // Counted by SQLite in primary-key order (a large period has hundreds of thousands of entries).
  // Entries exist only on the leaves raters score: the services refuse any other.
  const perCell = new Map<string, number>();
  const counts = db.prepare<[number, number | null, number | null], [number, number, number]>(
    'SELECT rater_id, branch_id, count(*) FROM score WHERE period_id = ? AND (? IS NULL OR branch_id = ?) GROUP BY rater_id, branch_id',
  );
  for (const [raterId, branchId, n] of counts.raw(true).iterate(periodId, onlyBranchId, onlyBranchId)) perCell.set(`${raterId}:${branchId}`, n);
  return (raterId, branchId) => perCell.get(`${raterId}:${branchId}`) ?? 0;
}

/** Per branch of the period: how many eligible raters have scored it completely, and the cells scored — counts only. */
export function branchProgress(db: Database, periodId: number, onlyBranchId: number | null = null): Map<number, BranchScoringProgress> {
  const scope = loadPeriodScope(db, periodId);
  const cellsOf = scoredCellCounts(db, periodId, onlyBranchId);
  const na = notApplicableByBranch(scope);
  const assignments = raterAssignments(scope);
  // Values on 不适用 cells or outside a rater's assignment (left from before either was set) are not scored cells.
  const uncounted = uncountedStored(db, periodId, na, assignments);
  const out = new Map<number, BranchScoringProgress>();
  for (const { id: branchId } of scope.branches) {
    if (onlyBranchId !== null && branchId !== onlyBranchId) continue;
    const eligible = eligibleRaters(scope, branchId);
    let done = 0;
    let scored = 0;
    let expected = 0;
    for (const r of eligible) {
      // 不适用 leaves (issue 11 §7) are expected of nobody; 分工评分 (§6): each rater only their assigned ones.
      const leaves = (assignments.get(r.id)?.leaves ?? scope.raterLeaves).filter((l) => !isNotApplicable(na, branchId, l.id)).length;
      const n = cellsOf(r.id, branchId) - uncounted(r.id, branchId);
      scored += n;
      expected += leaves;
      if (n >= leaves && leaves > 0) done++;
    }
    out.set(branchId, { ratersDone: done, ratersEligible: eligible.length, cellsScored: scored, cellsExpected: expected });
  }
  return out;
}

interface RevealedItem {
  id: number;
  meetingId: number;
  periodId: number;
  branchId: number;
  revealedAt: string;
}

function revealedItem(db: Database, itemId: number): RevealedItem {
  const row = db
    .prepare<[number], { id: number; meeting_id: number; period_id: number; kind: string; branch_id: number | null; revealed_at: string | null }>(
      'SELECT a.id, a.meeting_id, m.period_id, a.kind, a.branch_id, a.revealed_at FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?',
    )
    .get(itemId);
  if (!row) throw new AppError('not_found', t('error.meetings.itemNotFound'));
  if (row.kind !== 'report' || row.branch_id === null) throw new AppError('validation', t('error.meetings.itemNotReport'));
  if (!row.revealed_at) {
    throw new AppError('forbidden', t('error.meetings.resultNotRevealed'));
  }
  return { id: row.id, meetingId: row.meeting_id, periodId: row.period_id, branchId: row.branch_id, revealedAt: row.revealed_at };
}

/** The branch's total as each rater alone scored it: the engine on that rater's entries for that branch only. */
function raterTotals(db: Database, scope: PeriodScope, branch: { id: number; code: string; name: string }): RaterTotal[] {
  const periodId = scope.period.id;
  const leaves = scope.raterLeaves;
  const leafIds = new Set(leaves.map((l) => l.id));
  const entries = db
    .prepare<[number, number], { rater_id: number; indicator_id: number; value: number }>('SELECT rater_id, indicator_id, value FROM score WHERE period_id = ? AND branch_id = ?')
    .all(periodId, branch.id);
  const measurements = db
    .prepare<[number, number], { indicator_id: number; target: number; actual: number | null; floor: number | null }>(
      'SELECT indicator_id, target, actual, floor FROM measurement WHERE period_id = ? AND branch_id = ?',
    )
    .all(periodId, branch.id)
    .map((m) => ({ branchId: branch.id, indicatorId: m.indicator_id, target: m.target, actual: m.actual, floor: m.floor }));
  // 考核组核定 counts in each rater's total as in the panel's (the rater enters nothing on those leaves).
  const office = officeEngineRecords(db, scope);
  // What each rater is asked for on this branch: their assignment (分工评分), less what doesn't apply (分类施策).
  const assignments = raterAssignments(scope);
  const na = notApplicableByBranch(scope);
  return eligibleRaters(scope, branch.id).map((r) => {
    const asked = new Set((assignments.get(r.id)?.leaves ?? leaves).filter((l) => !isNotApplicable(na, branch.id, l.id)).map((l) => l.id));
    const mine = entries.filter((e) => e.rater_id === r.id && leafIds.has(e.indicator_id) && asked.has(e.indicator_id));
    let total: number | null = null;
    if (mine.length > 0) {
      const input = singleRaterEngineInput(scope, r, branch, mine.map((e) => ({ indicatorId: e.indicator_id, value: e.value })), measurements, office);
      total = new Engine(input).result.branches[0]!.total;
    }
    return {
      raterId: r.id,
      name: r.name,
      seat: scope.raters.indexOf(r) + 1,
      groupName: scope.groupById.get(r.groupId)!.name,
      total,
      entries: mine.length,
      expected: asked.size,
      complete: mine.length >= asked.size && asked.size > 0,
      z: null,
      fromMedian: null,
      outlier: false,
    };
  });
}

export function itemResult(ctx: ServiceContext, itemId: number): ItemResult {
  const { db } = ctx;
  const item = revealedItem(db, itemId);
  const scope = loadPeriodScope(db, item.periodId);
  const { period } = scope;
  const b = db
    .prepare<[number], { id: number; code: string; name: string; unit: string; secretary: string; member_count: number | null }>('SELECT * FROM branch WHERE id = ?')
    .get(item.branchId)!;
  const inPeriod = scope.branchById.has(b.id);
  if (!inPeriod) throw new AppError('conflict', t('error.meetings.resultBranchGone', { code: b.code, name: b.name }));
  const branch: AgendaBranch = { id: b.id, code: b.code, name: b.name, unit: b.unit, secretary: b.secretary, memberCount: b.member_count, inPeriod };
  const engine = ctx.results.engine(db, item.periodId);
  const row = engine.result.branches.find((x) => x.branchId === b.id)!;
  const indicators = new Map(scope.indicators.map((i) => [i.id, i]));
  const visible = period.status === 'review' || period.status === 'finalised';

  const raters = raterTotals(db, scope, b);
  const complete = raters.filter((r) => r.complete && r.total !== null);
  const totals = complete.map((r) => r.total!);
  let spread: ItemResult['spread'] = null;
  let farthestRaterId: number | null = null;
  if (totals.length > 0) {
    const m = mean(totals);
    const sd = populationSd(totals);
    const med = median(totals);
    spread = {
      raters: totals.length,
      max: Math.max(...totals),
      min: Math.min(...totals),
      range: roundPoints(Math.max(...totals) - Math.min(...totals)),
      mean: roundPoints(m),
      median: roundPoints(med),
      sd: roundPoints(sd),
    };
    let farthest = 0;
    for (const r of complete) {
      const fromMedian = roundPoints(r.total! - med);
      r.fromMedian = fromMedian;
      if (sd > 0 && totals.length >= 3) {
        r.z = Math.round(((r.total! - m) / sd) * 100) / 100;
        r.outlier = Math.abs(r.z) >= OUTLIER_Z && Math.abs(fromMedian) >= OUTLIER_MIN_SHARE * engine.result.baseMax;
      }
      if (Math.abs(fromMedian) > farthest) {
        farthest = Math.abs(fromMedian);
        farthestRaterId = r.raterId;
      }
    }
    if (totals.length < 3) farthestRaterId = null;
  }

  return {
    itemId: item.id,
    revealedAt: item.revealedAt,
    branch,
    total: row.total,
    base: row.base,
    bonus: row.bonus,
    tags: row.tags,
    vetoed: row.vetoed,
    vetoItems: row.vetoIndicatorIds.map((id) => indicators.get(id)?.name ?? String(id)),
    grade: visible ? row.grade : null,
    rank: visible ? row.rank : null,
    gradeLabels: period.settings.grades.map((g) => g.label),
    branchCount: engine.result.branches.length,
    complete: row.complete,
    missing: row.missing,
    progress: branchProgress(db, item.periodId, b.id).get(b.id)!,
    raters,
    spread,
    outlierRaterIds: raters.filter((r) => r.outlier).map((r) => r.raterId),
    farthestRaterId,
    presenterNames: period.settings.presenterNames,
  };
}
