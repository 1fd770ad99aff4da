export { Engine, computeResults } from './engine';
export { checkEntry, entryPoints, poolEntryPoints, quantitativePoints, shownEntryPoints, triggerDecision } from './points';
export { roundPoints, roundRate } from './round';
export type * from './types';
export type { DisputedCell, PanelStatistics, RaterStatistics } from './panel';
