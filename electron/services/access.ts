/**
 * What each kind of session may call. The admin may call everything; a
 * rater signed in on the shared PC only what scoring needs; before anyone
 * has signed in, only what the sign-in screen needs. The services check the
 * finer rules (a rater sees only their own sheet; nobody sees values while
 * scoring is open).
 */
import type { MethodName } from '../../shared/api';
import type { Session } from '../../shared/domain/scoring';

const SIGN_IN: readonly MethodName[] = ['app.info', 'session.get', 'session.signInAdmin', 'session.signInRater', 'session.signOut', 'periods.list', 'panel.get'];
const RATER: readonly MethodName[] = [...SIGN_IN, 'periods.get', 'scoring.sheet', 'scoring.save', 'scoring.setFinished', 'meetings.current'];

export function mayCall(session: Session, method: MethodName): boolean {
  if (session.kind === 'admin') return true;
  return (session.kind === 'rater' ? RATER : SIGN_IN).includes(method);
}
