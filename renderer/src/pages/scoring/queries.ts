/** Query keys and small hooks the scoring screens share. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../../../shared/domain/scoring';
import { call } from '../../api/client';

/** The same key as the header's session badge (renderer/src/hooks/useSession.ts): one cached session for the window. */
export const SESSION_KEY = ['session'] as const;
export const sheetKey = (periodId: number, raterId: number) => ['scoring.sheet', periodId, raterId] as const;
export const progressKey = (periodId: number) => ['scoring.progress', periodId] as const;
export const panelKey = (periodId: number) => ['panel', periodId] as const;

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
    queryClient.removeQueries({ queryKey: ['scoring.sheet'] });
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  };
}
