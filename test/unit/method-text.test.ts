import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeafMethod, METHOD_KINDS, type IndicatorDraft, type MethodKind } from '../../shared/domain/framework';
import {
  METHOD_LABELS,
  METHOD_PARAM_EXAMPLES,
  METHOD_PARAM_HINTS,
  METHOD_TRIGGER_HINT,
  RULE_BASIS_LABELS,
  TRIGGER_PARAM_EXAMPLES,
  formatMethod,
  formatRuleAmount,
  parseMethod,
  parseMethodLabel,
  parseRuleAmount,
  parseRuleBasis,
  parseRulesParams,
  parseTagLabel,
} from '../../shared/domain/method-text';
import { UNIFIED_TEMPLATE } from '../../shared/domain/templates/unified';

const methodOf = (kind: MethodKind, text: string) => {
  const parsed = parseMethod(kind, text);
  if ('error' in parsed) throw new Error(`${kind} “${text}”: ${parsed.error}`);
  return parsed.method;
};
const errorOf = (kind: MethodKind, text: string) => {
  const parsed = parseMethod(kind, text);
  if (!('error' in parsed)) throw new Error(`${kind} “${text}” should not parse`);
  return parsed.error;
};

const leaves = (nodes: IndicatorDraft[]): IndicatorDraft[] =>
  nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));

