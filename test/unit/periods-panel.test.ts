import { describe, expect, it } from 'vitest';
import { refusalReasons } from '../../renderer/src/components/period/gateModel';
import { tempServices } from '../helpers/tmp';

async function setup() {
  const services = tempServices();
  const { invoke } = services;
  const fw = await invoke('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } });
  const a = await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
  const b = await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' });
  const archived = await invoke('branches.create', { code: 'OLD', name: '已撤销支部' });
  if (!fw.ok || !a.ok || !b.ok || !archived.ok) throw new Error('setup');
  await invoke('branches.setArchived', { id: archived.value.id, archived: true });
  return { services, invoke, frameworkId: fw.value.id, a: a.value.id, b: b.value.id };
}

describe('periods', () => {
  it('creates a period with every branch in use, defaults settings, and makes it current', async () => {
    const { invoke, frameworkId, a, b } = await setup();
    const p = await invoke('periods.create', { name: '2026年度党建业务一体化考评', year: 2026, kind: 'annual', frameworkId });
    expect(p).toMatchObject({ ok: true, value: { status: 'draft', branchCount: 2, settings: { combine: 'trimmed', trimMinRaters: 5 } } });
    if (!p.ok) return;
    const got = await invoke('periods.get', { id: p.value.id });
    expect(got.ok && got.value.branchIds.sort()).toEqual([a, b].sort());
    const info = await invoke('app.info', {});
    expect(info.ok && info.value.currentPeriodId).toBe(p.value.id);
  });

  it('will not start scoring without raters, and says what is missing', async () => {
    const { invoke, frameworkId } = await setup();
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    expect(await invoke('periods.advance', { id: p.value.id, to: 'scoring' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '“2026年度”还不能开始评分：还没有评委' },
    });
    expect(await invoke('periods.advance', { id: p.value.id, to: 'finalised' })).toMatchObject({
      ok: false,
      error: { message: '“2026年度”现在是“准备中”，不能直接改为“已定稿”' },
    });
  });

  it('will not start scoring on a framework with errors, and names each one by indicator and rule', async () => {
    const { invoke, frameworkId } = await setup();
    const fw = await invoke('frameworks.get', { id: frameworkId });
    if (!fw.ok) throw new Error('get');
    const leaf = fw.value.indicators.find((i) => i.code === '1.1')!;
    const { id, parentId: _p, position: _q, ...fields } = leaf;
    expect((await invoke('indicators.update', { id, fields: { ...fields, maxPoints: leaf.maxPoints + 1 } })).ok).toBe(true);
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    const refused = await invoke('periods.advance', { id: p.value.id, to: 'scoring' });
    expect(refused.ok).toBe(false);
    const message = refused.ok ? '' : refused.error.message;
    // Not only “还有 1 处错误”: the indicator (its parent, whose children no longer add up) and the rule broken.
    expect(message).toMatch(/指标体系还有 1 处错误（1 政治建设：下级指标分值合计 \d+(\.\d+)? 分，与本指标的 \d+(\.\d+)? 分不一致）/);
  });

  it('lists each reason not to start as its own detail, whole, with the page that fixes it', async () => {
    // Two framework errors and no raters: the screen used to cut the message at “；” — which also separates the
    // framework errors inside “指标体系还有 2 处错误（A；B）” — and showed “…（A” and “B）” as bullets.
    const { invoke, frameworkId } = await setup();
    const fw = await invoke('frameworks.get', { id: frameworkId });
    if (!fw.ok) throw new Error('get');
    for (const code of ['1.1', '2.1']) {
      const leaf = fw.value.indicators.find((i) => i.code === code)!;
      const { id, parentId: _p, position: _q, ...fields } = leaf;
      expect((await invoke('indicators.update', { id, fields: { ...fields, maxPoints: leaf.maxPoints + 1 } })).ok).toBe(true);
    }
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    const refused = await invoke('periods.advance', { id: p.value.id, to: 'scoring' });
    if (refused.ok) throw new Error('started');
    const details = refused.error.details ?? [];
    // 1.1 one point up breaks 1; 2.1 (an inner node) one point up breaks 2 and 2.1's own children.
    expect(details).toEqual([
      { field: 'framework', message: '1 政治建设：下级指标分值合计 14 分，与本指标的 13 分不一致' },
      { field: 'framework', message: '2 组织建设：下级指标分值合计 17 分，与本指标的 16 分不一致' },
      { field: 'framework', message: '2.1 “三会一课”：下级指标分值合计 6 分，与本指标的 7 分不一致' },
      { field: 'raters', message: '还没有评委' },
    ]);
    expect(refusalReasons(refused.error)).toEqual({ head: '“2026年度”还不能开始评分', reasons: details.map((d) => ({ field: d.field, message: d.message })) });
  });

  it('moves through the lifecycle and a finalised period refuses changes', async () => {
    const { invoke, frameworkId } = await setup();
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    const g = await invoke('panel.saveGroup', { periodId: p.value.id, name: '考评组', weight: 1 });
    if (!g.ok) throw new Error('group');
    await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '王建国' });
    for (const to of ['scoring', 'review', 'finalised'] as const) {
      // Nobody has scored: 进入评审 and 定稿 go on only with a reason (test/unit/gates.test.ts).
      expect(await invoke('periods.advance', { id: p.value.id, to, ...(to === 'scoring' ? {} : { override: '测试用，不要求齐全' }) })).toMatchObject({ ok: true, value: { status: to } });
    }
    expect(await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '李敏' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('已定稿') },
    });
    expect(await invoke('periods.update', { id: p.value.id, name: '改名', year: 2026, kind: 'annual', settings: {} })).toMatchObject({ ok: false });
  });

  it('keeps branches with entries in scope and refuses to delete a scored period', async () => {
    const { invoke } = await setup();
    const sample = await invoke('sample.create', { branches: 4, raters: 3 });
    if (!sample.ok) throw new Error(sample.error.message);
    const id = sample.value.period.id;
    expect(await invoke('periods.setBranches', { id, branchIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('已有评分，不能移出本周期') },
    });
    expect(await invoke('periods.delete', { id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('checks quota labels against the grades', async () => {
    const { invoke, frameworkId } = await setup();
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    expect(
      await invoke('periods.update', { id: p.value.id, name: '2026年度', year: 2026, kind: 'annual', settings: { quotas: [{ label: '特等', maxShare: 0.1 }] } }),
    ).toMatchObject({ ok: false, error: { message: '名额限制中的等次“特等”不在等次设置中' } });
  });
});

describe('panel and recusal', () => {
  it('recuses a rater from their own branch automatically and records other recusals with a reason', async () => {
    const { invoke, frameworkId, a, b } = await setup();
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    const g = await invoke('panel.saveGroup', { periodId: p.value.id, name: '职工代表', weight: 0.2 });
    if (!g.ok) throw new Error('group');
    const r = await invoke('panel.saveRater', {
      periodId: p.value.id,
      groupId: g.value.id,
      name: '张伟',
      branchId: a,
      recusals: [{ branchId: b, reason: '配偶任该支部书记' }],
    });
    expect(r).toMatchObject({
      ok: true,
      value: { recusals: [{ branchId: a, reason: '本支部成员' }, { branchId: b, reason: '配偶任该支部书记' }] },
    });
    expect(await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '李敏', recusals: [{ branchId: b, reason: ' ' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '张伟' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '评委“张伟”已在本周期中' },
    });
  });
});

describe('entries', () => {
  it('checks every entry, refuses the whole batch on any problem, and names each problem', async () => {
    const { invoke, frameworkId, a, b } = await setup();
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error('create');
    const g = await invoke('panel.saveGroup', { periodId: p.value.id, name: '考评组', weight: 1 });
    if (!g.ok) throw new Error('group');
    const r = await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '张伟', branchId: a });
    const fw = await invoke('frameworks.get', { id: frameworkId });
    if (!r.ok || !fw.ok) throw new Error('setup');
    expect(await invoke('periods.advance', { id: p.value.id, to: 'scoring' })).toMatchObject({ ok: true });
    const byKind = (kind: string) => fw.value.indicators.find((i) => i.method?.kind === kind)!;
    const rating = byKind('rating');
    const deduction = byKind('deduction');
    const veto = byKind('veto');
    const quantitative = byKind('quantitative');
    const result = await invoke('entries.save', {
      periodId: p.value.id,
      entries: [
        { raterId: r.value.id, branchId: b, indicatorId: rating.id, value: rating.maxPoints }, // fine
        { raterId: r.value.id, branchId: a, indicatorId: rating.id, value: 1 }, // own branch
        { raterId: r.value.id, branchId: b, indicatorId: rating.id, value: rating.maxPoints + 1 }, // over max
        { raterId: r.value.id, branchId: b, indicatorId: deduction.id, value: 2, detail: ['未按期召开'] }, // one reason short
        { raterId: r.value.id, branchId: b, indicatorId: veto.id, value: 1 }, // veto without reason
        { raterId: r.value.id, branchId: b, indicatorId: quantitative.id, value: 1 }, // not rater-scored
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('有 5 条评分不符合要求，全部未保存');
    expect(result.error.details?.map((d) => d.message)).toEqual([
      '第 2 条：张伟对“HG-01 化工一厂第一党支部”回避，不能打分',
      `第 3 条：${rating.code} ${rating.name}：分值应在 0 到 ${rating.maxPoints} 之间`,
      `第 4 条：${deduction.code} ${deduction.name}：每次扣分都要写明原因（扣 2 次，写了 1 条）`,
      `第 5 条：${veto.code} ${veto.name}：一票否决必须写明原因`,
      `第 6 条：${quantitative.code} ${quantitative.name}：定量指标由业务数据计算，不由评委打分`,
    ]);
    const period = await invoke('periods.get', { id: p.value.id });
    expect(period.ok && period.value.entryCount).toBe(0);
  });
});

describe('results through the services', () => {
  it('computes a sample period, explains a branch, and reflects a changed entry at once', async () => {
    const { invoke } = await setup();
    const sample = await invoke('sample.create', { branches: 8, raters: 6 });
    if (!sample.ok) throw new Error(sample.error.message);
    const periodId = sample.value.period.id;
    expect(sample.value.period.status).toBe('review');
    const results = await invoke('results.get', { periodId });
    if (!results.ok) throw new Error(results.error.message);
    const r = results.value.result;
    expect(r.branches).toHaveLength(8);
    expect(r.complete).toBe(true);
    expect(r.branches.filter((b) => b.vetoed)).toHaveLength(1);
    expect(r.branches.at(-1)!.vetoed).toBe(true);
    const first = r.branches[0]!;
    const explained = await invoke('results.explain', { periodId, branchId: first.branchId });
    expect(explained.ok && explained.value.totals.total).toBe(first.total);

    // Change one entry: the cached results are dropped and recomputed.
    const leaf = results.value.indicators.find((i) => i.method?.kind === 'rating')!;
    const rater = results.value.raters[0]!;
    const before = first.nodes[leaf.id]!.points!;
    expect(await invoke('entries.save', { periodId, entries: [{ raterId: rater.id, branchId: first.branchId, indicatorId: leaf.id, value: 0 }], reason: '核对纸质评分表' })).toMatchObject({ ok: true });
    const after = await invoke('results.get', { periodId });
    const changed = after.ok ? after.value.result.branches.find((b) => b.branchId === first.branchId)! : null;
    expect(changed!.nodes[leaf.id]!.points).toBeLessThan(before);
    const panel = await invoke('results.panel', { periodId });
    expect(panel.ok && panel.value.raters).toHaveLength(6);
  });
});
