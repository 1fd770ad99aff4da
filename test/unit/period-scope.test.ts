/**
 * The one loader of a period's scope, on a real database: the branches in
 * scope only and by code, the leaves in tree order (the panel's without the
 * quantitative ones), raters with their recusals and finished marks, the
 * engine inputs built from it, and getPeriod's words for an unknown period.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../shared/engine';
import { AppError } from '../../electron/errors';
import { eligibleRaters, isRecused, loadPeriodScope, panelEngineInput, singleRaterEngineInput } from '../../electron/services/period-scope';
import { officeEngineRecords } from '../../electron/services/office';
import { buildEngineInput } from '../../electron/services/results';
import { fullSheet, periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';

describe('loadPeriodScope', () => {
  it('holds the period, its leaves in tree order, its panel and the branches in scope by code', async () => {
    const { db, invoke, periodId, hg1, hg2, gd1, r1, r2 } = await periodSetup();
    const finished = await invoke('scoring.setFinished', { periodId, raterId: r1, finished: true });
    expect(finished.ok).toBe(true);
    const scope = loadPeriodScope(db, periodId);

    expect(scope.period.id).toBe(periodId);
    expect(scope.period.status).toBe('scoring');
    expect(scope.branches.map((b) => b.code)).toEqual(['HG-01', 'HG-02']);
    expect(scope.branchById.has(gd1)).toBe(false);
    expect(scope.leaves.map((l) => l.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3', '4']);
    expect(scope.raterLeaves.map((l) => l.code)).toEqual(['1.1', '1.2', '1.3', '2.3', '3', '4']);
    expect(scope.raters.map((r) => r.name)).toEqual(['王建国', '李敏']);
    expect(scope.raterById.get(r1)!.finishedAt).not.toBeNull();
    expect(scope.raterById.get(r2)!.finishedAt).toBeNull();
    expect(isRecused(scope, r2, hg2)).toBe(true);
    expect(isRecused(scope, r2, hg1)).toBe(false);
    expect(scope.recusals.get(r2)!.get(hg2)).toBe('本支部成员');
    expect(eligibleRaters(scope, hg2).map((r) => r.id)).toEqual([r1]);
    expect(scope.groupById.get(scope.raters[0]!.groupId)!.name).toBe('考评组');
  });

  it('refuses an unknown period in getPeriod’s words', async () => {
    const { db } = await periodSetup();
    let error: unknown;
    try {
      loadPeriodScope(db, 9999);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
    expect((error as AppError).message).toBe('找不到这个考核周期（编号 9999），它可能已被删除');
  });

  it('builds the panel’s engine input and one rater’s alone (raw points, no normalisation, no quota)', async () => {
    const { db, invoke, periodId, hg1, r1, r2, leaf } = await periodSetup();
    const saved = await invoke('entries.save', {
      periodId,
      entries: [
        { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 },
        { raterId: r2, branchId: hg1, indicatorId: leaf('1.3').id, value: 6 },
      ],
    });
    expect(saved.ok).toBe(true);
    const scope = loadPeriodScope(db, periodId);
    const input = buildEngineInput(db, periodId);
    expect(input.branches).toEqual(scope.branches.map(({ id, code, name }) => ({ id, code, name })));
    expect(input.recusals).toEqual([{ raterId: r2, branchId: scope.raters[1]!.branchId, reason: '本支部成员' }]);
    expect(panelEngineInput(scope, input.scores, input.measurements)).toEqual(input);

    const alone = singleRaterEngineInput(scope, scope.raterById.get(r2)!, scope.branchById.get(hg1)!, [{ indicatorId: leaf('1.3').id, value: 6 }], [], []);
    expect(alone.settings.normalize).toBe(false);
    expect(alone.settings.quotas).toEqual([]);
    expect(alone.groups).toEqual([{ id: scope.raters[1]!.groupId, name: '考评组', weight: 1 }]);
    expect(new Engine(alone).result.branches[0]!.nodes[leaf('1.3').id]!.points).toBe(6);
  });

  it('counts the office records (考核组核定) of that branch in one rater’s total, as the panel result does', async () => {
    const s = await periodSetup({ status: 'draft' });
    // 1.1 (三会一课, 20 points, 0.5 off per occurrence) recorded by the office, once per branch.
    const { id, code, name, criteria, evidence, tag, maxPoints, method } = s.leaf('1.1');
    if (method?.kind !== 'deduction') throw new Error('1.1 is a deduction');
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: { ...method, entry: 'office' } } }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
    // 王建国 scores HG-02's other five leaves (李敏 is recused from it); the office records 2 occurrences on HG-02, 6 on HG-01.
    const mine = fullSheet(s, s.r1, s.hg2).filter((e) => e.indicatorId !== id);
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: mine }));
    const record = (branchId: number, value: number) => ({ branchId, indicatorId: id, value, detail: Array.from({ length: value }, (_, i) => `第${i + 1}次未按时召开`), evidence: '组织部检查记录', evidenceDate: '2026-10-12' });
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [record(s.hg1, 6), record(s.hg2, 2)] }));

    const scope = loadPeriodScope(s.db, s.periodId);
    const rater = scope.raterById.get(s.r1)!;
    const branch = scope.branchById.get(s.hg2)!;
    const entries = mine.map(({ indicatorId, value }) => ({ indicatorId, value }));
    const withOffice = new Engine(singleRaterEngineInput(scope, rater, branch, entries, [], officeEngineRecords(s.db, scope))).result.branches[0]!;
    const without = new Engine(singleRaterEngineInput(scope, rater, branch, entries, [], [])).result.branches[0]!;
    // HG-02's own record (2 × 0.5 off 20), not HG-01's.
    expect(withOffice.nodes[id]!.points).toBe(19);
    expect(without.nodes[id]!.points).toBeNull();
    expect(withOffice.total).toBeCloseTo(without.total! + 19, 9);
    // The panel's result on HG-02 (王建国 alone scores it) counts the same.
    const panel = new Engine(buildEngineInput(s.db, s.periodId)).result.branches.find((b) => b.branchId === s.hg2)!;
    expect(panel.nodes[id]!.points).toBe(19);
  });
});
