/**
 * What the 报告 screen decides apart from React: which kinds there are and
 * which wait for results, which kind is shown, when 生成 may be pressed, the
 * file name offered in the save dialog, and which result is shown after saving.
 */
import type { BatchJobStatus } from '../../../../shared/domain/documents';
import { t, type MessageKey } from '../../../../shared/messages';

export const KINDS = ['scoreSheet', 'bulletin', 'feedback', 'meetingPack', 'minutes', 'publication'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABEL: Record<Kind, MessageKey> = {
  scoreSheet: 'documents.kind.scoreSheet',
  bulletin: 'documents.kind.bulletin',
  feedback: 'documents.kind.feedback',
  meetingPack: 'documents.kind.meetingPack',
  minutes: 'documents.kind.minutes',
  publication: 'documents.kind.publication',
};
export const KIND_DESC: Record<Kind, MessageKey> = {
  scoreSheet: 'documents.kind.scoreSheet.desc',
  bulletin: 'documents.kind.bulletin.desc',
  feedback: 'documents.kind.feedback.desc',
  meetingPack: 'documents.kind.meetingPack.desc',
  minutes: 'documents.kind.minutes.desc',
  publication: 'documents.kind.publication.desc',
};
/** Kinds that print the period's results: refused while scoring. */
const NEEDS_RESULTS: readonly Kind[] = ['bulletin', 'feedback', 'publication'];
/** Kinds about one review meeting. */
export const MEETING_KINDS: readonly Kind[] = ['meetingPack', 'minutes'];

/** What Windows refuses in a file name. */
// eslint-disable-next-line no-control-regex
export const safeName = (s: string) => s.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_');

export const needsResults = (k: Kind, resultsHidden: boolean) => NEEDS_RESULTS.includes(k) && resultsHidden;

/** The kind asked for (?kind=), unless it is unknown or waits for results: then the score sheets (or the bulletin once results show). */
export function chooseKind(asked: string | null, resultsHidden: boolean): Kind {
  const known = KINDS.find((k) => k === asked);
  if (known && !needsResults(known, resultsHidden)) return known;
  return resultsHidden ? 'scoreSheet' : 'bulletin';
}

/** The choices on the screen that decide what is written. */
export interface ReportChoice {
  kind: Kind;
  sheetBy: 'rater' | 'branch';
  raterId: number | null;
  sheetBranchId: number | null;
  /** 已填写 asked for and allowed (a branch's filled sheet shows others' scores: not while results are hidden). */
  filled: boolean;
  scope: 'one' | 'all';
  feedbackBranchId: number | null;
}

/** Whether 生成 can be pressed: every choice the kind needs is made. */
export function reportReady(c: ReportChoice, ctx: { resultsHidden: boolean; hasMeeting: boolean; publicationReady: boolean }): boolean {
  if (needsResults(c.kind, ctx.resultsHidden)) return false;
  if (c.kind === 'scoreSheet') return c.sheetBy === 'rater' ? c.raterId !== null : c.sheetBranchId !== null;
  if (c.kind === 'feedback') return c.scope === 'all' || c.feedbackBranchId !== null;
  if (MEETING_KINDS.includes(c.kind)) return ctx.hasMeeting;
  if (c.kind === 'publication') return ctx.publicationReady;
  return true;
}

interface NamedBranch {
  code: string;
  name: string;
}

/** The file name the save dialog offers (before `safeName`). */
export function defaultFileName(
  c: ReportChoice,
  ctx: { periodName: string; meetingTitle: string; branchById: Map<number, NamedBranch>; raterName: (id: number | null) => string },
): string {
  const period = ctx.periodName;
  if (c.kind === 'bulletin') return t('documents.file.bulletin', { period });
  if (c.kind === 'publication') return t('documents.file.publication', { period });
  if (c.kind === 'meetingPack') return t('documents.file.meetingPack', { meeting: ctx.meetingTitle });
  if (c.kind === 'minutes') return t('documents.file.minutes', { meeting: ctx.meetingTitle });
  if (c.kind === 'feedback') {
    if (c.scope === 'all') return t('documents.file.feedbackAll', { period });
    const b = ctx.branchById.get(c.feedbackBranchId!)!;
    return t('documents.file.feedback', { code: b.code, name: b.name });
  }
  const blank = c.filled ? '' : t('documents.file.blankSuffix');
  if (c.sheetBy === 'rater') return t('documents.file.raterSheet', { period, rater: ctx.raterName(c.raterId), blank });
  const b = ctx.branchById.get(c.sheetBranchId!)!;
  return t('documents.file.branchSheet', { period, code: b.code, name: b.name, blank });
}

/** Files written and where, with what the writer warned about. */
export interface Saved {
  files: string[];
  folder: string | null;
  warnings: string[];
}

/** A finished batch (or a cancelled one that saved files) is the saved result; otherwise the last single document. */
export function savedOutcome(s: BatchJobStatus | null, single: Saved | null): Saved | null {
  if (!s || s.state === 'running') return single;
  return s.state === 'done' || s.files.length ? { files: s.files, folder: s.folder, warnings: s.warnings } : null;
}
