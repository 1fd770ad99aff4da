import { describe, expect, it } from 'vitest';
import { tempServices } from '../helpers/tmp';

const leaf = (code: string, maxPoints: number, extra: object = {}) => ({
  code,
  name: `指标${code}`,
  tag: 'party' as const,
  maxPoints,
  method: { kind: 'rating' as const, step: 0.5 },
  ...extra,
});

async function frameworkWithPeriodEntry() {
  const services = tempServices();
  const { invoke } = services;
  const fw = await invoke('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } });
  if (!fw.ok) throw new Error(fw.error.message);
  const branch = await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
  const period = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id });
  if (!period.ok || !branch.ok) throw new Error('setup');
  const group = await invoke('panel.saveGroup', { periodId: period.value.id, name: '考评组', weight: 1 });
  if (!group.ok) throw new Error(group.error.message);
  const rater = await invoke('panel.saveRater', { periodId: period.value.id, groupId: group.value.id, name: '王建国' });
  if (!rater.ok) throw new Error(rater.error.message);
  // Scores are written only once scoring has begun.
  const started = await invoke('periods.advance', { id: period.value.id, to: 'scoring' });
  if (!started.ok) throw new Error(started.error.message);
  const detail = await invoke('frameworks.get', { id: fw.value.id });
  if (!detail.ok) throw new Error(detail.error.message);
  const ratingLeaf = detail.value.indicators.find((i) => i.method?.kind === 'rating')!;
  return { services, invoke, frameworkId: fw.value.id, periodId: period.value.id, branchId: branch.value.id, raterId: rater.value.id, ratingLeaf, detail: detail.value };
}

describe('frameworks', () => {
  it('creates the built-in template: valid, 100 base points, every method present', async () => {
    const { detail } = await frameworkWithPeriodEntry();
    expect(detail.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const roots = detail.indicators.filter((i) => i.parentId === null);
    expect(roots.map((r) => r.name)).toContain('政治建设');
    expect(new Set(detail.indicators.map((i) => i.method?.kind).filter(Boolean))).toEqual(
      new Set(['rating', 'level', 'deduction', 'bonus', 'quantitative', 'veto']),
    );
  });

  it('edits a draft tree: add, update, move, renumber, delete — validation follows', async () => {
    const { invoke } = tempServices();
    const fw = await invoke('frameworks.create', { name: '测试体系', source: { kind: 'empty' } });
    if (!fw.ok) throw new Error('create');
    const id = fw.value.id;
    const root = await invoke('indicators.add', { frameworkId: id, parentId: null, fields: { code: '1', name: '党建', tag: 'party', maxPoints: 100 } });
    if (!root.ok) throw new Error(root.error.message);
    const a = await invoke('indicators.add', { frameworkId: id, parentId: root.value.id, fields: leaf('1.1', 60) });
    const b = await invoke('indicators.add', { frameworkId: id, parentId: root.value.id, fields: leaf('1.2', 30) });
    if (!a.ok || !b.ok) throw new Error('add');
    let got = await invoke('frameworks.get', { id });
    expect(got.ok && got.value.issues.map((i) => i.message)).toContain('1 党建：下级指标分值合计 90 分，与本指标的 100 分不一致');
    await invoke('indicators.update', { id: b.value.id, fields: leaf('1.2', 40) });
    got = await invoke('frameworks.get', { id });
    expect(got.ok && got.value.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Move 1.2 before 1.1, then renumber: codes follow the new order.
    await invoke('indicators.move', { id: b.value.id, parentId: root.value.id, position: 0 });
    await invoke('frameworks.renumber', { id });
    got = await invoke('frameworks.get', { id });
    expect(got.ok && got.value.indicators.filter((i) => i.parentId !== null).map((i) => [i.code, i.maxPoints])).toEqual([
      ['1.1', 40],
      ['1.2', 60],
    ]);
    expect(await invoke('indicators.move', { id: root.value.id, parentId: a.value.id, position: 0 })).toMatchObject({
      ok: false,
      error: { message: '不能把指标移动到它自己的下级' },
    });
    expect(await invoke('indicators.delete', { id: root.value.id })).toEqual({ ok: true, value: { removed: 3 } });
    got = await invoke('frameworks.get', { id });
    expect(got.ok && got.value.indicators).toEqual([]);
  });

  it('refuses a duplicate code with the field named', async () => {
    const { invoke } = tempServices();
    const fw = await invoke('frameworks.create', { name: '测试体系', source: { kind: 'empty' } });
    if (!fw.ok) throw new Error('create');
    await invoke('indicators.add', { frameworkId: fw.value.id, parentId: null, fields: { code: '1', name: '甲', tag: 'party', maxPoints: 50 } });
    expect(await invoke('indicators.add', { frameworkId: fw.value.id, parentId: null, fields: { code: '1', name: '乙', tag: 'party', maxPoints: 50 } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: [{ field: 'code', message: '指标编码“1”已被“甲”使用' }] },
    });
  });

  it('freezes a version once a period has entries: the service and the database itself refuse edits', async () => {
    const { invoke, services, frameworkId, periodId, branchId, raterId, ratingLeaf } = await frameworkWithPeriodEntry();
    expect(await invoke('entries.save', { periodId, entries: [{ raterId, branchId, indicatorId: ratingLeaf.id, value: 1 }] })).toMatchObject({
      ok: true,
      value: { saved: 1 },
    });
    const frozen = await invoke('frameworks.get', { id: frameworkId });
    expect(frozen.ok && frozen.value.frozenAt).toBeTruthy();
    const edit = await invoke('indicators.update', { id: ratingLeaf.id, fields: { ...ratingLeaf, maxPoints: ratingLeaf.maxPoints + 1 } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已冻结') } });
    expect(edit.ok === false && edit.error.message).toContain('另存为新版本');
    // Bypassing the service: the triggers refuse too.
    expect(() => services.ctx.db.prepare('UPDATE indicator SET max_points = 99 WHERE id = ?').run(ratingLeaf.id)).toThrow(/framework_frozen/);
    expect(() => services.ctx.db.prepare('DELETE FROM indicator WHERE id = ?').run(ratingLeaf.id)).toThrow(/framework_frozen/);
    expect(() => services.ctx.db.prepare('UPDATE framework SET frozen_at = NULL WHERE id = ?').run(frameworkId)).toThrow(/framework_frozen/);
    expect(await invoke('frameworks.delete', { id: frameworkId })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // A new version is an editable copy in the same lineage; the period keeps the old one.
    const v2 = await invoke('frameworks.newVersion', { id: frameworkId });
    if (!v2.ok) throw new Error(v2.error.message);
    const list = await invoke('frameworks.list', {});
    expect(list.ok && list.value.map((f) => [f.version, f.lineageId === frameworkId, f.frozenAt !== null])).toEqual([
      [1, true, true],
      [2, true, false],
    ]);
    const copy = await invoke('frameworks.get', { id: v2.value.id });
    const copyLeaf = copy.ok ? copy.value.indicators.find((i) => i.code === ratingLeaf.code)! : null;
    expect(await invoke('indicators.update', { id: copyLeaf!.id, fields: { ...copyLeaf!, name: '改名后的指标' } })).toMatchObject({ ok: true });
    const period = await invoke('periods.get', { id: periodId });
    expect(period.ok && period.value.frameworkId).toBe(frameworkId);
    expect(await invoke('periods.setFramework', { id: periodId, frameworkId: v2.value.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
