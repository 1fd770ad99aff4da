/**
 * Signing a rater out on the shared PC without their asking: after they
 * confirmed their sheet finished, or after the idle time. The sign-in screen
 * then says why (`?out=`), until the next person signs in.
 */
import { useNavigate } from 'react-router';
import { call } from '../api/client';
import { useSessionChanged } from '../pages/scoring/queries';
import { LANDING } from '../routeAccess';

export type SignOutWhy = 'idle' | 'finished';
export const SIGNED_OUT_PARAM = 'out';

export const signedOutWhy = (value: string | null): SignOutWhy | null => (value === 'idle' || value === 'finished' ? value : null);

/** Signs out (throws the refusal, if any) and lands on the sign-in screen saying why. */
export function useSignOut() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  return async (why: SignOutWhy) => {
    const session = await call('session.signOut', {});
    // The address first: once the session says nobody, the route guard would otherwise move the screen itself.
    void navigate(`${LANDING}?${SIGNED_OUT_PARAM}=${why}`, { replace: true });
    await sessionChanged(session);
  };
}
