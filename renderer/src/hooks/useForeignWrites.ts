/**
 * Another process may write the same data file: the CLI importing scores, a
 * second window, a restore. The main process says when that happened
 * ('app.dataVersion' changes only on writes by other connections); the window
 * then refetches what it shows, so no screen — and no document made from it —
 * keeps showing figures from before. A rater's sheet being typed is left to
 * its own store (refetching it under the cursor would lose what is being typed).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client';
import { keyMatches } from '../api/keys';

/** How often the window asks; a pragma read, so cheap. */
export const FOREIGN_WRITE_POLL_MS = 3000;

export function useForeignWrites(intervalMs = FOREIGN_WRITE_POLL_MS): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let seen: number | null = null;
    let stopped = false;
    const look = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const { version } = await call('app.dataVersion', {});
        if (stopped) return;
        if (seen !== null && version !== seen) {
          await queryClient.invalidateQueries({ predicate: (q) => !keyMatches(q.queryKey, 'scoring.sheet') && !keyMatches(q.queryKey, 'app.dataVersion') });
        }
        seen = version;
      } catch {
        // The next look tries again (a busy database, a restore in progress).
      }
    };
    void look();
    const timer = setInterval(() => void look(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [queryClient, intervalMs]);
}
