/**
 * 结果: the current period's ranking and grades, each figure explained down to
 * the raters' entries (branch drawer), and how consistently the panel scored.
 * State that should survive a reload or be linkable lives in the URL:
 * ?tab=charts|panel, ?branch=<id>&at=<indicator id>&view=<party|business|fusion|bonus|incomplete>.
 */
import { Alert, Button, Empty, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { PERIOD_STATUS_LABELS } from '../../../../shared/domain/period';
import { t } from '../../../../shared/messages';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { ChartSizeProvider } from '../../charts/Chart';
import { BranchDrawer } from './BranchDrawer';
import { ChartsTab } from './ChartsTab';
import { OverrideBanner } from './OverrideBanner';
import { OutdatedRecords } from '../../components/OutdatedRecords';
import { PanelTab } from './PanelTab';
import { RankingTable } from './RankingTable';
import './results.css';
import { PublicationTag } from './PublicationTag';
import { SummaryBar } from './SummaryBar';
import { TREE_VIEWS, type DrawerTarget, type TreeView } from './target';
import { useApi } from '../../api/useApi';

const STATUS_COLORS = { draft: 'default', scoring: 'processing', review: 'orange', finalised: 'green' } as const;

export function ResultsPage() {
  const { periodId, loading } = useCurrentPeriod();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const results = useApi('results.get', { periodId: periodId! }, { enabled: periodId !== null });

  const tabParam = params.get('tab');
  const tab = tabParam === 'panel' || tabParam === 'charts' ? tabParam : 'ranking';
  const branchParam = Number(params.get('branch'));
  const atParam = Number(params.get('at'));
  const viewParam = params.get('view') as TreeView | null;
  const target: DrawerTarget | null =
    Number.isInteger(branchParam) && branchParam > 0
      ? {
          branchId: branchParam,
          at: Number.isInteger(atParam) && atParam > 0 ? atParam : null,
          view: viewParam && TREE_VIEWS.includes(viewParam) ? viewParam : 'tree',
        }
      : null;

  const update = (change: (p: URLSearchParams) => void) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  const open = (to: DrawerTarget) =>
    update((p) => {
      p.set('branch', String(to.branchId));
      if (to.at) p.set('at', String(to.at));
      else p.delete('at');
      if (to.view && to.view !== 'tree') p.set('view', to.view);
      else p.delete('view');
    });
  const close = () => update((p) => ['branch', 'at', 'view'].forEach((k) => p.delete(k)));

  if (loading || (periodId !== null && results.isPending)) {
    return (
      <div className="rp-page">
        <Spin tip={t('results.loading')} style={{ display: 'block', margin: '96px auto' }}>
          <div style={{ height: 48 }} />
        </Spin>
      </div>
    );
  }

  if (periodId === null) {
    return (
      <div className="rp-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('results.title')}
        </Typography.Title>
        <Empty description={<span><b>{t('results.empty.title')}</b><br />{t('results.empty.body')}</span>} style={{ marginTop: 64 }}>
          <Space>
            <Button type="primary" onClick={() => void navigate('/periods')}>
              {t('results.empty.goPeriods')}
            </Button>
            <Button onClick={() => void navigate('/')}>{t('results.empty.loadSample')}</Button>
          </Space>
        </Empty>
      </div>
    );
  }

  if (results.isError) {
    return (
      <div className="rp-page">
        <Alert
          type="error"
          showIcon
          title={t('results.loadFailed')}
          description={results.error.message}
          action={<Button onClick={() => void results.refetch()}>{t('results.retry')}</Button>}
        />
      </div>
    );
  }

  const data = results.data!;
  const { period } = data;
  const header = (
    <>
      <div className="rpr-results-head">
        <Typography.Title level={4}>{t('results.title')}</Typography.Title>
        <Typography.Text strong data-testid="results-period">
          {period.name}
        </Typography.Text>
        <Tag color={STATUS_COLORS[period.status]}>{PERIOD_STATUS_LABELS[period.status]}</Tag>
        <PublicationTag periodId={period.id} />
      </div>
      <Typography.Text type="secondary">{t('results.intro')}</Typography.Text>
      <OverrideBanner periodId={period.id} />
      <OutdatedRecords periodId={period.id} />
    </>
  );

  if (data.result.branches.length === 0) {
    return (
      <div className="rp-page">
        {header}
        <Empty description={<span><b>{t('results.empty.noBranches')}</b><br />{t('results.empty.noBranchesBody')}</span>} style={{ marginTop: 64 }}>
          <Button type="primary" onClick={() => void navigate('/periods')}>
            {t('results.empty.goPeriods')}
          </Button>
        </Empty>
      </div>
    );
  }

  return (
    <ChartSizeProvider>
      <div className="rp-page">
        {header}
        <SummaryBar data={data} onOpenBranch={(branchId) => open({ branchId })} />
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            update((p) => {
              if (key === 'panel' || key === 'charts') p.set('tab', key);
              else p.delete('tab');
            })
          }
          items={[
            { key: 'ranking', label: t('results.tab.ranking'), children: <RankingTable data={data} onOpen={open} /> },
            { key: 'charts', label: t('results.tab.charts'), children: <ChartsTab data={data} onOpen={open} /> },
            { key: 'panel', label: t('results.tab.panel'), children: <PanelTab data={data} onOpen={open} /> },
          ]}
        />
        <BranchDrawer data={data} target={target} onNavigate={open} onClose={close} />
      </div>
    </ChartSizeProvider>
  );
}
