/**
 * Review meetings (评审会): the meeting, its attendance and agenda, running it
 * (start, current item with its clock, the chair's reveal of the current
 * branch's scores, close), decisions and minutes; and a period's publication
 * (公示). Scores, figures and the minutes draft live in meeting-result.ts and
 * meeting-minutes.ts.
 *
 * The blind rule (docs/user/meeting.md): revealing a 述职评议 item lets the meeting
 * see that one branch's aggregate, even while the period is 评分中; nothing of
 * any other branch is shown by these services.
 */
import {
  agendaItemTitle,
  MEETING_KIND_LABELS,
  type AgendaItem,
  type AgendaItemInput,
  type AttendeeInput,
  type MeetingDetail,
  type MeetingFollow,
  type MeetingKind,
  type MeetingStatus,
  type MeetingSummary,
  type Publication,
} from '../../shared/domain/meetings';
import { inTransaction, type Database } from '../db';
import { auditWriter } from './audit';
import type { ServiceContext } from './context';
import type { Actor } from './actor';
import { AppError } from '../errors';
import { t } from '../../shared/messages';
import { branchProgress, itemResult } from './meeting-result';
import { getPeriod, periodBranchIds } from './periods';
import { passGate } from './readiness';
import { recordResult, revealedFigures } from './records';
import type { Session } from './session';

interface MeetingRow {
  id: number;
  period_id: number;
  kind: MeetingKind;
  title: string;
  date: string;
  start_time: string;
  place: string;
  chair: string;
  recorder: string;
  status: MeetingStatus;
  current_item_id: number | null;
  started_at: string | null;
  ended_at: string | null;
  minutes_text: string;
  minutes_saved_at: string | null;
  created_at: string;
  updated_at: string;
  item_count: number;
  report_count: number;
  revealed_count: number;
  attendee_count: number;
  present_count: number;
}

const SELECT_MEETING = `
  SELECT m.*,
         (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count,
         (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.kind = 'report') AS report_count,
         (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.revealed_at IS NOT NULL) AS revealed_count,
         (SELECT count(*) FROM meeting_attendee t WHERE t.meeting_id = m.id) AS attendee_count,
         (SELECT count(*) FROM meeting_attendee t WHERE t.meeting_id = m.id AND t.present = 1) AS present_count
    FROM meeting m`;