describe('方法参数: scoring methods as cell text', () => {
  it('formats every method in the documented syntax', () => {
    expect(formatMethod({ kind: 'rating', step: 0.5 })).toBe('步长0.5');
    expect(formatMethod(LeafMethod.parse({ kind: 'level' }))).toBe('好=1,较好=0.8,一般=0.6,差=0');
    expect(formatMethod({ kind: 'deduction', perOccurrence: 0.5 })).toBe('每次0.5');
    expect(formatMethod({ kind: 'bonus', perItem: 1 })).toBe('每项1');
    expect(formatMethod({ kind: 'quantitative', direction: 'higher', floorRatio: 0.8, excessCap: 0.2 })).toBe('越高越好,零分线0.8,超额20%');
    expect(formatMethod({ kind: 'quantitative', direction: 'lower', floorRatio: 1.1, excessCap: 0 })).toBe('越低越好,零分线1.1');
    expect(formatMethod({ kind: 'veto', capGrade: '一般' })).toBe('最高等次一般');
    expect(formatMethod({ kind: 'veto', capGrade: null })).toBe('');
  });

  it('reads the examples the template shows', () => {
    // A 细则 leaf's rules come from the 细则 sheet, so its example is read with one rule.
    const rule = { text: '未建立台账', basis: 'once' as const, min: 2, max: 2, cap: null };
    for (const kind of METHOD_KINDS) expect(parseMethod(kind, METHOD_PARAM_EXAMPLES[kind], [rule])).toHaveProperty('method.kind', kind);
    expect(methodOf('quantitative', METHOD_PARAM_EXAMPLES.quantitative)).toEqual({ kind: 'quantitative', direction: 'higher', floorRatio: 0.8, excessCap: 0.2 });
  });

  it('accepts what people type: Chinese punctuation, spaces, 分, percentages, full-width digits', () => {
    expect(methodOf('rating', '步长 1 分')).toEqual({ kind: 'rating', step: 1 });
    expect(methodOf('rating', '0.5')).toEqual({ kind: 'rating', step: 0.5 });
    expect(methodOf('level', '优秀＝100%，合格：60%、不合格=0')).toEqual({
      kind: 'level',
      levels: [
        { label: '优秀', fraction: 1 },
        { label: '合格', fraction: 0.6 },
        { label: '不合格', fraction: 0 },
      ],
    });
    expect(methodOf('deduction', '每次扣0.5分')).toEqual({ kind: 'deduction', perOccurrence: 0.5 });
    expect(methodOf('deduction', '１')).toEqual({ kind: 'deduction', perOccurrence: 1 });
    expect(methodOf('bonus', '每项加 0.5 分')).toEqual({ kind: 'bonus', perItem: 0.5 });
    expect(methodOf('quantitative', '越低越好，零分线110%')).toEqual({ kind: 'quantitative', direction: 'lower', floorRatio: 1.1, excessCap: 0 });
    expect(methodOf('quantitative', '零分线：0.9；越高越好；超额0.1')).toEqual({ kind: 'quantitative', direction: 'higher', floorRatio: 0.9, excessCap: 0.1 });
    expect(methodOf('veto', '最高等次：较差')).toEqual({ kind: 'veto', capGrade: '较差' });
  });

  it('gives the documented defaults for an empty cell where a method has them', () => {
    expect(methodOf('rating', '')).toEqual({ kind: 'rating', step: 0.5 });
    expect(methodOf('level', ' ')).toEqual(LeafMethod.parse({ kind: 'level' }));
    expect(methodOf('veto', '')).toEqual({ kind: 'veto', capGrade: null });
    for (const kind of ['deduction', 'bonus', 'quantitative'] as const) expect(errorOf(kind, '')).toContain(METHOD_PARAM_HINTS[kind]);
  });

  it('says what is wrong and what is expected', () => {
    expect(errorOf('rating', '半分')).toBe(`无法识别“半分”；${METHOD_PARAM_HINTS.rating}`);
    expect(errorOf('rating', '步长0')).toBe(`步长应大于 0；${METHOD_PARAM_HINTS.rating}`);
    expect(errorOf('level', '好=1,差=2')).toMatch(/^等次“差”的得分比例 2 不在 0 到 1 之间；等次的参数应写成/);
    expect(errorOf('level', '好=1,好=0')).toMatch(/^等次“好”写了两次；/);
    expect(errorOf('level', '好=1')).toMatch(/^写了 1 个等次；/);
    expect(errorOf('level', '好,差')).toMatch(/^无法识别“好”；/);
    expect(errorOf('level', '好=很好,差=0')).toMatch(/^等次“好”的得分比例“很好”不是数字；/);
    expect(errorOf('deduction', '每次')).toBe(`无法识别“每次”；${METHOD_PARAM_HINTS.deduction}`);
    expect(errorOf('bonus', '每项0')).toMatch(/^每项加分应大于 0；/);
    expect(errorOf('quantitative', '越高越好')).toBe(`没有写零分线；${METHOD_PARAM_HINTS.quantitative}`);
    expect(errorOf('quantitative', '零分线0.8')).toMatch(/^没有写明“越高越好”还是“越低越好”；/);
    expect(errorOf('quantitative', '越高越好,零分线0.8,超额150%')).toMatch(/^超额“150%”应为 0% 到 100% 之间的百分数；/);
    expect(errorOf('quantitative', '越高越好,零分线0.8,封顶')).toMatch(/^无法识别“封顶”；/);
    expect(errorOf('veto', '较差')).toBe(`无法识别“较差”；${METHOD_PARAM_HINTS.veto}`);
  });

  it('reads back exactly what it wrote, for every leaf of the built-in template', () => {
    for (const leaf of leaves(UNIFIED_TEMPLATE.indicators)) {
      const method = LeafMethod.parse(leaf.method);
      expect(methodOf(method.kind, formatMethod(method)), leaf.code).toEqual(method);
    }
  });

  it('reads back exactly what it wrote, for any numbers', () => {
    const positive = fc.double({ min: 1e-6, max: 1000, noNaN: true });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const method: fc.Arbitrary<LeafMethod> = fc.oneof(
      positive.map((step) => ({ kind: 'rating' as const, step })),
      positive.map((perOccurrence) => ({ kind: 'deduction' as const, perOccurrence })),
      positive.map((perItem) => ({ kind: 'bonus' as const, perItem })),
      fc
        .uniqueArray(fc.constantFrom('好', '较好', '一般', '差', '优秀', '良好', '合格', '不合格', 'A', 'B'), { minLength: 2, maxLength: 8 })
        .chain((labels) => fc.tuple(...labels.map(() => share)).map((fractions) => labels.map((label, i) => ({ label, fraction: fractions[i]! }))))
        .map((levels) => ({ kind: 'level' as const, levels })),
      fc.record({
        kind: fc.constant('quantitative' as const),
        direction: fc.constantFrom('higher' as const, 'lower' as const),
        floorRatio: fc.double({ min: 0, max: 10, noNaN: true }),
        excessCap: share,
      }),
      fc.option(fc.constantFrom('优秀', '良好', '一般', '较差'), { nil: null }).map((capGrade) => ({ kind: 'veto' as const, capGrade })),
    );
    fc.assert(
      fc.property(method, (m) => {
        expect(methodOf(m.kind, formatMethod(m))).toEqual(m);
      }),
    );
  });

  it('reads 类别 and 评分方法 by their Chinese names (or the internal ones)', () => {
    expect(['党建', '业务', '融合', 'Party', ' fusion '].map(parseTagLabel)).toEqual(['party', 'business', 'fusion', 'party', 'fusion']);
    expect(parseTagLabel('生产')).toBeNull();
    expect(METHOD_KINDS.map((k) => parseMethodLabel(METHOD_LABELS[k]))).toEqual(METHOD_KINDS);
    expect(parseMethodLabel('quantitative')).toBe('quantitative');
    expect(parseMethodLabel('评分')).toBeNull();
  });
});

