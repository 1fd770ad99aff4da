import { existsSync, statSync } from 'node:fs';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from './errors';

/**
 * Writes a complete, consistent copy of the database to `file` (safe while
 * the app is running: SQLite's VACUUM INTO reads one snapshot).
 */
export function backupDatabase(db: Database, file: string): { path: string; bytes: number } {
  if (existsSync(file)) throw new AppError('io', t('error.io', { file, reason: '文件已存在，请换一个文件名' }));
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (e) {
    throw new AppError('io', t('error.io', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  return { path: file, bytes: statSync(file).size };
}
