/**
 * The renderer's typed client for the contract. In the desktop app the
 * preload's bridge carries calls over IPC; in the browser test harness (no
 * bridge) they go over HTTP to the same services.
 */
import type { Input, Invoke, MethodName, Output } from '../../../shared/api';
import { t } from '../../../shared/messages';
import type { AppErrorValue, Result } from '../../../shared/result';

interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    rongping?: Bridge;
  }
}

const TOKEN_KEY = 'rongping.harnessToken';

function harnessBridge(): Bridge {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return {
    async invoke(method, input) {
      try {
        const response = await fetch('./api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Rongping-Token': token },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Result<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: t('error.network', { reason: String(e) }) } };
      }
    },
  };
}

const bridge: Bridge = window.rongping ?? harnessBridge();

export const invoke: Invoke = (method, input) => bridge.invoke(method, input) as never;

/** An error value from the main process, thrown only inside the renderer (for TanStack Query). */
export class ApiError extends Error {
  constructor(readonly error: AppErrorValue) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/**
 * Calls in flight, by when each started: a call waiting on the database file
 * (another process writing, up to the busy timeout) gets a visible notice
 * instead of a screen that seems frozen. Listeners hear only when the oldest
 * start changes, not on every call.
 */
const inFlight = new Map<number, number>();
let nextCallId = 0;
let oldestStart: number | null = null;
const pendingListeners = new Set<() => void>();

function pendingChanged() {
  let oldest: number | null = null;
  for (const start of inFlight.values()) if (oldest === null || start < oldest) oldest = start;
  if (oldest === oldestStart) return;
  oldestStart = oldest;
  for (const listener of pendingListeners) listener();
}

/** When the longest-running call in flight started (ms since epoch), or null when none is. For useSyncExternalStore. */
export const pendingSince = (): number | null => oldestStart;

export function subscribePending(listener: () => void): () => void {
  pendingListeners.add(listener);
  return () => pendingListeners.delete(listener);
}

/** Calls a method and returns its value, or throws ApiError with the error value. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const id = nextCallId++;
  inFlight.set(id, Date.now());
  pendingChanged();
  let result: Result<Output<M>>;
  try {
    result = await invoke(method, input);
  } finally {
    inFlight.delete(id);
    pendingChanged();
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
