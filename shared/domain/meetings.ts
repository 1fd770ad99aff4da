/**
 * Review meetings (评审会) and the publication (公示) of a period's results:
 * the meeting cycle of the seeds (启动会、协调会、分析会、推进会、交流会、考核会),
 * attendance, the agenda with one 述职评议 item per branch, the chair's reveal
 * of a branch's scores, decisions, minutes. Shared by the main process and
 * the renderer.
 */
import { z } from 'zod';
import { t } from '../messages';
import { text } from './text';
import type { Tag } from './framework';
import { OverrideReason } from './readiness';
import type { PeriodStatus } from './period';

export const MEETING_KINDS = ['kickoff', 'coordination', 'analysis', 'progress', 'exchange', 'assessment'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  kickoff: '启动会',
  coordination: '协调会',
  analysis: '分析会',
  progress: '推进会',
  exchange: '交流会',
  assessment: '考核会',
};

/** planned → in_progress → closed. */
export const MEETING_STATUSES = ['planned', 'in_progress', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '未开始',
  in_progress: '进行中',
  closed: '已结束',
};

export const AGENDA_KINDS = ['report', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** Planned minutes of a new 述职评议 item. */
export const DEFAULT_REPORT_MINUTES = 10;

/**
 * An outlier rater: at least this many standard deviations from the panel's
 * mean total for the branch, and at least OUTLIER_MIN_SHARE of the base
 * points away from the median (so a tight panel does not name anyone for a
 * point or two on a projector).
 */
export const OUTLIER_Z = 1.5;
export const OUTLIER_MIN_SHARE = 0.02;

const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-11-21' });

export const MeetingFields = z.object({
  periodId: Id,
  kind: z.enum(MEETING_KINDS),
  title: text('会议名称').trim().min(1, { error: '会议名称不能为空' }).max(80, { error: '会议名称最多 80 个字' }),
  date: IsoDate,
  startTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^$/, { error: '时间格式应为 09:00' })
    .default(''),
  place: text('地点').trim().max(60, { error: '地点最多 60 个字' }).default(''),
  chair: text('主持人').trim().max(30, { error: '主持人最多 30 个字' }).default(''),
  recorder: text('记录人').trim().max(30, { error: '记录人最多 30 个字' }).default(''),
});
export type MeetingFieldsInput = z.input<typeof MeetingFields>;

export const AttendeeInput = z.object({
  raterId: Id.nullable().default(null),
  name: text('姓名').trim().min(1, { error: '姓名不能为空' }).max(30),
  title: text('职务').trim().max(40).default(''),
  present: z.boolean().default(true),
  note: text('备注').trim().max(100).default(''),
});
export type AttendeeInput = z.input<typeof AttendeeInput>;

