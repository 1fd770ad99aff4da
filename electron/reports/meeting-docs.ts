/**
 * The documents of the review meeting (评审会), A4 portrait, in the one style:
 *
 *  - 评审会材料 (`meetingPackDocx`): the meeting's arrangements, the agenda with
 *    each 述职 and its planned minutes, the attendance list with a column to
 *    sign in, and one page per branch reporting — its particulars and, once
 *    the period's results may be seen, its total, rank, grade, subtotals,
 *    dimensions, deductions and vetoes (before that, how far the panel has
 *    scored it) — with room for the panel's 评议意见;
 *  - 会议纪要 (`minutesDocx`): the minutes text recorded at the meeting (or the
 *    draft made from the record), set as an official document, with the
 *    chair's and recorder's signature lines;
 *  - 公示 (`publicationDocx`): the results published for the publicity period,
 *    every branch with its grade, the period and where objections go.
 */
import type { FileChild } from 'docx';
import { agendaItemTitle, chineseDate, MEETING_KIND_LABELS, type MeetingDetail, type Publication } from '../../shared/domain/meetings';
import { branchCompletenessText, periodCompletenessText } from './completeness';
import { deductionsOf } from './feedback';
import { gradeStory, percent, plain, points, rateOf, reasonsText, TAG_LABELS, TAGS_IN_ORDER, type ReviewData } from './review-data';
import { GAP, officialStyle, SIZE, toBuffer, type FontScheme, type OfficialStyle, type RowSpec } from './style';

const labelCell = (text: string) => ({ text, role: 'heading1' as const, shade: true, align: 'center' as const });

/** A long title in pieces that break well: the period's name apart from what follows it. */
const titlePieces = (text: string, periodName: string): string[] =>
  text.startsWith(periodName) && text.length > periodName.length ? [periodName, text.slice(periodName.length)] : [text];

// ---------------------------------------------------------------- 评审会材料

