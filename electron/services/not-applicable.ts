/**
 * 分类施策 (issue 11 §7) on the service side: per branch in scope, what doesn't apply to its 支部类别 (the rule is
 * shared/domain/applicability.ts), and the refusal's words. Its own module so the write path (entries.ts) and the
 * assignment helpers (assignment.ts) both read it without importing each other.
 */
import type { Indicator } from '../../shared/domain/framework';
import { notApplicableIds } from '../../shared/domain/applicability';
import { t } from '../../shared/messages';
import type { PeriodScope } from './period-scope';

/** A branch whose 支部类别 excludes some indicators: the category, and the ids of the nodes that don't apply. */
export interface BranchNotApplicable {
  code: string;
  category: string;
  ids: Set<number>;
}

/**
 * 分类施策 (issue 11 §7): per branch in scope, what doesn't apply to its 支部类别 (the rule is applicability.ts);
 * only branches with something excluded are in the map, so the common case is an empty map. Every rater surface —
 * the sheet, this write path, progress and readiness, the score workbook, the paper sheet, the self-assessment —
 * asks here.
 */
export function notApplicableByBranch(scope: Pick<PeriodScope, 'indicators' | 'branches'>): Map<number, BranchNotApplicable> {
  const out = new Map<number, BranchNotApplicable>();
  if (!scope.indicators.some((n) => n.appliesTo && n.appliesTo.length > 0)) return out;
  for (const b of scope.branches) {
    const ids = notApplicableIds(scope.indicators, b.category);
    if (ids.size) out.set(b.id, { code: b.code, category: b.category, ids });
  }
  return out;
}

/** “HG-01 是机关支部，指标 2.3 安全生产 不适用，不评分”: why a value on a 不适用 cell is refused (call only for one). */
export const notApplicableInWords = (na: ReadonlyMap<number, BranchNotApplicable>, branchId: number, leaf: Pick<Indicator, 'code' | 'name'>): string => {
  const b = na.get(branchId)!;
  return t('error.entries.notApplicable', { branch: b.code, category: b.category, code: leaf.code, name: leaf.name });
};

/** Whether a branch × indicator cell is 不适用. */
export const isNotApplicable = (na: ReadonlyMap<number, BranchNotApplicable>, branchId: number, indicatorId: number): boolean =>
  na.get(branchId)?.ids.has(indicatorId) ?? false;
