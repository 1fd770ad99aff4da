/**
 * Score sheets (评分表) as Word documents, blank for raters to fill by hand
 * or filled with what has been entered:
 *
 *  - per rater (`scoreSheetForRater`): A4 portrait. The first page holds the
 *    title, the rater, the branches they are recused from ("回避：…（原因）",
 *    listed once and skipped) and the instructions per scoring method; then
 *    each branch in scope from a new page: a table of every leaf the panel
 *    scores — 序号 | 指标 | 评分细则 | 分值 | 评分 | 扣分/加分说明 — with the inner
 *    nodes as group rows, the totals line and the rater's signature and date.
 *    Quantitative leaves are scored from business data: the instructions name
 *    them and the tables leave them out;
 *  - per branch (`scoreSheetForBranch`): A4 landscape, every leaf of the
 *    framework with one column per rater (grouped under their rater groups),
 *    per-rater subtotals, and the reasons of deductions, bonus items and
 *    vetoes below — what the review meeting (评审会) looks at.
 *
 * The look comes from ./style.ts.
 */
import type { FileChild } from 'docx';
import { notApplicableIds } from '../../shared/domain/applicability';
import { assignedIds, isAssigned, scopeInWords } from '../../shared/domain/assignment';
import { t } from '../../shared/messages';
import { dataTriggerOf, type Indicator, type LeafMethod } from '../../shared/domain/framework';
import { bonusNodes, childrenOf } from '../../shared/domain/framework-validate';
import { isRaterScored } from '../../shared/domain/rater-leaves';
import type { FontScheme } from '../../shared/domain/documents';
import { entryPoints, quantitativePoints } from '../../shared/engine';
import { GAP, officialStyle, SIZE, toBuffer, type CellInput, type ColumnSpec, type OfficialStyle, type RowSpec } from './style';
import type { BranchScoreSheet, RaterScoreSheet, ScoreSheetEntry, ScoreSheetPeriod } from './view-models';

export interface ScoreSheetOptions {
  fontScheme?: FontScheme;
}

type Entry = Pick<ScoreSheetEntry, 'value' | 'detail'>;

/**
 * A branch as the sheets print it; `category` is its 支部类别 (issue 11 §7): the leaves that don't apply to it are
 * printed “不适用”, not as boxes to fill. Absent or '' = every leaf applies.
 */
type SheetBranch = { category?: string };
/** The sheets' inputs with each branch's category (document-data.ts passes it along). */
export type RaterScoreSheetInput = Omit<RaterScoreSheet, 'branches'> & { branches: (RaterScoreSheet['branches'][number] & SheetBranch)[] };
export type BranchScoreSheetInput = Omit<BranchScoreSheet, 'branch'> & { branch: BranchScoreSheet['branch'] & SheetBranch };

/** A 不适用 cell: what it says instead of a box to fill (over `span` rater columns on the review sheet). */
const naCell = (span = 1): CellInput => ({ text: t('categories.na'), size: SIZE.五号, ...(span > 1 ? { span } : {}) });

/** 2.50 → "2.5", 3 → "3". */
const fmt = (x: number) => String(Math.round(x * 100) / 100);
const isLeaf = (i: Indicator) => i.method !== null;
/** The leaves a rater enters: the shared rule (the grid and the score workbook list the same, in the same order). */
const raterScored = isRaterScored;

/** What one entry reads as on paper: 2.5 / 较好 / 扣1次 / 加1项 / 是. */
export function entryText(method: LeafMethod, value: number): string {
  switch (method.kind) {
    case 'rating':
      return fmt(value);
    case 'level':
      return method.levels[Math.round(value)]?.label ?? fmt(value);
    case 'deduction':
      return `扣${fmt(value)}次`;
    case 'bonus':
      return `加${fmt(value)}项`;
    case 'rules':
      // The findings' total (office-recorded: 细则 never reach a rater's sheet, but a review sheet may quote it).
      return `${method.effect === 'deduct' ? '扣' : '加'}${fmt(value)}分`;
    case 'veto':
      return value ? '是' : '否';
    case 'quantitative':
      return fmt(value);
  }
}

