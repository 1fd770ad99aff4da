import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/db/sqlite';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { registerAuditFunctions, verifyAuditChain } from '../../electron/db/audit-chain';
import { auditWriter } from '../../electron/services/audit';
import { createServices } from '../../electron/services';
import { pinWaitSeconds, waitText } from '../../shared/domain/sign-in';
import { tempDir } from '../helpers/tmp';

/** Services on a folder with a clock the test moves; a second instance on the same folder is "the app restarted". */
function clockedApp(dir: string, clock: { now: number }) {
  return createServices({ dataDir: dir, now: () => new Date(clock.now) });
}

async function periodWithPinnedRater(dir: string, clock: { now: number }) {
  const app = clockedApp(dir, clock);
  const fw = await app.invoke('frameworks.create', { name: '体系', source: { kind: 'template' } });
  if (!fw.ok) throw new Error('framework');
  const p = await app.invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id });
  if (!p.ok) throw new Error('period');
  const g = await app.invoke('panel.saveGroup', { periodId: p.value.id, name: '考评组', weight: 1 });
  if (!g.ok) throw new Error('group');
  const r = await app.invoke('panel.saveRater', { periodId: p.value.id, groupId: g.value.id, name: '王建国' });
  if (!r.ok) throw new Error('rater');
  await app.invoke('panel.setRaterPin', { periodId: p.value.id, raterId: r.value.id, pin: '2468' });
  await app.invoke('session.setAdminPin', { pin: '1357' });
  return { app, periodId: p.value.id, raterId: r.value.id };
}

describe('wrong PINs are slowed down in the main process', () => {
  it('waits 30 s after the third wrong try, doubling after each further one, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(pinWaitSeconds)).toEqual([0, 0, 30, 60, 120, 240, 3600]);
    expect([5, 30, 60, 90, 3600].map(waitText)).toEqual(['5 秒', '30 秒', '1 分钟', '1 分 30 秒', '60 分钟']);
  });

  it('refuses every try during the wait — even the right PIN — and says how long; the right PIN after the wait clears the count', async () => {
    const dir = tempDir();
    const clock = { now: Date.parse('2026-12-03T09:00:00Z') };
    const { app, periodId, raterId } = await periodWithPinnedRater(dir, clock);
    const signIn = (pin: string) => app.invoke('session.signInRater', { periodId, raterId, pin });

    expect(await signIn('0000')).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'PIN 码不正确，再错 2 次将暂停登录' } });
    expect(await signIn('0001')).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'PIN 码不正确，再错 1 次将暂停登录' } });
    expect(await signIn('0002')).toMatchObject({
      ok: false,
      error: { code: 'throttled', retryAfterSeconds: 30, message: 'PIN 码不正确。已连续输错 3 次，30 秒内不再接受任何 PIN 码' },
    });
    // The right PIN is refused unheard while the wait runs.
    clock.now += 10_000;
    expect(await signIn('2468')).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterSeconds: 20 } });
    // After the wait, one more wrong try doubles it.
    clock.now += 21_000;
    expect(await signIn('0003')).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterSeconds: 60 } });
    clock.now += 61_000;
    expect(await signIn('2468')).toMatchObject({ ok: true, value: { kind: 'rater', raterId } });
    // The count was cleared: a slip now is free again.
    expect(await signIn('0004')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    app.close();
  });

  it('keeps the wait across a restart of the app, and guards the admin PIN the same way', async () => {
    const dir = tempDir();
    const clock = { now: Date.parse('2026-12-03T09:00:00Z') };
    const { app } = await periodWithPinnedRater(dir, clock);
    for (const pin of ['0000', '1111', '2222']) await app.invoke('session.signInAdmin', { pin });
    app.close();

    const restarted = clockedApp(dir, clock);
    expect(await restarted.invoke('session.get', {})).toEqual({ ok: true, value: { kind: 'none' } });
    expect(await restarted.invoke('session.signInAdmin', { pin: '1357' })).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterSeconds: 30 } });
    clock.now += 30_000;
    expect(await restarted.invoke('session.signInAdmin', { pin: '1357' })).toMatchObject({ ok: true, value: { kind: 'admin' } });
    restarted.close();
  });

  it('writes every wrong PIN to the audit log, naming whose PIN and the wait it started; the chain still verifies', async () => {
    const dir = tempDir();
    const clock = { now: Date.parse('2026-12-03T09:00:00Z') };
    const { app, periodId, raterId } = await periodWithPinnedRater(dir, clock);
    for (const pin of ['0000', '1111', '2222']) await app.invoke('session.signInRater', { periodId, raterId, pin });
    await app.invoke('session.signInRater', { periodId, raterId, pin: '2468' }); // refused unheard: not a new failure
    await app.invoke('session.signInAdmin', { pin: '9999' });
    await app.invoke('session.signInAdmin', { pin: '1357' });
    const audit = await app.invoke('audit.list', { periodId, entity: 'session', limit: 50, offset: 0 });
    expect(audit).toMatchObject({ ok: true });
    if (!audit.ok) return;
    // Newest first, as the 操作记录 tab lists them.
    expect(audit.value.rows.map((r) => [r.actor, r.action, r.raterId]).reverse()).toEqual([
      ['登录界面', '评委 王建国 的 PIN 码错误（连续第 1 次）', raterId],
      ['登录界面', '评委 王建国 的 PIN 码错误（连续第 2 次）', raterId],
      ['登录界面', '评委 王建国 的 PIN 码错误（连续第 3 次），暂停登录 30 秒', raterId],
    ]);
    expect(await app.invoke('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    app.close();
  });
});

describe('migration 7 lets the audit log name sign-ins, keeping the history and its guards', () => {
  it('keeps every row with its id and hash, the chain, the triggers and the AUTOINCREMENT high mark', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v6.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 6), { file, backupDir: dir });
    const write = auditWriter(db, new Date('2026-01-01T00:00:00Z'));
    for (const action of ['一', '二', '三']) write({ periodId: null, actorKind: 'admin', actor: '管理员', entity: 'database', action });
    // A row cut off the end before the upgrade must still show afterwards.
    db.exec("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'audit'");
    const before = db.prepare('SELECT id, action, hash FROM audit ORDER BY id').all();
    expect(() => write({ periodId: null, actorKind: 'system', actor: '登录界面', entity: 'session', action: 'x' })).toThrow(/CHECK/);

    migrate(db, migrations, { file, backupDir: dir });
    expect(db.prepare('SELECT id, action, hash FROM audit ORDER BY id').all()).toEqual(before);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: 4 } });
    expect(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").get()).toEqual({ seq: 4 });
    expect(() => db.exec("UPDATE audit SET action = 'x' WHERE id = 1")).toThrow(/audit_append_only/);
    expect(() => db.exec('DELETE FROM audit WHERE id = 1')).toThrow(/audit_append_only/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'period_status_audit'").get()).toEqual({ name: 'period_status_audit' });
    expect(db.prepare('SELECT count(*) AS n FROM pin_guard').get()).toEqual({ n: 0 });
    db.close();
  });

  it('accepts session rows on a fresh database, chained like every other row', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fresh.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations, { file, backupDir: dir });
    const write = auditWriter(db, new Date('2026-01-01T00:00:00Z'));
    write({ periodId: null, actorKind: 'system', actor: '登录界面', entity: 'session', action: '管理员 PIN 码错误（连续第 1 次）' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 1, brokenAt: null });
    db.close();
  });
});
