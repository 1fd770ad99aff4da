/**
 * 考核结果通报: the results bulletin, A4 portrait, written from the data:
 *
 *  title "关于…结果的通报", addressee "各党支部：", an opening paragraph, then
 *  一、总体情况      a summary (branches, average, highest/lowest, grade counts,
 *                   the quota, vetoes), the ranking table (名次, 党支部, 总分,
 *                   党建, 业务, 融合, 等次) and the ranking chart;
 *  二、等次名单      each grade's branches;
 *  三、党建业务融合情况  the quadrant chart and its reading: which branches are
 *                   党建强业务弱 / 业务强党建弱 (两张皮);
 *  四、一票否决情况  the vetoed branches, items and reasons;
 *  五、各维度亮点与不足  the dimensions the panel scored highest and lowest on
 *                   average, with the branches that stand out, and the leaves
 *                   that lost most points across the period;
 *  a closing paragraph, 附件说明, the issuing body and date; then 附件1 (every
 *  branch's points per dimension) on a landscape page of its own.
 */
import type { FileChild } from 'docx';
import type { BranchResult } from '../../shared/engine';
import type { ChartImage } from './charts';
import { periodCompletenessText } from './completeness';
import { byData, byOffice, count, percent, plain, points, rateOf, reasonsText, type ReviewData } from './review-data';
import { GAP, officialStyle, SIZE, toBuffer, type CellInput, type FontScheme, type OfficialStyle, type RowSpec } from './style';

export interface BulletinOptions {
  fontScheme?: FontScheme;
  issuer: string;
  date: Date;
  charts: { ranking: ChartImage | null; quadrant: ChartImage | null };
}

const list = (names: string[]) => names.join('、');
const nameList = (bs: BranchResult[]) => list(bs.map((b) => b.name));

/** Branches of a quadrant, in rank order. */
const inQuadrant = (data: ReviewData, q: string) => data.result.branches.filter((b) => b.quadrant === q);

