/**
 * 分工评分 (issue 11 §6, docs/scoring-rules.md “分工评分”): a rater group — or one rater — scores only part of the
 * framework. A hand-computed fixture (the working in the comments, from the documented rules, not from the engine):
 * who is expected where, how the group weights are renormalised over the groups taking part, what is missing, and
 * that entries on leaves not assigned count nowhere — not in values, not in normalisation, not in panel statistics.
 */
import { describe, expect, it } from 'vitest';
import { Engine, computeResults } from '../../shared/engine';
import { oneRaterInput } from '../../shared/engine/one-rater';
import { loadPeriodScope, panelEngineInput, singleRaterEngineInput } from '../../electron/services/period-scope';
import { buildEngineInput } from '../../electron/services/results';
import { entries, indicators, input, rating, type ListInput } from '../helpers/engine-input';
import { periodSetup } from '../helpers/period-setup';

// Section 1 (max 40): 1.1 rating 40 · section 2 (max 30): 2.1 rating 30 · section 3 安全环保 (max 30): 3.1 rating 20,
// 3.2 deduction 10 (2 per occurrence). Base max 100.
const FRAMEWORK = indicators([
  { id: 1, code: '1', tag: 'party', max: 40 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 40, method: rating() },
  { id: 2, code: '2', tag: 'business', max: 30 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 30, method: rating() },
  { id: 3, code: '3', tag: 'business', max: 30 },
  { id: 31, parent: 3, code: '3.1', tag: 'business', max: 20, method: rating() },
  { id: 32, parent: 3, code: '3.2', tag: 'business', max: 10, method: { kind: 'deduction', perOccurrence: 2 } },
]);

// Groups: 1 考评组 weight 0.5 (r1, r2) · 2 职工代表 0.3 (r3, r4) · 3 安全环保部 0.2 (r5, r6), scope ['3'] (section 3 only).
// Within group 1, r2 is scoped to ['1'] (section 1 only).
const RATERS = [
  { id: 1, groupId: 1 },
  { id: 2, groupId: 1 },
  { id: 3, groupId: 2 },
  { id: 4, groupId: 2 },
  { id: 5, groupId: 3 },
  { id: 6, groupId: 3 },
];

// Branch 1, every assigned cell answered; r5 on 1.1 and r2 on 2.1 are entries on leaves not assigned to them.
// Branch 2: only r1 on 1.1 and r5 on 3.1.
const ASSIGNED = entries([
  [1, 1, 11, 36], [2, 1, 11, 32], [3, 1, 11, 30], [4, 1, 11, 28],
  [1, 1, 21, 24], [3, 1, 21, 27], [4, 1, 21, 15],
  [1, 1, 31, 16], [3, 1, 31, 18], [4, 1, 31, 12], [5, 1, 31, 20], [6, 1, 31, 18],
  [1, 1, 32, 1], [3, 1, 32, 0], [4, 1, 32, 0], [5, 1, 32, 2], [6, 1, 32, 2],
  [1, 2, 11, 40], [5, 2, 31, 10],
]);
const UNASSIGNED = entries([[5, 1, 11, 0], [2, 1, 21, 30], [6, 2, 11, 3], [2, 2, 32, 5]]);

function fixture(o: { scores?: typeof ASSIGNED; normalize?: boolean; groupScopes?: Record<number, string[]>; recusals?: { raterId: number; branchId: number }[] } = {}): ListInput {
  const base = input({
    indicators: FRAMEWORK,
    branches: 2,
    groups: [{ id: 1, weight: 0.5 }, { id: 2, weight: 0.3 }, { id: 3, weight: 0.2 }],
    raters: RATERS,
    scores: o.scores ?? [...ASSIGNED, ...UNASSIGNED],
    recusals: o.recusals ?? [],
    settings: { combine: 'mean', normalize: o.normalize ?? false },
  });
  const groupScopes = o.groupScopes ?? { 3: ['3'] };
  return {
    ...base,
    groups: base.groups.map((g) => (groupScopes[g.id] ? { ...g, scope: groupScopes[g.id] } : g)),
    raters: base.raters.map((r) => (r.id === 2 ? { ...r, scope: ['1'] } : r)),
  };
}

