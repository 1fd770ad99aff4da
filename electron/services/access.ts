/**
 * Who may call what: each handler declares its access (handlers/define.ts);
 * this says which sessions each level admits. The admin may call
 * everything; a rater signed in on the shared PC what scoring needs; before
 * anyone has signed in, only what the sign-in screen needs.
 */
import type { Session } from '../../shared/domain/scoring';
import type { Access } from './handlers/define';

export function mayCall(session: Session, access: Access): boolean {
  if (session.kind === 'admin') return true;
  if (session.kind === 'rater') return access !== 'admin';
  return access === 'anyone';
}
