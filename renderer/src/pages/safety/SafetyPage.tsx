/**
 * 数据安全: whether the audit trail's hash chain is whole (checked at start-up
 * and on demand), and the database backups — where they are, how many
 * automatic ones are kept, taking one now and restoring one — and who may
 * sign in on the shared PC (the admin PIN, idle sign-out).
 */
import { Typography } from 'antd';
import { t } from '../../../../shared/messages';
import { AuditChainCard } from './AuditChainCard';
import { BackupsCard } from './BackupsCard';
import { SignInCard } from './SignInCard';
import './safety.css';

export function SafetyPage() {
  return (
    <div className="rp-page rps-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('safety.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('safety.intro')}</Typography.Text>
      <AuditChainCard />
      <SignInCard />
      <BackupsCard />
    </div>
  );
}
