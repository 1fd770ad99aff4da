/**
 * Who does something: recorded in the audit log and, for entries, as
 * entered_by. Its own module, so the services that record an actor need not
 * import one another for it.
 */
import { AUDIT_ACTOR_NAMES } from '../../shared/domain/audit';
import type { Session } from '../../shared/domain/scoring';

export interface Actor {
  kind: 'admin' | 'rater' | 'import' | 'system';
  name: string;
}

/** The app itself (the sample data, a start-up task): logged as 系统. */
export const SYSTEM: Actor = { kind: 'system', name: AUDIT_ACTOR_NAMES.system };

/** How the session appears in the audit log. */
export function actorOf(session: Session): { kind: 'admin' | 'rater' | 'system'; name: string } {
  if (session.kind === 'admin') return { kind: 'admin', name: AUDIT_ACTOR_NAMES.admin };
  if (session.kind === 'rater') return { kind: 'rater', name: session.name };
  return { kind: 'system', name: AUDIT_ACTOR_NAMES.system };
}
