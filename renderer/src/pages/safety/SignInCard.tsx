/**
 * 登录与 PIN 码: the shared PC. The admin PIN (without one anyone can switch to
 * 管理员), and how long an idle rater stays signed in. Changing or removing
 * the PIN only confirms: whoever sees this card is already signed in as admin.
 */
import { LockOutlined, UnlockOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AppInfo } from '../../../../shared/api';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { apiKey, invalidate, useApi } from '../../api/useApi';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { PinModal } from '../raters/PinModal';

/** The contract's bounds of session.setIdleMinutes. */
const MAX_IDLE_MINUTES = 120;

function IdleSetting({ minutes, disabled }: { minutes: number; disabled: boolean }) {
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const [value, setValue] = useState<number | null>(null);
  const shown = value ?? minutes;
  const save = useMutation({
    mutationFn: (n: number) => call('session.setIdleMinutes', { minutes: n }),
    onSuccess: async (signIn) => {
      queryClient.setQueryData<AppInfo>(apiKey('app.info', {}), (old) => (old ? { ...old, signIn } : old));
      // Other copies of app.info (the scoring screen's, the idle timer's) follow.
      await invalidate(queryClient, 'app.info');
      setValue(null);
      void message.success(signIn.idleMinutes === 0 ? t('safety.signIn.idleNever') : t('safety.signIn.idleSaved', { minutes: signIn.idleMinutes }));
    },
    onError: showError,
  });
  return (
    <Space size={6} wrap>
      <Typography.Text>{t('safety.signIn.idle')}</Typography.Text>
      <InputNumber
        aria-label={t('safety.signIn.idle')}
        min={0}
        max={MAX_IDLE_MINUTES}
        precision={0}
        style={{ width: 84 }}
        value={shown}
        disabled={disabled}
        onChange={(v) => setValue(v)}
      />
      <Typography.Text>{t('safety.signIn.idleUnit')}</Typography.Text>
      <Button size="small" disabled={disabled || shown === minutes} loading={save.isPending} onClick={() => save.mutate(shown)}>
        {t('ui.save')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('safety.signIn.idleHint')}
      </Typography.Text>
    </Space>
  );
}

export function SignInCard() {
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const info = useApi('app.info', {});
  const { period } = useCurrentPeriod();
  // Fixed when the dialog opens, so its title stays put while app.info is asked again after saving.
  const [editing, setEditing] = useState<'set' | 'change' | null>(null);
  const settings = info.data?.signIn;
  const readOnly = info.data?.readOnly ?? false;
  const adminPinSet = settings?.adminPinSet ?? false;

  const saved = async (text: string) => {
    await invalidate(queryClient, 'app.info');
    void message.success(text);
  };
  const confirmRemove = () =>
    modal.confirm({
      title: t('safety.signIn.adminRemoveTitle'),
      content: t('safety.signIn.adminRemoveBody'),
      okText: t('safety.signIn.adminRemove'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      onOk: async () => {
        try {
          await call('session.setAdminPin', { pin: null });
          await saved(t('safety.signIn.adminRemoved'));
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <Card
      size="small"
      title={
        <span>
          <UserSwitchOutlined /> {t('safety.signIn.title')}
        </span>
      }
      data-testid="sign-in-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('safety.signIn.intro')}
      </Typography.Paragraph>
      {settings && !adminPinSet && (period?.raterCount ?? 0) > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('safety.signIn.recommend')} data-testid="admin-pin-recommend" />
      )}
      {settings && (
        <>
          <div className="rps-settings">
            <Space size={8} wrap>
              <Typography.Text>{t('safety.signIn.admin')}</Typography.Text>
              {adminPinSet ? (
                <Tag icon={<LockOutlined />} color="green" data-testid="admin-pin-state">
                  {t('safety.signIn.adminSet')}
                </Tag>
              ) : (
                <Tag icon={<UnlockOutlined />} color="orange" data-testid="admin-pin-state">
                  {t('safety.signIn.adminNotSet')}
                </Tag>
              )}
              <Button size="small" type={adminPinSet ? 'default' : 'primary'} disabled={readOnly} onClick={() => setEditing(adminPinSet ? 'change' : 'set')}>
                {t(adminPinSet ? 'safety.signIn.adminChange' : 'safety.signIn.adminSetAction')}
              </Button>
              {adminPinSet && (
                <Button size="small" danger disabled={readOnly} onClick={confirmRemove}>
                  {t('safety.signIn.adminRemove')}
                </Button>
              )}
            </Space>
          </div>
          <div className="rps-settings">
            <IdleSetting key={settings.idleMinutes} minutes={settings.idleMinutes} disabled={readOnly} />
          </div>
        </>
      )}
      <PinModal
        open={editing !== null}
        title={t(editing === 'change' ? 'safety.signIn.adminChangeTitle' : 'safety.signIn.adminSetTitle')}
        hint={t('safety.signIn.adminHint')}
        onSave={async (pin) => {
          await call('session.setAdminPin', { pin });
          await saved(t(editing === 'change' ? 'safety.signIn.adminChanged' : 'safety.signIn.adminSaved'));
        }}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
