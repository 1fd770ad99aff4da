/**
 * The framework workbook (指标体系导入模板): its columns, and what reading one
 * gives — shared by the main process (which reads and writes the file) and
 * the renderer (which shows the preview before importing).
 */
import type { FrameworkDraft, GradeScheme, LeafMethod, NodeOptions, Tag } from './framework';
import type { FrameworkIssue } from './framework-validate';

/**
 * Sheets of the workbook: the indicators, the 细则 of 细则 leaves, the grade scheme, the instructions, the
 * framework's name and description.
 */
export const FRAMEWORK_SHEETS = { data: '指标体系', rules: '细则', grades: '等次', help: '填写说明', info: '框架信息' } as const;

/** Columns of the 指标体系 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const FRAMEWORK_TEMPLATE_COLUMNS = [
  { field: 'code', header: '指标编码*', width: 11 },
  { field: 'name', header: '指标名称*', width: 26 },
  { field: 'tag', header: '类别*', width: 8 },
  { field: 'maxPoints', header: '分值*', width: 8 },
  { field: 'method', header: '评分方法', width: 10 },
  { field: 'params', header: '方法参数', width: 30 },
  { field: 'criteria', header: '评分细则', width: 60 },
  { field: 'evidence', header: '佐证材料', width: 30 },
  // Last, so workbooks made before it existed read unchanged (empty = 评委评分).
  { field: 'entry', header: '录入方式', width: 12 },
  // 扣分池 / 加分上限 of a 分部 (NodeOptions): after 录入方式 for the same reason; empty = 否 / none.
  { field: 'pool', header: '扣分池', width: 8 },
  { field: 'bonusCap', header: '加分上限', width: 10 },
  // 分类施策 (issue 11 §7): the 支部类别 the row applies to, “机关、科研”; empty = all. Last, as the two above.
  { field: 'appliesTo', header: '适用类别', width: 14 },
] as const;
export type FrameworkColumnField = (typeof FRAMEWORK_TEMPLATE_COLUMNS)[number]['field'];

/**
 * Columns of the 细则 sheet (issue 11 §1): one row per rule of a leaf whose 评分方法 is 细则, a leaf's rules in
 * the order of the rows. 序号 is written for the reader and not read back (the rows' order is the rules' order).
 */
export const FRAMEWORK_RULE_COLUMNS = [
  { field: 'code', header: '指标编码*', width: 11 },
  { field: 'seq', header: '序号', width: 6 },
  { field: 'text', header: '细则内容*', width: 50 },
  { field: 'basis', header: '计分方式', width: 10 },
  { field: 'amount', header: '分值*', width: 10 },
  { field: 'cap', header: '最多扣（加）分', width: 14 },
] as const;
export type FrameworkRuleField = (typeof FRAMEWORK_RULE_COLUMNS)[number]['field'];
/** Headers the import also knows a 细则 column by: the cap's header with ASCII brackets, as people type it. */
export const FRAMEWORK_RULE_HEADER_ALIASES: readonly { field: FrameworkRuleField; header: string }[] = [{ field: 'cap', header: '最多扣(加)分' }];

/**
 * Columns of the 等次 sheet (issue 11 §8): the framework's grade scheme, one row per grade, highest first. 最低分 may
 * be left empty on the last grade only (it takes everything below the others); 名额上限 is a share (20% or 0.2),
 * empty = no quota. A workbook without the sheet, or with no grade on it, gives no scheme (the app's defaults).
 */
export const FRAMEWORK_GRADE_COLUMNS = [
  { field: 'label', header: '等次*', width: 12 },
  { field: 'min', header: '最低分', width: 10 },
  { field: 'quota', header: '名额上限', width: 12 },
] as const;
export type FrameworkGradeField = (typeof FRAMEWORK_GRADE_COLUMNS)[number]['field'];

/** One indicator read from the workbook. */
export interface FrameworkImportRow {
  /** 1-based worksheet row. */
  row: number;
  code: string;
  name: string;
  /** 1 for 1, 2 for 1.2, … */
  depth: number;
  tag: Tag;
  maxPoints: number;
  method: LeafMethod | null;
  criteria: string;
  evidence: string;
  /** 扣分池 / 加分上限, on a row with children; absent = neither. */
  options?: NodeOptions;
  /** 适用类别; absent = applies to all. */
  appliesTo?: string[];
}

/** What the 扣分池 column shows and its drop-down offers. */
export const POOL_LABELS = { yes: '是', no: '否' } as const;
const POOL_YES = ['是', 'y', 'yes', 'true', '√', '✓'];
const POOL_NO = ['否', 'n', 'no', 'false', '×', '✗'];

/** A 扣分池 cell (not empty): true for 是, false for 否, null for anything else. */
export function parsePoolLabel(text: string): boolean | null {
  const s = text.replace(/[\s\u3000]/g, '').toLowerCase();
  if (POOL_YES.includes(s)) return true;
  if (POOL_NO.includes(s)) return false;
  return null;
}

/** A structural problem (from validateFramework) located in the workbook. */
export interface FrameworkImportIssue extends FrameworkIssue {
  /** The worksheet row of the indicator it is about; null for the framework as a whole. */
  row: number | null;
}

/**
 * What importing a framework workbook would create, or every reason it cannot.
 * `errors` are bad cells; `issues` the structural check of the tree (sums,
 * methods, pool rules, …), judged on every row whose place in the tree is
 * known, so both are reported in one round. Import needs no errors and no
 * issue of severity `error`; warnings do not stop it. While cells that bear
 * on the tree (code, points, method, parameters, 扣分池, 加分上限) are wrong,
 * issues those cells could cause (on their rows, the rows above them and
 * the rows just below) are left out.
 */
export interface FrameworkImportPreview {
  file: string;
  /** From the 框架信息 sheet, else the file name. */
  name: string;
  description: string;
  /** The tree that would be created (rows with bad cells, and everything below them, left out). */
  drafts: FrameworkDraft;
  rows: FrameworkImportRow[];
  /** Bad cells: of the 指标体系 sheet, then of the 细则, 等次 and 框架信息 sheets (whose messages name their sheet). */
  errors: { row: number; column: string; message: string }[];
  issues: FrameworkImportIssue[];
  /** From the 等次 sheet (also on `drafts`); null = none there, the app's defaults. */
  gradeScheme: GradeScheme | null;
  /** 支部类别 from the 框架信息 sheet (also on `drafts`); [] = none. */
  categories: string[];
}

export interface FrameworkImportResult {
  /** The new framework (imports never change an existing one). */
  id: number;
  name: string;
  indicatorCount: number;
  /** Structural warnings the import went ahead with (e.g. base points not adding up to 100). */
  warnings: FrameworkImportIssue[];
}

export interface FrameworkExportResult {
  path: string;
  name: string;
  version: number;
  indicatorCount: number;
}
