import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { TAGS } from '../../../../shared/domain/framework';
import type { FrameworkIssue } from '../../../../shared/domain/framework-validate';
import { t } from '../../../../shared/messages';
import { fmtPoints, TAG_COLOR, TAG_FILL, TAG_LABEL, type FrameworkTotals } from './model';

/** Base points and the Party/business balance: the figures the office checks first. */
function Balance({ totals }: { totals: FrameworkTotals }) {
  const tagSum = TAGS.reduce((s, tag) => s + totals.tags[tag], 0);
  const share = (x: number) => (tagSum > 0 ? `${Math.round((x / tagSum) * 100)}%` : '—');
  return (
    <div className="rp-fw-summary" data-testid="fw-summary">
      <span className="rp-fw-stat" data-testid="fw-total-base">
        {t('fw.summary.base')} <b>{fmtPoints(totals.base)}</b> {t('fw.unit.points')}
      </span>
      <Tooltip title={t('fw.summary.balanceTip')}>
        <span className="rp-fw-balance">
          {TAGS.map((tag) => (
            <span key={tag} className="rp-fw-stat" data-testid={`fw-total-${tag}`}>
              <Tag color={TAG_COLOR[tag]} style={{ marginInlineEnd: 4 }}>
                {t(TAG_LABEL[tag])}
              </Tag>
              <b>{fmtPoints(totals.tags[tag])}</b> {t('fw.unit.points')}
              <Typography.Text type="secondary" className="rp-fw-share">
                {share(totals.tags[tag])}
              </Typography.Text>
            </span>
          ))}
          <span className="rp-fw-bar" aria-hidden>
            {TAGS.map((tag) =>
              totals.tags[tag] > 0 ? <span key={tag} style={{ flexGrow: totals.tags[tag], background: TAG_FILL[tag] }} /> : null,
            )}
          </span>
        </span>
      </Tooltip>
    </div>
  );
}

/** The second line: what lies outside the base, and the size of the tree. */
function Counts({ totals }: { totals: FrameworkTotals }) {
  return (
    <div className="rp-fw-counts">
      <Tooltip title={t('fw.summary.bonusTip')}>
        <span className="rp-fw-stat" data-testid="fw-total-bonus">
          {t('fw.summary.bonus')} <b>{fmtPoints(totals.bonus)}</b> {t('fw.unit.points')}
        </span>
      </Tooltip>
      <span className="rp-fw-stat" data-testid="fw-total-leaves">
        {t('fw.summary.leaves')} <b>{totals.leaves}</b> {t('fw.unit.items')}
      </span>
      <span className="rp-fw-stat">
        {t('fw.summary.veto')} <b>{totals.vetoes}</b> {t('fw.unit.items')}
      </span>
    </div>
  );
}

interface ChecksProps {
  totals: FrameworkTotals;
  issues: readonly FrameworkIssue[];
  onPick: (indicatorId: number) => void;
}

/**
 * The summary line and the live check of the tree (validateFramework): errors
 * red, warnings orange, each one leading to its indicator.
 */
export function ChecksPanel({ totals, issues, onPick }: ChecksProps) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const state = errors > 0 ? 'bad' : warnings > 0 ? 'warn' : 'ok';
  // Errors first, then warnings, each in tree order as validateFramework reports them.
  const ordered = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className={`rp-fw-checks rp-fw-checks-${state}`} aria-label={t('fw.issues.title')}>
      <div className="rp-fw-checks-head">
        <Balance totals={totals} />
        <div className="rp-fw-verdict" data-testid="fw-verdict">
          {state === 'ok' ? (
            <>
              <CheckCircleFilled style={{ color: '#389e0d' }} /> {t('fw.issues.none')}
            </>
          ) : (
            <>
              {errors > 0 ? <CloseCircleFilled style={{ color: '#cf1322' }} /> : <ExclamationCircleFilled style={{ color: '#d46b08' }} />}{' '}
              {t(warnings === 0 ? 'fw.issues.errorsOnly' : errors === 0 ? 'fw.issues.warningsOnly' : 'fw.issues.counts', { errors, warnings })}
            </>
          )}
        </div>
      </div>
      <Counts totals={totals} />
      {issues.length > 0 && (
        <div className="rp-fw-issues" data-testid="fw-issues">
          <Typography.Text type="secondary" className="rp-fw-issues-help">
            {t('fw.issues.help')}
          </Typography.Text>
          <ul>
            {ordered.map((issue, i) => {
              const icon =
                issue.severity === 'error' ? (
                  <CloseCircleFilled className="rp-fw-issue-icon" style={{ color: '#cf1322' }} aria-label={t('fw.issues.error')} />
                ) : (
                  <ExclamationCircleFilled className="rp-fw-issue-icon" style={{ color: '#d46b08' }} aria-label={t('fw.issues.warning')} />
                );
              return (
                <li key={i} className={`rp-fw-issue rp-fw-issue-${issue.severity}`}>
                  {issue.indicatorId !== null ? (
                    <button type="button" onClick={() => onPick(issue.indicatorId!)}>
                      {icon}
                      <span>{issue.message}</span>
                    </button>
                  ) : (
                    <span className="rp-fw-issue-static">
                      {icon}
                      <span>{issue.message}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
