/**
 * 适用范围与折算 (issue 11 §7, docs/scoring-rules.md): indicators that apply only to some 支部类别. A hand-computed
 * fixture (the working in the comments, from the documented rules, not from the engine), the edge cases of the
 * rule, and the incremental path against a full recompute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeafMethod } from '../../shared/domain/framework';
import type { PeriodSettingsInput } from '../../shared/domain/period';
import { Engine, computeResults, type EngineIndicator, type EngineMeasurement } from '../../shared/engine';
import { buildTree, notApplicableTip, rescaleSentence } from '../../renderer/src/pages/results/format';
import { t } from '../../shared/messages';
import type { Indicator } from '../../shared/domain/framework';
import { loadPeriodScope, singleRaterEngineInput } from '../../electron/services/period-scope';
import { buildEngineInput } from '../../electron/services/results';
import { entries, indicators, input, rating, type ListInput, type NodeSpec } from '../helpers/engine-input';
import { periodSetup } from '../helpers/period-setup';

const deduction = (perOccurrence: number): LeafMethod => ({ kind: 'deduction', perOccurrence });
const QUANTITATIVE: LeafMethod = { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0 };

/** The framework with each node's appliesTo (absent = applies to all). */
const withApplies = (specs: NodeSpec[], applies: Record<number, string[]>): EngineIndicator[] =>
  indicators(specs).map((n) => (applies[n.id] ? { ...n, appliesTo: applies[n.id] } : n));

// 100 base points, categories 生产 and 机关:
//   1 党建基础 party 30 = 1.1 rating 20 + 1.2 rating 10 [仅生产]
//   2 基础工作 party, a pool of 10 = 2.1 deduction 2 per occurrence + 2.2 deduction 1 per occurrence [仅生产]
//   3 生产经营 business 10 [仅生产] = 3.1 quantitative 10 (越高越好, floor 0.5 × target)
//   4 服务保障 business 50 = 4.1 rating 40 + 4.2 rating 10 [仅机关]
//   5 加分 fusion, a bonus leaf, 1 per item, max 3
// Framework tag maxima: party 20 + 10 + the pool's 10 = 40; business 10 + 40 + 10 = 60.
const SPECS: NodeSpec[] = [
  { id: 1, code: '1', tag: 'party', max: 30 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 20, method: rating() },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 10, method: rating() },
  { id: 2, code: '2', tag: 'party', max: 10, options: { pool: true } },
  { id: 21, parent: 2, code: '2.1', tag: 'party', max: 0, method: deduction(2) },
  { id: 22, parent: 2, code: '2.2', tag: 'party', max: 0, method: deduction(1) },
  { id: 3, code: '3', tag: 'business', max: 10 },
  { id: 31, parent: 3, code: '3.1', tag: 'business', max: 10, method: QUANTITATIVE },
  { id: 4, code: '4', tag: 'business', max: 50 },
  { id: 41, parent: 4, code: '4.1', tag: 'business', max: 40, method: rating() },
  { id: 42, parent: 4, code: '4.2', tag: 'business', max: 10, method: rating() },
  { id: 5, code: '5', tag: 'fusion', max: 3, method: { kind: 'bonus', perItem: 1 } },
];
const APPLIES: Record<number, string[]> = { 12: ['生产'], 22: ['生产'], 3: ['生产'], 42: ['机关'] };
const FRAMEWORK = withApplies(SPECS, APPLIES);
const CATEGORIES = ['生产', '机关', ''];

const SETTINGS: PeriodSettingsInput = { combine: 'mean', normalize: false, quotas: [] };
const RATERS = [{ id: 1 }, { id: 2 }];

