/**
 * The scoring engine's input and output. Pure data: the main process builds
 * the input from the database, the renderer may build it for live totals,
 * and hand-computed fixtures are written in the same shape.
 */
import type { Finding } from '../domain/findings';
import type { LeafMethod, MethodKind, NodeOptions, Tag } from '../domain/framework';
import type { PeriodSettings } from '../domain/period';

export interface EngineIndicator {
  id: number;
  parentId: number | null;
  position: number;
  code: string;
  name: string;
  tag: Tag;
  maxPoints: number;
  method: LeafMethod | null;
  /** 扣分池 / 分部加分上限 (docs/scoring-rules.md); absent = neither. */
  options?: NodeOptions;
  /** The 支部类别 this node and its subtree apply to; absent or empty = all (see Indicator.appliesTo). */
  appliesTo?: string[];
}

export interface EngineBranch {
  id: number;
  code: string;
  name: string;
  /** 支部类别; absent or '' = none: every indicator applies (docs/scoring-rules.md “适用范围与折算”). */
  category?: string;
}

export interface EngineGroup {
  id: number;
  name: string;
  weight: number;
  /** The group's own combination rule (docs/scoring-rules.md §4); absent or null = the period's `settings.combine`. */
  combine?: 'mean' | 'trimmed' | 'median' | null;
  /** The group's own fewest raters for trimming; absent or null = the period's `settings.trimMinRaters`. */
  trimMinRaters?: number | null;
  /** 分工评分: indicator codes the group scores (with their subtrees); absent or [] = all (assignment.ts). */
  scope?: string[];
}

export interface EngineRater {
  id: number;
  name: string;
  groupId: number;
  /** 分工评分: codes within the group's scope this rater scores; absent or [] = all of the group's. */
  scope?: string[];
}

export interface EngineRecusal {
  raterId: number;
  branchId: number;
  reason: string;
}

/** One rater's raw entry for one leaf of one branch (see LeafMethod for what `value` means per method). */
export interface EngineScore {
  raterId: number;
  branchId: number;
  indicatorId: number;
  value: number;
}

/** The same entries as columns: how the database loader hands over 900,000 of them without an object each. */
export interface ScoreColumns {
  raterId: Int32Array;
  branchId: Int32Array;
  indicatorId: Int32Array;
  value: Float64Array;
}

export interface EngineMeasurement {
  branchId: number;
  indicatorId: number;
  target: number;
  actual: number | null;
  /** Where points reach zero for this branch; null → target × the leaf's floorRatio. */
  floor: number | null;
}

/** A value the office recorded for a branch on an office-recorded leaf (考核组核定), raw as LeafMethod defines it. */
export interface EngineOfficeRecord {
  branchId: number;
  indicatorId: number;
  value: number;
  /** 依据 and its date: carried into the cell's explanation so every figure says what it rests on. */
  evidence: string;
  evidenceDate: string | null;
  /**
   * A 细则 leaf: the findings `value` totals (findingsTotal) and their reasons, one per finding; absent elsewhere.
   * Carried into the explanation so the leaf says which rules took (or gave) its points; never read for the value.
   */
  findings?: Finding[];
  reasons?: string[];
}

export interface EngineInput {
  indicators: EngineIndicator[];
  branches: EngineBranch[];
  groups: EngineGroup[];
  raters: EngineRater[];
  recusals: EngineRecusal[];
  scores: EngineScore[] | ScoreColumns;
  measurements: EngineMeasurement[];
  /** Office-recorded values (leaves whose entry mode is 'office'); absent = none. Raters' entries on those leaves never count. */
  office?: EngineOfficeRecord[];
  settings: PeriodSettings;
}

