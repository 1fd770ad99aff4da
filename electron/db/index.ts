import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/messages';
import { AppError } from '../services/errors';
import { migrate, type MigrationReport } from './migrate';
import { migrations } from './migrations';
import { openSqlite, type Database } from './sqlite';

export type { Database } from './sqlite';
export { LATEST_SCHEMA_VERSION } from './migrations';

export const DATABASE_FILE_NAME = 'rongping.db';

export interface OpenedDatabase {
  db: Database;
  file: string;
  migration: MigrationReport;
}

/** Opens the app's database in a data directory, creating and migrating it as needed. */
export function openAppDatabase(dataDir: string): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const backupDir = path.join(dataDir, 'backups');
  mkdirSync(backupDir, { recursive: true });
  let db: Database;
  try {
    db = openSqlite(file);
  } catch (e) {
    throw new AppError('io', t('error.dbOpen', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  try {
    const migration = migrate(db, migrations, { file, backupDir });
    return { db, file, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;
