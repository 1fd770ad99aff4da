/**
 * The pure parts of the 细则 screens (issue 11 §1): the indicator form's rules (what the drawer holds → the
 * LeafMethod it sends, and back; its field checks), and the findings editor's model (what a rule choice fills in,
 * the findings sent or the problem named, the running total with 扣完为止 and a rule's cap).
 */
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { LeafMethod, type Indicator } from '../../shared/domain/framework';
import { findingsOf, findingsSummary, rulesValueText, withRule, type FindingDraft, type RulesMethod } from '../../renderer/src/pages/data/findingsModel';
import { officeValueText } from '../../renderer/src/pages/data/officeModel';
import { methodFromValues, methodValidator, valuesFromIndicator, type IndicatorFormValues } from '../../renderer/src/pages/framework/indicatorForm';
import { methodSummary, rulesInWords } from '../../renderer/src/pages/framework/model';

/** “未建立台账扣2分；台账不完整的每项扣0.5分，最多扣2分；组织生活会质量不高的扣1—2分；每发现一处问题扣0.5—1分” */
const scheme: RulesMethod = {
  kind: 'rules',
  effect: 'deduct',
  floorAtZero: true,
  rules: [
    { text: '未建立台账', basis: 'once', min: 2, max: 2, cap: null },
    { text: '台账不完整的', basis: 'each', min: 0.5, max: 0.5, cap: 2 },
    { text: '组织生活会质量不高的', basis: 'once', min: 1, max: 2, cap: null },
    { text: '发现问题', basis: 'each', min: 0.5, max: 1, cap: null },
  ],
};

const leaf = (method: RulesMethod): Indicator => ({
  id: 7,
  parentId: 1,
  position: 0,
  code: '1.1',
  name: '台账管理',
  criteria: '',
  evidence: '',
  tag: 'party',
  maxPoints: 5,
  method,
});

describe('the indicator form of a 细则 leaf', () => {
  it('round-trips a stored method: a fixed rule as one amount, a range as 下限—上限, the cap kept', () => {
    const values = valuesFromIndicator(leaf(scheme));
    expect(values.kind).toBe('rules');
    expect(values.entry).toBeUndefined(); // 细则 are always the office's: no entry mode to choose
    expect(values.rules?.map((r) => r.ranged)).toEqual([false, false, true, true]);
    expect(LeafMethod.parse(methodFromValues(values))).toEqual(scheme);
  });

  it('sends a fixed rule as min = max, whatever an earlier range left in 上限; a blank cap as none; 加分 keeps the default 扣完为止', () => {
    const values: IndicatorFormValues = {
      code: '1.1',
      name: '表彰',
      tag: 'party',
      maxPoints: 3,
      criteria: '',
      evidence: '',
      kind: 'rules',
      effect: 'add',
      floorAtZero: false,
      rules: [{ text: ' 获上级表彰的 ', basis: 'each', ranged: false, min: 1, max: 9, cap: null }],
    };
    expect(LeafMethod.parse(methodFromValues(values))).toEqual({
      kind: 'rules',
      effect: 'add',
      floorAtZero: true,
      rules: [{ text: '获上级表彰的', basis: 'each', min: 1, max: 1, cap: null }],
    });
  });

  it('names what is wrong with a rule’s field in the user’s words', async () => {
    const values: IndicatorFormValues = {
      ...valuesFromIndicator(leaf(scheme)),
      rules: [
        { text: '', basis: 'once', ranged: false, min: null, max: null, cap: 0 },
        { text: '台账不完整的', basis: 'each', ranged: true, min: 0.5, max: -1, cap: null },
      ],
    };
    const form = { getFieldsValue: () => values } as unknown as FormInstance<IndicatorFormValues>;
    const check = (path: (string | number)[]) => methodValidator(form, path)().then(() => null, (e: Error) => e.message);
    expect(await check(['rules', 0, 'text'])).toBe('请填写细则内容');
    expect(await check(['rules', 0, 'min'])).toBe('请填写分值');
    expect(await check(['rules', 0, 'cap'])).toBe('“最多扣（加）”应大于 0，最多 1000；不限就空着');
    expect(await check(['rules', 1, 'max'])).toBe('分值应大于 0，最多 1000');
    expect(await check(['rules', 1, 'min'])).toBeNull();
    const none = { getFieldsValue: () => ({ ...values, rules: [] }) } as unknown as FormInstance<IndicatorFormValues>;
    expect(await methodValidator(none, ['rules'])().then(() => null, (e: Error) => e.message)).toBe('至少要有一条细则');
  });

  it('reads the rules in the scheme’s words in the tree', () => {
    expect(methodSummary(scheme)).toBe('细则·扣分：①扣2分；②每次扣0.5分，最多扣2分；③扣1—2分；④每次扣0.5—1分');
    expect(rulesInWords(scheme)[1]).toBe('②台账不完整的 每次扣0.5分，最多扣2分');
  });
});