/** A short description of how a leaf is scored, for the review sheet's 评分方法 column. */
function methodText(method: LeafMethod): string {
  switch (method.kind) {
    case 'deduction':
      return `每次扣${fmt(method.perOccurrence)}分`;
    case 'bonus':
      return `每项加${fmt(method.perItem)}分`;
    case 'rules':
      return method.effect === 'add'
        ? `按细则加分（${method.rules.length}条）`
        : `按细则扣分（${method.rules.length}条${method.floorAtZero ? '，扣完为止' : ''}）`;
    case 'quantitative':
      return method.direction === 'higher' ? '定量，越高越好' : '定量，越低越好';
    case 'veto':
      return method.capGrade ? `否决，最高${method.capGrade}` : '一票否决';
    case 'rating':
      return method.step === 0.5 ? '打分' : `打分，步长${fmt(method.step)}`;
    case 'level':
      return `等次`;
  }
}

/** Reasons of deductions and vetoes, items of bonuses: one line each, numbered when several. */
const detailLines = (detail: readonly string[]) => (detail.length > 1 ? detail.map((d, i) => `${i + 1}. ${d}`) : [...detail]).join('\n');

/** The framework of a period, walked as the tree the sheets print. */
class Tree {
  readonly children: Map<number | null, Indicator[]>;
  readonly bonus: Set<number>;
  /** Every leaf, in the order the sheets print them. */
  readonly leaves: Indicator[] = [];
  constructor(indicators: Indicator[]) {
    this.children = childrenOf(indicators);
    this.bonus = bonusNodes(indicators);
    this.walk((n) => {
      if (isLeaf(n)) this.leaves.push(n);
    });
  }
  kids(id: number | null): Indicator[] {
    return this.children.get(id) ?? [];
  }
  leavesUnder(node: Indicator): Indicator[] {
    return isLeaf(node) ? [node] : this.kids(node.id).flatMap((k) => this.leavesUnder(k));
  }
  /** Depth-first, parents before children. */
  walk(visit: (node: Indicator, depth: number) => void, parentId: number | null = null, depth = 0): void {
    for (const node of this.kids(parentId)) {
      visit(node, depth);
      if (!isLeaf(node)) this.walk(visit, node.id, depth + 1);
    }
  }
  /** Base points: the top-level nodes that are not bonus. */
  get baseMax(): number {
    return this.kids(null)
      .filter((n) => !this.bonus.has(n.id))
      .reduce((s, n) => s + n.maxPoints, 0);
  }
  /** Max points of the base leaves (not bonus) matching a test. */
  baseLeafMax(test: (leaf: Indicator) => boolean): number {
    return this.leaves.filter((l) => !this.bonus.has(l.id) && test(l)).reduce((s, l) => s + l.maxPoints, 0);
  }
}

const key = (raterId: number, branchId: number, indicatorId: number) => `${raterId}:${branchId}:${indicatorId}`;

/** Entries by rater, branch and leaf. */
const entryMap = (entries: readonly ScoreSheetEntry[]): Map<string, Entry> => new Map(entries.map((e) => [key(e.raterId, e.branchId, e.indicatorId), e]));

/** "基本分满分 100 分（…），加分另计，合计不超过 5 分。" */
function totalsLine(tree: Tree, period: ScoreSheetPeriod): string {
  const quantitative = tree.baseLeafMax((l) => l.method?.kind === 'quantitative');
  const judged = tree.baseLeafMax(raterScored);
  const parts = quantitative > 0 ? `（评委评分项 ${fmt(judged)} 分，定量指标 ${fmt(quantitative)} 分由业务数据计算）` : '';
  const bonus = tree.bonus.size > 0 ? `，加分另计${period.settings.bonusCap !== null ? `，合计不超过 ${fmt(period.settings.bonusCap)} 分` : ''}` : '';
  return `基本分满分 ${fmt(tree.baseMax)} 分${parts}${bonus}。`;
}

