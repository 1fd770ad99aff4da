/**
 * What the documents are written from: plain values, loaded by
 * electron/services/document-data.ts, so that the reports only render and
 * can be built (and tested) without a database.
 */
import type { Indicator, Tag } from '../../shared/domain/framework';
import type { PeriodSettings } from '../../shared/domain/period';
import type { GateOverride } from '../../shared/domain/readiness';
import type { Period } from '../../shared/domain/views';
import type { BranchResult, EngineResult } from '../../shared/engine';

// ---------------------------------------------------------------- 考核结果通报, 反馈单, 评审会材料, 公示

/** What an office-recorded fact (考核组核定) rests on: the document or check record and its date. */
export interface OfficeBasis {
  evidence: string;
  evidenceDate: string | null;
}

/** One reason (or bonus item) recorded on a leaf for a branch, and by how many raters — or by the office, on what basis. */
export interface RecordedReason {
  text: string;
  raters: number;
  /** Set when the office recorded it (考核组核定): the reason is the office's finding, `raters` is 0. */
  office?: OfficeBasis;
  /** Set when business data triggered the leaf (由业务数据触发): the reason is the 完成率 working, `raters` is 0. */
  data?: true;
}

/** What the raters recorded on one deduction, bonus or veto leaf of one branch. */
export interface LeafRecord {
  /** Raters who recorded at least one occurrence / item / a veto. */
  flaggedBy: number;
  /** Distinct reasons, most raters first. */
  reasons: RecordedReason[];
}

export interface BranchInfo {
  id: number;
  code: string;
  name: string;
  secretary: string;
  unit: string;
}

/** Scores, business data and office records not entered, as the gates count them (electron/services/readiness.ts). */
export interface MissingCounts {
  /** Unscored cells (rater × branch × leaf, recusals not counted). */
  cells: number;
  /** Quantitative leaves with no actual value. */
  measurements: number;
  /** Office-recorded leaves (考核组核定) with no record, per branch. */
  office: number;
}

/**
 * What the results rest on: what is missing now, over the period and per
 * branch, and the gated steps taken anyway. ./completeness.ts words it —
 * 暂定 while something is missing and the period is not finalised, the
 * override (if any) once finalised.
 */
export interface Completeness {
  finalised: boolean;
  missingCells: number;
  missingMeasurements: number;
  missingOffice: number;
  /** Only the branches with something missing. */
  perBranch: Map<number, MissingCounts>;
  /** Oldest first. */
  overrides: GateOverride[];
}

export interface ReviewData {
  period: Period;
  settings: PeriodSettings;
  result: EngineResult;
  indicators: Indicator[];
  byId: Map<number, Indicator>;
  children: Map<number | null, Indicator[]>;
  /** Every leaf in tree order. */
  leaves: Indicator[];
  bonus: Set<number>;
  /** First-level dimensions that score points (not bonus, not veto): the radar's axes. */
  dimensions: Indicator[];
  /** First-level bonus nodes (加分项). */
  bonusRoots: Indicator[];
  branches: Map<number, BranchInfo>;
  /** Results by branch id. */
  resultOf: Map<number, BranchResult>;
  raterCount: number;
  /** Mean rate (points / max) over the branches that have points on the node; null when none has. */
  averageRate: Map<number, number | null>;
  /** Mean rate of each tag subtotal. */
  averageTagRate: Record<Tag, number | null>;
  averageTotal: number;
  /** branch id → leaf id → what raters recorded there (deduction, bonus and veto leaves only). */
  records: Map<number, Map<number, LeafRecord>>;
  /** `${branchId}:${indicatorId}` → business data of quantitative leaves. */
  measurements: Map<string, { target: number; actual: number | null }>;
  /** Branches that entered a self-assessment. */
  selfAssessed: Set<number>;
  completeness: Completeness;
}

/** What the review documents are derived from (see reviewData in ./review-data.ts). */
export interface ReviewSource {
  period: Period;
  result: EngineResult;
  /** Every indicator of the period's framework. */
  indicators: Indicator[];
  /** Every leaf, in tree order. */
  leaves: Indicator[];
  /** The branches in scope. */
  branches: BranchInfo[];
  raterCount: number;
  records: ReviewData['records'];
  measurements: ReviewData['measurements'];
  selfAssessed: Set<number>;
  completeness: Completeness;
}

// ---------------------------------------------------------------- 评分表

/** The period as a score sheet prints it. */
export interface ScoreSheetPeriod {
  name: string;
  settings: PeriodSettings;
}

/** One recorded entry: a rater's value on a leaf for a branch, with its reasons or items. */
export interface ScoreSheetEntry {
  raterId: number;
  branchId: number;
  indicatorId: number;
  value: number;
  detail: string[];
}

export interface ScoreSheetRater {
  id: number;
  name: string;
  groupId: number;
  /** Branches the rater is recused from, with the reason. */
  recusals: { branchId: number; reason: string }[];
  /** 分工评分 (issue 11 §6): indicator codes the rater scores within their group's; absent or [] = all of the group's. */
  scope?: string[];
}

/** One rater's sheet: every branch in scope (recused ones listed once and skipped). */
export interface RaterScoreSheet {
  period: ScoreSheetPeriod;
  /** The framework's indicators (any order: the sheet walks them as a tree). */
  indicators: Indicator[];
  rater: ScoreSheetRater;
  groupName: string;
  /** 分工评分: the codes the rater's group scores; absent or [] = the whole framework. */
  groupScope?: string[];
  /** Branches in scope, in the order printed. */
  branches: { id: number; code: string; name: string }[];
  /** Blank (to fill by hand) or with `entries`. */
  filled: boolean;
  entries: ScoreSheetEntry[];
}

/** One branch's sheet: every rater side by side, grouped under their rater groups. */
export interface BranchScoreSheet {
  period: ScoreSheetPeriod;
  indicators: Indicator[];
  /** `scope`: 分工评分 — the indicator codes the group scores; absent or [] = the whole framework. */
  groups: { id: number; name: string; scope?: string[] }[];
  /** Raters in panel order. */
  raters: ScoreSheetRater[];
  branch: { id: number; code: string; name: string; secretary: string };
  filled: boolean;
  entries: ScoreSheetEntry[];
  /** Business data of the branch's quantitative leaves. */
  measurements: { indicatorId: number; target: number; actual: number | null; floor: number | null }[];
}
