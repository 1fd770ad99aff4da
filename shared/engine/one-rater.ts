/**
 * The engine's input for one rater alone: their entries as the engine counts
 * them, in a group of their own with weight 1 and no normalisation (there is
 * no panel to normalise against). Used for a rater's own totals — the
 * meeting's per-rater totals (one branch) and the scoring sheet's running
 * totals (every branch the rater scores). Office-recorded values are passed
 * through like measurements, so a rater's own subtotal counts them exactly as
 * the panel result does (the rater's own entries on those leaves never count).
 */
import type { PeriodSettings } from '../domain/period';
import type { EngineBranch, EngineIndicator, EngineInput, EngineMeasurement, EngineOfficeRecord } from './types';

export interface OneRater {
  indicators: EngineIndicator[];
  /** The period's settings; `normalize` is turned off here, anything else (quotas) is the caller's. */
  settings: PeriodSettings;
  rater: { id: number; name: string };
  group?: { id: number; name: string };
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
    groups: [{ id: group.id, name: group.name, weight: 1 }],
    raters: [{ id: o.rater.id, name: o.rater.name, groupId: group.id }],
    recusals: [],
    scores: o.scores.map((s) => ({ raterId: o.rater.id, branchId: s.branchId, indicatorId: s.indicatorId, value: s.value })),
    measurements: o.measurements ?? [],
    office: o.office ?? [],
    settings: { ...o.settings, normalize: false },
  };
}
