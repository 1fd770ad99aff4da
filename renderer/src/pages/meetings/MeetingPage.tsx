/**
 * One meeting: its particulars and state, the actions that run it (start,
 * presenter view, close), and four tabs — the agenda with progress, decisions
 * and revealed scores; attendance; the minutes; the publication of results.
 * The open tab and item live in the address (?tab=…&item=…).
 */
import { ArrowLeftOutlined, CaretRightOutlined, DesktopOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Spin, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { PeriodStatusTag } from '../../components/period/periodUi';
import { OutdatedRecords } from '../../components/OutdatedRecords';
import { AgendaPanel } from './AgendaPanel';
import { AttendeesPanel } from './AttendeesPanel';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingKindTag, MeetingStatusTag, useMeetingsChanged } from './meetingUi';
import { MinutesPanel } from './MinutesPanel';
import { PublicationPanel } from './PublicationPanel';

const TABS = ['agenda', 'attendees', 'minutes', 'publication'] as const;
type TabKey = (typeof TABS)[number];

export function MeetingPage() {
  const { meetingId } = useParams();
  const id = Number(meetingId);
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const meeting = useApi('meetings.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const periodId = meeting.data?.periodId ?? null;
  const period = useApi('periods.get', { id: periodId! }, { enabled: periodId !== null });

  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'agenda';
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'agenda') next.delete('tab');
        else next.set('tab', key);
        next.delete('item');
        return next;
      },
      { replace: true },
    );

  const start = useMutation({
    mutationFn: () => call('meetings.start', { id }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.started'));
    },
    onError: showError,
  });
  const close = useMutation({
    mutationFn: () => call('meetings.close', { id }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.closed'));
    },
    onError: showError,
  });

  if (meeting.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (meeting.isError) {
    return (
      <div className="rp-page">
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/meetings')} style={{ paddingInline: 0 }}>
          {t('meetings.back')}
        </Button>
        <Alert type="error" showIcon title={meeting.error.message} />
      </div>
    );
  }
  const m = meeting.data;
  const confirmClose = () =>
    modal.confirm({
      title: t('meetings.close.title', { title: m.title }),
      content: t('meetings.close.body'),
      okText: t('meetings.action.close'),
      cancelText: t('meetings.form.cancel'),
      onOk: () => close.mutate(),
    });

  const facts = [
    t('meetings.line.time', { date: m.date, time: m.startTime }).trim(),
    m.place && t('meetings.line.place', { place: m.place }),
    m.chair && t('meetings.line.chair', { chair: m.chair }),
    t('meetings.line.attendance', { present: m.presentCount, total: m.attendeeCount }),
  ].filter(Boolean);

  return (
    <div className="rp-page rpm-meeting" data-testid="meeting-page">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/meetings')} style={{ paddingInline: 0, height: 'auto' }}>
        {t('meetings.back')}
      </Button>
      <div className="rpm-head">
        <div className="rpm-head-main">
          <Space size={10} wrap align="center">
            <MeetingKindTag kind={m.kind} />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
              {m.title}
            </Typography.Title>
            <MeetingStatusTag status={m.status} />
          </Space>
          <div className="rpm-facts">
            {facts.map((f) => (
              <span key={f}>{f}</span>
            ))}
            <span>
              {t('meetings.line.period', { period: m.periodName })} <PeriodStatusTag status={m.periodStatus} />
            </span>
          </div>
        </div>
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('meetings.action.edit')}
          </Button>
          {m.status === 'in_progress' && (
            <Button icon={<StopOutlined />} onClick={confirmClose} loading={close.isPending}>
              {t('meetings.action.close')}
            </Button>
          )}
          {m.status !== 'in_progress' && (
            <Button icon={<CaretRightOutlined />} onClick={() => start.mutate()} loading={start.isPending} disabled={m.itemCount === 0}>
              {t(m.status === 'closed' ? 'meetings.action.resume' : 'meetings.action.start')}
            </Button>
          )}
          <Tooltip title={t('meetings.presenterHint')}>
            <Button type="primary" icon={<DesktopOutlined />} onClick={() => void navigate(`/present/${m.id}`)}>
              {t('meetings.action.presenter')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      {m.periodStatus === 'scoring' && <Alert className="rpm-blind" type="info" showIcon title={t('meetings.blind.scoring')} />}
      {m.periodStatus === 'draft' && <Alert className="rpm-blind" type="warning" showIcon title={t('meetings.blind.draft')} />}
      <OutdatedRecords periodId={m.periodId} meetingId={m.id} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'agenda', label: `${t('meetings.tab.agenda')}（${m.itemCount}）`, children: <AgendaPanel meeting={m} /> },
          { key: 'attendees', label: `${t('meetings.tab.attendees')}（${m.presentCount}/${m.attendeeCount}）`, children: <AttendeesPanel meeting={m} /> },
          { key: 'minutes', label: t('meetings.tab.minutes'), children: <MinutesPanel meeting={m} /> },
          { key: 'publication', label: t('meetings.tab.publication'), children: <PublicationPanel periodId={m.periodId} periodName={m.periodName} periodStatus={m.periodStatus} /> },
        ]}
      />
      {period.data && <MeetingFormModal open={editing} period={period.data} meeting={m} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </div>
  );
}
