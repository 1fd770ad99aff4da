/**
 * The draft of a meeting's minutes (会议纪要): time, place, chair, who attended
 * and who was absent, every agenda item in order with the figure revealed,
 * its decision and notes, and a summary of the period's results (ranking top
 * and bottom, grade counts, vetoes) — the summary only once the results may
 * be seen. The user edits the draft and saves it; nothing here is stored.
 */
import { agendaItemTitle, chineseDate, MEETING_KIND_LABELS, type AgendaItem, type MeetingDetail } from '../../shared/domain/meetings';
import { PERIOD_STATUS_LABELS } from '../../shared/domain/period';
import { t } from '../../shared/messages';
import type { ServiceContext } from './context';
import { getIndicators } from './frameworks';
import { getMeeting } from './meetings';
import { getPeriod, periodStatus } from './periods';
import { revealedFigures } from './records';

const fmt = (x: number) => x.toFixed(2);
const withNote = (name: string, note: string) => (note ? t('minutes.withNote', { name, note }) : name);
const person = (a: { name: string; title: string }) => withNote(a.name, a.title);
const minutesOf = (seconds: number) => Math.max(1, Math.round(seconds / 60));

function itemLines(ctx: ServiceContext, meeting: MeetingDetail, item: AgendaItem, index: number): string[] {
  const lines = [`${index + 1}. ${agendaItemTitle(item)}`];
  const facts: string[] = [];
  if (item.branch?.secretary) facts.push(t('minutes.item.secretary', { name: item.branch.secretary }));
  if (item.startedAt) {
    const spent = minutesOf(item.spentSeconds + (item.resumedAt ? (Date.parse(meeting.serverNow) - Date.parse(item.resumedAt)) / 1000 : 0));
    facts.push(t('minutes.item.timeSpent', { planned: item.plannedMinutes, spent }));
  } else {
    facts.push(t(meeting.status === 'planned' ? 'minutes.item.timePlanned' : 'minutes.item.timeNotHeld', { planned: item.plannedMinutes }));
  }
  lines.push(`   ${facts.join('；')}。`);
  if (item.kind === 'report' && item.revealedAt) {
    // The figure announced at the reveal stays in the minutes; when scores changed afterwards, the figure now is set beside it.
    const announced = revealedFigures(ctx.db, item.id);
    const row = currentRow(ctx, meeting.periodId, item);
    const changed = announced !== null && row !== null && fmt(announced.total) !== fmt(row.total);
    const score = row ? revealedScore(ctx, meeting.periodId, row, changed) : null;
    if (score && changed) lines.push(`   ${t('minutes.item.scoreChanged', { then: fmt(announced.total), score })}`);
    else if (score) lines.push(`   ${t('minutes.item.score', { score })}`);
  }
  lines.push(`   ${t('minutes.item.decision', { text: item.decision || t('minutes.toFill') })}`);
  if (item.notes) lines.push(`   ${t('minutes.item.notes', { text: item.notes })}`);
  return lines;
}

function currentRow(ctx: ServiceContext, periodId: number, item: AgendaItem) {
  if (!item.branch?.inPeriod) return null;
  return ctx.results.engine(ctx.db, periodId).result.branches.find((b) => b.branchId === item.branch!.id) ?? null;
}

function revealedScore(ctx: ServiceContext, periodId: number, row: NonNullable<ReturnType<typeof currentRow>>, changed: boolean): string {
  const parts = [
    t('minutes.score.party', { points: fmt(row.tags.party.points) }),
    t('minutes.score.business', { points: fmt(row.tags.business.points) }),
    t('minutes.score.fusion', { points: fmt(row.tags.fusion.points) }),
  ];
  if (row.bonus > 0) parts.push(t('minutes.score.bonus', { points: fmt(row.bonus) }));
  // A finalised period's figures are final, missing items or not (the documents state how it was finalised).
  const provisional = !row.complete && periodStatus(ctx.db, periodId) !== 'finalised';
  const remarks = `${provisional ? t('minutes.score.provisional') : ''}${row.vetoed ? t('minutes.score.vetoed') : ''}${changed ? t('minutes.score.changedSinceReveal') : ''}`;
  return t('minutes.score', { total: fmt(row.total), parts: parts.join('，'), remarks });
}