function branchPage(s: OfficialStyle, meeting: MeetingDetail, item: MeetingDetail['items'][number], index: number, data: ReviewData | null): FileChild[] {
  const b = item.branch!;
  const out: FileChild[] = [
    // One page a branch; the first follows the section's heading on its page.
    s.paragraph(`（${index}）${b.code}${GAP}${b.name}`, { role: 'heading2', keepNext: true, pageBreakBefore: index > 1 }),
    s.table(
      [{ width: 26 }, { width: 52 }, { width: 26 }, { width: 52 }],
      [
        { cells: [labelCell('支部书记'), b.secretary || '—', labelCell('党员人数'), b.memberCount === null ? '—' : `${b.memberCount} 人`] },
        { cells: [labelCell('所属单位'), b.unit || '—', labelCell('述职时长'), `${item.plannedMinutes} 分钟`] },
      ],
      { headerRows: [[labelCell('党支部'), { text: `${b.code}${GAP}${b.name}`, span: 3 }]] },
    ),
  ];
  const row = data && b.inPeriod ? data.resultOf.get(b.id) : undefined;
  if (data && row) {
    const story = gradeStory(data, row);
    out.push(
      s.paragraph(
        `考核总分 ${points(row.total)} 分（基本分 ${points(row.base)} 分，加分 ${points(row.bonus)} 分），在 ${data.result.branches.length} 个参评党支部中排第 ${row.rank} 名，` +
          `等次${row.grade}${story ? `（${story}）` : ''}，融合类型${row.quadrant ?? '—'}。${branchCompletenessText(data.completeness, row.branchId, { who: '该支部', overrides: false })}`,
        { size: SIZE.四号, spacingBefore: 120 },
      ),
    );
    out.push(
      s.table(
        [
          { header: '考核维度', width: 48 },
          { header: '得分', width: 24, align: 'center' },
          { header: '满分', width: 20, align: 'center' },
          { header: '得分率', width: 30, align: 'center' },
          { header: '全体平均', width: 34, align: 'center' },
        ],
        [
          ...data.dimensions.map((d) => [d.name, points(row.nodes[d.id]?.points), plain(d.maxPoints), percent(rateOf(data, row, d)), percent(data.averageRate.get(d.id) ?? null)]),
          ...TAGS_IN_ORDER.filter((t) => row.tags[t].max > 0).map(
            (t): RowSpec => ({ cells: [`${TAG_LABELS[t]}小计`, points(row.tags[t].points), plain(row.tags[t].max), percent(row.tags[t].rate), percent(data.averageTagRate[t])], shade: true }),
          ),
        ],
        { size: SIZE.五号 },
      ),
    );
    // Deductions in one sentence (the feedback sheet has them item by item): count, points, the reasons raters gave most.
    const deductions = deductionsOf(data, row).filter((d) => d.lost > 0);
    const reasonCounts = new Map<string, number>();
    // A business-data trigger's working is nobody's record: it is not among the reasons raters recorded most.
    for (const d of deductions) for (const r of d.reasons) if (!r.data) reasonCounts.set(r.text, (reasonCounts.get(r.text) ?? 0) + r.raters);
    const top = [...reasonCounts].sort((x, y) => y[1] - x[1]).slice(0, 5);
    out.push(
      s.paragraph(
        deductions.length
          ? `扣分事项 ${deductions.length} 项，共扣 ${points(deductions.reduce((sum, d) => sum + d.lost, 0))} 分` +
              (top.length ? `；评委记录较多的原因：${top.map(([text, n]) => `${text}（${n}人次）`).join('、')}。` : '。')
          : '扣分事项：无。',
        { size: SIZE.四号, spacingBefore: 120 },
      ),
    );
    if (row.vetoed) {
      const records = data.records.get(row.branchId);
      const items = row.vetoIndicatorIds.map((id) => `“${data.byId.get(id)?.name ?? id}”${records?.get(id)?.reasons.length ? `（${reasonsText(records.get(id)!.reasons)}）` : ''}`);
      out.push(s.paragraph(`一票否决：${items.join('、')}。`, { size: SIZE.四号 }));
    }
  } else if (item.progress) {
    const p = item.progress;
    out.push(
      s.paragraph(
        `评分进度：${p.ratersDone} / ${p.ratersEligible} 位评委已完成评分（${p.cellsScored} / ${p.cellsExpected} 项）。${meeting.resultsVisible ? '' : '考核结果在评审阶段开始后生成。'}`,
        { size: SIZE.四号, spacingBefore: 120 },
      ),
    );
  }
  out.push(
    s.table([{ header: '评议意见', width: 1 }, { width: 1 }], [{ cells: [{ text: '', span: 2 }], minHeightMm: 38 }], {
      headerRows: [[{ text: '评议意见', span: 2 }]],
    }),
  );
  return out;
}

export interface MeetingPackOptions {
  fontScheme?: FontScheme;
  /** The period's results, when they may be seen. */
  data: ReviewData | null;
  /** Results not yet published: the pack says it stays in the room. */
  confidential: boolean;
}

