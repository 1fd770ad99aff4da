import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { FrameworkImportIssue, FrameworkImportPreview, FrameworkImportRow } from '../../../../shared/domain/framework-workbook';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { ImportPreviewModal, useImportPreview, type ImportProblems, type PickedFile } from '../../components/ImportPreviewModal';
import { useFeedback } from '../../hooks/useFeedback';
import { fmtPoints, METHOD_LABEL, TAG_COLOR, TAG_LABEL } from './model';

export type { PickedFile };

interface Props {
  picked: PickedFile | null;
  onClose: () => void;
  onPickAgain: () => void;
  onSaveTemplate: () => void;
  onImported: (id: number) => void;
}

const issueText = (i: FrameworkImportIssue) => (i.row === null ? i.message : t('import.error.rowGeneric', { row: i.row, reason: i.message }));

/** Bad cells first; only a file whose cells are all readable is checked as a tree. */
function problemsOf(data: FrameworkImportPreview | undefined, structuralErrors: FrameworkImportIssue[]): ImportProblems | null {
  if (!data) return null;
  if (data.errors.length > 0) return { title: t('fw.import.badCells', { count: data.errors.length }), items: data.errors.map((e) => e.message), testId: 'fw-import-errors' };
  if (structuralErrors.length > 0) return { title: t('fw.import.badTree', { count: structuralErrors.length }), items: structuralErrors.map(issueText), testId: 'fw-import-errors' };
  return null;
}

/** Shows what importing a framework workbook would create — or every problem — before anything is written. */
export function FrameworkImportModal({ picked, onClose, onPickAgain, onSaveTemplate, onImported }: Props) {
  const file = picked?.path ?? null;
  const [form] = Form.useForm<{ name: string }>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const preview = useImportPreview('frameworks.previewImport', picked, (path) => ({ path }));
  const data = preview.data;

  useEffect(() => {
    if (data) form.setFieldsValue({ name: data.name });
  }, [data, form]);

  const commit = useMutation({
    mutationFn: (name: string) => call('frameworks.import', { path: file!, name }),
    onSuccess: (r) => {
      void message.success(t('fw.import.done', { name: r.name, count: r.indicatorCount }));
      onImported(r.id);
    },
    onError: showError,
    onSettled: () => invalidate(queryClient, 'frameworks'),
  });

  const structuralErrors = data?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = data?.issues.filter((i) => i.severity === 'warning') ?? [];
  const bad = data ? data.errors.length > 0 || structuralErrors.length > 0 : false;

  return (
    <ImportPreviewModal
      picked={picked}
      title={t('fw.import.title')}
      width={880}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={onSaveTemplate}>
            {t('fw.action.template')}
          </Button>
          <Button onClick={onPickAgain}>{t('fw.import.choose')}</Button>
          <Button type="primary" disabled={!data || bad} loading={commit.isPending} onClick={() => form.submit()}>
            {data && !bad ? t('fw.import.confirm', { count: data.rows.length }) : t('fw.import.confirmNone')}
          </Button>
        </Space>
      }
      fileLine={
        <>
          {t('fw.import.file', { file: file ?? '' })}
          <br />
          {t('fw.import.help')}
        </>
      }
      preview={preview}
      problems={problemsOf(data, structuralErrors)}
    >
      {data && !bad && (
        <>
          <Alert type="success" showIcon title={t('fw.import.ok', { count: data.rows.length })} />
          {warnings.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              title={t('fw.import.warnings', { count: warnings.length })}
              description={
                <ul className="rp-import-errors">
                  {warnings.map((w, i) => (
                    <li key={i}>{issueText(w)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Form form={form} name="fwImport" layout="inline" style={{ margin: '12px 0' }} onFinish={(v) => commit.mutate(v.name)}>
            <Form.Item
              name="name"
              label={t('fw.import.name')}
              rules={[
                { required: true, whitespace: true, message: t('fw.field.nameRequired') },
                { max: 60, message: t('fw.field.nameTooLong') },
              ]}
            >
              <Input style={{ width: 360 }} maxLength={60} autoComplete="off" />
            </Form.Item>
          </Form>
          {/* What the file sets besides the indicators: its 等次 and 支部类别 (the app's defaults when it sets none). */}
          <div className="rp-fw-import-meta" data-testid="fw-import-meta">
            <div>
              {data.gradeScheme
                ? t('fw.import.grades', {
                    grades: data.gradeScheme.grades.map((g, i, all) => (i === all.length - 1 ? g.label : `${g.label}≥${g.min}`)).join('、'),
                    quotas: data.gradeScheme.quotas.length ? data.gradeScheme.quotas.map((q) => `${q.label}≤${Math.round(q.maxShare * 1000) / 10}%`).join('、') : t('fw.import.noQuotas'),
                  })
                : t('fw.import.gradesDefault')}
            </div>
            {data.categories.length > 0 && <div>{t('fw.import.categories', { categories: data.categories.join('、') })}</div>}
          </div>
          <Table<FrameworkImportRow>
            size="small"
            rowKey="row"
            dataSource={data.rows}
            pagination={false}
            scroll={{ y: 300 }}
            columns={[
              { title: t('import.column.row'), dataIndex: 'row', width: 64 },
              {
                title: t('fw.col.code'),
                dataIndex: 'code',
                width: 110,
                render: (code: string, r) => <span style={{ paddingInlineStart: (r.depth - 1) * 14 }}>{code}</span>,
              },
              { title: t('fw.col.name'), dataIndex: 'name', ellipsis: true },
              {
                title: t('fw.col.tag'),
                dataIndex: 'tag',
                width: 72,
                render: (tag: FrameworkImportRow['tag']) => <Tag color={TAG_COLOR[tag]}>{t(TAG_LABEL[tag])}</Tag>,
              },
              { title: t('fw.col.max'), dataIndex: 'maxPoints', width: 64, align: 'right', render: (x: number) => fmtPoints(x) },
              {
                title: t('fw.col.method'),
                dataIndex: 'method',
                width: 120,
                render: (m: FrameworkImportRow['method']) => (m ? t(METHOD_LABEL[m.kind]) : t('fw.method.none')),
              },
            ]}
          />
        </>
      )}
    </ImportPreviewModal>
  );
}