// [rater, branch, leaf, value]. Entries on a leaf that doesn't apply to the branch are stray: they must count nowhere.
const STRAY = entries([
  [1, 1, 42, 10],
  [1, 2, 12, 10],
  [2, 2, 22, 5],
]);
const SCORES = [
  ...entries([
  // B1 生产: 1.1 20, 20 · 1.2 9, 9 · 2.1 1, 1 occurrences · 2.2 2, 0 · 4.1 38, 36 · 5 2, 2 items
  [1, 1, 11, 20], [2, 1, 11, 20], [1, 1, 12, 9], [2, 1, 12, 9], [1, 1, 21, 1], [2, 1, 21, 1],
  [1, 1, 22, 2], [2, 1, 22, 0], [1, 1, 41, 38], [2, 1, 41, 36], [1, 1, 5, 2], [2, 1, 5, 2],
  // B2 机关: 1.1 16, 16 · 2.1 0, 1 · 4.1 38, 36 · 4.2 10, 10 · 5 1, 1
  [1, 2, 11, 16], [2, 2, 11, 16], [1, 2, 21, 0], [2, 2, 21, 1],
  [1, 2, 41, 38], [2, 2, 41, 36], [1, 2, 42, 10], [2, 2, 42, 10], [1, 2, 5, 1], [2, 2, 5, 1],
  // B3 no category (assessed on everything): 1.1 14 · 1.2 7 · 2.1 0 · 2.2 0 · 4.1 30 · 4.2 8 · 5 0
  [1, 3, 11, 14], [2, 3, 11, 14], [1, 3, 12, 7], [2, 3, 12, 7], [1, 3, 21, 0], [2, 3, 21, 0],
  [1, 3, 22, 0], [2, 3, 22, 0], [1, 3, 41, 30], [2, 3, 41, 30], [1, 3, 42, 8], [2, 3, 42, 8], [1, 3, 5, 0], [2, 3, 5, 0],
  ]),
  ...STRAY,
];
// B2's 3.1 doesn't apply: its measurement is stray too.
const MEASUREMENTS: EngineMeasurement[] = [
  { branchId: 1, indicatorId: 31, target: 100, actual: 90, floor: null },
  { branchId: 2, indicatorId: 31, target: 100, actual: 100, floor: null },
  { branchId: 3, indicatorId: 31, target: 100, actual: 100, floor: null },
];

const fixture = (over: Partial<ListInput> = {}, settings: PeriodSettingsInput = SETTINGS): ListInput => {
  const base = input({ indicators: FRAMEWORK, branches: 3, raters: RATERS, scores: SCORES, measurements: MEASUREMENTS, settings });
  return { ...base, branches: base.branches.map((b, i) => ({ ...b, category: CATEGORIES[i]! })), ...over };
};

