import type { Migration } from '../migrate';

const lock = (table: string, when: string) =>
  ['INSERT', 'UPDATE', 'DELETE']
    .map(
      (op) => `
    CREATE TRIGGER ${table}_finalised_${op.toLowerCase()} BEFORE ${op} ON ${table}
      WHEN (SELECT status FROM period WHERE id = ${op === 'INSERT' ? 'NEW' : 'OLD'}.${when}) = 'finalised'
      BEGIN SELECT RAISE(ABORT, 'period_finalised'); END;`,
    )
    .join('\n');

/**
 * Scoring control: optional rater PINs, "finished" marks, branches'
 * self-assessment, the audit log, and the lock of a finalised period —
 * enforced by the database itself, not only by the app's screens.
 */
export const m004ScoringControl: Migration = {
  version: 4,
  name: 'scoring-control',
  sql: `
    ALTER TABLE rater ADD COLUMN pin_hash TEXT;
    ALTER TABLE rater ADD COLUMN finished_at TEXT;

    CREATE TABLE self_assessment (
      period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      branch_id    INTEGER NOT NULL REFERENCES branch (id),
      indicator_id INTEGER NOT NULL REFERENCES indicator (id),
      value        REAL NOT NULL,
      note         TEXT NOT NULL DEFAULT '',
      updated_at   TEXT NOT NULL,
      PRIMARY KEY (period_id, branch_id, indicator_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE audit (
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      period_id    INTEGER REFERENCES period (id) ON DELETE CASCADE,
      actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('admin', 'rater', 'import', 'system')),
      actor        TEXT NOT NULL,
      entity       TEXT NOT NULL CHECK (entity IN ('score', 'measurement', 'self', 'period')),
      action       TEXT NOT NULL,
      rater_id     INTEGER,
      branch_id    INTEGER,
      indicator_id INTEGER,
      old_json     TEXT CHECK (old_json IS NULL OR json_valid(old_json)),
      new_json     TEXT CHECK (new_json IS NULL OR json_valid(new_json)),
      reason       TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX audit_period ON audit (period_id, id);
    -- The audit log is append-only.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit_append_only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      WHEN (SELECT count(*) FROM period WHERE id = OLD.period_id) > 0
      BEGIN SELECT RAISE(ABORT, 'audit_append_only'); END;
    ${lock('score', 'period_id')}
    ${lock('measurement', 'period_id')}
    ${lock('self_assessment', 'period_id')}
  `,
};
