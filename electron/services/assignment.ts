/**
 * 分工评分 (issue 11 §6) on the rater's surfaces: per rater, the leaves they score — their group's scope ∩ their own
 * (the rule is shared/domain/assignment.ts). The sheet, the write path, progress and readiness, the score workbook
 * and the paper sheet all ask here, so a rater limited to “3 安全环保” sees, is asked for and may write only those.
 */
import { assignedIds, isAssigned, scopeInWords } from '../../shared/domain/assignment';
import type { Indicator } from '../../shared/domain/framework';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import type { BranchNotApplicable } from './not-applicable';
import type { Leaf } from './period-data';
import type { PeriodScope } from './period-scope';

export interface RaterAssignment {
  /** The node ids the rater scores; null = the whole framework (the common case). */
  ids: Set<number> | null;
  /** The rater-scored leaves they are asked for, in tree order. */
  leaves: Leaf[];
  /** “只评 3 安全环保”; '' for the whole framework. */
  words: string;
}

type Scope = Pick<PeriodScope, 'indicators' | 'raterLeaves' | 'raters' | 'groupById'>;

/** One rater's assignment; a rater not in the panel scores nothing beyond what the write checks already refuse. */
export function raterAssignment(scope: Scope, raterId: number): RaterAssignment {
  const rater = scope.raters.find((r) => r.id === raterId);
  const group = rater ? scope.groupById.get(rater.groupId) : undefined;
  // `scope` may be absent on data loaded before 分工 existed: absent = everything.
  const groupScope = group?.scope ?? [];
  const raterScope = rater?.scope ?? [];
  const ids = assignedIds(scope.indicators, groupScope, raterScope);
  if (ids === null) return { ids, leaves: scope.raterLeaves, words: '' };
  // The narrower list says what the rater actually scores (a rater's own scope lies within the group's).
  const words = scopeInWords(raterScope.length ? raterScope : groupScope, scope.indicators);
  return { ids, leaves: scope.raterLeaves.filter((l) => ids.has(l.id)), words };
}

/** Every rater's assignment, by rater id. */
export function raterAssignments(scope: Scope): Map<number, RaterAssignment> {
  return new Map(scope.raters.map((r) => [r.id, raterAssignment(scope, r.id)]));
}

/** Whether a rater scores a node (absent from the map = everything). */
export const raterScores = (assignments: ReadonlyMap<number, RaterAssignment>, raterId: number, indicatorId: number): boolean =>
  isAssigned(assignments.get(raterId)?.ids ?? null, indicatorId);

/** “王建国（安全环保部）只评 3 安全环保，指标 1.2 … 不在其评分范围内”: why a value outside the rater's assignment is refused. */
export function notAssignedInWords(
  scope: Scope,
  assignment: RaterAssignment,
  raterId: number,
  leaf: Pick<Indicator, 'code' | 'name'>,
): string {
  const rater = scope.raters.find((r) => r.id === raterId);
  const group = rater ? scope.groupById.get(rater.groupId) : undefined;
  return t('error.entries.notAssigned', { rater: rater?.name ?? '', group: group?.name ?? '', scope: assignment.words, code: leaf.code, name: leaf.name });
}

/**
 * Per rater × branch, the stored values that don't count as scored: on 不适用 cells (left from before the category
 * was set) and on leaves outside the rater's assignment (left from before the assignment was set). Readiness and
 * the meeting's progress subtract these from their per-cell counts.
 */
export function uncountedStored(
  db: Database,
  periodId: number,
  na: ReadonlyMap<number, BranchNotApplicable>,
  assignments: ReadonlyMap<number, RaterAssignment>,
): (raterId: number, branchId: number) => number {
  const perCell = new Map<string, number>();
  const anyAssignment = [...assignments.values()].some((a) => a.ids !== null);
  if (na.size || anyAssignment) {
    const rows = db.prepare<[number], [number, number, number]>('SELECT rater_id, branch_id, indicator_id FROM score WHERE period_id = ?').raw(true);
    for (const [raterId, branchId, indicatorId] of rows.iterate(periodId)) {
      const uncounted = (na.get(branchId)?.ids.has(indicatorId) ?? false) || !raterScores(assignments, raterId, indicatorId);
      if (uncounted) perCell.set(`${raterId}:${branchId}`, (perCell.get(`${raterId}:${branchId}`) ?? 0) + 1);
    }
  }
  return (raterId, branchId) => perCell.get(`${raterId}:${branchId}`) ?? 0;
}
