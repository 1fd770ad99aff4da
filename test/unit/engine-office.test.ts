/**
 * Office-recorded leaves (考核组核定, docs/scoring-rules.md "考核组核定"): one value per branch from the
 * office, raters' entries on those leaves never count. A hand-computed fixture (the working in the
 * comments, from the documented rules, not from the engine) and properties over random panels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeafMethod } from '../../shared/domain/framework';
import { PeriodSettings, type PeriodSettingsInput } from '../../shared/domain/period';
import { Engine, computeResults, type EngineOfficeRecord } from '../../shared/engine';
import { oneRaterInput } from '../../shared/engine/one-rater';
import { entries, indicators, input, officeRecords, rating, type ListInput } from '../helpers/engine-input';

const office = <M extends LeafMethod>(method: M): M => ({ ...method, entry: 'office' });

// 100 base points + a bonus node:
//   1 党建 party 50 = 1.1 rating 30 (panel) + 1.2 deduction 10, 2 per occurrence (office: 缺席组织生活次数)
//                   + 1.3 level 10 (panel, 好/较好/一般/差 = 1/0.8/0.6/0) + 1.4 veto, cap 一般 (office: 违纪违法)
//   2 业务 business 50 = 2.1 rating 20 (panel) + 2.2 quantitative 20 (higher, floor 0.5 × target, no excess)
//                      + 2.3 rating 10 (office: 安全生产检查评分)
//   3 加分 fusion 5 = 3.1 bonus 1 per item, max 5 (office: 上级表彰)
// Tag maxima (non-bonus leaves): party 30 + 10 + 10 + 0 = 50, business 20 + 20 + 10 = 50, fusion 0.
const FRAMEWORK = indicators([
  { id: 1, code: '1', tag: 'party', max: 50 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 30, method: rating() },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 10, method: office({ kind: 'deduction', perOccurrence: 2 }) },
  { id: 13, parent: 1, code: '1.3', tag: 'party', max: 10, method: { kind: 'level', levels: [{ label: '好', fraction: 1 }, { label: '较好', fraction: 0.8 }, { label: '一般', fraction: 0.6 }, { label: '差', fraction: 0 }] } },
  { id: 14, parent: 1, code: '1.4', tag: 'party', max: 0, method: office({ kind: 'veto', capGrade: '一般' }) },
  { id: 2, code: '2', tag: 'business', max: 50 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 20, method: rating() },
  { id: 22, parent: 2, code: '2.2', tag: 'business', max: 20, method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0 } },
  { id: 23, parent: 2, code: '2.3', tag: 'business', max: 10, method: office(rating()) },
  { id: 3, code: '3', tag: 'fusion', max: 5 },
  { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: 5, method: office({ kind: 'bonus', perItem: 1 }) },
]);

// Groups: 1 (weight 0.6) = r1, r2; 2 (weight 0.4) = r3, r4. Mean within a group; weighted mean across.
// vetoRule 'any' on purpose: one rater's stray flag on the office veto would trigger it if it counted.
const SETTINGS: PeriodSettingsInput = { combine: 'mean', normalize: false, vetoRule: 'any', bonusCap: 3, quotas: [] };
const GROUPS = [{ id: 1, weight: 0.6 }, { id: 2, weight: 0.4 }];
const RATERS = [{ id: 1, groupId: 1 }, { id: 2, groupId: 1 }, { id: 3, groupId: 2 }, { id: 4, groupId: 2 }];

// Panel entries [rater, branch, leaf, value] (1.3 in level indexes: 0 好, 1 较好, 2 一般).
const PANEL = entries([
  // B1: 1.1 27, 28 | 26, 27 · 1.3 好, 较好 | 好, 好 · 2.1 18, 17 | 16, 18
  [1, 1, 11, 27], [2, 1, 11, 28], [3, 1, 11, 26], [4, 1, 11, 27],
  [1, 1, 13, 0], [2, 1, 13, 1], [3, 1, 13, 0], [4, 1, 13, 0],
  [1, 1, 21, 18], [2, 1, 21, 17], [3, 1, 21, 16], [4, 1, 21, 18],
  // B2: 1.1 29, 29 | 28, 28 · 1.3 好 ×4 · 2.1 19, 19 | 19, 20
  [1, 2, 11, 29], [2, 2, 11, 29], [3, 2, 11, 28], [4, 2, 11, 28],
  [1, 2, 13, 0], [2, 2, 13, 0], [3, 2, 13, 0], [4, 2, 13, 0],
  [1, 2, 21, 19], [2, 2, 21, 19], [3, 2, 21, 19], [4, 2, 21, 20],
  // B3: 1.1 24, 25 | 25, 25 · 1.3 一般, 较好 | 较好, 较好 · 2.1 15, 16 | 14, 15
  [1, 3, 11, 24], [2, 3, 11, 25], [3, 3, 11, 25], [4, 3, 11, 25],
  [1, 3, 13, 2], [2, 3, 13, 1], [3, 3, 13, 1], [4, 3, 13, 1],
  [1, 3, 21, 15], [2, 3, 21, 16], [3, 3, 21, 14], [4, 3, 21, 15],
]);

// Raters' entries on office leaves — stray values an old sheet or an import could carry. None may count:
// r1 puts 5 occurrences on B1 1.2 (→ 0 points), r2 fills B3 1.2 (which the office left empty), r3 flags
// B1's veto (would trigger under 'any'), r4 gives B2 2.3 a 2, every rater claims 5 bonus items for B3.
const STRAY = entries([
  [1, 1, 12, 5], [2, 3, 12, 0], [3, 1, 14, 1], [4, 2, 23, 2],
  [1, 3, 31, 5], [2, 3, 31, 5], [3, 3, 31, 5], [4, 3, 31, 5],
]);

// The office's records [branch, leaf, value]: B3 has no record for 1.2 (its check is outstanding).
const OFFICE = officeRecords([
  [1, 12, 1, '组织部通报〔2026〕3号'], [1, 14, 0], [1, 23, 9], [1, 31, 4],
  [2, 12, 0], [2, 14, 1, '纪委处分决定〔2026〕7号'], [2, 23, 10], [2, 31, 0],
  [3, 14, 0], [3, 23, 7], [3, 31, 2],
]);

// 2.2 measurements: target 100, floor 50: B1 100 → 20; B2 95 → 20 × 45/50 = 18; B3 110 → 20 (no excess).
const MEASUREMENTS = [
  { branchId: 1, indicatorId: 22, target: 100, actual: 100, floor: null },
  { branchId: 2, indicatorId: 22, target: 100, actual: 95, floor: null },
  { branchId: 3, indicatorId: 22, target: 100, actual: 110, floor: null },
];

const fixture = (parts: { office?: EngineOfficeRecord[]; settings?: PeriodSettingsInput } = {}): ListInput =>
  input({
    indicators: FRAMEWORK,
    branches: 3,
    groups: GROUPS,
    raters: RATERS,
    scores: [...PANEL, ...STRAY],
    measurements: MEASUREMENTS,
    office: parts.office ?? OFFICE,
    settings: { ...SETTINGS, ...parts.settings },
  });

/*
 * Working, per branch (panel cells = 0.6 × group 1 mean + 0.4 × group 2 mean; office cells from the record):
 *
 * B1  1.1 0.6 × 27.5 + 0.4 × 26.5 = 16.5 + 10.6 = 27.1
 *     1.2 office 1 occurrence → 10 − 2 = 8            (r1's 5 ignored)
 *     1.3 0.6 × (10 + 8)/2 + 0.4 × 10 = 5.4 + 4 = 9.4
 *     1.4 office 0 → not triggered, 0                  (r3's flag ignored)
 *     2.1 0.6 × 17.5 + 0.4 × 17 = 10.5 + 6.8 = 17.3
 *     2.2 20 · 2.3 office 9 · 3.1 office 4 items → 4
 *     node 1 = 27.1 + 8 + 9.4 + 0 = 44.5; node 2 = 17.3 + 20 + 9 = 46.3; base 90.8
 *     bonus min(3, 4) = 3; total 93.8; deducted 10 − 8 = 2; complete, missing 0
 * B2  1.1 0.6 × 29 + 0.4 × 28 = 17.4 + 11.2 = 28.6
 *     1.2 office 0 → 10 · 1.3 10 · 1.4 office 1 → TRIGGERED (cap 一般), 0 points
 *     2.1 0.6 × 19 + 0.4 × 19.5 = 11.4 + 7.8 = 19.2 · 2.2 18 · 2.3 office 10 (r4's 2 ignored) · 3.1 0
 *     node 1 = 28.6 + 10 + 10 = 48.6; node 2 = 19.2 + 18 + 10 = 47.2; base 95.8; bonus 0; total 95.8
 *     deducted 0; highest total, but vetoed: grade 优秀 → capped 一般, ranked after B1 and B3
 * B3  1.1 0.6 × 24.5 + 0.4 × 25 = 14.7 + 10 = 24.7
 *     1.2 NO RECORD → no value, missing 1 (r2's 0 does not fill it; not 4 raters × missing)
 *     1.3 0.6 × (6 + 8)/2 + 0.4 × 8 = 4.2 + 3.2 = 7.4 · 1.4 office 0
 *     2.1 0.6 × 15.5 + 0.4 × 14.5 = 9.3 + 5.8 = 15.1 · 2.2 20 · 2.3 office 7
 *     3.1 office 2 items → 2 (the raters' 5 items ignored; counted they would make it 5 → bonus 3)
 *     node 1 = 24.7 + 7.4 + 0 = 32.1 (incomplete); node 2 = 15.1 + 20 + 7 = 42.1; base 74.2
 *     bonus 2; total 76.2; deducted 0 (1.2 has no value); incomplete, missing 1
 * Ranks: B1 93.8 → 1, B3 76.2 → 2, B2 (vetoed) → 3. Grades: B1 优秀, B3 一般 (60–80), B2 一般 (veto cap).
 * Split (mean of rates): party (0.89 + 0.972 + 0.642)/3 = 0.834666… → 0.8347;
 *   business (0.926 + 0.944 + 0.842)/3 = 0.904. B1 0.89/0.926 → 双强; B2 0.972/0.944 → 双强; B3 → 双弱.
 */
