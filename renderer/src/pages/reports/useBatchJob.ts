/**
 * A batch of feedback sheets, followed from the renderer: start it, poll its
 * status for the progress bar, cancel it. The work runs in the main process
 * (documents.startBatch); this only asks how far it has got.
 */
import { useEffect, useRef, useState } from 'react';
import type { Input } from '../../../../shared/api';
import type { BatchJobStatus } from '../../../../shared/domain/documents';
import { call } from '../../api/client';

const POLL_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useBatchJob(onError: (e: unknown) => void) {
  const [status, setStatus] = useState<BatchJobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // The job being followed; polling stops when it changes or the screen goes away.
  const following = useRef<string | null>(null);
  useEffect(
    () => () => {
      following.current = null;
    },
    [],
  );

  const follow = async (jobId: string) => {
    following.current = jobId;
    for (;;) {
      await sleep(POLL_MS);
      if (following.current !== jobId) return;
      const s = await call('documents.jobStatus', { jobId });
      if (following.current !== jobId) return;
      setStatus(s);
      if (s.state !== 'running') {
        setCancelling(false);
        return;
      }
    }
  };

  const start = async (input: Input<'documents.startBatch'>) => {
    setCancelling(false);
    const first = await call('documents.startBatch', input);
    setStatus(first);
    if (first.state === 'running') {
      follow(first.jobId).catch((e: unknown) => {
        setCancelling(false);
        onError(e);
      });
    }
    return first;
  };

  const cancel = async () => {
    if (!status || status.state !== 'running') return;
    setCancelling(true);
    try {
      await call('documents.cancelJob', { jobId: status.jobId });
    } catch (e) {
      setCancelling(false);
      onError(e);
    }
  };

  const clear = () => {
    following.current = null;
    setStatus(null);
  };

  return { status, running: status?.state === 'running', cancelling, start, cancel, clear };
}
