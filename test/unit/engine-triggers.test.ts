/**
 * Vetoes and deductions triggered by business data (由业务数据触发, docs/scoring-rules.md): a hand-computed fixture
 * (the working in the comments, from the documented rules, not from the engine), the incremental path against a
 * full recompute, the framework checks and the results screen's sentences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeafMethod, entryModeOf, type Indicator } from '../../shared/domain/framework';
import { validateFramework } from '../../shared/domain/framework-validate';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import { PeriodSettings, type PeriodSettingsInput } from '../../shared/domain/period';
import { Engine, computeResults, triggerDecision, type EngineMeasurement } from '../../shared/engine';
import { buildTree, cellVetoTriggered, methodRule, poolOf, triggerSentence } from '../../renderer/src/pages/results/format';
import { cellRefusal } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows, methodRule as sideRule, type LeafRow } from '../../renderer/src/pages/scoring/model';
import { t } from '../../shared/messages';
import { entries, indicators, input, rating, type ListInput, type NodeSpec } from '../helpers/engine-input';

// 100 base points:
//   1 党建工作 party 40 = 1.1 rating 30 (panel)
//                      + 1.2 基础工作, a pool of 10: 1.2.1 降本未达标 deduction 0 points, 3 per occurrence, triggered when
//                        2.2's 完成率 is below 100% · 1.2.2 台账不全 deduction 0 points, 2 per occurrence (panel)
//                      + 1.3 经营否决 veto, cap 良好, triggered when 2.1's 完成率 is below 100%
//   2 生产经营 business 60 = 2.1 利润完成 quantitative 30 (越高越好, floor 0 × target, no excess)
//                         + 2.2 单位成本 quantitative 20 (越低越好, floor 1.5 × target, no excess)
//                         + 2.3 利润完成率扣分 deduction 10, 2 per occurrence, triggered when 2.1's 完成率 is below 95%
// Tag maxima: party 30 + the pool's 10 = 40 (the pool's children and the veto add 0), business 60.
const NAMES: Record<string, string> = {
  '1': '党建工作',
  '1.1': '党建工作评价',
  '1.2': '基础工作',
  '1.2.1': '降本未达标',
  '1.2.2': '台账不全',
  '1.3': '经营否决',
  '2': '生产经营',
  '2.1': '利润完成',
  '2.2': '单位成本',
  '2.3': '利润完成率扣分',
};
const VETO: LeafMethod = { kind: 'veto', capGrade: '良好', trigger: { source: '2.1', below: 1 } };
const COST: LeafMethod = { kind: 'deduction', perOccurrence: 3, trigger: { source: '2.2', below: 1 } };
const PROFIT_DEDUCTION: LeafMethod = { kind: 'deduction', perOccurrence: 2, trigger: { source: '2.1', below: 0.95 } };
const SPECS: NodeSpec[] = [
  { id: 1, code: '1', tag: 'party', max: 40 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 30, method: rating() },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 10, options: { pool: true } },
  { id: 121, parent: 12, code: '1.2.1', tag: 'party', max: 0, method: COST },
  { id: 122, parent: 12, code: '1.2.2', tag: 'party', max: 0, method: { kind: 'deduction', perOccurrence: 2 } },
  { id: 13, parent: 1, code: '1.3', tag: 'party', max: 0, method: VETO },
  { id: 2, code: '2', tag: 'business', max: 60 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 30, method: { kind: 'quantitative', direction: 'higher', floorRatio: 0, excessCap: 0 } },
  { id: 22, parent: 2, code: '2.2', tag: 'business', max: 20, method: { kind: 'quantitative', direction: 'lower', floorRatio: 1.5, excessCap: 0 } },
  { id: 23, parent: 2, code: '2.3', tag: 'business', max: 10, method: PROFIT_DEDUCTION },
];
const named = (specs: NodeSpec[]) => indicators(specs).map((n) => ({ ...n, name: NAMES[n.code] ?? n.name }));
const FRAMEWORK = named(SPECS);

// vetoRule 'any' on purpose: a rater's stray flag on the data-triggered veto would trigger it if it counted.
const SETTINGS: PeriodSettingsInput = { combine: 'mean', normalize: false, vetoRule: 'any', quotas: [] };
const RATERS = [{ id: 1 }, { id: 2 }];

// Panel entries [rater, branch, leaf, value]: points on 1.1, occurrences on 1.2.2.
const PANEL = entries([
  [1, 1, 11, 28], [2, 1, 11, 27], [1, 1, 122, 0], [2, 1, 122, 1],
  [1, 2, 11, 30], [2, 2, 11, 30], [1, 2, 122, 0], [2, 2, 122, 0],
  [1, 3, 11, 25], [2, 3, 11, 26], [1, 3, 122, 1], [2, 3, 122, 1],
  [1, 4, 11, 20], [2, 4, 11, 21], [1, 4, 122, 0], [2, 4, 122, 0],
  [1, 5, 11, 24], [2, 5, 11, 24], [1, 5, 122, 0], [2, 5, 122, 0],
]);
// Raters' entries on triggered leaves — none may count: r1 flags B1's 1.3, r1 puts 2 occurrences on B1's 1.2.1,
// r2 puts 3 on B5's 2.3.
const STRAY = entries([[1, 1, 13, 1], [1, 1, 121, 2], [2, 5, 23, 3]]);

const measure = (branchId: number, indicatorId: number, target: number, actual: number | null): EngineMeasurement => ({ branchId, indicatorId, target, actual, floor: null });
// B3 has no 2.2 measurement; B4's 2.1 has a target but no actual value yet.
const MEASUREMENTS = [
  measure(1, 21, 1000, 1000), measure(1, 22, 100, 95),
  measure(2, 21, 1000, 935), measure(2, 22, 100, 104),
  measure(3, 21, 1000, 960),
  measure(4, 21, 1000, null), measure(4, 22, 100, 100),
  measure(5, 21, 1000, 1200), measure(5, 22, 100, 0),
];

const fixture = (measurements: EngineMeasurement[] = MEASUREMENTS, indicatorsList = FRAMEWORK): ListInput =>
  input({ indicators: indicatorsList, branches: 5, raters: RATERS, scores: [...PANEL, ...STRAY], measurements, settings: SETTINGS });

/*
 * Working, per branch (1.1 and 1.2.2: the mean of r1 and r2; a pool child's value is minus its deduction):
 *
 * B1  2.1 actual 1000 ÷ target 1000 = 100%: 30 points; 1.3 not triggered (100% is not below 100%); 2.3 not (≥ 95%) → 10
 *     2.2 越低越好: target 100 ÷ actual 95 = 105.26% → 1.2.1 not triggered, 0; 2.2 points 20 (actual ≤ target)
 *     1.1 (28 + 27)/2 = 27.5; 1.2.2 (0 + −2)/2 = −1; pool 10 − 0 − 1 = 9; node 1 = 27.5 + 9 + 0 = 36.5
 *     node 2 = 30 + 20 + 10 = 60; total 96.5 → 优秀; deducted 1 (the pool's loss) + 0
 * B2  2.1 935 ÷ 1000 = 93.5% → 1.3 TRIGGERED (cap 良好); below 95% → 2.3 one occurrence: 10 − 2 = 8; 2.1 points 30 × 935/1000 = 28.05
 *     2.2 100 ÷ 104 = 96.15% → 1.2.1 triggered: −3; 2.2 points 20 × (1 − 4/50) = 18.4
 *     1.1 30; 1.2.2 0; pool 10 − 3 = 7; node 1 = 37; node 2 = 28.05 + 18.4 + 8 = 54.45
 *     total 91.45 → 优秀 by threshold, capped 良好 by 1.3; vetoed: ranked after every branch not vetoed; deducted 3 + 2 = 5
 * B3  2.1 960 ÷ 1000 = 96% → 1.3 triggered (below 100%), 2.3 not (96% ≥ 95%) → 10; 2.1 points 28.8
 *     2.2 NO MEASUREMENT → 2.2 missing, and 1.2.1 missing (never triggered)
 *     1.1 25.5; 1.2.2 −2; pool 10 − 2 = 8 (incomplete); node 1 = 33.5; node 2 = 28.8 + 10 = 38.8
 *     total 72.3 → 一般 (the cap 良好 does not lower it), vetoed; missing 2; deducted 2
 * B4  2.1 NO ACTUAL → 2.1, 1.3 and 2.3 missing, 1.3 not triggered; 2.2 100 ÷ 100 = 100% → 1.2.1 not triggered; 20 points
 *     1.1 20.5; pool 10; node 1 = 30.5; node 2 = 20; total 50.5 → 较差; missing 3; deducted 0
 * B5  2.1 1200 ÷ 1000 = 120% → 30 (no excess), nothing triggered, 2.3 10 (r2's 3 occurrences ignored)
 *     2.2 actual 0 on 越低越好: no 完成率 (the divisor is 0) → not triggered; 2.2 points 20
 *     1.1 24; pool 10; node 1 = 34; node 2 = 60; total 94 → 优秀; deducted 0
 * Ranks: B1 96.5 → 1, B5 94 → 2, B4 50.5 → 3; vetoed B2 91.45 → 4, B3 72.3 → 5.
 */