export const AgendaItemInput = z.object({
  /** An existing item keeps its id (and with it its clock, reveal, decision and notes). */
  id: Id.nullable().default(null),
  kind: z.enum(AGENDA_KINDS),
  branchId: Id.nullable().default(null),
  title: text('议程名称').trim().max(80, { error: '议程名称最多 80 个字' }).default(''),
  plannedMinutes: z.number().int().min(0).max(600, { error: '计划时长最多 600 分钟' }).default(DEFAULT_REPORT_MINUTES),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export interface MeetingSummary {
  id: number;
  periodId: number;
  kind: MeetingKind;
  title: string;
  /** 2026-11-21 */
  date: string;
  /** 09:00, or '' */
  startTime: string;
  place: string;
  chair: string;
  recorder: string;
  status: MeetingStatus;
  itemCount: number;
  reportCount: number;
  revealedCount: number;
  attendeeCount: number;
  presentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingAttendee {
  id: number;
  raterId: number | null;
  name: string;
  title: string;
  present: boolean;
  note: string;
  /** The rater's group, for attendees who are raters of the period. */
  groupName: string | null;
}

export interface AgendaBranch {
  id: number;
  code: string;
  name: string;
  unit: string;
  secretary: string;
  memberCount: number | null;
  /** Still in the period's scope (a branch taken out of the period keeps its item, without scores). */
  inPeriod: boolean;
}

/** How far the panel has scored a branch: counts only, never values. */
export interface BranchScoringProgress {
  /** Raters (not recused) who have scored every leaf the panel scores for this branch. */
  ratersDone: number;
  ratersEligible: number;
  cellsScored: number;
  cellsExpected: number;
}

export interface AgendaItem {
  id: number;
  position: number;
  kind: AgendaKind;
  branch: AgendaBranch | null;
  /** 述职评议 items: '' (their title is the branch's); other items: their title. */
  title: string;
  plannedMinutes: number;
  startedAt: string | null;
  endedAt: string | null;
  /** When the current visit of the item began; null unless it is the current item of a running meeting. */
  resumedAt: string | null;
  /** Seconds spent on earlier visits. */
  spentSeconds: number;
  revealedAt: string | null;
  /** The branch's total as the meeting saw it (the figure recorded at its reveal): only for a revealed item. */
  revealedTotal: number | null;
  /** The branch's total now, when scores changed after the reveal; null when it is still the announced figure. */
  totalNow: number | null;
  decision: string;
  notes: string;
  progress: BranchScoringProgress | null;
}

export interface MeetingDetail extends MeetingSummary {
  periodName: string;
  periodStatus: PeriodStatus;
  /** Whether the whole period's results (ranks, grades) may be seen. */
  resultsVisible: boolean;
  attendees: MeetingAttendee[];
  items: AgendaItem[];
  currentItemId: number | null;
  startedAt: string | null;
  endedAt: string | null;
  minutesText: string;
  minutesSavedAt: string | null;
  /** The main process's clock when this was read: the renderer's clock runs from it. */
  serverNow: string;
}

/** Beyond this a meeting takes more than half a day: the agenda says so (60 branches × 10 minutes is 10 hours). */
export const LONG_AGENDA_MINUTES = 240;

/** A word on an agenda longer than half a day, or null. */
export function longAgendaNote(plannedMinutes: number): string | null {
  if (plannedMinutes <= LONG_AGENDA_MINUTES) return null;
  return t('meetings.agenda.long', { hours: Math.round((plannedMinutes / 60) * 10) / 10 });
}

export interface RaterTotal {
  raterId: number;
  name: string;
  /** 1-based place in the period's panel: the presenter view says 评委{seat} when names are not shown. */
  seat: number;
  groupName: string;
  /** The branch's total as this rater alone scored it (with the period's quantitative points); null before any entry. */
  total: number | null;
  entries: number;
  expected: number;
  complete: boolean;
  /** (total − mean) / sd over the raters who scored completely; null when not computed. */
  z: number | null;
  fromMedian: number | null;
  outlier: boolean;
}

export interface ItemSpread {
  /** Raters with a complete score for the branch: the figures below are over them. */
  raters: number;
  max: number;
  min: number;
  range: number;
  mean: number;
  median: number;
  sd: number;
}

/** What the meeting sees of one branch once the chair has revealed it. */
export interface ItemResult {
  itemId: number;
  revealedAt: string;
  branch: AgendaBranch;
  total: number;
  base: number;
  bonus: number;
  tags: Record<Tag, { points: number; max: number; rate: number | null }>;
  vetoed: boolean;
  vetoItems: string[];
  /** Grade and rank depend on every branch: given only when the period's results may be seen (评审中 or later). */
  grade: string | null;
  rank: number | null;
  /** The period's grades, best first (for the grade colours). */
  gradeLabels: string[];
  branchCount: number;
  complete: boolean;
  /** Cells still missing for this branch (scores and business data). */
  missing: number;
  progress: BranchScoringProgress;
  raters: RaterTotal[];
  spread: ItemSpread | null;
  /** Raters at |z| ≥ 1.5. */
  outlierRaterIds: number[];
  /** The rater farthest from the panel's median, when the raters differ at all. */
  farthestRaterId: number | null;
  /** The period lets the presenter view name the raters (settings.presenterNames); otherwise it shows 评委{seat}. */
  presenterNames: boolean;
}

/** What a rater's screen needs to follow the meeting: the current item, no scores. */
export interface MeetingFollow {
  meetingId: number;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  item: {
    id: number;
    index: number;
    count: number;
    kind: AgendaKind;
    title: string;
    branch: { id: number; code: string; name: string } | null;
    plannedMinutes: number;
  } | null;
}

export interface Publication {
  periodId: number;
  /** 2026-11-21, or null before it is set. */
  publicityStart: string | null;
  publicityEnd: string | null;
  /** Where objections go: office, phone, address. */
  objectionContact: string;
  publishedAt: string | null;
  updatedAt: string | null;
}

export const PublicationInput = z
  .object({
    periodId: Id,
    start: IsoDate,
    end: IsoDate,
    objectionContact: text('异议受理方式').trim().min(1, { error: '请写明异议受理方式（部门、电话或地点）' }).max(200),
    /** true: mark the results as published (公示); false: only save the settings (or withdraw a publication). */
    published: z.boolean().default(true),
    /** Why the results are published although something is missing (see shared/domain/readiness.ts). */
    override: OverrideReason.optional(),
  })
  .refine((v) => v.start <= v.end, { error: '公示结束日期不能早于开始日期', path: ['end'] });

/** The agenda item's title in words: the branch for 述职评议, else its own title. */
export function agendaItemTitle(item: Pick<AgendaItem, 'kind' | 'branch' | 'title'>): string {
  if (item.kind === 'report') return `${item.branch ? `${item.branch.code} ${item.branch.name}` : ''}述职评议`;
  return item.title;
}

/** Seconds spent on an item at `nowMs` (the main process's clock). */
export function itemElapsedSeconds(item: Pick<AgendaItem, 'spentSeconds' | 'resumedAt'>, nowMs: number): number {
  const running = item.resumedAt ? Math.max(0, Math.floor((nowMs - Date.parse(item.resumedAt)) / 1000)) : 0;
  return item.spentSeconds + running;
}

/** 'ok' within the planned time, 'over' beyond it, 'late' beyond it by a quarter of the plan (at least 2 minutes). */
export function clockState(elapsedSeconds: number, plannedMinutes: number): 'ok' | 'over' | 'late' {
  const planned = plannedMinutes * 60;
  if (plannedMinutes <= 0 || elapsedSeconds <= planned) return 'ok';
  return elapsedSeconds > planned + Math.max(120, planned / 4) ? 'late' : 'over';
}

/** 2026-11-21 → 2026年11月21日 (as documents write dates). */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Seconds as 08:05 (or 1:08:05). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const p = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}` : `${p(Math.floor(s / 60))}:${p(s % 60)}`;
}
