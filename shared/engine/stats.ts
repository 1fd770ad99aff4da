/**
 * Small descriptive and inter-rater statistics for the rating panel.
 * Pure TypeScript (no Node, Electron, React or packages) so both the main
 * process and the renderer can use it.
 *
 * Conventions: inputs are never mutated; an empty sample gives NaN for the
 * descriptive statistics; the agreement coefficients return null when the
 * input cannot give a meaningful value (too small, ragged, non-finite, or a
 * degenerate design) instead of a NaN the caller would have to detect.
 */

/** Arithmetic mean; NaN for an empty sample. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/**
 * Population standard deviation, sqrt(Σ(x − x̄)² / N) — divides by N, not
 * N − 1, because the panel's scores are the whole population being described,
 * not a sample. Two-pass (deviations from the mean) for numerical stability.
 * NaN for an empty sample.
 */
export function populationSd(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / xs.length);
}

/** Median; for an even count the mean of the two middle values. NaN for empty. Sorts a copy. */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const hi = sorted[n >> 1] ?? Number.NaN;
  if (n % 2 === 1) return hi;
  const lo = sorted[(n >> 1) - 1] ?? Number.NaN;
  return (lo + hi) / 2;
}

/**
 * Ranks with ties sharing the average of the positions they occupy ("fractional"
 * or mid-ranks, as R's rank() does by default) — the ranking Kendall's W and its
 * tie correction assume. With `descending` (the default) rank 1 is the highest
 * value; otherwise rank 1 is the lowest. Ties are exact equality (===): round
 * scores first if they come out of floating-point arithmetic. NaN entries get a
 * NaN rank and do not take a position.
 */
export function averageRanks(xs: readonly number[], descending = true): number[] {
  const ranks: number[] = xs.map(() => Number.NaN);
  const order: number[] = [];
  xs.forEach((x, i) => {
    if (!Number.isNaN(x)) order.push(i);
  });
  const value = (i: number): number => xs[i] ?? Number.NaN;
  // Compare explicitly rather than subtracting so ±Infinity orders correctly.
  const cmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
  order.sort((i, j) => (descending ? cmp(value(j), value(i)) : cmp(value(i), value(j))));
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && value(order[end] ?? -1) === value(order[start] ?? -1)) end++;
    // Positions start+1 .. end (1-based) share their average.
    const avg = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p] ?? -1] = avg;
    start = end;
  }
  return ranks;
}

/** n rows × k columns, all finite, n ≥ 2 and k ≥ 2; otherwise null. */
function completeMatrix(matrix: readonly (readonly number[])[]): { n: number; k: number } | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) return null;
  for (const row of matrix) {
    if (row.length !== k) return null;
    for (const v of row) if (!Number.isFinite(v)) return null;
  }
  return { n, k };
}

function cell(matrix: readonly (readonly number[])[], i: number, j: number): number {
  return matrix[i]?.[j] ?? Number.NaN;
}

export interface Icc21Result {
  icc: number;
  /** Subjects (rows). */
  n: number;
  /** Raters (columns). */
  k: number;
  /** Between-subjects (rows) mean square, SSR / (n − 1). Shrout & Fleiss's BMS. */
  msr: number;
  /** Between-raters (columns) mean square, SSC / (k − 1). Shrout & Fleiss's JMS. */
  msc: number;
  /** Residual mean square, SSE / ((n − 1)(k − 1)). Shrout & Fleiss's EMS. */
  mse: number;
}

/**
 * ICC(2,1) of Shrout & Fleiss (1979), = ICC(A,1) of McGraw & Wong (1996):
 * two-way random effects, absolute agreement, single rater. Rows are subjects
 * (the branches), columns are raters; the matrix must be complete.
 *
 * Chosen because the panel's raters are a sample of possible raters and a
 * branch's score is an absolute number, so a rater who is systematically
 * harsher or more lenient must count as disagreement: the rater variance
 * (MSC) appears in the denominator. (ICC(3,1), consistency, would ignore it.)
 *
 *   ICC = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE)/n)
 *
 * from the two-way ANOVA without replication: SSR = k·Σ(row mean − grand)²,
 * SSC = n·Σ(col mean − grand)², SSE = Σ(x − row mean − col mean + grand)².
 * The sums are of deviations (not raw-score shortcuts) to avoid cancellation.
 *
 * Returns null for n < 2, k < 2, ragged rows or non-finite values. When every
 * value is identical the formula is 0/0; raters agree perfectly, so icc = 1.
 * The denominator can also vanish with unequal values (only for n = k = 2, e.g.
 * [[1,2],[2,1]]: MSR = MSC = 0, MSE > 0), where no ICC is defined: null.
 * The ICC is not clamped: a negative value (MSR < MSE) is reported as is.
 */
