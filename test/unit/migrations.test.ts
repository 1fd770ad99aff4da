import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openAppDatabase, schemaVersion } from '../../electron/db';
import { registerAuditFunctions } from '../../electron/db/audit-chain';
import { migrate, type Migration } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { openSqlite } from '../../electron/db/sqlite';
import { AppError } from '../../electron/errors';
import { tempDir } from '../helpers/tmp';

const tables = (db: ReturnType<typeof openSqlite>) =>
  db
    .prepare<[], { name: string; strict: number }>(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();

describe('migration runner', () => {
  it('creates a fresh database at the newest schema, WAL, foreign keys on, STRICT tables, no backup', () => {
    const dir = tempDir();
    const { db, migration } = openAppDatabase(dir);
    try {
      expect(migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const all = tables(db);
      expect(all.map((t) => t.name)).toEqual(expect.arrayContaining(['branch', 'setting']));
      expect(all.every((t) => t.strict === 1)).toBe(true);
      expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it.each(migrations.map((m) => [m.version, m.name] as const))(
    'applies step %i (%s) on the database of the step before, leaving it consistent',
    (version) => {
      const dir = tempDir();
      const db = openSqlite(path.join(dir, 'step.db'));
      try {
        migrate(db, migrations.slice(0, version - 1), { file: 'step.db', backupDir: dir });
        const schema = () => db.prepare<[], { sql: string }>('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all();
        const before = schema();
        migrate(db, migrations.slice(0, version), { file: 'step.db', backupDir: dir });
        expect(schemaVersion(db)).toBe(version);
        expect(schema()).not.toEqual(before);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    },
  );

  it('upgrades an older database, keeping its data and writing a backup first', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE_NAME);
    const old = openSqlite(file);
    migrate(old, migrations.slice(0, 1), { file, backupDir: path.join(dir, 'backups') });
    old
      .prepare("INSERT INTO branch (code, name, created_at, updated_at) VALUES ('HG-01', '化工一厂第一党支部', 'x', 'x')")
      .run();
    old.close();

    const { db, migration } = openAppDatabase(dir);
    try {
      expect(migration.from).toBe(1);
      expect(migration.to).toBe(LATEST_SCHEMA_VERSION);
      expect(migration.backupFile).not.toBeNull();
      expect(existsSync(migration.backupFile!)).toBe(true);
      expect(db.prepare('SELECT name FROM branch').all()).toEqual([{ name: '化工一厂第一党支部' }]);
      // The backup is the old database, whole and at its old version.
      const backup = openSqlite(migration.backupFile!, { readonly: true });
      expect(schemaVersion(backup)).toBe(1);
      expect(backup.prepare('SELECT code FROM branch').all()).toEqual([{ code: 'HG-01' }]);
      backup.close();
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE_NAME);
    const future = openSqlite(file);
    future.pragma('user_version = 99');
    future.close();

    let error: unknown;
    try {
      openAppDatabase(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer');
    expect((error as AppError).message).toContain('更新版本');
    expect((error as AppError).message).toContain('99');
    const check = openSqlite(file, { readonly: true });
    expect(schemaVersion(check)).toBe(99);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it('rolls every step back when one fails, so a half-migrated database never exists', () => {
    const dir = tempDir();
    const db = openSqlite(path.join(dir, 'x.db'));
    const broken: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, broken, { file: 'x.db', backupDir: dir })).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rejects a migration list with a gap in its numbers', () => {
    const dir = tempDir();
    const db = openSqlite(path.join(dir, 'x.db'));
    expect(() =>
      migrate(db, [{ version: 2, name: 'skipped-one', sql: '' }], { file: 'x.db', backupDir: dir }),
    ).toThrow(/expected 1/);
    db.close();
  });
});

describe('migration 13: findings of office records', () => {
  it('adds findings_json to office_record: records of a version-12 database read unchanged with none, and only JSON is stored', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v12.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 12), { file, backupDir: dir });
    const stamp = '2026-11-21T00:00:00.000Z';
    db.exec(`INSERT INTO branch (id, code, name, created_at, updated_at) VALUES (1, 'HG-01', '化工一厂第一党支部', '${stamp}', '${stamp}');
             INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, '${stamp}', '${stamp}');
             INSERT INTO indicator (id, framework_id, code, name, tag, max_points, method_json) VALUES (1, 1, '1', '三会一课', 'party', 20, '{"kind":"deduction","perOccurrence":0.5,"entry":"office"}');
             INSERT INTO period (id, name, year, kind, framework_id, status, settings_json, created_at, updated_at) VALUES (1, '2026年度', 2026, 'annual', 1, 'scoring', '{}', '${stamp}', '${stamp}');
             INSERT INTO office_record (period_id, branch_id, indicator_id, value, detail_json, evidence, evidence_date, recorded_by, updated_at)
               VALUES (1, 1, 1, 2, '["漏开支委会","漏上党课"]', '检查记录', '2026-10-12', '管理员', '${stamp}');`);
    const before = db.prepare('SELECT * FROM office_record').all() as Record<string, unknown>[];
    migrate(db, migrations, { file, backupDir: dir });

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(13);
    expect(db.prepare('SELECT * FROM office_record').all()).toEqual(before.map((r) => ({ ...r, findings_json: null })));
    const set = db.prepare('UPDATE office_record SET findings_json = ?');
    set.run('[{"rule":0,"count":2,"amount":1}]');
    expect(db.prepare('SELECT findings_json FROM office_record').get()).toEqual({ findings_json: '[{"rule":0,"count":2,"amount":1}]' });
    expect(() => set.run('not json')).toThrow(/CHECK/);
    set.run(null);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('migration 14: a framework’s grade scheme', () => {
  it('adds grade_scheme_json to framework: frameworks of a version-13 database read unchanged with none, and only JSON is stored', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v13.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 13), { file, backupDir: dir });
    const stamp = '2026-12-03T00:00:00.000Z';
    db.exec(`INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, '${stamp}', '${stamp}');
             INSERT INTO indicator (id, framework_id, code, name, tag, max_points, method_json) VALUES (1, 1, '1', '三会一课', 'party', 20, '{"kind":"rating","step":0.5}');
             UPDATE framework SET frozen_at = '${stamp}' WHERE id = 1;`);
    const before = db.prepare('SELECT * FROM framework').all() as Record<string, unknown>[];
    migrate(db, migrations.slice(0, 14), { file, backupDir: dir });

    expect(schemaVersion(db)).toBe(14);
    expect(db.prepare('SELECT * FROM framework').all()).toEqual(before.map((r) => ({ ...r, grade_scheme_json: null })));
    // Set on a frozen framework too: the scheme is the framework's meta, not its indicators (which stay locked).
    const set = db.prepare('UPDATE framework SET grade_scheme_json = ? WHERE id = 1');
    const scheme = '{"grades":[{"label":"达标","min":80},{"label":"不达标","min":0}],"quotas":[]}';
    set.run(scheme);
    expect(db.prepare('SELECT grade_scheme_json FROM framework').get()).toEqual({ grade_scheme_json: scheme });
    expect(() => set.run('not json')).toThrow(/CHECK/);
    set.run(null);
    expect(() => db.prepare("UPDATE indicator SET name = '改' WHERE id = 1").run()).toThrow(/framework_frozen/);
    db.close();
  });
});

describe('migration 15: branch categories and indicators’ applicability', () => {
  it('adds category to branch, applies_json to indicator and categories_json to framework: rows of a version-14 database read as none/all/none, and only JSON is stored', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v14.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 14), { file, backupDir: dir });
    const stamp = '2026-12-03T00:00:00.000Z';
    db.exec(`INSERT INTO branch (id, code, name, created_at, updated_at) VALUES (1, 'HG-01', '化工一厂第一党支部', '${stamp}', '${stamp}');
             INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, '${stamp}', '${stamp}');
             INSERT INTO indicator (id, framework_id, code, name, tag, max_points, method_json) VALUES (1, 1, '1', '安全生产', 'business', 20, '{"kind":"rating","step":0.5}');`);
    const branches = db.prepare('SELECT * FROM branch').all() as Record<string, unknown>[];
    const frameworks = db.prepare('SELECT * FROM framework').all() as Record<string, unknown>[];
    const indicators = db.prepare('SELECT * FROM indicator').all() as Record<string, unknown>[];
    migrate(db, migrations, { file, backupDir: dir });

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(15);
    expect(db.prepare('SELECT * FROM branch').all()).toEqual(branches.map((r) => ({ ...r, category: '' })));
    expect(db.prepare('SELECT * FROM framework').all()).toEqual(frameworks.map((r) => ({ ...r, categories_json: null })));
    expect(db.prepare('SELECT * FROM indicator').all()).toEqual(indicators.map((r) => ({ ...r, applies_json: null })));
    db.prepare("UPDATE branch SET category = '机关' WHERE id = 1").run();
    expect(() => db.prepare('UPDATE branch SET category = NULL WHERE id = 1').run()).toThrow(/NOT NULL/);
    db.prepare(`UPDATE framework SET categories_json = '["生产","机关"]' WHERE id = 1`).run();
    db.prepare(`UPDATE indicator SET applies_json = '["机关"]' WHERE id = 1`).run();
    expect(() => db.prepare("UPDATE framework SET categories_json = '生产' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE indicator SET applies_json = '[机关' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT applies_json FROM indicator').get()).toEqual({ applies_json: '["机关"]' });
    db.close();
  });
});

describe('migration 16: 分工评分 scopes of rater groups and raters', () => {
  it('adds scope_json to rater_group and rater: rows of a version-15 database read as NULL (the whole framework), and only JSON is stored', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v15.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 15), { file, backupDir: dir });
    const stamp = '2026-12-03T00:00:00.000Z';
    db.exec(`INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, '${stamp}', '${stamp}');
             INSERT INTO period (id, name, year, kind, framework_id, settings_json, created_at, updated_at) VALUES (1, '2026 年度', 2026, 'annual', 1, '{}', '${stamp}', '${stamp}');
             INSERT INTO rater_group (id, period_id, name, weight) VALUES (1, 1, '安全环保部', 1);
             INSERT INTO rater (id, period_id, group_id, name) VALUES (1, 1, 1, '王建国');`);
    const groups = db.prepare('SELECT * FROM rater_group').all() as Record<string, unknown>[];
    const raters = db.prepare('SELECT * FROM rater').all() as Record<string, unknown>[];
    migrate(db, migrations, { file, backupDir: dir });

    expect(schemaVersion(db)).toBeGreaterThanOrEqual(16);
    expect(db.prepare('SELECT * FROM rater_group').all()).toEqual(groups.map((r) => ({ ...r, scope_json: null })));
    expect(db.prepare('SELECT * FROM rater').all()).toEqual(raters.map((r) => ({ ...r, scope_json: null })));
    db.prepare(`UPDATE rater_group SET scope_json = '["3"]' WHERE id = 1`).run();
    db.prepare(`UPDATE rater SET scope_json = '["3.2"]' WHERE id = 1`).run();
    expect(() => db.prepare("UPDATE rater_group SET scope_json = '[3' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE rater SET scope_json = '3.2]' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT scope_json FROM rater').get()).toEqual({ scope_json: '["3.2"]' });
    db.close();
  });
});
