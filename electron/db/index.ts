import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { migrate, type MigrationReport } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { isReadOnlyError, openSnapshot, openSqlite, type Database } from './sqlite';

export type { Database } from './sqlite';
export { inTransaction, isBusyError, isReadOnlyError } from './sqlite';
export { withAuditContext, verifyAuditChain, type AuditChainReport } from './audit-chain';
export { LATEST_SCHEMA_VERSION } from './migrations';

export const DATABASE_FILE_NAME = 'rongping.db';

/** Where backups of the data folder's database go (migrations' and the app's own). */
export const backupFolder = (dataDir: string) => path.join(dataDir, 'backups');

export interface OpenedDatabase {
  db: Database;
  file: string;
  migration: MigrationReport;
  /** The file (or its folder, or the medium) cannot be written: opened for viewing only. */
  readOnly: boolean;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Refuses a file that exists but is not a database: a 0-byte file (a copy
 * cut short) would otherwise silently become a new, empty database, and the
 * user's data would look lost.
 */
function checkExistingFile(file: string, backupDir: string): void {
  if (!existsSync(file)) return;
  const size = statSync(file).size;
  if (size === 0) throw new AppError('io', t('error.dbEmpty', { file, backups: backupDir }));
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('io', t('error.dbNotSqlite', { file, backups: backupDir, reason: size < 16 ? t('db.notSqlite.tooShort') : t('db.notSqlite.badHeader') }));
  }
}

const writable = (file: string) => {
  try {
    accessSync(existsSync(file) ? file : path.dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Opens the app's database in a data directory, creating and migrating it as needed. */
export function openAppDatabase(dataDir: string): OpenedDatabase {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const backupDir = backupFolder(dataDir);
  checkExistingFile(file, backupDir);
  if (existsSync(file) && !writable(file)) return openReadOnly(file);
  let db: Database;
  try {
    mkdirSync(backupDir, { recursive: true });
    db = openSqlite(file);
  } catch (e) {
    if (isReadOnlyError(e) && existsSync(file)) return openReadOnly(file);
    throw new AppError('io', t('error.dbOpen', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  try {
    const migration = migrate(db, migrations, { file, backupDir });
    return { db, file, migration, readOnly: false };
  } catch (e) {
    db.close();
    if (e instanceof Error && (e as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError('io', t('error.dbNotSqlite', { file, backups: backupDir, reason: e.message }));
    }
    throw e;
  }
}

/** A database that can't be written is opened for viewing, if it needs no migration. */
function openReadOnly(file: string): OpenedDatabase {
  let db: Database;
  try {
    db = openSqlite(file, { readonly: true });
    schemaVersion(db);
  } catch {
    try {
      db = openSnapshot(file);
    } catch (e) {
      throw new AppError('io', t('error.dbOpen', { file, reason: e instanceof Error ? e.message : String(e) }));
    }
  }
  const version = schemaVersion(db);
  if (version !== LATEST_SCHEMA_VERSION) {
    db.close();
    throw new AppError('io', t('error.dbReadOnlyOld', { file, found: version, known: LATEST_SCHEMA_VERSION }));
  }
  return { db, file, migration: { from: version, to: version, backupFile: null }, readOnly: true };
}

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Changes exactly when another connection (the CLI, a second window, a restore) has committed to the file
 * since this connection last looked; this connection's own writes leave it as it is.
 */
export const dataVersion = (db: Database): number => db.pragma('data_version', { simple: true }) as number;
