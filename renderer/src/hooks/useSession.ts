import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../shared/domain/scoring';
import { call } from '../api/client';

export const SESSION_KEY = ['session'] as const;

/** Who is at the keyboard (管理员, a rater, or nobody yet). Screens that sign in or out invalidate SESSION_KEY. */
export function useSession(): Session | null {
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: () => call('session.get', {}), staleTime: 0 });
  return session.data ?? null;
}
