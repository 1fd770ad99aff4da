/** Combining the entries of one rater group for one cell (README "评分规则" 4). */
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

const byValueThenRater = (a: Entry, b: Entry) => a.value - b.value || a.raterId - b.raterId;

export function combineEntries(entries: Entry[], settings: Pick<PeriodSettings, 'combine' | 'trimMinRaters'>): Combination | null {
  const n = entries.length;
  if (n === 0) return null;
  if (settings.combine === 'mean' || (settings.combine === 'trimmed' && n < settings.trimMinRaters)) {
    let sum = 0;
    for (const e of entries) sum += e.value;
    return { value: sum / n, trimmed: false, dropped: null };
  }
  const sorted = [...entries].sort(byValueThenRater);
  if (settings.combine === 'median') {
    const mid = n >> 1;
    const value = n % 2 === 1 ? sorted[mid]!.value : (sorted[mid - 1]!.value + sorted[mid]!.value) / 2;
    return { value, trimmed: false, dropped: null };
  }
  let sum = 0;
  for (let i = 1; i < n - 1; i++) sum += sorted[i]!.value;
  return { value: sum / (n - 2), trimmed: true, dropped: [sorted[0]!.raterId, sorted[n - 1]!.raterId] };
}
