import type { Migration } from '../migrate';
import type { Database } from '../sqlite';

/** The audit table's triggers and the period-status trigger that writes into it, as stored. */
const AUDIT_TRIGGERS = ['audit_no_update', 'audit_no_delete', 'audit_append_check', 'period_status_audit'];

/**
 * Sign-in that can't be guessed:
 * - `pin_guard` keeps, per PIN (the admin's, each rater's), the wrong tries
 *   in a row and until when every try is refused, so the wait survives a
 *   restart of the app;
 * - the audit log gains the entity `session`, for wrong PINs and lock-outs.
 *   SQLite can't widen a CHECK in place, so the table is rebuilt: every row
 *   keeps its id and hash (the chain still verifies), the AUTOINCREMENT high
 *   mark is carried over (rows cut off the end still show), and the triggers
 *   are re-created from their stored text.
 */
export const m007SignInGuard: Migration = {
  version: 7,
  name: 'sign-in-guard',
  sql: `
    CREATE TABLE pin_guard (
      target        TEXT PRIMARY KEY,
      failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
      locked_until  TEXT
    ) STRICT;
  `,
  up(db: Database) {
    const triggers = db
      .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${AUDIT_TRIGGERS.map(() => '?').join(', ')})`)
      .all(...AUDIT_TRIGGERS);
    const highMark = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").get()?.seq ?? 0;
    const columns = 'id, at, period_id, actor_kind, actor, entity, action, rater_id, branch_id, indicator_id, old_json, new_json, reason, hash';
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    db.exec(`
      CREATE TABLE audit_widened (
        id           INTEGER PRIMARY KEY AUTOINCREMENT CHECK (id > 0),
        at           TEXT NOT NULL,
        period_id    INTEGER,
        actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('admin', 'rater', 'import', 'system')),
        actor        TEXT NOT NULL,
        entity       TEXT NOT NULL CHECK (entity IN ('score', 'measurement', 'self', 'period', 'database', 'session')),
        action       TEXT NOT NULL,
        rater_id     INTEGER,
        branch_id    INTEGER,
        indicator_id INTEGER,
        old_json     TEXT CHECK (old_json IS NULL OR json_valid(old_json)),
        new_json     TEXT CHECK (new_json IS NULL OR json_valid(new_json)),
        reason       TEXT NOT NULL DEFAULT '',
        hash         TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      INSERT INTO audit_widened (${columns}) SELECT ${columns} FROM audit ORDER BY id;
      DROP TABLE audit;
      ALTER TABLE audit_widened RENAME TO audit;
      CREATE INDEX audit_period ON audit (period_id, id);
    `);
    const copied = db.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'audit'").run(highMark);
    if (copied.changes === 0 && highMark > 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('audit', ?)").run(highMark);
    for (const trigger of triggers) db.exec(trigger.sql);
  },
};
