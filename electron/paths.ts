import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from '../shared/domain/product';

/** Environment variable that overrides the data directory (CLI, tests, harness). */
export const DATA_DIR_ENV = 'RONGPING_DATA_DIR';

/**
 * Where the database and logs live. The app passes Electron's `userData`;
 * `--data-dir` or RONGPING_DATA_DIR override it. The CLI without either uses
 * the same folder the installed app uses on this OS, so it sees the app's data.
 */
export function resolveDataDir(options: { flag?: string; appDefault?: string; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV]);
  if (options.appDefault) return options.appDefault;
  return defaultUserDataDir(env);
}

/** Electron's userData for the product's name (融评), computed without Electron. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const name = PRODUCT_NAME;
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}
