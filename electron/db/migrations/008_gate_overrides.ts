import type { Migration } from '../migrate';

/**
 * Gated steps taken anyway (shared/domain/readiness.ts): each time the office
 * moved a period on — 进入评审, 标记为已公示, 定稿 — with scores, business data
 * or agenda items still missing, a row says who, when, why and what was
 * missing then (`missing_json`: the counts). The results screen and the
 * documents print these; the audit log carries the same step with its reason.
 * The rows belong to the period and go with it (a period with history is
 * archived, not deleted, so they stay).
 */
export const m008GateOverrides: Migration = {
  version: 8,
  name: 'gate-overrides',
  sql: `
    CREATE TABLE period_override (
      id           INTEGER PRIMARY KEY,
      period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      step         TEXT NOT NULL CHECK (step IN ('review', 'publish', 'finalise')),
      at           TEXT NOT NULL,
      actor_kind   TEXT NOT NULL CHECK (actor_kind IN ('admin', 'rater', 'import', 'system')),
      actor        TEXT NOT NULL,
      reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      missing_json TEXT NOT NULL CHECK (json_valid(missing_json))
    ) STRICT;
    CREATE INDEX period_override_period ON period_override (period_id, id);
  `,
};
