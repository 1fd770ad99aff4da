/** What every import and export of a period's workbook answers (business data, self-assessment, scores, audit). */

/** One problem in a workbook, located: “第 N 行，X 列（列名）：原因” (prefixed with the sheet when it is not the main one). */
export interface WorkbookProblem {
  /** 1-based worksheet row. */
  row: number;
  /** Column letter, when the problem is about one cell. */
  column?: string;
  /** The sheet, when it is not the workbook's main sheet. */
  sheet?: string;
  message: string;
}

/** What importing a row (or a cell) would do to the stored value. */
export type ImportAction = 'create' | 'update' | 'unchanged';

export interface WorkbookExportResult {
  path: string;
  /** Data rows written. */
  rows: number;
}