describe('data-triggered vetoes and deductions: hand-computed fixture', () => {
  const engine = new Engine(fixture());
  const result = engine.result;
  const row = (code: string) => result.branches.find((b) => b.code === code)!;

  it('totals, subtotals, veto, grades, ranks and missing counts as worked out', () => {
    const actual = result.branches.map((b) => ({
      code: b.code,
      total: b.total,
      party: b.tags.party.points,
      business: b.tags.business.points,
      deducted: b.deducted,
      veto: b.vetoIndicatorIds,
      grade: b.grade,
      rank: b.rank,
      missing: b.missing,
    }));
    expect(actual).toEqual([
      { code: 'B1', total: 96.5, party: 36.5, business: 60, deducted: 1, veto: [], grade: '优秀', rank: 1, missing: 0 },
      { code: 'B5', total: 94, party: 34, business: 60, deducted: 0, veto: [], grade: '优秀', rank: 2, missing: 0 },
      { code: 'B4', total: 50.5, party: 30.5, business: 20, deducted: 0, veto: [], grade: '较差', rank: 3, missing: 3 },
      { code: 'B2', total: 91.45, party: 37, business: 54.45, deducted: 5, veto: [13], grade: '良好', rank: 4, missing: 0 },
      { code: 'B3', total: 72.3, party: 33.5, business: 38.8, deducted: 2, veto: [13], grade: '一般', rank: 5, missing: 2 },
    ]);
    expect(result.tagMax).toEqual({ party: 40, business: 60, fusion: 0 });
  });

  it('node values: a triggered leaf without its source’s data has no value and leaves its node incomplete', () => {
    expect(row('B2').nodes[121]).toEqual({ points: -3, complete: true });
    expect(row('B2').nodes[12]).toEqual({ points: 7, complete: true });
    expect(row('B2').nodes[23]).toEqual({ points: 8, complete: true });
    expect(row('B2').nodes[13]).toEqual({ points: 0, complete: true });
    expect(row('B3').nodes[121]).toEqual({ points: null, complete: false });
    expect(row('B3').nodes[12]).toEqual({ points: 8, complete: false });
    expect(row('B4').nodes[13]).toEqual({ points: null, complete: false });
    expect(row('B4').nodes[23]).toEqual({ points: null, complete: false });
    expect(row('B5').nodes[121]).toEqual({ points: 0, complete: true });
  });

  it('explains a triggered cell by its source’s measurement, with no raters', () => {
    const cell = (branchId: number, id: number) => engine.explainBranch(branchId)!.cells.find((c) => c.indicatorId === id)!;
    expect(cell(2, 13)).toEqual({
      kind: 'cell',
      indicatorId: 13,
      branchId: 2,
      method: 'veto',
      maxPoints: 0,
      groups: [],
      recused: [],
      value: 0,
      complete: true,
      trigger: {
        source: { indicatorId: 21, code: '2.1', name: '利润完成' },
        direction: 'higher',
        target: 1000,
        actual: 935,
        rate: 0.935,
        below: 1,
        triggered: true,
        capGrade: '良好',
        perOccurrence: null,
      },
    });
    expect(cell(2, 23)).toMatchObject({ value: 8, complete: true, trigger: { rate: 0.935, below: 0.95, triggered: true, capGrade: null, perOccurrence: 2 } });
    expect(cell(2, 121)).toMatchObject({
      value: -3,
      trigger: { source: { indicatorId: 22, code: '2.2', name: '单位成本' }, direction: 'lower', target: 100, actual: 104, rate: 0.9615, triggered: true, perOccurrence: 3 },
    });
    expect(cell(3, 23)).toMatchObject({ value: 10, trigger: { rate: 0.96, triggered: false } });
    expect(cell(3, 121)).toMatchObject({ value: null, complete: false, trigger: { target: null, actual: null, rate: null, triggered: false } });
    expect(cell(4, 13)).toMatchObject({ value: null, complete: false, trigger: { target: 1000, actual: null, rate: null, triggered: false } });
    expect(cell(5, 121)).toMatchObject({ value: 0, complete: true, trigger: { target: 100, actual: 0, rate: null, triggered: false } });
    // B1: r1's flag and r1's 2 occurrences are nobody's working.
    expect(cell(1, 13)).toMatchObject({ groups: [], value: 0, trigger: { rate: 1, triggered: false } });
    expect(cell(1, 13).veto).toBeUndefined();
  });

  it('the triggered veto caps the grade and the grade explanation names it; the pool shows the triggered deduction', () => {
    const b2 = engine.explainBranch(2)!;
    expect(b2.grade).toMatchObject({ total: 91.45, byThreshold: '优秀', veto: { indicatorIds: [13], capGrade: '良好' }, afterVeto: '良好', grade: '良好' });
    expect(b2.rank).toMatchObject({ rank: 4, vetoed: true });
    expect(b2.nodes.find((n) => n.indicatorId === 12)!.pool).toEqual({ deducted: 3, floored: false });
  });

  it('the same figures without the raters’ stray entries on triggered leaves', () => {
    expect(computeResults({ ...fixture(), scores: PANEL })).toEqual(result);
  });

  it('a veto without a grade cap triggers down to the lowest grade', () => {
    const uncapped = named(SPECS.map((s) => (s.id === 13 ? { ...s, method: { ...VETO, capGrade: null } } : s)));
    const b2 = computeResults(fixture(MEASUREMENTS, uncapped)).branches.find((b) => b.code === 'B2')!;
    expect(b2).toMatchObject({ total: 91.45, vetoed: true, grade: '较差' });
  });

  it('a rater’s own totals read the data the same way (the scoring sheet’s running totals)', () => {
    const own = new Engine(input({ indicators: FRAMEWORK, branches: 5, raters: [{ id: 1 }], scores: [...PANEL, ...STRAY].filter((s) => s.raterId === 1), measurements: MEASUREMENTS, settings: SETTINGS }));
    // r1 on B2: 1.1 30, pool 10 − 3 = 7, veto triggered; 2.1 28.05 + 2.2 18.4 + 2.3 8 → 91.45, 良好.
    expect(own.result.branches.find((b) => b.code === 'B2')).toMatchObject({ total: 91.45, vetoed: true, grade: '良好' });
    // r1 on B1: r1's own flag on 1.3 does not count.
    expect(own.result.branches.find((b) => b.code === 'B1')).toMatchObject({ vetoed: false });
  });
});