describe('the findings editor model', () => {
  const draft = (d: Partial<FindingDraft>): FindingDraft => ({ rule: null, count: null, amount: null, reason: '', ...d });

  it('fills what a rule decides: once counts 1, a fixed amount is the rule’s, a range keeps only an amount that fits', () => {
    expect(withRule(scheme, draft({ count: 3 }), 0)).toMatchObject({ rule: 0, count: 1, amount: 2 });
    expect(withRule(scheme, draft({ count: 3 }), 1)).toMatchObject({ rule: 1, count: 3, amount: 0.5 });
    expect(withRule(scheme, draft({ amount: 1.5 }), 2)).toMatchObject({ rule: 2, count: 1, amount: 1.5 });
    expect(withRule(scheme, draft({ amount: 1.5 }), 3)).toMatchObject({ rule: 3, count: 1, amount: null });
  });

  it('sends complete findings with trimmed reasons, or names the first problem (第 n 条, the rule)', () => {
    expect(findingsOf(scheme, [draft({ reason: '缺记录' })])).toEqual({ problem: '第 1 条：请选择细则' });
    expect(findingsOf(scheme, [draft({ rule: 0, count: 1, amount: 2, reason: '未建立' }), draft({ rule: 3, count: 2, reason: '问题' })])).toEqual({
      problem: '第 2 条（细则④“发现问题”）：请填写每次分值，应在 0.5 到 1 之间',
    });
    expect(findingsOf(scheme, [draft({ rule: 3, count: 2, amount: 1.5, reason: '两处问题未整改' })])).toEqual({
      problem: '第 1 条（细则④“发现问题”）：分值应在 0.5 到 1 之间，现为 1.5',
    });
    expect(findingsOf(scheme, [draft({ rule: 1, count: 2, amount: 0.5, reason: '' })])).toMatchObject({ problem: expect.stringContaining('第 1 条') });
    expect(findingsOf(scheme, [draft({ rule: 1, count: 3, amount: 0.5, reason: ' 缺3月记录 ' })])).toEqual({
      findings: [{ rule: 1, count: 3, amount: 0.5 }],
      detail: ['缺3月记录'],
    });
  });

  it('sums as the engine scores: a rule cut to its cap, 扣完为止 at 0, no floor beyond the leaf, an add leaf to its points', () => {
    const within = findingsSummary(scheme, 5, [{ rule: 1, count: 6, amount: 0.5 }]);
    expect(within).toMatchObject({ total: 2, points: 3, text: '合计扣 2 分，本项 5 分，得 3 分', capped: ['细则②最多扣2分，已按上限计'] });
    const floored = findingsSummary(scheme, 3, [
      { rule: 0, count: 1, amount: 2 },
      { rule: 2, count: 1, amount: 2 },
    ]);
    expect(floored).toMatchObject({ total: 4, points: 0, text: '合计扣 4 分，超过本项 3 分，扣完为止，得 0 分', capped: [] });
    const beyond = findingsSummary({ ...scheme, floorAtZero: false }, 3, [
      { rule: 0, count: 1, amount: 2 },
      { rule: 2, count: 1, amount: 2 },
    ]);
    expect(beyond).toMatchObject({ total: 4, points: -1, text: expect.stringContaining('超出的 1 分从所在部分扣减') });
    const add = findingsSummary({ ...scheme, effect: 'add' }, 3, [{ rule: 3, count: 4, amount: 1 }]);
    expect(add).toMatchObject({ total: 4, points: 3, text: '合计加 4 分，超过本项 3 分，按 3 分计' });
  });

  it('reads a recorded total in words, in the tab as in the editor', () => {
    expect(rulesValueText(scheme, 0)).toBe('检查无问题');
    expect(officeValueText(scheme, 1.5)).toBe('扣 1.5 分');
    expect(officeValueText({ ...scheme, effect: 'add' }, 2)).toBe('加 2 分');
  });
});
