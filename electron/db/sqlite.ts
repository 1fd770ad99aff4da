/**
 * The only module that imports better-sqlite3. Everything else receives a
 * `Database` from here, already configured and migrated.
 */
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { registerAuditFunctions } from './audit-chain';

export type Database = BetterSqlite3.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

/**
 * How long a writer waits for another process (the CLI while the app is
 * open, a second CLI run) to finish its transaction before giving up with a
 * clear "busy" message. The wait blocks the calling process, so it stays
 * short enough for the window to come back soon.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating if needed) a SQLite file with the settings the app relies on. */
export function openSqlite(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database {
  const db = openPlain(file, options);
  // The audit trail's hash chain and its triggers need these on every connection.
  registerAuditFunctions(db);
  return db;
}

/**
 * A read-only, in-memory copy of a database file, for viewing one that can't
 * be opened in place: a WAL database in a folder that can't be written (a
 * read-only share or medium) has nowhere to put its shared-memory file.
 */
export function openSnapshot(file: string): Database {
  const image = readFileSync(file);
  // Bytes 18–19 say "WAL"; an in-memory database has no WAL, so read it as a rollback-journal file.
  image[18] = 1;
  image[19] = 1;
  const db = new BetterSqlite3(image, { readonly: true });
  db.pragma('foreign_keys = ON');
  registerAuditFunctions(db);
  return db;
}

/**
 * The file as any other SQLite tool sees it: no app functions, so the audit
 * triggers refuse what they guard. For tests of tampering and for forensics.
 */
export function openAsForeignTool(file: string): Database {
  return openPlain(file, { fileMustExist: true });
}

function openPlain(file: string, options: { readonly?: boolean; fileMustExist?: boolean }): Database {
  const readonly = options.readonly ?? false;
  const db = new BetterSqlite3(file, { readonly, fileMustExist: readonly || (options.fileMustExist ?? false) });
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

/**
 * Runs `work` in one transaction that takes the write lock at BEGIN
 * (IMMEDIATE). A deferred transaction that reads and then writes cannot wait
 * for a second process's lock (SQLite answers "database is locked" at once);
 * an immediate one waits up to the busy timeout. Nested calls become
 * savepoints of the outer transaction. Every multi-statement write in the
 * app goes through here (lint forbids `db.transaction` elsewhere).
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place transactions are opened
  return db.transaction(work).immediate();
}

/** True for SQLite's "another connection holds the lock" failures (after the busy timeout ran out). */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** True when the database file cannot be written (read-only file, folder or medium). */
export function isReadOnlyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}
