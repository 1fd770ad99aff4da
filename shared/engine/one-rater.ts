/**
 * The engine's input for one rater alone: their entries as the engine counts
 * them, in a group of their own with weight 1 and no normalisation (there is
 * no panel to normalise against). Used for a rater's own totals — the
 * meeting's per-rater totals (one branch) and the scoring sheet's running
 * totals (every branch the rater scores). Office-recorded values are passed
 * through like measurements, so a rater's own subtotal counts them exactly as
 * the panel result does (the rater's own entries on those leaves never count).
 * Under 分工评分 the rater's and group's scopes go along: entries outside count nowhere, and the leaves
 * outside are nobody's in this input, so each is missing once (read `total`, not `missing`, from it).
 */
import type { PeriodSettings } from '../domain/period';
import type { EngineBranch, EngineIndicator, EngineInput, EngineMeasurement, EngineOfficeRecord } from './types';

export interface OneRater {
  indicators: EngineIndicator[];
  /** The period's settings; `normalize` is turned off here, anything else (quotas) is the caller's. */
  settings: PeriodSettings;
  /** scope / group.scope (分工评分): the leaves outside them count nowhere in the rater's own totals either. */
  rater: { id: number; name: string; scope?: string[] };
  group?: { id: number; name: string; scope?: string[] };
  branches: EngineBranch[];
  scores: readonly { branchId: number; indicatorId: number; value: number }[];
  measurements?: EngineMeasurement[];
  /** The office's values for office-recorded leaves (考核组核定) of these branches. */
  office?: EngineOfficeRecord[];
}

export function oneRaterInput(o: OneRater): EngineInput {
  const group = o.group ?? { id: 1, name: '' };
  return {
    indicators: o.indicators,
    branches: o.branches,
    // Scopes only when set, so an unscoped rater's input is the same as before assignment existed.
    groups: [{ id: group.id, name: group.name, weight: 1, ...(group.scope?.length ? { scope: group.scope } : {}) }],
    raters: [{ id: o.rater.id, name: o.rater.name, groupId: group.id, ...(o.rater.scope?.length ? { scope: o.rater.scope } : {}) }],
    recusals: [],
    scores: o.scores.map((s) => ({ raterId: o.rater.id, branchId: s.branchId, indicatorId: s.indicatorId, value: s.value })),
    measurements: o.measurements ?? [],
    office: o.office ?? [],
    settings: { ...o.settings, normalize: false },
  };
}
