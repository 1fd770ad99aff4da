/**
 * Per-rater z-score normalisation of judgment scores (docs/scoring-rules.md §3):
 * each rater's fractions (points / max) are moved onto the panel's mean and
 * spread, so a harsh or lenient rater weighs like the others.
 */

export interface Normalisation {
  raterMean: Float64Array;
  raterSd: Float64Array;
  panelMean: number;
  panelSd: number;
}

/**
 * Per-rater and panel mean and spread of the fractions `visit` hands over
 * (`add(raterIndex, fraction)` once per counted judgment entry).
 */
export function panelNormalisation(raterCount: number, visit: (add: (k: number, fraction: number) => void) => void): Normalisation {
  const R = raterCount;
  const n = new Float64Array(R);
  const sum = new Float64Array(R);
  const sumSq = new Float64Array(R);
  visit((k, x) => {
    n[k]! += 1;
    sum[k]! += x;
    sumSq[k]! += x * x;
  });
  const raterMean = new Float64Array(R);
  const raterSd = new Float64Array(R);
  let pn = 0;
  let ps = 0;
  let pss = 0;
  for (let k = 0; k < R; k++) {
    if (n[k]! > 0) {
      raterMean[k] = sum[k]! / n[k]!;
      raterSd[k] = Math.sqrt(Math.max(0, sumSq[k]! / n[k]! - raterMean[k]! ** 2));
    }
    pn += n[k]!;
    ps += sum[k]!;
    pss += sumSq[k]!;
  }
  const panelMean = pn > 0 ? ps / pn : 0;
  const panelSd = pn > 0 ? Math.sqrt(Math.max(0, pss / pn - panelMean ** 2)) : 0;
  return { raterMean, raterSd, panelMean, panelSd };
}

/** Rater k's fraction moved onto the panel's mean and spread, kept within 0 … 1. */
export function normaliseFraction(norm: Normalisation, k: number, fraction: number): number {
  const sd = norm.raterSd[k]!;
  // A spread this small is a rater who gave everything the same fraction: shift only.
  const x = sd > 1e-12 ? norm.panelMean + ((fraction - norm.raterMean[k]!) / sd) * norm.panelSd : fraction - norm.raterMean[k]! + norm.panelMean;
  return Math.min(1, Math.max(0, x));
}