describe('data-triggered leaves: a changed measurement recomputes what it triggers', () => {
  const without = (branchId: number, indicatorId: number) => MEASUREMENTS.filter((m) => !(m.branchId === branchId && m.indicatorId === indicatorId));
  const explained = (e: Engine) => [1, 2, 3, 4, 5].map((b) => e.explainBranch(b));

  it('B2’s profit falls short: the veto and the deduction follow, as a full recompute gives them', () => {
    const e = new Engine(fixture([...without(2, 21), measure(2, 21, 1000, 1000)]));
    expect(e.result.branches.find((b) => b.code === 'B2')).toMatchObject({ vetoed: false, deducted: 3 });
    const after = e.setMeasurement(measure(2, 21, 1000, 935));
    expect(after).toEqual(computeResults(fixture()));
    expect(explained(e)).toEqual(explained(new Engine(fixture())));
  });

  it('B3’s missing cost figure arrives: 110 against 100 is 90.91%, the pool loses 3 more', () => {
    const full = fixture([...MEASUREMENTS, measure(3, 22, 100, 110)]);
    const e = new Engine(fixture());
    const after = e.setMeasurement(measure(3, 22, 100, 110));
    // 2.2 = 20 × (1 − 10/50) = 16; pool 10 − 2 − 3 = 5; node 1 = 25.5 + 5 = 30.5; node 2 = 28.8 + 16 + 10 = 54.8.
    expect(after.branches.find((b) => b.code === 'B3')).toMatchObject({ total: 85.3, deducted: 5, complete: true, missing: 0, vetoed: true, grade: '良好' });
    expect(after).toEqual(computeResults(full));
    expect(explained(e)).toEqual(explained(new Engine(full)));
  });

  it('a rater’s entry on a triggered leaf changes nothing', () => {
    const e = new Engine(fixture());
    const full = computeResults(fixture());
    expect(e.setEntry(2, 1, 13, 1)).toEqual(full);
    expect(e.setEntry(1, 2, 23, 0)).toEqual(full);
  });
});