const branch = (i: ListInput, id: number) => computeResults(i).branches.find((b) => b.branchId === id)!;
const cellOf = (i: ListInput, branchId: number, indicatorId: number) => new Engine(i).explainBranch(branchId)!.cells.find((c) => c.indicatorId === indicatorId)!;

describe('分工评分: hand-computed fixture', () => {
  it('renormalises the weights over the groups taking part in each leaf', () => {
    // 1.1 (group 3 takes no part): G1 (36 + 32) / 2 = 34, G2 (30 + 28) / 2 = 29; r5's 0 is not read.
    //   (0.5 × 34 + 0.3 × 29) / (0.5 + 0.3) = (17 + 8.7) / 0.8 = 32.125 — shares 0.5 / 0.8 = 62.5 %, 0.3 / 0.8 = 37.5 %.
    // 2.1: G1 = r1 alone = 24 (r2's 30 is not read), G2 (27 + 15) / 2 = 21 → (12 + 6.3) / 0.8 = 22.875.
    // 3.1 (all three take part): G1 16, G2 (18 + 12) / 2 = 15, G3 (20 + 18) / 2 = 19 → 8 + 4.5 + 3.8 = 16.3.
    // 3.2: G1 10 − 2 = 8, G2 10, G3 10 − 4 = 6 → 4 + 3 + 1.2 = 8.2.
    // Total 32.125 + 22.875 + 16.3 + 8.2 = 79.5.
    const i = fixture();
    const b1 = branch(i, 1);
    expect(b1.nodes[11]!.points).toBe(32.13);
    expect(b1.nodes[21]!.points).toBe(22.88);
    expect(b1.nodes[31]!.points).toBe(16.3);
    expect(b1.nodes[32]!.points).toBe(8.2);
    expect(b1.total).toBe(79.5);

    const c11 = cellOf(i, 1, 11);
    expect(c11.value).toBeCloseTo(32.125, 10);
    expect(c11.groups.map((g) => [g.groupId, g.weight, g.value])).toEqual([
      [1, 0.5, 34],
      [2, 0.3, 29],
    ]);
    expect(c11.groups[0]!.share).toBeCloseTo(0.625, 12);
    expect(c11.groups[1]!.share).toBeCloseTo(0.375, 12);
    expect(c11.assignedGroupIds).toEqual([1, 2]);
    // Every group takes part in 3.1: the shares are the weights, and no note.
    const c31 = cellOf(i, 1, 31);
    c31.groups.forEach((g, k) => expect(g.share).toBeCloseTo([0.5, 0.3, 0.2][k]!, 12));
    expect(c31.assignedGroupIds).toBeUndefined();
    // Within group 1 only r1 is expected on 2.1 (r2 is scoped to section 1): G1's value is r1's alone.
    expect(cellOf(i, 1, 21).groups[0]!.scores.map((s) => s.raterId)).toEqual([1]);
  });

  it('counts missing only where a rater is assigned', () => {
    // Branch 1: 1.1 expects r1–r4, 2.1 r1 r3 r4, 3.1 and 3.2 r1 r3–r6: 17 cells, all answered.
    const i = fixture();
    expect(branch(i, 1).missing).toBe(0);
    expect(branch(i, 1).complete).toBe(true);
    // Branch 2: 1.1 r2 r3 r4 (3) · 2.1 r1 r3 r4 (3) · 3.1 r1 r3 r4 r6 (4) · 3.2 r1 r3–r6 (5) = 15.
    const b2 = branch(i, 2);
    expect(b2.missing).toBe(15);
    // Only the groups with a value share 1.1: G1 = 40 alone; 3.1: G3 = 10 alone. Total 50.
    expect(b2.total).toBe(50);
    const c11 = cellOf(i, 2, 11);
    expect(c11.groups.map((g) => [g.groupId, g.share])).toEqual([[1, 1], [2, null]]);
    // r6 (not assigned 1.1) is nobody's missing rater there; r2, r3, r4 are.
    expect(c11.groups.flatMap((g) => g.missingRaterIds)).toEqual([2, 3, 4]);
    // r3 recused from branch 2: the 4 leaves assigned to r3 are no longer expected of anyone → 11.
    expect(branch(fixture({ recusals: [{ raterId: 3, branchId: 2 }] }), 2).missing).toBe(11);
    // Without any scope everyone is expected everywhere: 6 raters × 4 leaves − 4 entries (2 of them the stray ones) = 20.
    const plain = { ...i, groups: i.groups.map(({ scope: _s, ...g }) => g), raters: i.raters.map(({ scope: _s, ...r }) => r) };
    expect(branch(plain, 2).missing).toBe(24 - 4);
  });

  it('a leaf no group takes part in has no value and is missing once per branch', () => {
    // Groups 1 and 2 scoped to section 1, group 3 to section 3: nobody scores 2.1.
    const i = fixture({ groupScopes: { 1: ['1'], 2: ['1'], 3: ['3'] } });
    const b1 = branch(i, 1);
    expect(b1.nodes[21]!.points).toBeNull();
    const c21 = cellOf(i, 1, 21);
    expect(c21.groups).toEqual([]);
    expect(c21.assignedGroupIds).toEqual([]);
    // Branch 1 otherwise: 1.1 r1–r4 answered; 3.1 and 3.2 r5 r6 answered → missing = 1 (2.1 once).
    expect(b1.missing).toBe(1);
    // 3.1 now G3 alone = 19; 3.2 G3 alone = 6.
    expect(b1.nodes[31]!.points).toBe(19);
    expect(b1.nodes[32]!.points).toBe(6);
  });

  it('entries on leaves not assigned count nowhere: values, normalisation, panel statistics', () => {
    for (const normalize of [false, true]) {
      const withStray = fixture({ normalize });
      const without = fixture({ normalize, scores: ASSIGNED });
      expect(computeResults(withStray)).toEqual(computeResults(without));
      expect(new Engine(withStray).explainBranch(1)).toEqual(new Engine(without).explainBranch(1));
    }
    // The stray entries would move the result if they counted (the test can fail): r5's 0 on 1.1 under normalisation.
    const strayCounted = fixture({ normalize: true, groupScopes: {} });
    expect(computeResults(strayCounted)).not.toEqual(computeResults(fixture({ normalize: true, scores: ASSIGNED, groupScopes: {} })));

    const panel = new Engine(fixture()).panel();
    // r5's judgment entries: 3.1 on both branches (its 0 on 1.1 is not one); r2's: 1.1 on branch 1 only.
    expect(panel.raters.find((r) => r.raterId === 5)!.entries).toBe(2);
    expect(panel.raters.find((r) => r.raterId === 2)!.entries).toBe(1);
    const disputed11 = panel.disputed.find((d) => d.branchId === 1 && d.indicatorId === 11)!;
    expect(disputed11.entries.map((e) => e.raterId)).toEqual([1, 2, 3, 4]);
    // r2 scores only 1.1, r5 and r6 only 3.1: no judgment leaf is common to every rater, so no agreement figure.
    expect(panel.icc).toBeNull();
  });

  it('agreement is taken over the judgment leaves common to every scoped rater', () => {
    // Only group 3 is scoped (r2 unscoped): 3.1 is the one judgment leaf assigned to all six → agreement over 3.1 alone.
    // With r2's 3.1 on branch 1, and everyone's on branch 2, every rater has scored it on both branches.
    const i = fixture();
    const unscopedR2 = { ...i, raters: i.raters.map(({ scope: _s, ...r }) => r) };
    const scores = [...ASSIGNED, ...entries([[2, 1, 31, 14], [2, 2, 31, 16], [1, 2, 31, 12], [3, 2, 31, 14], [4, 2, 31, 8], [6, 2, 31, 11]])];
    const panel = new Engine({ ...unscopedR2, scores }).panel();
    // Both branches now complete on 3.1 for all six raters: 2 rows × 6 raters.
    expect(panel.icc?.branches).toBe(2);
    expect(panel.icc?.raters).toBe(6);
  });

  it('an edited entry gives the same results as computing everything again (assigned or not)', () => {
    for (const normalize of [false, true]) {
      for (const [raterId, branchId, indicatorId, value] of [
        [5, 1, 31, 4],
        [5, 1, 11, 40],
        [2, 2, 11, 10],
        [2, 2, 21, 10],
        [6, 1, 32, null],
      ] as [number, number, number, number | null][]) {
        const i = fixture({ normalize });
        const incremental = new Engine(i).setEntry(raterId, branchId, indicatorId, value);
        const same = (s: { raterId: number; branchId: number; indicatorId: number }) => s.raterId === raterId && s.branchId === branchId && s.indicatorId === indicatorId;
        const scores = [...i.scores.filter((s) => !same(s)), ...(value === null ? [] : [{ raterId, branchId, indicatorId, value }])];
        expect(incremental).toEqual(computeResults({ ...i, scores }));
      }
    }
  });

  it("a rater's own totals follow their scope and their group's", () => {
    // r2 (scope ['1']) with 32 on 1.1 and 30 on 2.1: only 1.1 counts → 32. Alone in the input, r2's group takes no
    // part in 2.1, 3.1, 3.2, so each is missing once (the panel's rule; a rater's own totals are read for `total`).
    const mine = (rater: { id: number; name: string; scope?: string[] }, group: { id: number; name: string; scope?: string[] }) =>
      computeResults(
        oneRaterInput({
          indicators: FRAMEWORK,
          settings: fixture().settings,
          rater,
          group,
          branches: [{ id: 1, code: 'B1', name: '支部1' }],
          scores: [{ branchId: 1, indicatorId: 11, value: 32 }, { branchId: 1, indicatorId: 21, value: 30 }],
        }),
      ).branches[0]!;
    const r2 = mine({ id: 2, name: '评委2', scope: ['1'] }, { id: 1, name: '组1' });
    expect([r2.total, r2.missing]).toEqual([32, 3]);
    // The same entries, unscoped: 62, missing 3.1 and 3.2.
    const plain = mine({ id: 2, name: '评委2' }, { id: 1, name: '组1' });
    expect([plain.total, plain.missing]).toEqual([62, 2]);
    // A rater of group 3 (scope ['3']): neither entry counts; 3.1 and 3.2 (theirs) and 1.1, 2.1 (nobody's) are missing.
    const r5 = mine({ id: 5, name: '评委5' }, { id: 3, name: '组3', scope: ['3'] });
    expect([r5.total, r5.missing]).toEqual([0, 4]);
  });
});

