/**
 * A rater's scores in Excel (评分表): written for one rater, filled on paper
 * and typed up, or on the rater's own laptop, and imported back.
 * docs/user/workbooks.md “评委评分表”.
 */
import type { ImportAction, WorkbookProblem } from './workbook';

/** Sheets of the workbook: the scores, one reason per deduction/bonus item/veto, the rater, instructions. */
export const SCORE_SHEETS = { scores: '评分', details: '扣分及加分说明', rater: '评委', help: '填写说明' } as const;

/** The fixed columns of the 评分 sheet; the branches follow, one column each (“编码 名称” in the header). */
export const SCORE_FIXED_COLUMNS = [
  { field: 'code', header: '指标编码', width: 10 },
  { field: 'name', header: '指标名称', width: 24 },
  { field: 'maxPoints', header: '满分', width: 7 },
  { field: 'hint', header: '评分方法（填写方式）', width: 30 },
] as const;

export const SCORE_DETAIL_COLUMNS = [
  { field: 'branchCode', header: '支部编码', width: 14 },
  { field: 'indicatorCode', header: '指标编码', width: 10 },
  { field: 'text', header: '说明', width: 60 },
] as const;

/** The text of a recused cell. */
export const RECUSED_TEXT = '回避';

export interface ScoreImportEntry {
  /** Where the value is: row and column of the 评分 sheet. */
  row: number;
  column: string;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  value: number;
  /** As typed: “较好”, 3.5, “是”. */
  text: string;
  detail: string[];
  action: ImportAction;
}

export interface ScoreImportPreview {
  file: string;
  rater: { id: number; name: string };
  entries: ScoreImportEntry[];
  /** Empty cells (never imported: an empty cell leaves a stored entry as it is). */
  blank: number;
  errors: WorkbookProblem[];
  /** Why the import is refused whatever the file holds (the period is finalised, not yet scoring); else null. */
  locked: string | null;
  /** When set, the import needs a reason (review stage, or the rater has finished): says why. */
  reasonRequired: string | null;
}

export interface ScoreImportResult {
  file: string;
  rater: { id: number; name: string };
  saved: number;
  unchanged: number;
}

export interface ScoreTemplateResult {
  path: string;
  rater: { id: number; name: string };
  /** Branch columns, of which `recused` are marked 回避; leaf rows. */
  branches: number;
  recused: number;
  indicators: number;
  /** Entries of the rater already stored, written into the file. */
  prefilled: number;
}
