/**
 * What the services return for frameworks, periods, panels and results:
 * shared by the main process (which builds them) and the renderer.
 */
import type { EngineResult } from '../engine/types';
import type { Framework, Indicator } from './framework';
import type { PeriodKind, PeriodSettings, PeriodStatus } from './period';

export interface FrameworkSummary extends Framework {
  indicatorCount: number;
  leafCount: number;
  /** Periods that use this version. */
  periods: { id: number; name: string }[];
}

export interface Period {
  id: number;
  name: string;
  year: number;
  kind: PeriodKind;
  frameworkId: number;
  frameworkName: string;
  frameworkVersion: number;
  status: PeriodStatus;
  settings: PeriodSettings;
  branchCount: number;
  raterCount: number;
  entryCount: number;
  createdAt: string;
  updatedAt: string;
  /** Set when the period was "deleted" after it had history: kept, hidden from the lists. */
  archivedAt: string | null;
}

export interface RaterGroup {
  id: number;
  periodId: number;
  name: string;
  weight: number;
  position: number;
  /** How the group's scores on one cell are combined (docs/scoring-rules.md §4); null = the period's `settings.combine`. */
  combine: 'mean' | 'trimmed' | 'median' | null;
  /** The fewest raters for the group's trimming; null = the period's `settings.trimMinRaters`. */
  trimMinRaters: number | null;
  /** 分工评分 (assignment.ts): indicator codes the group scores (each with its subtree); [] = the whole framework. */
  scope: string[];
}

export interface Rater {
  id: number;
  periodId: number;
  groupId: number;
  name: string;
  title: string;
  /** The branch the rater belongs to (never scores it). */
  branchId: number | null;
  position: number;
  /** The rater must type their PIN to sign in (the PIN itself never leaves the main process). */
  hasPin: boolean;
  /** When the rater confirmed their sheet complete; null while still scoring. */
  finishedAt: string | null;
  recusals: { branchId: number; reason: string }[];
  /** 分工评分: codes this rater scores within the group's scope; [] = all of the group's. */
  scope: string[];
}

export interface PanelView {
  groups: RaterGroup[];
  raters: Rater[];
}

export interface PeriodResults {
  period: Period;
  result: EngineResult;
  /** What these figures are computed from, as a SHA-256 (records made from them keep it; see electron/services/fingerprint.ts). */
  fingerprint: string;
  indicators: Indicator[];
  raters: { id: number; name: string; groupId: number }[];
  groups: { id: number; name: string; weight: number }[];
}

export interface SampleSummary {
  period: Period;
  branches: number;
  raters: number;
  entries: number;
  measurements: number;
}
