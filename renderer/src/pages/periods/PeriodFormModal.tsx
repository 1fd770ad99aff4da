/** Create a period (name, year, kind, framework, branches in scope, panel copied from an earlier one) or edit one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useEffect } from 'react';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, type PeriodKind } from '../../../../shared/domain/period';
import { UNIFIED_TEMPLATE } from '../../../../shared/domain/templates/unified';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { frameworkLabel } from '../../components/period/periodUi';

/** The framework select's value for "create one from the built-in template". */
export const TEMPLATE = 'template';

interface Values {
  name: string;
  year: number;
  kind: PeriodKind;
  framework: number | typeof TEMPLATE;
  branchMode: 'all' | 'pick';
  branchIds: number[];
  copyPanelFrom: number | null;
}

export const defaultPeriodName = (year: number, kind: PeriodKind) => t(`period.defaultName.${kind}`, { year });

/** Keeps a suggested name in step with the year and kind, but never overwrites one the user typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by two forms of different shapes
export function followDefaultName(form: FormInstance<any>, changed: object) {
  if (!('year' in changed) && !('kind' in changed)) return;
  const name = String(form.getFieldValue('name') ?? '');
  const year = Number(form.getFieldValue('year'));
  const kind = form.getFieldValue('kind') as PeriodKind;
  const oldYear = Number(name.slice(0, 4));
  const isSuggested = name === '' || PERIOD_KINDS.some((k) => Number.isInteger(oldYear) && name === defaultPeriodName(oldYear, k));
  if (isSuggested && Number.isInteger(year) && year >= 2000) form.setFieldValue('name', defaultPeriodName(year, kind));
}

interface Props {
  open: boolean;
  /** The period to edit; null to create one. */
  period: Period | null;
  onClose: () => void;
  onSaved?: (period: Period) => void;
}

const required = (message: string): Rule => ({ required: true, message });

