/**
 * The first screen. Before any period: a welcome with two ways in (示例数据,
 * 新建考核). Afterwards: where the current period stands and what to do next.
 */
import {
  ArrowRightOutlined,
  CheckCircleFilled,
  DatabaseOutlined,
  ExclamationCircleFilled,
  RightCircleFilled,
  RocketOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space, Spin, Statistic, Steps, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PERIOD_KIND_LABELS, PERIOD_STATUS_LABELS, PERIOD_STATUSES } from '../../../../shared/domain/period';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { useFrameworkErrors } from '../periods/PeriodDrawer';
import { advanceLabel, frameworkLabel, PeriodStatusTag, useAdvancePeriod } from '../../components/period/periodUi';
import '../periods/periods.css';
import { NewAssessmentWizard } from './NewAssessmentWizard';

/** Sample sizes: the default shows ranks, quotas, a veto and a recusal; the large one what a plant of 60 branches looks like. */
const SAMPLE_SIZES = {
  small: { branches: 8, raters: 5 },
  standard: { branches: 12, raters: 7 },
  large: { branches: 60, raters: 9 },
} as const;
type SampleSize = keyof typeof SAMPLE_SIZES;

export function HomePage() {
  const [params, setParams] = useSearchParams();
  const { periodId, period, loading } = useCurrentPeriod();

  if (params.get('new') === '1') {
    return (
      <div className="rp-page">
        <NewAssessmentWizard onCancel={() => setParams({}, { replace: true })} onDone={() => setParams({}, { replace: true })} />
      </div>
    );
  }
  if (loading) {
    return (
      <div className="rp-page">
        <Spin />
      </div>
    );
  }
  return (
    <div className="rp-page">
      {periodId === null || !period ? <Welcome onWizard={() => setParams({ new: '1' })} /> : <Summary period={period} onWizard={() => setParams({ new: '1' })} />}
    </div>
  );
}