export async function meetingPackDocx(meeting: MeetingDetail, o: MeetingPackOptions): Promise<Buffer> {
  const s = officialStyle({ fontScheme: o.fontScheme });
  const children: FileChild[] = [...s.title(titlePieces(`${meeting.title}材料`, meeting.periodName))];
  children.push(s.subtitle(`${chineseDate(meeting.date)}${meeting.startTime ? ` ${meeting.startTime}` : ''}${meeting.place ? `${GAP}${meeting.place}` : ''}`));
  if (o.confidential) children.push(s.paragraph('（会议材料，注意保密，会后收回）', { role: 'heading2', size: SIZE.四号, align: 'center', indent: false }));
  let n = 0;
  const h1 = (text: string) => s.heading1(text, { number: ++n });

  children.push(h1('会议安排'));
  children.push(
    s.table(
      [{ width: 26 }, { width: 52 }, { width: 26 }, { width: 52 }],
      [
        { cells: [labelCell('考核周期'), { text: meeting.periodName, span: 3 }] },
        { cells: [labelCell('会议类型'), MEETING_KIND_LABELS[meeting.kind], labelCell('时间'), `${chineseDate(meeting.date)}${meeting.startTime ? ` ${meeting.startTime}` : ''}`] },
        { cells: [labelCell('地点'), meeting.place || '—', labelCell('主持人'), meeting.chair || '—'] },
        { cells: [labelCell('记录人'), meeting.recorder || '—', labelCell('参会人数'), `${meeting.attendees.length} 人`] },
      ],
      { headerRows: [[labelCell('会议名称'), { text: meeting.title, span: 3 }]] },
    ),
  );

  children.push(h1('会议议程'));
  const total = meeting.items.reduce((sum, i) => sum + i.plannedMinutes, 0);
  children.push(
    meeting.items.length
      ? s.table(
          [
            { header: '序号', width: 14, align: 'center' },
            { header: '议程', width: 92 },
            { header: '述职人', width: 26, align: 'center' },
            { header: '时长（分钟）', width: 24, align: 'center' },
          ],
          [
            ...meeting.items.map((item, i) => [String(i + 1), agendaItemTitle(item), item.branch?.secretary ?? '', String(item.plannedMinutes)]),
            { cells: ['', { text: '合计', role: 'heading1' }, '', String(total)], shade: true },
          ],
        )
      : s.paragraph('（议程尚未安排）'),
  );

  children.push(h1('出席人员'));
  children.push(
    meeting.attendees.length
      ? s.table(
          [
            { header: '序号', width: 14, align: 'center' },
            { header: '姓名', width: 28, align: 'center' },
            { header: '职务', width: 36 },
            { header: '所在组', width: 28, align: 'center' },
            { header: '签到', width: 30 },
            { header: '备注', width: 20, size: SIZE.五号 },
          ],
          meeting.attendees.map((a, i) => ({ cells: [String(i + 1), a.name, a.title, a.groupName ?? '列席', '', a.present ? a.note : a.note || '缺席'], minHeightMm: 9 })),
        )
      : s.paragraph('（出席人员尚未确定）'),
  );

  const reports = meeting.items.filter((i) => i.kind === 'report' && i.branch);
  if (reports.length) {
    children.push(s.heading1('各党支部情况', { number: ++n, pageBreakBefore: true }));
    children.push(
      s.paragraph(
        o.data
          ? `按议程顺序，每个述职党支部一页（全体平均为 ${o.data.result.branches.length} 个参评党支部的平均得分率）。${periodCompletenessText(o.data.completeness)}`
          : `按议程顺序，每个述职党支部一页（考核结果在评审阶段开始后生成）。`,
      ),
    );
    reports.forEach((item, i) => children.push(...branchPage(s, meeting, item, i + 1, o.data)));
  }
  return toBuffer(s.document([s.section(children)], { title: `${meeting.title}材料` }));
}

// ---------------------------------------------------------------- 会议纪要

/**
 * The minutes text (one line a paragraph) as an official document: its first
 * line is the title; "一、" lines are 黑体 headings, "（一）" lines 楷体; the
 * closing date and the chair/recorder line are right-aligned; then the
 * signature lines.
 */
