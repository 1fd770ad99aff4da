/**
 * 批量填写依据: the office often checks every branch against one 检查记录, so
 * one 依据 and date go on every recorded row of the leaf that has none, and
 * are offered for the rows still to be recorded.
 */
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { t } from '../../../../shared/messages';

interface Props {
  open: boolean;
  indicator: string;
  /** Recorded rows of the leaf without 依据. */
  missing: number;
  saving: boolean;
  onOk: (evidence: string, evidenceDate: string | null) => void;
  onCancel: () => void;
}

export function OfficeBatchModal({ open, indicator, missing, saving, onOk, onCancel }: Props) {
  const [form] = Form.useForm<{ evidence: string; date: Dayjs | null }>();
  return (
    <Modal
      open={open}
      title={t('office.ui.batchTitle', { indicator })}
      okText={t('office.ui.batchOk')}
      cancelText={t('office.ui.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onOk(v.evidence.trim(), v.date ? v.date.format('YYYY-MM-DD') : null), () => undefined)}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('office.ui.batchBody', { missing })}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="evidence" label={t('office.ui.batchEvidence')} rules={[{ required: true, whitespace: true, message: t('office.ui.batchRequired') }]}>
          <Input autoFocus maxLength={200} placeholder={t('office.ui.evidencePlaceholder')} />
        </Form.Item>
        <Form.Item name="date" label={t('office.ui.batchDate')}>
          <DatePicker placeholder={t('office.ui.datePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
