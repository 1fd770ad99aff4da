import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { RaterGroup } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { ruleInWords, type Combine } from './groupRule';
import { ScopeSelect } from './ScopeSelect';

/** The select's value for “no rule of its own” (a Select cannot hold null as an option value). */
const INHERIT = 'period';

interface Values {
  name: string;
  weight: number | null;
  combine: Combine | typeof INHERIT;
  trimMinRaters: number | null;
  /** 分工评分: codes the group scores; [] = 全部指标. */
  scope: string[];
}

interface Props {
  periodId: number;
  open: boolean;
  /** The group being edited; null to add one. */
  group: RaterGroup | null;
  /** Sum of the other groups' weights, to show the share this one will get. */
  otherWeights: number;
  /** The period's own rule, which a group without one follows. */
  periodRule: Pick<PeriodSettings, 'combine' | 'trimMinRaters'>;
  /** The period framework's indicators, for the 评分范围. */
  indicators: readonly Indicator[];
  onClose: () => void;
}

export function GroupFormModal({ periodId, open, group, otherWeights, periodRule, indicators, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const weight = Form.useWatch('weight', form);
  const combine = Form.useWatch('combine', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      group
        ? { name: group.name, weight: group.weight, combine: group.combine ?? INHERIT, trimMinRaters: group.trimMinRaters, scope: group.scope }
        : { name: '', weight: null, combine: INHERIT, trimMinRaters: null, scope: [] },
    );
  }, [open, group, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      call('panel.saveGroup', {
        periodId,
        id: group?.id ?? null,
        name: v.name,
        weight: v.weight ?? 0,
        combine: v.combine === INHERIT ? null : v.combine,
        // The minimum only means something to a trimmed mean; any other rule keeps none, so none lingers unseen.
        trimMinRaters: v.combine === 'trimmed' ? (v.trimMinRaters ?? null) : null,
        scope: v.scope ?? [],
      }),
    onSuccess: async (g) => {
      await queryClient.invalidateQueries();
      void message.success(t(group ? 'panel.group.updated' : 'panel.group.created', { name: g.name }));
      onClose();
    },
    onError: (e) => {
      const fieldErrors = e instanceof ApiError ? (e.error.details ?? []).filter((d) => d.field === 'name' || d.field === 'weight' || d.field === 'combine' || d.field === 'trimMinRaters' || d.field === 'scope') : [];
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
      width={640}
    >
      <Form<Values> name="group" form={form} onFinish={(v) => save.mutate(v)} labelCol={{ span: 6 }} wrapperCol={{ span: 17 }}>
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
        <Form.Item name="combine" label={t('panel.groupRule.label')} extra={t('panel.groupRule.help')}>
          <Select
            options={[
              { value: INHERIT, label: t('panel.groupRule.inherit', { rule: ruleInWords(periodRule.combine, periodRule.trimMinRaters) }) },
              { value: 'mean', label: t('panel.groupRule.mean') },
              { value: 'trimmed', label: t('panel.groupRule.trimmed') },
              { value: 'median', label: t('panel.groupRule.median') },
            ]}
          />
        </Form.Item>
        {combine === 'trimmed' && (
          <Form.Item
            name="trimMinRaters"
            label={t('panel.groupRule.minLabel')}
            rules={[{ type: 'integer', min: 3, max: 50, message: t('panel.groupRule.minRange') }]}
            extra={t('panel.groupRule.minHelp', { min: periodRule.trimMinRaters })}
          >
            <InputNumber min={3} max={50} precision={0} placeholder={t('panel.groupRule.minPlaceholder', { min: periodRule.trimMinRaters })} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="scope" label={t('panel.scope.label')} extra={t('panel.scope.groupHelp')}>
          <ScopeSelect indicators={indicators} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
