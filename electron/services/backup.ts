/**
 * Backups (备份) of the database with SQLite's online backup API: taken
 * automatically at the first start of a day and before imports, finalising
 * and reopening; kept to the newest N; listed and restored from the app and
 * the CLI. A backup is written under a `.partial` name and renamed when
 * complete, so a crash mid-way never leaves a file that looks like a backup.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTOR_NAMES } from '../../shared/domain/audit';
import { BACKUP_REASONS, type BackupInfo, type BackupList, type BackupReason } from '../../shared/domain/backups';
import { t } from '../../shared/messages';
import { backupFolder, DATABASE_FILE_NAME, openAppDatabase, schemaVersion, LATEST_SCHEMA_VERSION, type Database } from '../db';
import { openSqlite } from '../db/sqlite';
import { auditWriter } from './audit';
import type { ServiceContext } from './context';
import { AppError } from '../errors';
import { readSetting, writeSetting } from './settings';
import { checkAuditChain } from './audit-verify';

export const DEFAULT_BACKUP_KEEP = 30;
const PARTIAL = '.partial';
// rongping-20261203-081425-123-daily.db: UTC, sortable, reason last.
const NAME = /^rongping-(\d{8})-(\d{6})-(\d{3})-([a-z]+)\.db$/;
// Written by the migration runner: rongping-v5-before-v6-20261203T081425.db
const MIGRATION_NAME = /^rongping-v\d+-before-v\d+-(\d{8})T(\d{6})\.db$/;

export { backupFolder };

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
const isoOf = (date: string, time: string, ms = '000') =>
  `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`;

function parseName(name: string): { at: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (m && (BACKUP_REASONS as readonly string[]).includes(m[4]!)) return { at: isoOf(m[1]!, m[2]!, m[3]!), reason: m[4] as BackupReason };
  const mig = MIGRATION_NAME.exec(name);
  if (mig) return { at: isoOf(mig[1]!, mig[2]!), reason: 'migrate' };
  return null;
}

export const backupKeep = (db: Database) => readSetting<number>(db, 'backupKeep', DEFAULT_BACKUP_KEEP);

export function listBackups(ctx: ServiceContext): BackupList {
  const dir = backupFolder(ctx.dataDir);
  const backups: BackupInfo[] = existsSync(dir)
    ? readdirSync(dir)
        .flatMap((name) => {
          const parsed = parseName(name);
          return parsed ? [{ name, ...parsed, bytes: statSync(path.join(dir, name)).size }] : [];
        })
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1))
    : [];
  return { folder: dir, keep: backupKeep(ctx.db), backups };
}

/** Copies the live database with the backup API; the file appears under its final name only when complete. */
async function writeBackup(db: Database, target: string, pagesPerStep = 100): Promise<void> {
  const partial = target + PARTIAL;
  try {
    // Page by page between turns of the event loop, so the app stays responsive during a large backup.
    await db.backup(partial, { progress: () => pagesPerStep });
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new AppError('io', t('error.io', { file: target, reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** Takes a backup now and prunes the automatic ones beyond the kept number. */
export async function takeBackup(ctx: ServiceContext, reason: Exclude<BackupReason, 'migrate'>, options: { pagesPerStep?: number } = {}): Promise<BackupInfo> {
  const dir = backupFolder(ctx.dataDir);
  let at = ctx.now();
  let name = `rongping-${stamp(at)}-${reason}.db`;
  // Two backups in one millisecond (an import right after the daily one) get distinct names.
  while (existsSync(path.join(dir, name))) {
    at = new Date(at.getTime() + 1);
    name = `rongping-${stamp(at)}-${reason}.db`;
  }
  const file = path.join(dir, name);
  await writeBackup(ctx.db, file, options.pagesPerStep);
  prune(ctx);
  return { name, at: at.toISOString(), reason, bytes: statSync(file).size };
}

/** Keeps the newest N backups the app took by itself; the user's own (manual) and migration copies stay. */
function prune(ctx: ServiceContext): void {
  const keep = backupKeep(ctx.db);
  const automatic = listBackups(ctx).backups.filter((b) => b.reason !== 'manual' && b.reason !== 'migrate');
  for (const old of automatic.slice(keep)) rmSync(path.join(backupFolder(ctx.dataDir), old.name), { force: true });
}

export function setBackupKeep(ctx: ServiceContext, keep: number): BackupList {
  writeSetting(ctx.db, 'backupKeep', keep, ctx.now());
  prune(ctx);
  return listBackups(ctx);
}

/** Backs up to a file the user named (CLI `backup FILE`). */
export async function backupTo(db: Database, file: string): Promise<{ path: string; bytes: number }> {
  if (existsSync(file)) throw new AppError('io', t('error.io', { file, reason: t('error.backup.fileExists') }));
  await writeBackup(db, file);
  return { path: file, bytes: statSync(file).size };
}

/**
 * At start-up: removes what a crash during a backup left behind, and takes
 * the day's first backup when none was taken today (local date of the PC).
 */
export async function startupBackup(ctx: ServiceContext): Promise<BackupInfo | null> {
  const dir = backupFolder(ctx.dataDir);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.includes(PARTIAL)) rmSync(path.join(dir, name), { force: true });
  }
  const today = ctx.now().toLocaleDateString('sv');
  if (readSetting<string | null>(ctx.db, 'lastDailyBackup', null) === today) return null;
  const info = await takeBackup(ctx, 'daily');
  writeSetting(ctx.db, 'lastDailyBackup', today, ctx.now());
  return info;
}

/** Checks a backup can be opened, is whole, and is from this app (not newer). */
function checkBackup(file: string, name: string): void {
  let db: Database | null = null;
  try {
    db = openSqlite(file, { readonly: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('validation', t('backup.error.damaged', { name, detail: String(integrity) }));
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('db_newer', t('error.dbNewer', { file: name, found: version, known: LATEST_SCHEMA_VERSION }));
    if (version === 0) throw new AppError('validation', t('backup.error.damaged', { name, detail: t('error.backup.notRongpingFile') }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation', t('backup.error.damaged', { name, detail: e instanceof Error ? e.message : String(e) }));
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database with a backup: checks it first, backs the current
 * database up (reason "restore"), swaps the files while the database is
 * closed, reopens (migrating an older backup) and logs the restore in the
 * restored database's audit trail.
 */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<{ restored: string; safetyCopy: string }> {
  const entry = listBackups(ctx).backups.find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', t('backup.error.notFound', { name }));
  const source = path.join(backupFolder(ctx.dataDir), name);
  checkBackup(source, name);
  const safety = await takeBackup(ctx, 'restore');
  const staged = path.join(ctx.dataDir, `${DATABASE_FILE_NAME}.restoring`);
  copyFileSync(source, staged);
  checkBackup(staged, name);
  ctx.db.close();
  // Another process (the CLI) with the database open keeps its WAL: swapping the file under it would corrupt both.
  if (existsSync(`${ctx.databaseFile}-wal`)) {
    rmSync(staged, { force: true });
    ctx.db = openAppDatabase(ctx.dataDir).db;
    throw new AppError('busy', t('backup.error.inUse'));
  }
  rmSync(`${ctx.databaseFile}-shm`, { force: true });
  renameSync(staged, ctx.databaseFile);
  const reopened = openAppDatabase(ctx.dataDir);
  ctx.db = reopened.db;
  ctx.readOnly = reopened.readOnly;
  ctx.results.invalidate();
  // What the screens show of the chain is now the restored file's.
  ctx.auditChain = checkAuditChain(ctx.db, ctx.now(), ctx.log);
  const actor = ctx.session.kind === 'admin' ? AUDIT_ACTOR_NAMES.admin : AUDIT_ACTOR_NAMES.system;
  auditWriter(ctx.db, ctx.now())({
    periodId: null,
    actorKind: ctx.session.kind === 'admin' ? 'admin' : 'system',
    actor,
    entity: 'database',
    action: t('backup.audit.restored', { name }),
    reason: t('backup.audit.safetyCopy', { name: safety.name }),
  });
  return { restored: name, safetyCopy: safety.name };
}
