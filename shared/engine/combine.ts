/** Combining the entries of one rater group for one cell (docs/scoring-rules.md §4). */
import type { PeriodSettings } from '../domain/period';

export interface Entry {
  raterId: number;
  value: number;
}

export interface Combination {
  value: number;
  trimmed: boolean;
  /** Rater ids dropped by trimming: [lowest, highest]. */
  dropped: [number, number] | null;
}

export type Rule = Pick<PeriodSettings, 'combine' | 'trimMinRaters'>;

/**
 * The rule a rater group's entries are combined by: the group's own where it has one (issue 11 §5 — a
 * panel of 9 trims, a group of 3 takes the mean), else the period's. Each half falls back on its own.
 */
export function groupRule(group: { combine?: Rule['combine'] | null; trimMinRaters?: number | null }, period: Rule): Rule {
  return { combine: group.combine ?? period.combine, trimMinRaters: group.trimMinRaters ?? period.trimMinRaters };
}

/**
 * The group's value from the first `n` numbers of `values` (which it may
 * reorder). One function for the fast path and the explanation, so the two
 * never differ in the last digit.
 */
export function combineValues(values: Float64Array, n: number, rule: Rule): number {
  if (n === 0) return Number.NaN;
  if (rule.combine === 'median') {
    const sorted = values.subarray(0, n).sort();
    const mid = n >> 1;
    return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (rule.combine === 'trimmed' && n >= rule.trimMinRaters) return (sum - min - max) / (n - 2);
  return sum / n;
}

const byValueThenRater = (a: Entry, b: Entry) => a.value - b.value || a.raterId - b.raterId;

/** The combination with the explanation of what trimming dropped (ties broken by rater id). */
export function combineEntries(entries: Entry[], rule: Rule): Combination | null {
  const n = entries.length;
  if (n === 0) return null;
  const value = combineValues(Float64Array.from(entries, (e) => e.value), n, rule);
  if (rule.combine !== 'trimmed' || n < rule.trimMinRaters) return { value, trimmed: false, dropped: null };
  const sorted = [...entries].sort(byValueThenRater);
  return { value, trimmed: true, dropped: [sorted[0]!.raterId, sorted[n - 1]!.raterId] };
}
