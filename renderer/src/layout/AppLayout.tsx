import { Breadcrumb, Layout, Menu, Select, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { t } from '../../../shared/messages';
import { AREAS } from '../areas';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const area = AREAS.find((a) => location.pathname.startsWith(a.path));

  return (
    <Layout style={{ height: '100%' }}>
      <Sider width={200} breakpoint="lg" collapsedWidth={64}>
        <div className="rp-logo">
          {t('app.name')}
          <small>{t('app.subtitle')}</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={area ? [area.path] : []}
          onClick={({ key }) => void navigate(key)}
          items={AREAS.map((a) => ({ key: a.path, icon: a.icon, label: t(a.label) }))}
        />
      </Sider>
      <Layout>
        <Header className="rp-header">
          <Breadcrumb items={[{ title: t('header.home') }, ...(area ? [{ title: t(area.label) }] : [])]} />
          <Space>
            <Typography.Text type="secondary">{t('header.period')}</Typography.Text>
            {/* Periods arrive with the framework issue; until then the selector says so honestly. */}
            <Select disabled style={{ width: 200 }} placeholder={t('header.noPeriod')} options={[]} />
          </Space>
        </Header>
        <Content className="rp-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
