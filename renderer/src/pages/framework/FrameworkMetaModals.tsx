import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../../shared/api';
import { CategoryLabel, MAX_CATEGORIES } from '../../../../shared/domain/framework';
import { UNIFIED_TEMPLATE } from '../../../../shared/domain/templates/unified';
import type { FrameworkSummary } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { GradeSchemeEditor } from './GradeSchemeEditor';
import { rowProblems, rowsScheme, schemeRows, type GradeSchemeRow } from './gradeSchemeModel';

export type CreateSource = 'template' | 'empty' | 'copy';

const metaSchema = api['frameworks.updateMeta'].input.shape;

const nameRule: Rule = {
  validator: async (_r, value: unknown) => {
    if (metaSchema.name.safeParse(value ?? '').success) return;
    throw new Error(t(String(value ?? '').trim() === '' ? 'fw.field.nameRequired' : 'fw.field.nameTooLong'));
  },
};
const descriptionRule: Rule = {
  validator: async (_r, value: unknown) => {
    if (!metaSchema.description.safeParse(value ?? '').success) throw new Error(t('fw.field.descriptionTooLong'));
  },
};

/** 支部类别 as the contract checks them: each label, then how many (the first problem is said). */
const categoriesRule: Rule = {
  validator: async (_r, value: unknown) => {
    const labels = (value as string[] | undefined) ?? [];
    for (const label of labels) {
      const checked = CategoryLabel.safeParse(label);
      if (!checked.success) throw new Error(`“${label}”：${checked.error.issues[0]?.message ?? ''}`);
    }
    if (labels.length > MAX_CATEGORIES) throw new Error(t('fw.categories.tooMany', { max: MAX_CATEGORIES }));
  },
};

interface CreateValues {
  source: CreateSource;
  copyFrom?: number;
  name: string;
  description: string;
}

const versionLabel = (f: FrameworkSummary) => t('fw.version.option', { name: f.name, version: f.version });

