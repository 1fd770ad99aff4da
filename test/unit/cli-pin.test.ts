/**
 * Issue 9 §1: PINs can be set from the CLI (read from standard input, never an
 * argument), and once the admin PIN is set the CLI asks for it too — through
 * the same throttled check as the sign-in screen — instead of acting as the
 * admin for anyone at the shared PC.
 */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { cliWith } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('PINs on the command line', () => {
  it('sets the admin PIN from standard input; then every command needs it from RONGPING_ADMIN_PIN', async () => {
    const dir = tempDir();
    expect((await cliWith({}, 'sample', '--branches', '2', '--raters', '2', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    expect(await cliWith({ input: '1357\n' }, 'pin', 'admin', '--data-dir', dir)).toMatchObject({ code: 0, out: '已设置管理员 PIN 码' });

    const without = await cliWith({}, 'info', '--data-dir', dir);
    expect(without.code).toBe(1);
    expect(without.err).toContain('RONGPING_ADMIN_PIN');
    const wrong = await cliWith({ env: { RONGPING_ADMIN_PIN: '0000' } }, 'info', '--data-dir', dir);
    expect(wrong).toMatchObject({ code: 1 });
    expect(wrong.err).toContain('PIN 码不正确，再错 2 次将暂停登录');
    expect((await cliWith({ env: { RONGPING_ADMIN_PIN: '1357' } }, 'info', '--data-dir', dir)).code).toBe(0);

    // --clear removes it: the CLI is the admin again without a PIN.
    expect((await cliWith({ env: { RONGPING_ADMIN_PIN: '1357' } }, 'pin', 'admin', '--clear', '--data-dir', dir)).code).toBe(0);
    expect((await cliWith({}, 'info', '--data-dir', dir)).code).toBe(0);
  });

  it('refuses a malformed PIN with the reason and changes nothing', async () => {
    const dir = tempDir();
    expect((await cliWith({}, 'info', '--data-dir', dir)).code).toBe(0);
    const bad = await cliWith({ input: '12ab' }, 'pin', 'admin', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('PIN 码应为 4 到 6 位数字');
    expect((await cliWith({}, 'info', '--data-dir', dir)).code).toBe(0);
  });

  it('sets and clears a rater’s PIN', async () => {
    const dir = tempDir();
    expect((await cliWith({}, 'sample', '--branches', '2', '--raters', '2', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    const services = createServices({ dataDir: dir });
    const period = (await services.invoke('periods.list', {})) as { ok: true; value: { id: number }[] };
    const periodId = period.value[0]!.id;
    const panel = (await services.invoke('panel.get', { periodId })) as { ok: true; value: { raters: { id: number }[] } };
    const raterId = panel.value.raters[0]!.id;
    services.close();

    expect((await cliWith({ input: '2468' }, 'pin', 'rater', '--period', String(periodId), '--rater', String(raterId), '--data-dir', dir)).code).toBe(0);
    const app = createServices({ dataDir: dir });
    expect(await app.invoke('session.signInRater', { periodId, raterId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.invoke('session.signInRater', { periodId, raterId, pin: '2468' })).toMatchObject({ ok: true });
    app.close();
    expect((await cliWith({}, 'pin', 'rater', '--period', String(periodId), '--rater', String(raterId), '--clear', '--data-dir', dir)).code).toBe(0);
    const again = createServices({ dataDir: dir });
    expect(await again.invoke('session.signInRater', { periodId, raterId })).toMatchObject({ ok: true });
    again.close();
  });
});
