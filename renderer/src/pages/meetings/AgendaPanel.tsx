/**
 * The agenda of a meeting: progress over the items and the time, each item
 * with its state (current, revealed, done), the panel's scoring progress for
 * its branch (counts only), the decision; actions to move the meeting to an
 * item, reveal the current branch, and record decisions and notes.
 */
import { CheckCircleFilled, EditOutlined, EyeOutlined, PlayCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { clockState, longAgendaNote, type AgendaItem, type MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { AgendaEditor } from './AgendaEditor';
import { ItemDrawer } from './ItemDrawer';
import { elapsedOf, itemTitle, pts, serverOffset, spentText, useMeetingsChanged, useNow } from './meetingUi';

export function AgendaPanel({ meeting }: { meeting: MeetingDetail }) {
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [readAt] = useState(() => Date.now());
  const now = useNow();
  // The meeting object changes on every read; the offset is taken once per page (same PC, same clock, small drift).
  const offset = serverOffset(meeting, readAt);
  const running = meeting.status === 'in_progress';

  const itemParam = Number(params.get('item'));
  const openItem = meeting.items.find((i) => i.id === itemParam) ?? null;
  const setItem = (id: number | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id === null) next.delete('item');
        else next.set('item', String(id));
        return next;
      },
      { replace: true },
    );

  const goTo = useMutation({
    mutationFn: (index: number) => call('meetings.goTo', { id: meeting.id, itemIndex: index }),
    onSuccess: (d) => changed(d),
    onError: showError,
  });
  const reveal = useMutation({
    mutationFn: (item: AgendaItem) => call('meetings.reveal', { itemId: item.id }),
    onSuccess: (d, item) => {
      changed(d);
      void message.success(t('meetings.revealed', { branch: itemTitle(item) }));
      setItem(item.id);
    },
    onError: showError,
  });
  const confirmReveal = (item: AgendaItem) => {
    const missing = item.progress ? item.progress.ratersEligible - item.progress.ratersDone : 0;
    modal.confirm({
      title: t('meetings.reveal.title', { branch: item.branch ? `${item.branch.code} ${item.branch.name}` : '' }),
      content: (
        <>
          <p>{t('meetings.reveal.body')}</p>
          {missing > 0 && <p className="rpm-warn">{t('meetings.reveal.incomplete', { missing })}</p>}
        </>
      ),
      okText: t('meetings.reveal.ok'),
      cancelText: t('meetings.form.cancel'),
      onOk: () => reveal.mutate(item),
    });
  };

  const currentIndex = meeting.items.findIndex((i) => i.id === meeting.currentItemId);
  const done = meeting.items.filter((i) => i.startedAt && i.id !== meeting.currentItemId).length;
  const planned = meeting.items.reduce((s, i) => s + i.plannedMinutes, 0);
  const used = Math.round(meeting.items.reduce((s, i) => s + (i.startedAt ? elapsedOf(i, offset, now) : 0), 0) / 60);

  const stateOf = (item: AgendaItem) => {
    const current = running && item.id === meeting.currentItemId;
    return (
      <Space size={4} wrap>
        {current && <Tag color="red">{t('meetings.agenda.state.current')}</Tag>}
        {item.revealedAt ? (
          <Tag color="green" data-testid={`revealed-${item.id}`}>
            {item.revealedTotal !== null ? t('meetings.agenda.state.revealedTotal', { total: pts(item.revealedTotal) }) : t('meetings.agenda.state.revealed')}
          </Tag>
        ) : null}
        {item.revealedTotal !== null && item.totalNow !== null ? (
          <Tooltip title={t('meetings.agenda.state.totalNowTip', { then: pts(item.revealedTotal), now: pts(item.totalNow) })}>
            <Tag color="orange" data-testid={`total-now-${item.id}`}>
              {t('meetings.agenda.state.totalNow', { total: pts(item.totalNow) })}
            </Tag>
          </Tooltip>
        ) : null}
        {!current && !item.revealedAt && (item.startedAt ? <Tag>{t('meetings.agenda.state.done')}</Tag> : <Typography.Text type="secondary">{t('meetings.agenda.state.waiting')}</Typography.Text>)}
      </Space>
    );
  };

  return (
    <div data-testid="agenda-panel">
      <div className="rpm-agenda-bar">
        <div className="rpm-agenda-progress">
          <Space size={16} wrap>
            <b>{t('meetings.agenda.progress', { done: done + (currentIndex >= 0 && running ? 1 : 0), total: meeting.items.length })}</b>
            <span>{t('meetings.agenda.revealed', { count: meeting.revealedCount })}</span>
            <span>{t('meetings.agenda.time', { planned, used })}</span>
            {longAgendaNote(planned) && (
              <Typography.Text type="warning" data-testid="agenda-long">
                {longAgendaNote(planned)}
              </Typography.Text>
            )}
          </Space>
          <Progress
            percent={meeting.items.length ? Math.round((100 * (done + (currentIndex >= 0 && running ? 1 : 0))) / meeting.items.length) : 0}
            showInfo={false}
            size="small"
            strokeColor="#c8102e"
          />
        </div>
        <Button icon={<UnorderedListOutlined />} onClick={() => setEditing(true)}>
          {t('meetings.agenda.edit')}
        </Button>
      </div>
      <Table<AgendaItem>
        rowKey="id"
        size="middle"
        dataSource={meeting.items}
        pagination={false}
        scroll={{ x: 1020 }}
        rowClassName={(item) => (running && item.id === meeting.currentItemId ? 'rpm-current-row' : '')}
        locale={{
          emptyText: (
            <Empty description={<span><b>{t('meetings.agenda.empty')}</b><br />{t('meetings.agenda.emptyBody')}</span>}>
              <Button type="primary" onClick={() => setEditing(true)}>
                {t('meetings.agenda.edit')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          { title: t('meetings.agenda.col.index'), width: 56, align: 'center', render: (_, _i, index) => index + 1 },
          {
            title: t('meetings.agenda.col.item'),
            width: 240,
            render: (_, item) => (
              <div>
                <Typography.Link onClick={() => setItem(item.id)}>
                  {item.kind === 'report' && item.branch ? `${item.branch.code} ${item.branch.name}` : item.title}
                </Typography.Link>
                <div className="rpm-sub">
                  {item.kind === 'report' ? (
                    <>
                      {t('meetings.agenda.report')}
                      {item.branch?.secretary && `\u3000${t('meetings.agenda.secretary', { name: item.branch.secretary })}`}
                      {item.branch && !item.branch.inPeriod && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('meetings.agenda.notInPeriod')}</Tag>}
                    </>
                  ) : null}
                </div>
              </div>
            ),
          },
          {
            title: t('meetings.agenda.col.minutes'),
            width: 124,
            render: (_, item) => {
              const state = clockState(elapsedOf(item, offset, now), item.plannedMinutes);
              return (
                <span className="rp-nowrap">
                  {t('meetings.agenda.minutesValue', { planned: item.plannedMinutes })}
                  {' / '}
                  <span className={`rpm-clock-${state}`} data-testid={`spent-${item.id}`}>
                    {spentText(item, offset, now)}
                  </span>
                </span>
              );
            },
          },
          {
            title: t('meetings.agenda.col.progress'),
            width: 100,
            render: (_, item) =>
              item.progress ? (
                <span className="rp-nowrap">
                  {item.progress.ratersDone === item.progress.ratersEligible && item.progress.ratersEligible > 0 && <CheckCircleFilled style={{ color: '#1a7f37', marginInlineEnd: 4 }} />}
                  <Tooltip title={t('meetings.agenda.ratersDoneHint')}>
                    <span data-testid={`progress-${item.id}`}>{t('meetings.agenda.ratersDone', { done: item.progress.ratersDone, eligible: item.progress.ratersEligible })}</span>
                  </Tooltip>
                </span>
              ) : (
                '—'
              ),
          },
          { title: t('meetings.agenda.col.state'), width: 124, render: (_, item) => stateOf(item) },
          {
            title: t('meetings.agenda.col.decision'),
            width: 180,
            ellipsis: true,
            render: (_, item) => item.decision || <Typography.Text type="secondary">{t('meetings.agenda.noDecision')}</Typography.Text>,
          },
          {
            title: t('meetings.agenda.col.actions'),
            width: 200,
            fixed: 'right',
            render: (_, item, index) => (
              <Space size={12} className="rp-nowrap">
                {running && item.id !== meeting.currentItemId && (
                  <Typography.Link onClick={() => goTo.mutate(index)}>
                    <PlayCircleOutlined /> {t('meetings.agenda.goTo')}
                  </Typography.Link>
                )}
                {running && item.id === meeting.currentItemId && item.kind === 'report' && !item.revealedAt && (
                  <Typography.Link onClick={() => confirmReveal(item)} data-testid="reveal-current">
                    <EyeOutlined /> {t('meetings.agenda.reveal')}
                  </Typography.Link>
                )}
                <Typography.Link onClick={() => setItem(item.id)}>
                  <EditOutlined /> {t(item.revealedAt ? 'meetings.agenda.view' : 'meetings.agenda.record')}
                </Typography.Link>
              </Space>
            ),
          },
        ]}
      />
      {editing && <AgendaEditor meeting={meeting} onClose={() => setEditing(false)} />}
      <ItemDrawer meeting={meeting} item={openItem} index={openItem ? meeting.items.indexOf(openItem) : -1} onClose={() => setItem(null)} />
    </div>
  );
}