describe('office-recorded leaves: hand-computed fixture', () => {
  const engine = new Engine(fixture());
  const result = engine.result;
  const row = (code: string) => result.branches.find((b) => b.code === code)!;

  it('totals, subtotals, veto, grades, ranks and missing counts as worked out', () => {
    const actual = result.branches.map((b) => ({
      code: b.code,
      total: b.total,
      base: b.base,
      bonus: b.bonus,
      party: b.tags.party.points,
      business: b.tags.business.points,
      deducted: b.deducted,
      vetoed: b.vetoed,
      veto: b.vetoIndicatorIds,
      grade: b.grade,
      rank: b.rank,
      complete: b.complete,
      missing: b.missing,
      quadrant: b.quadrant,
    }));
    expect(actual).toEqual([
      { code: 'B1', total: 93.8, base: 90.8, bonus: 3, party: 44.5, business: 46.3, deducted: 2, vetoed: false, veto: [], grade: '优秀', rank: 1, complete: true, missing: 0, quadrant: '双强' },
      { code: 'B3', total: 76.2, base: 74.2, bonus: 2, party: 32.1, business: 42.1, deducted: 0, vetoed: false, veto: [], grade: '一般', rank: 2, complete: false, missing: 1, quadrant: '双弱' },
      { code: 'B2', total: 95.8, base: 95.8, bonus: 0, party: 48.6, business: 47.2, deducted: 0, vetoed: true, veto: [14], grade: '一般', rank: 3, complete: true, missing: 0, quadrant: '双强' },
    ]);
    expect(result.split).toEqual({ party: 0.8347, business: 0.904, mode: 'mean' });
    expect(result.complete).toBe(false);
  });

  it('node values: the unrecorded office leaf has no value and leaves its node incomplete', () => {
    expect(row('B3').nodes[12]).toEqual({ points: null, complete: false });
    expect(row('B3').nodes[1]).toEqual({ points: 32.1, complete: false });
    expect(row('B3').nodes[2]).toEqual({ points: 42.1, complete: true });
    expect(row('B1').nodes[12]).toEqual({ points: 8, complete: true });
    expect(row('B2').nodes[14]).toEqual({ points: 0, complete: true });
    expect(row('B2').nodes[23]).toEqual({ points: 10, complete: true });
  });

  it('explains an office cell by its record and evidence, with no group working', () => {
    const b1 = engine.explainBranch(1)!;
    const cell = (id: number) => b1.cells.find((c) => c.indicatorId === id)!;
    expect(cell(12)).toEqual({
      kind: 'cell',
      indicatorId: 12,
      branchId: 1,
      method: 'deduction',
      maxPoints: 10,
      groups: [],
      recused: [],
      value: 8,
      complete: true,
      office: { value: 1, evidence: '组织部通报〔2026〕3号', evidenceDate: '2026-11-30' },
    });
    expect(cell(31)).toMatchObject({ method: 'bonus', groups: [], value: 4, complete: true, office: { value: 4 } });
    expect(cell(23)).toMatchObject({ method: 'rating', groups: [], value: 9, office: { value: 9 } });
    // A panel cell keeps its group working and no office field.
    expect(cell(11).office).toBeUndefined();
    expect(cell(11).groups.map((g) => [g.groupId, g.value])).toEqual([[1, 27.5], [2, 26.5]]);
    expect(cell(11).value).toBeCloseTo(27.1, 10);

    const b3 = engine.explainBranch(3)!.cells.find((c) => c.indicatorId === 12)!;
    expect(b3).toMatchObject({ groups: [], value: null, complete: false, office: { value: null, evidence: '', evidenceDate: null } });
  });

  it('the office veto caps the grade and the grade explanation names it', () => {
    const b2 = engine.explainBranch(2)!;
    expect(b2.grade).toMatchObject({ total: 95.8, byThreshold: '优秀', veto: { indicatorIds: [14], capGrade: '一般' }, afterVeto: '一般', grade: '一般' });
    expect(b2.cells.find((c) => c.indicatorId === 14)).toMatchObject({
      method: 'veto',
      value: 0,
      complete: true,
      groups: [],
      office: { value: 1, evidence: '纪委处分决定〔2026〕7号' },
    });
    expect(b2.rank).toMatchObject({ rank: 3, vetoed: true });
  });

  it('the same figures without the raters’ stray entries on office leaves', () => {
    const clean = computeResults({ ...fixture(), scores: PANEL });
    expect(clean).toEqual(result);
  });

  it('recording the outstanding check completes the branch; clearing a record takes it back', () => {
    const e = new Engine(fixture());
    // B3 1.2: 3 occurrences → 10 − 6 = 4; node 1 = 32.1 + 4 = 36.1; base 78.2; total 80.2 → 良好.
    const after = e.setOffice({ branchId: 3, indicatorId: 12, value: 3, evidence: '组织生活检查记录', evidenceDate: '2026-12-01' });
    expect(after.branches.find((b) => b.code === 'B3')).toMatchObject({ total: 80.2, deducted: 6, complete: true, missing: 0, grade: '良好' });
    expect(after.complete).toBe(true);
    expect(after).toEqual(computeResults(fixture({ office: [...OFFICE, { branchId: 3, indicatorId: 12, value: 3, evidence: '组织生活检查记录', evidenceDate: '2026-12-01' }] })));
    // Clearing B2's veto record: the cell goes missing and the veto with it.
    const cleared = e.setOffice({ branchId: 2, indicatorId: 14, value: null });
    expect(cleared.branches.find((b) => b.code === 'B2')).toMatchObject({ vetoed: false, grade: '优秀', rank: 1, complete: false, missing: 1 });
  });

  it('with normalisation on, an office rating leaf keeps the recorded points exactly', () => {
    const e = new Engine(fixture({ settings: { normalize: true } }));
    for (const [branchId, points] of [[1, 9], [2, 10], [3, 7]] as const) {
      expect(e.explainBranch(branchId)!.cells.find((c) => c.indicatorId === 23)!.value).toBe(points);
    }
    // And the normalisation itself ignores the stray entries on the office leaves.
    expect(e.result).toEqual(computeResults({ ...fixture({ settings: { normalize: true } }), scores: PANEL }));
  });

  it('panel statistics look at panel judgment leaves only (the office rating leaf left out)', () => {
    const panel = engine.panel({ disputed: 100 });
    // 3 branches × the panel judgment leaves 1.1, 1.3, 2.1 = 9 entries each; r4's stray 2.3 entry is not one.
    expect(panel.raters.map((r) => r.entries)).toEqual([9, 9, 9, 9]);
    expect(new Set(panel.disputed.map((d) => d.indicatorId))).toEqual(new Set([11, 13, 21]));
    expect(panel.icc?.branches).toBe(3);
    expect(panel).toEqual(new Engine({ ...fixture(), scores: PANEL }).panel({ disputed: 100 }));
  });

  it('a rater’s own totals include the office-recorded points, never their own entries on those leaves', () => {
    const own = (raterId: number) =>
      computeResults(
        oneRaterInput({
          indicators: FRAMEWORK,
          settings: PeriodSettings.parse(SETTINGS),
          rater: { id: raterId, name: `评委${raterId}` },
          branches: fixture().branches,
          scores: [...PANEL, ...STRAY].filter((s) => s.raterId === raterId),
          measurements: MEASUREMENTS,
          office: OFFICE,
        }),
      ).branches;
    // r1 on B1: 1.1 27 + 1.2 office 8 + 1.3 好 10 + 1.4 0 = 45; 2.1 18 + 2.2 20 + 2.3 office 9 = 47;
    // base 92, bonus min(3, office 4) = 3 → 95 (r1's own 5 occurrences on 1.2 would have made it 87).
    expect(own(1).find((b) => b.code === 'B1')).toMatchObject({ base: 92, bonus: 3, total: 95, complete: true, missing: 0 });
    // r3 on B1 flagged the office veto: it does not count, B1 is not vetoed.
    expect(own(3).find((b) => b.code === 'B1')).toMatchObject({ vetoed: false });
    // r2 on B3: 1.2 still missing (the office has not recorded it), once.
    expect(own(2).find((b) => b.code === 'B3')).toMatchObject({ complete: false, missing: 1 });
  });
});

