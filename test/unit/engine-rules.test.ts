/**
 * 细则 leaves (method kind 'rules', issue 11 §1; docs/scoring-rules.md “细则（按条扣分/加分）”) through the real
 * engine. A hand-computed fixture: the working in the comments is done from the documented rules, not from the
 * engine — the engine only ever sees each record's total (findingsTotal), so the totals are worked by hand too.
 */
import { describe, expect, it } from 'vitest';
import { findingsProblem, findingsTotal, type Finding } from '../../shared/domain/findings';
import type { Indicator, LeafMethod, LeafRule } from '../../shared/domain/framework';
import { validateFramework } from '../../shared/domain/framework-validate';
import type { PeriodSettingsInput } from '../../shared/domain/period';
import { PeriodSettings } from '../../shared/domain/period';
import { Engine, computeResults } from '../../shared/engine';
import { buildTree, entryText, findingLines, methodRule, poolOf } from '../../renderer/src/pages/results/format';
import { displayValue, inPool, methodRule as sideRule, pointsOf } from '../../renderer/src/pages/scoring/model';
import type { EngineOfficeRecord } from '../../shared/engine/types';
import { indicators, input, rating, type NodeSpec } from '../helpers/engine-input';

type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;
const rule = (text: string, basis: 'once' | 'each', min: number, max = min, cap: number | null = null): LeafRule => ({ text, basis, min, max, cap });
const deduct = (rules: LeafRule[], floorAtZero = true): RulesMethod => ({ kind: 'rules', effect: 'deduct', rules, floorAtZero });
const add = (rules: LeafRule[]): RulesMethod => ({ kind: 'rules', effect: 'add', rules, floorAtZero: true });
const office = <M extends LeafMethod>(method: M): M => ({ ...method, entry: 'office' });

// 1.1 三会一课 10 分，扣完为止:
//   ① 未按时召开支委会，每次扣1分，最多扣3分 · ② 组织生活会质量不高的，扣1—2分 · ③ 台账记录不规范，每处扣0.5—1分
const M11 = deduct([
  rule('未按时召开支委会', 'each', 1, 1, 3),
  rule('组织生活会质量不高', 'once', 1, 2),
  rule('台账记录不规范', 'each', 0.5, 1),
]);
// 1.2 党费收缴 5 分, not floored (floorAtZero false: 超出部分从本部分扣减): ① 未按时收缴党费，每次扣2分
const M12 = deduct([rule('未按时收缴党费', 'each', 2)], false);
// 2 组织建设 10 分, a pool (扣分池，扣完为止); 2.1 has no points of its own:
//   ① 发展党员程序不规范，每次扣3分，最多扣9分 · ② 未按期换届，扣5分
const M21 = deduct([rule('发展党员程序不规范', 'each', 3, 3, 9), rule('未按期换届', 'once', 5)]);
// 4 上级表彰 (all bonus, 本部分加分最多5分): 4.1 加分 3 分: ① 获市级表彰，加2分 · ② 经验被推广，每次加1—1.5分，最多加2分
//                                             4.2 加分 4 分: ① 获省级表彰，加3分
const M41 = add([rule('获市级表彰', 'once', 2), rule('经验被推广', 'each', 1, 1.5, 2)]);
const M42 = add([rule('获省级表彰', 'once', 3)]);

// Base 100 = 1 (30) + 2 (10) + 3 (60); 4 is bonus (7 of leaves, section cap 5), the period's bonus cap 4.5.
// Tag maxima: party = 1.1 10 + 1.2 5 + 1.3 15 + the pool's 10 = 40; business 60; fusion 0 (bonus only).
const SPECS: NodeSpec[] = [
  { id: 1, code: '1', tag: 'party', max: 30 },
  { id: 11, parent: 1, code: '1.1', tag: 'party', max: 10, method: M11 },
  { id: 12, parent: 1, code: '1.2', tag: 'party', max: 5, method: M12 },
  { id: 13, parent: 1, code: '1.3', tag: 'party', max: 15, method: office(rating()) },
  { id: 2, code: '2', tag: 'party', max: 10, options: { pool: true } },
  { id: 21, parent: 2, code: '2.1', tag: 'party', max: 0, method: M21 },
  { id: 22, parent: 2, code: '2.2', tag: 'party', max: 0, method: office({ kind: 'deduction', perOccurrence: 2 }) },
  { id: 3, code: '3', tag: 'business', max: 60 },
  { id: 31, parent: 3, code: '3.1', tag: 'business', max: 60, method: office(rating()) },
  { id: 4, code: '4', tag: 'fusion', max: 7, options: { bonusCap: 5 } },
  { id: 41, parent: 4, code: '4.1', tag: 'fusion', max: 3, method: M41 },
  { id: 42, parent: 4, code: '4.2', tag: 'fusion', max: 4, method: M42 },
];
const FRAMEWORK = indicators(SPECS);
const METHODS: Record<number, RulesMethod> = { 11: M11, 12: M12, 21: M21, 41: M41, 42: M42 };
const SETTINGS: PeriodSettingsInput = { combine: 'mean', normalize: false, bonusCap: 4.5, quotas: [] };

