/**
 * A rater group's own combination rule stored with the panel (issue 11 §5): migration 12, panel.saveGroup,
 * the log, the results and their fingerprint that follow it (docs/scoring-rules.md §4). The rule itself is
 * computed in test/unit/engine-group-rules.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAuditFunctions } from '../../electron/db/audit-chain';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { openSqlite } from '../../electron/db/sqlite';
import { resultsFingerprint } from '../../electron/services/fingerprint';
import { buildEngineInput } from '../../electron/services/results';
import { defaultPeriodSettings } from '../../shared/domain/period';
import type { EngineInput } from '../../shared/engine';
import { ok } from '../helpers/result';
import { tempDir, tempServices } from '../helpers/tmp';

describe('migration 12: group rules', () => {
  it('adds combine and trim_min_raters to rater_group: groups of a version-11 database survive with no rule, bad values are refused', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v11.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 11), { file, backupDir: dir });
    db.exec(`INSERT INTO framework (id, name, created_at, updated_at) VALUES (1, '融合考评', 'x', 'x');
             INSERT INTO period (id, name, year, kind, framework_id, settings_json, created_at, updated_at) VALUES (1, '2026年度', 2026, 'annual', 1, '{}', 'x', 'x');
             INSERT INTO rater_group (id, period_id, name, weight, position) VALUES (1, 1, '考评组', 0.7, 0), (2, 1, '职工代表组', 0.3, 1);`);
    const before = db.prepare('SELECT * FROM rater_group ORDER BY id').all() as Record<string, unknown>[];
    migrate(db, migrations, { file, backupDir: dir });

    expect(db.prepare('SELECT * FROM rater_group ORDER BY id').all()).toEqual(before.map((g) => ({ ...g, combine: null, trim_min_raters: null, scope_json: null }))); // scope_json: migration 16
    const set = db.prepare('UPDATE rater_group SET combine = ?, trim_min_raters = ? WHERE id = 1');
    set.run('median', 5);
    expect(db.prepare('SELECT combine, trim_min_raters FROM rater_group WHERE id = 1').get()).toEqual({ combine: 'median', trim_min_raters: 5 });
    expect(() => set.run('max', null)).toThrow(/CHECK/);
    expect(() => set.run(null, 2)).toThrow(/CHECK/);
    expect(() => set.run(null, 51)).toThrow(/CHECK/);
    db.close();
  });
});

/** One branch, one rating leaf of 100 points, one group of three raters who give 60, 80 and 85. */
async function setup() {
  const { invoke, ctx } = tempServices();
  const frameworkId = ok(await invoke('frameworks.create', { name: '考核细则', source: { kind: 'empty' } })).id;
  const leaf = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: { code: '1', name: '生产经营', tag: 'business', maxPoints: 100, method: { kind: 'rating', step: 1 } } }));
  const branchId = ok(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' })).id;
  const periodId = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, branchIds: [branchId] })).id;
  const group = ok(await invoke('panel.saveGroup', { periodId, name: '职工代表组', weight: 1 }));
  const raters: number[] = [];
  for (const name of ['王建国', '李敏', '张海燕']) raters.push(ok(await invoke('panel.saveRater', { periodId, groupId: group.id, name })).id);
  ok(await invoke('periods.advance', { id: periodId, to: 'scoring' }));
  ok(await invoke('entries.save', { periodId, entries: [60, 80, 85].map((value, i) => ({ raterId: raters[i]!, branchId, indicatorId: leaf.id, value, detail: [] })) }));
  ok(await invoke('periods.advance', { id: periodId, to: 'review' }));
  const results = async () => ok(await invoke('results.get', { periodId }));
  const save = async (rule: { combine?: 'mean' | 'trimmed' | 'median' | null; trimMinRaters?: number | null }) =>
    ok(await invoke('panel.saveGroup', { periodId, id: group.id, name: group.name, weight: 1, ...rule }));
  return { invoke, ctx, periodId, branchId, leafId: leaf.id, group, save, results };
}

const withoutRuleKeys = (input: EngineInput): EngineInput => ({ ...input, groups: input.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight })) });

