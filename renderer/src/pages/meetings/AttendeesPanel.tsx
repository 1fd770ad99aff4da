/**
 * Attendance: the period's raters and other attendees (列席), present or absent with a note. Saved by
 * itself, like everything else in the app: each change is stored as a whole list shortly after the
 * last keystroke, and the list is never re-read under the user's cursor while they type.
 */
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Empty, Input, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
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

/** How long after the last change the list is saved (typing a note saves once, not per keystroke). */
const SAVE_DELAY_MS = 700;

export function AttendeesPanel({ meeting }: { meeting: MeetingDetail }) {
  return <AttendeesEditor key={meeting.id} meeting={meeting} />;
}

function AttendeesEditor({ meeting }: { meeting: MeetingDetail }) {
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(meeting));
  // Each edit is a revision; the list is saved until the saved revision catches up with the latest.
  const [revision, setRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const dirty = revision !== savedRevision;
  const [guest, setGuest] = useState({ name: '', title: '' });
  const panel = useApi('panel.get', { periodId: meeting.periodId });

  const edit = (next: Row[]) => {
    setRows(next);
    setRevision((r) => r + 1);
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
    mutationFn: ({ list }: { list: Row[]; revision: number }) =>
      call('meetings.saveAttendees', { meetingId: meeting.id, attendees: list.map((r) => ({ raterId: r.raterId, name: r.name, title: r.title, present: r.present, note: r.note })) }),
    onSuccess: (d, saved) => {
      changed(d);
      // Edits made while this list was being saved keep the list dirty: the next save follows.
      setSavedRevision((s) => Math.max(s, saved.revision));
    },
    onError: showError,
  });
  const { mutate } = save;
  // The save still waiting for its delay: run at once when the panel closes, so no change is lost.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (revision === savedRevision) return;
    const run = () => {
      pending.current = null;
      mutate({ list: rows, revision });
    };
    pending.current = run;
    const timer = setTimeout(run, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [rows, revision, savedRevision, mutate]);
  useEffect(() => () => pending.current?.(), []);

  const present = rows.filter((r) => r.present).length;
  return (
    <div data-testid="attendees-panel">
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Space wrap>
          <Typography.Text strong>{t('meetings.att.summary', { present, absent: rows.length - present })}</Typography.Text>
          <Typography.Text type="secondary" data-testid="attendees-save-state">
            {save.isPending || dirty ? t('meetings.att.saving') : save.isSuccess ? t('meetings.att.saved') : t('meetings.att.autosave')}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<TeamOutlined />} onClick={addRaters} disabled={!panel.data}>
            {t('meetings.att.addRaters')}
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
