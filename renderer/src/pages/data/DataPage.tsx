/**
 * 业务数据: the current period's business data (目标协同), the facts the
 * office records (考核组核定), the branches' self-assessments, the raters'
 * score workbooks and the audit log with the period's lock. Each tab has its
 * own address (/data/measurements, /data/office, /data/self, /data/scores,
 * /data/audit), so a reload or a link keeps it.
 */
import { Button, Empty, Space, Spin, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { t } from '../../../../shared/messages';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { PeriodStatusTag } from '../../components/period/periodUi';
import { AuditTab } from './AuditTab';
import './data.css';
import { MeasurementsTab } from './MeasurementsTab';
import { OfficeTab } from './OfficeTab';
import { ScoresTab } from './ScoresTab';
import { SelfTab } from './SelfTab';

const TABS = ['measurements', 'office', 'self', 'scores', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function DataPage() {
  const { periodId, period, loading } = useCurrentPeriod();
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.split('/')[2] ?? '';
  const tab = (TABS as readonly string[]).includes(segment) ? (segment as Tab) : null;

  if (tab === null) return <Navigate to="/data/measurements" replace />;

  if (loading) {
    return (
      <div className="rp-page">
        <Spin style={{ display: 'block', margin: '96px auto' }} />
      </div>
    );
  }

  if (periodId === null || period === null) {
    return (
      <div className="rp-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('data.title')}
        </Typography.Title>
        <Empty style={{ marginTop: 64 }} description={<span><b>{t('data.empty.title')}</b><br />{t('data.empty.body')}</span>}>
          <Space>
            <Button type="primary" onClick={() => void navigate('/periods')}>
              {t('data.empty.goPeriods')}
            </Button>
            <Button onClick={() => void navigate('/')}>{t('data.empty.loadSample')}</Button>
          </Space>
        </Empty>
      </div>
    );
  }

  const content: Record<Tab, ReactNode> = {
    measurements: <MeasurementsTab key={period.id} period={period} />,
    office: <OfficeTab key={period.id} period={period} />,
    self: <SelfTab key={period.id} period={period} />,
    scores: <ScoresTab key={period.id} period={period} />,
    audit: <AuditTab key={period.id} period={period} />,
  };

  return (
    <div className="rp-page rpd-page">
      <div className="rpd-head">
        <Typography.Title level={4}>{t('data.title')}</Typography.Title>
        <Typography.Text strong data-testid="data-period">
          {period.name}
        </Typography.Text>
        <PeriodStatusTag status={period.status} />
      </div>
      <Typography.Text type="secondary">{t(`data.intro.${tab}`)}</Typography.Text>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(`/data/${key}`)}
        items={TABS.map((key) => ({ key, label: t(`data.tab.${key}`), children: key === tab ? content[key] : null }))}
      />
    </div>
  );
}
