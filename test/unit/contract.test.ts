import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { dispatch } from '../../electron/services/dispatch';
import { handlers } from '../../electron/services/handlers';
import { tempServices } from '../helpers/tmp';

describe('the contract', () => {
  it('has a handler for every method and a method for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(api).sort());
  });

  it('answers an unknown method with an error value, not a throw', async () => {
    const { ctx } = tempServices();
    const result = await dispatch(ctx, 'branches.drop', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_method' }) });
    expect(await dispatch(ctx, { toString: null }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('rejects input that fails the schema, naming each bad field', async () => {
    const { invoke } = tempServices();
    const result = await invoke('branches.create', { code: '', name: 42 } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    const fields = result.error.details?.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name']));
    expect(result.error.message).toContain('支部编码不能为空');
  });

  it('rejects wrong types for ids and flags', async () => {
    const { invoke } = tempServices();
    const result = await invoke('branches.setArchived', { id: -1, archived: 'yes' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('returns domain failures as values with their code', async () => {
    const { invoke } = tempServices();
    const result = await invoke('branches.update', {
      id: 999,
      fields: { code: 'X1', name: '不存在的支部' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('turns an unexpected failure into a plain message and logs the stack', async () => {
    const services = tempServices();
    services.ctx.db.exec('DROP TABLE branch'); // simulate a broken database
    const result = await services.invoke('branches.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (result.ok) return;
    expect(result.error.message).toContain(services.ctx.log.file);
    expect(result.error.message).not.toMatch(/at \w+ \(/); // no stack trace on screen
    expect(readFileSync(services.ctx.log.file, 'utf8')).toMatch(/branches\.list: .*no such table: branch/);
  });

  it('applies schema defaults before the service sees the input', async () => {
    const { invoke } = tempServices();
    const created = await invoke('branches.create', { code: 'HG-01', name: '第一党支部' });
    expect(created).toMatchObject({ ok: true, value: { unit: '', secretary: '', memberCount: null, note: '' } });
  });
});
