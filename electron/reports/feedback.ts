/**
 * 支部考核反馈单: what one Party branch gets back from the review, A4 portrait.
 *
 *  一、考核结果    total, rank (第N名/共M个), grade, fusion quadrant, and how the
 *                 grade came about (veto, quota);
 *  二、分项得分    each first-level dimension (得分/满分/得分率 against the panel
 *                 average), the party/business/fusion subtotals, base, bonus,
 *                 total; the radar of the dimensions against the average;
 *  三、扣分与加分  every deduction with the reasons raters recorded (and how many
 *                 raters recorded each), every bonus with its items;
 *  四、一票否决    the veto items triggered, with their reasons;
 *  五、自评对照    (when the branch assessed itself) its own points against the
 *                 panel's, the largest gaps;
 *  六、问题清单    every deduction and the leaves scored lowest against their max,
 *                 each a row with 整改要求, 责任人 and 完成时限 left to fill: the
 *                 branch's rectification list;
 *  then the issuing body and date, and the branch secretary's receipt line.
 *
 * Many sheets can share one file: each is a section numbering its pages from 1.
 */
import type { FileChild, ISectionOptions } from 'docx';
import { entryModeOf, isBonusMethod, isDeductMethod, type Indicator } from '../../shared/domain/framework';
import type { SelfComparison } from '../../shared/domain/self-assessment';
import type { BranchResult } from '../../shared/engine';
import type { ChartImage, RadarAxis } from './charts';
import { branchCompletenessText } from './completeness';
import {
  branchOf,
  gradeStory,
  percent,
  plain,
  points,
  rateOf,
  byData,
  byOffice,
  officeBasisText,
  reasonsText,
  TAG_LABELS,
  TAGS_IN_ORDER,
  type ReviewData,
} from './review-data';
import { BODY_LINE, GAP, SIZE, type CellInput, type OfficialStyle, type RowSpec } from './style';
import type { RecordedReason } from './view-models';

/** Leaves scored below this share of their max go on the problem list. */
export const LOW_RATE = 0.7;
/** …and at least the lowest this many (of those below HIGH_ENOUGH), so the list is never empty without reason. */
export const LOWEST_COUNT = 5;
const HIGH_ENOUGH = 0.9;
/** Self-assessment gaps listed at most. */
const MAX_GAPS = 10;

/** The radar's axes: the branch's rate on each first-level dimension, and the panel's mean. */
export function radarAxes(data: ReviewData, branchId: number): RadarAxis[] {
  const { result } = branchOf(data, branchId);
  return data.dimensions.map((d) => ({ name: d.name, branch: rateOf(data, result, d), average: data.averageRate.get(d.id) ?? null }));
}

export interface Deduction {
  leaf: Indicator;
  /** Points lost (max − the panel's points on the leaf). */
  lost: number;
  reasons: RecordedReason[];
}

/**
 * Every deduction leaf (扣分, or 细则 that deduct) that cost points or where a rater — or the office — recorded an
 * occurrence, in tree order. A 细则 leaf's reasons are its findings in words, each naming its rule.
 */
export function deductionsOf(data: ReviewData, branch: BranchResult): Deduction[] {
  const records = data.records.get(branch.branchId);
  return data.leaves
    .filter((l) => isDeductMethod(l.method))
    .flatMap((leaf) => {
      const got = branch.nodes[leaf.id]?.points;
      const lost = got === null || got === undefined ? 0 : Math.max(0, Math.round((leaf.maxPoints - got) * 100) / 100);
      const record = records?.get(leaf.id);
      return lost > 0 || (record && (record.flaggedBy > 0 || record.reasons.length)) ? [{ leaf, lost, reasons: record?.reasons ?? [] }] : [];
    });
}

export interface Problem {
  text: string;
  leaf: Indicator;
}

