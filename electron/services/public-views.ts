/**
 * What anyone but the admin sees of lists reachable before sign-in or by a
 * rater (the sign-in screen's period and panel lists): who is on the panel
 * and what the period is, nothing about how far anyone's scoring has got or
 * whose sign-in is guarded — a rater at the shared PC must not learn that a
 * colleague has finished, nor which names can be signed in without a PIN.
 */
import type { PanelView, Period } from '../../shared/domain/views';

/** A period without its entry count (0: not shown to this session). */
export const publicPeriod = (period: Period): Period => ({ ...period, entryCount: 0 });

/** The panel without PIN state, finished marks or recusals. */
export const publicPanel = (panel: PanelView): PanelView => ({
  groups: panel.groups,
  raters: panel.raters.map((r) => ({ ...r, hasPin: false, finishedAt: null, recusals: [] })),
});
