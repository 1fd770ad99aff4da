import type { Migration } from '../migrate';

/** Branches (党支部): the organisations under assessment. */
export const m001Branches: Migration = {
  version: 1,
  name: 'branches',
  sql: `
    CREATE TABLE branch (
      id           INTEGER PRIMARY KEY,
      code         TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
      name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
      unit         TEXT NOT NULL DEFAULT '',
      secretary    TEXT NOT NULL DEFAULT '',
      member_count INTEGER CHECK (member_count IS NULL OR member_count >= 0),
      note         TEXT NOT NULL DEFAULT '',
      archived_at  TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX branch_active ON branch (archived_at, code);
  `,
};
