import type { Migration } from '../migrate';

/**
 * A rater group's own combination rule (issue 11 §5; docs/scoring-rules.md §4): 平均 / 去掉最高最低后平均 /
 * 中位数 and the fewest raters for trimming. NULL = the period's setting, which is every group stored
 * before, so existing periods — their results and fingerprints — read unchanged.
 */
export const m012GroupRules: Migration = {
  version: 12,
  name: 'group-rules',
  sql: `
    ALTER TABLE rater_group ADD COLUMN combine TEXT CHECK (combine IS NULL OR combine IN ('mean', 'trimmed', 'median'));
    ALTER TABLE rater_group ADD COLUMN trim_min_raters INTEGER CHECK (trim_min_raters IS NULL OR trim_min_raters BETWEEN 3 AND 50);
  `,
};
