/**
 * Issue 10 §8: backups and restore, and a database file that is not what it
 * should be (empty, not SQLite, read-only).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, verifyAuditChain } from '../../electron/db';
import { createServices } from '../../electron/services';
import { backupFolder } from '../../electron/services/backup';
import { AppError } from '../../electron/errors';
import { periodSetup } from '../helpers/period-setup';
import { repoPath } from '../helpers/repo';
import { tempDir, tempServices } from '../helpers/tmp';
import { ok } from '../helpers/result';


describe('automatic backups', () => {
  it('takes one at the first start of a day, not at the second, and again the next day', async () => {
    const dataDir = tempDir();
    let day = new Date('2026-12-03T09:00:00');
    const start = async () => {
      const s = createServices({ dataDir, dailyBackup: true, now: () => day });
      await s.ctx.startup;
      const list = ok(await s.invoke('backups.list', {}));
      s.close();
      return list.backups.filter((b) => b.reason === 'daily').length;
    };
    expect(await start()).toBe(1);
    expect(await start()).toBe(1);
    day = new Date('2026-12-04T08:00:00');
    expect(await start()).toBe(2);
  });

  it('takes one before every import, finalising and reopening, and keeps only the newest N automatic ones', async () => {
    const { invoke, periodId } = await periodSetup();
    ok(await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' }));
    ok(await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' }));
    ok(await invoke('periods.reopen', { id: periodId, reason: '更正' }));
    const reasons = ok(await invoke('backups.list', {})).backups.map((b) => b.reason);
    // periodSetup imported its framework workbook: one "import" backup.
    expect(reasons.sort()).toEqual(['finalise', 'import', 'reopen']);
    ok(await invoke('backups.create', {}));
    const list = ok(await invoke('backups.setKeep', { keep: 3 }));
    expect(list.keep).toBe(3);
    for (let i = 0; i < 3; i++) {
      ok(await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' }));
      ok(await invoke('periods.reopen', { id: periodId, reason: `第 ${i + 1} 次更正` }));
    }
    const after = ok(await invoke('backups.list', {})).backups;
    expect(after.filter((b) => b.reason !== 'manual')).toHaveLength(3);
    // The user's own backup is never pruned.
    expect(after.filter((b) => b.reason === 'manual')).toHaveLength(1);
    expect(await invoke('backups.setKeep', { keep: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('restore', () => {
  it('puts a backup back, after saving the current database as a backup, and logs it', async () => {
    const { invoke, services, periodId } = await periodSetup();
    const backup = ok(await invoke('backups.create', {}));
    ok(await invoke('periods.update', { id: periodId, name: '改过的名字', year: 2026, kind: 'annual', settings: {} }));
    const restored = ok(await invoke('backups.restore', { name: backup.name }));
    expect(restored.restored).toBe(backup.name);
    expect(ok(await invoke('periods.get', { id: periodId })).name).toBe('2026年度');
    const db = services.ctx.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(ok(await invoke('app.info', {})).auditChain).toMatchObject({ ok: true });
    expect(db.prepare("SELECT action, reason FROM audit WHERE entity = 'database'").all()).toEqual([
      { action: `从备份恢复：${backup.name}`, reason: `恢复前的数据库已备份为 ${restored.safetyCopy}` },
    ]);
    // The database as it was before the restore is a backup in its own right.
    ok(await invoke('backups.restore', { name: restored.safetyCopy }));
    expect(ok(await invoke('periods.get', { id: periodId })).name).toBe('改过的名字');
  });

  it('shows the restored file’s audit chain, not the replaced one’s', async () => {
    const { invoke, services } = await periodSetup();
    const backup = ok(await invoke('backups.create', {}));
    services.ctx.db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET reason = '改写' WHERE id = 1;");
    expect(ok(await invoke('audit.verify', {})).ok).toBe(false);
    ok(await invoke('backups.restore', { name: backup.name }));
    expect(ok(await invoke('app.info', {})).auditChain).toMatchObject({ ok: true, brokenAt: null });
  });

  it('refuses a damaged backup, naming it, and changes nothing', async () => {
    const { invoke, services, periodId } = await periodSetup();
    const name = 'rongping-20261201-080000-000-daily.db';
    writeFileSync(path.join(backupFolder(services.ctx.dataDir), name), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = ok(await invoke('backups.list', {})).backups.length;
    const result = await invoke('backups.restore', { name });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining(`备份 ${name} 无法使用`) } });
    expect(ok(await invoke('backups.list', {})).backups).toHaveLength(before);
    expect(ok(await invoke('periods.get', { id: periodId })).name).toBe('2026年度');
  });

  it('restores only from the backups folder', async () => {
    const { invoke } = tempServices();
    expect(await invoke('backups.restore', { name: '../rongping.db' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('backups.restore', { name: 'rongping-20261201-080000-000-daily.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('a database file that is not what it should be', () => {
  it('refuses a 0-byte rongping.db with a message, and leaves it as it is', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    writeFileSync(file, '');
    expect(() => createServices({ dataDir })).toThrow(AppError);
    expect(() => createServices({ dataDir })).toThrow(/是空的（0 字节）/);
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a file that is not a SQLite database', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, DATABASE_FILE_NAME), '这不是数据库'.repeat(100));
    expect(() => createServices({ dataDir })).toThrow(/不是融评的数据文件/);
  });

  it('opens a read-only database for viewing; a write says why it failed', async (ctx) => {
    const dataDir = tempDir();
    const first = createServices({ dataDir });
    ok(await first.invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' }));
    first.close();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    try {
      execFileSync('chattr', ['+i', file, dataDir]);
    } catch {
      ctx.skip('chattr +i is not available on this file system: cannot make a file read-only for root');
    }
    try {
      const s = createServices({ dataDir });
      expect(s.ctx.readOnly).toBe(true);
      expect(ok(await s.invoke('app.info', {})).readOnly).toBe(true);
      expect(ok(await s.invoke('branches.list', {})).map((b) => b.code)).toEqual(['HG-01']);
      expect(await s.invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
      s.close();
    } finally {
      execFileSync('chattr', ['-i', file, dataDir]);
    }
  });
});

describe('a crash during a backup', () => {
  it('leaves no 0-byte or partial file that looks like a backup, and the next start clears what it left', async () => {
    const dataDir = tempDir();
    // node itself, not the tsx wrapper: SIGKILL must reach the process doing the backup.
    const loader = pathToFileURL(repoPath('node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, repoPath('test', 'helpers', 'backup-process.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('backing-up')) child.kill('SIGKILL');
      });
      child.on('close', () => resolve());
    });
    const left = readdirSync(backupFolder(dataDir));
    // The kill landed mid-way: the backup was still being written.
    expect(left.filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    for (const name of left) {
      if (name.endsWith('.db')) expect(statSync(path.join(backupFolder(dataDir), name)).size).toBeGreaterThan(0);
    }
    const s = createServices({ dataDir, dailyBackup: true });
    await s.ctx.startup;
    const names = readdirSync(backupFolder(dataDir));
    expect(names.filter((n) => n.includes('.partial'))).toEqual([]);
    expect(ok(await s.invoke('backups.list', {})).backups.every((b) => b.bytes > 0)).toBe(true);
    expect(s.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    s.close();
    expect(existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(true);
  });
});
