import { AUDIT_HASHED_COLUMNS, auditHash } from '../audit-chain';
import type { Migration } from '../migrate';
import type { Database } from '../sqlite';

const COLUMNS = AUDIT_HASHED_COLUMNS.join(', ');
const NEW_VALUES = AUDIT_HASHED_COLUMNS.map((c) => `NEW.${c}`).join(', ');
const LAST = (column: string) => `(SELECT ${column} FROM audit ORDER BY id DESC LIMIT 1)`;
// Written out rather than taken from the catalogue: a migration says what it said on the day it shipped.
const label = (status: string) =>
  `(CASE ${status} WHEN 'draft' THEN '准备中' WHEN 'scoring' THEN '评分中' WHEN 'review' THEN '评审中' WHEN 'finalised' THEN '已定稿' ELSE ${status} END)`;

/**
 * An audit trail that can't be erased or rewritten:
 * - ids are AUTOINCREMENT (never reused) and the table has no foreign key,
 *   so deleting a period no longer cascades into its history;
 * - UPDATE and DELETE are refused always, INSERT OR REPLACE and explicit old
 *   ids are refused, back-dated rows are refused;
 * - each row carries a hash over the previous row's hash and its own content,
 *   checked on insert by `rp_audit_hash` (registered by the app: a tool
 *   without it can't append) and re-checked by `rongping audit verify`;
 * - a period's status change writes its own audit row from a trigger, so a
 *   finalised period cannot be unlocked silently;
 * - periods gain `archived_at`: one with history is archived, not deleted.
 */
export const m006AuditTrail: Migration = {
  version: 6,
  name: 'audit-trail',
  sql: `
    CREATE TABLE audit_chained (
      id           INTEGER PRIMARY KEY AUTOINCREMENT CHECK (id > 0),
      at           TEXT NOT NULL,
      period_id    INTEGER,
      actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('admin', 'rater', 'import', 'system')),
      actor        TEXT NOT NULL,
      entity       TEXT NOT NULL CHECK (entity IN ('score', 'measurement', 'self', 'period', 'database')),
      action       TEXT NOT NULL,
      rater_id     INTEGER,
      branch_id    INTEGER,
      indicator_id INTEGER,
      old_json     TEXT CHECK (old_json IS NULL OR json_valid(old_json)),
      new_json     TEXT CHECK (new_json IS NULL OR json_valid(new_json)),
      reason       TEXT NOT NULL DEFAULT '',
      hash         TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    ALTER TABLE period ADD COLUMN archived_at TEXT;
  `,
  up(db: Database) {
    // Chain the rows written before this version, in their order.
    const insert = db.prepare(`INSERT INTO audit_chained (id, ${COLUMNS}, hash) VALUES (@id, ${AUDIT_HASHED_COLUMNS.map((c) => `@${c}`).join(', ')}, @hash)`);
    let prev: string | null = null;
    for (const row of db.prepare<[], Record<string, string | number | null>>(`SELECT id, ${COLUMNS} FROM audit ORDER BY id`).all()) {
      const hash = auditHash(prev, AUDIT_HASHED_COLUMNS.map((c) => row[c] ?? null));
      insert.run({ ...row, hash });
      prev = hash;
    }
    db.exec(`
      DROP TABLE audit;
      ALTER TABLE audit_chained RENAME TO audit;
      CREATE INDEX audit_period ON audit (period_id, id);

      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit_append_only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit_append_only'); END;
      CREATE TRIGGER audit_append_check BEFORE INSERT ON audit
      BEGIN
        -- An explicit id at or below the last one: REPLACE of an existing row, or a reused id.
        SELECT RAISE(ABORT, 'audit_append_only') WHERE NEW.id <> -1 AND NEW.id <= coalesce((SELECT max(id) FROM audit), 0);
        SELECT RAISE(ABORT, 'audit_backdated') WHERE NEW.at < ${LAST('at')};
        SELECT RAISE(ABORT, 'audit_chain') WHERE NEW.hash IS NOT rp_audit_hash(${LAST('hash')}, ${NEW_VALUES});
      END;

      CREATE TRIGGER period_status_audit AFTER UPDATE OF status ON period WHEN OLD.status IS NOT NEW.status
      BEGIN
        INSERT INTO audit (${COLUMNS}, hash)
        SELECT ${COLUMNS}, rp_audit_hash(prev, ${COLUMNS}) FROM (
          SELECT max(rp_audit_now(), coalesce(${LAST('at')}, '')) AS at,
                 NEW.id AS period_id,
                 rp_audit_actor_kind() AS actor_kind,
                 rp_audit_actor() AS actor,
                 'period' AS entity,
                 (CASE WHEN OLD.status = 'finalised' THEN '重新开启（' ELSE '' END) || ${label('OLD.status')} || ' → ' || ${label('NEW.status')}
                   || (CASE WHEN OLD.status = 'finalised' THEN '）' ELSE '' END) AS action,
                 NULL AS rater_id, NULL AS branch_id, NULL AS indicator_id,
                 json_quote(OLD.status) AS old_json,
                 json_quote(NEW.status) AS new_json,
                 rp_audit_reason() AS reason,
                 ${LAST('hash')} AS prev
        );
      END;
    `);
  },
};
