/**
 * The renderer's side of who may see what on the shared PC (the main process
 * refuses the calls anyway): an address the session may not open — typed,
 * bookmarked or left over from the previous person — lands on 评分 (the
 * sign-in screen, or the rater's sheet), with a short notice for a rater. It
 * also runs the idle sign-out while a rater is signed in.
 */
import { App, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Session } from '../../../shared/domain/scoring';
import { t } from '../../../shared/messages';
import { useApi } from '../api/useApi';
import { useForeignWrites } from '../hooks/useForeignWrites';
import { useIdleSignOut } from '../hooks/useIdleSignOut';
import { LANDING, mayOpen } from '../routeAccess';

const NOBODY: Session = { kind: 'none' };

export function SessionGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useApi('session.get', {}, { staleTime: 0 });
  const info = useApi('app.info', {});
  useIdleSignOut(session.data ?? null, info.data?.signIn.idleMinutes ?? 0);
  // Every screen, the presenter's too, follows writes made by another process (the CLI, a second window).
  useForeignWrites();

  // Nothing of a screen is drawn before it is known who is at the PC.
  if (session.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  // A session that cannot be read is nobody's: only the sign-in screen.
  const who = session.data ?? NOBODY;
  if (!mayOpen(who, location.pathname)) return <Refused session={who} />;
  return children;
}

function Refused({ session }: { session: Session }) {
  const { message } = App.useApp();
  const rater = session.kind === 'rater';
  useEffect(() => {
    // One notice however often the guard is hit (StrictMode, a quick second link).
    if (rater) void message.warning({ key: 'route-refused', content: t('scoring.guard.raterOnly') });
  }, [rater, message]);
  return <Navigate to={LANDING} replace />;
}