// ---- Properties over random panels ----

const OFFICE_LEAVES = [12, 14, 23, 31];
const PANEL_LEAVES = [11, 13, 21, 15];
// The fixture's framework plus a panel veto (1.5), so panel and office vetoes meet.
const PROP_FRAMEWORK = [...FRAMEWORK, ...indicators([{ id: 15, parent: 1, code: '1.5', tag: 'party', max: 0, method: { kind: 'veto', capGrade: null } }]).map((n) => ({ ...n, position: 99 }))];

/** A raw value valid for the leaf (office or panel). */
const valueFor = (indicatorId: number): fc.Arbitrary<number> => {
  switch (indicatorId) {
    case 11: return fc.integer({ min: 0, max: 60 }).map((n) => n / 2);
    case 12: return fc.integer({ min: 0, max: 8 });
    case 13: return fc.integer({ min: 0, max: 3 });
    case 21: return fc.integer({ min: 0, max: 40 }).map((n) => n / 2);
    case 23: return fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
    case 31: return fc.integer({ min: 0, max: 7 });
    default: return fc.constantFrom(0, 0, 1); // vetoes
  }
};

const cellsOf = (raters: number, branches: number, leaves: number[]) =>
  Array.from({ length: raters }, (_, r) => Array.from({ length: branches }, (_, b) => leaves.map((id) => ({ r: r + 1, b: b + 1, id })))).flat(2);

