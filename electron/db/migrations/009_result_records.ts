import type { Migration } from '../migrate';

/**
 * What the app made from a period's results, with the fingerprint of the
 * results it was made from (electron/services/fingerprint.ts): a branch
 * revealed in the meeting (`figures_json`: what was announced), the 公示 marked
 * published, each Word document written (`path`, and `options_json`: how to
 * write it again). When the results change afterwards, the rows whose
 * fingerprint differs are out of date. The rows belong to the period; the
 * branch, meeting or item they name may go (the record then says less).
 */
export const m009ResultRecords: Migration = {
  version: 9,
  name: 'result-records',
  sql: `
    CREATE TABLE result_record (
      id           INTEGER PRIMARY KEY,
      period_id    INTEGER NOT NULL REFERENCES period (id) ON DELETE CASCADE,
      kind         TEXT NOT NULL CHECK (kind IN ('reveal', 'publication', 'bulletin', 'feedback', 'publicationDoc', 'meetingPack', 'minutesDoc')),
      made_at      TEXT NOT NULL,
      fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 64),
      path         TEXT,
      branch_id    INTEGER REFERENCES branch (id) ON DELETE SET NULL,
      meeting_id   INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
      item_id      INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,
      figures_json TEXT CHECK (figures_json IS NULL OR json_valid(figures_json)),
      options_json TEXT CHECK (options_json IS NULL OR json_valid(options_json)),
      -- A document is a file; the events (a reveal, marking published) are not.
      CHECK ((kind IN ('reveal', 'publication')) = (path IS NULL))
    ) STRICT;
    CREATE INDEX result_record_period ON result_record (period_id, id);
    CREATE INDEX result_record_path ON result_record (path) WHERE path IS NOT NULL;
  `,
};
