/** One agenda item: the branch, its revealed scores, and the decision and notes to minute (Ctrl+Enter saves). */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Input, Space, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { ItemResultView } from './ItemResultView';
import { itemTitle, useMeetingsChanged } from './meetingUi';

interface Props {
  meeting: MeetingDetail;
  item: AgendaItem | null;
  index: number;
  onClose: () => void;
}

export function ItemDrawer({ meeting, item, index, onClose }: Props) {
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={720}
      title={item ? t('meetings.item.title', { index: index + 1, title: itemTitle(item) }) : ''}
      destroyOnHidden
    >
      {item && <ItemBody key={item.id} meeting={meeting} item={item} index={index} />}
    </Drawer>
  );
}

function ItemBody({ item, index }: { meeting: MeetingDetail; item: AgendaItem; index: number }) {
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const [decision, setDecision] = useState(item.decision);
  const [notes, setNotes] = useState(item.notes);
  const dirty = decision !== item.decision || notes !== item.notes;
  const save = useMutation({
    mutationFn: () => call('meetings.saveItem', { itemId: item.id, decision, notes }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.item.saved', { index: index + 1 }));
    },
    onError: showError,
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save.mutate();
    }
  };

  return (
    <div className="rpm-item">
      {item.branch && (
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'unit', label: t('branch.field.unit'), children: item.branch.unit || '—' },
            { key: 'sec', label: t('branch.field.secretary'), children: item.branch.secretary || '—' },
            { key: 'mem', label: t('branch.field.memberCount'), children: item.branch.memberCount ?? '—' },
          ]}
        />
      )}
      {item.kind === 'report' ? (
        item.revealedAt ? (
          <ItemResultView itemId={item.id} />
        ) : (
          <Alert type="info" showIcon title={t('meetings.item.notRevealed')} />
        )
      ) : (
        <Typography.Text type="secondary">{t('meetings.item.notReport')}</Typography.Text>
      )}
      <Form layout="vertical" style={{ marginTop: 20 }} onKeyDown={onKey}>
        <Form.Item label={t('meetings.item.decision')}>
          <Input.TextArea
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('meetings.item.decisionPlaceholder')}
            aria-label={t('meetings.item.decision')}
          />
        </Form.Item>
        <Form.Item label={t('meetings.item.notes')}>
          <Input.TextArea
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={4000}
            placeholder={t('meetings.item.notesPlaceholder')}
            aria-label={t('meetings.item.notes')}
          />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
            {t('meetings.item.save')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('meetings.minutes.unsaved')}</Typography.Text>}
        </Space>
      </Form>
    </div>
  );
}
