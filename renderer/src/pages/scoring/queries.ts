/** Query keys and small hooks the scoring screens share. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../shared/domain/scoring';
import { call } from '../../api/client';
import { apiKey, keyMatches } from '../../api/keys';

/** Keys derived from the contract (api/keys.ts), so the header's session badge and this screen share one cached session. */
export const SESSION_KEY = apiKey('session.get', {});
export const sheetKey = (periodId: number, raterId: number) => apiKey('scoring.sheet', { periodId, raterId });
export const progressKey = (periodId: number) => apiKey('scoring.progress', { periodId });
export const panelKey = (periodId: number) => apiKey('panel.get', { periodId });

/** One rater's sheet: held while the screen is open (the screen keeps the values as they are typed). */
export const sheetQuery = (periodId: number, raterId: number) => ({
  queryKey: sheetKey(periodId, raterId),
  queryFn: () => call('scoring.sheet', { periodId, raterId }),
  staleTime: Infinity,
  // A shared PC: not kept in memory long once the screen is left.
  gcTime: 30_000,
});

export function useSession() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await call('session.get', {});
      // A rater's sheet is what comes next: ask for it now rather than after the page has rendered.
      if (session.kind === 'rater') void queryClient.prefetchQuery(sheetQuery(session.periodId, session.raterId));
      return session;
    },
    staleTime: 0,
  });
}

/**
 * After the person at the keyboard changed: the session first (so the screen
 * switches at once), then everything else, since what may be seen depends on it.
 */
export function useSessionChanged() {
  const queryClient = useQueryClient();
  return async (session: Session) => {
    queryClient.setQueryData(SESSION_KEY, session);
    // A shared PC: nothing of the previous person's sheet stays in memory.
    queryClient.removeQueries({ predicate: (q) => keyMatches(q.queryKey, 'scoring.sheet') });
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  };
}
