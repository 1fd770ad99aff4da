/**
 * A small notice while a call has been waiting on the database for more than
 * a moment — usually another process (the CLI, a second window) writing — so
 * the screen does not just seem frozen. It blocks nothing and goes away when
 * no call is pending.
 */
import { LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { t } from '../../../shared/messages';
import { pendingSince, subscribePending } from '../api/client';

const SHOW_AFTER_MS = 1000;

export function WaitingNotice() {
  const since = useSyncExternalStore(subscribePending, pendingSince);
  // The start of the call the notice is shown for: it shows only once that call has waited long enough.
  const [shownFor, setShownFor] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setTimeout(() => setShownFor(since), Math.max(0, since + SHOW_AFTER_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [since]);
  if (since === null || shownFor !== since) return null;
  return (
    <div className="rp-waiting" role="status" data-testid="waiting-notice">
      <Alert type="warning" showIcon icon={<LoadingOutlined />} title={t('pending.waiting')} />
    </div>
  );
}
