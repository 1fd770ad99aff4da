import type { Migration } from '../migrate';

/**
 * 分类施策 (issue 11 §7): a branch's 支部类别, the 适用类别 of an indicator (JSON array of labels) and the 支部类别 a
 * framework names (JSON array). Rows stored before read as no category, applying to all and no categories — the
 * scoring of every earlier period is unchanged.
 */
export const m015Categories: Migration = {
  version: 15,
  name: 'categories',
  sql: `
    ALTER TABLE branch ADD COLUMN category TEXT NOT NULL DEFAULT '';
    ALTER TABLE indicator ADD COLUMN applies_json TEXT CHECK (applies_json IS NULL OR json_valid(applies_json));
    ALTER TABLE framework ADD COLUMN categories_json TEXT CHECK (categories_json IS NULL OR json_valid(categories_json));
  `,
};
