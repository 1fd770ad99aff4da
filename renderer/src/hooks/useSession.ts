import type { Session } from '../../../shared/domain/scoring';
import { useApi } from '../api/useApi';

/** Who is at the keyboard (管理员, a rater, or nobody yet). Signing in or out (the scoring screen) invalidates every answer, this one included. */
export function useSession(): Session | null {
  const session = useApi('session.get', {}, { staleTime: 0 });
  return session.data ?? null;
}
