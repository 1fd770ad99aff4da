import type { Migration } from '../migrate';

/**
 * 分工评分 (issue 11 §6): the indicator codes a rater group — and one rater within it — scores (JSON array of
 * codes, each naming a node and its subtree). NULL reads as [] — the whole framework — so every earlier panel
 * scores as it always did.
 */
export const m016Assignment: Migration = {
  version: 16,
  name: 'assignment',
  sql: `
    ALTER TABLE rater_group ADD COLUMN scope_json TEXT CHECK (scope_json IS NULL OR json_valid(scope_json));
    ALTER TABLE rater ADD COLUMN scope_json TEXT CHECK (scope_json IS NULL OR json_valid(scope_json));
  `,
};
