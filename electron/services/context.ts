import type { Database } from '../db';
import type { Logger } from './log';
import type { Session } from '../../shared/domain/scoring';
import type { AuditChainStatus } from '../../shared/domain/backups';
import type { FileAccess } from './grants';
import type { ResultsCache } from './results';
import type { Desktop } from './desktop';

export type { Desktop, FileFilter } from './desktop';

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
