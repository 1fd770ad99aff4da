/**
 * The findings editor's pure parts (细则 leaves, issue 11 §1): findings as they are being typed (a rule not yet
 * picked, an amount not yet chosen within a range), what a rule choice fills in, the findings to send or why
 * they cannot be sent, and the running total in the scheme's words. What findings are worth and what makes
 * them wrong is shared/domain/findings.ts; this only adds the checks of half-typed rows before it.
 */
import { MAX_COUNT } from '../../../../shared/domain/entry';
import { defaultAmount, findingsProblem, findingsTotal, ruleNumber, ruleTotal, type Finding } from '../../../../shared/domain/findings';
import type { LeafMethod } from '../../../../shared/domain/framework';
import { entryPoints } from '../../../../shared/engine/points';
import { t } from '../../../../shared/messages';

export type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;

/** One finding as typed: null where nothing is chosen yet. */
export interface FindingDraft {
  rule: number | null;
  count: number | null;
  amount: number | null;
  reason: string;
}

/** Figures as the office writes them: at most 4 decimals, no trailing zeros. */
export const num = (x: number) => String(Math.round(x * 1e4) / 1e4);

/** The stored findings of a record, with their reasons, as drafts. */
export const draftsOf = (findings: readonly Finding[], detail: readonly string[]): FindingDraft[] =>
  findings.map((f, i) => ({ rule: f.rule, count: f.count, amount: f.amount, reason: detail[i] ?? '' }));

/**
 * A draft after its rule is picked: a rule applied once counts 1; a fixed amount is the rule's; a range keeps an
 * amount already typed when it still fits, else waits for the recorder's choice.
 */
export function withRule(method: RulesMethod, draft: FindingDraft, index: number): FindingDraft {
  const rule = method.rules[index];
  if (!rule) return { ...draft, rule: index };
  const fixed = defaultAmount(rule);
  const keep = draft.amount !== null && draft.amount >= rule.min && draft.amount <= rule.max ? draft.amount : null;
  return { ...draft, rule: index, count: rule.basis === 'once' ? 1 : (draft.count ?? 1), amount: fixed ?? keep };
}

/** The findings and reasons to send, or the first problem in the user's words (第 n 条, the rule named). */
export function findingsOf(method: RulesMethod, drafts: readonly FindingDraft[]): { findings: Finding[]; detail: string[] } | { problem: string } {
  const findings: Finding[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const n = i + 1;
    const rule = d.rule === null ? undefined : method.rules[d.rule];
    if (d.rule === null || !rule) return { problem: t('rules.ui.problem.rule', { n }) };
    const named = { n, rule: ruleNumber(d.rule), text: rule.text };
    if (d.count === null || !Number.isInteger(d.count) || d.count < 1 || d.count > MAX_COUNT)
      return { problem: t('rules.ui.problem.count', { ...named, max: MAX_COUNT }) };
    if (d.amount === null || !(d.amount > 0)) return { problem: t('rules.ui.problem.amount', { ...named, min: rule.min, max: rule.max }) };
    findings.push({ rule: d.rule, count: d.count, amount: d.amount });
  }
  const detail = drafts.map((d) => d.reason.trim());
  const problem = findingsProblem(method, findings, detail);
  return problem ? { problem } : { findings, detail };
}

/** The findings of the drafts that are complete enough to count: the running total counts what can be counted. */
export const countable = (method: RulesMethod, drafts: readonly FindingDraft[]): Finding[] =>
  drafts.flatMap((d) =>
    d.rule !== null && method.rules[d.rule] && d.count !== null && d.count >= 1 && d.amount !== null && d.amount > 0
      ? [{ rule: d.rule, count: d.count, amount: d.amount }]
      : [],
  );

export interface FindingsSummary {
  total: number;
  /** What the leaf scores with these findings (entryPoints, as the engine). */
  points: number;
  /** The total against the leaf's points, 扣完为止 said when it bites. */
  text: string;
  /** Rules cut to their 最多扣（加）分, in words. */
  capped: string[];
}

export function findingsSummary(method: RulesMethod, maxPoints: number, findings: readonly Finding[]): FindingsSummary {
  const total = findingsTotal(method, findings);
  const points = entryPoints(method, maxPoints, total);
  const words = { total: num(total), max: num(maxPoints), points: num(points) };
  const text =
    method.effect === 'add'
      ? t(total > maxPoints ? 'rules.ui.sum.addCapped' : 'rules.ui.sum.add', words)
      : total <= maxPoints
        ? t('rules.ui.sum.deduct', words)
        : method.floorAtZero
          ? t('rules.ui.sum.deductFloored', words)
          : t('rules.ui.sum.deductBeyond', { ...words, beyond: num(total - maxPoints) });
  const capped = method.rules.flatMap((rule, i) => {
    if (rule.cap === null) return [];
    const raw = findings.filter((f) => f.rule === i).reduce((s, f) => s + f.count * f.amount, 0);
    return raw > ruleTotal(rule, findings, i) ? [t(method.effect === 'deduct' ? 'rules.ui.capped.deduct' : 'rules.ui.capped.add', { n: ruleNumber(i), cap: num(rule.cap) })] : [];
  });
  return { total, points, text, capped };
}

/** A recorded 细则 value as the office reads it: “检查无问题”, “扣 1.5 分”, “加 2 分”. */
export const rulesValueText = (method: RulesMethod, value: number): string =>
  value === 0 ? t('rules.ui.noFindings') : t(method.effect === 'deduct' ? 'rules.ui.total.deduct' : 'rules.ui.total.add', { points: num(value) });
