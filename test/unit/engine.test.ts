import { describe, expect, it } from 'vitest';
import { Engine, computeResults } from '../../shared/engine';
import { entries, everyone, indicators, input, rating } from '../helpers/engine-input';

// A 100-point framework: 1 党建 (60: 1.1 rating 40, 1.2 deduction 20), 2 业务 (40: 2.1 rating 40),
// 3 加分项 (bonus 2 per item, cap 4), 4 一票否决 (veto).
const FRAMEWORK = indicators([
  { id: 1, code: '1', tag: 'party', max: 60 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 40, method: rating() },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 20, method: { kind: 'deduction', perOccurrence: 2 } },
  { id: 2, code: '2', tag: 'business', max: 40 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 40, method: rating() },
  { id: 3, code: '3', tag: 'fusion', max: 4 },
  { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: 4, method: { kind: 'bonus', perItem: 2 } },
  { id: 4, code: '4', tag: 'business', max: 0 },
  { id: 41, parent: 4, code: '4.1', tag: 'business', max: 0, method: { kind: 'veto', capGrade: null } },
]);

/** Every rater scores every leaf: party rating p, deductions d, business rating q, bonus items, no veto. */
function full(branches: { p: number; d: number; q: number; bonus?: number }[], raters = [1, 2, 3]) {
  return branches.flatMap((b, i) =>
    raters.flatMap((r) =>
      entries([
        [r, i + 1, 11, b.p],
        [r, i + 1, 12, b.d],
        [r, i + 1, 21, b.q],
        [r, i + 1, 31, b.bonus ?? 0],
        [r, i + 1, 41, 0],
      ]),
    ),
  );
}

const byCode = (result: ReturnType<typeof computeResults>, code: string) => result.branches.find((b) => b.code === code)!;

