import { describe, expect, it } from 'vitest';
import { tempServices } from '../helpers/tmp';

const fixedClock = () => {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 10, 21, 8, 0, tick++));
};

describe('branch service (real SQLite file)', () => {
  it('creates, lists in code order and reads back every field', async () => {
    const { invoke } = tempServices({ now: fixedClock() });
    await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部', unit: '化工一厂', secretary: '张伟', memberCount: 18, note: '三班倒' });
    await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
    const list = await invoke('branches.list', {});
    expect(list.ok && list.value.map((b) => b.code)).toEqual(['HG-01', 'HG-02']);
    expect(list.ok && list.value[1]).toMatchObject({
      name: '化工一厂第二党支部',
      unit: '化工一厂',
      secretary: '张伟',
      memberCount: 18,
      note: '三班倒',
      archivedAt: null,
      createdAt: '2026-11-21T08:00:00.000Z',
    });
  });

  it('trims text and refuses a blank name or a malformed code', async () => {
    const { invoke } = tempServices();
    const ok = await invoke('branches.create', { code: '  GD-01 ', name: '  变电运维党支部  ' });
    expect(ok).toMatchObject({ ok: true, value: { code: 'GD-01', name: '变电运维党支部' } });
    expect(await invoke('branches.create', { code: 'GD-02', name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ field: 'name', message: expect.stringContaining('支部名称不能为空') }] },
    });
    expect(await invoke('branches.create', { code: '一支部', name: 'x' })).toMatchObject({
      ok: false,
      error: { details: [{ field: 'code' }] },
    });
  });

  it('refuses a code already taken, whatever its letter case, and names the holder', async () => {
    const { invoke } = tempServices();
    await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
    const dup = await invoke('branches.create', { code: 'hg-01', name: '另一个支部' });
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: [{ field: 'code', message: '支部编码“hg-01”已被“化工一厂第一党支部”使用' }] },
    });
    expect((await invoke('branches.list', {})).ok && (await invoke('branches.list', {}))).toMatchObject({ value: [{ code: 'HG-01' }] });
  });

  it('edits a branch, including its code, but not onto another branch’s code', async () => {
    const { invoke } = tempServices({ now: fixedClock() });
    const a = await invoke('branches.create', { code: 'A1', name: '甲' });
    await invoke('branches.create', { code: 'B1', name: '乙' });
    if (!a.ok) throw new Error('create failed');
    const edited = await invoke('branches.update', { id: a.value.id, fields: { code: 'A2', name: '甲（改）', memberCount: 5 } });
    expect(edited).toMatchObject({ ok: true, value: { code: 'A2', name: '甲（改）', memberCount: 5 } });
    expect(edited.ok && edited.value.updatedAt > edited.value.createdAt).toBe(true);
    // Saving a branch under its own code is fine.
    expect(await invoke('branches.update', { id: a.value.id, fields: { code: 'A2', name: '甲' } })).toMatchObject({ ok: true });
    expect(await invoke('branches.update', { id: a.value.id, fields: { code: 'B1', name: '甲' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('archives and restores; archived branches leave the default list but keep their data', async () => {
    const { invoke } = tempServices();
    const a = await invoke('branches.create', { code: 'A1', name: '甲', secretary: '王' });
    if (!a.ok) throw new Error('create failed');
    const archived = await invoke('branches.setArchived', { id: a.value.id, archived: true });
    expect(archived.ok && archived.value.archivedAt).toBeTruthy();
    expect(await invoke('branches.list', {})).toMatchObject({ ok: true, value: [] });
    expect(await invoke('branches.list', { includeArchived: true })).toMatchObject({
      ok: true,
      value: [{ code: 'A1', secretary: '王' }],
    });
    const info = await invoke('app.info', {});
    expect(info.ok && info.value.counts).toMatchObject({ branchesActive: 0, branchesArchived: 1 });
    const restored = await invoke('branches.setArchived', { id: a.value.id, archived: false });
    expect(restored).toMatchObject({ ok: true, value: { archivedAt: null } });
  });

  it('searches code, name, unit and secretary, treating % and _ literally', async () => {
    const { invoke } = tempServices();
    await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部', unit: '化工一厂', secretary: '王建国' });
    await invoke('branches.create', { code: 'GD-01', name: '供电公司运维党支部', unit: '供电公司', secretary: '李敏' });
    await invoke('branches.create', { code: 'X_1', name: '100%达标党支部' });
    const codes = async (query: string) => {
      const r = await invoke('branches.list', { query });
      return r.ok ? r.value.map((b) => b.code) : r.error.message;
    };
    expect(await codes('供电')).toEqual(['GD-01']);
    expect(await codes('王建')).toEqual(['HG-01']);
    expect(await codes('hg')).toEqual(['HG-01']);
    expect(await codes('%')).toEqual(['X_1']);
    expect(await codes('_')).toEqual(['X_1']);
    expect(await codes('不存在')).toEqual([]);
  });

  it('answers not_found for an unknown id', async () => {
    const { invoke } = tempServices();
    expect(await invoke('branches.setArchived', { id: 12345, archived: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('12345') },
    });
  });
});

describe('党员人数 typed in the form', () => {
  it('reads whole numbers (full-width digits too), treats empty as not given, and refuses anything else', async () => {
    const { memberCountFromText } = await import('../../shared/domain/branch');
    expect(['23', ' 7 ', '２３', '', '  ', null, 12].map(memberCountFromText)).toEqual([23, 7, 23, null, null, null, 12]);
    for (const typed of ['abc', '12人', '3.5', '-1', '1e3']) expect(memberCountFromText(typed), typed).toBeUndefined();
  });
});

describe('支部类别 of a branch', () => {
  it('is stored, edited and cleared; a branch created without one has none', async () => {
    const { invoke } = tempServices();
    const created = await invoke('branches.create', { code: 'JG-01', name: '机关第一党支部', category: ' 机关 ' });
    expect(created).toMatchObject({ ok: true, value: { category: '机关' } });
    if (!created.ok) return;
    expect(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' })).toMatchObject({ ok: true, value: { category: '' } });
    const edited = await invoke('branches.update', { id: created.value.id, fields: { code: 'JG-01', name: '机关第一党支部', category: '科研' } });
    expect(edited).toMatchObject({ ok: true, value: { category: '科研' } });
    const cleared = await invoke('branches.update', { id: created.value.id, fields: { code: 'JG-01', name: '机关第一党支部', category: '' } });
    expect(cleared).toMatchObject({ ok: true, value: { category: '' } });
    const tooLong = await invoke('branches.create', { code: 'X-1', name: '某支部', category: '一二三四五六七八九十一' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
