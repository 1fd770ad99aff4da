/**
 * The renderer's one query layer. A cached answer is keyed by the contract
 * method that produced it and the input it was asked with, so a key cannot be
 * spelled two ways (one screen caching `['publication', id]` while another
 * invalidated `['periods.publication', id]` was how stale screens happened).
 * Invalidation goes by method name or by the service prefix before the dot.
 */
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/api';
import { call, type ApiError } from './client';
import { apiKey } from './keys';

export { apiKey, invalidate, keyMatches } from './keys';

type QueryOptions<M extends MethodName> = Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> & {
  /** Asks again when this changes though the input did not (the same workbook picked again after editing it). */
  revision?: unknown;
};

/** The answer of `method` for `input`, cached under `[method, input]` (then the revision, when given). */
export function useApi<M extends MethodName>(method: M, input: Input<M>, options?: QueryOptions<M>) {
  const { revision, ...rest } = options ?? {};
  const key = revision === undefined ? apiKey(method, input) : [...apiKey(method, input), revision];
  return useQuery<Output<M>, ApiError>({ queryKey: key, queryFn: () => call(method, input), ...rest });
}