/** The instructions at the head of a rater's sheet, one per method the sheet has (分工评分: of the rater's part). */
function instructions(tree: Tree, mine: ReadonlySet<number> | null = null): string[] {
  const leaves = tree.leaves.filter((l) => isAssigned(mine, l.id));
  // A leaf triggered by business data (由业务数据触发) is nobody's to fill: its method asks nothing of the rater.
  const triggered = leaves.filter((l) => dataTriggerOf(l.method!) !== null);
  const methods = leaves.filter((l) => !triggered.includes(l)).map((l) => l.method!);
  const has = (kind: LeafMethod['kind']) => methods.some((m) => m.kind === kind);
  const lines: string[] = [];
  const steps = [...new Set(methods.flatMap((m) => (m.kind === 'rating' ? [m.step] : [])))];
  if (has('rating')) lines.push(`打分项：在“评分”栏填写分数，不超过该项分值${steps.length === 1 ? `，以 ${fmt(steps[0]!)} 分为单位` : ''}。`);
  const levelSets = [...new Set(methods.flatMap((m) => (m.kind === 'level' ? [JSON.stringify(m.levels)] : [])))];
  if (has('level')) {
    const levels = levelSets.length === 1 ? (JSON.parse(levelSets[0]!) as { label: string; fraction: number }[]) : null;
    lines.push(
      `等次项：在所选等次前的“□”内打“√”${levels ? `（${levels.map((l) => l.label).join('、')}分别得该项分值的 ${levels.map((l) => `${fmt(l.fraction * 100)}%`).join('、')}）` : ''}。`,
    );
  }
  if (has('deduction')) lines.push('扣分项：填写扣分次数（未发生的填“0”），并在“扣分/加分说明”栏逐次写明原因。');
  if (has('bonus')) lines.push('加分项：填写加分项数（没有的填“0”），并在“扣分/加分说明”栏写明加分事项。');
  if (has('veto')) lines.push('一票否决项：勾选“是”或“否”；勾选“是”的，须在“扣分/加分说明”栏写明情况。');
  const quantitative = leaves.filter((l) => l.method?.kind === 'quantitative');
  if (quantitative.length) {
    lines.push(
      `以下定量指标由业务数据计算，不在本表评分：${quantitative.map((l) => `${l.code} ${l.name}`).join('、')}（共 ${quantitative.length} 项 ${fmt(quantitative.reduce((s, l) => s + l.maxPoints, 0))} 分）。`,
    );
  }
  if (triggered.length) lines.push(`以下项目由业务数据触发（按定量指标的完成率判断），不在本表评分：${triggered.map((l) => `${l.code} ${l.name}`).join('、')}。`);
  return lines.map((l, i) => `${i + 1}. ${l}`);
}

/** The 评分 cell of a blank sheet: boxes to tick for levels and vetoes, a line for counts. */
function blankScoreCell(method: LeafMethod): CellInput {
  switch (method.kind) {
    case 'level':
      return { text: method.levels.map((l) => `□${l.label}`).join('\n'), size: SIZE.五号, align: 'left' };
    case 'veto':
      return { text: '□是\n□否', size: SIZE.五号, align: 'left' };
    case 'deduction':
      return { text: '扣____次', size: SIZE.五号 };
    case 'bonus':
      return { text: '加____项', size: SIZE.五号 };
    default:
      return '';
  }
}

const RATER_COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 13.5, align: 'center' },
  { header: '指标', width: 25 },
  { header: '评分细则', width: 62, size: SIZE.五号 },
  { header: '分值', width: 11.5, align: 'center' },
  { header: '评分', width: 19, align: 'center' },
  { header: '扣分/加分\n说明', width: 25, size: SIZE.五号 },
];

/** Group rows (inner nodes) say what is scored elsewhere or capped. */
function groupNote(tree: Tree, node: Indicator, period: ScoreSheetPeriod): string {
  const leaves = tree.leavesUnder(node);
  if (leaves.length && leaves.every((l) => l.method?.kind === 'veto')) return '触发即限定等次';
  if (tree.bonus.has(node.id) && node.parentId === null && period.settings.bonusCap !== null) return `加分合计不超过 ${fmt(period.settings.bonusCap)} 分`;
  const quantitative = leaves.filter((l) => l.method?.kind === 'quantitative').reduce((s, l) => s + l.maxPoints, 0);
  return quantitative > 0 ? `其中定量指标 ${fmt(quantitative)} 分` : '';
}

const groupMax = (tree: Tree, node: Indicator) => (tree.leavesUnder(node).every((l) => l.method?.kind === 'veto') ? '—' : fmt(node.maxPoints));
const leafMax = (leaf: Indicator) => (leaf.method?.kind === 'veto' ? '否决' : fmt(leaf.maxPoints));

