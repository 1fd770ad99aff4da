/**
 * The shared PC's idle sign-out: while a rater is signed in, no key, click,
 * mouse move or wheel for the set minutes (app.info's signIn.idleMinutes; 0:
 * never) signs them out. Typed values are settled first: an open editor is
 * committed and the sheet's background saves are waited for; a value that
 * cannot be saved yet (an invalid entry, reasons half-typed) keeps the rater
 * signed in for another idle period rather than lose it.
 */
import { useEffect, useRef } from 'react';
import type { Session } from '../../../shared/domain/scoring';
import { useFeedback } from './useFeedback';
import { watchIdle } from './idleWatch';
import { settlePendingWork } from './pendingWork';
import { useSignOut } from './useSignOut';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleSignOut(session: Session | null, idleMinutes: number) {
  const signOut = useSignOut();
  const { showError } = useFeedback();
  // The latest sign-out without restarting the watch on every render.
  const signOutRef = useRef(signOut);
  const showErrorRef = useRef(showError);
  useEffect(() => {
    signOutRef.current = signOut;
    showErrorRef.current = showError;
  });
  const raterId = session?.kind === 'rater' ? session.raterId : null;

  useEffect(() => {
    if (raterId === null || idleMinutes <= 0) return;
    const watch = watchIdle({
      idleMs: idleMinutes * 60_000,
      onIdle: async () => {
        if (!(await settlePendingWork())) return true;
        try {
          await signOutRef.current('idle');
          return false;
        } catch (e) {
          showErrorRef.current(e);
          return true;
        }
      },
    });
    const onActivity = () => watch.activity();
    // Capture: the grid stops some keys from bubbling.
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      watch.stop();
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [raterId, idleMinutes]);
}
