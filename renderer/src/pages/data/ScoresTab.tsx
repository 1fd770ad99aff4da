/**
 * 评分导入导出: a rater's score workbook, for a rater who scores on their own
 * laptop or for typing up a paper sheet, and its import back (preview with
 * every bad cell, the lock, and a reason where the stage needs one); every
 * entry of the period as one table, once results may be seen.
 */
import { DownloadOutlined, ExportOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ScoreImportEntry } from '../../../../shared/domain/score-workbook';
import type { Period, Rater } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { fileName, useInvalidatePeriodData, usePeriodNames, useWorkbookPicker, useWorkbookSaver, type PickedFile } from './common';
import { DataImportModal } from './DataImportModal';

export function ScoresTab({ period }: { period: Period }) {
  const periodId = period.id;
  const navigate = useNavigate();
  const names = usePeriodNames(periodId, period.frameworkId);
  const saveWorkbook = useWorkbookSaver();
  const pickWorkbook = useWorkbookPicker();
  const invalidate = useInvalidatePeriodData();
  const [importing, setImporting] = useState<{ file: PickedFile; expected: Rater | null } | null>(null);
  const blind = period.status === 'draft' || period.status === 'scoring';
  const progress = useApi('scoring.progress', { periodId }, { enabled: period.status !== 'draft' });
  const progressOf = new Map((progress.data?.raters ?? []).map((r) => [r.raterId, r]));

  const template = (r: Rater) =>
    void saveWorkbook(
      {
        title: t('data.sc.template'),
        defaultName: fileName(period.name, t('data.sc.fileName', { name: r.name })),
        done: () => t('data.sc.templateDone', { name: r.name }),
      },
      async (path) => {
        const result = await call('scores.writeTemplate', { periodId, raterId: r.id, path });
        return { path: result.path };
      },
    );
  const chooseImport = async (expected: Rater | null) => {
    const file = await pickWorkbook(t('data.sc.importTitle'));
    if (file) setImporting({ file, expected });
  };
  const exportAll = () =>
    void saveWorkbook(
      { title: t('data.sc.export'), defaultName: fileName(period.name, t('data.sc.exportName')), done: (n) => t('data.sc.exportDone', { rows: n }) },
      (path) => call('scores.export', { periodId, path }),
    );

  const stageNote =
    period.status === 'draft'
      ? t('data.sc.stage.draft')
      : period.status === 'scoring'
        ? t('data.sc.stage.scoring')
        : period.status === 'review'
          ? t('data.sc.stage.review')
          : t('data.sc.stage.finalised');

  const branchName = (id: number) => {
    const b = names.branchById.get(id);
    return b ? `${b.code} ${b.name}` : `#${id}`;
  };

  return (
    <div>
      <Alert type={period.status === 'finalised' ? 'warning' : 'info'} showIcon title={stageNote} style={{ marginBottom: 12 }} data-testid="scores-stage" />
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Typography.Text type="secondary">{t('data.sc.intro')}</Typography.Text>
        <Space wrap>
          <Button icon={<UploadOutlined />} disabled={period.status === 'finalised' || period.status === 'draft'} onClick={() => void chooseImport(null)}>
            {t('data.sc.import')}
          </Button>
          <Button icon={<ExportOutlined />} onClick={exportAll} title={blind ? t('data.sc.exportBlind') : undefined}>
            {t('data.sc.export')}
          </Button>
        </Space>
      </div>
      <Table<Rater>
        rowKey="id"
        size="middle"
        loading={names.loading}
        dataSource={names.raters}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description={t('data.sc.noRaters')}>
              <Button type="primary" onClick={() => void navigate('/raters')}>
                {t('data.sc.goRaters')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('data.sc.col.rater'),
            dataIndex: 'name',
            width: 180,
            render: (v: string, r) => (
              <span>
                {v}
                {r.title && <Typography.Text type="secondary">（{r.title}）</Typography.Text>}
              </span>
            ),
          },
          { title: t('data.sc.col.group'), dataIndex: 'groupId', width: 110, render: (id: number) => names.groupById.get(id)?.name ?? '' },
          {
            title: t('data.sc.col.progress'),
            key: 'progress',
            width: 220,
            render: (_, r) => {
              const p = progressOf.get(r.id);
              if (!p) return <Typography.Text type="secondary">{t('data.sc.notStarted')}</Typography.Text>;
              return (
                <Space size={8}>
                  <Progress percent={p.expected ? Math.floor((p.scored / p.expected) * 100) : 0} size={[80, 6]} showInfo={false} />
                  <span className="rpd-time">{t('data.sc.scored', { scored: p.scored, expected: p.expected })}</span>
                  {p.finishedAt && <Tag color="green">{t('data.sc.finished')}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('data.sc.col.recused'),
            key: 'recused',
            render: (_, r) => {
              const recused = r.recusals; // the rater's own branch included (本支部成员)
              return recused.length === 0 ? (
                <Typography.Text type="secondary">{t('data.sc.none')}</Typography.Text>
              ) : (
                <Space size={[4, 4]} wrap>
                  {recused.map((c) => (
                    <Tag key={c.branchId} title={c.reason}>
                      {branchName(c.branchId)}（{c.reason}）
                    </Tag>
                  ))}
                </Space>
              );
            },
          },
          {
            title: t('ui.actions'),
            key: 'actions',
            width: 230,
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => template(r)}>
                  {t('data.sc.template')}
                </Button>
                <Button
                  size="small"
                  icon={<UploadOutlined />}
                  disabled={period.status === 'finalised' || period.status === 'draft'}
                  onClick={() => void chooseImport(r)}
                >
                  {t('data.sc.importOne')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <DataImportModal<'scores.previewImport', ScoreImportEntry>
        picked={importing?.file ?? null}
        title={t('data.sc.importTitle')}
        method="scores.previewImport"
        periodId={periodId}
        rowsOf={(p) => p.entries}
        rowKey={(e) => `${e.row}:${e.column}`}
        showRow={false}
        locked={(p) => p.locked}
        reasonRequired={(p) => p.reasonRequired}
        extra={(p) => (
          <>
            <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="score-file-rater">
              {t('data.sc.fileRater', { name: p.rater.name })}
              {p.blank > 0 && <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>{t('data.sc.blank', { count: p.blank })}</Typography.Text>}
            </Typography.Paragraph>
            {importing?.expected && importing.expected.id !== p.rater.id && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('data.sc.otherRater', { expected: importing.expected.name, actual: p.rater.name })}
              />
            )}
          </>
        )}
        summary={(_p, c) => t('data.sc.previewOk', { create: c.create, update: c.update, unchanged: c.unchanged })}
        confirmLabel={(_p, n) => t('data.sc.importConfirm', { count: n })}
        columns={[
          { title: t('data.sc.col.cell'), key: 'cell', width: 64, render: (_, e) => `${e.column}${e.row}` },
          { title: t('data.m.col.branch'), key: 'b', ellipsis: true, render: (_, e) => branchName(e.branchId) },
          { title: t('data.m.col.indicator'), key: 'i', ellipsis: true, render: (_, e) => `${e.indicatorCode} ${names.indicatorById.get(e.indicatorId)?.name ?? ''}` },
          { title: t('data.sc.col.value'), dataIndex: 'text', width: 90 },
          { title: t('data.sc.col.detail'), dataIndex: 'detail', ellipsis: true, render: (d: string[]) => d.join('；') },
        ]}
        commit={async (path, reason) => {
          const r = await call('scores.import', { periodId, path, reason });
          return t('data.sc.importDone', { name: r.rater.name, saved: r.saved, unchanged: r.unchanged });
        }}
        onDone={() => invalidate()}
        onClose={() => setImporting(null)}
        onPickAgain={() => void chooseImport(importing?.expected ?? null)}
      />
    </div>
  );
}
