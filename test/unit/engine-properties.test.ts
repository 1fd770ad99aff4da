/** Properties that must hold for any panel, any entries, any settings (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsProblem, findingsTotal, ruleTotal, type Finding } from '../../shared/domain/findings';
import type { LeafMethod, LeafRule } from '../../shared/domain/framework';
import { PeriodSettings } from '../../shared/domain/period';
import { Engine, computeResults, type EngineOfficeRecord } from '../../shared/engine';
import { indicators, input, rating, type ListInput, type NodeSpec } from '../helpers/engine-input';

const FRAMEWORK = indicators([
  { id: 1, code: '1', tag: 'party', max: 50 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 30, method: rating() },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 20, method: { kind: 'deduction', perOccurrence: 1.5 } },
  { id: 2, code: '2', tag: 'business', max: 50 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 30, method: { kind: 'level', levels: [{ label: '好', fraction: 1 }, { label: '较好', fraction: 0.8 }, { label: '一般', fraction: 0.6 }, { label: '差', fraction: 0 }] } },
  { id: 22, parent: 2, code: '2.2', tag: 'fusion', max: 20, method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0.5 } },
  { id: 3, code: '3', tag: 'fusion', max: 6 },
  { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: 6, method: { kind: 'bonus', perItem: 2 } },
  { id: 4, code: '4', tag: 'party', max: 0 },
  { id: 41, parent: 4, code: '4.1', tag: 'party', max: 0, method: { kind: 'veto', capGrade: '一般' } },
  { id: 42, parent: 4, code: '4.2', tag: 'party', max: 0, method: { kind: 'veto', capGrade: null } },
]);
const GRADES = ['优秀', '良好', '一般', '较差'];

/** A raw entry for a leaf, valid for its method. */
const entryFor = (indicatorId: number) => {
  switch (indicatorId) {
    case 11: return fc.integer({ min: 0, max: 60 }).map((n) => n / 2);
    case 12: return fc.integer({ min: 0, max: 20 });
    case 21: return fc.integer({ min: 0, max: 3 });
    case 31: return fc.integer({ min: 0, max: 5 });
    default: return fc.constantFrom(0, 0, 0, 1);
  }
};

const arbInput: fc.Arbitrary<ListInput> = fc
  .record({
    branches: fc.integer({ min: 1, max: 6 }),
    groups: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
    raters: fc.integer({ min: 1, max: 7 }),
    settings: fc.record({
      combine: fc.constantFrom('mean', 'trimmed', 'median'),
      trimMinRaters: fc.integer({ min: 3, max: 6 }),
      normalize: fc.boolean(),
      vetoRule: fc.constantFrom('majority', 'any'),
      bonusCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
      quotas: fc.constantFrom([], [{ label: '优秀', maxShare: 0.2 }], [{ label: '优秀', maxShare: 0.3 }, { label: '良好', maxShare: 0.5 }]),
    }),
    seed: fc.integer(),
  })
  .chain(({ branches, groups, raters, settings, seed }) => {
    const leafIds = [11, 12, 21, 31, 41, 42];
    const cells = Array.from({ length: raters }, (_, r) => Array.from({ length: branches }, (_, b) => leafIds.map((id) => ({ r: r + 1, b: b + 1, id })))).flat(2);
    return fc.record({
      values: fc.tuple(...cells.map((c) => fc.option(entryFor(c.id), { freq: 6, nil: null }))),
      measurements: fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { freq: 5, nil: null }), { minLength: branches, maxLength: branches }),
      recusals: fc.array(fc.tuple(fc.integer({ min: 1, max: raters }), fc.integer({ min: 1, max: branches })), { maxLength: 2 }),
      groupOf: fc.array(fc.integer({ min: 0, max: groups.length - 1 }), { minLength: raters, maxLength: raters }),
    }).map(({ values, measurements, recusals, groupOf }) => ({
      indicators: FRAMEWORK,
      branches: Array.from({ length: branches }, (_, i) => ({ id: i + 1, code: `B${i + 1}`, name: `支部${i + 1}` })),
      groups: groups.map((w, i) => ({ id: i + 1, name: `组${i + 1}`, weight: w / 10 })),
      raters: Array.from({ length: raters }, (_, i) => ({ id: i + 1, name: `评委${i + 1}`, groupId: groupOf[i]! + 1 })),
      recusals: recusals.map(([raterId, branchId]) => ({ raterId, branchId, reason: '回避' })),
      scores: cells.flatMap((c, i) => (values[i] === null || values[i] === undefined ? [] : [{ raterId: c.r, branchId: c.b, indicatorId: c.id, value: values[i]! }])),
      measurements: measurements.flatMap((actual, i) => (actual === null ? [] : [{ branchId: i + 1, indicatorId: 22, target: 100, actual, floor: null }])),
      settings: PeriodSettings.parse({ ...settings, seed: undefined }),
      _seed: seed,
    }));
  });

