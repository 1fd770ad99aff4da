/** App-wide settings kept in the database (so a backup carries them). */
import type { Database } from '../db';

export function readSetting<T>(db: Database, key: string, fallback: T): T {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM setting WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value_json) as T) : fallback;
}

export function writeSetting(db: Database, key: string, value: unknown, now: Date): void {
  db.prepare(
    'INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now.toISOString());
}

/** The period the app works on: the chosen one if it still exists (and is not archived), else the newest. */
export function currentPeriodId(db: Database): number | null {
  const chosen = readSetting<number | null>(db, 'currentPeriodId', null);
  if (chosen !== null && db.prepare('SELECT 1 FROM period WHERE id = ? AND archived_at IS NULL').get(chosen)) return chosen;
  return db.prepare<[], { id: number }>('SELECT id FROM period WHERE archived_at IS NULL ORDER BY year DESC, id DESC LIMIT 1').get()?.id ?? null;
}
