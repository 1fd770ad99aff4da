/** What one entry, or one measurement, is worth on a leaf (docs/scoring-rules.md §1). */
import type { LeafMethod } from '../domain/framework';
import type { QuantitativeWorking } from './types';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Points of one rater's raw entry. Quantitative and veto leaves give 0 here (see below and the veto rule). */
export function entryPoints(method: LeafMethod, max: number, value: number): number {
  switch (method.kind) {
    case 'rating':
      return clamp(value, 0, max);
    case 'level': {
      const level = method.levels[Math.round(value)];
      return level ? level.fraction * max : 0;
    }
    case 'deduction':
      return Math.max(0, max - value * method.perOccurrence);
    case 'bonus':
      return Math.min(max, value * method.perItem);
    case 'rules':
      // The value is what the findings amount to (findingsTotal): 扣完为止 floors a deduct leaf at 0 unless the
      // scheme lets it take more; an add leaf's points are its bonus cap.
      if (method.effect === 'add') return Math.min(max, value);
      return method.floorAtZero ? Math.max(0, max - value) : max - value;
    case 'veto':
    case 'quantitative':
      return 0;
  }
}

/**
 * What one entry of a pool's child (扣分池, docs/scoring-rules.md) contributes: −occurrences × perOccurrence,
 * not floored — the child has no points of its own; the pool floors at 0 after adding up its children.
 */
export function poolEntryPoints(method: LeafMethod, value: number): number {
  // 0 − x, not −x: no occurrences gives +0, never −0.
  if (method.kind === 'deduction') return 0 - value * method.perOccurrence;
  return method.kind === 'rules' && method.effect === 'deduct' ? 0 - value : 0;
}

/**
 * What an entry is worth where it is shown on its own (a side panel, an office row, a workbook's 得分 column):
 * a pool's child shows what it takes off the pool, any other leaf its points.
 */
export const shownEntryPoints = (method: LeafMethod, max: number, value: number, inPool: boolean): number =>
  inPool ? poolEntryPoints(method, value) : entryPoints(method, max, value);

/** Points of a quantitative leaf from target and actual (目标协同); null actual → no value. */
export function quantitativePoints(
  method: Extract<LeafMethod, { kind: 'quantitative' }>,
  max: number,
  m: { target: number; actual: number | null; floor: number | null },
): { points: number | null; working: QuantitativeWorking } {
  const floor = m.floor ?? m.target * method.floorRatio;
  const working: QuantitativeWorking = { direction: method.direction, target: m.target, actual: m.actual, floor, excess: 0 };
  if (m.actual === null) return { points: null, working };
  // Distance past the target in the good direction (negative: short of it), and the span to zero points.
  const sign = method.direction === 'higher' ? 1 : -1;
  const beyond = sign * (m.actual - m.target);
  const span = sign * (m.target - floor);
  if (span <= 0) return { points: beyond >= 0 ? max : 0, working };
  if (beyond >= 0) {
    working.excess = Math.min(method.excessCap * max, (beyond / span) * max);
    return { points: max + working.excess, working };
  }
  return { points: clamp(max * (1 + beyond / span), 0, max), working };
}

/**
 * Checks a raw entry before it is stored; returns the problem in the
 * user's words, or null. Used by the scoring screen and every import.
 */
export function checkEntry(method: LeafMethod, max: number, value: number): string | null {
  if (!Number.isFinite(value)) return '请输入数字';
  switch (method.kind) {
    case 'rating': {
      if (value < 0 || value > max) return `分值应在 0 到 ${max} 之间`;
      const steps = value / method.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) return `分值应为 ${method.step} 的整数倍（0 到 ${max}）`;
      return null;
    }
    case 'level':
      return Number.isInteger(value) && value >= 0 && value < method.levels.length
        ? null
        : `请选择等次：${method.levels.map((l) => l.label).join('、')}`;
    case 'deduction':
      return Number.isInteger(value) && value >= 0 ? null : '扣分次数应为 0 或正整数';
    case 'bonus':
      return Number.isInteger(value) && value >= 0 ? null : '加分项数应为 0 或正整数';
    case 'rules':
      // The total of the findings, checked finding by finding in findingsProblem (shared/domain/findings.ts).
      return value >= 0 ? null : '细则合计不能为负数';
    case 'veto':
      return value === 0 || value === 1 ? null : '一票否决只能选“是”或“否”';
    case 'quantitative':
      return '定量指标由业务数据计算，不由评委打分';
  }
}