// Working, per branch (one group, mean of the two raters):
// B1 生产 — 1.2 applies, 4.2 doesn't (r1's 10 on it is stray; r2 never entered it: not missing).
//    1 = 20 + 9 = 29. Pool 2: 2.1 deducts 2, 2 → 2; 2.2 deducts 2, 0 → 1; 10 − 3 = 7. 3 = 10 × (90 − 50)/(100 − 50) = 8.
//    4 = 37 (4.2 不适用). Raw base 29 + 7 + 8 + 37 = 81.
//    Applicable max = 30 + 10 + 10 + min(50, 40) = 90 < 100 → base = 81 × 100 ÷ 90 = 90 (factor 1.1111).
//    Bonus 2 (unscaled) → total 92, 优秀. Party 20 + 9 + 7 = 36 of 40 (0.9); business 8 + 37 = 45 of 50 (0.9).
// B2 机关 — 1.2, 2.2 and the whole of 3 don't apply (the stray entries and measurement count nowhere).
//    1 = 16. Pool 2: 2.1 deducts 0, 2 → 1; 2.2 deducts nothing; 10 − 1 = 9. 3 不适用. 4 = 37 + 10 = 47.
//    Raw base 16 + 9 + 47 = 72. Applicable max = min(30, 20) + 10 + 0 + 50 = 80 → base = 72 × 100 ÷ 80 = 90 (factor 1.25).
//    Bonus 1 → total 91, 优秀 (unscaled it would be 73, 一般). Party 16 + 9 = 25 of 30 (0.8333), business 47 of 50 (0.94).
// B3 no category — everything applies, 4.2 included. 1 = 21, pool 10, 3 = 10, 4 = 38: base 79, bonus 0, total 79,
//    一般, not rescaled. Party 31 of 40 (0.775), business 48 of 60 (0.8).
// Split (the mean rates): party (0.9 + 0.8333 + 0.775)/3 = 0.8361, business (0.9 + 0.94 + 0.8)/3 = 0.88:
//    B1 双强, B2 业务强党建弱 (0.8333 < 0.8361), B3 双弱. Ranks B1, B2, B3. Deducted: B1 3, B2 1, B3 0.
describe('适用范围与折算: a hand-computed fixture', () => {
  const engine = new Engine(fixture());
  const row = (id: number) => engine.result.branches.find((b) => b.branchId === id)!;

  it('rescales each branch to the full mark; bonus unscaled; grades and ranks from the rescaled total', () => {
    expect(engine.result.baseMax).toBe(100);
    expect(engine.result.branches.map((b) => [b.branchId, b.base, b.bonus, b.total, b.grade, b.rank])).toEqual([
      [1, 90, 2, 92, '优秀', 1],
      [2, 90, 1, 91, '优秀', 2],
      [3, 79, 0, 79, '一般', 3],
    ]);
    expect(row(1).rescaled).toEqual({ applicableMax: 90, rawBase: 81, factor: 1.1111 });
    expect(row(2).rescaled).toEqual({ applicableMax: 80, rawBase: 72, factor: 1.25 });
    expect(row(3).rescaled).toBeUndefined();
    expect([1, 2, 3].map((id) => row(id).deducted)).toEqual([3, 1, 0]);
  });

  it('tag rates are taken against what applies; the quadrants follow', () => {
    expect(engine.result.tagMax).toEqual({ party: 40, business: 60, fusion: 0 });
    expect(row(1).tags.party).toEqual({ points: 36, max: 40, rate: 0.9 });
    expect(row(1).tags.business).toEqual({ points: 45, max: 50, rate: 0.9 });
    expect(row(2).tags.party).toEqual({ points: 25, max: 30, rate: 0.8333 });
    expect(row(2).tags.business).toEqual({ points: 47, max: 50, rate: 0.94 });
    expect(row(3).tags.party).toEqual({ points: 31, max: 40, rate: 0.775 });
    expect(row(3).tags.business).toEqual({ points: 48, max: 60, rate: 0.8 });
    expect(engine.result.split).toEqual({ party: 0.8361, business: 0.88, mode: 'mean' });
    expect([1, 2, 3].map((id) => row(id).quadrant)).toEqual(['双强', '业务强党建弱', '双弱']);
  });

  it('不适用 is never missing and has no value: a leaf, a pool child, a whole section', () => {
    expect([1, 2, 3].map((id) => [row(id).complete, row(id).missing])).toEqual([[true, 0], [true, 0], [true, 0]]);
    expect(row(1).nodes[42]).toEqual({ points: null, complete: true, notApplicable: true });
    expect(row(1).nodes[4]).toEqual({ points: 37, complete: true });
    for (const id of [12, 22, 3, 31]) expect(row(2).nodes[id]).toEqual({ points: null, complete: true, notApplicable: true });
    expect(row(2).nodes[1]).toEqual({ points: 16, complete: true });
    expect(row(2).nodes[2]).toEqual({ points: 9, complete: true });
    expect(row(3).nodes[42]).toEqual({ points: 8, complete: true });
    // A missing entry on a leaf that applies is still missing: r2's 4.2 on B2.
    const gap = new Engine(fixture({ scores: SCORES.filter((s) => !(s.raterId === 2 && s.branchId === 2 && s.indicatorId === 42)) }));
    expect(gap.result.branches.find((b) => b.branchId === 2)!.missing).toBe(1);
  });

  it('explains a 不适用 cell and node, and the branch 折算', () => {
    const x = engine.explainBranch(2)!;
    const cell = x.cells.find((c) => c.indicatorId === 12)!;
    expect(cell).toMatchObject({ notApplicable: true, value: null, complete: true, groups: [] });
    expect(x.cells.find((c) => c.indicatorId === 31)!.quantitative).toBeUndefined();
    expect(x.cells.find((c) => c.indicatorId === 11)!.notApplicable).toBeUndefined();
    expect(x.nodes.find((n) => n.indicatorId === 3)).toMatchObject({ notApplicable: true, points: null });
    expect(x.nodes.find((n) => n.indicatorId === 2)).toMatchObject({ points: 9, pool: { deducted: 1, floored: false } });
    expect(x.totals).toMatchObject({ base: 90, bonus: 1, total: 91, rescaled: { baseMax: 100, applicableMax: 80, rawBase: 72, factor: 1.25 } });
    expect(engine.explainBranch(3)!.totals.rescaled).toBeUndefined();
  });

  it('the results screen says 不适用 and works the 折算 in words', () => {
    expect(rescaleSentence(engine.explainBranch(2)!.totals)).toBe('适用指标满分 80 分，得 72 分，折算为 72 × 100 ÷ 80 = 90 分');
    expect(rescaleSentence(engine.explainBranch(1)!.totals)).toBe('适用指标满分 90 分，得 81 分，折算为 81 × 100 ÷ 90 = 90 分');
    expect(rescaleSentence(engine.explainBranch(3)!.totals)).toBeNull();
    const tree = buildTree(FRAMEWORK.map((n) => ({ ...n, frameworkId: 1, criteria: '', evidence: '' }) as unknown as Indicator));
    // 3.1 has no 适用类别 of its own: the tip names its section's.
    expect(notApplicableTip(tree, tree.byId.get(31)!)).toBe(t('results.na.tipApplies', { applies: '仅生产' }));
    expect(notApplicableTip(tree, tree.byId.get(42)!)).toContain('仅机关');
  });

  it('entries, measurements and normalisation never read a 不适用 cell', () => {
    const clean = { ...fixture(), scores: SCORES.filter((s) => !STRAY.includes(s)) };
    const stray = fixture();
    expect(computeResults(stray)).toEqual(computeResults(clean));
    const normalised = (x: ListInput) => ({ ...x, settings: { ...x.settings, normalize: true } });
    expect(computeResults(normalised(stray))).toEqual(computeResults(normalised(clean)));
    const e = new Engine(fixture());
    const before = structuredClone(e.result);
    expect(e.setEntry(2, 2, 12, 3)).toEqual(before);
    expect(e.setEntry(1, 1, 42, null)).toEqual(before);
    expect(e.setMeasurement({ branchId: 2, indicatorId: 31, target: 100, actual: 10, floor: null })).toEqual(before);
    expect(new Engine(fixture()).panel()).toEqual(new Engine(clean).panel());
    // Agreement is over the branches every rater scored on what applies to them: all three here.
    expect(new Engine(fixture()).panel().icc?.branches).toBe(3);
  });

  it('branches without a category, or a framework without appliesTo, are scored on everything as before', () => {
    const plainBranches = fixture().branches.map(({ id, code, name }) => ({ id, code, name }));
    const plain = computeResults(fixture({ indicators: indicators(SPECS), branches: plainBranches }));
    expect(computeResults(fixture({ branches: fixture().branches.map((b) => ({ ...b, category: '' })) }))).toEqual(plain);
    expect(computeResults(fixture({ indicators: indicators(SPECS) }))).toEqual(plain);
    expect(plain.branches.every((b) => b.rescaled === undefined && b.tags.party.max === 40)).toBe(true);
  });
});

