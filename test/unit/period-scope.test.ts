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
import { buildEngineInput } from '../../electron/services/results';
import { periodSetup } from '../helpers/period-setup';

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

    const alone = singleRaterEngineInput(scope, scope.raterById.get(r2)!, scope.branchById.get(hg1)!, [{ indicatorId: leaf('1.3').id, value: 6 }], []);
    expect(alone.settings.normalize).toBe(false);
    expect(alone.settings.quotas).toEqual([]);
    expect(alone.groups).toEqual([{ id: scope.raters[1]!.groupId, name: '考评组', weight: 1 }]);
    expect(new Engine(alone).result.branches[0]!.nodes[leaf('1.3').id]!.points).toBe(6);
  });
});
