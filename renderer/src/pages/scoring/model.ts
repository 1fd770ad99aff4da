/**
 * The scoring sheet as rows and cells, and what a rater types in each cell:
 * parsing typed text per scoring method (refusing invalid input with the
 * allowed range), and showing stored values in the rater's terms.
 * Pure functions: no React.
 */
import { dataTriggerOf, entryModeOf, isDeductMethod, type Indicator, type LeafMethod } from '../../../../shared/domain/framework';
import { detailRequired, normalizeEntryText, readEntry } from '../../../../shared/domain/entry';
import { ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import { childrenOf } from '../../../../shared/domain/framework-validate';
import { isRaterScored } from '../../../../shared/domain/rater-leaves';
import { shownEntryPoints } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';

/** A first-level dimension: a header row in the grid. */
export interface GroupRow {
  kind: 'group';
  node: Indicator;
}

/** A leaf: one row of cells. */
export interface LeafRow {
  kind: 'leaf';
  leaf: Indicator;
  method: LeafMethod;
  /** 0 for a first-level leaf, 1 under a dimension, 2 below that … */
  depth: number;
  /** Ancestors from the first-level dimension down (without the leaf). */
  path: Indicator[];
  /** Scored by raters (every method except quantitative, on leaves the panel scores). */
  rated: boolean;
  /** Recorded by the office (考核组核定): shown read-only with the office's value. */
  office: boolean;
}

export type Row = GroupRow | LeafRow;

export interface SheetBranch {
  id: number;
  code: string;
  name: string;
  recused: boolean;
  reason: string;
  /** 支部类别 ('' or absent = none). */
  category?: string;
  /** 不适用 (issue 11 §7): the leaves that don't apply to this branch's category — shown “不适用”, no input, never 未评. */
  notApplicable?: readonly number[];
}

/** The 不适用 leaf ids of each branch's list, built once per list (cells ask for every row × column drawn). */
const naSets = new WeakMap<readonly number[], Set<number>>();

/** Whether a leaf does not apply to a branch (its category excludes it): the cell takes no input and is never 未评. */
export function isNotApplicable(branch: Pick<SheetBranch, 'notApplicable'>, leafId: number): boolean {
  const ids = branch.notApplicable;
  if (!ids?.length) return false;
  let set = naSets.get(ids);
  if (!set) naSets.set(ids, (set = new Set(ids)));
  return set.has(leafId);
}

/**
 * Rows in framework order: each first-level dimension, then its leaves depth-first (its rated leaves: raterLeavesInOrder).
 * `assigned` (分工评分, the sheet's): the node ids the rater scores — only those leaves get rows, and only dimensions
 * holding any of them a header; absent = the whole framework.
 */
export function buildRows(indicators: readonly Indicator[], assigned?: readonly number[]): Row[] {
  // The shared sibling order and rater rule: the enterable rows are the score workbook's and the paper sheet's (rater-leaves.ts).
  const children = childrenOf(indicators);
  const mine = assigned ? new Set(assigned) : null;
  const rows: Row[] = [];
  const walk = (node: Indicator, path: Indicator[]) => {
    const kids = children.get(node.id);
    if (!kids?.length) {
      if (node.method && (!mine || mine.has(node.id))) {
        const office = entryModeOf(node.method) === 'office';
        rows.push({ kind: 'leaf', leaf: node, method: node.method, depth: path.length, path, rated: isRaterScored(node) && !office, office });
      }
      return;
    }
    for (const k of kids) walk(k, [...path, node]);
  };
  for (const root of children.get(null) ?? []) {
    const before = rows.length;
    walk(root, []);
    // The dimension's header goes above its leaves, and only when it has any to show.
    if (children.get(root.id)?.length && rows.length > before) rows.splice(before, 0, { kind: 'group', node: root });
  }
  return rows;
}

/** Points and counts as people write them: 2.5, 3, 0.25 — no trailing zeros. */
export function fmt(x: number): string {
  return String(Number(x.toFixed(2)));
}

export const METHOD_LABEL = {
  rating: 'scoring.method.rating',
  level: 'scoring.method.level',
  deduction: 'scoring.method.deduction',
  bonus: 'scoring.method.bonus',
  quantitative: 'scoring.method.quantitative',
  rules: 'scoring.method.rules',
  veto: 'scoring.method.veto',
} as const;

/** A stored value in the rater's terms: 2.5, 较好, 2 次, 1 项, 是. */
export function displayValue(method: LeafMethod, value: number): string {
  switch (method.kind) {
    case 'rating':
      return fmt(value);
    case 'level':
      return method.levels[value]?.label ?? fmt(value);
    case 'deduction':
      return t('scoring.value.times', { count: value });
    case 'bonus':
      return t('scoring.value.items', { count: value });
    case 'rules':
      // The office's total of its findings (细则 leaves are office-recorded).
      return t(method.effect === 'deduct' ? 'scoring.value.rulesDeduct' : 'scoring.value.rulesAdd', { points: fmt(value) });
    case 'veto':
      return value === 1 ? t('scoring.value.yes') : t('scoring.value.no');
    case 'quantitative':
      return '';
  }
}

/** The text an edit (F2) starts from: what the rater would type to get this value. */
export function editText(method: LeafMethod, value: number): string {
  switch (method.kind) {
    case 'level':
      return method.levels[value]?.label ?? '';
    case 'veto':
      return value === 1 ? t('scoring.value.yes') : t('scoring.value.no');
    default:
      return fmt(value);
  }
}

/** A leaf that deducts from its parent's pool (扣分池): a deduction or deducting 细则 leaf under a pool. */
export const inPool = (row: Pick<LeafRow, 'path' | 'method'>): boolean => row.path[row.path.length - 1]?.options?.pool === true && isDeductMethod(row.method);

/** The points one value gives, for the side panel: a pool's child shows what it takes off the pool (negative). */
export const pointsOf = (row: Pick<LeafRow, 'leaf' | 'path' | 'method'>, value: number) => shownEntryPoints(row.method, row.leaf.maxPoints, value, inPool(row));

/** Full-width digits and punctuation (中文输入法) to their ASCII forms, spaces dropped: the shared rule. */
export const normalizeInput = (text: string): string => normalizeEntryText(text);

export type Parsed = { value: number | null } | { error: string };

/**
 * What typed (or pasted) text means for a leaf: a raw value, null (empty:
 * clear the cell), or the problem in the user's words with the allowed range.
 * The vocabulary is shared/domain/entry.ts's (the workbooks read the same).
 */
export function parseInput(leaf: Indicator, method: LeafMethod, raw: string): Parsed {
  const read = readEntry(method, leaf.maxPoints, raw);
  if ('value' in read) return read;
  const r = read.refused;
  switch (r.kind) {
    case 'range':
      // For a count the only range is “a whole number from 0”: said the grid's way.
      return { error: method.kind === 'deduction' || method.kind === 'bonus' ? t('scoring.parse.count') : r.message };
    case 'number':
      return { error: t('scoring.parse.number', { max: fmt(leaf.maxPoints), step: fmt(method.kind === 'rating' ? method.step : 1) }) };
    case 'level': {
      const labels = method.kind === 'level' ? method.levels.map((l) => l.label) : [];
      return { error: t('scoring.parse.level', { count: labels.length, labels: labels.map((l, i) => `${i + 1} ${l}`).join('、') }) };
    }
    case 'count':
      return { error: t('scoring.parse.count') };
    case 'tooMany':
      return { error: t('scoring.parse.tooMany', { max: r.max }) };
    case 'veto':
      return { error: t('scoring.parse.veto') };
    case 'quantitative':
      return { error: t('scoring.refuse.quantitative') };
    case 'findings':
      return { error: t('scoring.refuse.findings') };
  }
}

/** How many reasons (or item descriptions) a value needs: the shared rule (entry.ts `detailRequired`). */
export const detailNeeded = (method: LeafMethod, value: number): number => detailRequired(method, value);

/** The rule of a leaf, for the side panel. */
export function methodRule(leaf: Indicator, method: LeafMethod): string {
  const max = fmt(leaf.maxPoints);
  // 由业务数据触发: nobody enters it; the side panel says what decides it.
  const trigger = dataTriggerOf(method);
  if (trigger) {
    const named = { source: trigger.source, below: `${fmt(trigger.below * 100)}%` };
    if (method.kind === 'deduction') return t('scoring.rule.triggeredDeduction', { ...named, per: fmt(method.perOccurrence) });
    return t('scoring.rule.triggeredVeto', named);
  }
  switch (method.kind) {
    case 'rating':
      return t('scoring.rule.rating', { max, step: fmt(method.step) });
    case 'level':
      return t('scoring.rule.level', {
        levels: method.levels.map((l, i) => t('scoring.rule.levelItem', { n: i + 1, label: l.label, points: fmt(l.fraction * leaf.maxPoints) })).join('、'),
      });
    case 'deduction':
      return t('scoring.rule.deduction', { max, per: fmt(method.perOccurrence) });
    case 'bonus':
      return t('scoring.rule.bonus', { max, per: fmt(method.perItem) });
    case 'rules': {
      const rules = method.rules
        .map((r, i) => t('scoring.rule.rulesItem', { rule: ruleNumber(i), text: r.text, amount: ruleAmountInWords(r, method.effect) }))
        .join('；');
      if (method.effect === 'add') return t('scoring.rule.rulesAdd', { max, rules });
      return t('scoring.rule.rulesDeduct', { max, rules, floor: t(method.floorAtZero ? 'scoring.rule.rulesFloor' : 'scoring.rule.rulesNoFloor') });
    }
    case 'veto':
      return t('scoring.rule.veto');
    case 'quantitative':
      return t('scoring.rule.quantitative');
  }
}

/** The hint under a cell being edited. */
export function methodHint(leaf: Indicator, method: LeafMethod): string {
  switch (method.kind) {
    case 'rating':
      return t('scoring.hint.rating', { max: fmt(leaf.maxPoints), step: fmt(method.step) });
    case 'level':
      return t('scoring.hint.level');
    case 'deduction':
      return t('scoring.hint.deduction', { per: fmt(method.perOccurrence) });
    case 'bonus':
      return t('scoring.hint.bonus', { per: fmt(method.perItem) });
    case 'rules':
      return t('scoring.hint.rules');
    case 'veto':
      return t('scoring.hint.veto');
    case 'quantitative':
      return t('scoring.rule.quantitative');
  }
}

/**
 * A block copied from Excel or WPS: rows by line, cells by tab (a trailing
 * line break dropped). A cell holding a line break or a tab comes quoted, with
 * its quotes doubled (the workbook's branch headers are “编码⏎名称”): read as one cell.
 */
export function parseClipboardBlock(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n');
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let i = 0;
  while (i < s.length) {
    if (cell === '' && s[i] === '"') {
      const quoted = readQuoted(s, i);
      if (quoted) {
        cell = quoted.text;
        i = quoted.end;
        continue;
      }
    }
    const ch = s[i++]!;
    if (ch === '\t') {
      line.push(cell);
      cell = '';
    } else if (ch === '\n') {
      line.push(cell);
      lines.push(line);
      [line, cell] = [[], ''];
    } else cell += ch;
  }
  line.push(cell);
  lines.push(line);
  const last = lines[lines.length - 1]!;
  if (lines.length > 1 && last.length === 1 && last[0] === '') lines.pop();
  return lines;
}

/** A quoted cell starting at `from`: its text and where the next character is, or null when the quote is just text. */
function readQuoted(s: string, from: number): { text: string; end: number } | null {
  let text = '';
  for (let j = from + 1; j < s.length; j++) {
    if (s[j] !== '"') {
      text += s[j];
      continue;
    }
    if (s[j + 1] === '"') {
      text += '"';
      j++;
      continue;
    }
    const after = s[j + 1];
    return after === undefined || after === '\t' || after === '\n' ? { text, end: j + 1 } : null;
  }
  return null;
}
