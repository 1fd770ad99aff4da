/**
 * 操作记录校验: the audit trail's hash chain as last checked (at start-up, or
 * by 立即校验). A break means the data file was changed outside 融评: the card
 * says where, what that means, and what to do about it.
 */
import { CheckCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import type { AppInfo } from '../../../../shared/api';
import type { AuditChainStatus } from '../../../../shared/domain/backups';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { apiKey, useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { localTime } from './safetyUi';

function ChainBroken({ brokenAt }: { brokenAt: NonNullable<AuditChainStatus['brokenAt']> }) {
  const { id, at, problem } = brokenAt;
  return (
    <Alert
      type="error"
      showIcon
      className="rps-broken"
      data-testid="chain-broken"
      title={t('safety.chain.brokenTitle', { id, at: localTime(at) })}
      description={
        <>
          <p>{t('safety.chain.problem', { problem })}</p>
          <p>{t('safety.chain.meaning')}</p>
          <p>{t('safety.chain.whatToDo', { at: localTime(at) })}</p>
        </>
      }
    />
  );
}

export function AuditChainCard() {
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const info = useApi('app.info', {});
  const status = info.data?.auditChain;

  const verify = useMutation({
    mutationFn: () => call('audit.verify', {}),
    onSuccess: (s) => {
      // The new status goes straight into app.info, so the app-wide banner follows at once.
      queryClient.setQueryData<AppInfo>(apiKey('app.info', {}), (old) => (old ? { ...old, auditChain: s } : old));
      if (s.brokenAt) void message.error(t('safety.chain.verifiedBroken', { id: s.brokenAt.id }));
      else void message.success(t('safety.chain.verifiedOk', { rows: s.rows }));
    },
    onError: showError,
  });

  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('safety.chain.title')}
        </span>
      }
      extra={
        <Button size="small" loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('safety.chain.verify')}
        </Button>
      }
      data-testid="chain-card"
    >
      {!status ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : status.brokenAt ? (
        <ChainBroken brokenAt={status.brokenAt} />
      ) : (
        <>
          <div className="rps-chain-ok" data-testid="chain-ok">
            <CheckCircleFilled />
            <Typography.Text>{t('safety.chain.ok', { rows: status.rows })}</Typography.Text>
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 26px' }}>
            {t('safety.chain.okBody')}
          </Typography.Paragraph>
        </>
      )}
      {status && (
        <Typography.Text type="secondary" className="rps-checked" style={{ display: 'block', marginTop: 8 }}>
          {t('safety.chain.checkedAt', { at: localTime(status.checkedAt) })}
        </Typography.Text>
      )}
    </Card>
  );
}