/** The problem list: the vetoes triggered, every deduction that cost points, then the leaves scored lowest against their max. */
export function problemsOf(data: ReviewData, branch: BranchResult, deductions = deductionsOf(data, branch)): Problem[] {
  const records = data.records.get(branch.branchId);
  const out: Problem[] = branch.vetoIndicatorIds.map((id) => {
    const reasons = records?.get(id)?.reasons ?? [];
    return { leaf: data.byId.get(id)!, text: `触发一票否决${byData(reasons) ? '（业务数据触发）' : ''}${reasons.length ? `：${reasons.map((r) => r.text).join('；')}` : ''}` };
  });
  for (const d of deductions) {
    if (d.lost <= 0) continue;
    // An office finding says what it rests on, so the branch knows which record to answer to.
    const basis = d.reasons.find((r) => r.office)?.office;
    const lost = `扣 ${points(d.lost)} 分${basis ? `；${officeBasisText(basis)}` : byData(d.reasons) ? '；业务数据触发' : ''}`;
    out.push({ leaf: d.leaf, text: d.reasons.length ? `${d.reasons.map((r) => r.text).join('；')}（${lost}）` : `扣 ${points(d.lost)} 分（评委未写明原因）` });
  }
  const listed = new Set(deductions.map((d) => d.leaf.id));
  const scored = data.leaves
    .filter((l) => !listed.has(l.id) && !data.bonus.has(l.id) && l.method && l.method.kind !== 'veto' && !isDeductMethod(l.method) && l.maxPoints > 0)
    .map((leaf) => ({ leaf, rate: rateOf(data, branch, leaf) }))
    .filter((x): x is { leaf: Indicator; rate: number } => x.rate !== null && x.rate < HIGH_ENOUGH)
    .sort((a, b) => a.rate - b.rate);
  const low = scored.filter((x, i) => x.rate < LOW_RATE || i < LOWEST_COUNT);
  for (const { leaf, rate } of low) {
    const got = branch.nodes[leaf.id]!.points!;
    const average = data.averageRate.get(leaf.id) ?? null;
    const of = `得 ${points(got)} 分，满分 ${plain(leaf.maxPoints)} 分`;
    let text = average !== null && rate < average ? `得分率 ${percent(rate)}，低于全体平均 ${percent(average)}（${of}）` : `得分率 ${percent(rate)}（${of}），全体平均 ${percent(average)}`;
    if (leaf.method?.kind === 'quantitative') {
      const m = data.measurements.get(`${branch.branchId}:${leaf.id}`);
      if (m) text = m.actual === null ? `业务数据未报（目标 ${plain(m.target)}）` : `目标 ${plain(m.target)}，实际 ${plain(m.actual)}，${of}`;
    }
    out.push({ leaf, text });
  }
  return out;
}

/** A line of the results table: two label/value pairs. */
const pairRow = (a: [string, string], b: [string, string]): RowSpec => ({
  cells: [{ text: a[0], role: 'heading1', shade: true, align: 'center' }, a[1], { text: b[0], role: 'heading1', shade: true, align: 'center' }, b[1]],
});

export interface FeedbackParts {
  chart: ChartImage | null;
  self: SelfComparison | null;
  issuer: string;
  date: Date;
  /** A sheet in a file of many: pages numbered from 1 again. */
  restartNumbering?: boolean;
}

