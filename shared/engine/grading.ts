/**
 * From rolled-up branches to results: rounding, veto, grades by threshold,
 * quotas, ranks with the documented tie-break, and the fusion quadrant
 * (docs/scoring-rules.md §6–10).
 */
import type { Tag } from '../domain/framework';
import type { PeriodSettings } from '../domain/period';
import type { BranchRollup, ScoringModel } from './model';
import { roundPoints, roundRate } from './round';
import type { BranchResult, EngineResult, GradeExplanation, NodeValue, Quadrant, QuotaOutcome, TagSubtotal } from './types';

export interface Graded {
  result: EngineResult;
  /** Per branch id: how its grade came about. */
  gradeSteps: Map<number, GradeExplanation>;
}

interface Row {
  rollup: BranchRollup;
  total: number;
  base: number;
  bonus: number;
  tags: Record<Tag, TagSubtotal>;
  deducted: number;
  vetoed: boolean;
  vetoIds: number[];
  /** Index into settings.grades: 0 is the highest grade. */
  gradeIndex: number;
  rank: number;
}

const TAG_LIST: Tag[] = ['party', 'business', 'fusion'];

/** Ordering of the tie-break: total, business, party (higher first), then fewer deducted points. */
const compareKeys = (a: Row, b: Row) =>
  b.total - a.total ||
  b.tags.business.points - a.tags.business.points ||
  b.tags.party.points - a.tags.party.points ||
  a.deducted - b.deducted;

function thresholdIndex(grades: PeriodSettings['grades'], total: number): number {
  for (let g = 0; g < grades.length - 1; g++) if (total >= grades[g]!.min) return g;
  return grades.length - 1;
}

function capIndex(model: ScoringModel, rollup: BranchRollup): number {
  const grades = model.settings.grades;
  let worst = -1;
  for (const slot of rollup.vetoSlots) {
    const method = model.fw.nodes[model.fw.leaves[slot]!]!.method;
    const label = method?.kind === 'veto' ? method.capGrade : null;
    const idx = label === null ? -1 : grades.findIndex((g) => g.label === label);
    worst = Math.max(worst, idx < 0 ? grades.length - 1 : idx);
  }
  return worst;
}

function nodeValues(model: ScoringModel, rollup: BranchRollup): Record<number, NodeValue> {
  const nodes: Record<number, NodeValue> = {};
  model.fw.nodes.forEach((n, i) => {
    const p = rollup.points[i]!;
    nodes[n.id] = { points: Number.isNaN(p) ? null : roundPoints(p), complete: rollup.complete[i] === 1 };
    if (rollup.na !== null && rollup.na[i]) nodes[n.id]!.notApplicable = true;
  });
  return nodes;
}

/** 折算 as printed: points to 0.01, the factor to 0.0001 (the base itself was worked unrounded). */
export const roundedRescale = (r: NonNullable<BranchRollup['rescaled']>) => ({
  applicableMax: roundPoints(r.applicableMax),
  rawBase: roundPoints(r.rawBase),
  factor: roundRate(r.factor),
});

