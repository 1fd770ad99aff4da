/**
 * Findings on a 细则 leaf (shared/domain/findings.ts): what they are worth, how they read, and what makes them
 * wrong. Expected figures are worked by hand from docs/scoring-rules.md “细则（按条扣分/加分）”.
 */
import { describe, expect, it } from 'vitest';
import { defaultAmount, findingInWords, findingsProblem, findingsTotal, parseFindings, ruleAmountInWords, ruleNumber, ruleTotal, type Finding } from '../../shared/domain/findings';
import { LeafMethod, type LeafRule } from '../../shared/domain/framework';

type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;
const rule = (text: string, basis: 'once' | 'each', min: number, max = min, cap: number | null = null): LeafRule => ({ text, basis, min, max, cap });
const f = (r: number, count: number, amount: number): Finding => ({ rule: r, count, amount });

// 4.1 三会一课, 10 分:
//   ① 未建立台账，扣2分 · ② 未按时召开支委会，每次扣1分，最多扣3分 · ③ 组织生活会质量不高，扣1—2分
//   ④ 台账记录不完整，每处扣0.5—1分
const DEDUCT: RulesMethod = {
  kind: 'rules',
  effect: 'deduct',
  floorAtZero: true,
  rules: [
    rule('未建立台账', 'once', 2),
    rule('未按时召开支委会', 'each', 1, 1, 3),
    rule('组织生活会质量不高', 'once', 1, 2),
    rule('台账记录不完整', 'each', 0.5, 1),
  ],
};
const ADD: RulesMethod = { kind: 'rules', effect: 'add', floorAtZero: true, rules: [rule('获市级表彰', 'once', 2), rule('经验被推广', 'each', 1, 1.5, 2)] };
const why = (n: number) => Array.from({ length: n }, (_, i) => `检查记录第${i + 1}处`);

describe('findingsTotal and ruleTotal', () => {
  it('adds count × amount per rule, cuts each rule to its own cap, then adds the rules up', () => {
    // ① 2; ② 5 × 1 = 5 → cap 3; ③ once 1.5; ④ 3 × 0.5 + 1 × 1 = 2.5 → 2 + 3 + 1.5 + 2.5 = 9.
    const fs = [f(0, 1, 2), f(1, 5, 1), f(2, 1, 1.5), f(3, 3, 0.5), f(3, 1, 1)];
    expect(DEDUCT.rules.map((r, i) => ruleTotal(r, fs, i))).toEqual([2, 3, 1.5, 2.5]);
    expect(findingsTotal(DEDUCT, fs)).toBe(9);
  });

  it('a cap that is not reached does not change the rule; no findings total 0', () => {
    expect(findingsTotal(DEDUCT, [f(1, 2, 1)])).toBe(2);
    expect(findingsTotal(DEDUCT, [])).toBe(0);
  });

  it('sums without binary noise: 0.1-steps add to what a person writes', () => {
    // ④ 0.7 + 0.6 + 0.8 = 2.1 (a plain float sum gives 2.0999999999999996).
    expect(findingsTotal(DEDUCT, [f(3, 1, 0.7), f(3, 1, 0.6), f(3, 1, 0.8)])).toBe(2.1);
  });

  it('an adding leaf totals the same way: ① 2 + ② (2 × 1.5 = 3 → cap 2) = 4', () => {
    expect(findingsTotal(ADD, [f(0, 1, 2), f(1, 2, 1.5)])).toBe(4);
  });
});

