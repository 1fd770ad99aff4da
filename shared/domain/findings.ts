/**
 * Findings (问题/事项) recorded against a 细则 leaf (method kind 'rules', issue 11 §1): which rule applied,
 * how many times, how much each time, and — in the record's `detail`, one per finding in the same order — the
 * reason. The one home of what findings are worth and what makes them wrong: the office tab, the 考核组核定
 * workbook, the CLI and the write path all check findings here, and the engine's value for the leaf is
 * `findingsTotal` (docs/scoring-rules.md “细则”).
 */
import { z } from 'zod';
import { t } from '../messages';
import { MAX_COUNT, reasonTooShort } from './reasons';
import type { LeafMethod, LeafRule } from './framework';

type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;

/** The most findings one record may hold (each carries a reason, as a deduction's occurrences do). */
export const MAX_FINDINGS = 50;

/**
 * One finding: `rule` is the 0-based position of the rule in the leaf's list (rules are frozen with the framework
 * once a period records against it, so the position is stable); `amount` is the points per occurrence, within the
 * rule's [min, max] (the rule's fixed amount when min = max); `count` is 1 for a rule applied once.
 */
export const Finding = z.object({
  rule: z.number().int().min(0).max(99),
  count: z.number().int().min(1).max(MAX_COUNT).default(1),
  amount: z.number().finite().positive().max(1000),
});
export type Finding = z.output<typeof Finding>;

/** Sums without binary noise (0.1 + 0.2): findings are written to at most 4 decimals. */
const tidy = (x: number) => Math.round(x * 1e4) / 1e4;

/** What one rule's findings amount to: Σ count × amount, cut to the rule's cap. */
export function ruleTotal(rule: LeafRule, findings: readonly Finding[], index: number): number {
  let sum = 0;
  for (const f of findings) if (f.rule === index) sum += f.count * f.amount;
  return tidy(rule.cap !== null && sum > rule.cap ? rule.cap : sum);
}

/**
 * The leaf's raw value: the points its findings deduct (effect deduct) or add (effect add), each rule cut to its
 * cap. What that is worth on the leaf (扣完为止, the leaf's points as the bonus cap) is entryPoints' business.
 */
export function findingsTotal(method: RulesMethod, findings: readonly Finding[]): number {
  return tidy(method.rules.reduce((s, rule, i) => s + ruleTotal(rule, findings, i), 0));
}

/** A rule's amount in the scheme's words: “扣2分”, “每次扣1分”, “扣1—2分”, “每次扣0.5—1分”, “…，最多扣3分”. */
export function ruleAmountInWords(rule: LeafRule, effect: RulesMethod['effect']): string {
  const verb = effect === 'deduct' ? '扣' : '加';
  const amount = rule.min === rule.max ? `${rule.min}分` : `${rule.min}—${rule.max}分`;
  const cap = rule.cap === null ? '' : `，最多${verb}${rule.cap}分`;
  return `${rule.basis === 'each' ? '每次' : ''}${verb}${amount}${cap}`;
}

/** 细则 number as printed beside a rule: ①…⑳, then (21) onwards. */
export const ruleNumber = (index: number): string => (index < 20 ? String.fromCharCode(0x2460 + index) : `(${index + 1})`);

/**
 * One finding as a reader sees it (office tab, 反馈单, audit): “②台账不完整（每项扣0.5分）×3，扣1.5分：缺3月记录”.
 * The rule's text is quoted as the scheme wrote it.
 */
export function findingInWords(method: RulesMethod, finding: Finding, reason: string): string {
  const rule = method.rules[finding.rule];
  const verb = method.effect === 'deduct' ? '扣' : '加';
  const head = rule ? `${ruleNumber(finding.rule)}${rule.text}` : `细则${finding.rule + 1}`;
  const times = finding.count > 1 ? `×${finding.count}` : '';
  const points = tidy(finding.count * finding.amount);
  const tail = reason.trim() === '' ? '' : `：${reason.trim()}`;
  return `${head}${times}，${verb}${points}分${tail}`;
}

/**
 * What is wrong with findings and their reasons, in the user's words naming the finding (第 n 条) and the rule;
 * null when they may be stored. Each finding needs its reason (detail[i]); a rule applied once counts 1; the
 * amount lies within the rule's range (exactly the rule's amount when it is fixed).
 */
export function findingsProblem(method: RulesMethod, findings: readonly Finding[], detail: readonly string[]): string | null {
  if (findings.length > MAX_FINDINGS) return t('findings.tooMany', { max: MAX_FINDINGS, count: findings.length });
  // More reasons than findings can't be matched to a finding (blank ones past the end are nothing); a missing
  // reason is named below, with its finding.
  if (detail.some((d, i) => i >= findings.length && d.trim() !== '')) {
    return t('findings.reasonCount', { findings: findings.length, reasons: detail.filter((d) => d.trim() !== '').length });
  }
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const at = `第 ${i + 1} 条`;
    const rule = method.rules[f.rule];
    if (!rule) return t('findings.unknownRule', { at, number: f.rule + 1, count: method.rules.length });
    const named = { at, rule: `细则${ruleNumber(f.rule)}“${rule.text}”` };
    const reason = (detail[i] ?? '').trim();
    if (reason === '') return t('findings.noReason', named);
    if (reasonTooShort(reason)) return t('findings.shortReason', { ...named, reason });
    if (rule.basis === 'once' && f.count !== 1) return t('findings.once', { ...named, verb: method.effect === 'deduct' ? '扣' : '加', count: f.count });
    if (f.amount < rule.min - 1e-9 || f.amount > rule.max + 1e-9)
      return rule.min === rule.max
        ? t('findings.fixedAmount', { ...named, amount: rule.min, value: f.amount })
        : t('findings.rangeAmount', { ...named, min: rule.min, max: rule.max, value: f.amount });
  }
  return null;
}

/** The amount a finding takes when none is written: a fixed rule's amount; a range has none (the recorder picks). */
export const defaultAmount = (rule: LeafRule): number | null => (rule.min === rule.max ? rule.min : null);

/** Reads stored findings (findings_json); null or absent → none. */
export const parseFindings = (json: string | null | undefined): Finding[] => (json ? (JSON.parse(json) as Finding[]) : []);
