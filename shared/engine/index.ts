export { Engine, computeResults } from './engine';
export { checkEntry, entryPoints, poolEntryPoints, quantitativePoints, shownEntryPoints } from './points';
export { triggerDecision } from './triggers';
export { roundPoints, roundRate } from './round';
export type * from './types';
export type { DisputedCell, PanelStatistics, RaterStatistics } from './panel';