const f = (rule: number, count: number, amount: number): Finding => ({ rule, count, amount });
/** The office's findings per [branch, leaf]; the reasons are filled in (one per finding). */
const FINDINGS: [number, number, Finding[]][] = [
  // B1
  [1, 11, [f(0, 5, 1), f(1, 1, 1.5), f(2, 2, 0.8)]],
  [1, 12, [f(0, 1, 2)]],
  [1, 21, [f(0, 2, 3), f(1, 1, 5)]],
  [1, 41, [f(0, 1, 2), f(1, 3, 1.5)]],
  [1, 42, [f(0, 1, 3)]],
  // B2
  [2, 11, [f(0, 2, 1), f(1, 1, 2), f(2, 12, 1)]],
  [2, 12, [f(0, 4, 2)]],
  [2, 21, [f(0, 1, 3)]],
  [2, 41, [f(0, 1, 2), f(1, 1, 1.2)]],
  [2, 42, []],
  // B3: checked, nothing found on 1.1, 1.2 and 4.1; 2.1 not yet recorded.
  [3, 11, []],
  [3, 12, []],
  [3, 41, []],
  [3, 42, [f(0, 1, 3)]],
];
const reasons = (fs: Finding[]) => fs.map((_, i) => `检查记录第${i + 1}处问题`);
// Other office leaves [branch, leaf, value]: 1.3 rating, 2.2 occurrences, 3.1 rating.
const PLAIN: [number, number, number][] = [
  [1, 13, 14], [1, 22, 0], [1, 31, 50],
  [2, 13, 15], [2, 22, 1], [2, 31, 55],
  [3, 13, 15], [3, 22, 0], [3, 31, 60],
];
const record = (branchId: number, indicatorId: number, value: number, extra: Partial<EngineOfficeRecord> = {}): EngineOfficeRecord => ({
  branchId,
  indicatorId,
  value,
  evidence: `考核组检查记录〔2026〕${indicatorId}号`,
  evidenceDate: '2026-11-30',
  ...extra,
});
const OFFICE: EngineOfficeRecord[] = [
  ...FINDINGS.map(([b, id, fs]) => record(b, id, findingsTotal(METHODS[id]!, fs), { findings: fs, reasons: reasons(fs) })),
  ...PLAIN.map(([b, id, v]) => record(b, id, v)),
];
const fixture = (settings: PeriodSettingsInput = SETTINGS) => input({ indicators: FRAMEWORK, branches: 3, scores: [], office: OFFICE, settings });

