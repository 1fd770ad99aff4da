/**
 * What a period is about, loaded in one place: the period (settings and
 * status), its framework (every indicator, and the leaves in the order people
 * read them), its panel (groups, raters with their recusals and "finished"
 * marks) and the branches in scope, by code. Results, scoring, entries, the
 * meeting's per-rater totals, self-assessment and the documents all start
 * from this, so they agree on what "in scope" and "a leaf" mean.
 */
import type { Indicator } from '../../shared/domain/framework';
import type { Period, Rater, RaterGroup } from '../../shared/domain/views';
import type { EngineBranch, EngineInput, EngineMeasurement, EngineOfficeRecord, EngineScore, ScoreColumns } from '../../shared/engine';
import { oneRaterInput } from '../../shared/engine/one-rater';
import type { Database } from '../db';
import { getIndicators } from './frameworks';
import { loadPanel, OWN_BRANCH_REASON } from './panel';
import { isRaterScored, leavesInOrder, type Leaf } from './period-data';
import { getPeriod } from './periods';

/** A branch in the period's scope, with what the documents print about it. */
export interface ScopeBranch {
  id: number;
  code: string;
  name: string;
  secretary: string;
  unit: string;
  /** 支部类别 ('' = none): decides which indicators apply to it (docs/scoring-rules.md “适用范围与折算”). */
  category: string;
}

export interface PeriodScope {
  period: Period;
  /** The framework's indicators as stored (the engine's input order). */
  indicators: Indicator[];
  /** Every leaf, in tree order (depth first, siblings by position). */
  leaves: Leaf[];
  /** The leaves the panel scores (all but quantitative ones), in tree order. */
  raterLeaves: Leaf[];
  leafById: Map<number, Leaf>;
  groups: RaterGroup[];
  /** Raters in panel order, each with recusals (own branch first) and finished mark. */
  raters: Rater[];
  /** Branches in scope, by code. */
  branches: ScopeBranch[];
  groupById: Map<number, RaterGroup>;
  raterById: Map<number, Rater>;
  branchById: Map<number, ScopeBranch>;
  /** Rater id → the branches they are recused from, with the reason. */
  recusals: Map<number, Map<number, string>>;
}

/** The period's scope; not_found (getPeriod's words) for an unknown period. */
export function loadPeriodScope(db: Database, periodId: number): PeriodScope {
  const period = getPeriod(db, periodId);
  const indicators = getIndicators(db, period.frameworkId);
  const leaves = leavesInOrder(indicators);
  const panel = loadPanel(db, periodId);
  const branches = db
    .prepare<[number], ScopeBranch>(
      'SELECT b.id, b.code, b.name, b.secretary, b.unit, b.category FROM period_branch pb JOIN branch b ON b.id = pb.branch_id WHERE pb.period_id = ? ORDER BY b.code',
    )
    .all(periodId);
  return {
    period,
    indicators,
    leaves,
    raterLeaves: leaves.filter(isRaterScored),
    leafById: new Map(leaves.map((l) => [l.id, l])),
    groups: panel.groups,
    raters: panel.raters,
    branches,
    groupById: new Map(panel.groups.map((g) => [g.id, g])),
    raterById: new Map(panel.raters.map((r) => [r.id, r])),
    branchById: new Map(branches.map((b) => [b.id, b])),
    recusals: new Map(panel.raters.map((r) => [r.id, new Map(r.recusals.map((c) => [c.branchId, c.reason]))])),
  };
}

/** Whether a rater is recused from a branch. */
export const isRecused = (scope: PeriodScope, raterId: number, branchId: number): boolean => scope.recusals.get(raterId)?.has(branchId) ?? false;

/** The raters who score a branch (not recused from it), in panel order. */
export const eligibleRaters = (scope: PeriodScope, branchId: number): Rater[] => scope.raters.filter((r) => !isRecused(scope, r.id, branchId));

// The category only when set: a branch without one is the same engine input (and results fingerprint) as before.
const engineBranch = (b: { id: number; code: string; name: string; category?: string }): EngineBranch => ({
  id: b.id,
  code: b.code,
  name: b.name,
  ...(b.category ? { category: b.category } : {}),
});

/** The whole panel's engine input: every branch in scope, every rater with their group's weight and recusals. */
export function panelEngineInput(scope: PeriodScope, scores: EngineScore[] | ScoreColumns, measurements: EngineMeasurement[]): EngineInput {
  return {
    indicators: scope.indicators,
    branches: scope.branches.map(engineBranch),
    // 分工评分 scopes only when set: a panel without assignment is the same engine input (and fingerprint) as before.
    groups: scope.groups.map((g) => ({
      id: g.id,
      name: g.name,
      weight: g.weight,
      combine: g.combine,
      trimMinRaters: g.trimMinRaters,
      ...(g.scope?.length ? { scope: g.scope } : {}),
    })),
    raters: scope.raters.map((r) => ({ id: r.id, name: r.name, groupId: r.groupId, ...(r.scope?.length ? { scope: r.scope } : {}) })),
    recusals: scope.raters.flatMap((r) =>
      r.recusals.map((c) => ({ raterId: r.id, branchId: c.branchId, reason: c.reason || OWN_BRANCH_REASON })),
    ),
    scores,
    measurements,
    settings: scope.period.settings,
  };
}

/**
 * One rater alone on one branch: their entries as the engine counts them —
 * raw points, no normalisation, no quota (what a meeting shows per rater).
 * `office` is the period's office records (考核组核定, officeEngineRecords):
 * required, so the rater's total counts the office-recorded points the panel
 * result counts; only this branch's are passed on.
 */
export function singleRaterEngineInput(
  scope: PeriodScope,
  rater: { id: number; name: string; groupId: number; scope?: string[] },
  branch: { id: number; code: string; name: string },
  entries: readonly { indicatorId: number; value: number }[],
  measurements: EngineMeasurement[],
  office: readonly EngineOfficeRecord[],
): EngineInput {
  return oneRaterInput({
    indicators: scope.indicators,
    settings: { ...scope.period.settings, quotas: [] },
    // The rater's and group's scopes (分工评分) go with them: leaves outside count nowhere, as in the panel's result.
    rater: { id: rater.id, name: rater.name, ...(rater.scope?.length ? { scope: rater.scope } : {}) },
    group: scope.groupById.get(rater.groupId)!,
    // The category as the scope holds it, so the rater's total leaves out what the panel's result leaves out.
    branches: [engineBranch({ ...branch, category: scope.branchById.get(branch.id)?.category })],
    scores: entries.map((e) => ({ branchId: branch.id, indicatorId: e.indicatorId, value: e.value })),
    measurements,
    office: office.filter((o) => o.branchId === branch.id),
  });
}
