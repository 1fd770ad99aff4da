/**
 * 数据安全: whether the audit trail's hash chain is whole (checked at start-up
 * and on demand), and the database backups — where they are, how many
 * automatic ones are kept, taking one now and restoring one.
 */
import { Typography } from 'antd';
import { t } from '../../../../shared/messages';
import { AuditChainCard } from './AuditChainCard';
import { BackupsCard } from './BackupsCard';
import './safety.css';

export function SafetyPage() {
  return (
    <div className="rp-page rps-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('safety.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('safety.intro')}</Typography.Text>
      <AuditChainCard />
      <BackupsCard />
    </div>
  );
}
