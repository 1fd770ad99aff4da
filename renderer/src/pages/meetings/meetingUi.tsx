/** Pieces the meeting screens share: the change hook, status and kind tags, small formatters. */
import { useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  agendaItemTitle,
  clockText,
  itemElapsedSeconds,
  MEETING_KIND_LABELS,
  type AgendaItem,
  type MeetingDetail,
  type MeetingKind,
  type MeetingStatus,
} from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { apiKey, invalidate } from '../../api/useApi';

/** After any change to a meeting: the list and the meeting itself (and its results) are read again. */
export function useMeetingsChanged() {
  const queryClient = useQueryClient();
  return (detail?: MeetingDetail) => {
    if (detail) queryClient.setQueryData(apiKey('meetings.get', { id: detail.id }), detail);
    void invalidate(queryClient, 'meetings');
  };
}

const STATUS_COLORS: Record<MeetingStatus, string> = { planned: 'default', in_progress: 'processing', closed: 'success' };

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="meeting-status">
      {t(`meetings.status.${status}`)}
    </Tag>
  );
}

const KIND_COLORS: Record<MeetingKind, string> = {
  kickoff: 'blue',
  coordination: 'cyan',
  analysis: 'geekblue',
  progress: 'purple',
  exchange: 'gold',
  assessment: 'red',
};

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {MEETING_KIND_LABELS[kind]}
    </Tag>
  );
}

export const itemTitle = agendaItemTitle;

/** Seconds the item has taken so far, on the main process's clock (offset: its clock minus ours). */
export const elapsedOf = (item: AgendaItem, offsetMs: number, nowMs = Date.now()) => itemElapsedSeconds(item, nowMs + offsetMs);

/** "12:05" for an item that has run, "—" for one that has not. */
export const spentText = (item: AgendaItem, offsetMs: number, nowMs = Date.now()) =>
  item.startedAt ? clockText(elapsedOf(item, offsetMs, nowMs)) : '—';

/** Points as printed everywhere: 2 decimals. */
export const pts = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** The current time, re-read every `ms` (for clocks). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** The main process's clock minus ours, from a meeting read at `readAt` (ms): clocks then agree with the stored timestamps. */
export const serverOffset = (detail: MeetingDetail | undefined, readAt: number) => (detail ? Date.parse(detail.serverNow) - readAt : 0);