describe('findingsProblem', () => {
  it('accepts valid findings, each with its reason', () => {
    expect(findingsProblem(DEDUCT, [f(0, 1, 2), f(1, 2, 1), f(2, 1, 1.5), f(3, 4, 0.5)], why(4))).toBeNull();
    expect(findingsProblem(DEDUCT, [], [])).toBeNull();
    // Blank reasons past the last finding are nothing (an editor's empty trailing row).
    expect(findingsProblem(DEDUCT, [f(0, 1, 2)], ['未见台账', ' '])).toBeNull();
  });

  it('names an unknown rule', () => {
    expect(findingsProblem(DEDUCT, [f(0, 1, 2), f(6, 1, 1)], why(2))).toBe('第 2 条：没有细则 7（本指标共 4 条细则）');
  });

  it('a rule applied once counts 1', () => {
    expect(findingsProblem(DEDUCT, [f(0, 2, 2)], why(1))).toBe('第 1 条（细则①“未建立台账”）：本条细则只扣一次，次数应为 1，现为 2');
    expect(findingsProblem(ADD, [f(0, 3, 2)], why(1))).toBe('第 1 条（细则①“获市级表彰”）：本条细则只加一次，次数应为 1，现为 3');
  });

  it('an amount outside the range, or not the fixed amount, is named with what it should be', () => {
    expect(findingsProblem(DEDUCT, [f(2, 1, 2.5)], why(1))).toBe('第 1 条（细则③“组织生活会质量不高”）：分值应在 1 到 2 之间，现为 2.5');
    expect(findingsProblem(DEDUCT, [f(3, 1, 0.25)], why(1))).toBe('第 1 条（细则④“台账记录不完整”）：分值应在 0.5 到 1 之间，现为 0.25');
    expect(findingsProblem(DEDUCT, [f(1, 1, 2)], why(1))).toBe('第 1 条（细则②“未按时召开支委会”）：分值应为 1，现为 2');
    // The range's ends are inside it.
    expect(findingsProblem(DEDUCT, [f(2, 1, 1), f(2, 1, 2)], why(2))).toBe(null);
  });

  it('a missing or too short reason is named with its finding', () => {
    expect(findingsProblem(DEDUCT, [f(0, 1, 2), f(1, 1, 1)], ['未见台账'])).toBe('第 2 条（细则②“未按时召开支委会”）：请写明原因');
    expect(findingsProblem(DEDUCT, [f(0, 1, 2), f(1, 1, 1)], ['未见台账', '  '])).toBe('第 2 条（细则②“未按时召开支委会”）：请写明原因');
    expect(findingsProblem(DEDUCT, [f(0, 1, 2)], ['无'])).toBe('第 1 条（细则①“未建立台账”）：原因“无”太短，请写明原因');
  });

  it('more reasons than findings are refused, counted', () => {
    expect(findingsProblem(DEDUCT, [f(0, 1, 2)], why(3))).toBe('每条记录都要写原因：记录了 1 条，原因 3 条');
  });

  it('more than 50 findings are refused', () => {
    const many = Array.from({ length: 51 }, () => f(3, 1, 0.5));
    expect(findingsProblem(DEDUCT, many, why(51))).toBe('最多记录 50 条，现有 51 条');
  });
});

describe('findings in words', () => {
  it('ruleAmountInWords says a rule as the scheme writes it', () => {
    expect(DEDUCT.rules.map((r) => ruleAmountInWords(r, 'deduct'))).toEqual(['扣2分', '每次扣1分，最多扣3分', '扣1—2分', '每次扣0.5—1分']);
    expect(ADD.rules.map((r) => ruleAmountInWords(r, 'add'))).toEqual(['加2分', '每次加1—1.5分，最多加2分']);
  });

  it('findingInWords quotes the rule, the times and the points, then the reason', () => {
    expect(findingInWords(DEDUCT, f(3, 3, 0.5), ' 缺3月记录 ')).toBe('④台账记录不完整×3，扣1.5分：缺3月记录');
    expect(findingInWords(DEDUCT, f(2, 1, 1.5), '')).toBe('③组织生活会质量不高，扣1.5分');
    expect(findingInWords(ADD, f(0, 1, 2), '市委组织部通报')).toBe('①获市级表彰，加2分：市委组织部通报');
    // A finding whose rule is gone still reads (by its number).
    expect(findingInWords(DEDUCT, f(9, 1, 1), '旧记录')).toBe('细则10，扣1分：旧记录');
  });

  it('ruleNumber circles the first twenty, then brackets', () => {
    expect([0, 1, 19, 20, 29].map(ruleNumber)).toEqual(['①', '②', '⑳', '(21)', '(30)']);
  });

  it('defaultAmount is a fixed rule’s amount; a range has none', () => {
    expect(DEDUCT.rules.map(defaultAmount)).toEqual([2, 1, null, null]);
  });

  it('parseFindings reads stored JSON; nothing stored is no findings', () => {
    expect(parseFindings(null)).toEqual([]);
    expect(parseFindings(JSON.stringify([f(1, 2, 1)]))).toEqual([f(1, 2, 1)]);
  });
});

describe('the 细则 method as stored', () => {
  it('defaults a rule’s cap to none and a leaf to 扣完为止', () => {
    const m = LeafMethod.parse({ kind: 'rules', effect: 'deduct', rules: [{ text: '未建立台账', basis: 'once', min: 2, max: 2 }] });
    expect(m).toEqual({ kind: 'rules', effect: 'deduct', floorAtZero: true, rules: [rule('未建立台账', 'once', 2)] });
  });

  it('needs at least one rule, and positive amounts', () => {
    expect(LeafMethod.safeParse({ kind: 'rules', effect: 'add', rules: [] }).success).toBe(false);
    expect(LeafMethod.safeParse({ kind: 'rules', effect: 'add', rules: [{ text: '表彰', basis: 'once', min: 0, max: 1 }] }).success).toBe(false);
  });
});
