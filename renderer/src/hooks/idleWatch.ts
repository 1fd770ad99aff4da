/**
 * The timing of the shared PC's idle sign-out, kept apart from the DOM so it
 * can be tested with fake timers. Activity only records the time (it arrives
 * with every mouse move, so it must be cheap); one timer checks, when it
 * fires, whether the quiet has really lasted `idleMs` and otherwise waits out
 * the rest.
 */

export interface IdleWatchOptions {
  idleMs: number;
  /**
   * Called once the quiet has lasted `idleMs`. Resolves true to keep watching
   * from now (the sign-out had to wait, e.g. for a value still being typed),
   * false when the watch is over (signed out).
   */
  onIdle: () => Promise<boolean>;
  now?: () => number;
}

export interface IdleWatch {
  /** A key, a click, the mouse or the wheel: someone is at the PC. */
  activity: () => void;
  stop: () => void;
}

export function watchIdle({ idleMs, onIdle, now = () => Date.now() }: IdleWatchOptions): IdleWatch {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), delay);
  };
  const check = async () => {
    if (stopped) return;
    const quiet = now() - last;
    if (quiet < idleMs) return schedule(idleMs - quiet);
    let again = true;
    try {
      again = await onIdle();
    } catch {
      // A sign-out that failed (it said why): keep watching rather than stop for good.
    }
    if (stopped || !again) return;
    last = now();
    schedule(idleMs);
  };

  schedule(idleMs);
  return {
    activity: () => {
      last = now();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
