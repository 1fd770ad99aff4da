/** The minutes (会议纪要): a draft generated from the meeting's record, edited here and saved (Ctrl+S). */
import { FileTextOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { useMeetingsChanged } from './meetingUi';

const localTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function MinutesPanel({ meeting }: { meeting: MeetingDetail }) {
  // Starts again from the stored text whenever it was saved (here or elsewhere).
  return <MinutesEditor key={meeting.minutesSavedAt ?? 'never'} meeting={meeting} />;
}

function MinutesEditor({ meeting }: { meeting: MeetingDetail }) {
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [text, setText] = useState(meeting.minutesText);
  const dirty = text !== meeting.minutesText;

  const draft = useMutation({
    mutationFn: () => call('meetings.draftMinutes', { id: meeting.id }),
    onSuccess: (d) => {
      setText(d.text);
      void message.success(t('meetings.minutes.drafted'));
    },
    onError: showError,
  });
  const save = useMutation({
    mutationFn: () => call('meetings.saveMinutes', { id: meeting.id, text }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.minutes.saved'));
    },
    onError: showError,
  });
  const askDraft = () => {
    if (!text.trim()) {
      draft.mutate();
      return;
    }
    modal.confirm({
      title: t('meetings.minutes.replace.title'),
      content: t('meetings.minutes.replace.body'),
      okText: t('meetings.minutes.replace.ok'),
      cancelText: t('meetings.form.cancel'),
      onOk: () => draft.mutate(),
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() === 's' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (dirty) save.mutate();
    }
  };

  return (
    <div data-testid="minutes-panel">
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Space wrap>
          <Button icon={<FileTextOutlined />} onClick={askDraft} loading={draft.isPending}>
            {t('meetings.minutes.draft')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
            {t('meetings.minutes.save')}
          </Button>
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="minutes-state">
            {dirty ? t('meetings.minutes.unsaved') : meeting.minutesSavedAt ? t('meetings.minutes.savedAt', { time: localTime(meeting.minutesSavedAt) }) : t('meetings.minutes.never')}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {t('meetings.minutes.hint')}{'\u3000'}{t('meetings.minutes.chars', { count: text.length })}
        </Typography.Text>
      </div>
      <Input.TextArea
        className="rpm-minutes"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        autoSize={{ minRows: 18, maxRows: 40 }}
        maxLength={50_000}
        placeholder={t('meetings.minutes.placeholder')}
        aria-label={t('meetings.tab.minutes')}
      />
    </div>
  );
}
