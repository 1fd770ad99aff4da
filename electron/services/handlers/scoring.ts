/** 评分: a rater's sheet on the shared PC, the office's entry of scores, progress and "finished" marks. */
import { saveEntries } from '../entries';
import { raterSheet, saveRaterEntries, scoringProgress, setFinished } from '../scoring';
import { actorOf } from '../actor';
import type { HandlerSlice } from './define';

export const scoringHandlers = {
  'scoring.sheet': { access: 'rater', run: (input, ctx) => raterSheet(ctx.db, ctx.session, input.periodId, input.raterId) },
  'scoring.save': { access: 'rater', invalidates: (input) => input.periodId, run: (input, ctx) => saveRaterEntries(ctx, ctx.session, input) },
  'scoring.setFinished': {
    access: 'rater',
    run: (input, ctx) => {
      setFinished(ctx, ctx.session, input);
      return null;
    },
  },
  // Counts only, never values: the office follows progress while scoring is open.
  'scoring.progress': { access: 'admin', run: (input, ctx) => scoringProgress(ctx.db, input.periodId) },
  'entries.save': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) =>
      saveEntries(ctx.db, input.periodId, input.entries, { now: ctx.now(), actor: actorOf(ctx.session), ...(input.reason ? { reason: input.reason } : {}) }),
  },
} satisfies HandlerSlice;