const arbInput: fc.Arbitrary<ListInput> = fc
  .record({
    branches: fc.integer({ min: 1, max: 5 }),
    groups: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
    raters: fc.integer({ min: 1, max: 6 }),
    settings: fc.record({
      combine: fc.constantFrom('mean', 'trimmed', 'median'),
      trimMinRaters: fc.integer({ min: 3, max: 5 }),
      normalize: fc.boolean(),
      vetoRule: fc.constantFrom('majority', 'any'),
      bonusCap: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      quotas: fc.constantFrom([], [{ label: '优秀', maxShare: 0.3 }]),
    }),
  })
  .chain(({ branches, groups, raters, settings }) => {
    const panelCells = cellsOf(raters, branches, PANEL_LEAVES);
    const officeCells = cellsOf(1, branches, OFFICE_LEAVES);
    return fc
      .record({
        values: fc.tuple(...panelCells.map((c) => fc.option(valueFor(c.id), { freq: 6, nil: null }))),
        office: fc.tuple(...officeCells.map((c) => fc.option(valueFor(c.id), { freq: 4, nil: null }))),
        actuals: fc.array(fc.option(fc.integer({ min: 0, max: 150 }), { freq: 4, nil: null }), { minLength: branches, maxLength: branches }),
        recusals: fc.array(fc.tuple(fc.integer({ min: 1, max: raters }), fc.integer({ min: 1, max: branches })), { maxLength: 2 }),
        groupOf: fc.array(fc.integer({ min: 0, max: groups.length - 1 }), { minLength: raters, maxLength: raters }),
      })
      .map(({ values, office, actuals, recusals, groupOf }) => ({
        indicators: PROP_FRAMEWORK,
        branches: Array.from({ length: branches }, (_, i) => ({ id: i + 1, code: `B${i + 1}`, name: `支部${i + 1}` })),
        groups: groups.map((w, i) => ({ id: i + 1, name: `组${i + 1}`, weight: w / 10 })),
        raters: Array.from({ length: raters }, (_, i) => ({ id: i + 1, name: `评委${i + 1}`, groupId: groupOf[i]! + 1 })),
        recusals: recusals.map(([raterId, branchId]) => ({ raterId, branchId, reason: '回避' })),
        scores: panelCells.flatMap((c, i) => (values[i] === null || values[i] === undefined ? [] : [{ raterId: c.r, branchId: c.b, indicatorId: c.id, value: values[i] }])),
        measurements: actuals.flatMap((actual, i) => (actual === null ? [] : [{ branchId: i + 1, indicatorId: 22, target: 100, actual, floor: null }])),
        office: officeCells.flatMap((c, i) =>
          office[i] === null || office[i] === undefined ? [] : [{ branchId: c.b, indicatorId: c.id, value: office[i], evidence: `依据${c.b}-${c.id}`, evidenceDate: null }],
        ),
        settings: PeriodSettings.parse(settings),
      }));
  });

