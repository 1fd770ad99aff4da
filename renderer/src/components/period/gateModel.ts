/**
 * What the gate confirmation (GateConfirmModal) and the results screen say
 * about a step taken with something missing: the readiness lists grouped the
 * way the office fixes them (per rater, per branch, per meeting), the counts
 * in words, the reason check, and the lines that record an override. No React
 * and no bridge here, so it is unit-tested on plain Node.
 */
import type { PeriodStatus } from '../../../../shared/domain/period';
import type { ErrorDetail } from '../../../../shared/result';
import {
  OverrideReason,
  type GateOverride,
  type GateStep,
  type MissingMeasurement,
  type MissingOfficeRecord,
  type MissingScores,
  type OpenAgendaItem,
  type Readiness,
} from '../../../../shared/domain/readiness';
import { t, type MessageKey } from '../../../../shared/messages';

/** The gated step a status change is, or null for one that is not gated (开始评分). */
export function gateStepFor(to: PeriodStatus): GateStep | null {
  if (to === 'review') return 'review';
  if (to === 'finalised') return 'finalise';
  return null;
}

const STEP_ACTIONS: Record<GateStep, MessageKey> = {
  review: 'gate.ui.step.review',
  publish: 'gate.ui.step.publish',
  finalise: 'gate.ui.step.finalise',
};

/** The step as the office says it: 进入评审, 标记为已公示, 定稿. */
export const stepAction = (step: GateStep): string => t(STEP_ACTIONS[step]);

/** One rater's missing scores: the branches in the order given (branch code), and their sum. */
export interface RaterGap {
  raterId: number;
  raterName: string;
  cells: number;
  branches: MissingScores[];
}

/** Groups the missing scores per rater, keeping the panel order the service gives. */
export function scoresByRater(scores: readonly MissingScores[]): RaterGap[] {
  const byRater = new Map<number, RaterGap>();
  for (const s of scores) {
    let gap = byRater.get(s.raterId);
    if (!gap) byRater.set(s.raterId, (gap = { raterId: s.raterId, raterName: s.raterName, cells: 0, branches: [] }));
    gap.cells += s.cells;
    gap.branches.push(s);
  }
  return [...byRater.values()];
}

/** One branch's indicators without an actual value (业务数据), or without an office record (考核组核定). */
export interface BranchMeasurementGap {
  branchId: number;
  branchCode: string;
  branchName: string;
  indicators: { id: number; code: string; name: string }[];
}

export function measurementsByBranch(measurements: readonly (MissingMeasurement | MissingOfficeRecord)[]): BranchMeasurementGap[] {
  const byBranch = new Map<number, BranchMeasurementGap>();
  for (const m of measurements) {
    let gap = byBranch.get(m.branchId);
    if (!gap) byBranch.set(m.branchId, (gap = { branchId: m.branchId, branchCode: m.branchCode, branchName: m.branchName, indicators: [] }));
    gap.indicators.push({ id: m.indicatorId, code: m.indicatorCode, name: m.indicatorName });
  }
  return [...byBranch.values()];
}

/** One meeting's agenda items not dealt with. */
export interface MeetingAgendaGap {
  meetingId: number;
  meetingTitle: string;
  items: OpenAgendaItem[];
}

export function agendaByMeeting(items: readonly OpenAgendaItem[]): MeetingAgendaGap[] {
  const byMeeting = new Map<number, MeetingAgendaGap>();
  for (const item of items) {
    let gap = byMeeting.get(item.meetingId);
    if (!gap) byMeeting.set(item.meetingId, (gap = { meetingId: item.meetingId, meetingTitle: item.meetingTitle, items: [] }));
    gap.items.push(item);
  }
  return [...byMeeting.values()];
}

/** What is missing, counted the way an override records it. */
export type MissingCounts = GateOverride['missing'];

export const missingCounts = (r: Readiness): MissingCounts => ({
  cells: r.missingCells,
  measurements: r.measurements.length,
  office: r.office.length,
  agendaItems: r.agenda.length,
});

/** "46 项评分、5 项业务数据、3 项考核组核定、2 个议程事项" — only the parts that are missing; '' when nothing is. */
export function missingText(counts: MissingCounts): string {
  const parts: string[] = [];
  if (counts.cells > 0) parts.push(t('gate.ui.missing.cells', { count: counts.cells }));
  if (counts.measurements > 0) parts.push(t('gate.ui.missing.measurements', { count: counts.measurements }));
  if ((counts.office ?? 0) > 0) parts.push(t('gate.ui.missing.office', { count: counts.office ?? 0 }));
  if (counts.agendaItems > 0) parts.push(t('gate.ui.missing.agenda', { count: counts.agendaItems }));
  return parts.join(t('gate.ui.sep'));
}

/** Why the reason cannot be accepted (the contract's own rule), or null when it can. */
export function reasonProblem(reason: string): string | null {
  const parsed = OverrideReason.safeParse(reason);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? t('gate.ui.override.required'));
}

/**
 * The override as the results screen prints it:
 * "2026-12-20 管理员 在仍缺 46 项评分、5 项业务数据时进入评审，原因：……".
 * `date` is the override's day as the screen formats it (local time).
 */
export function overrideLine(o: Pick<GateOverride, 'step' | 'actor' | 'reason' | 'missing'>, date: string): string {
  const missing = missingText(o.missing) || t('gate.ui.missing.unknown');
  return t('gate.ui.override.line', { date, actor: o.actor, missing, action: stepAction(o.step), reason: o.reason });
}

/**
 * The readiness step the results screen asks about: the next gate the period
 * faces (定稿 once in review or after), so the counts are the ones that gate asks for.
 */
export const resultsGateStep = (status: PeriodStatus): GateStep => (status === 'review' || status === 'finalised' ? 'finalise' : 'review');

/**
 * "暂定：还缺 46 项评分、5 项业务数据" when the figures are incomplete, null when
 * they are not. Only scores and business data make the figures provisional;
 * open agenda items do not change a number, so they are the 定稿 gate's business.
 * Missing office records (考核组核定) change figures too, so they count.
 */
export function provisionalNote(r: Pick<Readiness, 'missingCells' | 'measurements' | 'office'>): string | null {
  const missing = missingText({ cells: r.missingCells, measurements: r.measurements.length, office: r.office.length, agendaItems: 0 });
  return missing ? t('gate.ui.provisional', { missing }) : null;
}

/** Whether an error is the gate's refusal (code `incomplete`): something is missing and no reason was given. */
export function isIncomplete(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('error' in e)) return false;
  const error = (e as { error: unknown }).error;
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'incomplete';
}

/**
 * The server's refusal "“X”还不能开始评分：…" as a head and its reasons, one per line: the reasons come as the
 * error's details (each framework error, no branches, no raters — with the field saying which page fixes it),
 * never by cutting the message at “；”, which a framework error's own text may contain.
 */
export function refusalReasons(error: { message: string; details?: readonly ErrorDetail[] }): { head: string; reasons: { field: string; message: string }[] } {
  const at = error.message.indexOf('：');
  const head = at < 0 ? error.message : error.message.slice(0, at);
  return { head, reasons: (error.details ?? []).map((d) => ({ field: d.field ?? '', message: d.message })) };
}
