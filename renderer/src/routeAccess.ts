/**
 * Which screens the person at the shared PC may open. The main process refuses
 * the calls anyway; this keeps a rater (or nobody) from even seeing an office
 * screen's frame, whatever address is typed: a rater works in 评分 and follows
 * the meeting (评审会 shows a rater only the follow view), nobody-yet only
 * signs in (the sign-in screen is 评分's).
 */
import type { Session } from '../../shared/domain/scoring';

/** Where a refused address lands: the sign-in screen and the rater's sheet are both 评分. */
export const LANDING = '/scoring';

/** `prefix` itself or anything below it ('/scoring/x'), not '/scoringx'. */
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
/** `prefix` itself, with or without a trailing slash. */
const exactly = (path: string, prefix: string) => path === prefix || path === `${prefix}/`;

export function mayOpen(session: Session, path: string): boolean {
  if (session.kind === 'admin') return true;
  if (under(path, LANDING)) return true;
  return session.kind === 'rater' && exactly(path, '/meetings');
}
