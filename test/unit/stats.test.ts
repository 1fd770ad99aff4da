import { describe, expect, it } from 'vitest';
import { averageRanks, icc21, kendallW, mean, median, populationSd } from '../../shared/engine/stats';

// Every expected number below was worked out by hand (or with plain-arithmetic
// Python using fractions.Fraction, no libraries), never by calling stats.ts.

describe('mean, populationSd, median', () => {
  it('computes the basics', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([-3])).toBe(-3);
    // Classic: 2,4,4,4,5,5,7,9 → mean 5, deviations² 9+1+1+1+0+0+4+16 = 32, 32/8 = 4, sd 2.
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(populationSd([7, 7, 7])).toBe(0);
  });

  it('gives NaN for an empty sample', () => {
    expect(mean([])).toBeNaN();
    expect(populationSd([])).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it('takes the middle value for odd length and the mean of the two middle ones for even', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([42])).toBe(42);
    expect(median([4, 1, 3, 2])).toBe(2.5); // sorted 1,2,3,4 → (2+3)/2
    expect(median([10, 2, 38, 23, 38, 23])).toBe(23); // sorted 2,10,23,23,38,38 → (23+23)/2
    expect(median([-1, -2])).toBe(-1.5);
  });

  it('does not mutate its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('averageRanks', () => {
  it('ranks the highest first by default and averages ties', () => {
    // 30 → 1; the two 20s share positions 2,3 → 2.5; 10 → 4.
    expect(averageRanks([10, 20, 20, 30])).toEqual([4, 2.5, 2.5, 1]);
    // Three-way tie for positions 1..3 → 2.
    expect(averageRanks([5, 5, 1, 5])).toEqual([2, 2, 4, 2]);
  });

  it('ranks the lowest first when not descending', () => {
    expect(averageRanks([10, 20, 20, 30], false)).toEqual([1, 2.5, 2.5, 4]);
  });

  it('handles all-tied, empty, negative and infinite values; NaN gets a NaN rank', () => {
    expect(averageRanks([7, 7, 7, 7])).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(averageRanks([])).toEqual([]);
    expect(averageRanks([-1, Infinity, -Infinity, 0])).toEqual([3, 1, 4, 2]);
    const r = averageRanks([3, Number.NaN, 1]);
    expect([r[0], r[2]]).toEqual([1, 2]);
    expect(r[1]).toBeNaN();
  });

  it('does not mutate its input', () => {
    const xs = [3, 1, 2];
    averageRanks(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('icc21 — ICC(2,1), two-way random, absolute agreement, single rater', () => {
  // Shrout & Fleiss (1979), Table 2: 6 targets (rows) × 4 judges (columns).
  const shroutFleiss = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it('reproduces the published Shrout & Fleiss example', () => {
    // By hand (exact fractions), n = 6, k = 4, N = 24:
    //   grand total T = 127, Σx² = 841, correction C = T²/N = 16129/24
    //   row totals 24,12,26,16,30,19 → Σ = 3853; column totals 46,15,26,40 → Σ = 4377
    //   SST = 841 − 16129/24           = 4055/24
    //   SSR = 3853/4 − 16129/24         = 1349/24
    //   SSC = 4377/6 − 16129/24         = 2339/24
    //   SSE = SST − SSR − SSC           =  367/24
    //   MSR = SSR/5  = 1349/120 = 11.241666…   (published BMS 11.24)
    //   MSC = SSC/3  = 2339/72  = 32.486111…   (published JMS 32.49)
    //   MSE = SSE/15 = 367/360  = 1.019444…    (published EMS 1.02)
    //   ICC = (MSR − MSE) / (MSR + 3·MSE + 4·(MSC − MSE)/6) = 184/635 = 0.289763…  (published .29)
    const r = icc21(shroutFleiss);
    expect(r).not.toBeNull();
    expect(r?.n).toBe(6);
    expect(r?.k).toBe(4);
    expect(r?.icc).toBeCloseTo(0.29, 2);
    expect(r?.icc).toBeCloseTo(184 / 635, 12);
    expect(r?.msr).toBeCloseTo(1349 / 120, 12);
    expect(r?.msc).toBeCloseTo(2339 / 72, 12);
    expect(r?.mse).toBeCloseTo(367 / 360, 12);
  });

  it('is 1 under perfect agreement', () => {
    // Every rater gives each subject the same score; subjects differ.
    const r = icc21([
      [1, 1, 1],
      [2, 2, 2],
      [5, 5, 5],
    ]);
    expect(r?.icc).toBeCloseTo(1, 12);
    expect(r?.msc).toBeCloseTo(0, 12);
    expect(r?.mse).toBeCloseTo(0, 12);
  });

  it('is 1 (not NaN) when every value is identical, even for non-representable decimals', () => {
    expect(icc21([[4, 4], [4, 4], [4, 4]])).toEqual({ icc: 1, n: 3, k: 2, msr: 0, msc: 0, mse: 0 });
    expect(icc21([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1]])?.icc).toBe(1);
  });

  it('measures absolute agreement: a constant offset between raters lowers it', () => {
    // Rater 2 = rater 1 + 2 on every subject: perfectly consistent, not in agreement.
    //   row means 2,3,4,5, grand 3.5 → SSR = 2·(2.25+0.25+0.25+2.25) = 10, MSR = 10/3
    //   column means 2.5, 4.5       → SSC = 4·(1+1) = 8,                  MSC = 8
    //   residuals all 0             → MSE = 0
    //   ICC(2,1) = (10/3) / (10/3 + 0 + 2·8/4) = (10/3)/(22/3) = 5/11 ≈ 0.4545
    //   whereas consistency ICC(3,1) = (MSR − MSE)/(MSR + (k−1)MSE) = 1.
    const r = icc21([
      [1, 3],
      [2, 4],
      [3, 5],
      [4, 6],
    ]);
    expect(r?.msr).toBeCloseTo(10 / 3, 12);
    expect(r?.msc).toBeCloseTo(8, 12);
    expect(r?.mse).toBeCloseTo(0, 12);
    expect(r?.icc).toBeCloseTo(5 / 11, 12);
    expect(r?.icc).toBeLessThan(0.5);
  });

  it('returns null for invalid input', () => {
    expect(icc21([])).toBeNull();
    expect(icc21([[1, 2, 3]])).toBeNull(); // n = 1
    expect(icc21([[1], [2], [3]])).toBeNull(); // k = 1
    expect(icc21([[1, 2], [3]])).toBeNull(); // ragged
    expect(icc21([[1, 2], [3, 4, 5]])).toBeNull(); // ragged
    expect(icc21([[1, 2], [3, Number.NaN]])).toBeNull();
    expect(icc21([[1, 2], [3, Infinity]])).toBeNull();
  });

  it('returns null when the denominator vanishes with unequal values (n = k = 2)', () => {
    // Row means 1.5,1.5 and column means 1.5,1.5 → MSR = MSC = 0; MSE = 1;
    // denominator 0 + 1·1 + 2·(0 − 1)/2 = 0 while the numerator is −1.
    expect(icc21([[1, 2], [2, 1]])).toBeNull();
  });
});

describe('kendallW — coefficient of concordance with tie correction', () => {
  it('matches a hand-worked example without ties (6 subjects, 3 raters)', () => {
    // Columns are the three raters' rankings of subjects A..F.
    //   rank sums R = 8, 14, 11, 11, 11, 8 (as given: 1 = first);
    //   ranking high-to-low instead maps each rank r → 7 − r, giving R = 13,7,10,10,10,13 — same S.
    //   mean R = m(n+1)/2 = 3·7/2 = 10.5
    //   S = 2.5² + 3.5² + 0.5² + 0.5² + 0.5² + 2.5² = 6.25+12.25+0.75+6.25 = 25.5
    //   W = 12·25.5 / (3²·(6³ − 6)) = 306 / 1890 = 17/105 ≈ 0.161905
    //   χ² = m(n − 1)W = 3·5·17/105 = 17/7 ≈ 2.428571, df = 5
    const r = kendallW([
      [1, 1, 6],
      [6, 5, 3],
      [3, 6, 2],
      [2, 4, 5],
      [5, 2, 4],
      [4, 3, 1],
    ]);
    expect(r).not.toBeNull();
    expect(r?.w).toBeCloseTo(17 / 105, 12);
    expect(r?.chiSquare).toBeCloseTo(17 / 7, 12);
    expect(r?.df).toBe(5);
    expect(r?.n).toBe(6);
    expect(r?.k).toBe(3);
  });

  it('matches the ProofWiki worked example (3 competitors, 4 judges, W = 1/16)', () => {
    // ProofWiki "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1":
    // rank sums 7, 9, 8, mean 8, S = 1 + 1 + 0 = 2, W = 12·2 / (4²·(3³ − 3)) = 24/384 = 1/16.
    const r = kendallW([
      [1, 1, 2, 3],
      [3, 2, 3, 1],
      [2, 3, 1, 2],
    ]);
    expect(r?.w).toBeCloseTo(1 / 16, 12);
    expect(r?.chiSquare).toBeCloseTo(4 * 2 * (1 / 16), 12);
    expect(r?.df).toBe(2);
  });

  it('applies the tie correction', () => {
    // 5 subjects, 3 raters scoring (high = better), each rater with two tied pairs:
    //   rater 1: 10, 8, 8, 5, 5 → ranks 1, 2.5, 2.5, 4.5, 4.5; ties (2,2) → T = (8−2)+(8−2) = 12
    //   rater 2:  8, 8, 6, 6, 3 → ranks 1.5, 1.5, 3.5, 3.5, 5;  T = 12
    //   rater 3:  9, 7, 7, 4, 4 → ranks 1, 2.5, 2.5, 4.5, 4.5; T = 12
    //   R = 3.5, 6.5, 8.5, 12.5, 14; mean R = 9
    //   S = 5.5² + 2.5² + 0.5² + 3.5² + 5² = 30.25+6.25+0.25+12.25+25 = 74
    //   ΣT = 36; denominator = 3²·(125 − 5) − 3·36 = 1080 − 108 = 972
    //   W = 12·74 / 972 = 888/972 = 74/81 ≈ 0.913580  (uncorrected: 888/1080 ≈ 0.822222)
    //   χ² = 3·4·74/81 = 296/27 ≈ 10.962963, df = 4
    const r = kendallW([
      [10, 8, 9],
      [8, 8, 7],
      [8, 6, 7],
      [5, 6, 4],
      [5, 3, 4],
    ]);
    expect(r?.w).toBeCloseTo(74 / 81, 12);
    expect(r?.w).not.toBeCloseTo(888 / 1080, 3);
    expect(r?.chiSquare).toBeCloseTo(296 / 27, 12);
    expect(r?.df).toBe(4);
  });

  it('is 1 under perfect agreement, with or without ties', () => {
    expect(kendallW([[90, 80, 85], [70, 60, 65], [50, 40, 45], [30, 20, 25]])?.w).toBeCloseTo(1, 12);
    // Two raters who agree, including on a tie: each ranks the subjects 1.5, 1.5, 3.
    //   R = 3, 3, 6, mean 4, S = 1 + 1 + 4 = 6; T_j = 2³ − 2 = 6 each, ΣT = 12
    //   denominator = 2²·(3³ − 3) − 2·12 = 96 − 24 = 72 → W = 12·6/72 = 1
    //   (without the correction it would be 72/96 = 0.75).
    expect(kendallW([[9, 9], [9, 9], [1, 1]])?.w).toBeCloseTo(1, 12);
  });

  it('is 0 when raters fully disagree', () => {
    // Two raters with reversed orders: every rank sum is n + 1 = 5 → S = 0 → W = 0.
    expect(kendallW([[1, 4], [2, 3], [3, 2], [4, 1]])?.w).toBeCloseTo(0, 12);
    // Latin square, 3 raters × 3 subjects: rank sums 6, 6, 6 → W = 0, χ² = 0.
    const r = kendallW([
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ]);
    expect(r?.w).toBeCloseTo(0, 12);
    expect(r?.chiSquare).toBeCloseTo(0, 12);
  });

  it('returns null for invalid input or when every rater ties everything', () => {
    expect(kendallW([])).toBeNull();
    expect(kendallW([[1, 2, 3]])).toBeNull(); // n = 1
    expect(kendallW([[1], [2], [3]])).toBeNull(); // m = 1
    expect(kendallW([[1, 2], [3]])).toBeNull(); // ragged
    expect(kendallW([[1, 2], [3, Number.NaN]])).toBeNull();
    expect(kendallW([[1, -Infinity], [3, 4]])).toBeNull();
    // Each rater gives all subjects the same score: m²(n³ − n) − m·ΣT = 4·24 − 2·48 = 0.
    expect(kendallW([[5, 7], [5, 7], [5, 7]])).toBeNull();
  });
});