export function PeriodFormModal({ open, period, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const branchMode = Form.useWatch('branchMode', form);

  const frameworks = useApi('frameworks.list', {}, { enabled: open });
  const branches = useApi('branches.list', {}, { enabled: open });
  const periods = useApi('periods.list', {}, { enabled: open });
  const detail = useApi('periods.get', { id: period?.id ?? 0 }, { enabled: open && period !== null });
  const allIds = (branches.data ?? []).map((b) => b.id);
  const ready = !!branches.data && !!frameworks.data && (period === null || !!detail.data);

  useEffect(() => {
    if (!open || !ready) return;
    form.resetFields();
    if (period && detail.data) {
      const inScope = detail.data.branchIds;
      const everything = allIds.length === inScope.length && allIds.every((id) => inScope.includes(id));
      form.setFieldsValue({
        name: period.name,
        year: period.year,
        kind: period.kind,
        framework: period.frameworkId,
        branchMode: everything ? 'all' : 'pick',
        branchIds: inScope,
        copyPanelFrom: null,
      });
    } else {
      const year = new Date().getFullYear();
      const fws = frameworks.data ?? [];
      form.setFieldsValue({
        name: defaultPeriodName(year, 'annual'),
        year,
        kind: 'annual',
        framework: fws[0]?.id ?? TEMPLATE,
        branchMode: 'all',
        branchIds: allIds,
        copyPanelFrom: null,
      });
    }
    // Re-initialise only when the dialog opens (or its data first arrives), not on every refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, ready, period?.id]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const branchIds = v.branchMode === 'all' ? allIds : v.branchIds;
      if (period) {
        let saved = await call('periods.update', { id: period.id, name: v.name, year: v.year, kind: v.kind, settings: period.settings });
        if (v.framework !== TEMPLATE && v.framework !== period.frameworkId) {
          saved = await call('periods.setFramework', { id: period.id, frameworkId: v.framework });
        }
        const before = detail.data?.branchIds ?? [];
        if (before.length !== branchIds.length || before.some((id) => !branchIds.includes(id))) {
          saved = await call('periods.setBranches', { id: period.id, branchIds });
        }
        return saved;
      }
      const frameworkId =
        v.framework === TEMPLATE
          ? (await call('frameworks.create', { name: UNIFIED_TEMPLATE.name, source: { kind: 'template' } })).id
          : v.framework;
      return call('periods.create', {
        name: v.name,
        year: v.year,
        kind: v.kind,
        frameworkId,
        branchIds,
        copyPanelFrom: v.copyPanelFrom ?? null,
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries();
      void message.success(t(period ? 'period.updated.ok' : 'period.created.ok', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    },
    onError: async (e) => {
      // A partial edit (e.g. name saved, branches refused) must show what is stored now.
      await queryClient.invalidateQueries();
      showError(e);
    },
  });

  const hasEntries = (period?.entryCount ?? 0) > 0;
  const frameworkOptions = [
    ...(frameworks.data ?? []).map((f) => ({
      value: f.id,
      label: `${frameworkLabel({ frameworkName: f.name, frameworkVersion: f.version })}（${t('period.framework.leaves', { count: f.leafCount })}）`,
    })),
    ...(period ? [] : [{ value: TEMPLATE, label: t('period.framework.fromTemplate') }]),
  ];
  const earlier = (periods.data ?? []).filter((p) => p.raterCount > 0);

  return (
    <Modal
      open={open}
      title={t(period ? 'period.form.editTitle' : 'period.form.createTitle')}
      okText={t(period ? 'ui.save' : 'period.form.create')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={640}
    >
      <Form<Values>
        name="period"
        form={form}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => followDefaultName(form, changed)}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        disabled={!ready}
      >
        <Form.Item name="name" label={t('period.field.name')} rules={[required(t('period.name.required')), { max: 60, message: t('period.name.tooLong') }]}>
          <Input maxLength={60} autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label={t('period.field.yearKindLong')} required style={{ marginBottom: 0 }}>
          <Space align="start">
            <Form.Item name="year" rules={[required(t('period.year.required'))]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} aria-label={t('period.field.year')} suffix={t('period.yearSuffix')} />
            </Form.Item>
            <Form.Item name="kind" rules={[required(t('period.kind.required'))]}>
              <Radio.Group
                optionType="button"
                aria-label={t('period.field.kind')}
                options={PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name="framework"
          label={t('period.field.framework')}
          rules={[required(t('period.framework.required'))]}
          extra={hasEntries ? t('period.framework.locked') : t('period.framework.help')}
        >
          <Select options={frameworkOptions} disabled={hasEntries} />
        </Form.Item>
        <Form.Item name="branchMode" label={t('period.field.branches')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('period.branches.all', { count: allIds.length }) },
              { value: 'pick', label: t('period.branches.pick') },
            ]}
          />
        </Form.Item>
        {branchMode === 'pick' && (
          <Form.Item
            wrapperCol={{ offset: 5, span: 18 }}
            extra={
              <Space size={12}>
                <Typography.Link onClick={() => form.setFieldValue('branchIds', allIds)}>{t('period.branches.selectAll')}</Typography.Link>
                <Typography.Link onClick={() => form.setFieldValue('branchIds', [])}>{t('period.branches.selectNone')}</Typography.Link>
              </Space>
            }
          >
            <Form.Item name="branchIds" noStyle>
              <Checkbox.Group className="rp-branch-checks">
                {(branches.data ?? []).map((b) => (
                  <Checkbox key={b.id} value={b.id}>
                    <span className="rp-code">{b.code}</span> {b.name}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </Form.Item>
        )}
        {!period && (
          <Form.Item name="copyPanelFrom" label={t('period.field.copyPanel')} extra={t('period.copyPanel.help')}>
            <Select
              allowClear
              placeholder={t('period.copyPanel.none')}
              options={earlier.map((p) => ({ value: p.id, label: t('period.copyPanel.option', { name: p.name, raters: p.raterCount }) }))}
              notFoundContent={t('period.copyPanel.empty')}
            />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