export function bulletinChildren(s: OfficialStyle, data: ReviewData, o: BulletinOptions): { main: FileChild[]; attachment: FileChild[] } {
  const { result, settings, period } = data;
  const branches = result.branches;
  const n = branches.length;
  const main: FileChild[] = [...s.title(['关于', period.name, '结果的通报'])];
  if (period.status !== 'finalised') main.push(s.paragraph('（讨论稿）', { role: 'heading2', align: 'center', indent: false, spacingAfter: 120 }));
  main.push(s.paragraph('各党支部：', { indent: false }));
  main.push(
    s.paragraph(
      `按照${period.name}工作安排，考评组 ${data.raterCount} 位评委依据“${period.frameworkName}”指标体系（第 ${period.frameworkVersion} 版），` +
        `对 ${n} 个党支部的党建工作和生产经营工作进行了一体化考核评价，结合业务数据计算得分，经评审形成考核结果。现将有关情况通报如下。`,
    ),
  );
  // What the results rest on, said once and up front: 暂定 and what is missing, or a 定稿 made without it.
  const completeness = periodCompletenessText(data.completeness);
  if (completeness) main.push(s.paragraph(completeness));

  // 一、总体情况
  let sectionNumber = 0;
  const h1 = (text: string) => s.heading1(text, { number: ++sectionNumber });
  main.push(h1('总体情况'));
  if (!n) {
    main.push(s.paragraph('本周期没有参评的党支部。'));
    return { main, attachment: [] };
  }
  const byTotal = [...branches].sort((a, b) => b.total - a.total);
  const top = byTotal.filter((b) => b.total === byTotal[0]!.total);
  const bottom = byTotal.filter((b) => b.total === byTotal[n - 1]!.total);
  const gradeCounts = settings.grades.map((g) => ({ label: g.label, n: branches.filter((b) => b.grade === g.label).length }));
  const vetoed = branches.filter((b) => b.vetoed);
  const quotaText = result.quotas
    .map((q) => {
      const moved = q.movedBranchIds.length;
      const next = settings.grades[settings.grades.findIndex((g) => g.label === q.label) + 1]?.label;
      return `按规定，${q.label}等次不超过参评党支部的 ${plain(q.maxShare * 100)}%（${q.allowed} 个）${moved ? `，另有 ${moved} 个党支部达到${q.label}分数线，因名额限制按名次评为${next ?? '下一等次'}` : ''}`;
    })
    .join('；');
  main.push(
    s.paragraph(
      `本次参评党支部 ${n} 个，平均得分 ${points(data.averageTotal)} 分；最高 ${points(top[0]!.total)} 分（${nameList(top)}），最低 ${points(bottom[0]!.total)} 分（${nameList(bottom)}）。` +
        `评定${gradeCounts.map((g) => `${g.label} ${g.n} 个`).join('、')}。` +
        (quotaText ? `${quotaText}。` : '') +
        (vetoed.length ? `${vetoed.length} 个党支部触发一票否决。` : '没有党支部触发一票否决。') +
        '各党支部得分及排名见下表。',
    ),
  );
  main.push(
    s.table(
      [
        { header: '名次', width: 12, align: 'center', tight: true },
        { header: '党支部', width: 62 },
        { header: '总分', width: 18, align: 'center' },
        { header: '党建', width: 16, align: 'center' },
        { header: '业务', width: 16, align: 'center' },
        { header: '融合', width: 16, align: 'center' },
        { header: '等次', width: 16, align: 'center', tight: true },
      ],
      branches.map((b) => [
        String(b.rank),
        b.name,
        points(b.total),
        points(b.tags.party.points),
        points(b.tags.business.points),
        points(b.tags.fusion.points),
        b.vetoed ? { text: `${b.grade}\n（否决）`, size: SIZE.五号 } : b.grade,
      ]),
    ),
  );
  main.push(
    s.paragraph(
      `注：基本分满分 ${plain(result.baseMax)} 分（党建 ${plain(result.tagMax.party)} 分、业务 ${plain(result.tagMax.business)} 分、融合 ${plain(result.tagMax.fusion)} 分），总分含加分${settings.bonusCap !== null ? `（上限 ${plain(settings.bonusCap)} 分）` : ''}。` +
        '总分相同的，依次比较业务、党建得分，再比较扣分少者；触发一票否决的党支部列于其后。',
      { size: SIZE.小四, indent: false, spacingBefore: 60 },
    ),
  );
  if (o.charts.ranking) {
    main.push(
      ...s.image(o.charts.ranking.png, {
        widthMm: o.charts.ranking.widthMm,
        heightMm: o.charts.ranking.heightMm,
        caption: `图1${GAP}${n > 40 ? '各党支部总分分布' : '各党支部总分排名'}`,
      }),
    );
  }

  // 二、等次名单
  main.push(h1('等次名单'));
  settings.grades.forEach((g, i) => {
    const holders = branches.filter((b) => b.grade === g.label);
    main.push(s.heading2(`${g.label}（${count(holders.length)}）`, { number: i + 1 }));
    main.push(s.paragraph(holders.length ? `${nameList(holders)}。` : '无。'));
  });

  // 三、党建业务融合情况
  main.push(h1('党建业务融合情况'));
  const split = result.split;
  const dual = inQuadrant(data, '双强');
  const weak = inQuadrant(data, '双弱');
  const partyStrong = inQuadrant(data, '党建强业务弱');
  const businessStrong = inQuadrant(data, '业务强党建弱');
  main.push(
    s.paragraph(
      `以${split.mode === 'mean' ? '各党支部党建、业务得分率的平均值' : '设定的得分率'}（党建 ${percent(split.party)}、业务 ${percent(split.business)}）为分界，` +
        `党建、业务“双强”的 ${dual.length} 个，“双弱”的 ${weak.length} 个，党建强业务弱的 ${partyStrong.length} 个，业务强党建弱的 ${businessStrong.length} 个（见图2）。`,
    ),
  );
  if (partyStrong.length || businessStrong.length) {
    main.push(
      s.paragraph(
        (partyStrong.length ? `党建强业务弱的有：${nameList(partyStrong)}。` : '') +
          (businessStrong.length ? `业务强党建弱的有：${nameList(businessStrong)}。` : '') +
          '这些党支部党建工作与生产经营工作得分差距明显，存在“两张皮”倾向，要把党建工作融入生产经营的目标、任务和考核，推动二者同部署、同推进、同考核。',
      ),
    );
  } else {
    main.push(s.paragraph('各党支部党建与业务得分基本同步，没有明显的“两张皮”现象。'));
  }
  if (weak.length) main.push(s.paragraph(`党建、业务“双弱”的有：${nameList(weak)}，要作为重点帮扶对象，查找短板，限期提升。`));

  if (o.charts.quadrant) {
    main.push(
      ...s.image(o.charts.quadrant.png, {
        widthMm: o.charts.quadrant.widthMm,
        heightMm: o.charts.quadrant.heightMm,
        caption: `图2${GAP}党建业务融合象限${n > 15 ? '（图中数字为名次）' : ''}`,
      }),
    );
  }
  // 四、一票否决情况
  main.push(h1('一票否决情况'));
  if (vetoed.length) {
    for (const b of vetoed) {
      const records = data.records.get(b.branchId);
      const items = b.vetoIndicatorIds.map((id) => `“${data.byId.get(id)?.name ?? id}”`);
      const reasons = b.vetoIndicatorIds.flatMap((id) => records?.get(id)?.reasons ?? []);
      main.push(
        s.paragraph(
          `${b.name}因${items.join('、')}被一票否决，总分 ${points(b.total)} 分，考核等次定为${b.grade}。` +
            (reasons.length
              ? byData(reasons) && !byOffice(reasons)
                ? `业务数据触发：${reasons.map((r) => r.text).join('；')}。`
                : `${byOffice(reasons) ? '考核组核定的情况' : '评委记录的情况'}：${reasonsText(reasons)}。`
              : ''),
        ),
      );
    }
  } else {
    main.push(s.paragraph('本次考核没有党支部触发一票否决事项。'));
  }

  // 五、各维度亮点与不足
  main.push(h1('各维度亮点与不足'));
  const dims = data.dimensions
    .map((d) => ({ d, avg: data.averageRate.get(d.id) ?? null }))
    .filter((x): x is { d: (typeof data.dimensions)[number]; avg: number } => x.avg !== null)
    .sort((a, b) => b.avg - a.avg);
  const examples = (d: (typeof dims)[number]['d'], best: boolean) =>
    branches
      .map((b) => ({ b, r: rateOf(data, b, d) }))
      .filter((x): x is { b: BranchResult; r: number } => x.r !== null)
      .sort((x, y) => (best ? y.r - x.r : x.r - y.r) || x.b.rank - y.b.rank)
      .slice(0, 3)
      .map((x) => `${x.b.name}（${percent(x.r)}）`);
  if (dims.length >= 2) {
    const strong = dims.slice(0, Math.min(2, Math.floor(dims.length / 2)));
    const weakDims = dims.slice(-Math.min(2, Math.floor(dims.length / 2))).reverse();
    main.push(s.heading2('亮点', { number: 1 }));
    strong.forEach((x, i) => {
      main.push(s.paragraph(`“${x.d.name}”维度平均得分率 ${percent(x.avg)}，${i === 0 ? '为各维度最高' : '居各维度第二'}，${list(examples(x.d, true))}等党支部表现突出。`));
    });
    main.push(s.heading2('不足', { number: 2 }));
    weakDims.forEach((x, i) => {
      main.push(s.paragraph(`“${x.d.name}”维度平均得分率 ${percent(x.avg)}，${i === 0 ? '为各维度最低' : '居各维度倒数第二'}，${list(examples(x.d, false))}等党支部得分偏低。`));
    });
    // Leaves that lost most points across the period, by average rate.
    const lostMost = data.leaves
      .filter((l) => !data.bonus.has(l.id) && l.method && l.method.kind !== 'veto' && l.maxPoints > 0)
      .map((l) => ({ l, avg: data.averageRate.get(l.id) ?? null }))
      .filter((x): x is { l: (typeof data.leaves)[number]; avg: number } => x.avg !== null && x.avg < 0.9)
      .sort((a, b) => a.avg - b.avg)
      .slice(0, 5);
    if (lostMost.length) {
      main.push(s.paragraph(`从具体指标看，失分较多的有${list(lostMost.map((x) => `“${x.l.name}”（平均得分率 ${percent(x.avg)}）`))}，各党支部要对照检查，举一反三。`));
    }
  } else {
    main.push(s.paragraph('本指标体系的考核维度较少，不作维度比较。'));
  }

  main.push(
    s.paragraph(
      '各党支部要对照考核反馈单和问题清单，逐项制定整改措施，明确责任人和完成时限，把整改落实情况纳入下一考核周期检查。获评优秀等次的党支部要发挥示范作用，持续推动党建工作与生产经营深度融合。',
    ),
  );

  // 附件说明, 署名, 日期; then the attachment.
  const attachmentTitle = '各党支部分维度得分情况';
  main.push(...s.attachmentNote([attachmentTitle]));
  main.push(...s.signOff(o.issuer, o.date));

  const attachment: FileChild[] = [s.attachmentLabel(1), ...s.title(attachmentTitle, { orientation: 'landscape' })];
  const dimCols = data.dimensions;
  const bonusCol = data.bonusRoots.length > 0;
  // Narrow columns: names of four characters or more over two lines.
  const dimHeader = (name: string): CellInput => ({ text: name.length >= 4 ? `${name.slice(0, Math.ceil(name.length / 2))}\n${name.slice(Math.ceil(name.length / 2))}` : name, size: SIZE.五号 });
  const rows: RowSpec[] = branches.map((b) => ({
    cells: [
      String(b.rank),
      b.name,
      ...dimCols.map((d) => points(b.nodes[d.id]?.points)),
      ...(bonusCol ? [points(b.bonus)] : []),
      points(b.total),
      b.vetoed ? `${b.grade}\n（否决）` : b.grade,
    ],
  }));
  rows.push({
    cells: [
      '',
      { text: '满分', role: 'heading1' },
      ...dimCols.map((d) => plain(d.maxPoints)),
      ...(bonusCol ? [settings.bonusCap === null ? '—' : `≤${plain(settings.bonusCap)}`] : []),
      '',
      '',
    ],
    shade: true,
  });
  rows.push({
    cells: ['', { text: '平均得分率', role: 'heading1' }, ...dimCols.map((d) => percent(data.averageRate.get(d.id) ?? null)), ...(bonusCol ? [''] : []), '', ''],
    shade: true,
  });
  // The landscape block is 225 mm: the branch's name gets what the figures leave (at least 50 mm).
  const figures = dimCols.length + (bonusCol ? 1 : 0);
  const narrow = Math.max(13, Math.min(18, (225 - 12 - 50 - 16 - 18) / Math.max(1, figures)));
  attachment.push(
    s.table(
      [
        { width: 12, align: 'center', tight: true },
        { width: Math.max(50, 225 - 12 - 16 - 18 - narrow * figures) },
        ...dimCols.map(() => ({ width: narrow, align: 'center' as const, size: SIZE.五号, tight: true })),
        ...(bonusCol ? [{ width: narrow, align: 'center' as const, size: SIZE.五号, tight: true }] : []),
        { width: 16, align: 'center' as const, size: SIZE.五号, tight: true },
        { width: 18, align: 'center' as const, size: SIZE.五号, tight: true },
      ],
      rows,
      {
        orientation: 'landscape',
        size: SIZE.五号,
        headerRows: [['名次', '党支部', ...dimCols.map((d) => dimHeader(d.name)), ...(bonusCol ? [dimHeader('加分')] : []), dimHeader('总分'), dimHeader('等次')]],
      },
    ),
  );
  return { main, attachment };
}

/** The bulletin as a .docx file's bytes. */
export async function bulletinDocx(data: ReviewData, o: BulletinOptions): Promise<Buffer> {
  const s = officialStyle({ fontScheme: o.fontScheme });
  const { main, attachment } = bulletinChildren(s, data, o);
  const sections = [s.section(main)];
  if (attachment.length) sections.push(s.section(attachment, { orientation: 'landscape' }));
  return toBuffer(s.document(sections, { title: `关于${data.period.name}结果的通报`, subject: '考核结果通报' }));
}
