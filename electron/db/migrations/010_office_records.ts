import type { Migration } from '../migrate';
import type { Database } from '../sqlite';

/** The audit table's triggers and the period-status trigger that writes into it, as stored. */
const AUDIT_TRIGGERS = ['audit_no_update', 'audit_no_delete', 'audit_append_check', 'period_status_audit'];

/**
 * 考核组核定 (issue 11 §3): facts the organising office records once per
 * branch on an office-recorded leaf — the value as the leaf's method defines
 * it, the reasons (`detail_json`, as on raters' entries), and what it rests
 * on (`evidence`: a 文件号 or 检查记录, and its date). Keyed and tied to the
 * period, branch and leaf like `measurement`.
 *
 * The audit log gains the entities `office` and `panel` (the panel — groups,
 * weights, raters, recusals — shapes every result, so its changes are logged
 * like scores). SQLite can't widen a CHECK in
 * place, so the table is rebuilt as migration 7 did: every row keeps its id
 * and hash (the chain still verifies), the AUTOINCREMENT high mark is
 * carried over, and the triggers are re-created from their stored text.
 */
export const m010OfficeRecords: Migration = {
  version: 10,
  name: 'office-records',
  sql: `
    CREATE TABLE office_record (
      period_id     INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      branch_id     INTEGER NOT NULL REFERENCES branch (id),
      indicator_id  INTEGER NOT NULL REFERENCES indicator (id),
      value         REAL NOT NULL,
      -- Reasons of deductions and vetoes, descriptions of bonus items: a JSON array of strings.
      detail_json   TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
      evidence      TEXT NOT NULL DEFAULT '',
      evidence_date TEXT CHECK (evidence_date IS NULL OR evidence_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      recorded_by   TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      PRIMARY KEY (period_id, branch_id, indicator_id)
    ) STRICT, WITHOUT ROWID;
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
        entity       TEXT NOT NULL CHECK (entity IN ('score', 'measurement', 'self', 'period', 'database', 'session', 'office', 'panel')),
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