// Working by hand (rule totals: Σ count × amount, each cut to the rule's cap; then the leaf):
// B1 1.1: ① 5 × 1 = 5 → cap 3; ② once 1.5; ③ 2 × 0.8 = 1.6 → 3 + 1.5 + 1.6 = 6.1 deducted → 10 − 6.1 = 3.9.
//    1.2: ① 1 × 2 = 2 → 5 − 2 = 3.        1.3: 14.        Section 1 = 3.9 + 3 + 14 = 20.9.
//    Pool 2: 2.1 ① 2 × 3 = 6 (cap 9 not reached) + ② 5 = 11; 2.2 0 → 11 > 10 → 扣完为止: 0 (10 lost as applied).
//    3.1: 50. Base = 20.9 + 0 + 50 = 70.9.
//    Bonus: 4.1 ① 2 + ② 3 × 1.5 = 4.5 → cap 2 → 4 > its 3 points → 3; 4.2 ① 3 → 3. Raw 6 → section cap 5 →
//    period cap 4.5 → 4.5. Total 75.4, 一般. Deducted: 6.1 + 2 + 10 = 18.1. Party 3.9 + 3 + 14 + 0 = 20.9.
// B2 1.1: ① 2 × 1 = 2; ② once 2; ③ 12 × 1 = 12 → 16 > 10 → 扣完为止: 0.
//    1.2 (not floored): ① 4 × 2 = 8 → 5 − 8 = −3: takes 3 off its section. 1.3: 15. Section 1 = 0 − 3 + 15 = 12.
//    Pool 2: 2.1 ① 1 × 3 = 3; 2.2 1 × 2 = 2 → 10 − 5 = 5.  3.1: 55. Base = 12 + 5 + 55 = 72.
//    Bonus: 4.1 ① 2 + ② 1.2 = 3.2 → its 3 points → 3; 4.2 nothing → 0. Raw 3 (no cap bites). Total 75, 一般.
//    Deducted: 1.1 10 + 1.2 (5 − (−3)) 8 + pool 5 = 23. Party 0 − 3 + 15 + 5 = 17.
// B3 1.1 10, 1.2 5, 1.3 15 → 30. Pool: 2.1 not recorded (missing, incomplete), 2.2 0 → 10. 3.1 60 → base 100.
//    Bonus: 4.1 0; 4.2 3 → 3. Total 103, 优秀, incomplete (1 missing). Deducted 0.
// Ranks: B3 103, B1 75.4, B2 75.
describe('细则 leaves: a hand-computed fixture', () => {
  const engine = new Engine(fixture());
  const row = (id: number) => engine.result.branches.find((b) => b.branchId === id)!;

  it('the fixture is a valid framework, and every record is a valid set of findings', () => {
    const stored: Indicator[] = FRAMEWORK.map((n) => ({ ...n, criteria: '', evidence: '' }));
    expect(validateFramework(stored)).toEqual([]);
    for (const [, id, fs] of FINDINGS) expect(findingsProblem(METHODS[id]!, fs, reasons(fs))).toBeNull();
  });

  it('each record totals its findings rule by rule, each rule cut to its cap', () => {
    const totals = FINDINGS.map(([b, id, fs]) => [b, id, findingsTotal(METHODS[id]!, fs)]);
    expect(totals).toEqual([
      [1, 11, 6.1], [1, 12, 2], [1, 21, 11], [1, 41, 4], [1, 42, 3],
      [2, 11, 16], [2, 12, 8], [2, 21, 3], [2, 41, 3.2], [2, 42, 0],
      [3, 11, 0], [3, 12, 0], [3, 41, 0], [3, 42, 3],
    ]);
  });

  it('totals, grades and ranks as worked by hand', () => {
    expect(engine.result.baseMax).toBe(100);
    expect(engine.result.tagMax).toEqual({ party: 40, business: 60, fusion: 0 });
    expect(engine.result.branches.map((b) => [b.branchId, b.base, b.bonus, b.total, b.grade, b.rank])).toEqual([
      [3, 100, 3, 103, '优秀', 1],
      [1, 70.9, 4.5, 75.4, '一般', 2],
      [2, 72, 3, 75, '一般', 3],
    ]);
    expect([1, 2, 3].map((id) => row(id).tags.party.points)).toEqual([20.9, 17, 40]);
    expect([1, 2, 3].map((id) => row(id).deducted)).toEqual([18.1, 23, 0]);
    expect([1, 2, 3].map((id) => [row(id).complete, row(id).missing])).toEqual([[true, 0], [true, 0], [false, 1]]);
  });

  it('a floored leaf stops at 0; an unfloored one goes below 0 and takes the rest off its section', () => {
    expect([11, 12, 13, 1].map((id) => row(1).nodes[id]!.points)).toEqual([3.9, 3, 14, 20.9]);
    expect([11, 12, 13, 1].map((id) => row(2).nodes[id]!.points)).toEqual([0, -3, 15, 12]);
    const b2 = engine.explainBranch(2)!;
    expect(b2.nodes.find((n) => n.indicatorId === 1)).toMatchObject({ childrenSum: 12, points: 12, capped: false });
  });

  it("a 细则 leaf's explanation carries what its findings deducted, the findings and their reasons", () => {
    const cell = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!;
    expect(cell.method).toBe('rules');
    expect(cell.groups).toEqual([]);
    expect(cell.office).toMatchObject({ value: 6.1, evidence: '考核组检查记录〔2026〕11号', findings: FINDINGS[0]![2], reasons: reasons(FINDINGS[0]![2]) });
    expect(cell.value).toBeCloseTo(3.9, 9);
    // B2 1.1: 16 deducted, the leaf stops at 0.
    expect(engine.explainBranch(2)!.cells.find((c) => c.indicatorId === 11)).toMatchObject({ value: 0, office: { value: 16 } });
  });

  it('a deducting 细则 leaf in a pool takes its total off the pool, and the pool floors at 0', () => {
    expect([21, 22, 2].map((id) => row(1).nodes[id]!.points)).toEqual([-11, 0, 0]);
    expect([21, 22, 2].map((id) => row(2).nodes[id]!.points)).toEqual([-3, -2, 5]);
    expect(row(3).nodes[21]).toEqual({ points: null, complete: false });
    expect(engine.explainBranch(1)!.nodes.find((n) => n.indicatorId === 2)!.pool).toEqual({ deducted: 11, floored: true });
    expect(engine.explainBranch(2)!.nodes.find((n) => n.indicatorId === 2)!.pool).toEqual({ deducted: 5, floored: false });
  });

  it('an adding leaf is capped by its points, then by the section cap, then by the period cap', () => {
    expect([41, 42, 4].map((id) => row(1).nodes[id]!.points)).toEqual([3, 3, 5]);
    const b1 = engine.explainBranch(1)!;
    expect(b1.nodes.find((n) => n.indicatorId === 4)!.bonusCap).toEqual({ raw: 6, cap: 5, capped: true });
    expect(b1.totals).toEqual({ base: 70.9, bonusRaw: 6, bonusSections: 5, bonusCap: 4.5, bonus: 4.5, total: 75.4 });
    expect(row(2).nodes[41]!.points).toBe(3);
    // Without the period cap the section cap alone decides B1's bonus: 5, not 6.
    const loose = computeResults(fixture({ ...SETTINGS, bonusCap: null }));
    expect(loose.branches.map((b) => [b.branchId, b.bonus, b.total])).toEqual([
      [3, 3, 103],
      [1, 5, 75.9],
      [2, 3, 75],
    ]);
  });

  it('recording the outstanding 细则 leaf gives what computing everything again gives', () => {
    // B3 2.1: ① 4 × 3 = 12 → cap 9; pool 10 − 9 = 1 → base 91, total 94, complete.
    const fs = [f(0, 4, 3)];
    const late = record(3, 21, findingsTotal(M21, fs), { findings: fs, reasons: reasons(fs) });
    expect(late.value).toBe(9);
    const live = new Engine(fixture());
    const after = live.setOffice(late);
    const b3 = after.branches.find((b) => b.branchId === 3)!;
    expect([b3.base, b3.total, b3.complete, b3.deducted, b3.nodes[2]!.points]).toEqual([91, 94, true, 9, 1]);
    expect(after).toEqual(computeResults({ ...fixture(), office: [...OFFICE, late] }));
  });

  it("raters' entries on a 细则 leaf never count: the office records it", () => {
    const stray = [{ raterId: 1, branchId: 1, indicatorId: 11, value: 0 }, { raterId: 2, branchId: 1, indicatorId: 41, value: 3 }];
    expect(computeResults({ ...fixture(), scores: stray })).toEqual(engine.result);
  });
});

