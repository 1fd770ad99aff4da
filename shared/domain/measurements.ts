/**
 * Business data (业务数据, 目标协同): each branch's target and actual value on
 * the period's quantitative indicators, and the workbook the business
 * departments fill (docs/user/workbooks.md “业务数据导入模板”).
 */
import type { ImportAction, WorkbookProblem } from './workbook';

/** One branch × quantitative leaf of a period; target … updatedAt are null while nothing is stored. */
export interface MeasurementRow {
  branchId: number;
  branchCode: string;
  branchName: string;
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  direction: 'higher' | 'lower';
  target: number | null;
  actual: number | null;
  /** Where points reach zero; null → target × the indicator's floorRatio. */
  floor: number | null;
  source: string;
  updatedAt: string | null;
}

export const MEASUREMENT_SHEETS = { data: '业务数据', help: '填写说明' } as const;

/** Columns of the 业务数据 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const MEASUREMENT_TEMPLATE_COLUMNS = [
  { field: 'branchCode', header: '支部编码*', width: 12 },
  { field: 'branchName', header: '支部名称', width: 26 },
  { field: 'indicatorCode', header: '指标编码*', width: 10 },
  { field: 'indicatorName', header: '指标名称', width: 22 },
  { field: 'direction', header: '方向', width: 10 },
  { field: 'target', header: '目标值*', width: 11 },
  { field: 'actual', header: '实际值', width: 11 },
  { field: 'floor', header: '零分线', width: 11 },
  { field: 'source', header: '数据来源部门', width: 16 },
] as const;
export type MeasurementColumnField = (typeof MEASUREMENT_TEMPLATE_COLUMNS)[number]['field'];

export interface MeasurementImportRow {
  /** 1-based worksheet row. */
  row: number;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  target: number;
  actual: number | null;
  floor: number | null;
  source: string;
  action: ImportAction;
}

/** What importing a business-data workbook would store, or every reason it cannot. */
export interface MeasurementImportPreview {
  file: string;
  rows: MeasurementImportRow[];
  /** Rows with no number at all (the prefilled template's rows nobody filled): left as they are. */
  skipped: number;
  /** Every problem found; when not empty, nothing will be imported. */
  errors: WorkbookProblem[];
}

export interface MeasurementImportResult {
  file: string;
  saved: number;
  unchanged: number;
  skipped: number;
}
