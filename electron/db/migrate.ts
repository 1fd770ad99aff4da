import { existsSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { inTransaction, type Database } from './sqlite';

export interface Migration {
  /** 1, 2, 3, …: becomes `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  /** The schema change. */
  sql: string;
  /** Data work SQL alone cannot do (run after `sql`, in the same transaction). */
  up?: (db: Database) => void;
}

export interface MigrationReport {
  from: number;
  to: number;
  /** The copy written before migrating, when there was anything to copy. */
  backupFile: string | null;
}

/** Checks the list is 1, 2, 3, … with no gap, so a typo cannot skip a step. */
function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * Brings the database up to the newest schema. A database from a newer app is
 * refused; an existing one is copied aside before anything changes; all
 * pending steps run in one transaction, so a failure leaves it as it was.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[],
  options: { file: string; backupDir: string; now?: Date },
): MigrationReport {
  checkSequence(migrations);
  const latest = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new AppError('db_newer', t('error.dbNewer', { file: options.file, found: from, known: latest }));
  }
  if (from === latest) return { from, to: latest, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0) {
    backupFile = path.join(
      options.backupDir,
      `${path.basename(options.file, '.db')}-v${from}-before-v${latest}-${stamp(options.now ?? new Date())}.db`,
    );
    if (existsSync(backupFile)) throw new AppError('io', t('error.io', { file: backupFile, reason: 'exists' }));
    // VACUUM INTO writes a consistent, compact copy even while in WAL mode.
    db.prepare('VACUUM INTO ?').run(backupFile);
  }

  inTransaction(db, () => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      m.up?.(db);
      // PRAGMA takes no bound parameters; the value is an integer from our own list.
      db.pragma(`user_version = ${Number(m.version)}`);
    }
  });
  return { from, to: latest, backupFile };
}
