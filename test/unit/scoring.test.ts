import { describe, expect, it } from 'vitest';
import { tempServices } from '../helpers/tmp';

/** A period in scoring with two raters (one with a PIN) and two branches. */
async function scoringPeriod() {
  const services = tempServices();
  const { invoke } = services;
  const fw = await invoke('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } });
  const a = await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
  const b = await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' });
  if (!fw.ok || !a.ok || !b.ok) throw new Error('setup');
  const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id });
  if (!p.ok) throw new Error('period');
  const g = await invoke('panel.saveGroup', { periodId: p.value.id, name: '考评组', weight: 1 });
  if (!g.ok) throw new Error('group');
  const r1 = await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '王建国' });
  const r2 = await invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '李敏', branchId: b.value.id });
  if (!r1.ok || !r2.ok) throw new Error('raters');
  await invoke('panel.setRaterPin', { periodId: p.value.id, raterId: r1.value.id, pin: '2468' });
  await invoke('periods.advance', { id: p.value.id, to: 'scoring' });
  const fwd = await invoke('frameworks.get', { id: fw.value.id });
  if (!fwd.ok) throw new Error('fw');
  const leaf = fwd.value.indicators.find((i) => i.method?.kind === 'rating')!;
  return { services, invoke, periodId: p.value.id, a: a.value.id, b: b.value.id, r1: r1.value.id, r2: r2.value.id, leaf };
}

describe('scoring: identity, blindness, autosave with audit', () => {
  it('signs a rater in with their PIN and refuses a wrong one', async () => {
    const { invoke, periodId, r1 } = await scoringPeriod();
    expect(await invoke('session.signInRater', { periodId, raterId: r1 })).toMatchObject({ ok: false, error: { code: 'forbidden', message: '请输入王建国的 PIN 码' } });
    expect(await invoke('session.signInRater', { periodId, raterId: r1, pin: '1111' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'PIN 码不正确，再错 2 次将暂停登录' } });
    expect(await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' })).toEqual({
      ok: true,
      value: { kind: 'rater', periodId, raterId: r1, name: '王建国' },
    });
  });

  it('a rater sees and saves only their own sheet, and nothing of the results', async () => {
    const { invoke, periodId, a, r1, r2, leaf } = await scoringPeriod();
    await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' });
    expect(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: leaf.maxPoints }] })).toMatchObject({
      ok: true,
      value: { saved: 1 },
    });
    const own = await invoke('scoring.sheet', { periodId, raterId: r1 });
    expect(own.ok && own.value.entries).toMatchObject([{ branchId: a, indicatorId: leaf.id, value: leaf.maxPoints, enteredBy: 'rater' }]);
    expect(own.ok && own.value.editable).toBe(true);
    expect(await invoke('scoring.sheet', { periodId, raterId: r2 })).toMatchObject({ ok: false, error: { code: 'forbidden', message: '评委只能查看和填写自己的评分表' } });
    expect(await invoke('results.get', { periodId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('scoring.progress', { periodId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('branches.create', { code: 'X', name: 'x' })).toMatchObject({ ok: false, error: { message: '评委身份不能进行这项操作，请切换到管理员' } });
  });

  it('a second rater does not see the first one’s values; the admin sees progress, not values, while scoring is open', async () => {
    const { invoke, periodId, a, r1, r2, leaf } = await scoringPeriod();
    await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' });
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] });
    await invoke('session.signInRater', { periodId, raterId: r2 });
    const sheet = await invoke('scoring.sheet', { periodId, raterId: r2 });
    expect(sheet.ok && sheet.value.entries).toEqual([]);
    expect(sheet.ok && sheet.value.branches.find((x) => x.code === 'HG-02')).toMatchObject({ recused: true, reason: '本支部成员' });
    await invoke('session.signInAdmin', {});
    expect(await invoke('results.get', { periodId })).toMatchObject({ ok: false, error: { message: expect.stringContaining('为保证各评委独立打分') } });
    const progress = await invoke('scoring.progress', { periodId });
    expect(progress.ok && progress.value.raters.map((r) => [r.name, r.scored])).toEqual([
      ['王建国', 1],
      ['李敏', 0],
    ]);
    expect(JSON.stringify(progress.ok && progress.value)).not.toContain('"value"');
    expect(progress.ok && progress.value.raters[1]!.expected * 2).toBe(progress.ok && progress.value.raters[0]!.expected); // 李敏 is recused from one of two branches
  });

  it('records every change in the audit log with who, old → new', async () => {
    const { invoke, periodId, a, r1, leaf } = await scoringPeriod();
    await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' });
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] });
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1.5 }] });
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1.5 }] }); // unchanged: no row
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: null }] });
    await invoke('session.signInAdmin', {});
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' }); // values are shown once scoring is closed
    const log = await invoke('audit.list', { periodId, entity: 'score' });
    expect(log.ok && log.value.rows.map((r) => [r.actor, r.action, r.old, r.new])).toEqual([
      ['王建国', '删除评分', { value: 1.5, detail: [] }, null],
      ['王建国', '修改评分', { value: 1, detail: [] }, { value: 1.5, detail: [] }],
      ['王建国', '评分', null, { value: 1, detail: [] }],
    ]);
    const filtered = await invoke('audit.list', { periodId, raterId: r1, branchId: a, indicatorId: leaf.id, text: '修改' });
    expect(filtered.ok && filtered.value.total).toBe(1);
  });

  it('a finished rater is locked; the admin changes it only with a reason, recorded as on the rater’s behalf', async () => {
    const { invoke, periodId, a, r1, leaf } = await scoringPeriod();
    await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' });
    await invoke('scoring.setFinished', { periodId, raterId: r1, finished: true });
    expect(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] })).toMatchObject({
      ok: false,
      error: { message: '您已确认完成评分；如需修改，请联系管理员' },
    });
    expect(await invoke('scoring.setFinished', { periodId, raterId: r1, finished: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await invoke('session.signInAdmin', {});
    expect(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] })).toMatchObject({
      ok: false,
      error: { message: '该评委已确认完成，修改须写明原因' },
    });
    expect(
      await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }], reason: '纸质评分表录入' }),
    ).toMatchObject({ ok: true });
    const log = await invoke('audit.list', { periodId, entity: 'score' });
    expect(log.ok && log.value.rows[0]).toMatchObject({ actor: '管理员（代王建国录入）', reason: '纸质评分表录入' });
  });

  it('a finalised period refuses edits in the service and in the database itself; reopening needs a reason and is logged', async () => {
    const { services, invoke, periodId, a, r1, leaf } = await scoringPeriod();
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] });
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' });
    expect(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 2 }], reason: '更正' })).toMatchObject({
      ok: false,
      error: { message: '本周期已定稿，评分不能再修改' },
    });
    const db = services.ctx.db;
    expect(() => db.prepare('UPDATE score SET value = 2 WHERE period_id = ?').run(periodId)).toThrow(/period_finalised/);
    expect(() => db.prepare('DELETE FROM score WHERE period_id = ?').run(periodId)).toThrow(/period_finalised/);
    expect(() =>
      db.prepare("INSERT INTO measurement (period_id, branch_id, indicator_id, target, updated_at) VALUES (?, ?, ?, 1, 'x')").run(periodId, a, leaf.id),
    ).toThrow(/period_finalised/);
    expect(await invoke('periods.reopen', { id: periodId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('periods.reopen', { id: periodId, reason: '发现 HG-01 评分录入错误' })).toMatchObject({ ok: true, value: { status: 'review' } });
    const log = await invoke('audit.list', { periodId, entity: 'period' });
    expect(log.ok && log.value.rows.map((r) => [r.action, r.reason])).toEqual([
      ['重新开启（已定稿 → 评审中）', '发现 HG-01 评分录入错误'],
      ['评审中 → 已定稿', '测试用，不要求齐全'],
      [expect.stringMatching(/^定稿（仍缺 \d+ 项评分、\d+ 项业务数据）$/), '测试用，不要求齐全'],
      ['评分中 → 评审中', '测试用，不要求齐全'],
      [expect.stringMatching(/^进入评审（仍缺 \d+ 项评分、\d+ 项业务数据）$/), '测试用，不要求齐全'],
      ['准备中 → 评分中', ''],
    ]);
    expect(() => db.prepare('UPDATE audit SET reason = ?').run('改写')).toThrow(/audit_append_only/);
  });
});