export const QUADRANTS = ['双强', '党建强业务弱', '业务强党建弱', '双弱'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface TagSubtotal {
  points: number;
  max: number;
  /** points / max, to 4 decimals; null when no leaf has the tag. */
  rate: number | null;
}

export interface NodeValue {
  /** Rounded to 0.01; null when nothing was scored below it. */
  points: number | null;
  complete: boolean;
  /** 不适用: the node is not applicable to this branch's category (points null, never missing); absent = applies. */
  notApplicable?: true;
}

export interface BranchResult {
  branchId: number;
  code: string;
  name: string;
  /** base + bonus, rounded to 0.01. */
  total: number;
  base: number;
  bonus: number;
  tags: Record<Tag, TagSubtotal>;
  /** Points lost on deduction leaves and pools, as applied (after flooring), for the tie-break. */
  deducted: number;
  quadrant: Quadrant | null;
  vetoed: boolean;
  /** The veto leaves that triggered. */
  vetoIndicatorIds: number[];
  grade: string;
  rank: number;
  complete: boolean;
  /** Cells (leaf × eligible rater, a quantitative leaf without a measurement, or an office-recorded leaf without a record) still missing. */
  missing: number;
  nodes: Record<number, NodeValue>;
  /**
   * 折算 (issue 11 §7): when some indicators don't apply to the branch's category, the base it could earn
   * (applicableMax) and the factor (baseMax ÷ applicableMax) its base points were multiplied by; `base` is after
   * it. Absent when everything applies.
   */
  rescaled?: { applicableMax: number; rawBase: number; factor: number };
}

export interface QuotaOutcome {
  label: string;
  maxShare: number;
  allowed: number;
  /** Branches moved down one grade by this quota, in rank order. */
  movedBranchIds: number[];
}

export interface EngineResult {
  /** In rank order. */
  branches: BranchResult[];
  baseMax: number;
  tagMax: Record<Tag, number>;
  split: { party: number; business: number; mode: 'mean' | 'fixed' };
  quotas: QuotaOutcome[];
  complete: boolean;
}

// ---- Explanations: every figure as data, for the results screen and the documents ----

export interface ScoreUse {
  raterId: number;
  raw: number;
  /** Points this entry gives on its own. */
  points: number;
  /** After per-rater z-score normalisation (judgment methods, when enabled); else null. */
  normalized: number | null;
  used: boolean;
  dropped: 'lowest' | 'highest' | null;
}

export interface GroupCombination {
  groupId: number;
  weight: number;
  rule: 'mean' | 'trimmed' | 'median';
  /** True when the trimmed mean actually dropped two scores. */
  trimmed: boolean;
  scores: ScoreUse[];
  /** Null when nobody in the group scored the cell. */
  value: number | null;
  missingRaterIds: number[];
  /**
   * 分工评分 (only when some group or rater has a scope): the weight renormalised over the groups listed for the cell
   * that have a value — weight ÷ Σ their weights; null when this group has no value. The shares of a cell sum to 1.
   */
  share?: number | null;
}

export interface QuantitativeWorking {
  direction: 'higher' | 'lower';
  target: number;
  actual: number | null;
  floor: number;
  /** Extra points above max earned beyond the target. */
  excess: number;
}

export interface VetoWorking {
  rule: 'majority' | 'any';
  flaggedBy: number[];
  answered: number;
  triggered: boolean;
  capGrade: string;
}

/**
 * A data-triggered veto or deduction (由业务数据触发): its source quantitative leaf's measurement, the 完成率 it gives
 * and whether that is below the threshold. source.indicatorId is null (and direction null) when the code names no
 * quantitative leaf — a framework the checks refuse. rate is null without an actual value, or with a divisor of 0.
 */
export interface TriggerWorking {
  source: { indicatorId: number | null; code: string; name: string };
  direction: 'higher' | 'lower' | null;
  target: number | null;
  actual: number | null;
  /** 完成率 to 0.0001 (1 = 100%), the figure compared with `below`. */
  rate: number | null;
  below: number;
  triggered: boolean;
  /** A veto: the highest grade it leaves when triggered (its capGrade, else the lowest grade); null on a deduction. */
  capGrade: string | null;
  /** A deduction: what its one occurrence takes off; null on a veto. */
  perOccurrence: number | null;
}

export interface CellExplanation {
  kind: 'cell';
  indicatorId: number;
  branchId: number;
  method: MethodKind;
  maxPoints: number;
  /** The groups taking part in the leaf (under 分工评分, those with a rater assigned to it), in the panel's order. */
  groups: GroupCombination[];
  /** 分工评分: the ids of the groups taking part, present only when assignment leaves some group out of the leaf. */
  assignedGroupIds?: number[];
  recused: { raterId: number; reason: string }[];
  /** Unrounded points of the leaf; null when nothing counted. */
  value: number | null;
  complete: boolean;
  quantitative?: QuantitativeWorking;
  veto?: VetoWorking;
  /** A data-triggered leaf: no groups, no office record; the source's measurement decides it. */
  trigger?: TriggerWorking;
  /**
   * 不适用: the leaf doesn't apply to the branch's category — value null, complete, no groups; entries, records and
   * measurements on it are never read (docs/scoring-rules.md “适用范围与折算”). Absent = it applies.
   */
  notApplicable?: true;
  /** An office-recorded leaf (考核组核定): the recorded raw value and what it rests on; null value while nothing is recorded. */
  office?: { value: number | null; evidence: string; evidenceDate: string | null; findings?: Finding[]; reasons?: string[] };
}

export interface NodeExplanation {
  kind: 'node';
  indicatorId: number;
  branchId: number;
  maxPoints: number;
  /** Sum of the children that count toward this node (bonus children are counted outside the base). */
  childrenSum: number | null;
  points: number | null;
  /** The sum exceeded max (e.g. quantitative excess) and was cut to max. */
  capped: boolean;
  bonus: boolean;
  complete: boolean;
  /**
   * Children's points; a pool's child (扣分池) shows its deduction as negative points (−3 = it takes 3 from
   * the pool), unrounded like every explanation figure.
   */
  children: { indicatorId: number; points: number | null; bonus: boolean }[];
  /**
   * A pool (扣分池，扣完为止): `deducted` = its children's deductions added up (childrenSum = −deducted);
   * points = max(0, max − deducted); `floored` when the deductions exceeded max and the pool stopped at 0.
   */
  pool?: { deducted: number; floored: boolean };
  /**
   * A node with a section bonus cap (加分上限（分部）): `raw` = the bonus points within its subtree (nested caps
   * already applied), `cap` its cap, `capped` when raw exceeded cap and was cut to it.
   */
  bonusCap?: { raw: number; cap: number; capped: boolean };
  /** 不适用 to the branch's category (itself, an ancestor, or every indicator below it); points null. */
  notApplicable?: true;
}

export interface GradeExplanation {
  total: number;
  byThreshold: string;
  thresholdMin: number;
  veto: { indicatorIds: number[]; capGrade: string } | null;
  afterVeto: string;
  quota: { label: string; allowed: number; movedTo: string } | null;
  grade: string;
}

export interface BranchExplanation {
  branchId: number;
  cells: CellExplanation[];
  nodes: NodeExplanation[];
  /**
   * bonusRaw = the bonus leaves added up; bonusSections (only when some node has a section bonus cap) =
   * the bonus after section caps; bonus = that, capped at the period's bonusCap.
   */
  totals: {
    base: number;
    bonusRaw: number;
    bonusSections?: number;
    bonusCap: number | null;
    bonus: number;
    total: number;
    /**
     * 折算 (only when some of the base doesn't apply): base = rawBase × baseMax ÷ applicableMax, rounded once;
     * figures rounded to 0.01, factor to 0.0001.
     */
    rescaled?: { baseMax: number; applicableMax: number; rawBase: number; factor: number };
  };
  grade: GradeExplanation;
  rank: { rank: number; keys: { total: number; business: number; party: number; deducted: number }; vetoed: boolean };
}
