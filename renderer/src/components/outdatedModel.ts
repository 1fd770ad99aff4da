/**
 * What the “out of date” notice says, apart from React: the records made from
 * earlier results sorted into what was announced in a meeting (reveals), what
 * was published (公示) and the documents the app can write again, each in a
 * line a reader at the plant understands — what was said then, what is true now.
 */
import dayjs from 'dayjs';
import { isDocumentRecordKind, type OutdatedRecord, type RecordFigures, type ResultRecordKind } from '../../../shared/domain/records';
import { t, type MessageKey } from '../../../shared/messages';

/** A document's kind in the words of the 报告 screen. */
const DOCUMENT_LABEL: Partial<Record<ResultRecordKind, MessageKey>> = {
  bulletin: 'documents.kind.bulletin',
  feedback: 'documents.kind.feedback',
  publicationDoc: 'documents.kind.publication',
  meetingPack: 'documents.kind.meetingPack',
  minutesDoc: 'documents.kind.minutes',
};

export interface RevealLine {
  id: number;
  itemId: number | null;
  text: string;
}
export interface PublicationLine {
  id: number;
  text: string;
}
export interface DocumentLine {
  id: number;
  kind: string;
  /** The file's name (its folder is in `path`). */
  fileName: string;
  path: string;
  /** 生成于 …, and for one branch's 反馈单 which branch. */
  detail: string;
}

export interface OutdatedGroups {
  reveals: RevealLine[];
  publications: PublicationLine[];
  documents: DocumentLine[];
}

/** The last part of a path, Windows or POSIX (the app runs on Windows; the tests on Linux). */
export const fileNameOf = (p: string) => p.split(/[\\/]/).filter(Boolean).at(-1) ?? p;

export const madeAtText = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** “87.50 分 · 第 3 名 · 优秀”; rank and grade only where they were shown. */
export function figuresText(f: RecordFigures | null): string {
  if (!f) return t('records.ui.figures.none');
  return [t('records.ui.figures.total', { total: f.total.toFixed(2) }), f.rank !== null ? t('records.ui.figures.rank', { rank: f.rank }) : null, f.grade]
    .filter((s): s is string => !!s)
    .join(' · ');
}

// A branch deleted since (the record keeps no name then) is still a line to read.
const branchText = (r: OutdatedRecord) => (r.branch ? `${r.branch.code} ${r.branch.name}` : t('records.ui.branchGone'));

/**
 * The records sorted into the three groups, in the order the service gives
 * (newest first); `meetingId` keeps only what one meeting made (its reveals,
 * its 评审会材料 and 会议纪要).
 */
export function groupOutdated(records: readonly OutdatedRecord[], meetingId?: number): OutdatedGroups {
  const mine = meetingId === undefined ? records : records.filter((r) => r.meetingId === meetingId);
  const groups: OutdatedGroups = { reveals: [], publications: [], documents: [] };
  for (const r of mine) {
    if (r.kind === 'reveal') {
      groups.reveals.push({
        id: r.id,
        itemId: r.itemId,
        text: t('records.ui.reveal.line', { branch: branchText(r), time: madeAtText(r.madeAt), then: figuresText(r.figures), now: figuresText(r.current) }),
      });
    } else if (r.kind === 'publication') {
      groups.publications.push({ id: r.id, text: t('records.ui.publication.line', { time: madeAtText(r.madeAt) }) });
    } else if (isDocumentRecordKind(r.kind) && r.path) {
      const made = t('records.ui.document.made', { time: madeAtText(r.madeAt) });
      groups.documents.push({
        id: r.id,
        kind: t(DOCUMENT_LABEL[r.kind]!),
        fileName: fileNameOf(r.path),
        path: r.path,
        detail: r.kind === 'feedback' && r.branch ? `${t('records.ui.document.branch', { branch: branchText(r) })} · ${made}` : made,
      });
    }
  }
  return groups;
}

export const isEmpty = (g: OutdatedGroups) => g.reveals.length + g.publications.length + g.documents.length === 0;
