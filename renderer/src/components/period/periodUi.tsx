/**
 * Pieces the periods, raters, home screens and the header share: the status
 * tag, the lifecycle step (with its confirmation and refusals), the list's key.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PERIOD_STATUS_LABELS, PERIOD_STATUSES, type PeriodStatus } from '../../../../shared/domain/period';
import type { Period } from '../../../../shared/domain/views';
import { t, type MessageKey } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { apiKey } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { useGateConfirm } from './GateConfirmModal';
import { gateStepFor, isIncomplete, refusalReasons } from './gateModel';

/** The periods list as the header shows it (the scoring screen shares the cache). */
export const PERIODS_LIST_KEY = apiKey('periods.list', {});

const STATUS_COLORS: Record<PeriodStatus, string> = {
  draft: 'default',
  scoring: 'processing',
  review: 'warning',
  finalised: 'success',
};

export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {PERIOD_STATUS_LABELS[status]}
    </Tag>
  );
}

export const frameworkLabel = (p: Pick<Period, 'frameworkName' | 'frameworkVersion'>) =>
  t('period.frameworkVersion', { name: p.frameworkName, version: p.frameworkVersion });

/** The status after this one; null for a finalised period. */
export function nextStatus(status: PeriodStatus): PeriodStatus | null {
  return PERIOD_STATUSES[PERIOD_STATUSES.indexOf(status) + 1] ?? null;
}

const ADVANCE: Record<Exclude<PeriodStatus, 'draft'>, { action: MessageKey; confirm: MessageKey; refused: MessageKey; done: MessageKey }> = {
  scoring: { action: 'period.advance.scoring', confirm: 'period.advance.scoring.confirm', refused: 'period.advance.scoring.refused', done: 'period.advance.scoring.done' },
  review: { action: 'period.advance.review', confirm: 'period.advance.review.confirm', refused: 'period.advance.review.refused', done: 'period.advance.review.done' },
  finalised: { action: 'period.advance.finalised', confirm: 'period.advance.finalised.confirm', refused: 'period.advance.finalised.refused', done: 'period.advance.finalised.done' },
};

/** "开始评分 / 进入评审 / 定稿" for a period, or null when there is no next step. */
export function advanceLabel(status: PeriodStatus): string | null {
  const to = nextStatus(status);
  return to && to !== 'draft' ? t(ADVANCE[to].action) : null;
}

/**
 * Moves a period one step along its lifecycle, after a confirmation that says
 * what changes; 进入评审 and 定稿 first show what is still missing (GateConfirmModal).
 */
/** The refusal lists this many reasons; a broken framework's full list is on the 指标体系 page. */
const REASONS_SHOWN = 8;

export function useAdvancePeriod() {
  const { modal } = App.useApp();
  const gate = useGateConfirm();
  const { message, showError } = useFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const advance = useMutation({
    mutationFn: (v: { period: Period; to: PeriodStatus; override?: string }) =>
      call('periods.advance', { id: v.period.id, to: v.to, ...(v.override ? { override: v.override } : {}) }),
    onSuccess: async (p, v) => {
      await queryClient.invalidateQueries();
      if (v.to !== 'draft') void message.success(t(ADVANCE[v.to].done, { name: p.name }));
    },
    onError: (e, v) => {
      if (isIncomplete(e)) return; // the gate dialog shows what is missing now
      if (!(e instanceof ApiError) || e.error.code !== 'validation' || v.to === 'draft') return showError(e);
      const { head, reasons } = refusalReasons(e.error);
      const go = (path: string) => {
        destroy();
        void call('app.setCurrentPeriod', { periodId: v.period.id })
          .then(() => queryClient.invalidateQueries())
          .then(() => navigate(path));
      };
      const fixes: { when: boolean; label: MessageKey; path: string }[] = [
        { when: reasons.some((r) => r.field === 'raters'), label: 'period.fix.raters', path: '/raters' },
        { when: reasons.some((r) => r.field === 'framework'), label: 'period.fix.framework', path: '/framework' },
        { when: reasons.some((r) => r.field === 'branches'), label: 'period.fix.branches', path: `/periods?edit=${v.period.id}` },
      ];
      const { destroy } = modal.warning({
        title: t(ADVANCE[v.to].refused),
        width: 520,
        okText: t('ui.gotIt'),
        content: (
          <div data-testid="advance-refusal">
            <p>{head}{reasons.length ? t('period.advance.because') : ''}</p>
            {reasons.length > 0 && (
              <ul style={{ paddingInlineStart: 20 }}>
                {reasons.slice(0, REASONS_SHOWN).map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
                {reasons.length > REASONS_SHOWN && <li>{t('period.advance.more', { more: reasons.length - REASONS_SHOWN })}</li>}
              </ul>
            )}
            {fixes.some((f) => f.when) && (
              <p style={{ marginBottom: 0 }}>
                {fixes
                  .filter((f) => f.when)
                  .map((f) => (
                    <Typography.Link key={f.path} style={{ marginInlineEnd: 16 }} onClick={() => go(f.path)}>
                      {t(f.label)}
                    </Typography.Link>
                  ))}
              </p>
            )}
          </div>
        ),
      });
    },
  });

  /** Asks first (the step cannot be undone), then calls the service. */
  const start = (period: Period) => {
    const to = nextStatus(period.status);
    if (!to || to === 'draft') return;
    const step = gateStepFor(to);
    if (step) {
      gate({
        periodId: period.id,
        periodName: period.name,
        step,
        confirm: t(ADVANCE[to].confirm),
        proceed: (override) => advance.mutateAsync({ period, to, override }),
      });
      return;
    }
    modal.confirm({
      title: t('period.advance.confirmTitle', { action: t(ADVANCE[to].action), name: period.name }),
      content: t(ADVANCE[to].confirm),
      okText: t(ADVANCE[to].action),
      cancelText: t('ui.cancel'),
      width: 480,
      onOk: () => advance.mutate({ period, to }),
    });
  };

  return { start, pending: advance.isPending };
}
