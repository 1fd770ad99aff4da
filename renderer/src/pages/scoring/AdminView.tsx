/**
 * The organising office's view of scoring: progress per rater and per branch
 * (counts only — no values while scoring is open), typing in a rater's paper
 * sheet on their behalf, reopening a finished sheet; and, when the period is
 * not being scored, what state it is in and where to go.
 */
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Progress, Radio, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ScoringProgress } from '../../../../shared/domain/scoring';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { progressKey, sheetQuery } from './queries';
import { SheetView } from './SheetView';

type RaterProgress = ScoringProgress['raters'][number];
type BranchProgress = ScoringProgress['branches'][number];

const pct = (scored: number, expected: number) => (expected ? Math.round((scored / expected) * 100) : 0);
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function AdminView({ period }: { period: Period }) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raterParam = Number(params.get('rater'));
  const paperRater = Number.isInteger(raterParam) && raterParam > 0 ? raterParam : null;
  const openPaper = (raterId: number | null) => {
    // Back from a paper sheet: the counts have changed.
    if (!raterId) void queryClient.invalidateQueries({ queryKey: progressKey(period.id) });
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (raterId) next.set('rater', String(raterId));
        else next.delete('rater');
        return next;
      },
      { replace: false },
    );
  };

  if (paperRater && period.status !== 'draft') return <PaperEntry period={period} raterId={paperRater} onBack={() => openPaper(null)} />;
  return <ProgressView period={period} onPaper={openPaper} />;
}

function PaperEntry({ period, raterId, onBack }: { period: Period; raterId: number; onBack: () => void }) {
  const sheet = useQuery(sheetQuery(period.id, raterId));
  if (sheet.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (sheet.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('scoring.loadFailed')}
        description={sheet.error.message}
        action={<Button onClick={onBack}>{t('scoring.paper.back')}</Button>}
      />
    );
  return <SheetView key={`${period.id}:${raterId}`} sheet={sheet.data} settings={period.settings} mode="admin" onBack={onBack} />;
}