export function grade(model: ScoringModel, nodeCache?: Map<BranchRollup, Record<number, NodeValue>>): Graded {
  const { settings, fw } = model;
  const grades = settings.grades;
  const branches = model.input.branches;

  const rows: Row[] = model.rollups.map((rollup) => {
    const tags = {} as Record<Tag, TagSubtotal>;
    for (const t of TAG_LIST) {
      const max = rollup.tagMax[t]; // the framework's, less what doesn't apply to the branch
      tags[t] = { points: roundPoints(rollup.tags[t]), max: roundPoints(max), rate: max > 0 ? roundRate(rollup.tags[t] / max) : null };
    }
    const base = roundPoints(rollup.base);
    const bonus = roundPoints(rollup.bonus);
    return {
      rollup,
      total: roundPoints(rollup.base + rollup.bonus),
      base,
      bonus,
      tags,
      deducted: roundPoints(rollup.deducted),
      vetoed: rollup.vetoSlots.length > 0,
      vetoIds: rollup.vetoSlots.map((slot) => fw.nodes[fw.leaves[slot]!]!.id),
      gradeIndex: grades.length - 1,
      rank: 0,
    };
  });

  // Ranks: non-vetoed first, then vetoed; equal keys share a rank and the next one skips.
  const ordered = [...rows].sort((a, b) => Number(a.vetoed) - Number(b.vetoed) || compareKeys(a, b) || a.rollup.branchIndex - b.rollup.branchIndex);
  ordered.forEach((row, i) => {
    const prev = ordered[i - 1];
    row.rank = prev && prev.vetoed === row.vetoed && compareKeys(prev, row) === 0 ? prev.rank : i + 1;
  });

  // Grades by threshold, then the veto cap.
  const steps = new Map<number, GradeExplanation>();
  for (const row of ordered) {
    const byThreshold = thresholdIndex(grades, row.total);
    const cap = row.vetoed ? capIndex(model, row.rollup) : -1;
    row.gradeIndex = Math.max(byThreshold, cap);
    steps.set(branches[row.rollup.branchIndex]!.id, {
      total: row.total,
      byThreshold: grades[byThreshold]!.label,
      thresholdMin: byThreshold === grades.length - 1 ? 0 : grades[byThreshold]!.min,
      veto: row.vetoed ? { indicatorIds: row.vetoIds, capGrade: grades[cap]!.label } : null,
      afterVeto: grades[row.gradeIndex]!.label,
      quota: null,
      grade: grades[row.gradeIndex]!.label,
    });
  }

  // Quotas from the top grade down; moved branches join the next grade (and its quota).
  const quotas: QuotaOutcome[] = [];
  const n = rows.length;
  grades.forEach((g, gi) => {
    const quota = settings.quotas.find((q) => q.label === g.label);
    if (!quota || gi === grades.length - 1) return;
    const allowed = Math.floor(quota.maxShare * n + 1e-9);
    const holders = ordered.filter((r) => !r.vetoed && r.gradeIndex === gi);
    const outcome: QuotaOutcome = { label: g.label, maxShare: quota.maxShare, allowed, movedBranchIds: [] };
    if (holders.length > allowed) {
      // Ties straddling the boundary move down together, so the quota is never exceeded.
      const cutoffRank = holders[allowed]!.rank;
      for (const row of holders) {
        if (row.rank < cutoffRank) continue;
        row.gradeIndex = gi + 1;
        const id = branches[row.rollup.branchIndex]!.id;
        outcome.movedBranchIds.push(id);
        const step = steps.get(id)!;
        step.quota = { label: g.label, allowed, movedTo: grades[gi + 1]!.label };
        step.grade = grades[gi + 1]!.label;
      }
    }
    quotas.push(outcome);
  });

  // Fusion quadrant: each rate against its split.
  const mean = (xs: number[]) => (xs.length ? roundRate(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);
  const rates = (t: Tag) => rows.map((r) => r.tags[t].rate).filter((x): x is number => x !== null);
  const split =
    settings.fusionSplit.mode === 'fixed'
      ? { party: settings.fusionSplit.value, business: settings.fusionSplit.value, mode: 'fixed' as const }
      : { party: mean(rates('party')), business: mean(rates('business')), mode: 'mean' as const };
  const quadrant = (row: Row): Quadrant | null => {
    const p = row.tags.party.rate;
    const b = row.tags.business.rate;
    if (p === null || b === null) return null;
    const ps = p >= split.party;
    const bs = b >= split.business;
    return ps && bs ? '双强' : ps ? '党建强业务弱' : bs ? '业务强党建弱' : '双弱';
  };

  const results: BranchResult[] = ordered.map((row) => {
    const branch = branches[row.rollup.branchIndex]!;
    let nodes = nodeCache?.get(row.rollup);
    if (!nodes) {
      nodes = nodeValues(model, row.rollup);
      nodeCache?.set(row.rollup, nodes);
    }
    return {
      branchId: branch.id,
      code: branch.code,
      name: branch.name,
      total: row.total,
      base: row.base,
      bonus: row.bonus,
      tags: row.tags,
      deducted: row.deducted,
      quadrant: quadrant(row),
      vetoed: row.vetoed,
      vetoIndicatorIds: row.vetoIds,
      grade: grades[row.gradeIndex]!.label,
      rank: row.rank,
      complete: row.rollup.missing === 0 && fw.roots.every((r) => row.rollup.complete[r] === 1),
      missing: row.rollup.missing,
      nodes,
      ...(row.rollup.rescaled ? { rescaled: roundedRescale(row.rollup.rescaled) } : {}),
    };
  });

  return {
    result: {
      branches: results,
      baseMax: roundPoints(fw.baseMax),
      tagMax: { party: roundPoints(fw.tagMax.party), business: roundPoints(fw.tagMax.business), fusion: roundPoints(fw.tagMax.fusion) },
      split,
      quotas,
      complete: results.every((r) => r.complete),
    },
    gradeSteps: steps,
  };
}
