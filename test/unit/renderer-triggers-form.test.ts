/**
 * The indicator form of a leaf triggered by business data (由业务数据触发, issue 11 §4): what the drawer shows for a
 * stored trigger, and what it sends back — the threshold typed in percent, stored as a share.
 */
import { describe, expect, it } from 'vitest';
import { LeafMethod, type Indicator } from '../../shared/domain/framework';
import { methodFromValues, valuesFromIndicator, type IndicatorFormValues } from '../../renderer/src/pages/framework/indicatorForm';

const leaf = (method: unknown): Indicator => ({
  id: 7,
  parentId: null,
  position: 0,
  code: '9.3',
  name: '未完成主要指标',
  criteria: '',
  evidence: '',
  tag: 'business',
  maxPoints: 0,
  method: LeafMethod.parse(method),
});

describe('the indicator form of a data-triggered leaf', () => {
  it('round-trips a triggered veto and deduction: 0.9 shows as 90 (not 90.00000000000001) and is sent back as 0.9', () => {
    for (const method of [
      { kind: 'veto', capGrade: '一般', trigger: { source: '4.1.1', below: 0.9 } },
      { kind: 'veto', capGrade: null, trigger: { source: '4.1.1', below: 1 } },
      { kind: 'deduction', perOccurrence: 2, trigger: { source: '4.1.2', below: 0.935 } },
    ]) {
      const values = valuesFromIndicator(leaf(method));
      expect(values.entry).toBe('data');
      expect(values.triggerSource).toBe(method.trigger.source);
      expect(values.triggerBelow).toBe(Number((method.trigger.below * 100).toPrecision(12)));
      expect(LeafMethod.parse(methodFromValues(values))).toEqual(LeafMethod.parse(method));
    }
    expect(valuesFromIndicator(leaf({ kind: 'veto', capGrade: '一般', trigger: { source: '4.1.1', below: 0.9 } })).triggerBelow).toBe(90);
  });

  it('sends no trigger for 评委评分 or 考核组核定 (whatever the hidden fields still hold), nor on a method that cannot have one', () => {
    const base: IndicatorFormValues = { code: '9.3', name: 'x', tag: 'business', maxPoints: 0, criteria: '', evidence: '', kind: 'veto', capGrade: '一般', triggerSource: '4.1.1', triggerBelow: 90 };
    expect(methodFromValues({ ...base, entry: 'panel' })).toEqual({ kind: 'veto', capGrade: '一般' });
    expect(methodFromValues({ ...base, entry: 'office' })).toEqual({ kind: 'veto', capGrade: '一般', entry: 'office' });
    expect(methodFromValues({ ...base, kind: 'rating', step: 0.5, entry: 'data' })).toEqual({ kind: 'rating', step: 0.5 });
    // Untriggered leaves read as before: no trigger fields, the entry mode as stored.
    const office = valuesFromIndicator(leaf({ kind: 'deduction', perOccurrence: 1, entry: 'office' }));
    expect(office.entry).toBe('office');
    expect(office).not.toHaveProperty('triggerSource');
    expect(office).not.toHaveProperty('trigger');
  });

  it('leaves an empty source or threshold for the schema to refuse, not a made-up one', () => {
    const values: IndicatorFormValues = { code: '9.3', name: 'x', tag: 'business', maxPoints: 0, criteria: '', evidence: '', kind: 'deduction', perOccurrence: 1, entry: 'data', triggerBelow: null };
    const parsed = LeafMethod.safeParse(methodFromValues(values));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['trigger.source', 'trigger.below']);
  });
});
