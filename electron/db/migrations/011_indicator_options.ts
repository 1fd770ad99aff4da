import type { Migration } from '../migrate';

/**
 * Node options of an indicator (issue 11 §2, NodeOptions in shared/domain/framework.ts): 扣分池（扣完为止）
 * and 加分上限（分部）, as JSON. NULL = neither, which is every indicator stored before, so existing
 * frameworks — and the results and fingerprints of the periods scored on them — read unchanged.
 *
 * A frozen framework stays frozen: `indicator_frozen_update` (migration 3) fires BEFORE UPDATE on any
 * column of the table, the new one included.
 */
export const m011IndicatorOptions: Migration = {
  version: 11,
  name: 'indicator-options',
  sql: `
    ALTER TABLE indicator ADD COLUMN options_json TEXT CHECK (options_json IS NULL OR json_valid(options_json));
  `,
};
