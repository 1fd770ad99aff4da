/**
 * Work on screen that must be settled before the person at the shared PC is
 * signed out: the scoring sheet registers its open editor and its queue of
 * background saves here, so an automatic sign-out never drops a typed value.
 */

/** Commits what can be committed and waits for it to be saved; false when something typed cannot be saved yet (the sign-out must wait). */
export type SettleFn = () => Promise<boolean>;

const settlers = new Set<SettleFn>();

/** Registers a screen's pending work; returns the function that unregisters it (an effect's cleanup). */
export function registerPendingWork(settle: SettleFn): () => void {
  settlers.add(settle);
  return () => {
    settlers.delete(settle);
  };
}

/** True when every screen's typed values are saved (or kept on this PC after a refusal), false when one must wait. */
export async function settlePendingWork(): Promise<boolean> {
  const answers = await Promise.all([...settlers].map((settle) => settle()));
  return answers.every(Boolean);
}
