/**
 * 定稿与重新开启: what the period's status locks, and — once it is 已定稿 —
 * reopening it for a correction, with a reason that goes into the log.
 * Finalising itself stays with the period's lifecycle on 考核周期.
 */
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { PeriodStatusTag } from '../../components/period/periodUi';

export function PeriodLockCard({ period }: { period: Period }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const reopen = useMutation({
    mutationFn: (reason: string) => call('periods.reopen', { id: period.id, reason }),
    onSuccess: async (p) => {
      setOpen(false);
      form.resetFields();
      await queryClient.invalidateQueries();
      void message.success(t('data.lock.reopened', { name: p.name }));
    },
    onError: showError,
  });

  const finalised = period.status === 'finalised';
  return (
    <Card
      size="small"
      className="rpd-lock"
      title={
        <span>
          {finalised ? <LockOutlined /> : <UnlockOutlined />} {t('data.lock.title')}
        </span>
      }
      extra={
        <span data-testid="lock-status">
          <Typography.Text type="secondary">{t('data.lock.status')}</Typography.Text> <PeriodStatusTag status={period.status} />
        </span>
      }
    >
      <div className="rpd-lock-body">
        <Typography.Text>{t(`data.lock.body.${period.status}`)}</Typography.Text>
        {finalised ? (
          <Button icon={<UnlockOutlined />} onClick={() => setOpen(true)}>
            {t('data.lock.reopen')}
          </Button>
        ) : (
          <Button onClick={() => void navigate('/periods')}>{t('data.lock.goPeriods')}</Button>
        )}
      </div>
      <Modal
        open={open}
        title={t('data.lock.reopenTitle', { name: period.name })}
        okText={t('data.lock.reopen')}
        cancelText={t('ui.cancel')}
        confirmLoading={reopen.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((v) => reopen.mutate(v.reason.trim()), () => undefined)}
        destroyOnHidden
        width={520}
      >
        <Typography.Paragraph>{t('data.lock.reopenBody')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('data.lock.reason')}
            rules={[
              { required: true, whitespace: true, message: t('data.lock.reasonRequired') },
              { max: 200, message: t('data.lock.reasonTooLong') },
            ]}
          >
            <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} maxLength={200} showCount placeholder={t('data.lock.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