describe('engine: roll-up, subtotals, bonus', () => {
  it('adds leaves up the tree, counts bonus outside the base and caps it', () => {
    const result = computeResults(
      input({ indicators: FRAMEWORK, branches: 1, scores: full([{ p: 36, d: 3, q: 38, bonus: 3 }]), settings: { bonusCap: 3, quotas: [] } }),
    );
    const b = byCode(result, 'B1');
    // party 36 + (20 − 3×2) = 50, business 38; bonus 3 items × 2 = 6 → leaf cap 4 → period cap 3.
    expect(b).toMatchObject({ base: 88, bonus: 3, total: 91, deducted: 6, complete: true, missing: 0, grade: '优秀', rank: 1 });
    expect(b.tags.party).toEqual({ points: 50, max: 60, rate: 0.8333 });
    expect(b.tags.business).toEqual({ points: 38, max: 40, rate: 0.95 });
    expect(b.tags.fusion).toEqual({ points: 0, max: 0, rate: null });
    expect(b.nodes[1]).toEqual({ points: 50, complete: true });
    expect(b.nodes[3]).toEqual({ points: 4, complete: true });
    expect(result.baseMax).toBe(100);
  });

  it('never counts a missing entry as zero: the cell uses who scored, the branch is incomplete', () => {
    const scores = full([{ p: 30, d: 0, q: 30 }]).filter((s) => !(s.raterId === 3 && s.indicatorId === 21));
    const b = byCode(computeResults(input({ indicators: FRAMEWORK, branches: 1, scores })), 'B1');
    expect(b.nodes[21]).toEqual({ points: 30, complete: false });
    expect(b).toMatchObject({ total: 80, complete: false, missing: 1 });
  });

  it('leaves a leaf nobody scored without a value, and its node incomplete', () => {
    const scores = full([{ p: 30, d: 0, q: 30 }]).filter((s) => s.indicatorId !== 21);
    const b = byCode(computeResults(input({ indicators: FRAMEWORK, branches: 1, scores })), 'B1');
    expect(b.nodes[21]).toEqual({ points: null, complete: false });
    expect(b.nodes[2]).toEqual({ points: null, complete: false });
    expect(b).toMatchObject({ base: 50, complete: false, missing: 3 });
  });

  it('ignores a recused rater’s entry and does not expect one', () => {
    const scores = [...full([{ p: 30, d: 0, q: 30 }]), ...entries([[1, 1, 11, 0]])].filter(
      (s) => !(s.raterId === 1 && s.indicatorId === 11 && s.value === 30),
    );
    const engine = new Engine(input({ indicators: FRAMEWORK, branches: 1, scores, recusals: [{ raterId: 1, branchId: 1, reason: '本支部党员' }] }));
    const b = byCode(engine.result, 'B1');
    expect(b.nodes[11]).toEqual({ points: 30, complete: true });
    expect(b.complete).toBe(true);
    const cell = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!;
    expect(cell.recused).toEqual([{ raterId: 1, reason: '本支部党员' }]);
    expect(cell.groups[0]!.scores.map((s) => s.raterId)).toEqual([2, 3]);
  });

  it('weights groups, leaving out a group with no entry', () => {
    const spec = { indicators: FRAMEWORK, branches: 1, groups: [{ id: 1, weight: 0.7 }, { id: 2, weight: 0.3 }], raters: [{ id: 1, groupId: 1 }, { id: 2, groupId: 2 }] };
    const both = computeResults(input({ ...spec, scores: entries([[1, 1, 11, 40], [2, 1, 11, 30]]) }));
    expect(byCode(both, 'B1').nodes[11]!.points).toBe(37);
    const one = computeResults(input({ ...spec, scores: entries([[1, 1, 11, 40]]) }));
    expect(byCode(one, 'B1').nodes[11]).toEqual({ points: 40, complete: false });
  });

  it('caps an inner node when quantitative excess pushes its sum over max, and says so', () => {
    const fw = indicators([
      { id: 1, code: '1', tag: 'business', max: 20 },
      { id: 11, parent: 1, code: '1.1', tag: 'business', max: 10, method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0.2 } },
      { id: 12, parent: 1, code: '1.2', tag: 'business', max: 10, method: rating() },
    ]);
    const engine = new Engine(
      input({ indicators: fw, branches: 1, raters: [{ id: 1 }], scores: entries([[1, 1, 12, 9.5]]), measurements: [{ branchId: 1, indicatorId: 11, target: 100, actual: 150, floor: null }] }),
    );
    expect(byCode(engine.result, 'B1').nodes[11]!.points).toBe(12);
    expect(byCode(engine.result, 'B1').nodes[1]!.points).toBe(20);
    const node = engine.explainBranch(1)!.nodes.find((n) => n.indicatorId === 1)!;
    expect(node).toMatchObject({ childrenSum: 21.5, points: 20, capped: true });
    const cell = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!;
    expect(cell.quantitative).toMatchObject({ target: 100, actual: 150, floor: 50, excess: 2 });
  });

  it('marks a quantitative leaf without an actual value incomplete', () => {
    const fw = indicators([
      { id: 1, code: '1', tag: 'business', max: 10 },
      { id: 11, parent: 1, code: '1.1', tag: 'business', max: 10, method: { kind: 'quantitative', direction: 'lower', floorRatio: 1.5, excessCap: 0 } },
    ]);
    const result = computeResults(input({ indicators: fw, branches: 2, measurements: [{ branchId: 1, indicatorId: 11, target: 10, actual: 12.5, floor: null }] }));
    expect(byCode(result, 'B1')).toMatchObject({ total: 5, complete: true });
    expect(byCode(result, 'B2')).toMatchObject({ total: 0, complete: false, missing: 1 });
  });
});

