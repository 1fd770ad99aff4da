/**
 * A fingerprint of what a period's results are computed from: the framework's
 * leaves and their rules, the branches, the panel (groups, weights, raters,
 * recusals), every entry, every business figure and the scoring settings.
 * Two computations with the same fingerprint give the same figures, in any
 * process; a back-filled score, a changed setting or a reopen changes it. The
 * records made from results (reveals, 公示, 通报, 反馈单, minutes) keep the
 * fingerprint they were made from, so figures that moved on can be told apart.
 */
import { createHash } from 'node:crypto';
import type { EngineInput, EngineScore } from '../../shared/engine';

/** Settings that only change how results are shown, not what they are. */
const PRESENTATION_ONLY = new Set(['presenterNames']);

function sortedScores(scores: EngineInput['scores']): [number, number, number, number][] {
  const rows: [number, number, number, number][] = [];
  if (Array.isArray(scores)) {
    for (const s of scores as EngineScore[]) rows.push([s.raterId, s.branchId, s.indicatorId, s.value]);
  } else {
    for (let i = 0; i < scores.raterId.length; i++) rows.push([scores.raterId[i]!, scores.branchId[i]!, scores.indicatorId[i]!, scores.value[i]!]);
  }
  return rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

const byId = <T extends { id: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id - b.id);

export function resultsFingerprint(input: EngineInput): string {
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([k]) => !PRESENTATION_ONLY.has(k)).sort(([a], [b]) => a.localeCompare(b)));
  const canonical = {
    indicators: byId(input.indicators),
    branches: byId(input.branches),
    groups: byId(input.groups),
    raters: byId(input.raters),
    recusals: [...input.recusals].sort((a, b) => a.raterId - b.raterId || a.branchId - b.branchId),
    scores: sortedScores(input.scores),
    measurements: [...input.measurements].sort((a, b) => a.branchId - b.branchId || a.indicatorId - b.indicatorId),
    settings,
  };
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
