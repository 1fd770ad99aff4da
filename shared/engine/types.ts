/**
 * The scoring engine's input and output. Pure data: the main process builds
 * the input from the database, the renderer may build it for live totals,
 * and hand-computed fixtures are written in the same shape.
 */
import type { LeafMethod, MethodKind, Tag } from '../domain/framework';
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
}

export interface EngineBranch {
  id: number;
  code: string;
  name: string;
}

export interface EngineGroup {
  id: number;
  name: string;
  weight: number;
}

export interface EngineRater {
  id: number;
  name: string;
  groupId: number;
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

export interface EngineInput {
  indicators: EngineIndicator[];
  branches: EngineBranch[];
  groups: EngineGroup[];
  raters: EngineRater[];
  recusals: EngineRecusal[];
  scores: EngineScore[] | ScoreColumns;
  measurements: EngineMeasurement[];
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
  /** Points lost on deduction leaves (for the tie-break). */
  deducted: number;
  quadrant: Quadrant | null;
  vetoed: boolean;
  /** The veto leaves that triggered. */
  vetoIndicatorIds: number[];
  grade: string;
  rank: number;
  complete: boolean;
  /** Cells (leaf × eligible rater, or a quantitative leaf without a measurement) still missing. */
  missing: number;
  nodes: Record<number, NodeValue>;
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

export interface CellExplanation {
  kind: 'cell';
  indicatorId: number;
  branchId: number;
  method: MethodKind;
  maxPoints: number;
  groups: GroupCombination[];
  recused: { raterId: number; reason: string }[];
  /** Unrounded points of the leaf; null when nothing counted. */
  value: number | null;
  complete: boolean;
  quantitative?: QuantitativeWorking;
  veto?: VetoWorking;
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
  children: { indicatorId: number; points: number | null; bonus: boolean }[];
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
  totals: { base: number; bonusRaw: number; bonusCap: number | null; bonus: number; total: number };
  grade: GradeExplanation;
  rank: { rank: number; keys: { total: number; business: number; party: number; deducted: number }; vetoed: boolean };
}
