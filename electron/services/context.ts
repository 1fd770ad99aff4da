import type { Database } from '../db';
import type { Logger } from './log';
import type { Session } from '../../shared/domain/scoring';
import type { AuditChainStatus } from '../../shared/domain/backups';
import type { FileAccess } from './grants';
import type { ResultsCache } from './results';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the desktop shell provides: native dialogs and the file manager. The
 * Electron main process implements it with `dialog`/`shell`; the test harness
 * with answers the test scripted; the CLI has none. `createServices` wraps it
 * so that every path a dialog answers is recorded as a grant (grants.ts): the
 * only places the renderer may then read or write.
 */
export interface Desktop {
  openFile(options: { title?: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(options: { title?: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder to write into (a batch of documents); null when cancelled. */
  openFolder(options: { title?: string }): Promise<string | null>;
  showInFolder(path: string): Promise<void>;
}

/** Everything a service needs; built once per process by `createServices`. */
export interface ServiceContext {
  db: Database;
  dataDir: string;
  databaseFile: string;
  appVersion: string;
  log: Logger;
  desktop: Desktop;
  /** Where files may be read and written: the dialogs' answers (the app) or a trusted caller (CLI, tests). */
  files: FileAccess;
  /** Computed results per period, dropped when a period's data changes. */
  results: ResultsCache;
  /** Who is at the keyboard; decides what may be seen and is recorded in the audit log. */
  session: Session;
  /** The database file can't be written: everything is for viewing. */
  readOnly: boolean;
  /** The audit trail's hash chain as checked at start-up (or by the last `audit.verify`). */
  auditChain: AuditChainStatus;
  /** Start-up work that runs in the background (the day's first backup). */
  startup: Promise<unknown>;
  /** Injected so tests can fix the clock. */
  now: () => Date;
}
