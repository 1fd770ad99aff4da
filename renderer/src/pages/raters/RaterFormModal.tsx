import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { scopeInWords } from '../../../../shared/domain/assignment';
import type { Indicator } from '../../../../shared/domain/framework';
import type { Rater, RaterGroup } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { ScopeSelect } from './ScopeSelect';

interface Values {
  name: string;
  title: string;
  groupId: number | undefined;
  branchId: number | null | undefined;
  recusals: { branchId: number | undefined; reason: string }[];
  /** 分工评分: codes within the group's scope; [] = all of the group's. */
  scope: string[];
}

export interface BranchOption {
  id: number;
  code: string;
  name: string;
}

interface Props {
  periodId: number;
  open: boolean;
  /** The rater being edited; null to add one. */
  rater: Rater | null;
  /** Group to preselect when adding. */
  groupId: number | null;
  groups: RaterGroup[];
  /** Branches in the period's scope. */
  branches: BranchOption[];
  /** The period framework's indicators, for the 评分范围. */
  indicators: readonly Indicator[];
  onClose: () => void;
}

const branchLabel = (b: BranchOption) => `${b.code} ${b.name}`;
const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

export function RaterFormModal({ periodId, open, rater, groupId, groups, branches, indicators, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const ownBranchId = Form.useWatch('branchId', form);
  const recusals = Form.useWatch('recusals', form) ?? [];
  const ownBranch = branches.find((b) => b.id === ownBranchId);
  const chosenGroupId = Form.useWatch('groupId', form);
  const groupScope = groups.find((g) => g.id === chosenGroupId)?.scope ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      rater
        ? {
            name: rater.name,
            title: rater.title,
            groupId: rater.groupId,
            branchId: rater.branchId,
            recusals: rater.recusals.filter((r) => r.branchId !== rater.branchId).map((r) => ({ ...r })),
            scope: rater.scope,
          }
        : { name: '', title: '', groupId: groupId ?? groups[0]?.id, branchId: null, recusals: [], scope: [] },
    );
  }, [open, rater, groupId, groups, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      call('panel.saveRater', {
        periodId,
        id: rater?.id ?? null,
        groupId: v.groupId!,
        name: v.name,
        title: v.title ?? '',
        branchId: v.branchId ?? null,
        recusals: (v.recusals ?? [])
          .filter((r) => r.branchId !== undefined && r.branchId !== v.branchId)
          .map((r) => ({ branchId: r.branchId!, reason: r.reason })),
        scope: v.scope ?? [],
      }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries();
      void message.success(t(rater ? 'panel.rater.updated' : 'panel.rater.created', { name: r.name }));
      onClose();
    },
    onError: (e) => {
      const fieldErrors = e instanceof ApiError ? (e.error.details ?? []).filter((d) => d.field === 'name' || d.field === 'groupId' || d.field === 'scope') : [];
      if (fieldErrors.length) form.setFields(fieldErrors.map((d) => ({ name: d.field as 'name' | 'groupId' | 'scope', errors: [d.message] })));
      else showError(e);
    },
  });

  const branchOptions = branches.map((b) => ({ value: b.id, label: branchLabel(b) }));
  const taken = (index: number) => new Set(recusals.filter((_, i) => i !== index).map((r) => r?.branchId));

  return (
    <Modal
      open={open}
      title={t(rater ? 'panel.rater.editTitle' : 'panel.rater.createTitle')}
      okText={t('ui.save')}
      cancelText={t('ui.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={640}
    >
      <Form<Values> name="rater" form={form} onFinish={(v) => save.mutate(v)} labelCol={{ span: 4 }} wrapperCol={{ span: 19 }}>
        <Form.Item name="name" label={t('panel.rater.name')} rules={[{ required: true, whitespace: true, message: t('panel.rater.nameRequired') }]}>
          <Input maxLength={30} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={t('panel.rater.title')} extra={t('panel.rater.titleHelp')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="groupId" label={t('panel.rater.group')} rules={[{ required: true, message: t('panel.rater.groupRequired') }]}>
          <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item
          name="branchId"
          label={t('panel.rater.branch')}
          extra={
            ownBranch ? (
              <span>
                {t('panel.rater.branchAuto')}
                <Tag color="orange" className="rp-recusal-tag" style={{ marginInlineStart: 6 }}>
                  {t('panel.recusal.tag', { branch: ownBranch.name, reason: t('panel.recusal.own') })}
                </Tag>
              </span>
            ) : (
              t('panel.rater.branchHelp')
            )
          }
        >
          <Select allowClear showSearch={{ filterOption: filterByLabel }} placeholder={t('panel.rater.branchNone')} options={branchOptions} />
        </Form.Item>
        <Form.Item name="scope" label={t('panel.scope.label')} extra={t('panel.scope.raterHelp', { scope: scopeInWords(groupScope, indicators) || t('panel.scope.all') })}>
          <ScopeSelect indicators={indicators} within={groupScope} />
        </Form.Item>
        <Form.Item label={t('panel.rater.recusals')} extra={t('panel.rater.recusalsHelp')}>
          <Form.List name="recusals">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" size={8} style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'branchId']} rules={[{ required: true, message: t('panel.recusal.branchRequired') }]}>
                      <Select
                        showSearch={{ filterOption: filterByLabel }}
                        style={{ width: 230 }}
                        placeholder={t('panel.recusal.branch')}
                        aria-label={t('panel.recusal.branch')}
                        options={branchOptions.filter((o) => o.value !== ownBranchId && !taken(i).has(o.value))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('panel.recusal.reasonRequired') }]}>
                      <Input maxLength={100} style={{ width: 200 }} placeholder={t('panel.recusal.reasonPlaceholder')} aria-label={t('panel.recusal.reason')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('panel.recusal.remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                {branches.length === 0 ? (
                  <Typography.Text type="secondary">{t('panel.rater.noBranches')}</Typography.Text>
                ) : (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ branchId: undefined, reason: '' })}>
                    {t('panel.recusal.add')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