describe('engine: veto, grades, quotas, ranks', () => {
  it('a veto triggered by a majority caps the grade, takes no quota place, and ranks last with its points', () => {
    const scores = [
      ...full([{ p: 40, d: 0, q: 40 }, { p: 38, d: 0, q: 36 }, { p: 30, d: 0, q: 30 }]).filter((s) => !(s.branchId === 1 && s.indicatorId === 41)),
      ...entries([[1, 1, 41, 1], [2, 1, 41, 1], [3, 1, 41, 0]]),
    ];
    const engine = new Engine(input({ indicators: FRAMEWORK, branches: 3, scores, settings: { quotas: [{ label: '优秀', maxShare: 0.34 }] } }));
    const r = engine.result;
    expect(r.branches.map((b) => [b.code, b.total, b.rank, b.grade, b.vetoed])).toEqual([
      ['B2', 94, 1, '优秀', false],
      ['B3', 80, 2, '良好', false],
      ['B1', 100, 3, '较差', true],
    ]);
    const steps = engine.explainBranch(1)!.grade;
    expect(steps).toMatchObject({ byThreshold: '优秀', veto: { indicatorIds: [41], capGrade: '较差' }, afterVeto: '较差', grade: '较差' });
    const veto = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 41)!.veto;
    expect(veto).toEqual({ rule: 'majority', flaggedBy: [1, 2], answered: 3, triggered: true, capGrade: '较差' });
  });

  it('one flag of three does not trigger under the majority rule, but does under "any"', () => {
    const scores = full([{ p: 40, d: 0, q: 40 }]).map((s) => (s.raterId === 1 && s.indicatorId === 41 ? { ...s, value: 1 } : s));
    expect(byCode(computeResults(input({ indicators: FRAMEWORK, branches: 1, scores })), 'B1').vetoed).toBe(false);
    expect(byCode(computeResults(input({ indicators: FRAMEWORK, branches: 1, scores, settings: { vetoRule: 'any' } })), 'B1').vetoed).toBe(true);
  });

  it('a veto naming a grade caps at that grade, not below it', () => {
    const fw = FRAMEWORK.map((n) => (n.id === 41 ? { ...n, method: { kind: 'veto' as const, capGrade: '一般' } } : n));
    const scores = full([{ p: 40, d: 0, q: 40 }, { p: 20, d: 10, q: 10 }]).map((s) => (s.indicatorId === 41 ? { ...s, value: 1 } : s));
    const r = computeResults(input({ indicators: fw, branches: 2, scores }));
    expect(byCode(r, 'B1').grade).toBe('一般');
    expect(byCode(r, 'B2')).toMatchObject({ total: 30, grade: '较差' });
  });

  it('applies a quota by rank, rounding down, and moves the rest one grade down', () => {
    const scores = full([
      { p: 40, d: 0, q: 40 },
      { p: 39, d: 0, q: 40 },
      { p: 38, d: 0, q: 40 },
      { p: 20, d: 0, q: 20 },
      { p: 20, d: 0, q: 19 },
    ]);
    const engine = new Engine(input({ indicators: FRAMEWORK, branches: 5, scores }));
    const r = engine.result;
    // 20% of 5 = 1 优秀; B2 and B3 (99, 98) move to 良好.
    expect(r.branches.map((b) => [b.code, b.total, b.grade])).toEqual([
      ['B1', 100, '优秀'],
      ['B2', 99, '良好'],
      ['B3', 98, '良好'],
      ['B4', 60, '一般'],
      ['B5', 59, '较差'],
    ]);
    expect(r.quotas).toEqual([{ label: '优秀', maxShare: 0.2, allowed: 1, movedBranchIds: [2, 3] }]);
    expect(engine.explainBranch(2)!.grade.quota).toEqual({ label: '优秀', allowed: 1, movedTo: '良好' });
  });

  it('moves branches tied across the quota boundary down together', () => {
    const scores = full([{ p: 40, d: 0, q: 40 }, { p: 40, d: 0, q: 40 }, { p: 10, d: 0, q: 10 }, { p: 10, d: 0, q: 10 }, { p: 10, d: 0, q: 10 }]);
    const r = computeResults(input({ indicators: FRAMEWORK, branches: 5 , scores }));
    expect(r.branches.slice(0, 2).map((b) => [b.code, b.rank, b.grade])).toEqual([
      ['B1', 1, '良好'],
      ['B2', 1, '良好'],
    ]);
  });

  it('breaks ties by business, then party, then fewer deductions; shares a rank when all tie', () => {
    const scores = full([
      { p: 30, d: 0, q: 30 }, // 80: party 50, business 30
      { p: 40, d: 5, q: 30 }, // 80: party 50 (40 + 10), business 30, deducted 10
      { p: 20, d: 0, q: 40 }, // 80: business 40
      { p: 30, d: 0, q: 30 }, // 80: same as B1
      { p: 25, d: 0, q: 35 }, // 80: business 35
    ]);
    const r = computeResults(input({ indicators: FRAMEWORK, branches: 5, scores, settings: { quotas: [] } }));
    expect(r.branches.map((b) => [b.code, b.rank])).toEqual([
      ['B3', 1],
      ['B5', 2],
      ['B1', 3],
      ['B4', 3],
      ['B2', 5],
    ]);
  });

  it('places branches in the fusion quadrants against the mean rates or a fixed split', () => {
    const scores = full([{ p: 40, d: 0, q: 40 }, { p: 40, d: 0, q: 10 }, { p: 10, d: 0, q: 40 }, { p: 10, d: 10, q: 10 }]);
    const mean = computeResults(input({ indicators: FRAMEWORK, branches: 4, scores }));
    expect(Object.fromEntries(mean.branches.map((b) => [b.code, b.quadrant]))).toEqual({ B1: '双强', B2: '党建强业务弱', B3: '业务强党建弱', B4: '双弱' });
    expect(mean.split.mode).toBe('mean');
    const fixed = computeResults(input({ indicators: FRAMEWORK, branches: 4, scores, settings: { fusionSplit: { mode: 'fixed', value: 0.1 } } }));
    expect(fixed.branches.every((b) => b.quadrant === '双强')).toBe(true);
  });

  it('rounds once at the end and grades on the rounded total', () => {
    const fw = indicators([
      { id: 1, code: '1', max: 100 },
      { id: 11, parent: 1, code: '1.1', max: 100, method: rating(0.01) },
    ]);
    // (90 + 89.99 + 89.995) / 3 = 89.995 → 90.00 → 优秀 (a truncating engine would say 良好).
    const r = computeResults(input({ indicators: fw, branches: 1, scores: entries([[1, 1, 11, 90], [2, 1, 11, 89.99], [3, 1, 11, 89.995]]), settings: { combine: 'mean', quotas: [] } }));
    expect(byCode(r, 'B1')).toMatchObject({ total: 90, grade: '优秀' });
  });
});

