/**
 * Pure helpers of the framework screen: the tree the table shows, the
 * summary line, code suggestions and the words for tags and methods.
 */
import type { Indicator, LeafMethod, Tag } from '../../../../shared/domain/framework';
import { ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import { bonusNodes, childrenOf } from '../../../../shared/domain/framework-validate';
import type { FrameworkSummary } from '../../../../shared/domain/views';
import { t, type MessageKey } from '../../../../shared/messages';

/** Points as the office writes them: at most two decimals, no trailing zeros. */
export const fmtPoints = (x: number) => String(Math.round(x * 100) / 100);

export const TAG_LABEL: Record<Tag, MessageKey> = { party: 'fw.tag.party', business: 'fw.tag.business', fusion: 'fw.tag.fusion' };
/** Ant Design preset colours: party red, business blue, fusion purple — the same everywhere on this screen. */
export const TAG_COLOR: Record<Tag, string> = { party: 'red', business: 'blue', fusion: 'purple' };
export const TAG_FILL: Record<Tag, string> = { party: '#cf1322', business: '#1677ff', fusion: '#722ed1' };

export const METHOD_LABEL: Record<LeafMethod['kind'], MessageKey> = {
  rating: 'fw.method.rating',
  level: 'fw.method.level',
  deduction: 'fw.method.deduction',
  bonus: 'fw.method.bonus',
  quantitative: 'fw.method.quantitative',
  rules: 'fw.method.rules',
  veto: 'fw.method.veto',
};

type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;

/** A 细则 leaf's rules as the scheme reads them, one a line: “①未建立台账 扣2分”. */
export const rulesInWords = (m: RulesMethod): string[] =>
  m.rules.map((r, i) => `${ruleNumber(i)}${r.text} ${ruleAmountInWords(r, m.effect)}`);

export function methodSummary(m: LeafMethod): string {
  switch (m.kind) {
    case 'rating':
      return t('fw.methodSummary.rating', { step: fmtPoints(m.step) });
    case 'level':
      return t('fw.methodSummary.level', { levels: m.levels.map((l) => l.label).join('/') });
    case 'deduction':
      return t('fw.methodSummary.deduction', { points: fmtPoints(m.perOccurrence) });
    case 'bonus':
      return t('fw.methodSummary.bonus', { points: fmtPoints(m.perItem) });
    case 'quantitative':
      return t(m.direction === 'higher' ? 'fw.methodSummary.quantitativeHigher' : 'fw.methodSummary.quantitativeLower');
    case 'veto':
      return m.capGrade === null ? t('fw.methodSummary.vetoLowest') : t('fw.methodSummary.veto', { grade: m.capGrade });
    case 'rules':
      // Short enough for the column: the amounts by number; the rules' text is in the tooltip (rulesInWords).
      return t('fw.rules.summary', {
        effect: t(m.effect === 'deduct' ? 'fw.rules.effect.deduct' : 'fw.rules.effect.add'),
        rules: m.rules.map((r, i) => `${ruleNumber(i)}${ruleAmountInWords(r, m.effect)}`).join('；'),
      });
  }
}

/** One row of the tree table. */
export interface TreeRow {
  key: number;
  indicator: Indicator;
  depth: number;
  /** Sum of the children that count toward this node (as validateFramework counts them); null for leaves. */
  childSum: number | null;
  mismatch: boolean;
  /** A pool (扣分池，扣完为止): its children are 0-point deduction leaves, so their sum is not compared with its max. */
  pool: boolean;
  /** The pool this row deducts from, when its parent is one. */
  inPool: Indicator | null;
  /** How many indicators lie below this one. */
  descendants: number;
  children?: TreeRow[];
}

export interface FrameworkTree {
  roots: TreeRow[];
  byId: Map<number, TreeRow>;
  /** Rows in display order (every row, expanded or not). */
  flat: TreeRow[];
  siblingsOf: (parentId: number | null) => Indicator[];
}

const EPS = 0.005;

export function buildTree(indicators: readonly Indicator[]): FrameworkTree {
  const children = childrenOf(indicators);
  const bonus = bonusNodes(indicators);
  const byId = new Map<number, TreeRow>();
  const flat: TreeRow[] = [];
  const build = (n: Indicator, depth: number, parent: Indicator | null): TreeRow => {
    const row: TreeRow = { key: n.id, indicator: n, depth, childSum: null, mismatch: false, pool: false, inPool: parent?.options?.pool ? parent : null, descendants: 0 };
    byId.set(n.id, row);
    flat.push(row);
    const kids = children.get(n.id) ?? [];
    if (kids.length > 0) {
      row.children = kids.map((k) => build(k, depth + 1, n));
      row.descendants = row.children.reduce((s, c) => s + 1 + c.descendants, 0);
      const counted = kids.filter((k) => bonus.has(n.id) || !bonus.has(k.id));
      row.childSum = counted.reduce((s, k) => s + k.maxPoints, 0);
      row.pool = n.options?.pool === true;
      // As validateFramework: a pool's children deduct from it, they do not add up to it.
      row.mismatch = !row.pool && Math.abs(row.childSum - n.maxPoints) > EPS;
    }
    return row;
  };
  const roots = (children.get(null) ?? []).map((n) => build(n, 0, null));
  return { roots, byId, flat, siblingsOf: (parentId) => children.get(parentId) ?? [] };
}

export interface FrameworkTotals {
  base: number;
  bonus: number;
  leaves: number;
  vetoes: number;
  tags: Record<Tag, number>;
}

/** The figures of the summary line (as the engine counts them: docs/scoring-rules.md §5). */
export function totals(indicators: readonly Indicator[]): FrameworkTotals {
  const children = childrenOf(indicators);
  const bonus = bonusNodes(indicators);
  const byId = new Map(indicators.map((n) => [n.id, n]));
  const tags: Record<Tag, number> = { party: 0, business: 0, fusion: 0 };
  let leaves = 0;
  let vetoes = 0;
  let bonusMax = 0;
  for (const n of indicators) {
    const isLeaf = (children.get(n.id) ?? []).length === 0;
    // A pool counts for its tag with its own points (its children have none), as the engine's tag max does.
    if (!isLeaf && n.options?.pool && !bonus.has(n.id)) tags[n.tag] += n.maxPoints;
    if (isLeaf) {
      leaves += 1;
      if (n.method?.kind === 'veto') vetoes += 1;
      if (!bonus.has(n.id)) tags[n.tag] += n.maxPoints;
    }
    // The outermost bonus nodes: each caps what lies below it.
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    // A section bonus cap (加分上限（本部分）) lowers what it can add.
    if (bonus.has(n.id) && !(parent && bonus.has(parent.id))) bonusMax += Math.min(n.maxPoints, n.options?.bonusCap ?? Infinity);
  }
  const base = (children.get(null) ?? []).filter((r) => !bonus.has(r.id)).reduce((s, r) => s + r.maxPoints, 0);
  return { base, bonus: bonusMax, leaves, vetoes, tags };
}

/** The next free code below `parent` (or at the top level): its code + '.' + the next number. */
export function suggestCode(indicators: readonly Indicator[], parent: Indicator | null): string {
  const siblings = indicators.filter((n) => n.parentId === (parent?.id ?? null));
  const prefix = parent ? `${parent.code}.` : '';
  const taken = new Set(indicators.map((n) => n.code));
  let next =
    siblings.reduce((max, s) => {
      if (!s.code.startsWith(prefix)) return max;
      const rest = s.code.slice(prefix.length);
      return /^\d+$/.test(rest) ? Math.max(max, Number(rest)) : max;
    }, 0) + 1;
  while (taken.has(`${prefix}${next}`)) next += 1;
  return `${prefix}${next}`;
}

/** Default selection: the current period's framework, else the newest version. */
export function defaultFrameworkId(list: readonly FrameworkSummary[], preferred: number | null): number | null {
  if (preferred !== null && list.some((f) => f.id === preferred)) return preferred;
  return list.reduce<number | null>((best, f) => (best === null || f.id > best ? f.id : best), null);
}

export const periodNames = (f: FrameworkSummary) => f.periods.map((p) => p.name).join(t('fw.periods.sep'));
