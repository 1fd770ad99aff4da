import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { useApi } from '../api/useApi';

/**
 * The period the app works on (shown and switched in the header). The main
 * process remembers it; null before any period exists.
 */
export function useCurrentPeriod() {
  const queryClient = useQueryClient();
  const info = useApi('app.info', {});
  const periodId = info.data?.currentPeriodId ?? null;
  const period = useApi('periods.get', { id: periodId! }, { enabled: periodId !== null });
  const switchTo = useMutation({
    mutationFn: (id: number | null) => call('app.setCurrentPeriod', { periodId: id }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return {
    periodId,
    period: period.data ?? null,
    loading: info.isPending || (periodId !== null && period.isPending),
    switchTo: (id: number | null) => switchTo.mutate(id),
  };
}