describe('engine: trimming, median, normalisation, explanations', () => {
  const fw = indicators([
    { id: 1, code: '1', max: 100 },
    { id: 11, parent: 1, code: '1.1', max: 50, method: rating() },
    { id: 12, parent: 1, code: '1.2', max: 50, method: rating() },
  ]);
  const raters = [1, 2, 3, 4, 5].map((id) => ({ id }));

  it('trimmed mean drops one lowest and one highest and the explanation says which', () => {
    const scores = entries([[1, 1, 11, 50], [2, 1, 11, 40], [3, 1, 11, 42], [4, 1, 11, 20], [5, 1, 11, 44]]);
    const engine = new Engine(input({ indicators: fw, branches: 1, raters, scores, settings: { combine: 'trimmed', trimMinRaters: 5 } }));
    expect(engine.result.branches[0]!.nodes[11]!.points).toBe(42);
    const group = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!.groups[0]!;
    expect(group).toMatchObject({ rule: 'trimmed', trimmed: true, value: 42, missingRaterIds: [] });
    expect(group.scores.filter((s) => !s.used).map((s) => [s.raterId, s.dropped])).toEqual([
      [1, 'highest'],
      [4, 'lowest'],
    ]);
    const other = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 12)!.groups[0]!;
    expect(other).toMatchObject({ value: null, missingRaterIds: [1, 2, 3, 4, 5] });
  });

  it('normalisation brings a lenient and a harsh rater onto the panel’s scale', () => {
    // Rater 1 is 10 points harsher than rater 2 on everything; their orderings agree.
    const two = [{ id: 1 }, { id: 2 }];
    const scores = entries([
      [1, 1, 11, 30], [2, 1, 11, 40], [1, 1, 12, 20], [2, 1, 12, 30],
      [1, 2, 11, 20], [2, 2, 11, 30], [1, 2, 12, 10], [2, 2, 12, 20],
    ]);
    const engine = new Engine(input({ indicators: fw, branches: 2, raters: two, scores, settings: { combine: 'mean', normalize: true, quotas: [] } }));
    const cell = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!;
    const [a, b] = cell.groups[0]!.scores;
    expect(a!.normalized).toBeCloseTo(b!.normalized!, 9);
    expect(a!.points).toBe(30);
    expect(b!.points).toBe(40);
    // Fractions: rater 1 mean 0.4, rater 2 mean 0.6, both σ = √0.02; panel mean 0.5, σ = √0.03.
    // Both entries become 0.5 + 0.2 / √0.02 × √0.03 = 0.7449 → 37.25 points (unnormalised mean: 35).
    expect(a!.normalized).toBeCloseTo(50 * (0.5 + (0.2 / Math.sqrt(0.02)) * Math.sqrt(0.03)), 9);
    expect(engine.result.branches.find((x) => x.code === 'B1')!.nodes[11]!.points).toBe(37.25);
  });

  it('median of an even group is the mean of the two middle values', () => {
    const scores = entries([[1, 1, 11, 10], [2, 1, 11, 30], [3, 1, 11, 40], [4, 1, 11, 50]]);
    const r = computeResults(input({ indicators: fw, branches: 1, raters: raters.slice(0, 4), scores, settings: { combine: 'median' } }));
    expect(r.branches[0]!.nodes[11]!.points).toBe(35);
  });
});

