import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import type { RaterGroup } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';

interface Values {
  name: string;
  weight: number | null;
}

interface Props {
  periodId: number;
  open: boolean;
  /** The group being edited; null to add one. */
  group: RaterGroup | null;
  /** Sum of the other groups' weights, to show the share this one will get. */
  otherWeights: number;
  onClose: () => void;
}

export function GroupFormModal({ periodId, open, group, otherWeights, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const weight = Form.useWatch('weight', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(group ? { name: group.name, weight: group.weight } : { name: '', weight: null });
  }, [open, group, form]);

  const save = useMutation({
    mutationFn: (v: Values) => call('panel.saveGroup', { periodId, id: group?.id ?? null, name: v.name, weight: v.weight ?? 0 }),
    onSuccess: async (g) => {
      await queryClient.invalidateQueries();
      void message.success(t(group ? 'panel.group.updated' : 'panel.group.created', { name: g.name }));
      onClose();
    },
    onError: (e) => {
      const fieldErrors = e instanceof ApiError ? (e.error.details ?? []).filter((d) => d.field === 'name' || d.field === 'weight') : [];
      if (fieldErrors.length) form.setFields(fieldErrors.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
      else showError(e);
    },
  });

  const share = weight && weight > 0 ? Math.round((weight / (otherWeights + weight)) * 1000) / 10 : null;

  return (
    <Modal
      open={open}
      title={t(group ? 'panel.group.editTitle' : 'panel.group.createTitle')}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={520}
    >
      <Form<Values> name="group" form={form} onFinish={(v) => save.mutate(v)} labelCol={{ span: 5 }} wrapperCol={{ span: 18 }}>
        <Form.Item
          name="name"
          label={t('panel.group.name')}
          rules={[{ required: true, whitespace: true, message: t('panel.group.nameRequired') }]}
          extra={t('panel.group.nameHelp')}
        >
          <Input maxLength={30} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('panel.group.weight')}
          rules={[{ required: true, message: t('panel.group.weightRequired') }, { type: 'number', min: 0.01, max: 100, message: t('panel.group.weightRange') }]}
          extra={share === null ? t('panel.group.weightHelp') : t('panel.group.weightShare', { share })}
        >
          <InputNumber min={0} max={100} style={{ width: 120 }} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