describe('blindness extends to the audit log', () => {
  it('hides entry values from the admin’s audit view while scoring is open, and shows them in review', async () => {
    const { invoke, periodId, a, r1, leaf } = await scoringPeriod();
    await invoke('session.signInRater', { periodId, raterId: r1, pin: '2468' });
    await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: a, indicatorId: leaf.id, value: 1 }] });
    await invoke('session.signInAdmin', {});
    const blind = await invoke('audit.list', { periodId, entity: 'score' });
    expect(blind.ok && blind.value.rows[0]).toMatchObject({ actor: '王建国', action: '评分', old: null, new: '（评分中，不显示）' });
    await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
    const open = await invoke('audit.list', { periodId, entity: 'score' });
    expect(open.ok && open.value.rows[0]!.new).toEqual({ value: 1, detail: [] });
  });
});

describe('indicators with business data', () => {
  it('refuses to delete an indicator that has measurements, saying what is in the way', async () => {
    const { invoke, periodId, a } = await scoringPeriod();
    const period = await invoke('periods.get', { id: periodId });
    const fw = period.ok ? await invoke('frameworks.get', { id: period.value.frameworkId }) : null;
    const q = fw?.ok ? fw.value.indicators.find((i) => i.method?.kind === 'quantitative')! : null;
    expect(await invoke('measurements.save', { periodId, rows: [{ branchId: a, indicatorId: q!.id, target: 100, actual: 95, source: '生产部' }] })).toMatchObject({ ok: true });
    // The framework is not frozen (no entries yet), yet the measurement must not vanish.
    expect(await invoke('indicators.delete', { id: q!.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('已录入1 条业务数据，不能删除') },
    });
  });
});