const toSummary = (r: MeetingRow): MeetingSummary => ({
  id: r.id,
  periodId: r.period_id,
  kind: r.kind,
  title: r.title,
  date: r.date,
  startTime: r.start_time,
  place: r.place,
  chair: r.chair,
  recorder: r.recorder,
  status: r.status,
  itemCount: r.item_count,
  reportCount: r.report_count,
  revealedCount: r.revealed_count,
  attendeeCount: r.attendee_count,
  presentCount: r.present_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function meetingRow(db: Database, id: number): MeetingRow {
  const row = db.prepare<[number], MeetingRow>(`${SELECT_MEETING} WHERE m.id = ?`).get(id);
  if (!row) throw new AppError('not_found', t('error.meetings.notFound', { id }));
  return row;
}

interface ItemRow {
  id: number;
  meeting_id: number;
  position: number;
  kind: 'report' | 'other';
  branch_id: number | null;
  title: string;
  planned_minutes: number;
  started_at: string | null;
  ended_at: string | null;
  resumed_at: string | null;
  spent_seconds: number;
  revealed_at: string | null;
  decision: string;
  notes: string;
}

export function itemRow(db: Database, itemId: number): ItemRow {
  const row = db.prepare<[number], ItemRow>('SELECT * FROM agenda_item WHERE id = ?').get(itemId);
  if (!row) throw new AppError('not_found', t('error.meetings.itemNotFound'));
  return row;
}

const itemRows = (db: Database, meetingId: number) =>
  db.prepare<[number], ItemRow>('SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id').all(meetingId);

export function listMeetings(db: Database, periodId: number): MeetingSummary[] {
  getPeriod(db, periodId);
  return db
    .prepare<[number], MeetingRow>(`${SELECT_MEETING} WHERE m.period_id = ? ORDER BY m.date DESC, m.start_time DESC, m.id DESC`)
    .all(periodId)
    .map(toSummary);
}

export function getMeeting(db: Database, id: number, now: Date): MeetingDetail {
  const row = meetingRow(db, id);
  const period = getPeriod(db, row.period_id);
  const inScope = new Set(periodBranchIds(db, row.period_id));
  const branches = new Map(
    db
      .prepare<[number], { id: number; code: string; name: string; unit: string; secretary: string; member_count: number | null }>(
        `SELECT b.id, b.code, b.name, b.unit, b.secretary, b.member_count FROM branch b
          WHERE b.id IN (SELECT branch_id FROM agenda_item WHERE meeting_id = ?)`,
      )
      .all(id)
      .map((b) => [b.id, { id: b.id, code: b.code, name: b.name, unit: b.unit, secretary: b.secretary, memberCount: b.member_count, inPeriod: inScope.has(b.id) }]),
  );
  const progress = branchProgress(db, row.period_id);
  const items: AgendaItem[] = itemRows(db, id).map((r) => ({
    id: r.id,
    position: r.position,
    kind: r.kind,
    branch: r.branch_id === null ? null : (branches.get(r.branch_id) ?? null),
    title: r.title,
    plannedMinutes: r.planned_minutes,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    resumedAt: r.resumed_at,
    spentSeconds: r.spent_seconds,
    revealedAt: r.revealed_at,
    revealedTotal: null,
    totalNow: null,
    decision: r.decision,
    notes: r.notes,
    progress: r.branch_id === null ? null : (progress.get(r.branch_id) ?? null),
  }));
  const attendees = db
    .prepare<[number], { id: number; rater_id: number | null; name: string; title: string; present: number; note: string; group_name: string | null }>(
      `SELECT t.*, g.name AS group_name FROM meeting_attendee t
         LEFT JOIN rater r ON r.id = t.rater_id LEFT JOIN rater_group g ON g.id = r.group_id
        WHERE t.meeting_id = ? ORDER BY t.position, t.id`,
    )
    .all(id)
    .map((a) => ({ id: a.id, raterId: a.rater_id, name: a.name, title: a.title, present: a.present === 1, note: a.note, groupName: a.group_name }));
  return {
    ...toSummary(row),
    periodName: period.name,
    periodStatus: period.status,
    resultsVisible: period.status === 'review' || period.status === 'finalised',
    attendees,
    items,
    currentItemId: row.current_item_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    minutesText: row.minutes_text,
    minutesSavedAt: row.minutes_saved_at,
    serverNow: now.toISOString(),
  };
}

/**
 * Fills in the total of each revealed branch (what the meeting has seen; nothing of the others): the figure
 * announced at its reveal, and the total now when scores changed since — so the agenda never passes a later
 * figure off as the one the meeting saw.
 */
export function withRevealedTotals(ctx: ServiceContext, detail: MeetingDetail): MeetingDetail {
  if (!detail.items.some((i) => i.revealedAt && i.branch?.inPeriod)) return detail;
  const totals = new Map(ctx.results.engine(ctx.db, detail.periodId).result.branches.map((b) => [b.branchId, b.total]));
  return {
    ...detail,
    items: detail.items.map((i) => {
      if (!i.revealedAt || !i.branch?.inPeriod) return i;
      const now = totals.get(i.branch.id) ?? null;
      // Reveals before result records existed (migration 9) have no figure: the total now stands in, as before.
      const announced = revealedFigures(ctx.db, i.id)?.total ?? now;
      return { ...i, revealedTotal: announced, totalNow: now !== null && announced !== null && Math.abs(now - announced) > 1e-9 ? now : null };
    }),
  };
}

export interface MeetingSaveInput {
  id: number | null;
  periodId: number;
  kind: MeetingKind;
  title: string;
  date: string;
  startTime: string;
  place: string;
  chair: string;
  recorder: string;
  /** On create: every rater of the period as an attendee (present). */
  withPanel: boolean;
  /** On create: every branch of the period as a 述职评议 item. */
  withAllBranches: boolean;
  reportMinutes: number;
}

export function saveMeeting(db: Database, input: MeetingSaveInput, now: Date): MeetingDetail {
  const stamp = now.toISOString();
  getPeriod(db, input.periodId);
  const fields = [input.kind, input.title.trim(), input.date, input.startTime, input.place, input.chair, input.recorder] as const;
  if (input.id !== null) {
    const row = meetingRow(db, input.id);
    if (row.period_id !== input.periodId) throw new AppError('validation', t('error.meetings.periodFixed'));
    db.prepare('UPDATE meeting SET kind = ?, title = ?, date = ?, start_time = ?, place = ?, chair = ?, recorder = ?, updated_at = ? WHERE id = ?').run(
      ...fields,
      stamp,
      input.id,
    );
    return getMeeting(db, input.id, now);
  }
  const id = inTransaction(db, () => {
    const info = db
      .prepare('INSERT INTO meeting (period_id, kind, title, date, start_time, place, chair, recorder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.periodId, ...fields, stamp, stamp);
    const meetingId = Number(info.lastInsertRowid);
    if (input.withPanel) {
      db.prepare(
        `INSERT INTO meeting_attendee (meeting_id, rater_id, name, title, present, position)
         SELECT ?, r.id, r.name, r.title, 1, row_number() OVER (ORDER BY g.position, g.id, r.position, r.id) - 1
           FROM rater r JOIN rater_group g ON g.id = r.group_id WHERE r.period_id = ?`,
      ).run(meetingId, input.periodId);
    }
    if (input.withAllBranches) {
      const insert = db.prepare("INSERT INTO agenda_item (meeting_id, position, kind, branch_id, planned_minutes) VALUES (?, ?, 'report', ?, ?)");
      periodBranchIds(db, input.periodId).forEach((b, i) => insert.run(meetingId, i, b, input.reportMinutes));
    }
    return meetingId;
  });
  return getMeeting(db, id, now);
}

function audit(db: Database, now: Date, actor: Actor, periodId: number, action: string, extra: { branchId?: number; old?: unknown; new?: unknown; reason?: string } = {}) {
  auditWriter(db, now)({ periodId, actorKind: actor.kind, actor: actor.name, entity: 'period', action, ...extra });
}

export function deleteMeeting(db: Database, id: number, now: Date, actor: Actor): void {
  const row = meetingRow(db, id);
  inTransaction(db, () => {
    // The current item points back at the meeting's own items: clear it first.
    db.prepare('UPDATE meeting SET current_item_id = NULL WHERE id = ?').run(id);
    db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
    if (row.status !== 'planned' || row.revealed_count > 0) {
      audit(db, now, actor, row.period_id, t('meetings.audit.deleted', { title: row.title }), { old: { meetingId: id, status: row.status, revealed: row.revealed_count } });
    }
  });
}

export function saveAttendees(db: Database, meetingId: number, attendees: Required<AttendeeInput>[], now: Date): MeetingDetail {
  const row = meetingRow(db, meetingId);
  const raters = new Set(db.prepare<[number], { id: number }>('SELECT id FROM rater WHERE period_id = ?').all(row.period_id).map((r) => r.id));
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    if (a.raterId !== null && !raters.has(a.raterId)) throw new AppError('validation', t('error.meetings.attendeeNotRater', { index: i + 1 }));
    const key = a.name.trim();
    if (seen.has(key)) throw new AppError('validation', t('error.meetings.attendeeTwice', { name: key }), [{ field: `attendees.${i}.name`, message: t('error.meetings.attendeeRepeated', { name: key }) }]);
    seen.add(key);
  });
  inTransaction(db, () => {
    db.prepare('DELETE FROM meeting_attendee WHERE meeting_id = ?').run(meetingId);
    const insert = db.prepare('INSERT INTO meeting_attendee (meeting_id, rater_id, name, title, present, note, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    attendees.forEach((a, i) => insert.run(meetingId, a.raterId, a.name.trim(), a.title.trim(), a.present ? 1 : 0, a.note.trim(), i));
    db.prepare('UPDATE meeting SET updated_at = ? WHERE id = ?').run(now.toISOString(), meetingId);
  });
  return getMeeting(db, meetingId, now);
}

/**
 * Replaces the agenda: items with an id keep their clock, reveal, decision and
 * notes; new ones are added; the others are removed — except items the
 * meeting has already dealt with (started, revealed or with a decision), which
 * are part of its record.
 */
export function saveAgenda(db: Database, meetingId: number, items: Required<AgendaItemInput>[], now: Date): MeetingDetail {
  const row = meetingRow(db, meetingId);
  const existing = new Map(itemRows(db, meetingId).map((r) => [r.id, r]));
  const inScope = new Set(periodBranchIds(db, row.period_id));
  const names = new Map(db.prepare<[], { id: number; code: string; name: string }>('SELECT id, code, name FROM branch').all().map((b) => [b.id, `${b.code} ${b.name}`]));
  const branchSeen = new Set<number>();
  items.forEach((item, i) => {
    const index = i + 1;
    if (item.id !== null && !existing.has(item.id)) throw new AppError('validation', t('error.meetings.itemNotInMeeting', { index }));
    if (item.kind === 'report') {
      if (item.branchId === null) throw new AppError('validation', t('error.meetings.reportNeedsBranch', { index }));
      const old = item.id === null ? null : existing.get(item.id)!;
      // A branch taken out of the period may stay on an agenda it was already on, but cannot be added.
      if (!inScope.has(item.branchId) && old?.branch_id !== item.branchId) {
        throw new AppError('validation', t('error.meetings.branchNotInPeriod', { index, branch: names.get(item.branchId) ?? item.branchId }));
      }
      if (branchSeen.has(item.branchId)) throw new AppError('validation', t('error.meetings.branchTwice', { branch: names.get(item.branchId) ?? item.branchId }));
      branchSeen.add(item.branchId);
      if (old && old.branch_id !== item.branchId && (old.started_at || old.revealed_at)) {
        throw new AppError('conflict', t('error.meetings.branchLocked', { index }));
      }
    } else if (!item.title.trim()) {
      throw new AppError('validation', t('error.meetings.itemTitleRequired', { index }), [{ field: `items.${i}.title`, message: t('error.meetings.itemTitleMissing') }]);
    }
  });
  const kept = new Set(items.map((i) => i.id).filter((id): id is number => id !== null));
  for (const old of existing.values()) {
    if (kept.has(old.id)) continue;
    if (old.started_at || old.revealed_at || old.decision.trim() || old.notes.trim()) {
      const title = old.kind === 'report' ? t('meetings.reportItemTitle', { branch: names.get(old.branch_id!) ?? '' }) : old.title;
      throw new AppError('conflict', t('error.meetings.itemOnRecord', { title }));
    }
  }
  inTransaction(db, () => {
    for (const old of existing.values()) if (!kept.has(old.id)) db.prepare('DELETE FROM agenda_item WHERE id = ?').run(old.id);
    const update = db.prepare('UPDATE agenda_item SET position = ?, kind = ?, branch_id = ?, title = ?, planned_minutes = ? WHERE id = ?');
    const insert = db.prepare('INSERT INTO agenda_item (meeting_id, position, kind, branch_id, title, planned_minutes) VALUES (?, ?, ?, ?, ?, ?)');
    items.forEach((item, i) => {
      const branchId = item.kind === 'report' ? item.branchId : null;
      const title = item.kind === 'report' ? '' : item.title.trim();
      if (item.id !== null) update.run(i, item.kind, branchId, title, item.plannedMinutes, item.id);
      else insert.run(meetingId, i, item.kind, branchId, title, item.plannedMinutes);
    });
    db.prepare('UPDATE meeting SET updated_at = ? WHERE id = ?').run(now.toISOString(), meetingId);
  });
  return getMeeting(db, meetingId, now);
}

/** Leaves the current item: its visit's time is added to what it had. */
function leaveCurrent(db: Database, meeting: MeetingRow, stamp: string): void {
  if (meeting.current_item_id === null) return;
  const item = db.prepare<[number], ItemRow>('SELECT * FROM agenda_item WHERE id = ?').get(meeting.current_item_id);
  if (!item || !item.resumed_at) return;
  const seconds = Math.max(0, Math.floor((Date.parse(stamp) - Date.parse(item.resumed_at)) / 1000));
  db.prepare('UPDATE agenda_item SET spent_seconds = spent_seconds + ?, resumed_at = NULL, ended_at = ? WHERE id = ?').run(seconds, stamp, item.id);
}

function enterItem(db: Database, meetingId: number, itemId: number, stamp: string): void {
  db.prepare('UPDATE agenda_item SET started_at = coalesce(started_at, ?), resumed_at = ?, ended_at = NULL WHERE id = ?').run(stamp, stamp, itemId);
  db.prepare('UPDATE meeting SET current_item_id = ?, updated_at = ? WHERE id = ?').run(itemId, stamp, meetingId);
}

/** Opens the meeting (or continues a closed one) on its first item, or where it stopped. */
export function startMeeting(db: Database, id: number, now: Date, actor: Actor): MeetingDetail {
  const row = meetingRow(db, id);
  if (row.status === 'in_progress') return getMeeting(db, id, now);
  const items = itemRows(db, id);
  if (items.length === 0) throw new AppError('validation', t('error.meetings.emptyAgenda'));
  const stamp = now.toISOString();
  const resumeAt = row.status === 'closed' ? (items.find((i) => i.id === row.current_item_id) ?? items[0]!) : items[0]!;
  inTransaction(db, () => {
    db.prepare("UPDATE meeting SET status = 'in_progress', started_at = coalesce(started_at, ?), ended_at = NULL, updated_at = ? WHERE id = ?").run(stamp, stamp, id);
    enterItem(db, id, resumeAt.id, stamp);
    audit(db, now, actor, row.period_id, t(row.status === 'closed' ? 'meetings.audit.resumed' : 'meetings.audit.started', { title: row.title }), { new: { meetingId: id } });
  });
  return getMeeting(db, id, now);
}

function assertRunning(row: MeetingRow): void {
  if (row.status === 'planned') throw new AppError('conflict', t('error.meetings.notStarted', { title: row.title }));
  if (row.status === 'closed') throw new AppError('conflict', t('error.meetings.ended', { title: row.title }));
}

/** Makes the item at `index` (0-based, agenda order) the current one. */
export function goToItem(db: Database, id: number, index: number, now: Date): MeetingDetail {
  const row = meetingRow(db, id);
  assertRunning(row);
  const items = itemRows(db, id);
  const target = items[index];
  if (!target) throw new AppError('validation', t('error.meetings.agendaLength', { count: items.length }));
  if (target.id === row.current_item_id) return getMeeting(db, id, now);
  const stamp = now.toISOString();
  inTransaction(db, () => {
    leaveCurrent(db, row, stamp);
    enterItem(db, id, target.id, stamp);
  });
  return getMeeting(db, id, now);
}

export function closeMeeting(db: Database, id: number, now: Date, actor: Actor): MeetingDetail {
  const row = meetingRow(db, id);
  assertRunning(row);
  const stamp = now.toISOString();
  inTransaction(db, () => {
    leaveCurrent(db, row, stamp);
    db.prepare("UPDATE meeting SET status = 'closed', ended_at = ?, updated_at = ? WHERE id = ?").run(stamp, stamp, id);
    audit(db, now, actor, row.period_id, t('meetings.audit.closed', { title: row.title }), { new: { meetingId: id } });
  });
  return getMeeting(db, id, now);
}

/**
 * The chair reveals the current 述职评议 item's branch: from now on the
 * meeting may see that branch's aggregate, its raters' totals and spread —
 * even while the period is still being scored. Recorded in the audit log with
 * the figure the meeting saw.
 */
export function revealItem(ctx: ServiceContext, itemId: number, actor: Actor): MeetingDetail {
  const { db } = ctx;
  const now = ctx.now();
  const item = itemRow(db, itemId);
  const row = meetingRow(db, item.meeting_id);
  assertRunning(row);
  if (item.kind !== 'report' || item.branch_id === null) throw new AppError('validation', t('error.meetings.revealNotReport'));
  if (row.current_item_id !== item.id) throw new AppError('conflict', t('error.meetings.revealNotCurrent'));
  if (item.revealed_at) return getMeeting(db, row.id, now);
  if (!periodBranchIds(db, row.period_id).includes(item.branch_id)) throw new AppError('conflict', t('error.meetings.revealBranchGone'));
  const branch = db.prepare<[number], { code: string; name: string }>('SELECT code, name FROM branch WHERE id = ?').get(item.branch_id)!;
  const scored = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM score WHERE period_id = ? AND branch_id = ?').get(row.period_id, item.branch_id)!.n;
  if (scored === 0) throw new AppError('conflict', t('error.meetings.revealNoScores', { code: branch.code, name: branch.name }));
  const stamp = now.toISOString();
  inTransaction(db, () => {
    db.prepare('UPDATE agenda_item SET revealed_at = ? WHERE id = ?').run(stamp, itemId);
    const result = itemResult(ctx, itemId);
    audit(db, now, actor, row.period_id, t('meetings.audit.revealed', { code: branch.code, name: branch.name }), {
      branchId: item.branch_id!,
      new: { meetingId: row.id, meeting: row.title, itemId, total: result.total, complete: result.complete, raters: result.spread?.raters ?? 0 },
    });
    // What the meeting was told, kept with the fingerprint of the results it came from (the minutes compare it with later figures).
    recordResult(ctx, {
      periodId: row.period_id,
      kind: 'reveal',
      branchId: item.branch_id,
      meetingId: row.id,
      itemId,
      figures: { total: result.total, rank: result.rank, grade: result.grade },
    });
  });
  return getMeeting(db, row.id, now);
}

export function saveItem(db: Database, itemId: number, input: { decision: string; notes: string }, now: Date): MeetingDetail {
  const item = itemRow(db, itemId);
  inTransaction(db, () => {
    db.prepare('UPDATE agenda_item SET decision = ?, notes = ? WHERE id = ?').run(input.decision.trim(), input.notes.trim(), itemId);
    db.prepare('UPDATE meeting SET updated_at = ? WHERE id = ?').run(now.toISOString(), item.meeting_id);
  });
  return getMeeting(db, item.meeting_id, now);
}

export function saveMinutes(db: Database, meetingId: number, text: string, now: Date): MeetingDetail {
  meetingRow(db, meetingId);
  const stamp = now.toISOString();
  db.prepare('UPDATE meeting SET minutes_text = ?, minutes_saved_at = ?, updated_at = ? WHERE id = ?').run(text, stamp, stamp, meetingId);
  return getMeeting(db, meetingId, now);
}

/**
 * The meeting a period is holding now and its current item, for a rater's
 * screen to follow: which branch is reporting — never any score.
 */
export function currentMeeting(db: Database, session: Session, periodId: number): MeetingFollow | null {
  if (session.kind === 'rater' && session.periodId !== periodId) throw new AppError('forbidden', t('error.meetings.raterOtherPeriod'));
  getPeriod(db, periodId);
  const row = db
    .prepare<[number], MeetingRow>(`${SELECT_MEETING} WHERE m.period_id = ? AND m.status = 'in_progress' ORDER BY m.started_at DESC, m.id DESC LIMIT 1`)
    .get(periodId);
  if (!row) return null;
  const items = itemRows(db, row.id);
  const index = items.findIndex((i) => i.id === row.current_item_id);
  const item = items[index];
  let follow: MeetingFollow['item'] = null;
  if (item) {
    const branch =
      item.branch_id === null ? null : (db.prepare<[number], { id: number; code: string; name: string }>('SELECT id, code, name FROM branch WHERE id = ?').get(item.branch_id) ?? null);
    const title = agendaItemTitle({ kind: item.kind, title: item.title, branch: branch ? { ...branch, unit: '', secretary: '', memberCount: null, inPeriod: true } : null });
    follow = { id: item.id, index, count: items.length, kind: item.kind, title, branch, plannedMinutes: item.planned_minutes };
  }
  return { meetingId: row.id, title: row.title, kind: row.kind, status: row.status, item: follow };
}

/** A title suggested for a new meeting: “2026年度…考核会”. */
export const suggestTitle = (periodName: string, kind: MeetingKind) => `${periodName}${MEETING_KIND_LABELS[kind]}`;

// ---- Publication (公示) ----

export function getPublication(db: Database, periodId: number): Publication {
  getPeriod(db, periodId);
  const row = db
    .prepare<[number], { publicity_start: string | null; publicity_end: string | null; objection_contact: string; published_at: string | null; updated_at: string }>(
      'SELECT * FROM period_publication WHERE period_id = ?',
    )
    .get(periodId);
  return {
    periodId,
    publicityStart: row?.publicity_start ?? null,
    publicityEnd: row?.publicity_end ?? null,
    objectionContact: row?.objection_contact ?? '',
    publishedAt: row?.published_at ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * Saves the publicity dates and where objections go; `published` marks the
 * results as published (公示) — only once they may be seen (评审中 or 已定稿) —
 * or withdraws the mark. Marking and withdrawing are audited. Marking is
 * gated (readiness.ts): with scores or business data missing it needs
 * `override`, the reason to publish anyway.
 */
export function publishPeriod(
  ctx: ServiceContext,
  input: { periodId: number; start: string; end: string; objectionContact: string; published: boolean; override?: string | undefined },
  actor: Actor,
): Publication {
  const { db } = ctx;
  const now = ctx.now();
  const period = getPeriod(db, input.periodId);
  const before = getPublication(db, input.periodId);
  if (input.published && before.publishedAt === null && (period.status === 'draft' || period.status === 'scoring')) {
    throw new AppError('conflict', t(period.status === 'draft' ? 'error.meetings.publishDraft' : 'error.meetings.publishScoring', { period: period.name }));
  }
  const stamp = now.toISOString();
  const publishedAt = input.published ? (before.publishedAt ?? stamp) : null;
  inTransaction(db, () => {
    const reason = publishedAt && !before.publishedAt ? passGate(db, input.periodId, 'publish', input.override, now, actor) : null;
    db.prepare(
      `INSERT INTO period_publication (period_id, publicity_start, publicity_end, objection_contact, published_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id) DO UPDATE SET publicity_start = excluded.publicity_start, publicity_end = excluded.publicity_end,
         objection_contact = excluded.objection_contact, published_at = excluded.published_at, updated_at = excluded.updated_at`,
    ).run(input.periodId, input.start, input.end, input.objectionContact.trim(), publishedAt, stamp);
    const settings = { start: input.start, end: input.end, objectionContact: input.objectionContact.trim() };
    if (publishedAt && !before.publishedAt) {
      audit(db, now, actor, input.periodId, t('meetings.audit.published', { start: input.start, end: input.end }), { new: settings, ...(reason ? { reason } : {}) });
      recordResult(ctx, { periodId: input.periodId, kind: 'publication' });
    } else if (!publishedAt && before.publishedAt) {
      audit(db, now, actor, input.periodId, t('meetings.audit.withdrawn'), { old: { start: before.publicityStart, end: before.publicityEnd, objectionContact: before.objectionContact } });
    } else if (publishedAt && (before.publicityStart !== input.start || before.publicityEnd !== input.end || before.objectionContact !== settings.objectionContact)) {
      audit(db, now, actor, input.periodId, t('meetings.audit.publicationChanged'), {
        old: { start: before.publicityStart, end: before.publicityEnd, objectionContact: before.objectionContact },
        new: settings,
      });
    }
  });
  return getPublication(db, input.periodId);
}
