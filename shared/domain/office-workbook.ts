/**
 * The 考核组核定 workbook: every branch × office-recorded leaf of a period,
 * prefilled with what is recorded, for the office to fill on paper or in
 * Excel and import back (docs/user/workbooks.md “考核组核定表”).
 */
import type { ImportAction, WorkbookProblem } from './workbook';

export const OFFICE_SHEETS = { data: '考核组核定', help: '填写说明' } as const;

/** Columns of the 考核组核定 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const OFFICE_TEMPLATE_COLUMNS = [
  { field: 'branchCode', header: '支部编码*', width: 12 },
  { field: 'branchName', header: '支部名称', width: 26 },
  { field: 'indicatorCode', header: '指标编码*', width: 10 },
  { field: 'indicatorName', header: '指标名称', width: 22 },
  { field: 'method', header: '评分方式', width: 22 },
  { field: 'value', header: '核定值*', width: 10 },
  { field: 'detail', header: '原因（每条一行）', width: 36 },
  { field: 'evidence', header: '依据（文件号/检查记录）', width: 26 },
  { field: 'evidenceDate', header: '依据日期', width: 12 },
] as const;
export type OfficeColumnField = (typeof OFFICE_TEMPLATE_COLUMNS)[number]['field'];

export interface OfficeImportRow {
  /** 1-based worksheet row. */
  row: number;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  value: number;
  detail: string[];
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