describe('a group’s own rule, through panel.saveGroup', () => {
  it('is stored and read back, the results follow it, and a group without one follows the period', async () => {
    const s = await setup();
    expect(s.group).toMatchObject({ combine: null, trimMinRaters: null });
    // The period's default: trimmed from 5 raters; 3 raters → mean (60 + 80 + 85) / 3 = 75.
    const first = await s.results();
    expect(first.result.branches[0]!.total).toBe(75);

    // Median of 60 80 85 = 80.
    expect(await s.save({ combine: 'median' })).toMatchObject({ combine: 'median', trimMinRaters: null });
    expect(ok(await s.invoke('panel.get', { periodId: s.periodId })).groups[0]).toMatchObject({ combine: 'median', trimMinRaters: null });
    const median = await s.results();
    expect(median.result.branches[0]!.total).toBe(80);
    expect(median.fingerprint).not.toBe(first.fingerprint);

    // Trimmed from 3: drop 60 and 85 → 80; the explanation says the group's rule.
    await s.save({ combine: 'trimmed', trimMinRaters: 3 });
    const trimmed = await s.results();
    expect(trimmed.result.branches[0]!.total).toBe(80);
    expect(trimmed.fingerprint).not.toBe(median.fingerprint);
    const cell = ok(await s.invoke('results.explain', { periodId: s.periodId, branchId: s.branchId })).cells.find((c) => c.indicatorId === s.leafId)!;
    expect(cell.groups.map((g) => [g.rule, g.trimmed, g.value])).toEqual([['trimmed', true, 80]]);

    // Back to no rule: back to the period's result and to the very fingerprint it had.
    expect(await s.save({ combine: null, trimMinRaters: null })).toMatchObject({ combine: null, trimMinRaters: null });
    const back = await s.results();
    expect(back.result.branches[0]!.total).toBe(75);
    expect(back.fingerprint).toBe(first.fingerprint);
  });

  it('logs the rule with the group; a group without one logs as it always did', async () => {
    const s = await setup();
    await s.save({ combine: 'median' });
    await s.save({ combine: 'median', trimMinRaters: null }); // unchanged: no entry
    await s.save({ combine: null });
    const rows = s.ctx.db
      .prepare<[], { old_json: string | null; new_json: string | null }>("SELECT old_json, new_json FROM audit WHERE entity = 'panel' AND action LIKE '%职工代表组%' ORDER BY id")
      .all()
      .map((r) => [r.old_json && JSON.parse(r.old_json), r.new_json && JSON.parse(r.new_json)]);
    expect(rows).toEqual([
      [null, { name: '职工代表组', weight: 1 }],
      [{ name: '职工代表组', weight: 1 }, { name: '职工代表组', weight: 1, combine: 'median' }],
      [{ name: '职工代表组', weight: 1, combine: 'median' }, { name: '职工代表组', weight: 1 }],
    ]);
  });

  it('goes with the group when the next period copies the panel', async () => {
    const s = await setup();
    await s.save({ combine: 'trimmed', trimMinRaters: 3 });
    const { frameworkId } = ok(await s.invoke('periods.get', { id: s.periodId }));
    const next = ok(await s.invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId, branchIds: [s.branchId], copyPanelFrom: s.periodId }));
    expect(ok(await s.invoke('panel.get', { periodId: next.id })).groups).toEqual([expect.objectContaining({ name: '职工代表组', combine: 'trimmed', trimMinRaters: 3 })]);
  });

  it('refuses a rule outside the contract', async () => {
    const s = await setup();
    for (const bad of [{ combine: 'max' }, { trimMinRaters: 2 }, { trimMinRaters: 3.5 }, { trimMinRaters: 51 }]) {
      const r = await s.invoke('panel.saveGroup', { periodId: s.periodId, id: s.group.id, name: s.group.name, weight: 1, ...bad } as never);
      expect(r.ok).toBe(false);
    }
    expect(ok(await s.invoke('panel.get', { periodId: s.periodId })).groups[0]).toMatchObject({ combine: null, trimMinRaters: null });
  });
});

describe('the fingerprint of a period whose groups have no rule', () => {
  it('is what it was before group rules existed', async () => {
    const s = await setup();
    const input = buildEngineInput(s.ctx.db, s.periodId);
    expect(input.groups[0]).toMatchObject({ combine: null, trimMinRaters: null });
    // Groups shaped as they were before (id, name, weight): the same bytes hashed.
    expect(resultsFingerprint(input)).toBe(resultsFingerprint(withoutRuleKeys(input)));
    expect((await s.results()).fingerprint).toBe(resultsFingerprint(withoutRuleKeys(input)));
  });

  it('keeps a value pinned from the code before group rules (a fixed input)', () => {
    const input: EngineInput = {
      indicators: [],
      branches: [{ id: 1, code: 'HG-01', name: '化工一厂第一党支部' }],
      groups: [
        { id: 2, name: '职工代表组', weight: 0.3, combine: null, trimMinRaters: null },
        { id: 1, name: '考评组', weight: 0.7 },
      ],
      raters: [{ id: 1, name: '王建国', groupId: 1 }],
      recusals: [],
      scores: [{ raterId: 1, branchId: 1, indicatorId: 5, value: 3 }],
      measurements: [],
      settings: defaultPeriodSettings(),
    };
    expect(resultsFingerprint(input)).toBe(PINNED);
    // A rule on one group changes it.
    expect(resultsFingerprint({ ...input, groups: [{ ...input.groups[0]!, combine: 'mean' }, input.groups[1]!] })).not.toBe(PINNED);
    expect(resultsFingerprint({ ...input, groups: [{ ...input.groups[0]!, trimMinRaters: 3 }, input.groups[1]!] })).not.toBe(PINNED);
  });
});

/** resultsFingerprint of the fixed input above, computed by electron/services/fingerprint.ts as it was before migration 12. */
const PINNED = '66a9fb02fb41aa0da015afe8808694e5f42515acbc1d4e66f569a6a11c3d12c1';
