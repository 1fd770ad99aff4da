/**
 * A fingerprint of what a period's results are computed from: the framework's
 * leaves and their rules, the branches, the panel (groups, weights and rules, raters,
 * recusals), every entry, every business figure, every office record
 * (考核组核定, with its evidence) and the scoring settings.
 * Two computations with the same fingerprint give the same figures, in any
 * process; a back-filled score, a changed setting or a reopen changes it. The
 * records made from results (reveals, 公示, 通报, 反馈单, minutes) keep the
 * fingerprint they were made from, so figures that moved on can be told apart.
 */
import { createHash } from 'node:crypto';
import type { EngineInput, EngineScore, ScoreColumns } from '../../shared/engine';

/** Settings that only change how results are shown, not what they are. */
const PRESENTATION_ONLY = new Set(['presenterNames']);

function asColumns(scores: EngineInput['scores']): ScoreColumns {
  if (!Array.isArray(scores)) return scores as ScoreColumns;
  const list = scores as EngineScore[];
  return {
    raterId: Int32Array.from(list, (s) => s.raterId),
    branchId: Int32Array.from(list, (s) => s.branchId),
    indicatorId: Int32Array.from(list, (s) => s.indicatorId),
    value: Float64Array.from(list, (s) => s.value),
  };
}

/**
 * Every entry as bytes, in (rater, branch, indicator) order: ids then values, binary. The entries are the bulk
 * of a period (300k at the largest) and this runs with every recompute, so no per-entry objects or JSON; they
 * usually arrive in that order already (the primary key's), which one pass confirms before any sort.
 */
function scoreBytes(scores: EngineInput['scores']): [Buffer, Buffer] {
  const c = asColumns(scores);
  const n = c.raterId.length;
  const before = (a: number, b: number) => c.raterId[a]! - c.raterId[b]! || c.branchId[a]! - c.branchId[b]! || c.indicatorId[a]! - c.indicatorId[b]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = before(i - 1, i) <= 0;
  if (!sorted) order.sort(before);
  const ids = new Int32Array(n * 3);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    ids[3 * k] = c.raterId[i]!;
    ids[3 * k + 1] = c.branchId[i]!;
    ids[3 * k + 2] = c.indicatorId[i]!;
    values[k] = c.value[i]!;
  }
  return [Buffer.from(ids.buffer), Buffer.from(values.buffer)];
}

const byId = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id - b.id);

export function resultsFingerprint(input: EngineInput): string {
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([k]) => !PRESENTATION_ONLY.has(k)).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = {
    indicators: byId(input.indicators),
    branches: byId(input.branches),
    // A group's own combination rule only when it has one: periods whose groups follow the period's rule keep
    // the fingerprints their records were made from.
    groups: byId(input.groups).map((g) => ({
      id: g.id,
      name: g.name,
      weight: g.weight,
      ...(g.combine !== undefined && g.combine !== null ? { combine: g.combine } : {}),
      ...(g.trimMinRaters !== undefined && g.trimMinRaters !== null ? { trimMinRaters: g.trimMinRaters } : {}),
      // 分工评分: only when the group has a scope, so periods without one keep their fingerprints.
      ...(g.scope?.length ? { scope: g.scope } : {}),
    })),
    raters: byId(input.raters),
    recusals: [...input.recusals].sort((a, b) => a.raterId - b.raterId || a.branchId - b.branchId),
    measurements: [...input.measurements].sort((a, b) => a.branchId - b.branchId || a.indicatorId - b.indicatorId),
    settings,
    // Only when there are any: periods without office records keep the fingerprints their records were made from.
    ...(input.office?.length
      ? { office: [...input.office].sort((a, b) => a.branchId - b.branchId || a.indicatorId - b.indicatorId).map((o) => [o.branchId, o.indicatorId, o.value, o.evidence, o.evidenceDate]) }
      : {}),
  };
  const [ids, values] = scoreBytes(input.scores);
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').update(ids).update(values).digest('hex');
}
