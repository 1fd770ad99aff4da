/**
 * The only module that imports better-sqlite3. Everything else receives a
 * `Database` from here, already configured and migrated.
 */
import BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

/** Opens (creating if needed) a SQLite file with the settings the app relies on. */
export function openSqlite(file: string, options: { readonly?: boolean } = {}): Database {
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A second process (the CLI while the app is open) waits instead of failing at once.
  db.pragma('busy_timeout = 5000');
  return db;
}