/** One branch's feedback sheet as a section. */
export function feedbackSection(s: OfficialStyle, data: ReviewData, branchId: number, parts: FeedbackParts): ISectionOptions {
  const { info, result: b } = branchOf(data, branchId);
  const total = data.result.branches.length;
  const children: FileChild[] = [...s.title([data.period.name, '党支部考核反馈单'])];
  children.push(s.subtitle(`${info.code}${GAP}${info.name}`));
  if (data.period.status !== 'finalised') children.push(s.paragraph('（考核结果尚未定稿，以定稿结果为准）', { role: 'heading2', size: SIZE.四号, align: 'center', indent: false }));
  let sectionNumber = 0;
  const h1 = (text: string) => s.heading1(text, { number: ++sectionNumber });

  // 一、考核结果
  children.push(h1('考核结果'));
  children.push(
    s.table(
      [{ width: 26 }, { width: 52 }, { width: 26 }, { width: 52 }],
      [
        pairRow(['支部书记', info.secretary || '—'], ['所属单位', info.unit || '—']),
        pairRow(['考核总分', `${points(b.total)} 分`], ['综合排名', `第 ${b.rank} 名（共 ${total} 个）`]),
        pairRow(['基本分', `${points(b.base)} 分（满分 ${plain(data.result.baseMax)} 分）`], ['加分', `${points(b.bonus)} 分`]),
        pairRow(['考核等次', b.grade], ['融合类型', b.quadrant ?? '—']),
      ],
      // The branch's name heads the table (and any page it runs onto).
      { headerRows: [['党支部', { text: `${info.code}${GAP}${info.name}`, span: 3 }]] },
    ),
  );
  const story = gradeStory(data, b);
  const incomplete = branchCompletenessText(data.completeness, branchId, { who: '你支部', overrides: true });
  children.push(
    s.paragraph(
      `经考评组评审，你支部在本次考核中得 ${points(b.total)} 分，在 ${total} 个参评党支部中排第 ${b.rank} 名，考核等次为“${b.grade}”${story ? `（${story}）` : ''}。${incomplete}`,
      { spacingBefore: 120 },
    ),
  );

  // 二、分项得分
  children.push(h1('分项得分'));
  const rateCell = (r: number | null): CellInput => percent(r);
  const dimensionRows: RowSpec[] = data.dimensions.map((d, i) => ({
    cells: [String(i + 1), d.name, points(b.nodes[d.id]?.points), plain(d.maxPoints), rateCell(rateOf(data, b, d)), rateCell(data.averageRate.get(d.id) ?? null)],
  }));
  const tagRows: RowSpec[] = TAGS_IN_ORDER.filter((t) => b.tags[t].max > 0).map((t) => ({
    cells: ['', `${TAG_LABELS[t]}小计`, points(b.tags[t].points), plain(b.tags[t].max), rateCell(b.tags[t].rate), rateCell(data.averageTagRate[t])],
    shade: true,
  }));
  const bonusCap = data.settings.bonusCap;
  children.push(
    s.table(
      [
        { header: '序号', width: 12, align: 'center' },
        { header: '考核维度', width: 44 },
        { header: '得分', width: 22, align: 'center' },
        { header: '满分', width: 18, align: 'center' },
        { header: '得分率', width: 26, align: 'center' },
        { header: '全体平均\n得分率', width: 34, align: 'center' },
      ],
      [
        ...dimensionRows,
        ...tagRows,
        { cells: ['', { text: '基本分合计', role: 'heading1' }, points(b.base), plain(data.result.baseMax), rateCell(data.result.baseMax > 0 ? b.base / data.result.baseMax : null), rateCell(data.result.baseMax > 0 ? data.averageTotal / data.result.baseMax : null)], shade: true },
        ...(data.bonusRoots.length ? [{ cells: ['', { text: '加分', role: 'heading1' as const }, points(b.bonus), bonusCap === null ? '—' : `≤${plain(bonusCap)}`, '', ''], shade: true }] : []),
        { cells: ['', { text: '总分', role: 'heading1' }, points(b.total), '', '', ''], shade: true },
      ],
    ),
  );
  children.push(
    s.paragraph(`注：得分率为得分占满分的比例；全体平均为 ${total} 个参评党支部的平均得分率。党建、业务、融合小计按各末级指标的类别汇总。`, {
      size: SIZE.小四,
      indent: false,
      spacingBefore: 60,
    }),
  );
  if (parts.chart) {
    children.push(...s.image(parts.chart.png, { widthMm: parts.chart.widthMm, heightMm: parts.chart.heightMm, caption: '各考核维度得分率与全体平均对比' }));
  }

  // 三、扣分与加分
  children.push(h1('扣分与加分情况'));
  const deductions = deductionsOf(data, b);
  children.push(s.heading2('扣分', { number: 1 }));
  if (deductions.length) {
    children.push(
      s.table(
        [
          { header: '序号', width: 12, align: 'center' },
          { header: '指标', width: 44 },
          { header: '扣分', width: 18, align: 'center' },
          { header: recordedByHeader('扣分原因', deductions.map((d) => d.leaf)), width: 82, size: SIZE.五号 },
        ],
        deductions.map((d, i) => [
          String(i + 1),
          `${d.leaf.code} ${d.leaf.name}`,
          d.lost > 0 ? points(d.lost) : '—',
          // 细则 findings carry their rule's number (①②…): not numbered again.
          d.reasons.length ? reasonsText(d.reasons, '\n', d.leaf.method?.kind !== 'rules') : '（评委未写明原因）',
        ]),
      ),
    );
    const lostTotal = deductions.reduce((sum, d) => sum + d.lost, 0);
    const unlost = deductions.some((d) => d.lost <= 0);
    children.push(
      s.paragraph(
        `扣分项共扣 ${points(lostTotal)} 分。${recordedBySentence(deductions.map((d) => d.leaf))}${unlost ? '；扣分栏为“—”的，是个别评委记录、经汇总未扣分的事项，供支部自查' : ''}。`,
        { size: SIZE.小四, indent: false, spacingBefore: 60 },
      ),
    );
  } else {
    children.push(s.paragraph('本次考核无扣分事项。'));
  }
  const records = data.records.get(b.branchId);
  const bonuses = data.leaves
    .filter((l) => data.bonus.has(l.id) && isBonusMethod(l.method))
    .flatMap((leaf) => {
      const got = b.nodes[leaf.id]?.points ?? 0;
      const record = records?.get(leaf.id);
      return got > 0 || record?.reasons.length ? [{ leaf, got, reasons: record?.reasons ?? [] }] : [];
    });
  if (data.bonusRoots.length) {
    children.push(s.heading2('加分', { number: 2 }));
    if (bonuses.length) {
      children.push(
        s.table(
          [
            { header: '序号', width: 12, align: 'center' },
            { header: '指标', width: 44 },
            { header: '加分', width: 18, align: 'center' },
            { header: recordedByHeader('加分事项', bonuses.map((x) => x.leaf)), width: 82, size: SIZE.五号 },
          ],
          bonuses.map((x, i) => [String(i + 1), `${x.leaf.code} ${x.leaf.name}`, points(x.got), x.reasons.length ? reasonsText(x.reasons, '\n') : '—']),
        ),
      );
      children.push(
        s.paragraph(`加分合计 ${points(b.bonus)} 分${bonusCap !== null ? `（加分上限 ${plain(bonusCap)} 分）` : ''}。`, { size: SIZE.小四, indent: false, spacingBefore: 60 }),
      );
    } else {
      children.push(s.paragraph('本次考核无加分事项。'));
    }
  }

  // 四、一票否决
  children.push(h1('一票否决事项'));
  const vetoLeaves = data.leaves.filter((l) => l.method?.kind === 'veto');
  const flaggedOnly = vetoLeaves.filter((l) => !b.vetoIndicatorIds.includes(l.id) && (records?.get(l.id)?.flaggedBy ?? 0) > 0);
  if (b.vetoed) {
    children.push(
      s.table(
        [
          { header: '否决事项', width: 52 },
          { header: '认定情况', width: 30, align: 'center' },
          { header: '情况说明', width: 74, size: SIZE.五号 },
        ],
        b.vetoIndicatorIds.map((id) => {
          const leaf = data.byId.get(id)!;
          const record = records?.get(id);
          const reasons = record?.reasons ?? [];
          const by = byOffice(reasons) ? '考核组核定' : byData(reasons) ? '业务数据触发' : `${record?.flaggedBy ?? 0} 位评委认定`;
          return [`${leaf.code} ${leaf.name}`, by, reasons.length ? reasonsText(reasons, '\n') : '（评委未写明情况）'];
        }),
      ),
    );
    children.push(s.paragraph(`你支部触发一票否决事项，考核等次定为“${b.grade}”，排名列于未被否决的党支部之后。`, { spacingBefore: 120 }));
  } else {
    children.push(s.paragraph('你支部本次考核未触发一票否决事项。'));
  }
  for (const leaf of flaggedOnly) {
    const record = records!.get(leaf.id)!;
    children.push(
      s.paragraph(
        `另有 ${record.flaggedBy} 位评委在“${leaf.name}”项勾选否决${record.reasons.length ? `（${reasonsText(record.reasons)}）` : ''}，未达到${data.settings.vetoRule === 'any' ? '' : '半数评委'}认定条件，不作否决。请支部引起重视。`,
      ),
    );
  }

  // 五、自评对照
  const self = parts.self;
  if (self && self.totals.assessed > 0) {
    children.push(h1('自评与考评对照'));
    const gaps = self.items.filter((i) => i.gap !== null && Math.abs(i.gap) >= 0.01).slice(0, MAX_GAPS);
    children.push(
      s.paragraph(
        `你支部对 ${self.totals.assessed} 项指标进行了自评，自评得分 ${points(self.totals.self)} 分，考评组在相同指标上评定 ${points(self.totals.panelSameLeaves)} 分，` +
          `${self.totals.gap > 0 ? `自评高出 ${points(self.totals.gap)} 分` : self.totals.gap < 0 ? `自评低了 ${points(-self.totals.gap)} 分` : '二者一致'}。` +
          (gaps.length ? `差距较大的指标如下${gaps.length === MAX_GAPS ? `（列出前 ${MAX_GAPS} 项）` : ''}：` : ''),
      ),
    );
    if (gaps.length) {
      children.push(
        s.table(
          [
            { header: '指标', width: 60 },
            { header: '自评', width: 30, align: 'center' },
            { header: '考评组评定', width: 32, align: 'center' },
            { header: '差距', width: 34, align: 'center' },
          ],
          gaps.map((g) => [
            `${g.code} ${g.name}`,
            `${points(g.selfPoints)}${g.selfText && !/分$/.test(g.selfText) ? `\n（${g.selfText}）` : ''}`,
            points(g.panelPoints),
            `${g.gap! > 0 ? '+' : ''}${points(g.gap)}`,
          ]),
        ),
      );
      children.push(s.paragraph('注：差距为自评得分减考评组评定得分，正数表示自评偏高。', { size: SIZE.小四, indent: false, spacingBefore: 60 }));
    }
  }

  // 六、问题清单
  children.push(h1('问题清单'));
  const problems = problemsOf(data, b, deductions);
  children.push(
    s.paragraph(
      problems.length
        ? `以下问题由本次考核${b.vetoed ? '的一票否决事项、' : '的'}扣分事项和得分率较低的指标（低于 ${percent(LOW_RATE)} 或得分率最低的 ${LOWEST_COUNT} 项）形成。请支部逐项研究整改措施，明确责任人和完成时限，作为本支部的整改清单报党委组织部备案。`
        : '本次考核未发现扣分事项和得分率明显偏低的指标。',
      { keepNext: problems.length > 0 },
    ),
  );
  if (problems.length) {
    children.push(
      s.table(
        [
          { header: '序号', width: 11, align: 'center', tight: true },
          { header: '问题', width: 55, size: SIZE.五号 },
          { header: '指标', width: 27, size: SIZE.五号 },
          { header: '整改要求', width: 30 },
          { header: '责任人', width: 15, align: 'center', tight: true },
          { header: '完成时限', width: 18, align: 'center', tight: true },
        ],
        problems.map((p, i) => ({ cells: [String(i + 1), p.text, `${p.leaf.code} ${p.leaf.name}`, '', '', ''], minHeightMm: 14 })),
        { size: SIZE.五号 },
      ),
    );
  }

  children.push(...s.signOff(parts.issuer, parts.date));
  children.push(s.signatureLines(['党支部书记签收', 'date'], { spacingBefore: BODY_LINE }));
  return s.section(children, { restartNumbering: parts.restartNumbering ?? false });
}


