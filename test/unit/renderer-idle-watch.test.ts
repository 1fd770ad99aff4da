/**
 * The idle sign-out's timing (renderer/src/hooks/idleWatch) on fake timers:
 * it fires only after the whole quiet time, any activity starts the count
 * again, a sign-out that had to wait is tried again a full idle time later,
 * and a stopped watch never fires; and the pending work a sign-out waits
 * for (renderer/src/hooks/pendingWork).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../renderer/src/hooks/idleWatch';
import { registerPendingWork, settlePendingWork } from '../../renderer/src/hooks/pendingWork';

const MINUTE = 60_000;

describe('watchIdle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs out once the quiet has lasted the idle time, not a moment before, and only once', async () => {
    const onIdle = vi.fn(async () => false);
    watchIdle({ idleMs: 5 * MINUTE, onIdle });
    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts the quiet from the last activity', async () => {
    const onIdle = vi.fn(async () => false);
    const watch = watchIdle({ idleMs: 5 * MINUTE, onIdle });
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    watch.activity();
    await vi.advanceTimersByTimeAsync(3 * MINUTE); // 7 minutes since the start, 3 since the key
    expect(onIdle).not.toHaveBeenCalled();
    watch.activity();
    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('tries again a full idle time later when the sign-out had to wait (or failed)', async () => {
    const answers = [async () => true, async () => Promise.reject(new Error('refused')), async () => false];
    const onIdle = vi.fn(() => answers.shift()!());
    watchIdle({ idleMs: MINUTE, onIdle });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(onIdle).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(3);
  });

  it('never fires once stopped (the rater signed out another way, or the setting changed)', async () => {
    const onIdle = vi.fn(async () => false);
    const watch = watchIdle({ idleMs: MINUTE, onIdle });
    await vi.advanceTimersByTimeAsync(MINUTE / 2);
    watch.stop();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('settlePendingWork', () => {
  it('waits for every registered screen and says whether all typed values could be saved', async () => {
    expect(await settlePendingWork()).toBe(true); // nothing on screen
    let saved = false;
    const offSheet = registerPendingWork(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      saved = true;
      return true;
    });
    expect(await settlePendingWork()).toBe(true);
    expect(saved).toBe(true);
    const offInvalid = registerPendingWork(async () => false);
    expect(await settlePendingWork()).toBe(false);
    offInvalid();
    expect(await settlePendingWork()).toBe(true);
    offSheet();
  });
});