export async function minutesDocx(meeting: MeetingDetail, text: string, o: { fontScheme?: FontScheme }): Promise<Buffer> {
  const s = officialStyle({ fontScheme: o.fontScheme });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const titleLine = first >= 0 && /纪要$/.test(lines[first]!.trim()) ? lines[first]!.trim() : `${meeting.title}会议纪要`;
  const body = first >= 0 && titleLine === lines[first]!.trim() ? lines.slice(first + 1) : lines;
  const children: FileChild[] = [...s.title(titlePieces(titleLine, meeting.periodName))];
  // The closing — a date on the last line, the chair/recorder line just before it — is set right.
  while (body.length && body[body.length - 1]!.trim() === '') body.pop();
  const isDate = (l: string) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.trim());
  const dateAt = body.length && isDate(body[body.length - 1]!) ? body.length - 1 : -1;
  let closingAt = -1;
  for (let i = dateAt - 1; i >= 0 && dateAt >= 0; i--) {
    if (!body[i]!.trim()) continue;
    if (/(主持人|记录人)：/.test(body[i]!)) closingAt = i;
    break;
  }
  body.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (i === dateAt) children.push(s.paragraph(line, { align: 'right', indent: false, indentTwips: { right: 4 * SIZE.三号 * 20 } }));
    else if (i === closingAt) children.push(s.paragraph(line.replace(/\s{2,}/g, GAP + GAP), { align: 'right', indent: false, spacingBefore: 579 }));
    else if (/^[一二三四五六七八九十]+、/.test(line)) children.push(s.heading1(line));
    else if (/^（[一二三四五六七八九十]+）/.test(line)) children.push(s.heading2(line));
    else children.push(s.paragraph(line));
  });
  children.push(s.signatureLines(['主持人签字', '记录人签字']));
  return toBuffer(s.document([s.section(children)], { title: titleLine }));
}

// ---------------------------------------------------------------- 公示

export interface PublicationOptions {
  fontScheme?: FontScheme;
  issuer: string;
  date: Date;
}

export async function publicationDocx(data: ReviewData, publication: Publication, o: PublicationOptions): Promise<Buffer> {
  const s = officialStyle({ fontScheme: o.fontScheme });
  const { period, result } = data;
  const children: FileChild[] = [...s.title(['关于', period.name, '结果的公示'])];
  children.push(
    s.paragraph(
      `按照${period.name}工作安排，经考评组考核评价、评审会审议，${result.branches.length} 个党支部的考核结果已经产生。为广泛听取意见，接受监督，现将考核结果予以公示（见下表）。`,
    ),
  );
  const counts = period.settings.grades.map((g) => ({ label: g.label, n: result.branches.filter((b) => b.grade === g.label).length })).filter((g) => g.n > 0);
  children.push(s.paragraph(`其中，${counts.map((g) => `${g.label}等次 ${g.n} 个`).join('，')}。`));
  const completeness = periodCompletenessText(data.completeness);
  if (completeness) children.push(s.paragraph(completeness));
  children.push(
    s.paragraph(
      `公示期：${chineseDate(publication.publicityStart)}至${chineseDate(publication.publicityEnd)}。公示期间，对考核结果如有异议，请向${publication.objectionContact}反映。` +
        '反映问题应实事求是、客观公正，以单位名义反映的应加盖公章，以个人名义反映的应署真实姓名并留联系方式。',
    ),
  );
  children.push(
    s.table(
      [
        { header: '名次', width: 14, align: 'center' },
        { header: '党支部', width: 80 },
        { header: '总分', width: 26, align: 'center' },
        { header: '考核等次', width: 36, align: 'center' },
      ],
      result.branches.map((b) => [String(b.rank), b.name, points(b.total), b.grade]),
      { size: SIZE.小四 },
    ),
  );
  const vetoed = result.branches.filter((b) => b.vetoed);
  if (vetoed.length) {
    children.push(
      s.paragraph(`注：${vetoed.map((b) => `${b.name}触发一票否决（${b.vetoIndicatorIds.map((id) => data.byId.get(id)?.name ?? id).join('、')}），等次定为${b.grade}`).join('；')}。`, {
        size: SIZE.小四,
        indent: false,
        spacingBefore: 60,
      }),
    );
  }
  children.push(...s.signOff(o.issuer, o.date));
  return toBuffer(s.document([s.section(children)], { title: `关于${period.name}结果的公示` }));
}
