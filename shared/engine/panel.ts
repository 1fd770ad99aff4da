/**
 * How the panel scored: each rater against the panel, the panel's agreement
 * (ICC(2,1) and Kendall's W over branch totals), and the cells where raters
 * disagree most — the list to discuss at the review meeting.
 * Only judgment leaves (rating, level) scored by the panel are looked at: deductions,
 * bonuses and vetoes record facts, not opinions, and so does any leaf the office records
 * (考核组核定), a rating or level leaf included.
 */
import { JUDGMENT_METHODS, entryModeOf } from '../domain/framework';
import type { ScoringModel } from './model';
import { roundPoints, roundRate } from './round';
import { icc21, kendallW, mean, populationSd } from './stats';

export interface RaterStatistics {
  raterId: number;
  entries: number;
  /** Mean of points / max over the rater's judgment entries. */
  meanRate: number | null;
  sdRate: number | null;
  /** Mean difference from the cell's panel mean (rate): positive = lenient, negative = harsh. */
  offset: number | null;
}

export interface DisputedCell {
  branchId: number;
  indicatorId: number;
  maxPoints: number;
  /** Highest minus lowest points. */
  spread: number;
  sd: number;
  mean: number;
  entries: { raterId: number; points: number }[];
}

export interface PanelStatistics {
  raters: RaterStatistics[];
  /** Over the branches every rater scored completely (judgment leaves summed per branch). */
  icc: { value: number; branches: number; raters: number } | null;
  kendallW: { value: number; chiSquare: number; df: number; branches: number; raters: number } | null;
  disputed: DisputedCell[];
}

export function panelStatistics(model: ScoringModel, options: { disputed?: number } = {}): PanelStatistics {
  const { fw, input } = model;
  const R = input.raters.length;
  const B = input.branches.length;
  const judgmentSlots = fw.leaves
    .map((node, slot) => ({ node: fw.nodes[node]!, slot }))
    .filter(({ node }) => node.method && JUDGMENT_METHODS.includes(node.method.kind) && entryModeOf(node.method) === 'panel' && node.maxPoints > 0);

  const rates: number[][] = Array.from({ length: R }, () => []);
  const offsets: number[][] = Array.from({ length: R }, () => []);
  // branch × rater: judgment points summed, and how many leaves the rater scored.
  const totals = new Float64Array(B * R);
  const counts = new Int32Array(B * R);
  const disputed: DisputedCell[] = [];
  // 分工评分: agreement compares branch totals, so only over the judgment leaves assigned to every rater who is
  // assigned any (a rater scoring only other leaves takes no part in it); with no scopes, every judgment leaf.
  const common = commonSlots(model, judgmentSlots.map((j) => j.slot));
  // Per branch, the common judgment leaves that apply to it (不适用 ones are nobody's to score).
  const expected = new Int32Array(B).fill(common === null ? judgmentSlots.length : common.size);

  for (let b = 0; b < B; b++) {
    for (const { node, slot } of judgmentSlots) {
      const shared = common === null || common.has(slot);
      if (model.notApplicable(b, fw.leaves[slot]!)) {
        if (shared) expected[b]!--;
        continue;
      }
      const entries = model.cellEntries(b, slot);
      const cellMean = mean(entries.map((e) => e.points / node.maxPoints));
      for (const e of entries) {
        const rate = e.points / node.maxPoints;
        rates[e.raterIndex]!.push(rate);
        if (entries.length > 1) offsets[e.raterIndex]!.push(rate - cellMean);
        if (!shared) continue;
        totals[b * R + e.raterIndex]! += e.points;
        counts[b * R + e.raterIndex]! += 1;
      }
      if (entries.length > 1) {
        const points = entries.map((e) => e.points);
        disputed.push({
          branchId: input.branches[b]!.id,
          indicatorId: node.id,
          maxPoints: node.maxPoints,
          spread: roundPoints(Math.max(...points) - Math.min(...points)),
          sd: roundPoints(populationSd(points)),
          mean: roundPoints(mean(points)),
          entries: entries.map((e) => ({ raterId: input.raters[e.raterIndex]!.id, points: e.points })),
        });
      }
    }
  }

  const raters: RaterStatistics[] = input.raters.map((r, k) => {
    const xs = rates[k]!;
    return {
      raterId: r.id,
      entries: xs.length,
      meanRate: xs.length ? roundRate(mean(xs)) : null,
      sdRate: xs.length ? roundRate(populationSd(xs)) : null,
      offset: offsets[k]!.length ? roundRate(mean(offsets[k]!)) : null,
    };
  });

  // Agreement over complete rows only: a branch where every rater scored every judgment leaf
  // (a recused rater makes the branch's row incomplete, so it is left out).
  // Raters with an entry counted in the totals (with no scopes: every rater with a judgment entry).
  const counted = new Uint8Array(R);
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) counted[i % R] = 1;
  const active = input.raters.map((_, k) => k).filter((k) => counted[k] === 1);
  const matrix: number[][] = [];
  for (let b = 0; b < B; b++) {
    if (active.every((k) => counts[b * R + k] === expected[b])) matrix.push(active.map((k) => totals[b * R + k]!));
  }
  const icc = icc21(matrix);
  const w = kendallW(matrix);

  // Most disagreement first, measured on the leaf's scale so a 10-point and a 2-point leaf compare.
  disputed.sort((a, b) => b.spread / b.maxPoints - a.spread / a.maxPoints || b.sd / b.maxPoints - a.sd / a.maxPoints);
  return {
    raters,
    icc: icc ? { value: roundRate(icc.icc), branches: icc.n, raters: icc.k } : null,
    kendallW: w ? { value: roundRate(w.w), chiSquare: roundPoints(w.chiSquare), df: w.df, branches: w.n, raters: w.k } : null,
    disputed: disputed.slice(0, options.disputed ?? 20),
  };
}

/** The judgment slots assigned to every rater assigned at least one of them (分工评分); null when nobody has a scope. */
function commonSlots(model: ScoringModel, slots: number[]): Set<number> | null {
  if (model.assignment === null) return null;
  const R = model.input.raters.length;
  const raters = Array.from({ length: R }, (_, k) => k).filter((k) => slots.some((slot) => model.isAssigned(k, slot)));
  return new Set(slots.filter((slot) => raters.every((k) => model.isAssigned(k, slot))));
}
