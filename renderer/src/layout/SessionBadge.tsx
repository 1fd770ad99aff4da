import { UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { t } from '../../../shared/messages';
import { useSession } from '../hooks/useSession';

/** The header's "who is scoring": the signed-in identity and a way to switch (on the 评分 screen). */
export function SessionBadge() {
  const session = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  const label =
    session.kind === 'admin' ? t('session.admin') : session.kind === 'rater' ? t('session.rater', { name: session.name }) : t('session.none');
  return (
    <Space size={4}>
      <Tag icon={<UserOutlined />} color={session.kind === 'admin' ? 'red' : session.kind === 'rater' ? 'blue' : 'default'} data-testid="session-badge">
        {label}
      </Tag>
      <Tooltip title={t('session.switchHint')}>
        <Button size="small" type="link" onClick={() => void navigate('/scoring?signin=1')}>
          {t('session.switch')}
        </Button>
      </Tooltip>
    </Space>
  );
}
