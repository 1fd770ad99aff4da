/**
 * 备份: the backups folder, how many automatic backups are kept, a backup
 * now, and the list with 恢复 — which replaces the whole database, after the
 * current one is itself backed up, so a restore can be undone.
 */
import { CloudDownloadOutlined, DatabaseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BACKUP_REASON_LABELS, type BackupInfo, type BackupReason } from '../../../../shared/domain/backups';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { apiKey, invalidate, useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { fileSize, localTime } from './safetyUi';

const REASON_COLORS: Partial<Record<BackupReason, string>> = { manual: 'blue', restore: 'orange', migrate: 'purple' };
const MIN_KEEP = 3;
const MAX_KEEP = 365;

function KeepSetting({ keep, disabled }: { keep: number; disabled: boolean }) {
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const [value, setValue] = useState<number | null>(null);
  const shown = value ?? keep;
  const save = useMutation({
    mutationFn: (n: number) => call('backups.setKeep', { keep: n }),
    onSuccess: (list) => {
      queryClient.setQueryData(apiKey('backups.list', {}), list);
      setValue(null);
      void message.success(t('safety.backup.keepSaved', { keep: list.keep }));
    },
    onError: showError,
  });
  return (
    <Space size={6} wrap>
      <Typography.Text>{t('safety.backup.keep')}</Typography.Text>
      <InputNumber
        aria-label={t('safety.backup.keep')}
        min={MIN_KEEP}
        max={MAX_KEEP}
        precision={0}
        style={{ width: 84 }}
        value={shown}
        disabled={disabled}
        onChange={(v) => setValue(v)}
      />
      <Typography.Text>{t('safety.backup.keepUnit')}</Typography.Text>
      <Button size="small" disabled={disabled || shown === keep} loading={save.isPending} onClick={() => save.mutate(shown)}>
        {t('ui.save')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('safety.backup.keepHint')}
      </Typography.Text>
    </Space>
  );
}

export function BackupsCard() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const list = useApi('backups.list', {});
  const info = useApi('app.info', {});
  const readOnly = info.data?.readOnly ?? false;

  const create = useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: async (b) => {
      await invalidate(queryClient, 'backups.list');
      void message.success(t('safety.backup.created', { name: b.name }));
    },
    onError: showError,
  });

  const restore = useMutation({
    mutationFn: async (b: BackupInfo) => {
      const done = await call('backups.restore', { name: b.name });
      // The restored file has its own audit trail: check its chain now rather than keep showing the old file's.
      await call('audit.verify', {}).catch(() => undefined);
      return done;
    },
    onSuccess: async (done, b) => {
      // Every answer cached so far came from the database that was just replaced.
      await queryClient.invalidateQueries();
      void navigate('/');
      modal.success({
        title: t('safety.restore.done', { at: localTime(b.at) }),
        content: <span data-testid="restore-done">{t('safety.restore.safetyCopy', { name: done.safetyCopy })}</span>,
        okText: t('ui.gotIt'),
        width: 520,
      });
    },
    onError: showError,
  });

  const confirmRestore = (b: BackupInfo) =>
    modal.confirm({
      title: t('safety.restore.title', { at: localTime(b.at) }),
      width: 540,
      content: (
        <div data-testid="restore-confirm">
          <p>{t('safety.restore.whole', { at: localTime(b.at), reason: BACKUP_REASON_LABELS[b.reason] })}</p>
          <p style={{ marginBottom: 0 }}>{t('safety.restore.undo')}</p>
        </div>
      ),
      okText: t('safety.restore.ok'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      // Errors are shown by the mutation; the dialog closes either way.
      onOk: () => restore.mutateAsync(b).catch(() => undefined),
    });

  const data = list.data;
  return (
    <Card
      size="small"
      title={
        <span>
          <DatabaseOutlined /> {t('safety.backup.title')}
        </span>
      }
      extra={
        <Button type="primary" size="small" icon={<CloudDownloadOutlined />} loading={create.isPending} onClick={() => create.mutate()}>
          {t('safety.backup.create')}
        </Button>
      }
      data-testid="backups-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('safety.backup.intro')}
      </Typography.Paragraph>
      {data && (
        <div className="rps-settings">
          <Space size={6} align="baseline">
            <Typography.Text>{t('safety.backup.folder')}</Typography.Text>
            <Typography.Text code copyable className="rps-folder" data-testid="backup-folder">
              {data.folder}
            </Typography.Text>
          </Space>
          <KeepSetting key={data.keep} keep={data.keep} disabled={readOnly} />
        </div>
      )}
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        loading={list.isPending}
        dataSource={data?.backups ?? []}
        locale={{ emptyText: t('safety.backup.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('safety.backup.count', { count }) }}
        columns={[
          { title: t('safety.backup.col.at'), dataIndex: 'at', width: 170, render: (at: string) => <span className="rps-time">{localTime(at)}</span> },
          {
            title: t('safety.backup.col.reason'),
            dataIndex: 'reason',
            width: 140,
            render: (r: BackupReason) => <Tag color={REASON_COLORS[r]}>{BACKUP_REASON_LABELS[r]}</Tag>,
          },
          { title: t('safety.backup.col.size'), dataIndex: 'bytes', width: 96, align: 'right', render: (n: number) => fileSize(n) },
          { title: t('safety.backup.col.name'), dataIndex: 'name', render: (n: string) => <Typography.Text type="secondary">{n}</Typography.Text> },
          // A read-only file can't be replaced: no 恢复 to offer.
          ...(readOnly
            ? []
            : [
                {
                  title: t('ui.actions'),
                  width: 80,
                  render: (_: unknown, b: BackupInfo) => (
                    <Typography.Link onClick={() => confirmRestore(b)}>{t('safety.backup.restore')}</Typography.Link>
                  ),
                },
              ]),
        ]}
      />
    </Card>
  );
}
