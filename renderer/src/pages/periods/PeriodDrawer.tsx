/** A period's details: where it stands in its lifecycle, what is missing, and its scoring rules. */
import { CheckCircleFilled, CloseCircleFilled, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PERIOD_KIND_LABELS, PERIOD_STATUS_LABELS, PERIOD_STATUSES } from '../../../../shared/domain/period';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { PeriodSettingsForm } from './PeriodSettingsForm';
import { advanceLabel, frameworkLabel, PeriodStatusTag, useAdvancePeriod } from '../../components/period/periodUi';

interface Props {
  periodId: number | null;
  onClose: () => void;
  onEdit: (period: Period) => void;
}

/** Counts of framework errors, for the readiness list. */
/** The framework's errors (null while loading): the readiness check lists them, not only how many. */
export function useFrameworkErrorList(frameworkId: number | undefined) {
  const fw = useApi('frameworks.get', { id: frameworkId! }, { enabled: frameworkId !== undefined });
  return fw.data ? fw.data.issues.filter((i) => i.severity === 'error') : null;
}

export function useFrameworkErrors(frameworkId: number | undefined) {
  return useFrameworkErrorList(frameworkId)?.length ?? null;
}

/** How many of the framework's errors the readiness check spells out (the 指标体系 page lists them all). */
const ERRORS_SHOWN = 5;

function Check({ ok, children, action }: { ok: boolean; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rp-check">
      {ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />}
      <span>{children}</span>
      {!ok && action}
    </div>
  );
}

export function PeriodDrawer({ periodId, onClose, onEdit }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const advance = useAdvancePeriod();
  const detail = useApi('periods.get', { id: periodId! }, { enabled: periodId !== null });
  const period = detail.data ?? null;
  const fwErrorList = useFrameworkErrorList(period?.frameworkId);
  const fwErrors = fwErrorList?.length ?? null;

  /** Makes this the current period, then opens a screen that works on the current period. */
  const goWithPeriod = async (path: string) => {
    if (!period) return;
    await call('app.setCurrentPeriod', { periodId: period.id });
    await queryClient.invalidateQueries();
    void navigate(path);
  };

  const finalised = period?.status === 'finalised';
  const label = period ? advanceLabel(period.status) : null;

  return (
    <Drawer
      open={periodId !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={period ? t('period.drawer.title', { name: period.name }) : t('period.drawer.loading')}
      extra={
        period &&
        !finalised && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(period)}>
            {t('period.action.edit')}
          </Button>
        )
      }
    >
      {period && (
        <>
          <Steps
            size="small"
            current={PERIOD_STATUSES.indexOf(period.status)}
            status={period.status === 'finalised' ? 'finish' : 'process'}
            items={PERIOD_STATUSES.map((s) => ({ title: PERIOD_STATUS_LABELS[s] }))}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'status', label: t('period.field.status'), children: <PeriodStatusTag status={period.status} /> },
              { key: 'year', label: t('period.field.yearKindLong'), children: t('period.yearKindValue', { year: period.year, kind: PERIOD_KIND_LABELS[period.kind] }) },
              { key: 'fw', label: t('period.field.framework'), span: 2, children: frameworkLabel(period) },
              { key: 'counts', label: t('period.field.counts'), span: 2, children: t('period.counts', { branches: period.branchCount, raters: period.raterCount, entries: period.entryCount }) },
            ]}
          />
          {period.status === 'draft' && (
            <div className="rp-readiness">
              <Typography.Text strong>{t('period.ready.title')}</Typography.Text>
              <Check
                ok={fwErrors === 0}
                action={<Typography.Link onClick={() => void goWithPeriod('/framework')}>{t('period.fix.framework')}</Typography.Link>}
              >
                {fwErrors === null
                  ? t('period.ready.frameworkChecking')
                  : fwErrors === 0
                    ? t('period.ready.frameworkOk')
                    : t('period.ready.frameworkBad', { count: fwErrors })}
              </Check>
              {fwErrorList && fwErrorList.length > 0 ? (
                <ul className="rp-readiness-errors" data-testid="framework-errors">
                  {fwErrorList.slice(0, ERRORS_SHOWN).map((issue, i) => (
                    <li key={i}>{issue.message}</li>
                  ))}
                  {fwErrorList.length > ERRORS_SHOWN ? <li>{t('period.ready.frameworkMore', { more: fwErrorList.length - ERRORS_SHOWN })}</li> : null}
                </ul>
              ) : null}
              <Check ok={period.branchCount > 0} action={<Typography.Link onClick={() => onEdit(period)}>{t('period.fix.branches')}</Typography.Link>}>
                {period.branchCount > 0 ? t('period.ready.branchesOk', { count: period.branchCount }) : t('period.ready.branchesNone')}
              </Check>
              <Check ok={period.raterCount > 0} action={<Typography.Link onClick={() => void goWithPeriod('/raters')}>{t('period.fix.raters')}</Typography.Link>}>
                {period.raterCount > 0 ? t('period.ready.ratersOk', { count: period.raterCount }) : t('period.ready.ratersNone')}
              </Check>
            </div>
          )}
          <Space style={{ margin: '12px 0 4px' }} wrap>
            {label && (
              <Button type="primary" loading={advance.pending} onClick={() => advance.start(period)}>
                {label}
              </Button>
            )}
            <Button onClick={() => void goWithPeriod('/raters')}>{t('period.action.raters')}</Button>
            {period.status !== 'draft' && <Button onClick={() => void goWithPeriod('/results')}>{t('period.action.results')}</Button>}
          </Space>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('settings.title')}
          </Typography.Title>
          {finalised ? (
            <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 12 }} />
          ) : (
            <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
          )}
          <PeriodSettingsForm key={`${period.id}-${period.updatedAt}`} period={period} readOnly={finalised} />
        </>
      )}
    </Drawer>
  );
}
