/**
 * The agenda builder: every branch of the period as 述职评议 in one click,
 * single 述职评议 or other items, reorder (buttons, keyboard: Alt+↑/↓ on a
 * row), planned minutes. Items the meeting has dealt with cannot be removed.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { DEFAULT_REPORT_MINUTES, longAgendaNote, type MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { useMeetingsChanged } from './meetingUi';

interface Row {
  key: string;
  id: number | null;
  kind: 'report' | 'other';
  branchId: number | null;
  title: string;
  plannedMinutes: number;
  /** Dealt with by the meeting: stays on the agenda. */
  locked: boolean;
}

let counter = 0;
const newKey = () => `new-${++counter}`;

const rowsOf = (meeting: MeetingDetail): Row[] =>
  meeting.items.map((i) => ({
    key: String(i.id),
    id: i.id,
    kind: i.kind,
    branchId: i.branch?.id ?? null,
    title: i.title,
    plannedMinutes: i.plannedMinutes,
    locked: !!(i.startedAt || i.revealedAt || i.decision || i.notes),
  }));

/** Mount it only while open (its rows start from the meeting as it was then). */
export function AgendaEditor({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  // Mounted when the dialog opens: later reads of the meeting do not discard the edits.
  const [rows, setRows] = useState<Row[]>(() => rowsOf(meeting));
  const period = useApi('periods.get', { id: meeting.periodId });
  const branches = useApi('branches.list', { includeArchived: true });

  const names = new Map((branches.data ?? []).map((b) => [b.id, `${b.code} ${b.name}`]));
  const inPeriod = period.data?.branchIds ?? [];
  const used = new Set(rows.filter((r) => r.kind === 'report').map((r) => r.branchId));
  const branchOptions = (current: number | null) =>
    inPeriod.filter((id) => id === current || !used.has(id)).map((id) => ({ value: id, label: names.get(id) ?? String(id) }));

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, delta: number) =>
    setRows((rs) => {
      const to = index + delta;
      if (to < 0 || to >= rs.length) return rs;
      const next = [...rs];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });
  const addAll = () => {
    const missing = inPeriod.filter((id) => !used.has(id));
    if (missing.length === 0) {
      void message.info(t('meetings.editor.addAllNone'));
      return;
    }
    setRows((rs) => [...rs, ...missing.map((id) => ({ key: newKey(), id: null, kind: 'report' as const, branchId: id, title: '', plannedMinutes: DEFAULT_REPORT_MINUTES, locked: false }))]);
    void message.success(t('meetings.editor.addAllDone', { count: missing.length }));
  };
  const addReport = () => setRows((rs) => [...rs, { key: newKey(), id: null, kind: 'report', branchId: null, title: '', plannedMinutes: DEFAULT_REPORT_MINUTES, locked: false }]);
  const addOther = () => setRows((rs) => [...rs, { key: newKey(), id: null, kind: 'other', branchId: null, title: '', plannedMinutes: 5, locked: false }]);

  const save = useMutation({
    mutationFn: () =>
      call('meetings.saveAgenda', {
        meetingId: meeting.id,
        items: rows.map((r) => ({ id: r.id, kind: r.kind, branchId: r.kind === 'report' ? r.branchId : null, title: r.kind === 'other' ? r.title : '', plannedMinutes: r.plannedMinutes })),
      }),
    onSuccess: (d) => {
      changed(d);
      void message.success(t('meetings.editor.saved'));
      onClose();
    },
    onError: showError,
  });

  const onRowKey = (e: KeyboardEvent, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? -1 : 1);
  };
  const total = rows.reduce((s, r) => s + (r.plannedMinutes || 0), 0);

  return (
    <Modal
      open
      title={t('meetings.editor.title')}
      width={860}
      okText={t('meetings.editor.save')}
      cancelText={t('meetings.form.cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<TeamOutlined />} onClick={addAll} disabled={!period.data}>
          {t('meetings.editor.addAll')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={addReport}>
          {t('meetings.editor.addReport')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={addOther}>
          {t('meetings.editor.addOther')}
        </Button>
        <Typography.Text type="secondary">{t('meetings.editor.total', { count: rows.length, minutes: total })}</Typography.Text>
        {longAgendaNote(total) && <Typography.Text type="warning">{longAgendaNote(total)}</Typography.Text>}
      </Space>
      {rows.length === 0 ? (
        <Empty description={t('meetings.editor.empty')} />
      ) : (
        <ol className="rpm-editor" data-testid="agenda-editor">
          {rows.map((r, index) => (
            <li key={r.key} className="rpm-editor-row" onKeyDown={(e) => onRowKey(e, index)}>
              <span className="rpm-editor-index">{index + 1}</span>
              {r.kind === 'report' ? (
                <>
                  <Tag color="red">{t('meetings.agenda.report')}</Tag>
                  <Select
                    className="rpm-editor-main"
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('meetings.editor.branchPlaceholder')}
                    value={r.branchId ?? undefined}
                    options={r.branchId !== null && !inPeriod.includes(r.branchId) ? [{ value: r.branchId, label: names.get(r.branchId) ?? '' }] : branchOptions(r.branchId)}
                    disabled={r.locked}
                    onChange={(v: number) => update(r.key, { branchId: v })}
                    aria-label={t('meetings.editor.branchPlaceholder')}
                  />
                </>
              ) : (
                <>
                  <Tag>{t('meetings.editor.other')}</Tag>
                  <Input
                    className="rpm-editor-main"
                    value={r.title}
                    maxLength={80}
                    placeholder={t('meetings.editor.titlePlaceholder')}
                    onChange={(e) => update(r.key, { title: e.target.value })}
                  />
                </>
              )}
              <InputNumber
                min={0}
                max={600}
                value={r.plannedMinutes}
                onChange={(v) => update(r.key, { plannedMinutes: v ?? 0 })}
                style={{ width: 76 }}
                aria-label={t('meetings.agenda.col.minutes')}
              />
              <span className="rpm-editor-unit">{t('meetings.editor.minutes')}</span>
              <Tooltip title={t('meetings.editor.up')}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('meetings.editor.up')} />
              </Tooltip>
              <Tooltip title={t('meetings.editor.down')}>
                <Button size="small" icon={<ArrowDownOutlined />} disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={t('meetings.editor.down')} />
              </Tooltip>
              <Tooltip title={r.locked ? t('meetings.editor.locked') : t('meetings.editor.remove')}>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={r.locked}
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                  aria-label={t('meetings.editor.remove')}
                />
              </Tooltip>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
