/** The figures of the whole period above the ranking: completeness, maxima, quotas, the fusion split. */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import type { PeriodResults } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { useApi } from '../../api/useApi';
import { provisionalNote, resultsGateStep } from '../../components/period/gateModel';
import { fmtExact, fmtRate, fmtShare } from './format';
import { NumLink } from './parts';

export function SummaryBar({ data, onOpenBranch }: { data: PeriodResults; onOpenBranch: (branchId: number) => void }) {
  const { result, period } = data;
  const settings = period.settings;
  // What is missing, as the next gate counts it (scores and business data); until that answers, the engine's count.
  const readiness = useApi('periods.readiness', { periodId: period.id, step: resultsGateStep(period.status) });
  const engineMissing = result.branches.reduce((n, b) => n + b.missing, 0);
  const provisional = readiness.data
    ? provisionalNote(readiness.data)
    : engineMissing > 0
      ? t('results.summary.incomplete', { count: engineMissing })
      : null;
  const names = new Map(result.branches.map((b) => [b.branchId, b.name]));
  const grades = settings.grades.map((g) => g.label);

  return (
    <div className="rpr-summary" data-testid="results-summary">
      <div className="rpr-summary-item">
        <div className="rpr-summary-label">{t('results.summary.progress')}</div>
        {provisional === null ? (
          <div className="rpr-summary-value rpr-complete" data-testid="results-completeness">
            <CheckCircleFilled /> {t('results.summary.complete')}
          </div>
        ) : (
          <Tooltip title={t('results.summary.incompleteHint')}>
            <div className="rpr-summary-value rpr-incomplete" data-testid="results-completeness">
              <ExclamationCircleFilled /> {provisional}
            </div>
          </Tooltip>
        )}
        <div className="rpr-summary-sub">{t('results.count', { count: result.branches.length })}</div>
      </div>

      <div className="rpr-summary-item">
        <div className="rpr-summary-label">{t('results.summary.baseMax')}</div>
        <div className="rpr-summary-value">
          <b>{fmtExact(result.baseMax)}</b> {t('results.summary.points')}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('results.summary.baseMaxTags', {
              party: fmtExact(result.tagMax.party),
              business: fmtExact(result.tagMax.business),
              fusion: fmtExact(result.tagMax.fusion),
            })}
          </Typography.Text>
        </div>
        <div className="rpr-summary-sub">
          {settings.bonusCap === null
            ? t('results.summary.bonusNoCap')
            : t('results.summary.bonusCap', { cap: fmtExact(settings.bonusCap) })}
        </div>
      </div>

      <div className="rpr-summary-item">
        <div className="rpr-summary-label">{t('results.summary.quota')}</div>
        {result.quotas.length === 0 ? (
          <div className="rpr-summary-value">{t('results.summary.quotaNone')}</div>
        ) : (
          result.quotas.map((q) => {
            const to = grades[grades.indexOf(q.label) + 1] ?? '';
            return (
              <div key={q.label}>
                <Tooltip title={t('results.summary.quotaShare', { share: fmtShare(q.maxShare), count: result.branches.length })}>
                  <span className="rpr-summary-value">{t('results.summary.quotaValue', { label: q.label, allowed: q.allowed })}</span>
                </Tooltip>
                <div className="rpr-summary-sub" data-testid="results-quota-moved">
                  {q.movedBranchIds.length === 0 ? (
                    t('results.summary.quotaNoneMoved')
                  ) : (
                    <Tooltip
                      title={q.movedBranchIds.map((id, i) => (
                        <span key={id}>
                          {i > 0 && t('results.summary.sep')}
                          <NumLink onClick={() => onOpenBranch(id)}>{names.get(id)}</NumLink>
                        </span>
                      ))}
                    >
                      <span>{t('results.summary.quotaMoved', { count: q.movedBranchIds.length, to })}</span>
                    </Tooltip>
                  )}
                </div>
              </div>
            );
          })
        )}
      </div>

      <div className="rpr-summary-item">
        <Tooltip title={t('results.summary.splitHint')}>
          <div className="rpr-summary-label">{t('results.summary.split')}</div>
          <div className="rpr-summary-value">
            {t('results.summary.splitValue', { party: fmtRate(result.split.party), business: fmtRate(result.split.business) })}
          </div>
          <div className="rpr-summary-sub">
            {t(result.split.mode === 'mean' ? 'results.summary.splitMean' : 'results.summary.splitFixed')}
          </div>
        </Tooltip>
      </div>
    </div>
  );
}