/** One branch's sheet as a document of its own. */
export function feedbackDocument(s: OfficialStyle, data: ReviewData, branchId: number, parts: FeedbackParts) {
  const { info } = branchOf(data, branchId);
  return s.document([feedbackSection(s, data, branchId, parts)], { title: `${data.period.name}党支部考核反馈单（${info.name}）` });
}

/**
 * Who recorded what a deduction or bonus table lists, for its header: raters' reasons carry how many raters
 * wrote them, the office's findings (考核组核定) their 依据 — a header saying 评委 over office findings misleads.
 */
function recordedByHeader(what: '扣分原因' | '加分事项', leaves: readonly Indicator[]): string {
  const modes = recordedBy(leaves);
  if (modes.size === 1 && modes.has('panel')) return `${what}（记录${what === '扣分原因' ? '该原因' : '该事项'}的评委人数）`;
  if (modes.size === 1 && modes.has('office')) return `${what}（考核组核定及依据）`;
  if (modes.size === 1) return `${what}（业务数据触发及完成率）`;
  const notes = [modes.has('panel') && '评委记录的注明人数', modes.has('office') && '考核组核定的注明依据', modes.has('data') && '业务数据触发的注明完成率'];
  return `${what}（${notes.filter(Boolean).join('，')}）`;
}

/** Who recorded the listed leaves: 评委 (panel), 考核组 (office), or nobody — business data triggered them (data). */
const recordedBy = (leaves: readonly Indicator[]) => new Set(leaves.map((l) => (l.method ? entryModeOf(l.method) : 'panel')));

/** How the listed deductions reached the score, by who recorded them. */
function recordedBySentence(leaves: readonly Indicator[]): string {
  const modes = recordedBy(leaves);
  const people = modes.has('panel')
    ? modes.has('office')
      ? '评委记录的扣分按本周期规则汇总后计入得分，考核组核定的扣分直接计入得分'
      : '各评委记录的扣分按本周期规则汇总后计入得分'
    : modes.has('office')
      ? '扣分由考核组对照考核细则核定后计入得分'
      : '';
  if (!modes.has('data')) return people;
  const data = '由业务数据触发的扣分按定量指标的完成率判定后直接计入得分';
  return people ? `${people}，${data}` : data;
}
