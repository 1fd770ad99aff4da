/**
 * The renderer's query keys (renderer/src/api/keys, useApi's invalidate): one
 * key per method and input, and invalidation by method or by service, checked
 * against a real TanStack QueryClient (no DOM needed).
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { apiKey, invalidate, keyMatches } from '../../renderer/src/api/keys';

describe('apiKey', () => {
  it('is the method then the input, so the same question is one cache entry wherever it is asked', () => {
    expect(apiKey('periods.publication', { periodId: 3 })).toEqual(['periods.publication', { periodId: 3 }]);
    const client = new QueryClient();
    client.setQueryData(apiKey('periods.publication', { periodId: 3 }), 'published');
    expect(client.getQueryData(['periods.publication', { periodId: 3 }])).toBe('published');
    expect(client.getQueryData(apiKey('periods.publication', { periodId: 4 }))).toBeUndefined();
  });
});

describe('keyMatches', () => {
  it('matches the method itself and every method of a service, nothing that merely starts alike', () => {
    expect(keyMatches(['periods.get', { id: 1 }], 'periods.get')).toBe(true);
    expect(keyMatches(['periods.get', { id: 1 }], 'periods')).toBe(true);
    expect(keyMatches(['periods.get', { id: 1 }], 'period')).toBe(false);
    expect(keyMatches(['periodsX.get', {}], 'periods')).toBe(false);
    expect(keyMatches(['scoring.progress', { periodId: 1 }], 'scoring.progress')).toBe(true);
    expect(keyMatches(['scoring.progress', { periodId: 1 }], 'scoring.sheet')).toBe(false);
    expect(keyMatches([42], 'periods')).toBe(false);
  });
});

describe('invalidate', () => {
  const seeded = () => {
    const client = new QueryClient();
    for (const key of [apiKey('periods.get', { id: 1 }), apiKey('periods.publication', { periodId: 1 }), apiKey('frameworks.list', {}), apiKey('meetings.list', { periodId: 1 })])
      client.setQueryData(key, 'x');
    return client;
  };
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey[0])
      .sort();

  it('by service: every method of it, and no other', async () => {
    const client = seeded();
    await invalidate(client, 'periods');
    expect(stale(client)).toEqual(['periods.get', 'periods.publication']);
  });

  it('by method, several at once', async () => {
    const client = seeded();
    await invalidate(client, 'periods.publication', 'meetings');
    expect(stale(client)).toEqual(['meetings.list', 'periods.publication']);
  });

  it('with no method: everything', async () => {
    const client = seeded();
    await invalidate(client);
    expect(stale(client)).toHaveLength(4);
  });
});
