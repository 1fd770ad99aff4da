import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';

/**
 * The period the app works on (shown and switched in the header). The main
 * process remembers it; null before any period exists.
 */
export function useCurrentPeriod() {
  const queryClient = useQueryClient();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info', {}) });
  const periodId = info.data?.currentPeriodId ?? null;
  const period = useQuery({
    queryKey: ['periods', periodId],
    queryFn: () => call('periods.get', { id: periodId! }),
    enabled: periodId !== null,
  });
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
