import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Form, Input, Modal } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useMemo } from 'react';
import { BranchFields, memberCountFromText, type Branch, type BranchFieldsInput } from '../../../../shared/domain/branch';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';

type FieldName = keyof typeof BranchFields.shape;

/** Each field is checked with the very schema the main process applies. */
const zodRule = (field: FieldName): Rule => ({
  validator: async (_rule, value: unknown) => {
    // 党员人数 is typed as text so that “abc” is refused with a message instead of vanishing.
    const checked = field === 'memberCount' ? memberCountFromText(value as string | number | null | undefined) : value;
    if (field === 'memberCount' && checked === undefined) throw new Error(t('branch.memberCount.integer'));
    const result = BranchFields.shape[field].safeParse(checked);
    if (!result.success) throw new Error(result.error.issues[0]?.message);
  },
});

interface Props {
  open: boolean;
  /** The branch being edited; null to create a new one. */
  branch: Branch | null;
  onClose: () => void;
}

export function BranchFormModal({ open, branch, onClose }: Props) {
  const [form] = Form.useForm<BranchFieldsInput>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  // 支部类别 offered: those the frameworks distinguish, then those other branches already have (free text is fine).
  const frameworks = useApi('frameworks.list', {}, { enabled: open });
  const branches = useApi('branches.list', { query: '', includeArchived: false }, { enabled: open });
  const categoryOptions = useMemo(
    () =>
      [...new Set([...(frameworks.data ?? []).flatMap((f) => f.categories), ...(branches.data ?? []).map((b) => b.category)].filter(Boolean))].map(
        (value) => ({ value }),
      ),
    [frameworks.data, branches.data],
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (branch) form.setFieldsValue(branch);
  }, [open, branch, form]);

  const save = useMutation({
    mutationFn: (fields: BranchFieldsInput) =>
      branch ? call('branches.update', { id: branch.id, fields }) : call('branches.create', fields),
    onSuccess: async (saved) => {
      await invalidate(queryClient, 'branches');
      void message.success(t(branch ? 'branch.updated.ok' : 'branch.created.ok', { name: saved.name }));
      onClose();
    },
    onError: (e) => {
      // A taken code belongs next to the code field, not in a pop-up.
      const fieldErrors = e instanceof ApiError ? (e.error.details ?? []).filter((d) => d.field) : [];
      if (fieldErrors.length > 0) {
        form.setFields(fieldErrors.map((d) => ({ name: d.field as FieldName, errors: [d.message] })));
      } else {
        showError(e);
      }
    },
  });

  const submit = (values: BranchFieldsInput) => save.mutate({ ...values, memberCount: memberCountFromText(values.memberCount as string | number | null | undefined) ?? null });

  return (
    <Modal
      open={open}
      title={t(branch ? 'branch.form.editTitle' : 'branch.form.createTitle')}
      okText={t('branch.form.save')}
      cancelText={t('branch.form.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={560}
    >
      <Form
        form={form}
        onFinish={submit}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        requiredMark
      >
        <Form.Item name="code" label={t('branch.field.code')} required rules={[zodRule('code')]} extra={t('branch.form.codeHelp')}>
          <Input autoFocus maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('branch.field.name')} required rules={[zodRule('name')]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="unit" label={t('branch.field.unit')} rules={[zodRule('unit')]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="secretary" label={t('branch.field.secretary')} rules={[zodRule('secretary')]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="memberCount" label={t('branch.field.memberCount')} rules={[zodRule('memberCount')]}>
          <Input inputMode="numeric" autoComplete="off" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="category" label={t('branch.field.category')} rules={[zodRule('category')]} extra={t('branch.category.help')}>
          <AutoComplete
            options={categoryOptions}
            placeholder={t('branch.category.placeholder')}
            style={{ width: 260 }}
            allowClear
            filterOption={(typed, option) => (option?.value ?? '').includes(typed.trim())}
          />
        </Form.Item>
        <Form.Item name="note" label={t('branch.field.note')} rules={[zodRule('note')]}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
        {/* Enter in any field saves, as users expect of a form. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
