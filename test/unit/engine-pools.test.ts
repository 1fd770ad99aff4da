/**
 * 扣分池（扣完为止） and 加分上限（分部） (docs/scoring-rules.md): node options as 考核细则 write them. A
 * hand-computed fixture (the working in the comments, from the documented rules, not from the engine),
 * and the framework checks that go with the options.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, LeafMethod } from '../../shared/domain/framework';
import { hasErrors, validateFramework } from '../../shared/domain/framework-validate';
import type { PeriodSettingsInput } from '../../shared/domain/period';
import { Engine, computeResults } from '../../shared/engine';
import { oneRaterInput } from '../../shared/engine/one-rater';
import { entries, indicators, input, officeRecords, rating, type ListInput, type NodeSpec } from '../helpers/engine-input';

const office = <M extends LeafMethod>(method: M): M => ({ ...method, entry: 'office' });
const deduction = (perOccurrence: number): LeafMethod => ({ kind: 'deduction', perOccurrence });
const bonus = (perItem: number): LeafMethod => ({ kind: 'bonus', perItem });

// 100 base points + two bonus places:
//   1 基础工作 party 20, a pool (本部分共20分，按下列细则扣分，扣完为止); its children have no points of their own:
//       1.1 组织生活缺次 deduction 5 per occurrence (office) · 1.2 台账不全 deduction 2 (panel) · 1.3 材料迟报 deduction 1 (panel)
//   2 业务 business 80 = 2.1 rating 80 (panel)
//   3 上级表彰 fusion 6, all bonus, section cap 5 (本部分加分最多不超过5分):
//       3.1 国家级 bonus 3 per item, max 3 · 3.2 省级 2, max 2 · 3.3 市级 1, max 1 (all office)
//   4 其他加分 fusion, a bonus leaf at the top, 1 per item, max 2 (office)
// Base max = 20 + 80 = 100. Tag maxima: party = the pool's 20 (its children add 0), business 80, fusion 0.
const SPECS: NodeSpec[] = [
  { id: 1, code: '1', tag: 'party', max: 20, options: { pool: true } },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 0, method: office(deduction(5)) },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 0, method: deduction(2) },
  { id: 13, parent: 1, code: '1.3', tag: 'party', max: 0, method: deduction(1) },
  { id: 2, code: '2', tag: 'business', max: 80 },
  { id: 21, parent: 2, code: '2.1', tag: 'business', max: 80, method: rating() },
  { id: 3, code: '3', tag: 'fusion', max: 6, options: { bonusCap: 5 } },
  { id: 31, parent: 3, code: '3.1', tag: 'fusion', max: 3, method: office(bonus(3)) },
  { id: 32, parent: 3, code: '3.2', tag: 'fusion', max: 2, method: office(bonus(2)) },
  { id: 33, parent: 3, code: '3.3', tag: 'fusion', max: 1, method: office(bonus(1)) },
  { id: 4, code: '4', tag: 'fusion', max: 2, method: office(bonus(1)) },
];
const FRAMEWORK = indicators(SPECS);

// Groups 1 (weight 0.6) = r1, r2; 2 (weight 0.4) = r3, r4. Mean within a group, weighted mean across.
const SETTINGS: PeriodSettingsInput = { combine: 'mean', normalize: false, bonusCap: 5, quotas: [] };
const GROUPS = [{ id: 1, weight: 0.6 }, { id: 2, weight: 0.4 }];
const RATERS = [{ id: 1, groupId: 1 }, { id: 2, groupId: 1 }, { id: 3, groupId: 2 }, { id: 4, groupId: 2 }];

// Panel entries [rater, branch, leaf, value]: occurrences on 1.2 / 1.3, points on 2.1.
const PANEL = entries([
  // B1: 1.2 2, 2 | 2, 2 · 1.3 4, 4 | 4, 4 · 2.1 70, 72 | 74, 76
  [1, 1, 12, 2], [2, 1, 12, 2], [3, 1, 12, 2], [4, 1, 12, 2],
  [1, 1, 13, 4], [2, 1, 13, 4], [3, 1, 13, 4], [4, 1, 13, 4],
  [1, 1, 21, 70], [2, 1, 21, 72], [3, 1, 21, 74], [4, 1, 21, 76],
  // B2: 1.2 1, 0 | 2, 2 · 1.3 3, 1 | 0, 2 · 2.1 75 ×4
  [1, 2, 12, 1], [2, 2, 12, 0], [3, 2, 12, 2], [4, 2, 12, 2],
  [1, 2, 13, 3], [2, 2, 13, 1], [3, 2, 13, 0], [4, 2, 13, 2],
  [1, 2, 21, 75], [2, 2, 21, 75], [3, 2, 21, 75], [4, 2, 21, 75],
  // B3: 1.2 0 ×4 · 1.3 1 ×4 · 2.1 70 ×4
  [1, 3, 12, 0], [2, 3, 12, 0], [3, 3, 12, 0], [4, 3, 12, 0],
  [1, 3, 13, 1], [2, 3, 13, 1], [3, 3, 13, 1], [4, 3, 13, 1],
  [1, 3, 21, 70], [2, 3, 21, 70], [3, 3, 21, 70], [4, 3, 21, 70],
]);

// The office's records [branch, leaf, value]: B3's 1.1 check is outstanding (no record).
const OFFICE = officeRecords([
  [1, 11, 3], [1, 31, 1], [1, 32, 1], [1, 33, 1], [1, 4, 2],
  [2, 11, 1], [2, 31, 1], [2, 32, 1], [2, 33, 1], [2, 4, 0],
  [3, 31, 0], [3, 32, 1], [3, 33, 1], [3, 4, 1],
]);

const fixture = (settings: PeriodSettingsInput = SETTINGS): ListInput =>
  input({ indicators: FRAMEWORK, branches: 3, groups: GROUPS, raters: RATERS, scores: PANEL, office: OFFICE, settings });

// Working, per branch (deductions per rater = occurrences × rate, combined like points):
// B1 pool: 1.1 office 3 × 5 = 15; 1.2 every rater 2 × 2 = 4 → 4; 1.3 every rater 4 × 1 = 4 → 4.
//          Deductions 15 + 4 + 4 = 23 > 20 → 扣完为止: pool = max(0, 20 − 23) = 0 (floored; 20 lost as applied).
//    2.1 = 0.6 × (70 + 72)/2 + 0.4 × (74 + 76)/2 = 42.6 + 30 = 72.6 → base 0 + 72.6 = 72.6.
//    Bonus: section 3 = 3 + 2 + 1 = 6 → its cap 5; leaf 4 = 2 × 1 = 2. Raw 8, after sections 5 + 2 = 7,
//    period cap 5 → 5. Total 77.6, 一般.
// B2 pool: 1.1 office 1 × 5 = 5; 1.2 deductions 2, 0 | 4, 4 → groups 1, 4 → 0.6 × 1 + 0.4 × 4 = 2.2;
//          1.3 deductions 3, 1 | 0, 2 → groups 2, 1 → 0.6 × 2 + 0.4 × 1 = 1.6. 5 + 2.2 + 1.6 = 8.8 → pool 11.2.
//    2.1 = 75 → base 86.2. Bonus: section 6 → 5 (the section cap bites); leaf 4 = 0; 5 ≤ period cap 5 → 5.
//    Total 91.2, 优秀.
// B3 pool: 1.1 not recorded (missing once, incomplete); 1.2 0; 1.3 1 × 4 raters → 1. Pool = 20 − 1 = 19.
//    2.1 = 70 → base 89. Bonus: section 0 + 2 + 1 = 3 (no cap bites); leaf 4 = 1 → 4. Total 93, 优秀, incomplete.
// Ranks by total: B3 93 (1), B2 91.2 (2), B1 77.6 (3). Party (= the pool): 0 / 11.2 / 19 of 20.
// Deducted (tie-break, as applied): B1 20 (not 23), B2 8.8, B3 1.
describe('扣分池 and 加分上限（分部）: a hand-computed fixture', () => {
  const engine = new Engine(fixture());
  const row = (id: number) => engine.result.branches.find((b) => b.branchId === id)!;

  it('totals, grades and ranks as worked by hand', () => {
    expect(engine.result.baseMax).toBe(100);
    expect(engine.result.tagMax).toEqual({ party: 20, business: 80, fusion: 0 });
    expect(engine.result.branches.map((b) => [b.branchId, b.base, b.bonus, b.total, b.grade, b.rank])).toEqual([
      [3, 89, 4, 93, '优秀', 1],
      [2, 86.2, 5, 91.2, '优秀', 2],
      [1, 72.6, 5, 77.6, '一般', 3],
    ]);
    expect([1, 2, 3].map((id) => row(id).tags.party.points)).toEqual([0, 11.2, 19]);
    expect([1, 2, 3].map((id) => row(id).deducted)).toEqual([20, 8.8, 1]);
    expect([1, 2, 3].map((id) => [row(id).complete, row(id).missing])).toEqual([[true, 0], [true, 0], [false, 1]]);
  });

  it('a pool is what its children leave of it, floored at 0; its children show their deduction as negative points', () => {
    expect(row(1).nodes[1]).toEqual({ points: 0, complete: true });
    expect(row(2).nodes[1]).toEqual({ points: 11.2, complete: true });
    expect(row(3).nodes[1]).toEqual({ points: 19, complete: false });
    expect([11, 12, 13].map((id) => row(1).nodes[id]!.points)).toEqual([-15, -4, -4]);
    expect([11, 12, 13].map((id) => row(3).nodes[id]!.points)).toEqual([null, 0, -1]);

    const b1 = engine.explainBranch(1)!.nodes.find((n) => n.indicatorId === 1)!;
    expect(b1.pool).toEqual({ deducted: 23, floored: true });
    expect(b1.childrenSum).toBe(-23);
    expect(b1.capped).toBe(false);
    const b2 = engine.explainBranch(2)!;
    const pool2 = b2.nodes.find((n) => n.indicatorId === 1)!;
    expect(pool2.pool!.deducted).toBeCloseTo(8.8, 9);
    expect(pool2.pool!.floored).toBe(false);
    // 1.2 on B2: each entry's points are −occurrences × 2; the groups −1 and −4; across them −2.2.
    const cell = b2.cells.find((c) => c.indicatorId === 12)!;
    expect(cell.groups.map((g) => g.scores.map((s) => s.points))).toEqual([[-2, 0], [-4, -4]]);
    expect(cell.groups.map((g) => g.value)).toEqual([-1, -4]);
    expect(cell.value).toBeCloseTo(-2.2, 9);
    // 1.1 is office-recorded: one value, −1 × 5.
    expect(b2.cells.find((c) => c.indicatorId === 11)).toMatchObject({ value: -5, groups: [], office: { value: 1 } });
  });

  it('a section bonus cap bites before the period cap, and the explanation says which one did', () => {
    const b1 = engine.explainBranch(1)!;
    expect(b1.nodes.find((n) => n.indicatorId === 3)).toMatchObject({ points: 5, bonus: true, bonusCap: { raw: 6, cap: 5, capped: true } });
    expect(b1.totals).toEqual({ base: 72.6, bonusRaw: 8, bonusSections: 7, bonusCap: 5, bonus: 5, total: 77.6 });
    const b2 = engine.explainBranch(2)!;
    expect(b2.totals).toMatchObject({ bonusRaw: 6, bonusSections: 5, bonus: 5 });
    const b3 = engine.explainBranch(3)!;
    expect(b3.nodes.find((n) => n.indicatorId === 3)!.bonusCap).toEqual({ raw: 3, cap: 5, capped: false });
    expect(b3.totals).toMatchObject({ bonusRaw: 4, bonusSections: 4, bonus: 4 });
  });

  it('with a looser period cap the section cap alone decides: B1 gets 5 + 2 = 7, not 8', () => {
    const r = computeResults(fixture({ ...SETTINGS, bonusCap: 10 }));
    expect(r.branches.map((b) => [b.branchId, b.bonus, b.total])).toEqual([
      [3, 4, 93],
      [2, 5, 91.2],
      [1, 7, 79.6],
    ]);
  });

  it('recording the outstanding check, or changing an entry, gives what computing everything again gives', () => {
    const live = new Engine(fixture());
    // B3 1.1: 4 occurrences → 20 more deducted: 1 + 20 = 21 > 20 → pool 0, base 70, total 74, complete.
    const after = live.setOffice({ ...officeRecords([[3, 11, 4]])[0]! });
    const b3 = after.branches.find((b) => b.branchId === 3)!;
    expect([b3.base, b3.total, b3.complete, b3.deducted, b3.nodes[1]!.points]).toEqual([70, 74, true, 20, 0]);
    expect(after).toEqual(computeResults({ ...fixture(), office: [...OFFICE, ...officeRecords([[3, 11, 4]])] }));
    const edited = live.setEntry(1, 2, 12, 5);
    const scores = PANEL.map((s) => (s.raterId === 1 && s.branchId === 2 && s.indicatorId === 12 ? { ...s, value: 5 } : s));
    expect(edited).toEqual(computeResults({ ...fixture(), scores, office: [...OFFICE, ...officeRecords([[3, 11, 4]])] }));
  });

  it("a rater's own totals count the pool the same way", () => {
    // r1 on B2: 1.1 office 5, 1.2 1 × 2 = 2, 1.3 3 × 1 = 3 → pool 20 − 10 = 10; 2.1 75 → base 85.
    const mine = PANEL.filter((s) => s.raterId === 1 && s.branchId === 2);
    const one = computeResults(
      oneRaterInput({
        indicators: FRAMEWORK,
        settings: fixture().settings,
        rater: { id: 1, name: '评委1' },
        branches: [{ id: 2, code: 'B2', name: '支部2' }],
        scores: mine,
        office: OFFICE.filter((o) => o.branchId === 2),
      }),
    );
    expect([one.branches[0]!.nodes[1]!.points, one.branches[0]!.base, one.branches[0]!.total]).toEqual([10, 85, 90]);
  });

  it('a framework without options explains nothing about pools or section caps', () => {
    const plain = indicators(SPECS.map(({ options: _options, ...s }) => s).filter((s) => s.parent !== 1 && s.id !== 1));
    const e = new Engine(input({ indicators: plain, branches: 1, scores: [], settings: SETTINGS }));
    const x = e.explainBranch(1)!;
    expect('bonusSections' in x.totals).toBe(false);
    expect(x.nodes.some((n) => 'pool' in n || 'bonusCap' in n)).toBe(false);
  });
});

// ---- Framework checks for the options ----

const stored = (specs: NodeSpec[]): Indicator[] =>
  indicators(specs).map((n) => ({ ...n, criteria: '', evidence: '' }));
const messages = (specs: NodeSpec[]) => validateFramework(stored(specs)).map((i) => `${i.severity} ${i.message}`);

describe('framework checks for 扣分池 and 加分上限（分部）', () => {
  it('the fixture framework is valid: a pool’s children of 0 points do not have to add up to its 20', () => {
    const issues = validateFramework(stored(SPECS));
    expect(issues).toEqual([]);
  });

  it('without the pool option the same children are errors (deduction leaves need points)', () => {
    const specs = SPECS.map((s) => (s.id === 1 ? { ...s, options: undefined } : s));
    const list = messages(specs);
    expect(list).toContain('error 1 指标1：下级指标分值合计 0 分，与本指标的 20 分不一致');
    expect(list).toContain('error 1.2 指标1.2：扣分项的分值应大于 0');
  });

  it('a pool child that is not a deduction leaf, or has points of its own, is named', () => {
    const specs: NodeSpec[] = [
      { id: 1, code: '1', max: 100, options: { pool: true } },
      { id: 11, parent: 1, code: '1.1', max: 0, method: rating() },
      { id: 12, parent: 1, code: '1.2', max: 5, method: deduction(1) },
      { id: 13, parent: 1, code: '1.3', max: 0, method: deduction(150) },
      { id: 14, parent: 1, code: '1.4', max: 0 },
      { id: 141, parent: 14, code: '1.4.1', max: 0, method: deduction(1) },
    ];
    const list = messages(specs);
    expect(list).toContain('error 1.1 指标1.1：属于扣分池“1 指标1”，只能是评分方法为“扣分”的末级指标');
    expect(list).toContain('error 1.4 指标1.4：属于扣分池“1 指标1”，只能是评分方法为“扣分”的末级指标');
    expect(list).toContain('error 1.2 指标1.2：属于扣分池“1 指标1”，本身不计分，分值应为 0（扣分从扣分池的 100 分中扣除）');
    expect(list).toContain('error 1.3 指标1.3：每次扣 150 分，超过扣分池“1 指标1”的 100 分');
    expect(list.some((m) => m.includes('下级指标分值合计') && m.includes('1 指标1：'))).toBe(false);
  });

  it('a pool without children, and a section cap with no bonus below it, are reported', () => {
    const list = messages([
      { id: 1, code: '1', max: 50, method: deduction(1), options: { pool: true } },
      { id: 2, code: '2', max: 50, options: { bonusCap: 3 } },
      { id: 21, parent: 2, code: '2.1', max: 50, method: rating() },
    ]);
    expect(list).toContain('error 1 指标1：设为扣分池（扣完为止），但没有下级扣分细则');
    expect(list).toContain('warning 2 指标2：设置了本部分加分上限 3 分，但其下没有加分项，不起作用');
    expect(hasErrors(validateFramework(stored([{ id: 2, code: '2', max: 100, options: { bonusCap: 3 } }, { id: 21, parent: 2, code: '2.1', max: 100, method: rating() }])))).toBe(false);
  });

  it('a section cap that can never bite is a warning', () => {
    const specs = SPECS.map((s) => (s.id === 3 ? { ...s, options: { bonusCap: 6 } } : s));
    expect(messages(specs)).toEqual(['warning 3 指标3：本部分加分上限 6 分不小于其下加分项上限合计 6 分，不起作用']);
  });
});