/** Everything the engine tells: results, every branch's explanation, the panel statistics. */
const everything = (engine: Engine, input: ListInput) => ({
  result: engine.result,
  explanations: input.branches.map((b) => engine.explainBranch(b.id)),
  panel: engine.panel({ disputed: 1000 }),
});

/** Rater entries on office leaves: [rater pick, branch pick, office leaf pick, value pick]. */
const arbStray = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: OFFICE_LEAVES.length - 1 }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 12 });

describe('office-recorded leaves: properties', () => {
  it('adding or changing raters’ entries on office leaves never changes any figure', () => {
    fc.assert(
      fc.property(arbInput, arbStray, (base, stray) => {
        const noise = stray.map(([r, b, l, v]) => {
          const indicatorId = OFFICE_LEAVES[l]!;
          // Veto entries are 0/1; the others any count or points.
          return { raterId: (r % base.raters.length) + 1, branchId: (b % base.branches.length) + 1, indicatorId, value: indicatorId === 14 ? v % 2 : v };
        });
        const expected = everything(new Engine(base), base);
        // As part of the input (the loader's path) …
        const withNoise = { ...base, scores: [...base.scores, ...noise] };
        expect(everything(new Engine(withNoise), withNoise)).toEqual(expected);
        // … and entered one by one, then changed (the scoring screen's path).
        const engine = new Engine(base);
        for (const n of noise) engine.setEntry(n.raterId, n.branchId, n.indicatorId, n.value);
        for (const n of noise) engine.setEntry(n.raterId, n.branchId, n.indicatorId, (n.value + 1) % 2);
        expect(everything(engine, base)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('setOffice gives the same results and explanations as computing everything again', () => {
    fc.assert(
      fc.property(arbInput, fc.array(fc.tuple(fc.nat(), fc.nat({ max: OFFICE_LEAVES.length - 1 }), fc.option(fc.integer({ min: 0, max: 7 }), { nil: null })), { minLength: 1, maxLength: 5 }), (base, edits) => {
        const engine = new Engine(base);
        let records = [...(base.office ?? [])];
        for (const [b, l, v] of edits) {
          const branchId = (b % base.branches.length) + 1;
          const indicatorId = OFFICE_LEAVES[l]!;
          const value = v === null ? null : indicatorId === 14 ? v % 2 : v;
          records = records.filter((r) => !(r.branchId === branchId && r.indicatorId === indicatorId));
          if (value === null) engine.setOffice({ branchId, indicatorId, value });
          else {
            const record = { branchId, indicatorId, value, evidence: `改${branchId}-${indicatorId}`, evidenceDate: '2026-12-02' };
            engine.setOffice(record);
            records.push(record);
          }
        }
        const recomputed = { ...base, office: records };
        expect(everything(engine, base)).toEqual(everything(new Engine(recomputed), recomputed));
      }),
      { numRuns: 120 },
    );
  });

  it('an office leaf is missing once per branch without a record, whatever the number of raters', () => {
    fc.assert(
      fc.property(arbInput, (base) => {
        const withAll = { ...base, office: base.branches.flatMap((b) => OFFICE_LEAVES.map((indicatorId) => ({ branchId: b.id, indicatorId, value: 0, evidence: '', evidenceDate: null }))) };
        const full = computeResults(withAll);
        const partial = computeResults(base);
        for (const b of partial.branches) {
          const recorded = (base.office ?? []).filter((r) => r.branchId === b.branchId).length;
          const before = full.branches.find((x) => x.branchId === b.branchId)!.missing;
          expect(b.missing - before).toBe(OFFICE_LEAVES.length - recorded);
        }
      }),
      { numRuns: 100 },
    );
  });
});
