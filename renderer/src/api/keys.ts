/** Query keys derived from the contract: no React here, so the rule is unit-tested on plain Node. */
import type { QueryClient } from '@tanstack/react-query';
import type { Input, MethodName } from '../../../shared/api';

/** The cache key of `method`'s answer for `input`; `useApi` and every `setQueryData` use this. */
export const apiKey = <M extends MethodName>(method: M, input: Input<M>) => [method, input] as const;

/** Whether a cached key belongs to `method`, given in full (`periods.get`) or as its service (`periods`). */
export function keyMatches(key: readonly unknown[], method: string): boolean {
  const head = key[0];
  return typeof head === 'string' && (head === method || head.startsWith(`${method}.`));
}

/**
 * Marks stale (and refetches what is on screen) every answer of the given
 * methods: a full name (`periods.get`) or a service (`periods`). With no
 * argument, everything.
 */
export function invalidate(queryClient: QueryClient, ...methods: string[]): Promise<void> {
  if (methods.length === 0) return queryClient.invalidateQueries();
  return queryClient.invalidateQueries({ predicate: (q) => methods.some((m) => keyMatches(q.queryKey, m)) });
}