// ---- Framework checks for 细则 leaves (framework-validate.ts) ----

const stored = (specs: NodeSpec[]): Indicator[] => indicators(specs).map((n) => ({ ...n, criteria: '', evidence: '' }));
const issues = (specs: NodeSpec[]) => validateFramework(stored(specs)).map((i) => `${i.severity} ${i.message}`);
/** The fixture with one leaf's method (and, optionally, points) replaced. */
const withLeaf = (id: number, method: LeafMethod, max?: number): NodeSpec[] =>
  SPECS.map((s) => (s.id === id ? { ...s, method, ...(max === undefined ? {} : { max }) } : s));
const swapRule = (m: RulesMethod, i: number, r: LeafRule): RulesMethod => ({ ...m, rules: m.rules.map((x, j) => (j === i ? r : x)) });

describe('framework checks for 细则 leaves: each message names the indicator and the rule', () => {
  it('a range whose lowest amount is above its highest', () => {
    expect(issues(withLeaf(11, swapRule(M11, 2, rule('组织生活会质量不高', 'once', 3, 2))))).toEqual([
      'error 1.1 指标1.1：细则③“组织生活会质量不高”：最低 3 分高于最高 2 分',
    ]);
  });

  it("a rule's single amount above the leaf's points, the pool's points, or an adding leaf's points", () => {
    expect(issues(withLeaf(12, deduct([rule('未按时收缴党费', 'each', 6)], false)))).toEqual([
      'error 1.2 指标1.2：细则①“未按时收缴党费”：一次扣 6 分，超过本项 5 分',
    ]);
    // A range is measured by its top.
    expect(issues(withLeaf(11, swapRule(M11, 2, rule('组织生活会质量不高', 'once', 1, 12))))).toEqual([
      'error 1.1 指标1.1：细则③“组织生活会质量不高”：一次扣 12 分，超过本项 10 分',
    ]);
    expect(issues(withLeaf(21, swapRule(M21, 1, rule('未按期换届', 'once', 12))))).toEqual([
      'error 2.1 指标2.1：细则②“未按期换届”：一次扣 12 分，超过扣分池“2 指标2”的 10 分',
    ]);
    expect(issues(withLeaf(42, add([rule('获省级表彰', 'once', 5)])))).toEqual(['error 4.2 指标4.2：细则①“获省级表彰”：一次加 5 分，超过本项 4 分']);
  });

  it('a cap below the rule’s lowest amount is an error; a cap the item reaches first is a warning', () => {
    expect(issues(withLeaf(11, swapRule(M11, 1, rule('组织生活会质量不高', 'once', 1, 2, 0.5))))).toEqual([
      'error 1.1 指标1.1：细则②“组织生活会质量不高”：最多扣 0.5 分，低于一次的最低分值 1 分',
    ]);
    expect(issues(withLeaf(11, swapRule(M11, 0, rule('未按时召开支委会', 'each', 1, 1, 10))))).toEqual([
      'warning 1.1 指标1.1：细则①“未按时召开支委会”：最多扣 10 分，不小于本项 10 分，不起作用',
    ]);
    expect(issues(withLeaf(21, swapRule(M21, 0, rule('发展党员程序不规范', 'each', 3, 3, 10))))).toEqual([
      'warning 2.1 指标2.1：细则①“发展党员程序不规范”：最多扣 10 分，不小于扣分池“2 指标2”的 10 分，不起作用',
    ]);
    // Not floored, the leaf can lose more than its points: a cap above them still bites.
    expect(issues(withLeaf(12, deduct([rule('未按时收缴党费', 'each', 2, 2, 8)], false)))).toEqual([]);
  });

  it('a 细则 leaf needs points outside a pool, none inside one, and a pool takes only deducting 细则', () => {
    expect(issues(withLeaf(11, M11, 0))).toContain('error 1.1 指标1.1：细则扣分项的分值应大于 0（扣分从这个分值中扣除）');
    expect(issues(withLeaf(41, M41, 0))).toContain('error 4.1 指标4.1：细则加分项的分值（加分上限）应大于 0');
    expect(issues(withLeaf(21, M21, 2))).toContain('error 2.1 指标2.1：属于扣分池“2 指标2”，本身不计分，分值应为 0（扣分从扣分池的 10 分中扣除）');
    expect(issues(withLeaf(21, add([rule('获表彰', 'once', 1)])))).toContain('error 2.1 指标2.1：属于扣分池“2 指标2”，只能是评分方法为“扣分”的末级指标');
  });

  it('warns of an adding leaf under a base section and of an unfloored leaf with no section to take from', () => {
    const specs: NodeSpec[] = [
      { id: 1, code: '1', max: 100 },
      { id: 11, parent: 1, code: '1.1', max: 100, method: rating() },
      { id: 12, parent: 1, code: '1.2', max: 2, method: add([rule('获表彰', 'once', 1)]) },
      { id: 2, code: '2', max: 0, method: deduct([rule('安全事故', 'each', 1)], false) },
    ];
    expect(issues(specs)).toEqual([
      'warning 1.2 指标1.2：细则加分项放在普通指标之下：它计入加分，不计入上级指标的分值',
      'error 2 指标2：细则扣分项的分值应大于 0（扣分从这个分值中扣除）',
    ]);
    const rooted = specs.map((s) => (s.id === 2 ? { ...s, max: 5 } : s.id === 1 ? { ...s, max: 95 } : s.id === 11 ? { ...s, max: 95 } : s));
    expect(issues(rooted)).toEqual([
      'warning 1.2 指标1.2：细则加分项放在普通指标之下：它计入加分，不计入上级指标的分值',
      'warning 2 指标2：不扣完为止，但没有上级指标：超出本项分值的扣分会直接从基本分中扣除',
    ]);
  });
});