function resultsLines(ctx: ServiceContext, meeting: MeetingDetail): string[] {
  const period = getPeriod(ctx.db, meeting.periodId);
  if (!meeting.resultsVisible) {
    return [t('minutes.results.notYet', { status: PERIOD_STATUS_LABELS[period.status === 'draft' ? 'draft' : 'scoring'] })];
  }
  const result = ctx.results.engine(ctx.db, meeting.periodId).result;
  const branches = result.branches;
  if (branches.length === 0) return [t('minutes.results.noBranches')];
  const names = new Map(getIndicators(ctx.db, period.frameworkId).map((i) => [i.id, i.name]));
  const line = (b: (typeof branches)[number]) => t('minutes.results.line', { rank: b.rank, code: b.code, name: b.name, total: fmt(b.total), grade: b.grade });
  const out = [t(result.complete || period.status === 'finalised' ? 'minutes.results.count' : 'minutes.results.countProvisional', { count: branches.length })];
  if (branches.length <= 6) {
    out.push(t('minutes.results.ranking'), ...branches.map((b) => `   ${line(b)}`));
  } else {
    out.push(t('minutes.results.top'), ...branches.slice(0, 3).map((b) => `   ${line(b)}`));
    out.push(t('minutes.results.bottom'), ...branches.slice(-3).map((b) => `   ${line(b)}`));
  }
  const counts = period.settings.grades.map((g) => t('minutes.results.gradeCount', { grade: g.label, count: branches.filter((b) => b.grade === g.label).length }));
  out.push(t('minutes.results.grades', { counts: counts.join('，') }));
  const vetoed = branches.filter((b) => b.vetoed);
  out.push(
    vetoed.length === 0
      ? t('minutes.results.noVeto')
      : t('minutes.results.vetoes', {
          list: vetoed.map((b) => t('minutes.withNote', { name: `${b.code} ${b.name}`, note: b.vetoIndicatorIds.map((id) => names.get(id) ?? id).join('、') })).join('；'),
        }),
  );
  return out;
}

export function draftMinutes(ctx: ServiceContext, meetingId: number): string {
  const meeting = getMeeting(ctx.db, meetingId, ctx.now());
  const raters = meeting.attendees.filter((a) => a.raterId !== null);
  const others = meeting.attendees.filter((a) => a.raterId === null);
  const present = raters.filter((a) => a.present);
  const guests = others.filter((a) => a.present);
  const absent = meeting.attendees.filter((a) => !a.present);
  const kind = MEETING_KIND_LABELS[meeting.kind];

  const toFill = t('minutes.toFill');
  const lines: string[] = [t('minutes.title', { title: meeting.title }), '', t('minutes.period', { name: meeting.periodName }), t('minutes.kind', { kind }), ''];
  lines.push(t('minutes.time', { when: meeting.startTime ? `${chineseDate(meeting.date)} ${meeting.startTime}` : chineseDate(meeting.date) }));
  lines.push(t('minutes.place', { place: meeting.place || toFill }));
  lines.push(t('minutes.chair', { name: meeting.chair || toFill }));
  lines.push(t('minutes.present', { people: present.length ? t('minutes.presentList', { names: present.map(person).join('、'), count: present.length }) : t('minutes.nobody') }));
  if (guests.length) lines.push(t('minutes.guests', { people: guests.map(person).join('、') }));
  lines.push(t('minutes.absent', { people: absent.length ? absent.map((a) => withNote(a.name, a.note)).join('、') : t('minutes.noneAbsent') }));
  if (meeting.recorder) lines.push(t('minutes.recorder', { name: meeting.recorder }));
  lines.push('', t('minutes.section.agenda'));
  if (meeting.items.length === 0) lines.push(t('minutes.agendaEmpty'));
  meeting.items.forEach((item, i) => lines.push(...itemLines(ctx, meeting, item, i)));
  lines.push('', t('minutes.section.results'), ...resultsLines(ctx, meeting));
  // The signature line: the chair (when named) and the recorder, or a blank to sign on.
  const recorder = t('minutes.recorder', { name: meeting.recorder || '__________' });
  lines.push('', meeting.chair ? `${t('minutes.chair', { name: meeting.chair })}    ${recorder}` : recorder, chineseDate(meeting.date));
  return lines.join('\n');
}
