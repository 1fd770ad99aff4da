import type { Migration } from '../migrate';

/**
 * Findings of a 细则 leaf's office record (issue 11 §1, shared/domain/findings.ts): which rule applied, how
 * many times, how much each time, as a JSON array parallel to `detail_json` (detail[i] is finding i's reason).
 * NULL = none: every record stored before, and every record on a leaf of another method, reads unchanged; the
 * stored `value` stays the engine's number (on a 细则 leaf, the findings' total).
 */
export const m013OfficeFindings: Migration = {
  version: 13,
  name: 'office-findings',
  sql: `
    ALTER TABLE office_record ADD COLUMN findings_json TEXT CHECK (findings_json IS NULL OR json_valid(findings_json));
  `,
};
