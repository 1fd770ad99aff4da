/** Properties that must hold for any panel, any entries, any settings (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeriodSettings } from '../../shared/domain/period';
import { Engine, computeResults } from '../../shared/engine';
import { indicators, rating, type ListInput } from '../helpers/engine-input';

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