describe('data-triggered leaves: any sequence of measurement changes ends where a full recompute starts', () => {
  // A change: branch 1–5, source 2.1 or 2.2, target 100, an actual around it (or none yet).
  const change = fc.record({
    branchId: fc.integer({ min: 1, max: 5 }),
    indicatorId: fc.constantFrom(21, 22),
    actual: fc.option(fc.integer({ min: 80, max: 120 }), { nil: null }),
  });
  it('holds for random sequences', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const e = new Engine(fixture());
        const latest = new Map(MEASUREMENTS.map((m) => [`${m.branchId}:${m.indicatorId}`, m]));
        for (const c of changes) {
          const m = measure(c.branchId, c.indicatorId, 100, c.actual);
          e.setMeasurement(m);
          latest.set(`${c.branchId}:${c.indicatorId}`, m);
        }
        expect(e.result).toEqual(computeResults(fixture([...latest.values()])));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the 完成率 and the threshold', () => {
  it('actual ÷ target, or target ÷ actual, rounded to 0.0001 before the comparison', () => {
    expect(triggerDecision('higher', 1000, 935, 1)).toEqual({ rate: 0.935, triggered: true });
    expect(triggerDecision('higher', 1000, 1000, 1)).toEqual({ rate: 1, triggered: false });
    expect(triggerDecision('lower', 100, 104, 1)).toEqual({ rate: 0.9615, triggered: true });
    // 99.996% prints as 100.00%: judged as printed, not triggered.
    expect(triggerDecision('higher', 100_000, 99_996, 1)).toEqual({ rate: 1, triggered: false });
    expect(triggerDecision('higher', 100_000, 99_994, 1)).toEqual({ rate: 0.9999, triggered: true });
  });

  it('no divisor, no rate, not triggered', () => {
    expect(triggerDecision('lower', 100, 0, 1)).toEqual({ rate: null, triggered: false });
    expect(triggerDecision('higher', 0, 50, 1)).toEqual({ rate: null, triggered: false });
    expect(triggerDecision('higher', -100, -150, 1)).toEqual({ rate: null, triggered: false });
  });
});

describe('who records a triggered leaf: nobody', () => {
  it('its entry mode is data, and it is on no rater’s sheet', () => {
    expect([VETO, COST, PROFIT_DEDUCTION].map(entryModeOf)).toEqual(['data', 'data', 'data']);
    // Even with an entry mode written on it.
    expect(entryModeOf({ ...COST, entry: 'office' } as LeafMethod)).toBe('data');
    const stored: Indicator[] = FRAMEWORK.map((n) => ({ ...n, criteria: '', evidence: '' }));
    expect(raterLeavesInOrder(stored).map((l) => l.code)).toEqual(['1.1', '1.2.2']);
  });
});

// ---- Framework checks (framework-validate.ts) ----

const stored = (specs: NodeSpec[]): Indicator[] => named(specs).map((n) => ({ ...n, criteria: '', evidence: '' }));
const issues = (specs: NodeSpec[]) => validateFramework(stored(specs)).map((i) => `${i.severity} ${i.message}`);
const withSource = (id: number, source: string): NodeSpec[] =>
  SPECS.map((s) => (s.id === id && s.method && (s.method.kind === 'veto' || s.method.kind === 'deduction') ? { ...s, method: { ...s.method, trigger: { source, below: 1 } } } : s));

describe('framework checks for data triggers: each message names the indicator and the source', () => {
  it('the fixture is a valid framework', () => {
    expect(validateFramework(stored(SPECS), { gradeLabels: ['优秀', '良好', '一般', '较差'] })).toEqual([]);
  });

  it('a source code the framework does not have', () => {
    expect(issues(withSource(13, '5.1'))).toEqual(['error 1.3 经营否决：由业务数据触发：依据指标的编码“5.1”在本指标体系中不存在']);
  });

  it('a source that is not a quantitative leaf: a rating leaf, an inner node', () => {
    expect(issues(withSource(23, '1.1'))).toEqual([
      'error 2.3 利润完成率扣分：由业务数据触发：依据指标“1.1 党建工作评价”不是定量指标（只有定量指标有目标值和实际值，才能算出完成率）',
    ]);
    expect(issues(withSource(121, '2'))).toEqual([
      'error 1.2.1 降本未达标：由业务数据触发：依据指标“2 生产经营”不是定量指标（只有定量指标有目标值和实际值，才能算出完成率）',
    ]);
  });

  it('a leaf triggered by itself', () => {
    expect(issues(withSource(13, '1.3'))).toEqual(['error 1.3 经营否决：由业务数据触发：依据指标“1.3”就是本指标自身，应为一个定量指标']);
  });

  it('a threshold of 0 or below is refused where the method is read', () => {
    expect(LeafMethod.safeParse({ kind: 'veto', capGrade: null, trigger: { source: '2.1', below: 0 } }).success).toBe(false);
    expect(LeafMethod.safeParse({ kind: 'deduction', perOccurrence: 2, trigger: { source: '2.1', below: -0.5 } }).success).toBe(false);
    expect(LeafMethod.safeParse({ kind: 'deduction', perOccurrence: 2, trigger: { source: '2.1', below: 0.95 } }).success).toBe(true);
  });

  it('the engine, given such a framework anyway, leaves the leaf missing and never triggered', () => {
    const broken = named(withSource(13, '5.1'));
    const e = new Engine(fixture(MEASUREMENTS, broken));
    expect(e.result.branches.find((b) => b.code === 'B2')).toMatchObject({ vetoed: false, grade: '优秀', missing: 1 });
    expect(e.explainBranch(2)!.cells.find((c) => c.indicatorId === 13)).toMatchObject({
      value: null,
      trigger: { source: { indicatorId: null, code: '5.1', name: '' }, direction: null, rate: null, triggered: false },
    });
  });
});

// ---- The results screen's words (format.ts) ----

describe('results: the rule and the working of a triggered leaf in words', () => {
  const engine = new Engine(fixture());
  const settings = PeriodSettings.parse(SETTINGS);
  const tree = buildTree(stored(SPECS));
  const ind = (id: number) => tree.byId.get(id)!;
  const cell = (branchId: number, id: number) => engine.explainBranch(branchId)!.cells.find((c) => c.indicatorId === id)!;
  const sentence = (branchId: number, id: number) => triggerSentence(cell(branchId, id), poolOf(tree, ind(id)));

  it('the rule names the source and the threshold', () => {
    expect(methodRule(ind(13), settings)).toBe('由业务数据触发的一票否决：指标 2.1 的完成率低于 100% 时否决，最高只能评为良好');
    expect(methodRule(ind(23), settings)).toBe('由业务数据触发的扣分：满分 10，指标 2.1 的完成率低于 95% 时扣 2 分');
    expect(methodRule(ind(121), settings, poolOf(tree, ind(121)))).toBe('由业务数据触发，从扣分池“基础工作”（10 分）中扣分：指标 2.2 的完成率低于 100% 时扣 3 分');
  });

  it('the working: the rate, the comparison, the outcome', () => {
    expect(sentence(2, 13)).toBe('由业务数据触发：2.1 利润完成 完成率 93.5%（实际 935 ÷ 目标 1000），低于 100% → 否决（最高良好）');
    expect(sentence(1, 13)).toBe('由业务数据触发：2.1 利润完成 完成率 100%（实际 1000 ÷ 目标 1000），不低于 100% → 不否决');
    expect(sentence(2, 23)).toBe('由业务数据触发：2.1 利润完成 完成率 93.5%（实际 935 ÷ 目标 1000），低于 95% → 扣 2 分，本项得分 8.00');
    expect(sentence(3, 23)).toBe('由业务数据触发：2.1 利润完成 完成率 96%（实际 960 ÷ 目标 1000），不低于 95% → 不扣分，本项得分 10.00');
    expect(sentence(2, 121)).toBe('由业务数据触发：2.2 单位成本 完成率 96.15%（目标 100 ÷ 实际 104），低于 100% → 从扣分池中扣 3 分');
    expect(sentence(5, 121)).toBe('由业务数据触发：2.2 单位成本 目标 100、实际 0，除数为 0 或负数，没有完成率，不触发 → 不扣分');
    expect(sentence(4, 13)).toBe('由业务数据触发：2.1 利润完成 还没有实际值，暂不能判断（不按触发计）');
    expect(triggerSentence(cell(2, 11))).toBeNull();
  });

  it('the scoring sheet’s side panel says the data decides it', () => {
    expect(sideRule(ind(13), VETO)).toBe('一票否决，由业务数据触发：指标 2.1 的完成率低于 100% 时否决；评委不录入');
    expect(sideRule(ind(23), PROFIT_DEDUCTION)).toBe('扣分，由业务数据触发：指标 2.1 的完成率低于 95% 时扣 2 分；评委不录入');
  });

  it('the scoring grid shows the row, read-only, and says why when a rater types into it', () => {
    const rows = buildRows(stored(SPECS)).filter((r): r is LeafRow => r.kind === 'leaf');
    expect(rows.map((r) => [r.leaf.code, r.rated, r.office])).toEqual([
      ['1.1', true, false], ['1.2.1', false, false], ['1.2.2', true, false], ['1.3', false, false],
      ['2.1', false, false], ['2.2', false, false], ['2.3', false, false],
    ]);
    const branch = { id: 1, code: 'B1', name: '支部1', recused: false, reason: '' };
    const refusal = (code: string) => cellRefusal(rows.find((r) => r.leaf.code === code)!, branch, null, () => null);
    expect(refusal('1.3')).toBe(t('scoring.refuse.triggered'));
    expect(refusal('2.3')).toBe(t('scoring.refuse.triggered'));
    expect(refusal('2.1')).toBe(t('scoring.refuse.quantitative'));
    expect(refusal('1.1')).toBeNull();
  });

  it('the tree’s veto tag follows the data', () => {
    expect(cellVetoTriggered(cell(2, 13))).toBe(true);
    expect(cellVetoTriggered(cell(1, 13))).toBe(false);
    expect(cellVetoTriggered(cell(4, 13))).toBe(false);
    // A triggered deduction is no veto.
    expect(cellVetoTriggered(cell(2, 23))).toBe(false);
  });
});