/** Looks of group rows by depth: first level 黑体 shaded, deeper 楷体 bold. */
const groupLook = (depth: number): Pick<RowSpec, 'role' | 'bold' | 'shade'> => (depth === 0 ? { role: 'heading1', shade: true } : { role: 'heading2', bold: true });

function raterTable(
  s: OfficialStyle,
  tree: Tree,
  period: ScoreSheetPeriod,
  entry: (leaf: Indicator) => Entry | undefined,
  filled: boolean,
  na: ReadonlySet<number>,
  mine: ReadonlySet<number> | null,
) {
  const rows: RowSpec[] = [];
  // 分工评分: only the rater's assigned leaves, and the groups holding any of them.
  const listed = (leaf: Indicator) => raterScored(leaf) && isAssigned(mine, leaf.id);
  tree.walk((node, depth) => {
    if (!isLeaf(node)) {
      if (!tree.leavesUnder(node).some(listed)) return;
      rows.push({
        cells: [node.code, { text: node.name, span: 2 }, groupMax(tree, node), { text: groupNote(tree, node, period), span: 2, size: SIZE.五号, role: 'body', bold: false }],
        ...groupLook(depth),
      });
      return;
    }
    if (!listed(node)) return;
    const method = node.method!;
    if (na.has(node.id)) {
      rows.push({ cells: [node.code, node.name, { text: node.criteria }, leafMax(node), naCell(), ''], minHeightMm: 9 });
      return;
    }
    const e = entry(node);
    const score: CellInput = !filled ? blankScoreCell(method) : e ? entryText(method, e.value) : { text: '未评', size: SIZE.五号 };
    const reasons = filled && e ? detailLines(e.detail) : '';
    rows.push({
      cells: [node.code, node.name, { text: node.criteria }, leafMax(node), score, reasons],
      minHeightMm: ['deduction', 'bonus', 'veto'].includes(method.kind) ? 12 : 9,
    });
  });
  return s.table(RATER_COLUMNS, rows);
}

/** What the filled sheet adds up for one rater and branch (points as the engine counts one entry). */
function raterSums(tree: Tree, entry: (leaf: Indicator) => Entry | undefined, na: ReadonlySet<number> = new Set(), mine: ReadonlySet<number> | null = null) {
  let base = 0;
  let bonus = 0;
  let missing = 0;
  const vetoes: string[] = [];
  // 不适用 leaves are neither missing nor counted (a value left from before the category was set included); nor, 分工评分, those outside the rater's assignment.
  for (const leaf of tree.leaves.filter((l) => raterScored(l) && !na.has(l.id) && isAssigned(mine, l.id))) {
    const e = entry(leaf);
    if (!e) {
      missing++;
      continue;
    }
    const method = leaf.method!;
    if (method.kind === 'veto') {
      if (e.value) vetoes.push(`${leaf.code} ${leaf.name}`);
    } else if (tree.bonus.has(leaf.id)) bonus += entryPoints(method, leaf.maxPoints, e.value);
    else base += entryPoints(method, leaf.maxPoints, e.value);
  }
  return { base, bonus, missing, vetoes };
}

/**
 * One rater's score sheet for every branch in scope: blank to fill by hand, or
 * filled with the entries recorded for them (for the rater to check and sign).
 */