describe('分工评分: the engine input built from the database', () => {
  it('carries the group and rater scopes (only when set) into the panel input and one rater’s', async () => {
    const { db, periodId, r1, r2, hg1 } = await periodSetup();
    const before = buildEngineInput(db, periodId);
    expect([...before.groups, ...before.raters].some((x) => 'scope' in x)).toBe(false);
    // Stored as the panel service stores them (NULL = the whole framework); set directly, scoring having started.
    const groupId = loadPeriodScope(db, periodId).raterById.get(r1)!.groupId;
    db.prepare('UPDATE rater_group SET scope_json = ? WHERE id = ?').run(JSON.stringify(['1']), groupId);
    db.prepare('UPDATE rater SET scope_json = ? WHERE id = ?').run(JSON.stringify(['1.3']), r2);
    const scope = loadPeriodScope(db, periodId);
    const i = panelEngineInput(scope, [], []);
    expect(i.groups.find((g) => g.id === groupId)!.scope).toEqual(['1']);
    expect(i.raters.find((r) => r.id === r1)!.scope).toBeUndefined();
    expect(i.raters.find((r) => r.id === r2)!.scope).toEqual(['1.3']);
    const alone = singleRaterEngineInput(scope, scope.raterById.get(r2)!, scope.branchById.get(hg1)!, [], [], []);
    expect(alone.raters[0]!.scope).toEqual(['1.3']);
    expect(alone.groups[0]!.scope).toEqual(['1']);
  });
});
