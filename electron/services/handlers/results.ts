/** 结果: the computed results, their explanation, the panel's consistency, a branch's trend. */
import { t } from '../../../shared/messages';
import { AppError } from '../../errors';
import { explainBranch, panelStatistics, periodResults } from '../results';
import { outdatedRecords } from '../records';
import { branchTrend } from '../trends';
import type { HandlerSlice } from './define';

export const resultHandlers = {
  'results.get': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => periodResults(ctx.db, ctx.results, input.periodId) },
  'results.explain': {
    access: 'admin',
    blind: (input) => input.periodId,
    run: (input, ctx) => {
      const explanation = explainBranch(ctx.db, ctx.results, input.periodId, input.branchId);
      if (!explanation) throw new AppError('not_found', t('error.period.branchNotInScope'));
      return explanation;
    },
  },
  'results.panel': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => panelStatistics(ctx.db, ctx.results, input.periodId) },
  // Earlier periods only count where they are past scoring (the trend service leaves out the others).
  'results.trend': { access: 'admin', run: (input, ctx) => branchTrend(ctx.db, ctx.results, input.branchId) },
  // Not blind: while a reopened period is scored again the list still says what is out of date (without the figures now).
  'results.outdated': { access: 'admin', run: (input, ctx) => outdatedRecords(ctx.db, ctx.results, input.periodId) },
} satisfies HandlerSlice;
