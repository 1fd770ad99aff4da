import { Alert, App, Breadcrumb, Layout, Menu, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { t } from '../../../shared/messages';
import { AREAS } from '../areas';
import { useCurrentPeriod } from '../hooks/useCurrentPeriod';
import { useSession } from '../hooks/useSession';
import { SessionBadge } from './SessionBadge';
import { WaitingNotice } from './WaitingNotice';
import { PeriodStatusTag } from '../components/period/periodUi';
import '../pages/periods/periods.css';
import { useApi } from '../api/useApi';
import { mayOpen } from '../routeAccess';

const { Sider, Header, Content } = Layout;
const NAV_COLLAPSED_KEY = 'rongping.nav.collapsed';

/** The header's 当前周期: every period with its status; switching makes every screen work on it. */
function PeriodSwitcher() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const current = useCurrentPeriod();
  const session = useSession();
  const periods = useApi('periods.list', {});
  const rows = periods.data ?? [];

  // Only the office switches the period; a rater works in the period they signed in to.
  if (session && session.kind !== 'admin') {
    const p = rows.find((r) => r.id === (session.kind === 'rater' ? session.periodId : current.periodId));
    return p ? (
      <span className="rp-period-option" title={p.name}>
        <Typography.Text strong>{p.name}</Typography.Text>
        <PeriodStatusTag status={p.status} />
      </span>
    ) : null;
  }

  if (periods.isSuccess && rows.length === 0) {
    return (
      <Space size={8}>
        <Typography.Text type="secondary">{t('header.noPeriod')}</Typography.Text>
        <Typography.Link onClick={() => void navigate('/?new=1')}>{t('header.createPeriod')}</Typography.Link>
      </Space>
    );
  }
  return (
    <Select
      style={{ width: 360 }}
      aria-label={t('header.period')}
      loading={periods.isPending || current.loading}
      value={current.periodId ?? undefined}
      placeholder={t('header.noPeriod')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 520 } } }}
      onChange={(id: number) => {
        const p = rows.find((r) => r.id === id);
        current.switchTo(id);
        if (p) void message.success(t('header.switched', { name: p.name }));
      }}
      options={rows.map((p) => ({
        value: p.id,
        label: (
          <span className="rp-period-option" title={p.name}>
            <span>{p.name}</span>
            <PeriodStatusTag status={p.status} />
          </span>
        ),
      }))}
    />
  );
}

/**
 * Warnings every screen shows: a database file that can't be written (viewing
 * only), and an audit trail whose hash chain is broken (the file was changed
 * outside 融评; 数据安全 says what to do).
 */
function SafetyBanners({ onSafetyPage, admin }: { onSafetyPage: boolean; admin: boolean }) {
  const navigate = useNavigate();
  const info = useApi('app.info', {});
  if (!info.data) return null;
  const { readOnly, auditChain, databaseFile } = info.data;
  // 数据安全 shows the break itself, in full.
  const broken = auditChain.brokenAt && !onSafetyPage ? auditChain.brokenAt : null;
  if (!readOnly && !broken) return null;
  return (
    <div className="rp-banners">
      {readOnly && (
        <Alert type="warning" showIcon data-testid="banner-read-only" title={t('banner.readOnly')} description={t('banner.readOnlyBody', { file: databaseFile })} />
      )}
      {broken && (
        <Alert
          type="error"
          showIcon
          data-testid="banner-chain-broken"
          title={t('banner.chainBroken', { id: broken.id })}
          action={admin ? <Typography.Link onClick={() => void navigate('/safety')}>{t('banner.chainBrokenLink')}</Typography.Link> : undefined}
        />
      )}
    </div>
  );
}

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  // 首页 is '/' exactly; every other area owns its path and what lies below it.
  const area = AREAS.find((a) => (a.path === '/' ? location.pathname === '/' : location.pathname.startsWith(a.path)));
  const session = useSession();
  // The sidebar offers what the route guard lets through: a rater 评分 and the meeting, nobody-yet only 评分 (signing in).
  const areas = AREAS.filter((a) => mayOpen(session ?? { kind: 'none' }, a.path));
  const mayHome = mayOpen(session ?? { kind: 'none' }, '/');
  // Folding the menu gives the scoring grid ~140 px more (two more branch columns at 1366 wide); remembered on this PC.
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(NAV_COLLAPSED_KEY) === '1');
  const collapse = (next: boolean, type: 'clickTrigger' | 'responsive') => {
    // A wide window does not unfold a menu the user folded.
    if (type === 'responsive' && !next && localStorage.getItem(NAV_COLLAPSED_KEY) === '1') return;
    setCollapsed(next);
    if (type === 'clickTrigger') localStorage.setItem(NAV_COLLAPSED_KEY, next ? '1' : '0');
  };

  return (
    <Layout style={{ height: '100%' }}>
      <Sider width={200} breakpoint="lg" collapsedWidth={64} collapsible collapsed={collapsed} onCollapse={collapse} className="rp-sider">
        {/* The logo leads home, as users expect of an app's name in the corner. */}
        <div
          className={mayHome ? 'rp-logo is-link' : 'rp-logo'}
          role={mayHome ? 'link' : undefined}
          tabIndex={mayHome ? 0 : undefined}
          aria-label={mayHome ? t('nav.home') : undefined}
          onClick={mayHome ? () => void navigate('/') : undefined}
          onKeyDown={mayHome ? (e) => e.key === 'Enter' && void navigate('/') : undefined}
        >
          {t('app.name')}
          {collapsed ? null : <small>{t('app.subtitle')}</small>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={area ? [area.path] : []}
          onClick={({ key }) => void navigate(key)}
          items={areas.map((a) => ({ key: a.path, icon: a.icon, label: t(a.label) }))}
        />
      </Sider>
      <Layout>
        <Header className="rp-header">
          <Breadcrumb
            items={[
              // A real link (the app routes by hash), so it is a link to assistive technology too.
              mayHome && area?.path !== '/' ? { title: t('header.home'), href: '#/' } : { title: t('header.home') },
              ...(area && area.path !== '/' ? [{ title: t(area.label) }] : []),
            ]}
          />
          <Space size={16}>
            <Space>
              <Typography.Text type="secondary">{t('header.period')}</Typography.Text>
              <PeriodSwitcher />
            </Space>
            <SessionBadge />
          </Space>
        </Header>
        <Content className="rp-content">
          <SafetyBanners onSafetyPage={location.pathname.startsWith('/safety')} admin={!session || session.kind === 'admin'} />
          <Outlet />
        </Content>
        <WaitingNotice />
      </Layout>
    </Layout>
  );
}