// Edge cases, from the rule: a section whose every indicator is 不适用 is itself 不适用; a pool that applies keeps its
// points when none of its children do; a 不适用 bonus leaf adds nothing.
//   1 party 20 = 1.1 rating 10 [仅机关] + 1.2 rating 10 [仅机关]
//   2 party, a pool of 10 = 2.1 deduction 2 per occurrence [仅机关]
//   3 business 70 = 3.1 rating 70
//   4 fusion bonus leaf 2 per item, max 4 [仅机关]
// A 生产 branch: applicable max = 0 + 10 + 70 = 80. 3.1 = 56 → raw base 10 + 56 = 66 → 66 × 100 ÷ 80 = 82.5, bonus 0.
describe('适用范围与折算: edge cases', () => {
  const specs: NodeSpec[] = [
    { id: 1, code: '1', tag: 'party', max: 20 },
    { id: 11, parent: 1, code: '1.1', tag: 'party', max: 10, method: rating() },
    { id: 12, parent: 1, code: '1.2', tag: 'party', max: 10, method: rating() },
    { id: 2, code: '2', tag: 'party', max: 10, options: { pool: true } },
    { id: 21, parent: 2, code: '2.1', tag: 'party', max: 0, method: deduction(2) },
    { id: 3, code: '3', tag: 'business', max: 70 },
    { id: 31, parent: 3, code: '3.1', tag: 'business', max: 70, method: rating() },
    { id: 4, code: '4', tag: 'fusion', max: 4, method: { kind: 'bonus', perItem: 2 } },
  ];
  const fw = withApplies(specs, { 11: ['机关'], 12: ['机关'], 21: ['机关'], 4: ['机关'] });
  const one = (category: string, scores = entries([[1, 1, 31, 56], [1, 1, 21, 3], [1, 1, 4, 2]])) => {
    const x = input({ indicators: fw, branches: 1, raters: [{ id: 1 }], scores, settings: SETTINGS });
    return new Engine({ ...x, branches: x.branches.map((b) => ({ ...b, category })) });
  };

  it('a section of 不适用 indicators is 不适用; a pool none of whose children apply keeps its points', () => {
    const r = one('生产').result.branches[0]!;
    expect(r.nodes[1]).toEqual({ points: null, complete: true, notApplicable: true });
    expect(r.nodes[2]).toEqual({ points: 10, complete: true });
    expect(r.rescaled).toEqual({ applicableMax: 80, rawBase: 66, factor: 1.25 });
    expect([r.base, r.bonus, r.total, r.deducted, r.missing]).toEqual([82.5, 0, 82.5, 0, 0]);
    expect(r.tags.party).toEqual({ points: 10, max: 10, rate: 1 });
  });

  it('a 机关 branch is scored on everything (1.1, 1.2 missing; the pool and the bonus count)', () => {
    const r = one('机关').result.branches[0]!;
    expect(r.rescaled).toBeUndefined();
    // Pool: 3 occurrences × 2 = 6 → 4. Base 4 + 56 = 60, bonus 2 × 2 = 4 → 64; 1.1 and 1.2 missing.
    expect([r.base, r.bonus, r.total, r.missing, r.complete]).toEqual([60, 4, 64, 2, false]);
  });
});

