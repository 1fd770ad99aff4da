/**
 * The draft of a meeting's minutes (会议纪要): time, place, chair, who attended
 * and who was absent, every agenda item in order with the figure revealed,
 * its decision and notes, and a summary of the period's results (ranking top
 * and bottom, grade counts, vetoes) — the summary only once the results may
 * be seen. The user edits the draft and saves it; nothing here is stored.
 */
import { agendaItemTitle, chineseDate, MEETING_KIND_LABELS, type AgendaItem, type MeetingDetail } from '../../shared/domain/meetings';
import type { ServiceContext } from './context';
import { getIndicators } from './frameworks';
import { getMeeting } from './meetings';
import { getPeriod } from './periods';

const fmt = (x: number) => x.toFixed(2);
const person = (a: { name: string; title: string }) => (a.title ? `${a.name}（${a.title}）` : a.name);
const minutesOf = (seconds: number) => Math.max(1, Math.round(seconds / 60));

function itemLines(ctx: ServiceContext, meeting: MeetingDetail, item: AgendaItem, index: number): string[] {
  const lines = [`${index + 1}. ${agendaItemTitle(item)}`];
  const facts: string[] = [];
  if (item.branch?.secretary) facts.push(`支部书记${item.branch.secretary}述职`);
  if (item.startedAt) {
    facts.push(`计划 ${item.plannedMinutes} 分钟，实际约 ${minutesOf(item.spentSeconds + (item.resumedAt ? (Date.parse(meeting.serverNow) - Date.parse(item.resumedAt)) / 1000 : 0))} 分钟`);
  } else {
    facts.push(`计划 ${item.plannedMinutes} 分钟${meeting.status === 'planned' ? '' : '，未进行'}`);
  }
  lines.push(`   ${facts.join('；')}。`);
  if (item.kind === 'report' && item.revealedAt) {
    const score = revealedScore(ctx, meeting.periodId, item);
    if (score) lines.push(`   评议得分：${score}`);
  }
  lines.push(`   议定：${item.decision || '（待填写）'}`);
  if (item.notes) lines.push(`   记录：${item.notes}`);
  return lines;
}

function revealedScore(ctx: ServiceContext, periodId: number, item: AgendaItem): string | null {
  if (!item.branch?.inPeriod) return null;
  const row = ctx.results.engine(ctx.db, periodId).result.branches.find((b) => b.branchId === item.branch!.id);
  if (!row) return null;
  const parts = [`党建 ${fmt(row.tags.party.points)}`, `业务 ${fmt(row.tags.business.points)}`, `融合 ${fmt(row.tags.fusion.points)}`];
  if (row.bonus > 0) parts.push(`加分 ${fmt(row.bonus)}`);
  return `${fmt(row.total)} 分（${parts.join('，')}）${row.complete ? '' : '，评分尚未全部录入，为暂定分'}${row.vetoed ? '，触发一票否决' : ''}。`;
}

function resultsLines(ctx: ServiceContext, meeting: MeetingDetail): string[] {
  const period = getPeriod(ctx.db, meeting.periodId);
  if (!meeting.resultsVisible) {
    return [`本周期尚在“${period.status === 'draft' ? '准备中' : '评分中'}”，排名与等次待进入评审阶段后确定。`];
  }
  const result = ctx.results.engine(ctx.db, meeting.periodId).result;
  const branches = result.branches;
  if (branches.length === 0) return ['本周期没有参加考核的党支部。'];
  const names = new Map(getIndicators(ctx.db, period.frameworkId).map((i) => [i.id, i.name]));
  const line = (b: (typeof branches)[number]) => `第 ${b.rank} 名 ${b.code} ${b.name}，${fmt(b.total)} 分，${b.grade}`;
  const out = [`参评党支部 ${branches.length} 个${result.complete ? '' : '（评分尚未全部录入，以下结果为暂定）'}。`];
  if (branches.length <= 6) {
    out.push('排名：', ...branches.map((b) => `   ${line(b)}`));
  } else {
    out.push('排名前列：', ...branches.slice(0, 3).map((b) => `   ${line(b)}`));
    out.push('排名靠后：', ...branches.slice(-3).map((b) => `   ${line(b)}`));
  }
  const counts = period.settings.grades.map((g) => `${g.label} ${branches.filter((b) => b.grade === g.label).length} 个`);
  out.push(`等次分布：${counts.join('，')}。`);
  const vetoed = branches.filter((b) => b.vetoed);
  out.push(
    vetoed.length === 0
      ? '一票否决：无。'
      : `一票否决：${vetoed.map((b) => `${b.code} ${b.name}（${b.vetoIndicatorIds.map((id) => names.get(id) ?? id).join('、')}）`).join('；')}。`,
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

  const lines: string[] = [`${meeting.title}会议纪要`, '', `考核周期：${meeting.periodName}`, `会议类型：${kind}`, ''];
  lines.push(`时间：${chineseDate(meeting.date)}${meeting.startTime ? ` ${meeting.startTime}` : ''}`);
  lines.push(`地点：${meeting.place || '（待填写）'}`);
  lines.push(`主持人：${meeting.chair || '（待填写）'}`);
  lines.push(`出席：${present.length ? `${present.map(person).join('、')}（共 ${present.length} 人）` : '（无）'}`);
  if (guests.length) lines.push(`列席：${guests.map(person).join('、')}`);
  lines.push(`缺席：${absent.length ? absent.map((a) => (a.note ? `${a.name}（${a.note}）` : a.name)).join('、') : '无'}`);
  if (meeting.recorder) lines.push(`记录人：${meeting.recorder}`);
  lines.push('', '一、会议议程及议定事项');
  if (meeting.items.length === 0) lines.push('（议程为空）');
  meeting.items.forEach((item, i) => lines.push(...itemLines(ctx, meeting, item, i)));
  lines.push('', '二、考核结果', ...resultsLines(ctx, meeting));
  lines.push('', `${meeting.chair ? `主持人：${meeting.chair}    ` : ''}记录人：${meeting.recorder || '__________'}`, chineseDate(meeting.date));
  return lines.join('\n');
}
