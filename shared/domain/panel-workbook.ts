/**
 * The panel workbook (评委名单): one row per rater, with the rater's group, its
 * weight and combination rule, own branch and recusals. Written prefilled with a period's
 * panel, read back all or nothing (electron/services/panel-xlsx.ts). See
 * docs/user/workbooks.md “评委名单”.
 */
import type { ImportAction, WorkbookProblem } from './workbook';

export const PANEL_SHEETS = { data: '评委', help: '填写说明' } as const;

/** Columns of the 评委 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const PANEL_TEMPLATE_COLUMNS = [
  { field: 'raterId', header: '评委编号', width: 10 },
  { field: 'group', header: '评委组*', width: 14 },
  { field: 'weight', header: '组权重*', width: 10 },
  { field: 'name', header: '姓名*', width: 12 },
  { field: 'title', header: '职务', width: 18 },
  { field: 'branchCode', header: '所在支部编码', width: 14 },
  { field: 'recusalCodes', header: '回避支部编码', width: 22 },
  { field: 'reason', header: '回避原因', width: 24 },
  // The group's own combination rule (docs/scoring-rules.md §4), last so that older files read as before: empty = the period's setting.
  { field: 'combine', header: '组内汇总', width: 20 },
  { field: 'trimMinRaters', header: '去极值最少人数', width: 14 },
  // 分工评分 (shared/domain/assignment.ts), indicator codes separated like the recusals; empty = all. Last again, for the same reason.
  { field: 'groupScope', header: '组评分范围', width: 20 },
  { field: 'scope', header: '评委评分范围', width: 20 },
] as const;
export type PanelColumnField = (typeof PANEL_TEMPLATE_COLUMNS)[number]['field'];

/** Separators between the branch codes of one 回避支部编码 cell. */
export const RECUSAL_CODE_SEPARATORS = /[、,，;；\s]+/;

export interface PanelImportGroup {
  /** The first row naming the group. */
  row: number;
  name: string;
  weight: number;
  /** The group's own rule; null = the period's. A file without these columns keeps the stored rule. */
  combine: 'mean' | 'trimmed' | 'median' | null;
  trimMinRaters: number | null;
  /** 分工评分: the codes the group scores; [] = all. A file without the column keeps the stored scope. */
  scope: string[];
  /** Its id when the period has it already. */
  id: number | null;
  action: ImportAction;
}

export interface PanelImportRater {
  row: number;
  /** The existing rater the row is matched to (by 评委编号, else by name within the group); null: a new rater. */
  id: number | null;
  group: string;
  name: string;
  title: string;
  branchId: number | null;
  branchCode: string | null;
  /** Besides the own branch (recused automatically), each with its reason. */
  recusals: { branchId: number; code: string; reason: string }[];
  /** 分工评分: the codes within the group's that the rater scores; [] = all of the group's. */
  scope: string[];
  action: ImportAction;
}

export interface PanelImportPreview {
  file: string;
  groups: PanelImportGroup[];
  raters: PanelImportRater[];
  /** Raters of the period that the file does not name: left as they are. */
  kept: { id: number; name: string; group: string }[];
  /** Every problem found; when not empty, nothing will be imported. */
  errors: WorkbookProblem[];
}

export interface PanelImportResult {
  file: string;
  groupsCreated: number;
  groupsUpdated: number;
  ratersCreated: number;
  ratersUpdated: number;
  ratersUnchanged: number;
  /** Raters not in the file, kept. */
  kept: { id: number; name: string; group: string }[];
}
