import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag } from 'antd';
import type { BranchImportRow } from '../../../../shared/domain/branch';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { ImportPreviewModal, useImportPreview, type PickedFile } from '../../components/ImportPreviewModal';
import { useFeedback } from '../../hooks/useFeedback';

export type { PickedFile };

interface Props {
  /** The workbook chosen by the user; null when the dialog is closed. */
  picked: PickedFile | null;
  onClose: () => void;
  onPickAgain: () => void;
}

/** Shows what importing a workbook would do — or every bad cell — before anything is written. */
export function BranchImportModal({ picked, onClose, onPickAgain }: Props) {
  const file = picked?.path ?? null;
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const preview = useImportPreview('branches.previewImport', picked, (path) => ({ path }));
  const commit = useMutation({
    mutationFn: () => call('branches.import', { path: file! }),
    onSuccess: async (r) => {
      await invalidate(queryClient, 'branches');
      void message.success(t('import.done', { created: r.created, updated: r.updated }));
      onClose();
    },
    onError: showError,
  });

  const data = preview.data;
  const bad = data ? data.errors.length > 0 : false;
  const created = data?.rows.filter((r) => r.action === 'create').length ?? 0;
  const updated = (data?.rows.length ?? 0) - created;

  return (
    <ImportPreviewModal
      picked={picked}
      title={t('import.title')}
      width={860}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onPickAgain}>{t('import.choose')}</Button>
          <Button type="primary" disabled={!data || bad} loading={commit.isPending} onClick={() => commit.mutate()}>
            {t('import.confirm', { count: data?.rows.length ?? 0 })}
          </Button>
        </Space>
      }
      fileLine={
        <>
          {t('import.file')}：{file}
        </>
      }
      preview={preview}
      problems={data && bad ? { title: t('import.previewBad', { count: data.errors.length }), items: data.errors.map((e) => e.message), testId: 'import-errors' } : null}
    >
      {data && !bad && (
        <>
          <Alert type="success" showIcon title={t('import.previewOk', { created, updated })} />
          <Table<BranchImportRow>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="row"
            dataSource={data.rows}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('import.column.row'), dataIndex: 'row', width: 64 },
              {
                title: t('import.column.action'),
                dataIndex: 'action',
                width: 72,
                render: (a: BranchImportRow['action']) =>
                  a === 'create' ? <Tag color="green">{t('import.action.create')}</Tag> : <Tag color="blue">{t('import.action.update')}</Tag>,
              },
              { title: t('branch.field.code'), dataIndex: 'code', width: 100 },
              { title: t('branch.field.name'), dataIndex: 'name' },
              { title: t('branch.field.unit'), dataIndex: 'unit' },
              { title: t('branch.field.secretary'), dataIndex: 'secretary', width: 90 },
              { title: t('branch.field.memberCount'), dataIndex: 'memberCount', width: 80 },
              { title: t('branch.field.category'), dataIndex: 'category', width: 80 },
            ]}
          />
        </>
      )}
    </ImportPreviewModal>
  );
}