export async function scoreSheetForRater(sheet: RaterScoreSheetInput, options: ScoreSheetOptions = {}): Promise<Buffer> {
  const { period, rater, groupName, branches, filled } = sheet;
  const tree = new Tree(sheet.indicators);
  const recused = new Map(rater.recusals.map((c) => [c.branchId, c.reason]));
  const entries = entryMap(filled ? sheet.entries : []);
  const s = officialStyle({ fontScheme: options.fontScheme });
  // 分工评分 (issue 11 §6): the rater's sheet lists only the leaves assigned to them.
  const mine = assignedIds(sheet.indicators, sheet.groupScope, rater.scope);
  const scopeWords = scopeInWords(rater.scope?.length ? rater.scope : sheet.groupScope, sheet.indicators);

  const head: FileChild[] = [
    ...s.title([period.name, '评分表']),
    s.subtitle(`评委：${rater.name}${GAP}${GAP}所在组：${groupName}`),
  ];
  if (mine) head.push(s.paragraph(t('report.scoreSheet.assigned', { scope: scopeWords }), { size: SIZE.四号, align: 'center', indent: false }));
  if (filled) head.push(s.paragraph('（本表为已录入评分的打印件，请评委核对无误后签字）', { size: SIZE.四号, align: 'center', indent: false, role: 'heading2' }));
  const recusedBranches = branches.filter((b) => recused.has(b.id));
  if (recusedBranches.length) {
    head.push(
      s.paragraph([{ text: '回避：', role: 'heading1' }, { text: recusedBranches.map((b) => `${b.code} ${b.name}（${recused.get(b.id)}）`).join('；') }], {
        size: SIZE.四号,
        spacingBefore: 120,
      }),
    );
  }
  head.push(s.paragraph([{ text: '填表说明：', role: 'heading1' }], { size: SIZE.四号, spacingBefore: 120, keepNext: true }));
  for (const line of instructions(tree, mine)) head.push(s.paragraph(line, { size: SIZE.四号 }));

  const scored = branches.filter((b) => !recused.has(b.id));
  const body = scored.flatMap((branch, i) => {
    const entry = (leaf: Indicator) => entries.get(key(rater.id, branch.id, leaf.id));
    const na = notApplicableIds(sheet.indicators, branch.category);
    const parts: FileChild[] = [
      s.heading1(`${branch.code}${GAP}${branch.name}`, { number: i + 1, pageBreakBefore: true }),
      raterTable(s, tree, period, entry, filled, na, mine),
      s.paragraph(totalsLine(tree, period), { size: SIZE.四号, spacingBefore: 120 }),
    ];
    if (na.size) parts.push(s.paragraph(t('categories.naNote'), { size: SIZE.四号 }));
    if (filled) {
      const sums = raterSums(tree, entry, na, mine);
      parts.push(
        s.paragraph(
          `本表评分项得分 ${fmt(sums.base)} 分（满分 ${fmt(tree.baseLeafMax((l) => raterScored(l) && !na.has(l.id) && isAssigned(mine, l.id)))} 分），加分 ${fmt(sums.bonus)} 分；一票否决：${sums.vetoes.length ? `是（${sums.vetoes.join('、')}）` : '否'}${sums.missing ? `；尚有 ${sums.missing} 项未评` : ''}。`,
          { size: SIZE.四号 },
        ),
      );
    }
    parts.push(s.signatureLines(['评委签字', 'date']));
    return parts;
  });
  if (!scored.length) head.push(s.paragraph('该评委在本周期没有需要评分的党支部。', { spacingBefore: 240 }));

  return toBuffer(s.document([s.section([...head, ...body])], { title: `${period.name}评分表（${rater.name}）` }));
}

/**
 * One branch's scores from every rater, side by side: blank for recording at
 * the review meeting, or filled. Filled sheets show the panel's values, so
 * they follow the blind rule: not while scoring is open.
 */