describe('engine: incremental updates', () => {
  it('one changed entry gives the same results as computing everything again', () => {
    const base = input({ indicators: FRAMEWORK, branches: 4, scores: full([{ p: 30, d: 1, q: 30 }, { p: 35, d: 0, q: 31 }, { p: 20, d: 2, q: 39 }, { p: 38, d: 0, q: 38 }]) });
    const engine = new Engine(base);
    const updated = engine.setEntry(2, 3, 11, 40);
    const scores = base.scores.map((s) => (s.raterId === 2 && s.branchId === 3 && s.indicatorId === 11 ? { ...s, value: 40 } : s));
    expect(updated).toEqual(computeResults({ ...base, scores }));
    const removed = engine.setEntry(2, 3, 11, null);
    expect(removed).toEqual(computeResults({ ...base, scores: base.scores.filter((s) => !(s.raterId === 2 && s.branchId === 3 && s.indicatorId === 11)) }));
  });
});

describe('everyone() helper sanity', () => {
  it('builds one entry per rater and branch', () => {
    expect(everyone([1, 2], [1, 2, 3], 11, () => 1)).toHaveLength(6);
  });
});

describe('engine: panel statistics', () => {
  const fw = indicators([
    { id: 1, code: '1', max: 100 },
    { id: 11, parent: 1, code: '1.1', max: 50, method: rating() },
    { id: 12, parent: 1, code: '1.2', max: 50, method: rating() },
  ]);
  it('finds the lenient rater, the agreement, and the most disputed cell first', () => {
    // Raters 1 and 2 agree; rater 3 is 5 points more lenient everywhere and wildly off on B2/1.2.
    const base: [number, number, number][] = [[1, 11, 40], [1, 12, 30], [2, 11, 30], [2, 12, 20], [3, 11, 20], [3, 12, 10]];
    const scores = entries(
      base.flatMap(([b, ind, v]) => [
        [1, b, ind, v],
        [2, b, ind, v],
        [3, b, ind, b === 2 && ind === 12 ? 50 : v + 5],
      ] as [number, number, number, number][]),
    );
    const engine = new Engine(input({ indicators: fw, branches: 3, scores }));
    const panel = engine.panel();
    const r3 = panel.raters.find((r) => r.raterId === 3)!;
    const r1 = panel.raters.find((r) => r.raterId === 1)!;
    expect(r3.offset).toBeGreaterThan(0);
    expect(r1.offset).toBeLessThan(0);
    expect(r3.entries).toBe(6);
    expect(panel.disputed[0]).toMatchObject({ branchId: 2, indicatorId: 12, spread: 30, entries: [{ raterId: 1, points: 20 }, { raterId: 2, points: 20 }, { raterId: 3, points: 50 }] });
    expect(panel.icc?.branches).toBe(3);
    expect(panel.icc?.raters).toBe(3);
    expect(panel.icc!.value).toBeGreaterThan(0);
    expect(panel.icc!.value).toBeLessThan(1);
    // Rater 3's outlier lifts B2 over B1 in their ranking: rank sums 4, 5, 9 → S = 14,
    // W = 12 × 14 / (3² × (3³ − 3)) = 168 / 216.
    expect(panel.kendallW!.value).toBe(0.7778);
  });
});
