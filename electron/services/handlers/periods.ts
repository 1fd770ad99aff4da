/** 考核周期: settings, branches in scope, framework version, the lifecycle. */
import { takeBackup } from '../backup';
import {
  createPeriod,
  deletePeriod,
  getPeriod,
  listPeriods,
  periodBranchIds,
  reopenPeriod,
  setPeriodBranches,
  setPeriodFramework,
  updatePeriod,
} from '../periods';
import { advancePeriod } from '../period-steps';
import { listOverrides, periodReadiness } from '../readiness';
import { actorOf } from '../actor';
import { publicPeriod } from '../public-views';
import { writeSetting } from '../settings';
import type { HandlerSlice } from './define';

export const periodHandlers = {
  'periods.list': { access: 'anyone', redact: (periods) => periods.map(publicPeriod), run: (input, ctx) => listPeriods(ctx.db, input) },
  'periods.get': {
    access: 'rater',
    own: (input) => ({ periodId: input.id }),
    redact: (period) => ({ ...publicPeriod(period), branchIds: period.branchIds }),
    run: (input, ctx) => ({ ...getPeriod(ctx.db, input.id), branchIds: periodBranchIds(ctx.db, input.id) }) },
  'periods.create': {
    access: 'admin',
    run: (input, ctx) => {
      const period = createPeriod(ctx.db, input, ctx.now());
      writeSetting(ctx.db, 'currentPeriodId', period.id, ctx.now());
      return period;
    },
  },
  'periods.update': { access: 'admin', invalidates: (input) => input.id, run: (input, ctx) => updatePeriod(ctx.db, input.id, input, ctx.now(), actorOf(ctx.session)) },
  'periods.setBranches': { access: 'admin', invalidates: (input) => input.id, run: (input, ctx) => setPeriodBranches(ctx.db, input.id, input.branchIds, ctx.now()) },
  'periods.setFramework': { access: 'admin', invalidates: (input) => input.id, run: (input, ctx) => setPeriodFramework(ctx.db, input.id, input.frameworkId, ctx.now()) },
  'periods.advance': {
    access: 'admin',
    run: async (input, ctx) => {
      // The copy before 定稿 is taken only for a step that will go ahead (the gate refuses an incomplete one without a reason).
      if (input.to === 'finalised' && (input.override || periodReadiness(ctx.db, input.id, 'finalise').complete)) await takeBackup(ctx, 'finalise');
      return advancePeriod(ctx.db, input.id, input.to, ctx.now(), actorOf(ctx.session), input.override);
    },
  },
  'periods.readiness': { access: 'admin', run: (input, ctx) => periodReadiness(ctx.db, input.periodId, input.step) },
  'periods.overrides': { access: 'admin', run: (input, ctx) => listOverrides(ctx.db, input.periodId) },
  'periods.reopen': {
    access: 'admin',
    invalidates: (input) => input.id,
    run: async (input, ctx) => {
      await takeBackup(ctx, 'reopen');
      return reopenPeriod(ctx.db, input.id, input.reason, ctx.now(), actorOf(ctx.session));
    },
  },
  'periods.delete': { access: 'admin', invalidates: (input) => input.id, run: (input, ctx) => deletePeriod(ctx.db, input.id, ctx.now()) },
} satisfies HandlerSlice;
