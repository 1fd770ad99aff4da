/**
 * 评审会: the meetings of the current period (list, create, edit, delete), one
 * meeting's page (agenda, attendance, minutes, publication), and — for a
 * rater signed in on the shared PC — the meeting to follow and score.
 * The presenter view lives outside the layout (PresenterPage, /present/:id).
 */
import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import type { MeetingSummary } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { FollowView } from './FollowView';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingPage } from './MeetingPage';
import { MeetingKindTag, MeetingStatusTag, useMeetingsChanged } from './meetingUi';
import './meetings.css';

export function MeetingsPage() {
  const session = useApi('session.get', {});
  if (session.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (session.data?.kind === 'rater') return <FollowView session={session.data} />;
  return (
    <Routes>
      <Route index element={<MeetingList />} />
      <Route path=":meetingId" element={<MeetingPage />} />
    </Routes>
  );
}

function MeetingList() {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const { periodId, period, loading } = useCurrentPeriod();
  const [editing, setEditing] = useState<MeetingSummary | 'new' | null>(null);
  const meetings = useApi('meetings.list', { periodId: periodId! }, { enabled: periodId !== null });
  const remove = useMutation({
    mutationFn: (m: MeetingSummary) => call('meetings.delete', { id: m.id }),
    onSuccess: (_v, m) => {
      changed();
      void message.success(t('meetings.deleted', { title: m.title }));
    },
    onError: showError,
  });

  const header = (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('meetings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('meetings.intro')}
      </Typography.Paragraph>
    </>
  );

  if (loading) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (periodId === null) {
    return (
      <div className="rp-page">
        {header}
        <Empty description={<span><b>{t('meetings.noPeriod.title')}</b><br />{t('meetings.noPeriod.body')}</span>} style={{ marginTop: 64 }}>
          <Button type="primary" onClick={() => void navigate('/periods')}>
            {t('meetings.noPeriod.go')}
          </Button>
        </Empty>
      </div>
    );
  }

  const rows = meetings.data ?? [];
  const confirmDelete = (m: MeetingSummary) =>
    modal.confirm({
      title: t('meetings.delete.title', { title: m.title }),
      content: (
        <>
          {m.status !== 'planned' && <p>{t('meetings.delete.held', { status: t(`meetings.status.${m.status}`) })}</p>}
          <p>{t('meetings.delete.body')}</p>
        </>
      ),
      okText: t('meetings.action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('meetings.form.cancel'),
      onOk: () => remove.mutate(m),
    });

  return (
    <div className="rp-page">
      {header}
      {meetings.isError && (
        <Alert type="error" showIcon title={t('meetings.loadFailed')} description={meetings.error.message} action={<Button onClick={() => void meetings.refetch()}>{t('meetings.retry')}</Button>} />
      )}
      <div className="rp-toolbar">
        <Typography.Text type="secondary">{rows.length ? t('meetings.count', { count: rows.length }) : ''}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('meetings.action.create')}
        </Button>
      </div>
      <Table<MeetingSummary>
        rowKey="id"
        size="middle"
        loading={meetings.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 980 }}
        locale={{
          emptyText: (
            <Empty description={<span><b>{t('meetings.empty.title')}</b><br />{t('meetings.empty.body')}</span>}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('meetings.action.create')}
              </Button>
            </Empty>
          ),
        }}
        onRow={(m) => ({ onDoubleClick: () => void navigate(`/meetings/${m.id}`) })}
        columns={[
          {
            title: t('meetings.col.meeting'),
            render: (_, m) => (
              <Space size={8}>
                <MeetingKindTag kind={m.kind} />
                <Typography.Link onClick={() => void navigate(`/meetings/${m.id}`)}>{m.title}</Typography.Link>
              </Space>
            ),
          },
          { title: t('meetings.col.date'), width: 136, render: (_, m) => `${m.date}${m.startTime ? ` ${m.startTime}` : ''}` },
          {
            title: `${t('meetings.col.place')} / ${t('meetings.col.chair')}`,
            width: 190,
            ellipsis: true,
            render: (_, m) => (
              <>
                <div className="rpm-ellipsis">{m.place || '—'}</div>
                <Typography.Text type="secondary" className="rpm-ellipsis">
                  {m.chair}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('meetings.col.agenda'),
            width: 124,
            render: (_, m) => (
              <>
                {t('meetings.agendaCount', { count: m.itemCount })}
                {m.revealedCount > 0 && <Typography.Text type="secondary">{`\u3000${t('meetings.revealedCount', { count: m.revealedCount })}`}</Typography.Text>}
              </>
            ),
          },
          { title: t('meetings.col.attendance'), width: 90, render: (_, m) => t('meetings.attendanceCount', { present: m.presentCount, total: m.attendeeCount }) },
          { title: t('meetings.col.status'), width: 84, render: (_, m) => <MeetingStatusTag status={m.status} /> },
          {
            title: t('meetings.col.actions'),
            width: 200,
            fixed: 'right',
            render: (_, m) => (
              <Space size={12} className="rp-nowrap">
                <Typography.Link onClick={() => void navigate(`/meetings/${m.id}`)}>{t('meetings.action.open')}</Typography.Link>
                <Typography.Link onClick={() => void navigate(`/present/${m.id}`)}>
                  <DesktopOutlined /> {t('meetings.action.present')}
                </Typography.Link>
                <Typography.Link onClick={() => setEditing(m)}>{t('meetings.action.edit')}</Typography.Link>
                <Typography.Link type="danger" onClick={() => confirmDelete(m)}>
                  {t('meetings.action.delete')}
                </Typography.Link>
              </Space>
            ),
          },
        ]}
      />
      {period && (
        <MeetingFormModal
          open={editing !== null}
          period={period}
          meeting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(m, created) => {
            setEditing(null);
            if (created) void navigate(`/meetings/${m.id}`);
          }}
        />
      )}
    </div>
  );
}