export async function scoreSheetForBranch(sheet: BranchScoreSheetInput, options: ScoreSheetOptions = {}): Promise<Buffer> {
  const { period, branch, filled } = sheet;
  const tree = new Tree(sheet.indicators);
  const na = notApplicableIds(sheet.indicators, branch.category);
  const entries = entryMap(filled ? sheet.entries : []);
  const measurements = new Map(sheet.measurements.map((m) => [m.indicatorId, m]));
  const s = officialStyle({ fontScheme: options.fontScheme });

  // Raters in panel order, grouped; a recused rater keeps their column, marked.
  const groups = sheet.groups.map((g) => ({ ...g, raters: sheet.raters.filter((r) => r.groupId === g.id) })).filter((g) => g.raters.length);
  const raters = groups.flatMap((g) => g.raters);
  const recusedReason = new Map(raters.flatMap((r) => r.recusals.filter((c) => c.branchId === branch.id).map((c) => [r.id, c.reason] as const)));
  // 分工评分: each rater's assigned nodes (null = all); a leaf outside them reads “—（分工）”, never 未评.
  const groupScope = new Map(sheet.groups.map((g) => [g.id, g.scope]));
  const assigned = new Map(raters.map((r) => [r.id, assignedIds(sheet.indicators, groupScope.get(r.groupId), r.scope)]));
  const scores = (r: { id: number }, leafId: number) => isAssigned(assigned.get(r.id) ?? null, leafId);
  const n = Math.max(1, raters.length);
  // Up to 8 raters get 小四; more get smaller type and tight cells, and beyond 10 the 评分方法 column
  // makes room for them. The text block is 225 mm wide: what the leading columns leave goes to the raters.
  const raterSize = n <= 8 ? SIZE.小四 : n <= 12 ? SIZE.五号 : SIZE.小五;
  const headerSize = n <= 12 ? SIZE.五号 : SIZE.小五;
  const showMethod = n <= 10;
  const lead: ColumnSpec[] = [
    { width: 13.5, align: 'center' },
    { width: 38 },
    ...(showMethod ? [{ width: 27, size: SIZE.五号 }] : []),
    { width: 11.5, align: 'center' },
  ];
  const leadWidth = lead.reduce((w, c) => w + c.width, 0);
  const columns: ColumnSpec[] = [...lead, ...raters.map((): ColumnSpec => ({ width: (225 - leadWidth) / n, align: 'center', size: raterSize, tight: n > 8 }))];
  const raterHeader = (r: (typeof raters)[number]): CellInput => ({
    text: recusedReason.has(r.id) ? `${r.name}\n${n > 10 ? '回避' : '（回避）'}` : r.name,
    size: headerSize,
  });
  const leadHeaders = ['序号', '指标', ...(showMethod ? ['评分方法'] : []), '分值'];
  const headerRows: CellInput[][] =
    groups.length > 1
      ? [
          [...leadHeaders.map((text) => ({ text, rowSpan: 2 })), ...groups.map((g) => ({ text: g.name, span: g.raters.length, size: headerSize }))],
          raters.map(raterHeader),
        ]
      : [[...leadHeaders, ...raters.map(raterHeader)]];
  if (!raters.length) headerRows[0]!.push('评委');

  const valueCell = (r: (typeof raters)[number], leaf: Indicator): CellInput => {
    if (recusedReason.has(r.id)) return '—';
    if (!scores(r, leaf.id)) return { text: t('report.scoreSheet.notAssignedCell'), size: SIZE.小五 };
    if (!filled) return '';
    const e = entries.get(key(r.id, branch.id, leaf.id));
    return e ? entryText(leaf.method!, e.value) : { text: '未评', size: SIZE.小五 };
  };
  const rows: RowSpec[] = [];
  tree.walk((node, depth) => {
    if (!isLeaf(node)) {
      rows.push({ cells: [node.code, { text: node.name, span: showMethod ? 2 : 1 }, groupMax(tree, node), { text: groupNote(tree, node, period), span: n, size: SIZE.五号, role: 'body', bold: false }], ...groupLook(depth) });
      return;
    }
    const method = node.method!;
    const lead: CellInput[] = [node.code, node.name, ...(showMethod ? [methodText(method)] : []), leafMax(node)];
    if (na.has(node.id)) {
      rows.push({ cells: [...lead, naCell(n)] });
      return;
    }
    if (method.kind === 'quantitative') {
      const m = measurements.get(node.id);
      let text = '由业务数据计算';
      if (filled) {
        const points = m ? quantitativePoints(method, node.maxPoints, m).points : null;
        text = !m ? '未录入业务数据' : `目标 ${fmt(m.target)}，实际 ${m.actual === null ? '未录入' : fmt(m.actual)}${points === null ? '' : `，得 ${fmt(points)} 分`}`;
      }
      rows.push({ cells: [...lead, { text, span: n, size: SIZE.五号 }] });
      return;
    }
    rows.push({ cells: [...lead, ...(raters.length ? raters.map((r) => valueCell(r, node)) : [''])] });
  });
  // Per-rater sums of what they scored (as the engine counts one entry, before combining raters).
  const sums = raters.map((r) => raterSums(tree, (leaf) => entries.get(key(r.id, branch.id, leaf.id)), na, assigned.get(r.id) ?? null));
  const sumCell = (i: number, pick: 'base' | 'bonus'): CellInput => {
    if (recusedReason.has(raters[i]!.id)) return '—';
    if (!filled) return '';
    const x = sums[i]!;
    return pick === 'base' && x.missing ? { text: `${fmt(x.base)}\n缺${x.missing}项`, size: SIZE.五号 } : fmt(x[pick]);
  };
  const bonusCap = period.settings.bonusCap;
  rows.push(
    { cells: ['', { text: '评委评分项小计', span: showMethod ? 2 : 1, role: 'heading1' }, fmt(tree.baseLeafMax((l) => raterScored(l) && !na.has(l.id))), ...(raters.length ? raters.map((_, i) => sumCell(i, 'base')) : [''])], shade: true },
    { cells: ['', { text: '加分', span: showMethod ? 2 : 1, role: 'heading1' }, bonusCap === null ? '' : `≤${fmt(bonusCap)}`, ...(raters.length ? raters.map((_, i) => sumCell(i, 'bonus')) : [''])], shade: true },
  );

  const children: FileChild[] = [
    ...s.title([period.name, '评分汇总表'], { orientation: 'landscape' }),
    s.subtitle(`被考核党支部：${branch.code}${GAP}${branch.name}${branch.secretary ? `${GAP}${GAP}支部书记：${branch.secretary}` : ''}`),
  ];
  if (recusedReason.size) {
    children.push(
      s.paragraph([{ text: '回避：', role: 'heading1' }, { text: raters.filter((r) => recusedReason.has(r.id)).map((r) => `${r.name}（${recusedReason.get(r.id)}）`).join('；') }], {
        size: SIZE.四号,
        spacingBefore: 120,
        keepNext: true,
      }),
    );
  }
  children.push(s.table(columns, rows, { orientation: 'landscape', headerRows }));
  if (na.size) children.push(s.paragraph(t('categories.naNote'), { size: SIZE.四号, spacingBefore: 120 }));
  if ([...assigned.values()].some((a) => a !== null)) children.push(s.paragraph(t('report.scoreSheet.notAssignedNote'), { size: SIZE.四号, spacingBefore: 120 }));
  let totals = totalsLine(tree, period);
  if (filled) {
    const quantitative = tree.leaves.filter((l) => l.method?.kind === 'quantitative' && !na.has(l.id));
    const got = quantitative.map((l) => {
      const m = measurements.get(l.id);
      return m && l.method?.kind === 'quantitative' ? quantitativePoints(l.method, l.maxPoints, m).points : null;
    });
    if (quantitative.length) {
      const known = got.filter((p): p is number => p !== null);
      totals += `定量指标得分 ${fmt(known.reduce((a, b) => a + b, 0))} 分${known.length < quantitative.length ? `（${quantitative.length - known.length} 项未录入业务数据）` : ''}。`;
    }
    totals += '各评委评分按本周期规则汇总后的得分，以考评结果为准。';
  }
  children.push(s.paragraph(totals, { size: SIZE.四号, spacingBefore: 120 }));

  // Reasons of deductions, bonus items and vetoes.
  children.push(s.paragraph([{ text: '扣分、加分及一票否决说明', role: 'heading1' }], { size: SIZE.四号, indent: false, spacingBefore: 240, spacingAfter: 80, keepNext: true }));
  const reasonRows: RowSpec[] = [];
  if (filled) {
    for (const leaf of tree.leaves.filter((l) => raterScored(l) && !na.has(l.id))) {
      for (const r of raters) {
        if (recusedReason.has(r.id) || !scores(r, leaf.id)) continue;
        const e = entries.get(key(r.id, branch.id, leaf.id));
        if (!e || (!e.detail.length && !(leaf.method!.kind === 'veto' && e.value))) continue;
        reasonRows.push({ cells: [leaf.code, leaf.name, r.name, `${entryText(leaf.method!, e.value)}：${e.detail.join('；') || '（未写明原因）'}`] });
      }
    }
    if (!reasonRows.length) reasonRows.push({ cells: [{ text: '无', span: 4, align: 'center' }] });
  } else {
    for (let i = 0; i < 5; i++) reasonRows.push({ cells: ['', '', '', ''], minHeightMm: 11 });
  }
  children.push(
    s.table(
      [
        { header: '序号', width: 13.5, align: 'center' },
        { header: '指标', width: 52 },
        { header: '评委', width: 24, align: 'center' },
        { header: '情况说明', width: 135.5 },
      ],
      reasonRows,
      { orientation: 'landscape' },
    ),
  );
  children.push(s.signatureLines(['记录人', '考评组组长', 'date']));

  return toBuffer(s.document([s.section(children, { orientation: 'landscape' })], { title: `${period.name}评分汇总表（${branch.name}）` }));
}