function ProgressView({ period, onPaper }: { period: Period; onPaper: (raterId: number) => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const progress = useQuery({
    queryKey: progressKey(period.id),
    queryFn: () => call('scoring.progress', { periodId: period.id }),
    enabled: period.status !== 'draft',
    refetchInterval: period.status === 'scoring' ? 10_000 : false,
  });
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);

  const reopen = (r: RaterProgress) => {
    let reason = '';
    modal.confirm({
      title: t('scoring.admin.reopenTitle', { name: r.name }),
      width: 480,
      content: (
        <div>
          <p>{t('scoring.admin.reopenBody', { name: r.name })}</p>
          <Input.TextArea autoFocus rows={2} maxLength={200} aria-label={t('scoring.admin.reopenReason')} onChange={(e) => (reason = e.target.value)} />
        </div>
      ),
      onOk: async () => {
        if (!reason.trim()) {
          void message.warning(t('scoring.admin.reopenRequired'));
          throw new Error('reason required');
        }
        try {
          await call('scoring.setFinished', { periodId: period.id, raterId: r.raterId, finished: false, reason: reason.trim() });
          await queryClient.invalidateQueries({ queryKey: progressKey(period.id) });
          await queryClient.invalidateQueries({ queryKey: ['scoring.sheet', period.id, r.raterId] });
          void message.success(t('scoring.admin.reopenDone', { name: r.name }));
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  if (period.status === 'draft') {
    return (
      <Result
        status="info"
        title={t('scoring.admin.state.draft', { name: period.name })}
        subTitle={t('scoring.admin.state.draftBody')}
        extra={
          <Button type="primary" onClick={() => void navigate('/periods')}>
            {t('scoring.admin.goPeriods')}
          </Button>
        }
      />
    );
  }

  const data = progress.data;
  const raterColumns = [
    { title: t('scoring.admin.col.group'), dataIndex: 'groupName', width: 120 },
    { title: t('scoring.admin.col.rater'), dataIndex: 'name', width: 120 },
    {
      title: t('scoring.admin.col.count'),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, r: RaterProgress) => (
        <span data-testid={`rater-count-${r.name}`}>
          {r.scored} / {r.expected}
        </span>
      ),
    },
    { title: t('scoring.admin.col.progress'), render: (_: unknown, r: RaterProgress) => <Progress percent={pct(r.scored, r.expected)} size="small" /> },
    {
      title: t('scoring.admin.col.status'),
      width: 200,
      render: (_: unknown, r: RaterProgress) =>
        r.finishedAt ? (
          <Tag color="success">{t('scoring.admin.finishedAt', { time: time(r.finishedAt) })}</Tag>
        ) : r.scored ? (
          <Tag color="processing">{t('scoring.admin.inProgress')}</Tag>
        ) : (
          <Tag>{t('scoring.admin.notStarted')}</Tag>
        ),
    },
    {
      title: t('scoring.admin.col.actions'),
      width: 140,
      render: (_: unknown, r: RaterProgress) => (
        <Space>
          {period.status !== 'finalised' ? <Typography.Link onClick={() => onPaper(r.raterId)}>{t('scoring.admin.enter')}</Typography.Link> : null}
          {r.finishedAt && period.status === 'scoring' ? <Typography.Link onClick={() => reopen(r)}>{t('scoring.admin.reopen')}</Typography.Link> : null}
        </Space>
      ),
    },
  ];
  const branchColumns = [
    { title: t('scoring.admin.col.code'), dataIndex: 'code', width: 120 },
    { title: t('scoring.admin.col.name'), dataIndex: 'name' },
    {
      title: t('scoring.admin.col.count'),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, b: BranchProgress) => `${b.scored} / ${b.expected}`,
    },
    { title: t('scoring.admin.col.progress'), width: 260, render: (_: unknown, b: BranchProgress) => <Progress percent={pct(b.scored, b.expected)} size="small" /> },
  ];

  return (
    <div className="rp-progress" data-testid="admin-progress">
      {period.status === 'review' || period.status === 'finalised' ? (
        <Alert
          type={period.status === 'review' ? 'warning' : 'success'}
          showIcon
          data-testid="period-state"
          title={t(period.status === 'review' ? 'scoring.admin.state.review' : 'scoring.admin.state.finalised', { name: period.name })}
          description={t(period.status === 'review' ? 'scoring.admin.state.reviewBody' : 'scoring.admin.state.finalisedBody')}
          action={
            <Space orientation="vertical">
              <Button type="primary" onClick={() => void navigate('/results')}>
                {t('scoring.admin.goResults')}
              </Button>
              <Button onClick={() => void navigate('/periods')}>{t('scoring.admin.goPeriods')}</Button>
            </Space>
          }
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('scoring.admin.blind')}
        </Typography.Paragraph>
      )}
      <div className="rp-sheet-toolbar">
        <Space size={12}>
          <Typography.Text strong data-testid="overall-progress">
            {data ? t('scoring.admin.overall', { scored: data.scored, expected: data.expected }) : ''}
          </Typography.Text>
          {data ? <Progress percent={pct(data.scored, data.expected)} size="small" style={{ width: 200, margin: 0 }} /> : null}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void progress.refetch()}>
            {t('scoring.admin.refresh')}
          </Button>
          {period.status !== 'finalised' ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setPicked(null);
                setPicking(true);
              }}
            >
              {t('scoring.admin.paper')}
            </Button>
          ) : null}
        </Space>
      </div>
      {progress.isError ? <Alert type="error" showIcon title={progress.error.message} /> : null}
      <Tabs
        items={[
          {
            key: 'raters',
            label: t('scoring.admin.byRater'),
            children: (
              <Table<RaterProgress>
                rowKey="raterId"
                size="middle"
                loading={progress.isPending}
                dataSource={data?.raters ?? []}
                columns={raterColumns}
                pagination={false}
                data-testid="progress-raters"
              />
            ),
          },
          {
            key: 'branches',
            label: t('scoring.admin.byBranch'),
            children: (
              <Table<BranchProgress>
                rowKey="branchId"
                size="middle"
                loading={progress.isPending}
                dataSource={data?.branches ?? []}
                columns={branchColumns}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
              />
            ),
          },
        ]}
      />
      <PickRaterModal
        open={picking}
        raters={data?.raters ?? []}
        picked={picked}
        onPick={setPicked}
        onCancel={() => setPicking(false)}
        onOk={() => {
          if (picked === null) return;
          setPicking(false);
          onPaper(picked);
        }}
      />
    </div>
  );
}

function PickRaterModal(props: {
  open: boolean;
  raters: RaterProgress[];
  picked: number | null;
  onPick: (id: number) => void;
  onCancel: () => void;
  onOk: () => void;
}) {
  return (
    <Modal
      open={props.open}
      title={t('scoring.admin.pickTitle')}
      okText={t('scoring.admin.pickOk')}
      okButtonProps={{ disabled: props.picked === null }}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('scoring.admin.pickBody')}</Typography.Paragraph>
      <Radio.Group value={props.picked} onChange={(e) => props.onPick(e.target.value as number)} className="rp-pick-raters">
        {props.raters.map((r) => (
          <Radio key={r.raterId} value={r.raterId}>
            {r.name}
            <Typography.Text type="secondary">
              {' '}
              · {r.groupName} · {r.scored} / {r.expected}
            </Typography.Text>
            {r.finishedAt ? (
              <Tag color="success" style={{ marginInlineStart: 8 }}>
                {t('scoring.admin.finished')}
              </Tag>
            ) : null}
          </Radio>
        ))}
      </Radio.Group>
    </Modal>
  );
}
