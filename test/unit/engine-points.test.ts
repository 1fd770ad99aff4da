import { describe, expect, it } from 'vitest';
import { combineEntries } from '../../shared/engine/combine';
import { checkEntry, entryPoints, quantitativePoints } from '../../shared/engine/points';
import { roundPoints, roundRate } from '../../shared/engine/round';

describe('points of one entry, per method', () => {
  it('rating: the points, within 0…max', () => {
    expect(entryPoints({ kind: 'rating', step: 0.5 }, 10, 7.5)).toBe(7.5);
    expect(entryPoints({ kind: 'rating', step: 0.5 }, 10, 12)).toBe(10);
  });
  it('level: fraction × max', () => {
    const levels = [
      { label: '好', fraction: 1 },
      { label: '较好', fraction: 0.8 },
      { label: '一般', fraction: 0.6 },
      { label: '差', fraction: 0 },
    ];
    expect([0, 1, 2, 3].map((v) => entryPoints({ kind: 'level', levels }, 5, v))).toEqual([5, 4, 3, 0]);
  });
  it('deduction: max minus occurrences × per occurrence, floored at 0', () => {
    const m = { kind: 'deduction' as const, perOccurrence: 0.5 };
    expect(entryPoints(m, 3, 0)).toBe(3);
    expect(entryPoints(m, 3, 3)).toBe(1.5);
    expect(entryPoints(m, 3, 9)).toBe(0);
  });
  it('bonus: items × per item, capped at max', () => {
    const m = { kind: 'bonus' as const, perItem: 1 };
    expect(entryPoints(m, 2, 1)).toBe(1);
    expect(entryPoints(m, 2, 5)).toBe(2);
  });
  it('veto gives no points', () => {
    expect(entryPoints({ kind: 'veto', capGrade: null }, 0, 1)).toBe(0);
  });
});

describe('quantitative (目标协同)', () => {
  const higher = { kind: 'quantitative' as const, direction: 'higher' as const, floorRatio: 0.8, excessCap: 0 };
  const lower = { kind: 'quantitative' as const, direction: 'lower' as const, floorRatio: 1.2, excessCap: 0.1 };
  it('higher is better: full at target, linear to zero at the floor', () => {
    expect(quantitativePoints(higher, 10, { target: 100, actual: 100, floor: null }).points).toBe(10);
    expect(quantitativePoints(higher, 10, { target: 100, actual: 90, floor: null }).points).toBeCloseTo(5, 12);
    expect(quantitativePoints(higher, 10, { target: 100, actual: 80, floor: null }).points).toBe(0);
    expect(quantitativePoints(higher, 10, { target: 100, actual: 50, floor: null }).points).toBe(0);
    expect(quantitativePoints(higher, 10, { target: 100, actual: 130, floor: null }).points).toBe(10); // no excess allowed
  });
  it('an explicit floor of the measurement wins over the ratio', () => {
    const r = quantitativePoints(higher, 10, { target: 100, actual: 75, floor: 50 });
    expect(r.points).toBeCloseTo(5, 12);
    expect(r.working.floor).toBe(50);
  });
  it('lower is better mirrors it, with excess up to the cap', () => {
    expect(quantitativePoints(lower, 10, { target: 100, actual: 110, floor: null }).points).toBeCloseTo(5, 12);
    expect(quantitativePoints(lower, 10, { target: 100, actual: 120, floor: null }).points).toBe(0);
    const better = quantitativePoints(lower, 10, { target: 100, actual: 99, floor: null });
    expect(better.points).toBeCloseTo(10.5, 12); // 1 under target at 0.5 points per unit
    expect(better.working.excess).toBeCloseTo(0.5, 12);
    expect(quantitativePoints(lower, 10, { target: 100, actual: 50, floor: null }).points).toBeCloseTo(11, 12); // capped at 10%
  });
  it('a floor equal to the target scores all or nothing; no actual value means no value', () => {
    const strict = { ...higher, floorRatio: 1 };
    expect(quantitativePoints(strict, 4, { target: 0, actual: 0, floor: null }).points).toBe(4);
    expect(quantitativePoints(lower, 4, { target: 0, actual: 1, floor: 0 }).points).toBe(0);
    expect(quantitativePoints(higher, 10, { target: 100, actual: null, floor: null }).points).toBeNull();
  });
});

describe('entry checks name the allowed range', () => {
  it('refuses over max and off-step ratings', () => {
    expect(checkEntry({ kind: 'rating', step: 0.5 }, 10, 10.5)).toBe('分值应在 0 到 10 之间');
    expect(checkEntry({ kind: 'rating', step: 0.5 }, 10, 7.3)).toBe('分值应为 0.5 的整数倍（0 到 10）');
    expect(checkEntry({ kind: 'rating', step: 0.1 }, 10, 7.3)).toBeNull();
    expect(checkEntry({ kind: 'deduction', perOccurrence: 1 }, 5, 1.5)).toBe('扣分次数应为 0 或正整数');
    expect(checkEntry({ kind: 'veto', capGrade: null }, 0, 2)).toContain('一票否决');
    expect(checkEntry({ kind: 'level', levels: [{ label: '好', fraction: 1 }, { label: '差', fraction: 0 }] }, 5, 2)).toBe('请选择等次：好、差');
  });
});

describe('combining a group’s entries', () => {
  const e = (pairs: [number, number][]) => pairs.map(([raterId, value]) => ({ raterId, value }));
  it('mean and median', () => {
    expect(combineEntries(e([[1, 8], [2, 9], [3, 10]]), { combine: 'mean', trimMinRaters: 5 })?.value).toBe(9);
    expect(combineEntries(e([[1, 8], [2, 9], [3, 1]]), { combine: 'median', trimMinRaters: 5 })?.value).toBe(8);
    expect(combineEntries(e([[1, 8], [2, 9], [3, 1], [4, 10]]), { combine: 'median', trimMinRaters: 5 })?.value).toBe(8.5);
    expect(combineEntries([], { combine: 'mean', trimMinRaters: 5 })).toBeNull();
  });
  it('trimmed: drops one lowest and one highest only from the threshold on, ties broken by rater id', () => {
    const four = e([[1, 6], [2, 9], [3, 10], [4, 8]]);
    expect(combineEntries(four, { combine: 'trimmed', trimMinRaters: 5 })).toEqual({ value: 8.25, trimmed: false, dropped: null });
    const five = e([[5, 10], [1, 6], [2, 9], [3, 10], [4, 6]]);
    expect(combineEntries(five, { combine: 'trimmed', trimMinRaters: 5 })).toEqual({ value: (6 + 9 + 10) / 3, trimmed: true, dropped: [1, 5] });
  });
});

describe('rounding, once, half away from zero', () => {
  it('rounds points to 0.01 and rates to 0.0001 as a person would', () => {
    expect(roundPoints(89.995)).toBe(90);
    expect(roundPoints(1.005)).toBe(1.01);
    expect(roundPoints(2 / 3)).toBe(0.67);
    expect(roundPoints(-1.005)).toBe(-1.01);
    expect(roundPoints(0)).toBe(0);
    expect(roundRate(0.86665)).toBe(0.8667);
  });
});
