import type { Migration } from '../migrate';

/**
 * Review meetings (评审会): the meeting cycle of a period (启动会 … 考核会) with
 * attendance, an agenda whose 述职评议 items carry one branch each (the
 * meeting's clock, the chair's reveal of that branch's scores, the decision
 * and notes), the minutes draft; and the publication (公示) of a period's
 * results.
 *
 * An item's clock: `spent_seconds` holds the time of earlier visits,
 * `resumed_at` the start of the current one (null when it is not current),
 * so going back to an item continues its time instead of restarting it.
 */
export const m005Meetings: Migration = {
  version: 5,
  name: 'meetings',
  sql: `
    CREATE TABLE meeting (
      id               INTEGER PRIMARY KEY,
      period_id        INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      kind             TEXT NOT NULL CHECK (kind IN ('kickoff', 'coordination', 'analysis', 'progress', 'exchange', 'assessment')),
      title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
      date             TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      start_time       TEXT NOT NULL DEFAULT '' CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      place            TEXT NOT NULL DEFAULT '',
      chair            TEXT NOT NULL DEFAULT '',
      recorder         TEXT NOT NULL DEFAULT '',
      status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'closed')),
      current_item_id  INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,
      started_at       TEXT,
      ended_at         TEXT,
      minutes_text     TEXT NOT NULL DEFAULT '',
      minutes_saved_at TEXT,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_period ON meeting (period_id, date);

    CREATE TABLE meeting_attendee (
      id         INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
      -- A rater of the period, or NULL for another attendee (列席); the name is kept either way.
      rater_id   INTEGER REFERENCES rater (id) ON DELETE SET NULL,
      name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
      title      TEXT NOT NULL DEFAULT '',
      present    INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
      note       TEXT NOT NULL DEFAULT '',
      position   INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX meeting_attendee_meeting ON meeting_attendee (meeting_id, position);

    CREATE TABLE agenda_item (
      id              INTEGER PRIMARY KEY,
      meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
      position        INTEGER NOT NULL DEFAULT 0,
      kind            TEXT NOT NULL CHECK (kind IN ('report', 'other')),
      branch_id       INTEGER REFERENCES branch (id),
      title           TEXT NOT NULL DEFAULT '',
      planned_minutes INTEGER NOT NULL DEFAULT 10 CHECK (planned_minutes BETWEEN 0 AND 600),
      started_at      TEXT,
      ended_at        TEXT,
      resumed_at      TEXT,
      spent_seconds   INTEGER NOT NULL DEFAULT 0 CHECK (spent_seconds >= 0),
      revealed_at     TEXT,
      decision        TEXT NOT NULL DEFAULT '',
      notes           TEXT NOT NULL DEFAULT '',
      CHECK ((kind = 'report') = (branch_id IS NOT NULL)),
      CHECK (kind = 'report' OR length(trim(title)) > 0)
    ) STRICT;
    CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

    CREATE TABLE period_publication (
      period_id         INTEGER PRIMARY KEY REFERENCES period (id) ON DELETE CASCADE,
      publicity_start   TEXT,
      publicity_end     TEXT,
      objection_contact TEXT NOT NULL DEFAULT '',
      published_at      TEXT,
      updated_at        TEXT NOT NULL,
      CHECK (publicity_start IS NULL OR publicity_end IS NULL OR publicity_start <= publicity_end)
    ) STRICT;
  `,
};
