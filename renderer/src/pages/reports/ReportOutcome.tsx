/** Below 生成: a batch's progress (with 取消), how it ended, and what was saved, with 打开所在文件夹. */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress } from 'antd';
import { t } from '../../../../shared/messages';
import type { Saved } from './reportsModel';
import type { useBatchJob } from './useBatchJob';

interface Props {
  batch: ReturnType<typeof useBatchJob>;
  shown: Saved | null;
  showInFolder: (file: string) => void;
}

export function ReportOutcome({ batch, shown, showInFolder }: Props) {
  const s = batch.status;
  return (
    <>
      {s && s.state === 'running' && (
        <Card size="small" className="rpd-progress" data-testid="doc-progress">
          <div className="rpd-progress-line">
            <span data-testid="doc-progress-text">
              {s.phase === 'writing' ? t('documents.batch.writing') : t('documents.batch.progress', { done: s.done, total: s.total })}
            </span>
            <Button onClick={() => void batch.cancel()} loading={batch.cancelling} data-testid="doc-cancel">
              {batch.cancelling ? t('documents.batch.cancelling') : t('documents.batch.cancel')}
            </Button>
          </div>
          <Progress percent={Math.floor((s.done / Math.max(1, s.total)) * 100)} status="active" />
        </Card>
      )}
      {s && s.state === 'cancelled' && (
        <Alert
          className="rpd-alert"
          type="warning"
          showIcon
          data-testid="doc-cancelled"
          message={s.files.length ? t('documents.batch.cancelledFiles', { count: s.files.length }) : t('documents.batch.cancelledNone')}
        />
      )}
      {s && s.state === 'failed' && s.error && <Alert className="rpd-alert" type="error" showIcon message={s.error.message} />}

      {shown && (
        <Alert
          className="rpd-alert"
          type="success"
          showIcon
          data-testid="doc-saved"
          message={
            s && s.state === 'done' ? t('documents.batch.done', { count: s.total }) : shown.files.length > 1 ? t('documents.savedFiles', { count: shown.files.length, folder: shown.folder ?? '' }) : t('documents.saved')
          }
          description={
            <div>
              {shown.files.length === 1 && <div className="rpd-path">{shown.files[0]}</div>}
              {shown.files.length > 1 && <div className="rpd-path">{shown.folder}</div>}
              {shown.warnings.map((w) => (
                <div key={w} className="rpd-warning">
                  {t('documents.warning')}：{w}
                </div>
              ))}
            </div>
          }
          action={
            shown.files.length > 0 && (
              <Button icon={<FolderOpenOutlined />} onClick={() => showInFolder(shown.files[0]!)} data-testid="doc-show-folder">
                {t('documents.showInFolder')}
              </Button>
            )
          }
        />
      )}
    </>
  );
}
