import type { Migration } from '../migrate';

/**
 * Application settings as key → JSON value (the current period, the
 * document font scheme, …), kept in the database so a backup carries them.
 */
export const m002Settings: Migration = {
  version: 2,
  name: 'settings',
  sql: `
    CREATE TABLE setting (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL CHECK (json_valid(value_json)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
