/**
 * Builds the services for one process (the Electron main process, the CLI,
 * the test harness, a test): opens the database in the data directory and
 * returns the context plus a bound `invoke`.
 */
import type { Invoke } from '../../shared/api';
import { openAppDatabase } from '../db';
import { APP_VERSION } from './version';
import type { Desktop, ServiceContext } from './context';
import { dispatch } from './dispatch';
import { FileAccess, recordingDesktop, type PathPolicy } from './grants';
import { fileLogger } from './log';
import { ResultsCache } from './results';
import { readSetting } from './settings';
import { startupBackup } from './backup';
import { checkAuditChain } from './audit-verify';

export interface Services {
  ctx: ServiceContext;
  invoke: Invoke;
  close(): void;
}

/** No desktop: dialogs answer "cancelled" (the CLI, and tests that need none). */
export const headlessDesktop: Desktop = {
  openFile: () => Promise.resolve(null),
  saveFile: () => Promise.resolve(null),
  openFolder: () => Promise.resolve(null),
  showInFolder: () => Promise.resolve(),
};

export interface ServicesOptions {
  dataDir: string;
  desktop?: Desktop;
  now?: () => Date;
  /**
   * Where files may go (electron/services/grants.ts): 'dialog' where a renderer
   * calls (Electron, the browser harness): only paths the user chose in a
   * dialog; 'trusted' (default: the CLI, tests): any absolute path.
   */
  paths?: PathPolicy;
  /** 'trusted' only: replace existing files (the CLI's --force). */
  overwrite?: boolean;
  /** Take the day's first backup at start (the app and the harness; not the CLI or tests). */
  dailyBackup?: boolean;
}

export function createServices(options: ServicesOptions): Services {
  const { db, file, readOnly } = openAppDatabase(options.dataDir);
  const log = fileLogger(options.dataDir);
  const files = new FileAccess(options.paths ?? 'trusted', options.overwrite ?? false);
  const ctx: ServiceContext = {
    db,
    dataDir: options.dataDir,
    databaseFile: file,
    appVersion: APP_VERSION,
    log,
    desktop: recordingDesktop(options.desktop ?? headlessDesktop, files),
    files,
    results: new ResultsCache(),
    // The office PC starts as the admin unless an admin PIN is set; raters sign in to score.
    session: readSetting<string | null>(db, 'adminPinHash', null) === null ? { kind: 'admin' } : { kind: 'none' },
    now: options.now ?? (() => new Date()),
    readOnly,
    auditChain: checkAuditChain(db, new Date(), log),
    startup: Promise.resolve(null),
  };
  if (options.dailyBackup && !readOnly) {
    ctx.startup = startupBackup(ctx).catch((e: unknown) => {
      log.error('daily backup', e);
      return null;
    });
  }
  const invoke = ((method, input) => dispatch(ctx, method, input)) as Invoke;
  // ctx.db, not db: restoring a backup reopens the database.
  return { ctx, invoke, close: () => ctx.db.close() };
}
