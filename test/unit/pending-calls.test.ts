/**
 * The renderer client's count of calls in flight, which drives the “正在等待
 * 数据文件…” notice: it reports the oldest call still waiting, hears only
 * when that changes, and clears whether a call is answered or fails.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../../renderer/src/api/client';
import type { Result } from '../../shared/result';

type Client = typeof ClientModule;

/** A bridge whose answers the test releases one by one. */
const waiting: ((r: Result<unknown>) => void)[] = [];
const failing: ((e: Error) => void)[] = [];
let client: Client;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.stubGlobal('window', {
    rongping: {
      invoke: () =>
        new Promise<Result<unknown>>((resolve, reject) => {
          waiting.push(resolve);
          failing.push(reject);
        }),
    },
  });
  client = await import('../../renderer/src/api/client');
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('calls in flight', () => {
  it('reports the oldest waiting call, notifies only when that changes, and clears on answers and failures', async () => {
    const heard: (number | null)[] = [];
    const unsubscribe = client.subscribePending(() => heard.push(client.pendingSince()));
    expect(client.pendingSince()).toBeNull();

    vi.setSystemTime(1_000);
    const first = client.call('app.info', {});
    vi.setSystemTime(1_500);
    const second = client.call('backups.list', {}).catch((e: unknown) => e);
    // The second call started later: the oldest is still the first, and nobody was told anything new.
    expect(client.pendingSince()).toBe(1_000);
    expect(heard).toEqual([1_000]);

    waiting[0]!({ ok: true, value: 'info' });
    expect(await first).toBe('info');
    expect(client.pendingSince()).toBe(1_500);

    // A call whose transport throws still stops counting as waiting.
    failing[1]!(new Error('pipe closed'));
    expect(await second).toBeInstanceOf(Error);
    expect(client.pendingSince()).toBeNull();
    expect(heard).toEqual([1_000, 1_500, null]);

    unsubscribe();
    vi.setSystemTime(2_000);
    const third = client.call('app.info', {}).catch((e: unknown) => e);
    waiting[2]!({ ok: false, error: { code: 'busy', message: '数据文件正被另一个程序写入' } });
    expect(await third).toBeInstanceOf(client.ApiError);
    expect(client.pendingSince()).toBeNull();
    expect(heard).toEqual([1_000, 1_500, null]);
  });
});