const shuffled = <T,>(xs: T[], seed: number) => {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('engine properties', () => {
  it('totals stay within 0 … base max + bonus cap, and every subtotal within its max', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = computeResults(input);
        const bonusCap = input.settings.bonusCap ?? 6;
        for (const b of r.branches) {
          expect(b.total).toBeGreaterThanOrEqual(0);
          expect(b.total).toBeLessThanOrEqual(r.baseMax + Math.min(bonusCap, 6) + 1e-9);
          expect(b.base).toBeLessThanOrEqual(r.baseMax + 1e-9);
          for (const t of ['party', 'business', 'fusion'] as const) expect(b.tags[t].points).toBeLessThanOrEqual(b.tags[t].max + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not change when raters, entries or recusals are listed in another order', () => {
    fc.assert(
      fc.property(arbInput, fc.integer(), (input, seed) => {
        const reordered = { ...input, raters: shuffled(input.raters, seed), scores: shuffled(input.scores, seed + 1), recusals: shuffled(input.recusals, seed + 2) };
        expect(computeResults(reordered)).toEqual(computeResults(input));
      }),
      { numRuns: 100 },
    );
  });

  it('a veto always caps the grade and ranks the branch after every branch without one', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const engine = new Engine(input);
        const r = engine.result;
        const lastClean = Math.max(0, ...r.branches.filter((b) => !b.vetoed).map((b) => b.rank));
        for (const b of r.branches.filter((x) => x.vetoed)) {
          const capLabel = engine.explainBranch(b.branchId)!.grade.veto!.capGrade;
          expect(GRADES.indexOf(b.grade)).toBeGreaterThanOrEqual(GRADES.indexOf(capLabel));
          expect(b.rank).toBeGreaterThan(lastClean);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an edited entry gives the same results as computing everything again', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 1000 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), (input, pick, value) => {
        const engine = new Engine(input);
        const target = { raterId: (pick % input.raters.length) + 1, branchId: (pick % input.branches.length) + 1, indicatorId: 12 };
        const incremental = engine.setEntry(target.raterId, target.branchId, target.indicatorId, value);
        const same = (s: { raterId: number; branchId: number; indicatorId: number }) =>
          s.raterId === target.raterId && s.branchId === target.branchId && s.indicatorId === target.indicatorId;
        const scores = [...input.scores.filter((s) => !same(s)), ...(value === null ? [] : [{ ...target, value }])];
        expect(incremental).toEqual(computeResults({ ...input, scores }));
      }),
      { numRuns: 100 },
    );
  });

  it('quotas are never exceeded', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = computeResults(input);
        for (const q of r.quotas) {
          expect(r.branches.filter((b) => !b.vetoed && b.grade === q.label).length).toBeLessThanOrEqual(q.allowed);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---- 扣分池 and 加分上限（分部）: a pool of 20 (two panel children, one office child) and a bonus section with a
// random cap, beside a bonus leaf at the top; any entries, any records, any caps.
const POOLED = (sectionCap: number) =>
  indicators([
    { id: 1, code: '1', tag: 'party', max: 20, options: { pool: true } },
    { id: 11, parent: 1, code: '1.1', tag: 'party', max: 0, method: { kind: 'deduction', perOccurrence: 1.5 } },
    { id: 12, parent: 1, code: '1.2', tag: 'party', max: 0, method: { kind: 'deduction', perOccurrence: 4 } },
    { id: 13, parent: 1, code: '1.3', tag: 'party', max: 0, method: { kind: 'deduction', perOccurrence: 5, entry: 'office' } },
    { id: 2, code: '2', tag: 'business', max: 80 },
    { id: 21, parent: 2, code: '2.1', tag: 'business', max: 80, method: rating() },
    { id: 3, code: '3', tag: 'fusion', max: 9, options: { bonusCap: sectionCap } },
    { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: 6, method: { kind: 'bonus', perItem: 3 } },
    { id: 32, parent: 3, code: '3.2', tag: 'fusion', max: 3, method: { kind: 'bonus', perItem: 1 } },
    { id: 4, code: '4', tag: 'fusion', max: 4, method: { kind: 'bonus', perItem: 2 } },
  ]);
const POOLED_VALUE: Record<number, fc.Arbitrary<number>> = {
  11: fc.integer({ min: 0, max: 10 }),
  12: fc.integer({ min: 0, max: 6 }),
  21: fc.integer({ min: 0, max: 160 }).map((n) => n / 2),
  31: fc.integer({ min: 0, max: 3 }),
  32: fc.integer({ min: 0, max: 4 }),
  4: fc.integer({ min: 0, max: 3 }),
};

const arbPooled: fc.Arbitrary<ListInput & { sectionCap: number }> = fc
  .record({
    branches: fc.integer({ min: 1, max: 4 }),
    raters: fc.integer({ min: 1, max: 5 }),
    twoGroups: fc.boolean(),
    sectionCap: fc.integer({ min: 0, max: 12 }),
    periodCap: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
    combine: fc.constantFrom('mean', 'trimmed', 'median'),
  })
  .chain(({ branches, raters, twoGroups, sectionCap, periodCap, combine }) => {
    const leafIds = [11, 12, 21, 31, 32, 4];
    const cells = Array.from({ length: raters }, (_, r) => Array.from({ length: branches }, (_, b) => leafIds.map((id) => ({ r: r + 1, b: b + 1, id })))).flat(2);
    return fc
      .record({
        values: fc.tuple(...cells.map((c) => fc.option(POOLED_VALUE[c.id]!, { freq: 6, nil: null }))),
        office: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { freq: 4, nil: null }), { minLength: branches, maxLength: branches }),
      })
      .map(({ values, office }) => ({
        indicators: POOLED(sectionCap),
        branches: Array.from({ length: branches }, (_, i) => ({ id: i + 1, code: `B${i + 1}`, name: `支部${i + 1}` })),
        groups: twoGroups ? [{ id: 1, name: '组1', weight: 0.7 }, { id: 2, name: '组2', weight: 0.3 }] : [{ id: 1, name: '组1', weight: 1 }],
        raters: Array.from({ length: raters }, (_, i) => ({ id: i + 1, name: `评委${i + 1}`, groupId: twoGroups ? (i % 2) + 1 : 1 })),
        recusals: [],
        scores: cells.flatMap((c, i) => (values[i] === null || values[i] === undefined ? [] : [{ raterId: c.r, branchId: c.b, indicatorId: c.id, value: values[i]! }])),
        measurements: [],
        office: office.flatMap((value, i) => (value === null ? [] : [{ branchId: i + 1, indicatorId: 13, value, evidence: '检查记录', evidenceDate: null }])),
        settings: PeriodSettings.parse({ combine, trimMinRaters: 3, normalize: false, bonusCap: periodCap, quotas: [] }),
        sectionCap,
      }));
  });

describe('engine properties: 扣分池 and 加分上限（分部）', () => {
  it('a pool never deducts more than its points, and what it lost is what its children deducted, floored', () => {
    fc.assert(
      fc.property(arbPooled, (input) => {
        const engine = new Engine(input);
        for (const b of engine.result.branches) {
          const pool = b.nodes[1]!.points;
          const node = engine.explainBranch(b.branchId)!.nodes.find((n) => n.indicatorId === 1)!;
          if (pool === null) {
            expect(node.pool).toBeUndefined();
            continue;
          }
          expect(pool).toBeGreaterThanOrEqual(0);
          expect(pool).toBeLessThanOrEqual(20);
          expect(node.pool!.deducted).toBeGreaterThanOrEqual(0);
          // Results are rounded to 0.01 (half away from zero), explanations are not.
          expect(Math.abs(pool - Math.max(0, 20 - node.pool!.deducted))).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(node.pool!.floored).toBe(node.pool!.deducted > 20);
          expect(b.tags.party.points).toBe(pool);
          expect(Math.abs(b.deducted - (20 - pool))).toBeLessThanOrEqual(0.01 + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a capped section's bonus never exceeds its cap, and totals stay within base max + the period cap", () => {
    fc.assert(
      fc.property(arbPooled, (input) => {
        const engine = new Engine(input);
        const r = engine.result;
        for (const b of r.branches) {
          const x = engine.explainBranch(b.branchId)!;
          const section = x.nodes.find((n) => n.indicatorId === 3)!;
          expect(section.bonusCap!.cap).toBe(input.sectionCap);
          if (section.points !== null) expect(section.points).toBeLessThanOrEqual(input.sectionCap + 1e-9);
          expect(x.totals.bonusSections!).toBeLessThanOrEqual(input.sectionCap + 4 + 1e-9);
          expect(x.totals.bonusSections!).toBeLessThanOrEqual(x.totals.bonusRaw + 1e-9);
          const cap = input.settings.bonusCap;
          expect(b.bonus).toBeLessThanOrEqual(Math.min(cap ?? Infinity, input.sectionCap + 4) + 1e-9);
          expect(b.total).toBeGreaterThanOrEqual(0);
          expect(b.total).toBeLessThanOrEqual(r.baseMax + (cap ?? input.sectionCap + 4) + 1e-9);
          expect(b.base).toBeLessThanOrEqual(r.baseMax + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an edited pool entry or office record gives the same results as computing everything again', () => {
    fc.assert(
      fc.property(arbPooled, fc.integer({ min: 0, max: 1000 }), fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), (input, pick, value) => {
        const engine = new Engine(input);
        const target = { raterId: (pick % input.raters.length) + 1, branchId: (pick % input.branches.length) + 1, indicatorId: pick % 2 ? 11 : 12 };
        engine.setEntry(target.raterId, target.branchId, target.indicatorId, value);
        const same = (s: { raterId: number; branchId: number; indicatorId: number }) =>
          s.raterId === target.raterId && s.branchId === target.branchId && s.indicatorId === target.indicatorId;
        const scores = [...input.scores.filter((s) => !same(s)), ...(value === null ? [] : [{ ...target, value }])];
        const incremental = engine.setOffice({ branchId: target.branchId, indicatorId: 13, value: value === null ? null : value, evidence: '检查记录', evidenceDate: null });
        const office = [...(input.office ?? []).filter((o) => o.branchId !== target.branchId), ...(value === null ? [] : [{ branchId: target.branchId, indicatorId: 13, value, evidence: '检查记录', evidenceDate: null }])];
        expect(incremental).toEqual(computeResults({ ...input, scores, office }));
      }),
      { numRuns: 100 },
    );
  });
});

// ---- 细则 leaves (issue 11 §1): any rules, any valid findings ----

type RulesLeaf = Extract<LeafMethod, { kind: 'rules' }>;

/** A rule in half points: fixed or a range, once or each, with or without a cap at or above its lowest amount. */
const arbRule: fc.Arbitrary<LeafRule> = fc
  .record({ min: fc.integer({ min: 1, max: 8 }), span: fc.integer({ min: 0, max: 4 }), each: fc.boolean(), cap: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }) })
  .map(({ min, span, each, cap }) => ({
    text: '细则',
    basis: each ? 'each' : 'once',
    min: min / 2,
    max: (min + span) / 2,
    cap: cap === null ? null : (min + cap) / 2,
  }));
const arbRules = (effect: 'deduct' | 'add', floorAtZero: boolean): fc.Arbitrary<RulesLeaf> =>
  fc.array(arbRule, { minLength: 1, maxLength: 4 }).map((rules) => ({ kind: 'rules', effect, rules, floorAtZero }));

/** Findings valid for the method: per rule a few, each amount within the rule's range in half points. */
const arbFindings = (m: RulesLeaf): fc.Arbitrary<Finding[]> =>
  fc
    .array(fc.record({ rule: fc.nat(m.rules.length - 1), count: fc.integer({ min: 1, max: 6 }), step: fc.nat(8) }), { maxLength: 6 })
    .map((list) =>
      list.map(({ rule, count, step }) => {
        const r = m.rules[rule]!;
        return { rule, count: r.basis === 'once' ? 1 : count, amount: Math.min(r.max, r.min + step / 2) };
      }),
    );

// 1 party pool (P points) = 1.1, 1.2 deducting 细则 of 0 points · 2 party section = 2.1 floored 细则 (M1) +
// 2.2 unfloored 细则 (M2) + 2.3 office rating 10 · 3 bonus section = 3.1 adding 细则 (A). Every branch recorded.
const arbRulesInput = fc
  .record({
    pool: fc.integer({ min: 1, max: 30 }),
    m1: fc.integer({ min: 1, max: 15 }),
    m2: fc.integer({ min: 1, max: 15 }),
    a: fc.integer({ min: 1, max: 8 }),
    methods: fc.tuple(arbRules('deduct', true), arbRules('deduct', true), arbRules('deduct', true), arbRules('deduct', false), arbRules('add', true)),
    branches: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ pool, m1, m2, a, methods, branches }) => {
    const ids = [11, 12, 21, 22, 31];
    const method = (id: number) => methods[ids.indexOf(id)]!;
    return fc
      .tuple(
        fc.array(fc.tuple(...ids.map((id) => arbFindings(method(id)))), { minLength: branches, maxLength: branches }),
        fc.array(fc.integer({ min: 0, max: 20 }).map((x) => x / 2), { minLength: branches, maxLength: branches }),
      )
      .map(([findings, ratings]) => {
        const specs: NodeSpec[] = [
          { id: 1, code: '1', tag: 'party', max: pool, options: { pool: true } },
          { id: 11, parent: 1, code: '1.1', tag: 'party', max: 0, method: method(11) },
          { id: 12, parent: 1, code: '1.2', tag: 'party', max: 0, method: method(12) },
          { id: 2, code: '2', tag: 'party', max: m1 + m2 + 10 },
          { id: 21, parent: 2, code: '2.1', tag: 'party', max: m1, method: method(21) },
          { id: 22, parent: 2, code: '2.2', tag: 'party', max: m2, method: method(22) },
          { id: 23, parent: 2, code: '2.3', tag: 'party', max: 10, method: { kind: 'rating', step: 0.5, entry: 'office' } },
          { id: 3, code: '3', tag: 'fusion', max: a },
          { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: a, method: method(31) },
        ];
        const office: EngineOfficeRecord[] = findings.flatMap((perLeaf, b) => [
          ...ids.map((id, i) => ({ branchId: b + 1, indicatorId: id, value: findingsTotal(method(id), perLeaf[i]!), evidence: '检查记录', evidenceDate: null, findings: perLeaf[i]! })),
          { branchId: b + 1, indicatorId: 23, value: ratings[b]!, evidence: '', evidenceDate: null },
        ]);
        return { ...input({ indicators: indicators(specs), branches, raters: [], scores: [], office, settings: { bonusCap: null, quotas: [] } }), pool, m1, m2, a, methods };
      });
  });

describe('engine properties: 细则 leaves', () => {
  it('a rule never totals more than its cap, and a leaf’s total is its rules’ totals added up', () => {
    fc.assert(
      fc.property(arbRules('deduct', true).chain((m) => fc.tuple(fc.constant(m), arbFindings(m))), ([m, findings]) => {
        const totals = m.rules.map((r, i) => ruleTotal(r, findings, i));
        m.rules.forEach((r, i) => {
          expect(totals[i]!).toBeGreaterThanOrEqual(0);
          if (r.cap !== null) expect(totals[i]!).toBeLessThanOrEqual(r.cap);
        });
        expect(findingsTotal(m, findings)).toBeCloseTo(totals.reduce((s, x) => s + x, 0), 9);
        expect(findingsProblem(m, findings, findings.map(() => '检查发现问题'))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('a floored leaf stays within 0 and its points; an unfloored one never above its points; an adding one within its points', () => {
    fc.assert(
      fc.property(arbRulesInput, (x) => {
        const r = computeResults(x);
        for (const b of r.branches) {
          const p = (id: number) => b.nodes[id]!.points!;
          expect(p(21)).toBeGreaterThanOrEqual(0);
          expect(p(21)).toBeLessThanOrEqual(x.m1);
          expect(p(22)).toBeLessThanOrEqual(x.m2);
          // Not floored: exactly its points less its findings' total, however far below 0.
          const total22 = x.office!.find((o) => o.branchId === b.branchId && o.indicatorId === 22)!.value;
          expect(Math.abs(p(22) - (x.m2 - total22))).toBeLessThanOrEqual(0.005 + 1e-9);
          // The section it is in still stops at 0.
          expect(p(2)).toBeGreaterThanOrEqual(0);
          expect(p(31)).toBeGreaterThanOrEqual(0);
          expect(p(31)).toBeLessThanOrEqual(x.a);
          expect(b.bonus).toBeLessThanOrEqual(x.a + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a pool of 细则 never deducts more than its points: what it lost is its children’s totals, floored', () => {
    fc.assert(
      fc.property(arbRulesInput, (x) => {
        const engine = new Engine(x);
        for (const b of engine.result.branches) {
          const pool = b.nodes[1]!.points!;
          expect(pool).toBeGreaterThanOrEqual(0);
          expect(pool).toBeLessThanOrEqual(x.pool);
          const taken = [11, 12].reduce((s, id) => s + x.office!.find((o) => o.branchId === b.branchId && o.indicatorId === id)!.value, 0);
          expect(Math.abs(pool - Math.max(0, x.pool - taken))).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(engine.explainBranch(b.branchId)!.nodes.find((n) => n.indicatorId === 1)!.pool!.floored).toBe(taken > x.pool + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---- 适用范围与折算 (issue 11 §7): the first framework with appliesTo on some nodes, any categories per branch ----

const CATEGORY_NAMES = ['生产', '机关', '科研'];
const arbCategories = fc
  .record({
    input: arbInput,
    applies: fc.array(fc.subarray(CATEGORY_NAMES), { minLength: FRAMEWORK.length, maxLength: FRAMEWORK.length }),
    categories: fc.array(fc.constantFrom('', ...CATEGORY_NAMES), { minLength: 6, maxLength: 6 }),
  })
  .map(({ input, applies, categories }) => ({
    ...input,
    indicators: FRAMEWORK.map((n, i) => (applies[i]!.length ? { ...n, appliesTo: applies[i]! } : n)),
    branches: input.branches.map((b, i) => ({ ...b, category: categories[i]! })),
  }));

describe('engine properties: 适用范围与折算', () => {
  it('a rescaled base never exceeds the base max, nor a rate 100%; 不适用 nodes have no points and are never missing', () => {
    fc.assert(
      fc.property(arbCategories, (input) => {
        const r = computeResults(input);
        for (const b of r.branches) {
          expect(b.base).toBeGreaterThanOrEqual(0);
          expect(b.base).toBeLessThanOrEqual(r.baseMax + 1e-9);
          if (b.rescaled) {
            expect(b.rescaled.applicableMax).toBeLessThan(r.baseMax);
            expect(b.rescaled.rawBase).toBeLessThanOrEqual(b.rescaled.applicableMax + 0.01);
          }
          for (const t of ['party', 'business', 'fusion'] as const) {
            expect(b.tags[t].max).toBeLessThanOrEqual(r.tagMax[t]);
            if (b.tags[t].rate !== null) expect(b.tags[t].rate!).toBeLessThanOrEqual(1);
          }
          for (const v of Object.values(b.nodes)) if (v.notApplicable) expect([v.points, v.complete]).toEqual([null, true]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('without appliesTo, or without categories, the results are exactly those of the plain input', () => {
    fc.assert(
      fc.property(arbCategories, (input) => {
        const plainBranches = input.branches.map(({ id, code, name }) => ({ id, code, name }));
        const plain = computeResults({ ...input, indicators: FRAMEWORK, branches: plainBranches });
        expect(computeResults({ ...input, indicators: FRAMEWORK })).toEqual(plain);
        expect(computeResults({ ...input, branches: plainBranches })).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it('an edited entry gives the same results as computing everything again', () => {
    fc.assert(
      fc.property(arbCategories, fc.integer({ min: 0, max: 1000 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), (input, pick, value) => {
        const engine = new Engine(input);
        const target = { raterId: (pick % input.raters.length) + 1, branchId: (pick % input.branches.length) + 1, indicatorId: pick % 3 ? 12 : 11 };
        const incremental = engine.setEntry(target.raterId, target.branchId, target.indicatorId, value);
        const same = (s: { raterId: number; branchId: number; indicatorId: number }) =>
          s.raterId === target.raterId && s.branchId === target.branchId && s.indicatorId === target.indicatorId;
        const scores = [...input.scores.filter((s) => !same(s)), ...(value === null ? [] : [{ ...target, value }])];
        expect(incremental).toEqual(computeResults({ ...input, scores }));
      }),
      { numRuns: 100 },
    );
  });
});

// 分工评分 (docs/scoring-rules.md “分工评分”): random scopes on groups and raters over the same framework.
const SCOPE_CODES = ['1', '1.1', '1.2', '2', '2.1', '3', '3.1', '4', '4.1', '4.2'];
const arbScoped: fc.Arbitrary<ListInput> = arbInput.chain((input) =>
  fc
    .record({
      groups: fc.array(fc.subarray(SCOPE_CODES, { maxLength: 3 }), { minLength: input.groups.length, maxLength: input.groups.length }),
      raters: fc.array(fc.subarray(SCOPE_CODES, { maxLength: 3 }), { minLength: input.raters.length, maxLength: input.raters.length }),
    })
    .map((s) => ({
      ...input,
      groups: input.groups.map((g, i) => ({ ...g, scope: s.groups[i]! })),
      raters: input.raters.map((r, i) => ({ ...r, scope: s.raters[i]! })),
    })),
);

describe('engine properties: 分工评分', () => {
  it('with empty scopes, or scopes covering the whole framework, the results are exactly those without scopes', () => {
    fc.assert(
      fc.property(arbInput, fc.boolean(), (input, byRater) => {
        const plain = computeResults(input);
        const empty = { ...input, groups: input.groups.map((g) => ({ ...g, scope: [] })), raters: input.raters.map((r) => ({ ...r, scope: [] })) };
        expect(computeResults(empty)).toEqual(plain);
        // Every root named: the assignment path runs (scopes are set) and must change nothing.
        const all = ['1', '2', '3', '4'];
        const whole = byRater
          ? { ...input, raters: input.raters.map((r) => ({ ...r, scope: all })) }
          : { ...input, groups: input.groups.map((g) => ({ ...g, scope: all })) };
        expect(computeResults(whole)).toEqual(plain);
        expect(new Engine(whole).panel()).toEqual(new Engine(input).panel());
      }),
      { numRuns: 100 },
    );
  });

  it("a cell's renormalised weights sum to 1 and give its value", () => {
    fc.assert(
      fc.property(arbScoped, (input) => {
        const engine = new Engine(input);
        // Shares are explained only under 分工评分 (some scope set); with none the explanation is as it always was.
        const scoped = [...input.groups, ...input.raters].some((x) => x.scope?.length);
        for (const b of input.branches) {
          for (const cell of engine.explainBranch(b.id)!.cells) {
            if (cell.value === null || cell.groups.length === 0) continue;
            expect(cell.groups.every((g) => (g.share !== undefined) === scoped)).toBe(true);
            if (!scoped) continue;
            let sum = 0;
            let value = 0;
            for (const g of cell.groups) {
              expect(g.share === null).toBe(g.value === null);
              sum += g.share ?? 0;
              value += (g.share ?? 0) * (g.value ?? 0);
            }
            expect(sum).toBeCloseTo(1, 9);
            expect(value).toBeCloseTo(cell.value, 9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with scopes, an edited entry gives the same results as computing everything again', () => {
    fc.assert(
      fc.property(arbScoped, fc.integer({ min: 0, max: 1000 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), (input, pick, value) => {
        const engine = new Engine(input);
        const target = { raterId: (pick % input.raters.length) + 1, branchId: (pick % input.branches.length) + 1, indicatorId: pick % 3 ? 12 : 11 };
        const incremental = engine.setEntry(target.raterId, target.branchId, target.indicatorId, value);
        const same = (s: { raterId: number; branchId: number; indicatorId: number }) =>
          s.raterId === target.raterId && s.branchId === target.branchId && s.indicatorId === target.indicatorId;
        const scores = [...input.scores.filter((s) => !same(s)), ...(value === null ? [] : [{ ...target, value }])];
        expect(incremental).toEqual(computeResults({ ...input, scores }));
      }),
      { numRuns: 100 },
    );
  });
});