// ---- How the screens word a 细则 leaf (results drawer, scoring side panel) ----

describe('细则 leaves in words on the results and scoring screens', () => {
  const stored: Indicator[] = FRAMEWORK.map((n) => ({ ...n, criteria: '', evidence: '' }));
  const tree = buildTree(stored);
  const leaf = (id: number) => tree.byId.get(id)!;
  const settings = PeriodSettings.parse(SETTINGS);

  it('names the rules of a leaf, and a pool child names its pool', () => {
    expect(methodRule(leaf(11), settings)).toBe(
      '满分 10，按细则逐条扣分，扣完为止：①未按时召开支委会（每次扣1分，最多扣3分）；②组织生活会质量不高（扣1—2分）；③台账记录不规范（每次扣0.5—1分）',
    );
    expect(methodRule(leaf(12), settings)).toBe('满分 5，按细则逐条扣分，不设下限（超出部分从所在部分扣减）：①未按时收缴党费（每次扣2分）');
    expect(methodRule(leaf(41), settings)).toBe('按细则逐条加分，本项最多 3 分：①获市级表彰（加2分）；②经验被推广（每次加1—1.5分，最多加2分）');
    expect(poolOf(tree, leaf(21))?.id).toBe(2);
    expect(poolOf(tree, leaf(11))).toBeNull();
    expect(methodRule(leaf(21), settings, poolOf(tree, leaf(21)))).toBe(
      '扣分池“指标2”的细则：从本部分 10 分中扣减，扣完为止：①发展党员程序不规范（每次扣3分，最多扣9分）；②未按期换届（扣5分）',
    );
  });

  it("says what the office's findings deducted, finding by finding", () => {
    const engine = new Engine(fixture());
    const cell = engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 11)!;
    expect(entryText(leaf(11).method, cell.office!.value!)).toBe('细则扣 6.1 分');
    expect(entryText(leaf(41).method, 4)).toBe('细则加 4 分');
    expect(entryText(leaf(11).method, 0)).toBe('未发现问题');
    expect(findingLines(leaf(11).method, cell)).toEqual([
      '①未按时召开支委会×5，扣5分：检查记录第1处问题',
      '②组织生活会质量不高，扣1.5分：检查记录第2处问题',
      '③台账记录不规范×2，扣1.6分：检查记录第3处问题',
    ]);
    // A leaf of another kind has no finding lines.
    expect(findingLines(leaf(13).method, engine.explainBranch(1)!.cells.find((c) => c.indicatorId === 13)!)).toEqual([]);
  });

  it("the scoring side panel shows the office's total and its points; a pool child shows what it takes off the pool", () => {
    const row = (id: number, path: number[]) => ({ leaf: leaf(id), method: leaf(id).method!, path: path.map(leaf) });
    expect(displayValue(M11, 6.1)).toBe('扣 6.1 分');
    expect(pointsOf(row(11, [1]), 6.1)).toBeCloseTo(3.9, 9);
    expect(inPool(row(21, [2]))).toBe(true);
    expect(pointsOf(row(21, [2]), 11)).toBe(-11);
    expect(pointsOf(row(41, [4]), 4)).toBe(3);
    expect(sideRule(leaf(42), M42)).toBe('细则加分：最多 4 分，由考核组逐条核定：①获省级表彰（加3分）');
  });
});