interface CreateProps {
  /** The source to start with; null when closed. */
  preset: { source: CreateSource; copyFrom: number | null } | null;
  frameworks: readonly FrameworkSummary[];
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** 新建: from the built-in template, empty, or a copy of an existing version. */
export function FrameworkCreateModal({ preset, frameworks, onClose, onCreated }: CreateProps) {
  const [form] = Form.useForm<CreateValues>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const source = Form.useWatch('source', form);

  const defaultName = (s: CreateSource, copyFrom: number | null | undefined) => {
    if (s === 'template') return UNIFIED_TEMPLATE.name;
    const from = frameworks.find((f) => f.id === copyFrom);
    return s === 'copy' && from ? t('fw.create.copyName', { name: from.name }) : '';
  };

  /** The name this dialog last suggested (replaced when the source changes, unless the user edited it). */
  const suggested = useRef('');

  useEffect(() => {
    if (!preset) return;
    form.resetFields();
    suggested.current = defaultName(preset.source, preset.copyFrom);
    form.setFieldsValue({
      source: preset.source,
      copyFrom: preset.copyFrom ?? undefined,
      name: suggested.current,
      description: '',
    });
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset, form]);

  /** Follow the chosen source with the suggested name, unless the user typed a name of their own. */
  const refreshName = () => {
    const v = form.getFieldsValue(true) as CreateValues;
    const current = (v.name ?? '').trim();
    if (current !== '' && current !== suggested.current) return;
    suggested.current = defaultName(v.source, v.copyFrom);
    form.setFieldValue('name', suggested.current);
  };

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      call('frameworks.create', {
        name: v.name,
        description: v.description ?? '',
        source: v.source === 'copy' ? { kind: 'copy', frameworkId: v.copyFrom! } : { kind: v.source },
      }),
    onSuccess: ({ id }, v) => {
      void message.success(t('fw.create.ok', { name: v.name.trim() }));
      onCreated(id);
    },
    onError: showError,
    onSettled: () => invalidate(queryClient, 'frameworks'),
  });

  const help = (key: 'fw.create.source.templateHelp' | 'fw.create.source.emptyHelp' | 'fw.create.source.copyHelp') => (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
      {t(key)}
    </Typography.Text>
  );

  return (
    <Modal
      open={preset !== null}
      title={t('fw.create.title')}
      okText={t('fw.form.create')}
      cancelText={t('fw.form.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={600}
    >
      <Form<CreateValues>
        form={form}
        name="fwCreate"
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={(changed: Partial<CreateValues>) => {
          if ('source' in changed || 'copyFrom' in changed) refreshName();
        }}
        requiredMark
      >
        <Form.Item name="source" label={t('fw.create.source')} required>
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Radio value="template">
                {t('fw.create.source.template', { template: UNIFIED_TEMPLATE.name })}
                {help('fw.create.source.templateHelp')}
              </Radio>
              <Radio value="empty">
                {t('fw.create.source.empty')}
                {help('fw.create.source.emptyHelp')}
              </Radio>
              <Radio value="copy" disabled={frameworks.length === 0}>
                {t('fw.create.source.copy')}
                {help('fw.create.source.copyHelp')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {source === 'copy' && (
          <Form.Item name="copyFrom" label={t('fw.create.copyFrom')} rules={[{ required: true, message: t('fw.create.copyFromRequired') }]}>
            <Select
              options={frameworks.map((f) => ({ value: f.id, label: versionLabel(f) }))}
              placeholder={t('fw.version.placeholder')}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('fw.field.name')} required rules={[nameRule]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="description" label={t('fw.field.description')} rules={[descriptionRule]} style={{ marginBottom: 0 }}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

interface RenameValues {
  name: string;
  description: string;
  /** 支部类别 (分类施策). */
  categories: string[];
}

interface RenameProps {
  framework: FrameworkSummary | null;
  onClose: () => void;
}

/** 重命名: the name, description and grade scheme (等次划分) of one version. */
export function FrameworkRenameModal({ framework, onClose }: RenameProps) {
  const [form] = Form.useForm<RenameValues>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  /** The scheme as edited; null = the app's defaults. */
  const [grades, setGrades] = useState<GradeSchemeRow[] | null>(null);
  // Reset from the stored scheme when the dialog opens on a version (by id: a refetch keeps the edits).
  const [editing, setEditing] = useState<number | null>(null);
  if ((framework?.id ?? null) !== editing) {
    setEditing(framework?.id ?? null);
    setGrades(framework ? schemeRows(framework.gradeScheme) : null);
  }

  useEffect(() => {
    if (framework) form.setFieldsValue({ name: framework.name, description: framework.description, categories: framework.categories });
  }, [framework, form]);

  const gradesWrong = grades !== null && (() => {
    const problems = rowProblems(grades);
    return problems.list.length > 0 || problems.byRow.size > 0;
  })();

  const save = useMutation({
    mutationFn: (v: RenameValues) =>
      call('frameworks.updateMeta', {
        id: framework!.id,
        name: v.name,
        description: v.description ?? '',
        gradeScheme: grades === null ? null : rowsScheme(grades),
        categories: [...new Set((v.categories ?? []).map((c) => c.trim()).filter(Boolean))],
      }),
    onSuccess: (_r, v) => {
      void message.success(t('fw.rename.ok', { name: v.name.trim() }));
      onClose();
    },
    onError: showError,
    onSettled: () => Promise.all([invalidate(queryClient, 'frameworks'), invalidate(queryClient, 'periods')]),
  });

  return (
    <Modal
      open={framework !== null}
      title={t('gradeScheme.dialog.title')}
      okText={t('fw.form.save')}
      cancelText={t('fw.form.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('fw.rename.help')}</Typography.Paragraph>
      <Form form={form} name="fwRename" layout="vertical" onFinish={(v) => !gradesWrong && save.mutate(v)} requiredMark>
        <Form.Item name="name" label={t('fw.field.name')} required rules={[nameRule]}>
          <Input autoFocus maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="description" label={t('fw.field.description')} rules={[descriptionRule]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="categories" label={t('fw.categories.label')} extra={t('fw.categories.help')} rules={[categoriesRule]}>
          <Select
            mode="tags"
            tokenSeparators={['、', ',', '，', ' ']}
            placeholder={t('fw.categories.placeholder')}
            open={false}
            suffixIcon={null}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label={t('gradeScheme.title')} extra={t('gradeScheme.help')} style={{ marginBottom: 0 }}>
          <GradeSchemeEditor rows={grades} onChange={setGrades} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
