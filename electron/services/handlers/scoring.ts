/** 评分: a rater's sheet on the shared PC, the office's entry of scores, progress and "finished" marks. */
import { saveEntries } from '../entries';
import { raterSheet, saveRaterEntries, scoringProgress, setFinished } from '../scoring';
import { actorOf } from '../actor';
import type { PeriodStatus } from '../../../shared/domain/period';
import { SCORE_WRITE_PHASES, scoreLockReason } from '../../../shared/domain/score-lock';
import type { HandlerSlice } from './define';

/** Scores are written only in the phases score-lock names, refused in its words. */
const scorePhaseRefused = (status: PeriodStatus, role: 'rater' | 'admin') => scoreLockReason(status, null, role === 'admin' ? 'office' : 'rater', 'phase only') ?? '';
const scorePhases = {
  period: (input: { periodId: number }) => input.periodId,
  rater: SCORE_WRITE_PHASES.rater,
  admin: SCORE_WRITE_PHASES.office,
  refused: scorePhaseRefused,
};

/** A rater's own sheet in the period they signed in to. */
const ownSheet = (input: { periodId: number; raterId: number }) => ({ periodId: input.periodId, raterId: input.raterId });

export const scoringHandlers = {
  'scoring.sheet': { access: 'rater', own: ownSheet, run: (input, ctx) => raterSheet(ctx.db, ctx.session, input.periodId, input.raterId) },
  'scoring.save': {
    access: 'rater',
    own: ownSheet,
    phases: scorePhases,
    invalidates: (input) => input.periodId,
    run: (input, ctx) => saveRaterEntries(ctx, ctx.session, input),
  },
  'scoring.setFinished': {
    access: 'rater',
    own: ownSheet,
    phases: { period: (input) => input.periodId, rater: SCORE_WRITE_PHASES.rater, refused: scorePhaseRefused },
    run: (input, ctx) => {
      setFinished(ctx, ctx.session, input);
      return null;
    },
  },
  // Counts only, never values: the office follows progress while scoring is open.
  'scoring.progress': { access: 'admin', run: (input, ctx) => scoringProgress(ctx.db, input.periodId) },
  'entries.save': {
    access: 'admin',
    phases: scorePhases,
    invalidates: (input) => input.periodId,
    run: (input, ctx) =>
      saveEntries(ctx.db, input.periodId, input.entries, { now: ctx.now(), actor: actorOf(ctx.session), ...(input.reason ? { reason: input.reason } : {}) }),
  },
} satisfies HandlerSlice;