export function icc21(matrix: readonly (readonly number[])[]): Icc21Result | null {
  const dims = completeMatrix(matrix);
  if (!dims) return null;
  const { n, k } = dims;

  const first = cell(matrix, 0, 0);
  if (matrix.every((row) => row.every((v) => v === first))) {
    return { icc: 1, n, k, msr: 0, msc: 0, mse: 0 };
  }

  const rowMeans = matrix.map((row) => mean(row));
  const colMeans: number[] = [];
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cell(matrix, i, j);
    colMeans.push(s / n);
  }
  const grand = mean(rowMeans);

  let ssr = 0;
  for (const rm of rowMeans) ssr += (rm - grand) ** 2;
  ssr *= k;
  let ssc = 0;
  for (const cm of colMeans) ssc += (cm - grand) ** 2;
  ssc *= n;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const r = cell(matrix, i, j) - (rowMeans[i] ?? 0) - (colMeans[j] ?? 0) + grand;
      sse += r * r;
    }
  }

  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  // Relative tolerance: rounding can leave a "zero" denominator at ~1e-17.
  if (!(denominator > 1e-12 * (msr + msc + mse))) return null;
  return { icc: (msr - mse) / denominator, n, k, msr, msc, mse };
}

export interface KendallWResult {
  /** Coefficient of concordance, 0 (no agreement) … 1 (identical rankings). */
  w: number;
  /** Friedman-type statistic m(n − 1)W, approximately χ² with n − 1 df for large n. */
  chiSquare: number;
  df: number;
  /** Subjects being ranked (rows). */
  n: number;
  /** Raters (columns), the m of the formula. */
  k: number;
}

/**
 * Kendall's coefficient of concordance W with the correction for ties
 * (Kendall 1948; as in R irr::kendall(correct = TRUE)). Rows are the n
 * subjects, columns the m raters. Each rater's column is turned into average
 * ranks across subjects, so only the order each rater gives matters — it
 * measures whether raters put the branches in the same order regardless of
 * how they use the score scale. Then, with R_i the rank sum of subject i:
 *
 *   S = Σ (R_i − mean R)²
 *   W = 12·S / (m²(n³ − n) − m·Σ_j T_j),   T_j = Σ (t³ − t) over rater j's tie groups
 *
 * The T_j term is needed because tied (average) ranks have less variance than
 * untied ones; without it W could never reach 1 when raters tie. Without ties
 * it reduces to the textbook 12S / (m²(n³ − n)).
 * chiSquare = m(n − 1)·W, df = n − 1.
 *
 * Returns null for n < 2, m < 2, ragged rows, non-finite values, or when every
 * rater ties every subject (the denominator is 0 and W is undefined).
 * Ranking high-to-low or low-to-high gives the same W.
 */
export function kendallW(matrix: readonly (readonly number[])[]): KendallWResult | null {
  const dims = completeMatrix(matrix);
  if (!dims) return null;
  const { n, k: m } = dims;

  const rankSums: number[] = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (let j = 0; j < m; j++) {
    const column: number[] = [];
    for (let i = 0; i < n; i++) column.push(cell(matrix, i, j));
    const ranks = averageRanks(column);
    ranks.forEach((r, i) => {
      rankSums[i] = (rankSums[i] ?? 0) + r;
    });
    const counts = new Map<number, number>();
    for (const v of column) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const t of counts.values()) tieSum += t ** 3 - t;
  }

  // Integers (tie counts), so this zero test is exact.
  const denominator = m * m * (n ** 3 - n) - m * tieSum;
  if (denominator <= 0) return null;

  const meanR = mean(rankSums);
  let s = 0;
  for (const r of rankSums) s += (r - meanR) ** 2;
  const w = (12 * s) / denominator;
  return { w, chiSquare: m * (n - 1) * w, df: n - 1, n, k: m };
}
