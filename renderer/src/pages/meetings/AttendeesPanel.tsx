/** Attendance: the period's raters and other attendees (列席), present or absent with a note; saved as a whole. */
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Empty, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { useMeetingsChanged } from './meetingUi';

interface Row {
  key: string;
  raterId: number | null;
  name: string;
  title: string;
  present: boolean;
  note: string;
  groupName: string | null;
}

let counter = 0;
const rowsOf = (m: MeetingDetail): Row[] => m.attendees.map((a) => ({ key: String(a.id), raterId: a.raterId, name: a.name, title: a.title, present: a.present, note: a.note, groupName: a.groupName }));

export function AttendeesPanel({ meeting }: { meeting: MeetingDetail }) {
  // A fresh list whenever the stored one changes (after saving, or another screen's change).
  return <AttendeesEditor key={meeting.attendees.map((a) => `${a.id}:${a.present ? 1 : 0}:${a.note}`).join('|')} meeting={meeting} />;
}

function AttendeesEditor({ meeting }: { meeting: MeetingDetail }) {
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(meeting));
  const [dirty, setDirty] = useState(false);
  const [guest, setGuest] = useState({ name: '', title: '' });
  const panel = useApi('panel.get', { periodId: meeting.periodId });

  const edit = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const update = (key: string, patch: Partial<Row>) => edit(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRaters = () => {
    const inList = new Set(rows.map((r) => r.raterId));
    const groups = new Map((panel.data?.groups ?? []).map((g) => [g.id, g.name]));
    const missing = (panel.data?.raters ?? []).filter((r) => !inList.has(r.id));
    if (!missing.length) {
      void message.info(t('meetings.att.addRatersNone'));
      return;
    }
    edit([...rows, ...missing.map((r) => ({ key: `new-${++counter}`, raterId: r.id, name: r.name, title: r.title, present: true, note: '', groupName: groups.get(r.groupId) ?? null }))]);
    void message.success(t('meetings.att.addRatersDone', { count: missing.length }));
  };
  const addGuest = () => {
    if (!guest.name.trim()) return;
    edit([...rows, { key: `new-${++counter}`, raterId: null, name: guest.name.trim(), title: guest.title.trim(), present: true, note: '', groupName: null }]);
    setGuest({ name: '', title: '' });
  };

  const save = useMutation({
    mutationFn: () => call('meetings.saveAttendees', { meetingId: meeting.id, attendees: rows.map((r) => ({ raterId: r.raterId, name: r.name, title: r.title, present: r.present, note: r.note })) }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.att.saved'));
    },
    onError: showError,
  });

  const present = rows.filter((r) => r.present).length;
  return (
    <div data-testid="attendees-panel">
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Space wrap>
          <Typography.Text strong>{t('meetings.att.summary', { present, absent: rows.length - present })}</Typography.Text>
          {dirty && <Typography.Text type="warning">{t('meetings.att.unsaved')}</Typography.Text>}
        </Space>
        <Space wrap>
          <Button icon={<TeamOutlined />} onClick={addRaters} disabled={!panel.data}>
            {t('meetings.att.addRaters')}
          </Button>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
            {t('meetings.att.save')}
          </Button>
        </Space>
      </div>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('meetings.att.empty')} /> }}
        columns={[
          { title: t('meetings.att.col.name'), dataIndex: 'name', width: 120 },
          {
            title: t('meetings.att.col.title'),
            width: 200,
            render: (_, r) => <Input size="small" value={r.title} maxLength={40} onChange={(e) => update(r.key, { title: e.target.value })} aria-label={`${r.name} ${t('meetings.att.col.title')}`} />,
          },
          {
            title: t('meetings.att.col.role'),
            width: 130,
            render: (_, r) => (r.raterId !== null ? t('meetings.att.rater', { group: r.groupName ?? '' }) : t('meetings.att.guest')),
          },
          {
            title: t('meetings.att.col.present'),
            width: 150,
            render: (_, r) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={r.present}
                onChange={(e) => update(r.key, { present: e.target.value as boolean })}
                options={[
                  { value: true, label: t('meetings.att.present') },
                  { value: false, label: t('meetings.att.absent') },
                ]}
                aria-label={`${r.name} ${t('meetings.att.col.present')}`}
              />
            ),
          },
          {
            title: t('meetings.att.col.note'),
            render: (_, r) => (
              <Input size="small" value={r.note} maxLength={100} placeholder={r.present ? '' : t('meetings.att.notePlaceholder')} onChange={(e) => update(r.key, { note: e.target.value })} aria-label={`${r.name} ${t('meetings.att.col.note')}`} />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, r) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => edit(rows.filter((x) => x.key !== r.key))} aria-label={`${t('meetings.att.remove')} ${r.name}`} />
            ),
          },
        ]}
      />
      <Space.Compact style={{ marginTop: 12 }}>
        <Input
          style={{ width: 140 }}
          placeholder={t('meetings.att.guestName')}
          value={guest.name}
          maxLength={30}
          onChange={(e) => setGuest({ ...guest, name: e.target.value })}
          onPressEnter={addGuest}
          aria-label={t('meetings.att.guestName')}
        />
        <Input
          style={{ width: 220 }}
          placeholder={t('meetings.att.guestTitle')}
          value={guest.title}
          maxLength={40}
          onChange={(e) => setGuest({ ...guest, title: e.target.value })}
          onPressEnter={addGuest}
          aria-label={t('meetings.att.guestTitle')}
        />
        <Button icon={<PlusOutlined />} onClick={addGuest} disabled={!guest.name.trim()}>
          {t('meetings.att.addGuest')}
        </Button>
      </Space.Compact>
    </div>
  );
}
