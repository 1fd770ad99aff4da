/**
 * Work on screen that must be settled before the person at the shared PC is
 * signed out: the scoring sheet registers its open editor and its queue of
 * background saves here, so an automatic sign-out never drops a typed value.
 */

/** Commits what can be committed and waits for it to be saved; false when something typed cannot be saved yet (the sign-out must wait). */
export type SettleFn = () => Promise<boolean>;

/** How many values on screen wait for something (a deduction's reasons) and stay on this PC only meanwhile. */
export type DraftsFn = () => number;

const settlers = new Set<SettleFn>();
const draftCounters = new Set<DraftsFn>();

/** Registers a screen's pending work (and its drafts); returns the function that unregisters it (an effect's cleanup). */
export function registerPendingWork(settle: SettleFn, drafts?: DraftsFn): () => void {
  settlers.add(settle);
  if (drafts) draftCounters.add(drafts);
  return () => {
    settlers.delete(settle);
    if (drafts) draftCounters.delete(drafts);
  };
}

/** Drafts on screen: values kept on this PC only, until their reasons are written (a sign-out asks first). */
export function pendingDrafts(): number {
  return [...draftCounters].reduce((n, count) => n + count(), 0);
}

/** True when every screen's typed values are saved (or kept on this PC after a refusal), false when one must wait. */
export async function settlePendingWork(): Promise<boolean> {
  const answers = await Promise.all([...settlers].map((settle) => settle()));
  return answers.every(Boolean);
}