describe('细则 leaves as cell text (issue 11 §1)', () => {
  const rules = [
    { text: '未建立台账', basis: 'once' as const, min: 2, max: 2, cap: null },
    { text: '台账不完整', basis: 'each' as const, min: 0.5, max: 0.5, cap: 2 },
    { text: '组织生活会质量不高', basis: 'once' as const, min: 1, max: 2, cap: null },
  ];

  it('writes 方法参数 as 扣分, 加分 or 扣分,不设下限, and reads it back with the rules brought from the 细则 sheet', () => {
    const deduct = LeafMethod.parse({ kind: 'rules', effect: 'deduct', rules });
    const unfloored = LeafMethod.parse({ kind: 'rules', effect: 'deduct', rules, floorAtZero: false });
    const add = LeafMethod.parse({ kind: 'rules', effect: 'add', rules });
    expect([deduct, unfloored, add].map(formatMethod)).toEqual(['扣分', '扣分,不设下限', '加分']);
    for (const m of [deduct, unfloored, add]) {
      if (m.kind !== 'rules') throw new Error('not rules');
      expect(parseMethod('rules', formatMethod(m), m.rules)).toEqual({ method: m });
    }
    expect(METHOD_LABELS.rules).toBe('细则');
    expect(parseMethodLabel('细则')).toBe('rules');
  });

  it('reads 方法参数 as people type it: empty is 扣分 (扣完为止), Chinese commas, 扣完为止 written out', () => {
    expect(parseRulesParams('')).toEqual({ effect: 'deduct', floorAtZero: true });
    expect(parseRulesParams('扣分，不设下限')).toEqual({ effect: 'deduct', floorAtZero: false });
    expect(parseRulesParams('不设下限')).toEqual({ effect: 'deduct', floorAtZero: false });
    expect(parseRulesParams(' 扣分、扣完为止 ')).toEqual({ effect: 'deduct', floorAtZero: true });
    expect(parseRulesParams('加分')).toEqual({ effect: 'add', floorAtZero: true });
  });

  it('refuses 方法参数 it cannot read, saying how to write it, and a 细则 leaf without rules', () => {
    expect(parseRulesParams('每次0.5')).toEqual({ error: `无法识别“每次0.5”；${METHOD_PARAM_HINTS.rules}` });
    expect(parseRulesParams('扣分,加分')).toEqual({ error: `“扣分”和“加分”只能写一个；${METHOD_PARAM_HINTS.rules}` });
    expect(parseRulesParams('加分,不设下限')).toEqual({ error: `加分的细则不用写“不设下限”；${METHOD_PARAM_HINTS.rules}` });
    expect(errorOf('rules', '扣分')).toBe(`没有细则；${METHOD_PARAM_HINTS.rules}`);
    expect(errorOf('rules', '扣分,封顶')).toMatch(/^无法识别“封顶”；/);
  });

  it('reads a rule’s 分值: a fixed amount, or a range written with any dash, tilde or 至', () => {
    expect(parseRuleAmount(2)).toEqual({ min: 2, max: 2 });
    expect(parseRuleAmount('2分')).toEqual({ min: 2, max: 2 });
    expect(parseRuleAmount('扣0.5分')).toEqual({ min: 0.5, max: 0.5 });
    for (const range of ['1-2', '1—2', '1–2', '1~2', '1～2', '1－2', '1至2分', '1分-2分', ' １ — ２ ']) expect(parseRuleAmount(range), range).toEqual({ min: 1, max: 2 });
    // Out of order is read as written: the import names both bounds.
    expect(parseRuleAmount('2-1')).toEqual({ min: 2, max: 1 });
    for (const bad of ['两分', '1-', '-', '1-2-3', '1,2']) expect(parseRuleAmount(bad), bad).toBeNull();
    expect(parseRuleAmount(Number.NaN)).toBeNull();
  });

  it('writes a rule’s 分值 so that it reads back, and 计分方式 by its label', () => {
    expect(formatRuleAmount({ min: 2, max: 2 })).toBe(2);
    expect(formatRuleAmount({ min: 0.5, max: 1 })).toBe('0.5-1');
    const amount = fc.double({ min: 1e-6, max: 1000, noNaN: true });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const written = formatRuleAmount({ min: a, max: b });
        expect(parseRuleAmount(written)).toEqual({ min: a, max: b });
      }),
    );
    expect(['一次', '每次', 'each', ' 每项 ', '每处', 'ONCE'].map(parseRuleBasis)).toEqual(['once', 'each', 'each', 'each', 'each', 'once']);
    expect(parseRuleBasis('两次')).toBeNull();
    expect((['once', 'each'] as const).map((b) => parseRuleBasis(RULE_BASIS_LABELS[b]))).toEqual(['once', 'each']);
  });
});

