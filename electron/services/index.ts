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
import { fileLogger } from './log';
import { ResultsCache } from './results';
import { readSetting } from './settings';

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

export function createServices(options: { dataDir: string; desktop?: Desktop; now?: () => Date }): Services {
  const { db, file } = openAppDatabase(options.dataDir);
  const log = fileLogger(options.dataDir);
  const ctx: ServiceContext = {
    db,
    dataDir: options.dataDir,
    databaseFile: file,
    appVersion: APP_VERSION,
    log,
    desktop: options.desktop ?? headlessDesktop,
    results: new ResultsCache(),
    // The office PC starts as the admin unless an admin PIN is set; raters sign in to score.
    session: readSetting<string | null>(db, 'adminPinHash', null) === null ? { kind: 'admin' } : { kind: 'none' },
    now: options.now ?? (() => new Date()),
  };
  const invoke = ((method, input) => dispatch(ctx, method, input)) as Invoke;
  return { ctx, invoke, close: () => db.close() };
}
