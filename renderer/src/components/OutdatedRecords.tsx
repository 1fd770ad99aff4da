/**
 * Records and documents made from earlier results (issue 9 §4): after a
 * back-filled score or a reopen, what was announced in a meeting, what was
 * published and which Word files no longer match the results — the files
 * with 重新生成, the rest with what to do instead. Nothing shows while all
 * match. With `meetingId`, only what that meeting made.
 */
import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentWritten } from '../../../shared/domain/documents';
import { t } from '../../../shared/messages';
import { call } from '../api/client';
import { invalidate, useApi } from '../api/useApi';
import { useFeedback } from '../hooks/useFeedback';
import { fileNameOf, groupOutdated, isEmpty } from './outdatedModel';
import './outdated.css';

interface Props {
  periodId: number;
  /** Only the reveals and documents of this meeting (the meeting page). */
  meetingId?: number;
}

export function OutdatedRecords({ periodId, meetingId }: Props) {
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const outdated = useApi('results.outdated', { periodId });
  // Which document is being written again ('all': the whole list); one at a time.
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  // Nothing to say while asking, or when the records cannot be read (the screen itself still works).
  if (!outdated.data) return null;
  const groups = groupOutdated(outdated.data.records, meetingId);
  if (isEmpty(groups)) return null;

  /** Says where the file went, with a link to its folder (as the other screens do). */
  const savedTo = (text: string, written: DocumentWritten) =>
    void message.success({
      content: (
        <span data-testid="outdated-regenerated">
          {text}
          {(written.warnings ?? []).map((w) => ` ${t('documents.warning')}：${w}`)}{' '}
          <Typography.Link data-testid="outdated-show-folder" onClick={() => void call('shell.showInFolder', { path: written.path }).catch(showError)}>
            {t('file.showInFolder')}
          </Typography.Link>
        </span>
      ),
      duration: 8,
    });

  const regenerateOne = async (recordId: number) => {
    setBusy(recordId);
    try {
      const written = await call('documents.regenerate', { recordId });
      savedTo(t('records.ui.regenerated', { file: fileNameOf(written.path) }), written);
    } catch (e) {
      showError(e);
    } finally {
      await invalidate(queryClient, 'results.outdated');
      setBusy(null);
    }
  };

  // One after another: each is a Word file written on this PC; one refused does not stop the others.
  const regenerateAll = async () => {
    setBusy('all');
    let last: DocumentWritten | null = null;
    let done = 0;
    const failures: string[] = [];
    for (const d of groups.documents) {
      try {
        last = await call('documents.regenerate', { recordId: d.id });
        done += 1;
      } catch (e) {
        failures.push(`${d.fileName}（${e instanceof Error ? e.message : String(e)}）`);
      }
    }
    await invalidate(queryClient, 'results.outdated');
    setBusy(null);
    if (failures.length) void message.warning(t('records.ui.regeneratedSome', { done, failed: failures.length, error: failures.join('；') }), 10);
    else if (last) savedTo(t('records.ui.regeneratedAll', { count: done }), last);
  };

  return (
    <Alert
      type="warning"
      showIcon
      className="rp-outdated"
      data-testid="outdated-records"
      title={t(meetingId === undefined ? 'records.ui.title' : 'records.ui.meeting.title')}
      description={
        <>
          <div className="rp-outdated-intro">{t('records.ui.intro')}</div>
          {groups.reveals.length > 0 && (
            <div className="rp-outdated-group" data-testid="outdated-reveals">
              <Typography.Text strong>{t('records.ui.reveals')}</Typography.Text>{' '}
              <Typography.Text type="secondary" className="rp-outdated-hint">
                {t('records.ui.reveals.hint')}
              </Typography.Text>
              <ul>
                {groups.reveals.map((r) => (
                  <li key={r.id}>{r.text}</li>
                ))}
              </ul>
            </div>
          )}
          {groups.publications.length > 0 && (
            <div className="rp-outdated-group" data-testid="outdated-publications">
              <Typography.Text strong>{t('records.ui.publications')}</Typography.Text>{' '}
              <Typography.Text type="secondary" className="rp-outdated-hint">
                {t('records.ui.publications.hint')}
              </Typography.Text>
              <ul>
                {groups.publications.map((p) => (
                  <li key={p.id}>{p.text}</li>
                ))}
              </ul>
            </div>
          )}
          {groups.documents.length > 0 && (
            <div className="rp-outdated-group" data-testid="outdated-documents">
              <Typography.Text strong>{t('records.ui.documents')}</Typography.Text>
              <ul>
                {groups.documents.map((d) => (
                  <li key={d.id} data-testid={`outdated-doc-${d.id}`}>
                    <FileWordOutlined /> {d.kind}
                    <Typography.Text code className="rp-outdated-file" title={d.path}>
                      {d.fileName}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="rp-outdated-doc-detail">
                      {d.detail}
                    </Typography.Text>
                    <Button size="small" icon={<ReloadOutlined />} loading={busy === d.id} disabled={busy !== null && busy !== d.id} onClick={() => void regenerateOne(d.id)}>
                      {t('records.ui.regenerate')}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      }
      action={
        groups.documents.length > 1 && (
          <Button icon={<ReloadOutlined />} loading={busy === 'all'} disabled={busy !== null && busy !== 'all'} onClick={() => void regenerateAll()} data-testid="outdated-regenerate-all">
            {t('records.ui.regenerateAll')}
          </Button>
        )
      }
    />
  );
}
