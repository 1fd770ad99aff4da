import type { Migration } from '../migrate';

/**
 * A framework's grade scheme (issue 11 §8): the 等次 and quotas its 考核细则 state, as JSON ({ grades, quotas },
 * GradeScheme in shared/domain/framework.ts). A period made on the framework starts with it. NULL = the app's
 * defaults: every framework stored before reads unchanged, and so do the periods made on it.
 */
export const m014FrameworkGrades: Migration = {
  version: 14,
  name: 'framework-grades',
  sql: `
    ALTER TABLE framework ADD COLUMN grade_scheme_json TEXT CHECK (grade_scheme_json IS NULL OR json_valid(grade_scheme_json));
  `,
};
