/**
 * The two steps of every workbook import of this area, like the branches
 * import: first what the file would store — or every bad cell, as
 * “第 N 行，X 列（列名）：原因” — then, only when the file is clean (and not
 * locked, and with a reason where one is required), the import itself.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { ImportAction, WorkbookProblem } from '../../../../shared/domain/workbook';
import { t } from '../../../../shared/messages';
import { useFeedback } from '../../hooks/useFeedback';
import type { PickedFile } from './common';

interface PreviewShape {
  file: string;
  errors: WorkbookProblem[];
}

interface Props<P extends PreviewShape, R extends { row: number; action: ImportAction }> {
  picked: PickedFile | null;
  title: string;
  /** Names the query (with the file); also what the test ids are made of. */
  kind: string;
  preview: (path: string) => Promise<P>;
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

export function ImportPreviewModal<P extends PreviewShape, R extends { row: number; action: ImportAction }>(props: Props<P, R>) {
  const { picked, kind } = props;
  const file = picked?.path ?? null;
  const { message, showError } = useFeedback();
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const preview = useQuery({
    queryKey: [`${kind}.previewImport`, file, picked?.pickedAt],
    queryFn: () => props.preview(file!),
    enabled: file !== null,
    staleTime: 0,
    gcTime: 0,
  });
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

  const data = preview.data;
  const bad = data ? data.errors.length > 0 : false;
  const rows = data ? props.rowsOf(data) : [];
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action]++;
  const locked = data && props.locked ? props.locked(data) : null;
  const needsReason = data && props.reasonRequired ? props.reasonRequired(data) : null;
  const reasonMissing = needsReason !== null && reason.trim() === '';
  const importable = counts.create + counts.update;
  // What the import changes first; rows equal to what is stored only on request.
  const shown = showUnchanged || importable === 0 ? rows : rows.filter((r) => r.action !== 'unchanged');

  return (
    <Modal
      open={picked !== null}
      title={props.title}
      width={900}
      onCancel={close}
      destroyOnHidden
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
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('data.import.file')}：{file}
      </Typography.Paragraph>
      {preview.isPending && file !== null && <Spin />}
      {preview.isError && <Alert type="error" showIcon title={preview.error.message} data-testid="import-refused" />}
      {data && props.extra?.(data)}
      {data && locked && <Alert type="error" showIcon title={locked} style={{ marginBottom: 12 }} data-testid="import-locked" />}
      {data && bad && (
        <Alert
          type="error"
          showIcon
          title={t('data.import.previewBad', { count: data.errors.length })}
          description={
            <ul className="rp-import-errors" data-testid="import-errors">
              {data.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
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
    </Modal>
  );
}