describe('适用范围与折算: incremental edits', () => {
  const LEAVES = [11, 12, 21, 22, 41, 42, 5];
  it('an edited entry or measurement gives the same results as computing everything again', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        (indicatorId, branchId, raterId, value, actual, normalize) => {
          const settings = { ...SETTINGS, normalize };
          const engine = new Engine(fixture({}, settings));
          const same = (s: { raterId: number; branchId: number; indicatorId: number }) =>
            s.raterId === raterId && s.branchId === branchId && s.indicatorId === indicatorId;
          const scores = [...SCORES.filter((s) => !same(s)), ...(value === null ? [] : [{ raterId, branchId, indicatorId, value }])];
          engine.setEntry(raterId, branchId, indicatorId, value);
          const m: EngineMeasurement = { branchId, indicatorId: 31, target: 100, actual, floor: null };
          const incremental = engine.setMeasurement(m);
          const measurements = [...MEASUREMENTS.filter((x) => x.branchId !== branchId), m];
          expect(incremental).toEqual(computeResults(fixture({ scores, measurements }, settings)));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('适用范围与折算: from the database to the engine', () => {
  it('passes a branch’s category (only when it has one) and an indicator’s appliesTo into the engine input', async () => {
    const { db, periodId, hg1, hg2, r1, leaf } = await periodSetup({ status: 'draft' });
    const before = buildEngineInput(db, periodId);
    // Stored as the write paths store them (migration 15): HG-01 is 生产; 2.1 产量完成率 (30 points) applies only to 机关.
    db.prepare("UPDATE branch SET category = '生产' WHERE id = ?").run(hg1);
    db.prepare('UPDATE indicator SET applies_json = ? WHERE id = ?').run(JSON.stringify(['机关']), leaf('2.1').id);
    const input = buildEngineInput(db, periodId);
    expect(input.branches.find((b) => b.id === hg1)!.category).toBe('生产');
    expect('category' in input.branches.find((b) => b.id === hg2)!).toBe(false);
    expect(input.branches.find((b) => b.id === hg2)).toEqual(before.branches.find((b) => b.id === hg2));
    expect(input.indicators.find((i) => i.id === leaf('2.1').id)!.appliesTo).toEqual(['机关']);

    const result = new Engine(input).result;
    const row = (id: number) => result.branches.find((b) => b.branchId === id)!;
    expect(row(hg1).rescaled?.applicableMax).toBe(70);
    expect(row(hg1).nodes[leaf('2.1').id]).toEqual({ points: null, complete: true, notApplicable: true });
    expect(row(hg2).rescaled).toBeUndefined();

    // One rater's own total leaves out what the panel's result leaves out.
    const scope = loadPeriodScope(db, periodId);
    const alone = singleRaterEngineInput(scope, scope.raterById.get(r1)!, { id: hg1, code: 'HG-01', name: '化工一厂第一党支部' }, [], [], []);
    expect(alone.branches).toEqual([{ id: hg1, code: 'HG-01', name: '化工一厂第一党支部', category: '生产' }]);
  });
});
