/**
 * The 考核组核定 workbook: every branch × office-recorded leaf of a period,
 * prefilled with what is recorded, for the office to fill on paper or in
 * Excel and import back (docs/user/workbooks.md “考核组核定表”).
 */
import type { Finding } from './findings';
import type { ImportAction, WorkbookProblem } from './workbook';

/** `rules`: the 细则 reference sheet, written when the period has 细则 leaves (issue 11 §1). */
export const OFFICE_SHEETS = { data: '考核组核定', rules: '细则', help: '填写说明' } as const;

/**
 * Columns of the 考核组核定 sheet, in order; `*` marks the required ones. Found by header text on import.
 * The `rules` columns (细则序号, 次数, 每次分值) are written only when the period has 细则 leaves — one row per
 * finding there — so a period without them gets the workbook it always had; on import they are optional.
 */
export const OFFICE_TEMPLATE_COLUMNS = [
  { field: 'branchCode', header: '支部编码*', width: 12 },
  { field: 'branchName', header: '支部名称', width: 26 },
  { field: 'indicatorCode', header: '指标编码*', width: 10 },
  { field: 'indicatorName', header: '指标名称', width: 22 },
  { field: 'method', header: '评分方式', width: 22 },
  { field: 'value', header: '核定值*', width: 10 },
  { field: 'rule', header: '细则序号', width: 9, rules: true },
  { field: 'count', header: '次数', width: 7, rules: true },
  { field: 'amount', header: '每次分值', width: 9, rules: true },
  { field: 'detail', header: '原因（每条一行）', width: 36 },
  { field: 'evidence', header: '依据（文件号/检查记录）', width: 26 },
  { field: 'evidenceDate', header: '依据日期', width: 12 },
] as const;
export type OfficeColumnField = (typeof OFFICE_TEMPLATE_COLUMNS)[number]['field'];

/** The columns written for a period: the 细则 ones only when it has 细则 leaves. */
export const officeColumns = (withRules: boolean) => OFFICE_TEMPLATE_COLUMNS.filter((c) => withRules || !('rules' in c));

/** Columns of the 细则 reference sheet: each 细则 leaf's rules, numbered as the 细则序号 column takes them. */
export const OFFICE_RULE_COLUMNS = [
  { header: '指标编码', width: 10 },
  { header: '指标名称', width: 22 },
  { header: '细则序号', width: 9 },
  { header: '细则内容', width: 48 },
  { header: '分值', width: 26 },
] as const;

export interface OfficeImportRow {
  /** 1-based worksheet row (a 细则 leaf's record: the first of its rows). */
  row: number;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  value: number;
  detail: string[];
  /** 细则 leaves: the findings, one per row (detail[i] is finding i's reason); empty elsewhere. */
  findings: Finding[];
  evidence: string;
  evidenceDate: string | null;
  action: ImportAction;
}

/** What importing a 考核组核定 workbook would store, or every reason it cannot. */
export interface OfficeImportPreview {
  file: string;
  rows: OfficeImportRow[];
  /** Rows left empty (the prefilled template's rows nobody filled): left as they are. */
  skipped: number;
  /** Every problem found (file, row, column, what is wrong); when not empty, nothing will be imported. */
  errors: WorkbookProblem[];
}

export interface OfficeImportResult {
  file: string;
  saved: number;
  unchanged: number;
  skipped: number;
}
