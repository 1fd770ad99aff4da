import type { Migration } from '../migrate';

/**
 * The framework (versions and their indicator trees), periods with their
 * branches and settings, the panel (groups, raters, recusals), raters'
 * entries and business measurements.
 *
 * A framework is frozen once a period using it has entries; triggers refuse
 * any change to a frozen framework's indicators, so a period always keeps
 * the version it was scored on, whatever the app's code does.
 */
export const m003FrameworkPeriods: Migration = {
  version: 3,
  name: 'framework-periods',
  sql: `
    CREATE TABLE framework (
      id          INTEGER PRIMARY KEY,
      lineage_id  INTEGER REFERENCES framework (id),
      version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
      name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
      description TEXT NOT NULL DEFAULT '',
      frozen_at   TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      UNIQUE (lineage_id, version)
    ) STRICT;

    CREATE TABLE indicator (
      id           INTEGER PRIMARY KEY,
      framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
      parent_id    INTEGER REFERENCES indicator (id) ON DELETE CASCADE,
      position     INTEGER NOT NULL DEFAULT 0,
      code         TEXT NOT NULL,
      name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
      criteria     TEXT NOT NULL DEFAULT '',
      evidence     TEXT NOT NULL DEFAULT '',
      tag          TEXT NOT NULL CHECK (tag IN ('party', 'business', 'fusion')),
      max_points   REAL NOT NULL CHECK (max_points >= 0),
      method_json  TEXT CHECK (method_json IS NULL OR json_valid(method_json)),
      UNIQUE (framework_id, code)
    ) STRICT;
    CREATE INDEX indicator_tree ON indicator (framework_id, parent_id, position);

    CREATE TRIGGER indicator_frozen_insert BEFORE INSERT ON indicator
      WHEN (SELECT frozen_at FROM framework WHERE id = NEW.framework_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'framework_frozen'); END;
    CREATE TRIGGER indicator_frozen_update BEFORE UPDATE ON indicator
      WHEN (SELECT frozen_at FROM framework WHERE id = OLD.framework_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'framework_frozen'); END;
    CREATE TRIGGER indicator_frozen_delete BEFORE DELETE ON indicator
      WHEN (SELECT frozen_at FROM framework WHERE id = OLD.framework_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'framework_frozen'); END;
    CREATE TRIGGER framework_unfreeze BEFORE UPDATE OF frozen_at ON framework
      WHEN OLD.frozen_at IS NOT NULL AND NEW.frozen_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'framework_frozen'); END;

    CREATE TABLE period (
      id            INTEGER PRIMARY KEY,
      name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
      year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      kind          TEXT NOT NULL CHECK (kind IN ('annual', 'half', 'quarter')),
      framework_id  INTEGER NOT NULL REFERENCES framework (id),
      status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scoring', 'review', 'finalised')),
      settings_json TEXT NOT NULL CHECK (json_valid(settings_json)),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE period_branch (
      period_id INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      branch_id INTEGER NOT NULL REFERENCES branch (id),
      PRIMARY KEY (period_id, branch_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE rater_group (
      id        INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
      weight    REAL NOT NULL CHECK (weight > 0),
      position  INTEGER NOT NULL DEFAULT 0,
      UNIQUE (period_id, name)
    ) STRICT;

    CREATE TABLE rater (
      id        INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      group_id  INTEGER NOT NULL REFERENCES rater_group (id),
      name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
      title     TEXT NOT NULL DEFAULT '',
      -- The branch the rater belongs to, if any: they never score it (回避).
      branch_id INTEGER REFERENCES branch (id),
      position  INTEGER NOT NULL DEFAULT 0,
      UNIQUE (period_id, name)
    ) STRICT;

    CREATE TABLE recusal (
      rater_id  INTEGER NOT NULL REFERENCES rater (id) ON DELETE CASCADE,
      branch_id INTEGER NOT NULL REFERENCES branch (id),
      reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      PRIMARY KEY (rater_id, branch_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE score (
      period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      rater_id     INTEGER NOT NULL REFERENCES rater (id) ON DELETE CASCADE,
      branch_id    INTEGER NOT NULL REFERENCES branch (id),
      indicator_id INTEGER NOT NULL REFERENCES indicator (id),
      value        REAL NOT NULL,
      -- Reasons of deductions and vetoes, descriptions of bonus items: a JSON array of strings.
      detail_json  TEXT CHECK (detail_json IS NULL OR json_valid(detail_json)),
      entered_by   TEXT NOT NULL DEFAULT 'rater' CHECK (entered_by IN ('rater', 'admin', 'import')),
      updated_at   TEXT NOT NULL,
      PRIMARY KEY (period_id, rater_id, branch_id, indicator_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE measurement (
      period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      branch_id    INTEGER NOT NULL REFERENCES branch (id),
      indicator_id INTEGER NOT NULL REFERENCES indicator (id),
      target       REAL NOT NULL,
      actual       REAL,
      floor        REAL,
      source       TEXT NOT NULL DEFAULT '',
      updated_at   TEXT NOT NULL,
      PRIMARY KEY (period_id, branch_id, indicator_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