describe('由业务数据触发 in 方法参数 (issue 11 §4)', () => {
  const veto = (capGrade: string | null, source: string, below: number) => LeafMethod.parse({ kind: 'veto', capGrade, trigger: { source, below } });
  const deduction = (perOccurrence: number, source: string, below: number) => LeafMethod.parse({ kind: 'deduction', perOccurrence, trigger: { source, below } });

  it('writes the trigger after the parameters, the threshold as a percentage', () => {
    expect(formatMethod(veto('一般', '4.1.1', 1))).toBe('最高等次一般,触发4.1.1<100%');
    expect(formatMethod(veto(null, '4.1.1', 1))).toBe('触发4.1.1<100%');
    expect(formatMethod(deduction(2, '4.1.2', 0.9))).toBe('每次2,触发4.1.2<90%');
    expect(TRIGGER_PARAM_EXAMPLES.veto).toBe(formatMethod(veto('一般', '4.1.1', 1)));
    expect(TRIGGER_PARAM_EXAMPLES.deduction).toBe(formatMethod(deduction(2, '4.1.1', 0.9)));
  });

  it('reads a trigger as people type it: 低于, 完成率, a share, Chinese commas, either order', () => {
    expect(methodOf('veto', '最高等次一般，触发4.1.1低于100%')).toEqual(veto('一般', '4.1.1', 1));
    expect(methodOf('veto', '触发 4.1.1 完成率 < 1')).toEqual(veto(null, '4.1.1', 1));
    expect(methodOf('deduction', '触发4.1.1＜0.9、每次扣2分')).toEqual(deduction(2, '4.1.1', 0.9));
    expect(methodOf('deduction', '每次2,触发4.1.1小于９０％')).toEqual(deduction(2, '4.1.1', 0.9));
    // Without a trigger nothing changes: no trigger key at all, so stored frameworks read (and fingerprint) unchanged.
    expect(methodOf('veto', '最高等次一般')).not.toHaveProperty('trigger');
    expect(methodOf('deduction', '每次2')).not.toHaveProperty('trigger');
  });

  it('refuses a trigger it cannot read, and a deduction with a trigger but no amount', () => {
    expect(errorOf('veto', '触发利润<100%')).toBe(`无法识别触发条件“触发利润<100%”；${METHOD_PARAM_HINTS.veto}；${METHOD_TRIGGER_HINT}`);
    expect(errorOf('veto', '触发4.1.1<0')).toMatch(/^触发条件“触发4.1.1<0”的完成率门槛“0”应为大于 0 的百分数/);
    expect(errorOf('veto', '触发4.1.1<很多')).toMatch(/完成率门槛“很多”/);
    expect(errorOf('deduction', '触发4.1.1<90%,触发4.1.2<90%')).toMatch(/^触发条件只能写一个；/);
    expect(errorOf('deduction', '触发4.1.1<90%')).toMatch(/^没有填写每次扣几分；/);
    expect(errorOf('veto', '较差,触发4.1.1<100%')).toMatch(/^无法识别“较差”；/);
    expect(METHOD_TRIGGER_HINT).toContain('触发4.1.1<100%');
    // The trigger's syntax is told only for a cell that tries one: a plain 扣分 mistake keeps a short hint.
    expect(errorOf('deduction', '每次')).not.toContain('触发');
  });

  it('reads back exactly what it wrote, for any trigger', () => {
    const code = fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
    const below = fc.double({ min: 1e-4, max: 10, noNaN: true });
    const method: fc.Arbitrary<LeafMethod> = fc.oneof(
      fc.tuple(fc.option(fc.constantFrom('优秀', '良好', '一般'), { nil: null }), code, below).map(([capGrade, source, b]) => veto(capGrade, source, b)),
      fc.tuple(fc.double({ min: 1e-6, max: 1000, noNaN: true }), code, below).map(([per, source, b]) => deduction(per, source, b)),
    );
    fc.assert(fc.property(method, (m) => void expect(methodOf(m.kind, formatMethod(m))).toEqual(m)));
  });
});
