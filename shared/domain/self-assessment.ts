/**
 * Branches' self-assessment (自评): the branch's own raw value on each leaf
 * the panel scores (same meaning as a rater's entry, see LeafMethod), its
 * workbook, and the comparison with the panel once results may be seen.
 */
import type { LeafMethod, Tag } from './framework';
import type { PeriodStatus } from './period';
import type { ImportAction, WorkbookProblem } from './workbook';

export interface SelfAssessmentItem {
  indicatorId: number;
  code: string;
  name: string;
  tag: Tag;
  maxPoints: number;
  method: LeafMethod;
  /** The raw value (points, level index, occurrences, items, 1/0); null when not assessed. */
  value: number | null;
  note: string;
  /** What the value is worth on the leaf (entryPoints), rounded to 0.01. */
  points: number | null;
  updatedAt: string | null;
}

export interface SelfAssessmentView {
  period: { id: number; name: string; status: PeriodStatus };
  branch: { id: number; code: string; name: string };
  /** Every leaf the panel scores, in tree order (quantitative leaves come from business data). */
  items: SelfAssessmentItem[];
  /** Self points of the assessed base leaves, and of the bonus leaves. */
  total: { base: number; bonus: number; assessed: number; leaves: number };
  /** 分类施策 (issue 11 §7): the branch's 支部类别 and how many leaves don't apply to it (left out of `items`); absent = none. */
  notApplicable?: { category: string; count: number };
  editable: boolean;
  lockedReason: string | null;
}

export interface SelfComparisonItem {
  indicatorId: number;
  code: string;
  name: string;
  tag: Tag;
  method: LeafMethod['kind'];
  maxPoints: number;
  /** The branch's raw value and what it reads as (“较好”, “扣 2 次”). */
  selfValue: number | null;
  selfText: string;
  selfPoints: number | null;
  /** The panel's combined points on the leaf (the engine's node value); null when nobody scored it. */
  panelPoints: number | null;
  /** self − panel, rounded to 0.01; null when either is missing. */
  gap: number | null;
  bonus: boolean;
}

export interface SelfComparison {
  branch: { id: number; code: string; name: string };
  /** Sorted by |gap|, largest first; leaves without a gap last, in tree order. */
  items: SelfComparisonItem[];
  totals: {
    /** Self points on the base leaves the branch assessed. */
    self: number;
    /** The panel's points on those same leaves: what `self` compares with. */
    panelSameLeaves: number;
    /** self − panelSameLeaves. */
    gap: number;
    selfBonus: number;
    /** The engine's base (every non-bonus leaf, quantitative ones included) and bonus. */
    panelBase: number;
    panelBonus: number;
    panelTotal: number;
    assessed: number;
    leaves: number;
  };
}

export const SELF_SHEETS = { data: '自评', help: '填写说明' } as const;

/** Columns of the 自评 sheet, in order; `*` marks the required ones. Found by header text on import. */
export const SELF_TEMPLATE_COLUMNS = [
  { field: 'branchCode', header: '支部编码*', width: 12 },
  { field: 'branchName', header: '支部名称', width: 26 },
  { field: 'indicatorCode', header: '指标编码*', width: 10 },
  { field: 'indicatorName', header: '指标名称', width: 24 },
  { field: 'maxPoints', header: '满分', width: 7 },
  { field: 'method', header: '评分方法', width: 30 },
  { field: 'value', header: '自评*', width: 9 },
  { field: 'note', header: '说明', width: 40 },
] as const;
export type SelfColumnField = (typeof SELF_TEMPLATE_COLUMNS)[number]['field'];

export interface SelfImportRow {
  row: number;
  branchId: number;
  branchCode: string;
  indicatorId: number;
  indicatorCode: string;
  value: number;
  note: string;
  action: ImportAction;
}

export interface SelfImportPreview {
  file: string;
  rows: SelfImportRow[];
  /** Rows whose 自评 cell is empty: left as they are. */
  skipped: number;
  errors: WorkbookProblem[];
}

export interface SelfImportResult {
  file: string;
  saved: number;
  unchanged: number;
  skipped: number;
}
