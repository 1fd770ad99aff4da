/**
 * The two steps of every workbook import of this area, in the frame all
 * imports share: first what the file would store — or every bad cell — then,
 * only when the file is clean (and not locked, and with a reason where one is
 * required), the import itself.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { Input as ApiInput, Output } from '../../../../shared/api';
import type { ImportAction } from '../../../../shared/domain/workbook';
import { t } from '../../../../shared/messages';
import { ImportPreviewModal, useImportPreview, type PickedFile } from '../../components/ImportPreviewModal';
import { useFeedback } from '../../hooks/useFeedback';

type DataPreviewMethod = 'measurements.previewImport' | 'selfAssessment.previewImport' | 'scores.previewImport' | 'office.previewImport';

interface Props<M extends DataPreviewMethod, R extends { row: number; action: ImportAction }, P = Output<M>> {
  picked: PickedFile | null;
  title: string;
  /** The preview asked of the service, for this period. */
  method: M;
  periodId: number;
  rowsOf: (p: P) => R[];
  rowKey: (r: R) => string | number;
  columns: ColumnsType<R>;
  /** What the clean file holds, one sentence. */
  summary: (p: P, counts: Record<ImportAction, number>) => string;
  /** Shown above the rows (the rater of a score file, …). */
  extra?: (p: P) => ReactNode;
  /** Why the file cannot be imported whatever it holds (finalised period, …). */
  locked?: (p: P) => string | null;
  /** When set, the import needs a reason: says why. */
  reasonRequired?: (p: P) => string | null;
  confirmLabel: (p: P, count: number) => string;
  /** False when a column of `columns` already says where the value is (a score cell: E5). */
  showRow?: boolean;
  commit: (path: string, reason: string | undefined) => Promise<string>;
  onDone: () => Promise<unknown>;
  onClose: () => void;
  onPickAgain: () => void;
}

export const ACTION_TAGS: Record<ImportAction, ReactNode> = {
  create: <Tag color="green">{t('data.import.action.create')}</Tag>,
  update: <Tag color="blue">{t('data.import.action.update')}</Tag>,
  unchanged: <Tag>{t('data.import.action.unchanged')}</Tag>,
};

export function DataImportModal<M extends DataPreviewMethod, R extends { row: number; action: ImportAction }>(props: Props<M, R>) {
  const { picked, periodId } = props;
  const file = picked?.path ?? null;
  const { message, showError } = useFeedback();
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const preview = useImportPreview(props.method, picked, (path) => ({ periodId, path }) as ApiInput<M>);
  const commit = useMutation({
    mutationFn: () => props.commit(file!, reason.trim() || undefined),
    onSuccess: async (text) => {
      await props.onDone();
      void message.success(text, 6);
      close();
    },
    onError: showError,
  });
  const close = () => {
    setReason('');
    setReasonTouched(false);
    setShowUnchanged(false);
    props.onClose();
  };

  const data = preview.data as Output<M> | undefined;
  const bad = data ? data.errors.length > 0 : false;
  const rows = data ? props.rowsOf(data) : [];
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action]++;
  const locked = data && props.locked ? props.locked(data) : null;
  // Values that may be stored but look wrong (business data): a second look before importing.
  const doubts = data && 'warnings' in data ? data.warnings : [];
  const needsReason = data && props.reasonRequired ? props.reasonRequired(data) : null;
  const reasonMissing = needsReason !== null && reason.trim() === '';
  const importable = counts.create + counts.update;
  // What the import changes first; rows equal to what is stored only on request.
  const shown = showUnchanged || importable === 0 ? rows : rows.filter((r) => r.action !== 'unchanged');

  return (
    <ImportPreviewModal
      picked={picked}
      title={props.title}
      width={900}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{t('ui.cancel')}</Button>
          <Button onClick={props.onPickAgain}>{t('data.import.chooseAgain')}</Button>
          <Button
            type="primary"
            disabled={!data || bad || locked !== null || importable === 0}
            loading={commit.isPending}
            onClick={() => {
              if (reasonMissing) {
                setReasonTouched(true);
                return;
              }
              commit.mutate();
            }}
          >
            {data && !bad && locked === null ? props.confirmLabel(data, importable) : t('data.import.confirmPlain')}
          </Button>
        </Space>
      }
      fileLine={
        <>
          {t('data.import.file')}：{file}
        </>
      }
      fileLineStyle={{ marginBottom: 12 }}
      preview={preview}
      refusedTestId="import-refused"
      notices={
        <>
          {data && props.extra?.(data)}
          {data && locked && <Alert type="error" showIcon title={locked} style={{ marginBottom: 12 }} data-testid="import-locked" />}
          {!bad && doubts.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('data.import.warnings', { count: doubts.length })}
              description={
                <ul className="rp-import-errors" data-testid="import-warnings">
                  {doubts.map((d, i) => (
                    <li key={i}>{d.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      }
      problems={data && bad ? { title: t('data.import.previewBad', { count: data.errors.length }), items: data.errors.map((e) => e.message), testId: 'import-errors' } : null}
    >
      {data && !bad && (
        <>
          <Alert
            type={importable === 0 ? 'info' : 'success'}
            showIcon
            title={props.summary(data, counts)}
            description={importable === 0 ? t('data.import.nothingToDo') : undefined}
            data-testid="import-summary"
          />
          {needsReason && !locked && (
            <Form layout="vertical" style={{ marginTop: 12 }}>
              <Form.Item
                label={t('data.import.reason')}
                required
                extra={needsReason}
                validateStatus={reasonTouched && reasonMissing ? 'error' : undefined}
                help={reasonTouched && reasonMissing ? t('data.import.reasonMissing') : undefined}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea
                  aria-label={t('data.import.reason')}
                  value={reason}
                  maxLength={200}
                  showCount
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  placeholder={t('data.import.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                />
              </Form.Item>
            </Form>
          )}
          {counts.unchanged > 0 && importable > 0 && (
            <Checkbox style={{ marginTop: 12 }} checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)}>
              {t('data.import.showUnchanged', { count: counts.unchanged })}
            </Checkbox>
          )}
          <Table<R>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={props.rowKey}
            dataSource={shown}
            pagination={{ pageSize: 6, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              ...(props.showRow === false ? [] : [{ title: t('data.import.column.row'), dataIndex: 'row', width: 64 }]),
              { title: t('data.import.column.action'), dataIndex: 'action', width: 72, render: (a: ImportAction) => ACTION_TAGS[a] },
              ...props.columns,
            ]}
          />
        </>
      )}
    </ImportPreviewModal>
  );
}
