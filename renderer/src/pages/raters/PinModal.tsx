/**
 * Setting a PIN (a rater's on 评委, the admin's on 数据安全): typed twice and
 * masked, since nobody can read it back once saved; 4 to 6 digits, checked
 * here in words before the main process checks it again.
 */
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { t } from '../../../../shared/messages';
import { ApiError } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';

/** The PIN rule of the contract (shared/api.ts Pin). */
export const PIN_FORMAT = /^\d{4,6}$/;

interface Values {
  pin: string;
  repeat: string;
}

interface Props {
  open: boolean;
  title: string;
  /** Why a PIN helps here, and who should be told it. */
  hint: ReactNode;
  /** Saves the PIN; a refusal from the main process is shown under the field. */
  onSave: (pin: string) => Promise<unknown>;
  onClose: () => void;
}

export function PinModal({ open, title, hint, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { showError } = useFeedback();
  const [saving, setSaving] = useState(false);

  const submit = async ({ pin }: Values) => {
    setSaving(true);
    try {
      await onSave(pin);
      onClose();
    } catch (e) {
      const pinError = e instanceof ApiError ? e.error.details?.find((d) => d.field === 'pin') : undefined;
      if (pinError) form.setFields([{ name: 'pin', errors: [pinError.message] }]);
      else showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={440}
      confirmLoading={saving}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={hint} />
      <Form<Values> name="pin" form={form} layout="vertical" onFinish={(v) => submit(v)} preserve={false}>
        <Form.Item
          name="pin"
          label={t('signin.pin.label')}
          validateFirst
          rules={[
            { required: true, message: t('signin.pin.required') },
            { pattern: PIN_FORMAT, message: t('signin.pin.format') },
          ]}
        >
          <Input.Password autoFocus inputMode="numeric" maxLength={6} autoComplete="new-password" placeholder={t('signin.pin.placeholder')} />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('signin.pin.repeat')}
          dependencies={['pin']}
          validateFirst
          rules={[
            { required: true, message: t('signin.pin.repeatRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (value === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error(t('signin.pin.mismatch')))),
            }),
          ]}
        >
          <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" />
        </Form.Item>
        <Typography.Text type="secondary">{t('signin.pin.remember')}</Typography.Text>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