function Welcome({ onWizard }: { onWizard: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const [size, setSize] = useState<SampleSize>('standard');
  const SAMPLE = SAMPLE_SIZES[size];
  const sample = useMutation({
    mutationFn: () => call('sample.create', SAMPLE),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries();
      void message.success(t('home.sample.done', { branches: s.branches, raters: s.raters, entries: s.entries }), 6);
      void navigate('/results');
    },
    onError: showError,
  });

  return (
    <div style={{ maxWidth: 1000 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('home.welcome.body')}
      </Typography.Paragraph>
      <div className="rp-welcome-actions">
        <div className="rp-welcome-card">
          <DatabaseOutlined className="rp-welcome-icon" />
          <h3>{t('home.sample.title')}</h3>
          <p>{t('home.sample.body', SAMPLE)}</p>
          {sample.isPending ? (
            <Space>
              <Spin size="small" />
              <Typography.Text>{t('home.sample.working', SAMPLE)}</Typography.Text>
            </Space>
          ) : (
            <Space orientation="vertical" size={12}>
              <Segmented<SampleSize>
                value={size}
                onChange={setSize}
                aria-label={t('home.sample.size')}
                options={(Object.keys(SAMPLE_SIZES) as SampleSize[]).map((k) => ({ value: k, label: t(`home.sample.size.${k}`, SAMPLE_SIZES[k]) }))}
              />
              <Button size="large" onClick={() => sample.mutate()}>
                {t('home.action.sample')}
              </Button>
            </Space>
          )}
        </div>
        <div className="rp-welcome-card">
          <RocketOutlined className="rp-welcome-icon" />
          <h3>{t('home.wizard.title')}</h3>
          <p>{t('home.wizard.body')}</p>
          <div>
            <Button type="primary" size="large" disabled={sample.isPending} onClick={onWizard}>
              {t('home.action.wizard')}
            </Button>
          </div>
        </div>
      </div>
      <Typography.Text className="rp-path">{t('home.path')}</Typography.Text>
    </div>
  );
}

interface NextStep {
  key: string;
  done?: boolean;
  text: string;
  action?: ReactNode;
}

function Summary({ period, onWizard }: { period: Period; onWizard: () => void }) {
  const navigate = useNavigate();
  const advance = useAdvancePeriod();
  const fwErrors = useFrameworkErrors(period.frameworkId);
  const panel = useApi('panel.get', { periodId: period.id });
  const info = useApi('app.info', {});
  const measurements = useApi('measurements.list', { periodId: period.id });
  const groupCount = panel.data?.groups.length ?? 0;
  const go = (path: string, label: string) => (
    <Button size="small" type="link" onClick={() => void navigate(path)}>
      {label} <ArrowRightOutlined />
    </Button>
  );
  const advanceButton = (
    <Button size="small" type="primary" loading={advance.pending} onClick={() => advance.start(period)}>
      {advanceLabel(period.status)}
    </Button>
  );

  const steps: NextStep[] = [];
  // Raters will score on this PC: without an admin PIN anyone there can switch to 管理员.
  const adminPinStep: NextStep | null =
    info.data && !info.data.signIn.adminPinSet && period.raterCount > 0
      ? { key: 'adminPin', done: false, text: t('home.next.adminPin'), action: go('/safety', t('home.next.adminPinAction')) }
      : null;
  // 业务数据: the quantitative leaves' figures, entered by the office or imported from the departments' workbook.
  const figures = measurements.data ?? [];
  const figuresMissing = figures.filter((m) => m.actual === null).length;
  const dataStep: NextStep | null =
    figures.length === 0
      ? null
      : {
          key: 'data',
          done: figuresMissing === 0,
          text: figuresMissing === 0 ? t('home.next.dataOk', { count: figures.length }) : t('home.next.dataMissing', { missing: figuresMissing, count: figures.length }),
          action: figuresMissing === 0 ? undefined : go('/data', t('home.next.dataAction')),
        };
  switch (period.status) {
    case 'draft': {
      const fwOk = fwErrors === 0;
      steps.push({
        key: 'fw',
        done: fwOk,
        text: fwErrors === null ? t('period.ready.frameworkChecking') : fwOk ? t('home.next.frameworkOk', { name: frameworkLabel(period) }) : t('home.next.frameworkBad', { count: fwErrors }),
        action: fwOk ? undefined : go('/framework', t('period.fix.framework')),
      });
      steps.push({
        key: 'branches',
        done: period.branchCount > 0,
        text: period.branchCount > 0 ? t('period.ready.branchesOk', { count: period.branchCount }) : t('home.next.branchesNone'),
        action: period.branchCount > 0 ? undefined : go(`/periods?edit=${period.id}`, t('period.fix.branches')),
      });
      steps.push({
        key: 'raters',
        done: period.raterCount > 0,
        text:
          period.raterCount > 0
            ? t('home.next.ratersOk', { groups: groupCount, count: period.raterCount })
            : groupCount > 0
              ? t('home.next.ratersEmptyGroups', { groups: groupCount })
              : t('home.next.ratersNone'),
        action: period.raterCount > 0 ? go('/raters', t('home.next.ratersCheck')) : go('/raters', t('period.fix.raters')),
      });
      if (adminPinStep) steps.push(adminPinStep);
      if (dataStep) steps.push(dataStep);
      steps.push({ key: 'rules', text: t('home.next.rules'), action: go(`/periods?detail=${period.id}`, t('home.next.rulesAction')) });
      const ready = fwErrors === 0 && period.branchCount > 0 && period.raterCount > 0;
      steps.push({ key: 'start', text: ready ? t('home.next.readyToStart') : t('home.next.startWhenReady'), action: advanceButton });
      break;
    }
    case 'scoring':
      if (adminPinStep) steps.push(adminPinStep);
      steps.push({ key: 'score', text: t('home.next.scoring', { entries: period.entryCount }), action: go('/scoring', t('home.next.scoringAction')) });
      // Results stay hidden while scoring is open (blind scoring): the office follows progress, counts only.
      steps.push({ key: 'progress', text: t('home.next.progress'), action: go('/scoring', t('home.next.progressAction')) });
      if (dataStep) steps.push(dataStep);
      steps.push({ key: 'review', text: t('home.next.toReview'), action: advanceButton });
      break;
    case 'review':
      steps.push({ key: 'results', text: t('home.next.review'), action: go('/results', t('period.action.results')) });
      steps.push({ key: 'meeting', text: t('home.next.meeting'), action: go('/meetings', t('home.next.meetingAction')) });
      steps.push({ key: 'final', text: t('home.next.toFinal'), action: advanceButton });
      break;
    case 'finalised':
      steps.push({ key: 'done', done: true, text: t('home.next.finalised'), action: go('/results', t('period.action.results')) });
      steps.push({ key: 'reports', text: t('home.next.reports'), action: go('/reports', t('home.next.reportsAction')) });
      steps.push({ key: 'new', text: t('home.next.newPeriod'), action: <Button size="small" type="link" onClick={onWizard}>{t('home.action.wizard')} <ArrowRightOutlined /></Button> });
      break;
  }

  return (
    <div>
      <Space align="center" size={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {period.name}
        </Typography.Title>
        <PeriodStatusTag status={period.status} />
      </Space>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">
          {t('home.summary.meta', { year: period.year, kind: PERIOD_KIND_LABELS[period.kind], framework: frameworkLabel(period) })}
        </Typography.Text>
      </div>
      <Steps
        style={{ margin: '20px 0', maxWidth: 760 }}
        size="small"
        current={PERIOD_STATUSES.indexOf(period.status)}
            status={period.status === 'finalised' ? 'finish' : 'process'}
        items={PERIOD_STATUSES.map((s) => ({ title: PERIOD_STATUS_LABELS[s] }))}
      />
      <Space size={48} style={{ marginBottom: 12 }} wrap>
        <Statistic title={t('home.stat.branches')} value={period.branchCount} suffix={t('home.stat.branchesUnit')} />
        <Statistic title={t('home.stat.raters')} value={period.raterCount} suffix={t('home.stat.ratersUnit')} />
        <Statistic title={t('home.stat.entries')} value={period.entryCount} suffix={t('home.stat.entriesUnit')} />
      </Space>
      <Typography.Title level={5}>{t('home.next.title')}</Typography.Title>
      <ul className="rp-next-steps" data-testid="next-steps">
        {steps.map((s) => (
          <li key={s.key}>
            {s.done === true ? (
              <CheckCircleFilled style={{ color: '#389e0d' }} />
            ) : s.done === false ? (
              <ExclamationCircleFilled style={{ color: '#d46b08' }} />
            ) : (
              <RightCircleFilled style={{ color: 'rgba(0,0,0,0.25)' }} />
            )}
            <span>{s.text}</span>
            {s.action}
          </li>
        ))}
      </ul>
      <Space style={{ marginTop: 20 }}>
        <Button onClick={() => void navigate('/periods')}>{t('home.allPeriods')}</Button>
        <Button onClick={onWizard}>{t('home.action.wizard')}</Button>
      </Space>
    </div>
  );
}
