/**
 * Per-group combination rules (issue 11 §5, docs/scoring-rules.md §4): each rater group may combine its
 * scores on a cell by its own rule — the 考评组 of 5 trims, the 职工代表 group of 3 takes the mean, the
 * 上级党委 group of 4 the median — and a group without one follows the period. A hand-computed fixture
 * (the working in the comments, from the documented rules, not from the engine) and a property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodSettingsInput } from '../../shared/domain/period';
import { Engine, computeResults, type EngineGroup } from '../../shared/engine';
import { entries, indicators, input, rating, type ListInput } from '../helpers/engine-input';

// One business section 1 (max 100) with one rating leaf 1.1 (max 100): the leaf's points are the total.
const FRAMEWORK = indicators([
  { id: 1, code: '1', tag: 'business', max: 100 },
  { id: 11, parent: 1, code: '1.1', tag: 'business', max: 100, method: rating() },
]);

// Groups: 1 考评组 weight 0.5 = r1…r5; 2 职工代表 weight 0.3 = r6…r8; 3 上级党委 weight 0.2 = r9…r12.
const GROUPS = [{ id: 1, weight: 0.5 }, { id: 2, weight: 0.3 }, { id: 3, weight: 0.2 }];
const RATERS = [1, 2, 3, 4, 5].map((id) => ({ id, groupId: 1 }))
  .concat([6, 7, 8].map((id) => ({ id, groupId: 2 })))
  .concat([9, 10, 11, 12].map((id) => ({ id, groupId: 3 })));

// Branch 1's entries on 1.1:  group 1: 80 85 90 95 60 · group 2: 70 80 93 · group 3: 90 70 88 100.
const SCORES = entries([
  [1, 1, 11, 80], [2, 1, 11, 85], [3, 1, 11, 90], [4, 1, 11, 95], [5, 1, 11, 60],
  [6, 1, 11, 70], [7, 1, 11, 80], [8, 1, 11, 93],
  [9, 1, 11, 90], [10, 1, 11, 70], [11, 1, 11, 88], [12, 1, 11, 100],
]);

type Rules = Record<number, Pick<EngineGroup, 'combine' | 'trimMinRaters'>>;

/** The fixture with each group's own rule (a group not named has none: the form of groups stored before rules existed). */
function fixture(settings: PeriodSettingsInput, rules: Rules = {}): ListInput {
  const base = input({ indicators: FRAMEWORK, branches: 1, groups: GROUPS, raters: RATERS, scores: SCORES, settings });
  return { ...base, groups: base.groups.map((g) => ({ ...g, ...rules[g.id] })) };
}

const PANEL_RULES: Rules = {
  1: { combine: 'trimmed', trimMinRaters: 5 },
  2: { combine: 'mean', trimMinRaters: null },
  3: { combine: 'median', trimMinRaters: null },
};

const totalOf = (i: ListInput) => computeResults(i).branches[0]!.total;
const groupsOf = (i: ListInput) => new Engine(i).explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!.groups;

describe('per-group combination rules', () => {
  it('combines each group by its own rule, then weights the groups', () => {
    // Group 1 trimmed (5 entries ≥ 5): sorted 60 80 85 90 95, drop 60 (r5) and 95 (r4) → (80 + 85 + 90) / 3 = 85.
    // Group 2 mean: (70 + 80 + 93) / 3 = 243 / 3 = 81.
    // Group 3 median: sorted 70 88 90 100 → (88 + 90) / 2 = 89.
    // Cell = 0.5 × 85 + 0.3 × 81 + 0.2 × 89 = 42.5 + 24.3 + 17.8 = 84.6 (weights add to 1).
    const i = fixture({ combine: 'mean' }, PANEL_RULES);
    expect(totalOf(i)).toBe(84.6);
    const groups = groupsOf(i);
    expect(groups.map((g) => [g.groupId, g.rule, g.trimmed, g.value])).toEqual([
      [1, 'trimmed', true, 85],
      [2, 'mean', false, 81],
      [3, 'median', false, 89],
    ]);
    expect(groups[0]!.scores.filter((s) => !s.used).map((s) => [s.raterId, s.dropped])).toEqual([
      [4, 'highest'],
      [5, 'lowest'],
    ]);
  });

  it('differs from the period rule applied to every group (the rules take effect)', () => {
    // Period mean for all: group 1 (80 + 85 + 90 + 95 + 60) / 5 = 82, group 2 81, group 3 (90 + 70 + 88 + 100) / 4 = 87.
    // 0.5 × 82 + 0.3 × 81 + 0.2 × 87 = 41 + 24.3 + 17.4 = 82.7.
    expect(totalOf(fixture({ combine: 'mean' }))).toBe(82.7);
    // Period trimmed (from 5) for all: group 1 85; groups 2 and 3 have fewer than 5 entries → mean 81, 87.
    // 42.5 + 24.3 + 17.4 = 84.2.
    expect(totalOf(fixture({ combine: 'trimmed', trimMinRaters: 5 }))).toBe(84.2);
  });

  it('a group whose rule is null follows the period', () => {
    const rules: Rules = { ...PANEL_RULES, 3: { combine: null, trimMinRaters: null } };
    // Period median: group 3 → 89, the same as its own median above: 84.6.
    expect(totalOf(fixture({ combine: 'median' }, rules))).toBe(84.6);
    // Period mean: group 3 → 87: 42.5 + 24.3 + 17.4 = 84.2; groups 1 and 2 keep their own rules.
    const i = fixture({ combine: 'mean' }, rules);
    expect(totalOf(i)).toBe(84.2);
    expect(groupsOf(i).map((g) => g.rule)).toEqual(['trimmed', 'mean', 'mean']);
  });

  it('each half of the rule falls back on its own: a group may set only the fewest raters for trimming', () => {
    // Period trimmed from 5. Group 2 sets only trimMinRaters 3: its 3 entries are trimmed — drop 70 and 93 → 80.
    // Group 1 (5 ≥ 5) 85; group 3 (4 < 5) mean 87. 42.5 + 0.3 × 80 + 17.4 = 42.5 + 24 + 17.4 = 83.9.
    const i = fixture({ combine: 'trimmed', trimMinRaters: 5 }, { 2: { combine: null, trimMinRaters: 3 } });
    expect(totalOf(i)).toBe(83.9);
    expect(groupsOf(i).map((g) => [g.rule, g.trimmed, g.value])).toEqual([
      ['trimmed', true, 85],
      ['trimmed', true, 80],
      ['trimmed', false, 87],
    ]);
  });

  it('property: every group given the period rule computes exactly what no group rules compute', () => {
    const rule = fc.constantFrom('mean' as const, 'trimmed' as const, 'median' as const);
    const value = fc.integer({ min: 0, max: 200 }).map((v) => v / 2);
    fc.assert(
      fc.property(rule, fc.integer({ min: 3, max: 6 }), fc.array(fc.option(value, { nil: null }), { minLength: 12, maxLength: 12 }), (combine, trimMinRaters, values) => {
        const scores = entries(values.flatMap((v, k) => (v === null ? [] : [[k + 1, 1, 11, v] as [number, number, number, number]])));
        const settings = { combine, trimMinRaters };
        const plain = { ...fixture(settings), scores };
        const explicit = { ...fixture(settings, Object.fromEntries(GROUPS.map((g) => [g.id, settings]))), scores };
        expect(computeResults(explicit)).toEqual(computeResults(plain));
        expect(new Engine(explicit).explainBranch(1)).toEqual(new Engine(plain).explainBranch(1));
      }),
      { numRuns: 60 },
    );
  });
});
