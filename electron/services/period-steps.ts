/**
 * Moving a period one step on (准备中 → 评分中 → 评审中 → 已定稿). Starting
 * to score needs a valid framework, branches and a panel; 进入评审 and 定稿
 * are gated (readiness.ts): with scores, business data or — for 定稿 — agenda
 * items missing they go ahead only with a reason, which is recorded.
 *
 * Its own module because the gate reads the whole period (period-scope.ts),
 * which itself reads periods.ts.
 */
import { validateFramework, hasErrors, type FrameworkIssue } from '../../shared/domain/framework-validate';
import { categoryIssues } from '../../shared/domain/framework-categories';
import { PERIOD_STATUS_LABELS, PERIOD_STATUSES, type PeriodStatus } from '../../shared/domain/period';
import type { GateStep } from '../../shared/domain/readiness';
import type { Period } from '../../shared/domain/views';
import { t } from '../../shared/messages';
import { inTransaction, withAuditContext, type Database } from '../db';
import type { ErrorDetail } from '../../shared/result';
import { AppError } from '../errors';
import { SYSTEM, type Actor } from './actor';
import { frameworkCategories, getIndicators } from './frameworks';
import { assertPeriodEditable, getPeriod } from './periods';
import { passGate } from './readiness';
import { unassignedLeaves } from './panel-scope';


/** The gate in front of each status, where there is one. */
const GATES: Partial<Record<PeriodStatus, GateStep>> = { review: 'review', finalised: 'finalise' };

/**
 * Moves a period one step forward. `override`: the reason to move on although
 * something is missing (asked for only then; ignored when nothing is).
 */
/** How many of the framework's errors a refusal spells out; the rest are counted (all of them are listed in 指标体系). */
const ERRORS_SPELLED_OUT = 5;

/** The framework's errors, each by indicator and rule, so the refusal says exactly what to fix (not only how many). */
export function frameworkErrorsInWords(issues: readonly FrameworkIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, ERRORS_SPELLED_OUT).map((i) => i.message);
  const more = errors.length - shown.length;
  return t('error.period.notReady.frameworkErrors', { count: errors.length, list: shown.join('；') }) + (more > 0 ? t('error.period.notReady.frameworkMore', { more }) : '');
}

/** How many unassigned leaves (分工评分) the refusal's message names; every one is in its details. */
const LEAVES_SPELLED_OUT = 5;

/** How many branches one refusal names per category; the rest are counted. */
const BRANCHES_SPELLED_OUT = 10;

/**
 * 分类施策: a branch of the period whose 支部类别 the framework does not distinguish would be scored as if it had
 * none — refused instead, one message per unknown category naming its branches. A framework without categories has
 * no 适用类别 either, so there a branch's category changes nothing and is not checked.
 */
function unknownBranchCategories(db: Database, periodId: number, categories: readonly string[]): string[] {
  if (categories.length === 0) return [];
  const rows = db
    .prepare<[number], { code: string; category: string }>(
      `SELECT b.code, b.category FROM period_branch pb JOIN branch b ON b.id = pb.branch_id
        WHERE pb.period_id = ? AND b.category <> '' ORDER BY b.code`,
    )
    .all(periodId)
    .filter((r) => !categories.includes(r.category));
  const byCategory = new Map<string, string[]>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r.code]);
  return [...byCategory].map(([category, codes]) =>
    t('error.period.notReady.branchCategory', {
      branches: codes.slice(0, BRANCHES_SPELLED_OUT).join('、') + (codes.length > BRANCHES_SPELLED_OUT ? t('error.period.notReady.branchCategoryMore', { count: codes.length }) : ''),
      category,
      categories: categories.join('、'),
    }),
  );
}

export function advancePeriod(db: Database, id: number, to: PeriodStatus, now: Date, actor: Actor = SYSTEM, override?: string): Period {
  const period = getPeriod(db, id);
  if (period.archivedAt) assertPeriodEditable(period);
  const from = PERIOD_STATUSES.indexOf(period.status);
  if (PERIOD_STATUSES.indexOf(to) !== from + 1) {
    throw new AppError('validation', t('error.period.statusSkip', { name: period.name, from: PERIOD_STATUS_LABELS[period.status], to: PERIOD_STATUS_LABELS[to] }));
  }
  if (to === 'scoring') {
    const problems: string[] = [];
    // The same problems one by one, each with the page that fixes it: the screen lists them without
    // cutting the message apart (a framework error may itself contain “；”).
    const details: ErrorDetail[] = [];
    const indicators = getIndicators(db, period.frameworkId);
    const categories = frameworkCategories(db, period.frameworkId);
    const issues = [...validateFramework(indicators, { gradeLabels: period.settings.grades.map((g) => g.label) }), ...categoryIssues(indicators, categories)];
    if (hasErrors(issues)) {
      problems.push(frameworkErrorsInWords(issues));
      for (const i of issues.filter((x) => x.severity === 'error')) details.push({ field: 'framework', message: i.message });
    }
    for (const message of unknownBranchCategories(db, id, categories)) {
      problems.push(message);
      details.push({ field: 'branches', message });
    }
    if (period.branchCount === 0) problems.push(t('error.period.notReady.noBranches'));
    if (period.branchCount === 0) details.push({ field: 'branches', message: t('error.period.notReady.noBranches') });
    if (period.raterCount === 0) problems.push(t('error.period.notReady.noRaters'));
    if (period.raterCount === 0) details.push({ field: 'raters', message: t('error.period.notReady.noRaters') });
    // 分工评分: a rater-scored leaf no group's (or rater's) scope covers would be scored by nobody — refused, by leaf.
    const unassigned = unassignedLeaves(db, id, indicators).map((leaf) => t('error.period.notReady.leafUnassigned', { code: leaf.code, name: leaf.name }));
    for (const message of unassigned) details.push({ field: 'raters', message });
    if (unassigned.length) {
      const more = unassigned.length - LEAVES_SPELLED_OUT;
      problems.push([...unassigned.slice(0, LEAVES_SPELLED_OUT), ...(more > 0 ? [t('error.period.notReady.leafUnassignedMore', { more })] : [])].join('；'));
    }
    if (problems.length) throw new AppError('validation', t('error.period.notReady', { name: period.name, problems: problems.join('；') }), details);
  }
  const gate = GATES[to];
  inTransaction(db, () => {
    const reason = gate ? passGate(db, id, gate, override, now, actor) : null;
    // The status change writes its own audit row (trigger period_status_audit), naming the actor and, when overridden, the reason.
    withAuditContext(db, { actorKind: actor.kind, actor: actor.name, now, ...(reason ? { reason } : {}) }, () => {
      db.prepare('UPDATE period SET status = ?, updated_at = ? WHERE id = ?').run(to, now.toISOString(), id);
    });
  });
  return getPeriod(db, id);
}
