/**
 * What is still missing before a period moves on (进入评审, 标记为已公示,
 * 定稿), and the record of moving on anyway. Each step is a gate: when
 * something is missing the office sees exactly what, and goes on only by
 * confirming with a reason — an override that is audited and printed on the
 * results screen and in the documents made from them.
 */
import { z } from 'zod';
import type { MeasurementRow } from './measurements';
import { text } from './text';

/** The steps that are gated: 进入评审 (review), 标记为已公示 (publish), 定稿 (finalise). */
export const GATE_STEPS = ['review', 'publish', 'finalise'] as const;
export type GateStep = (typeof GATE_STEPS)[number];

/** One rater's unscored cells on one branch (leaves × this branch, not counting recusals). */
export interface MissingScores {
  raterId: number;
  raterName: string;
  branchId: number;
  branchCode: string;
  branchName: string;
  cells: number;
}

/** A branch × quantitative leaf with no actual value (业务数据): the identifying part of its row. */
export type MissingMeasurement = Pick<MeasurementRow, 'branchId' | 'branchCode' | 'branchName' | 'indicatorId' | 'indicatorCode' | 'indicatorName'>;

/** A branch × office-recorded leaf (考核组核定) with nothing recorded: the same identifying part. */
export type MissingOfficeRecord = MissingMeasurement;

/** An agenda item of the period's meetings that the meeting has not dealt with. */
export interface OpenAgendaItem {
  meetingId: number;
  meetingTitle: string;
  itemId: number;
  title: string;
  /** unrevealed: a 述职评议 whose scores were never revealed; undecided: no decision recorded. */
  problem: 'unrevealed' | 'undecided';
}

/** What a step would leave missing; `complete` when nothing. Lists are in panel / branch-code / agenda order. */
export interface Readiness {
  periodId: number;
  step: GateStep;
  scores: MissingScores[];
  /** The sum of `scores[].cells`. */
  missingCells: number;
  measurements: MissingMeasurement[];
  /** Office-recorded leaves (考核组核定) with no record, per branch, in branch-code then tree order. */
  office: MissingOfficeRecord[];
  /** Only for 定稿 (the meeting decides before the result is final). */
  agenda: OpenAgendaItem[];
  complete: boolean;
}

/** A step taken although something was missing: who, when, why, and what was missing then. */
export interface GateOverride {
  id: number;
  periodId: number;
  step: GateStep;
  at: string;
  actor: string;
  reason: string;
  /** `office` only when office records were missing (older overrides have none). */
  missing: { cells: number; measurements: number; agendaItems: number; office?: number };
}

/** The reason the office gives for moving on with something missing (required then, ignored otherwise). */
export const OverrideReason = text('原因').trim().min(2, { error: '请写明继续的原因（至少 2 个字）' }).max(200);

export const GateInput = z.object({ periodId: z.number().int().positive(), step: z.enum(GATE_STEPS) });
