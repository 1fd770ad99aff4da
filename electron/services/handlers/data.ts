/** 业务数据: business data (目标协同), branches' self-assessment, raters' score workbooks. */
import { takeBackup } from '../backup';
import { listMeasurements, saveMeasurements } from '../entries';
import { importMeasurements, previewMeasurementImport, writeMeasurementTemplate } from '../measurements-xlsx';
import { exportScores, importScores, previewScoreImport, writeScoreTemplate } from '../scores-xlsx';
import { compareSelf, getSelfAssessment, importSelf, previewSelfImport, saveSelfAssessment, writeSelfTemplate } from '../self-assessment';
import { actorOf } from '../actor';
import type { HandlerSlice } from './define';

export const dataHandlers = {
  'measurements.list': { access: 'admin', run: (input, ctx) => listMeasurements(ctx.db, input.periodId) },
  'measurements.save': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) => saveMeasurements(ctx.db, input.periodId, input.rows, { now: ctx.now(), actor: actorOf(ctx.session) }),
  },
  'measurements.writeTemplate': { access: 'admin', run: (input, ctx) => writeMeasurementTemplate(ctx.db, input.periodId, input.path) },
  'measurements.previewImport': { access: 'admin', run: (input, ctx) => previewMeasurementImport(ctx.db, input.periodId, input.path) },
  'measurements.import': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importMeasurements(ctx.db, input.periodId, input.path, ctx.now());
    },
  },

  'selfAssessment.get': { access: 'admin', run: (input, ctx) => getSelfAssessment(ctx.db, input.periodId, input.branchId) },
  'selfAssessment.save': {
    access: 'admin',
    run: (input, ctx) => saveSelfAssessment(ctx.db, input.periodId, input.branchId, input.entries, { now: ctx.now(), actor: actorOf(ctx.session) }),
  },
  'selfAssessment.writeTemplate': { access: 'admin', run: (input, ctx) => writeSelfTemplate(ctx.db, input.periodId, input.path) },
  'selfAssessment.previewImport': { access: 'admin', run: (input, ctx) => previewSelfImport(ctx.db, input.periodId, input.path) },
  'selfAssessment.import': {
    access: 'admin',
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importSelf(ctx.db, input.periodId, input.path, ctx.now());
    },
  },
  // Shows the panel's points beside the branch's own.
  'selfAssessment.compare': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => compareSelf(ctx.db, ctx.results, input.periodId, input.branchId) },

  'scores.writeTemplate': { access: 'admin', run: (input, ctx) => writeScoreTemplate(ctx.db, input.periodId, input.raterId, input.path) },
  'scores.previewImport': { access: 'admin', run: (input, ctx) => previewScoreImport(ctx.db, input.periodId, input.path) },
  'scores.import': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importScores(ctx.db, input.periodId, input.path, { now: ctx.now(), reason: input.reason });
    },
  },
  'scores.export': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => exportScores(ctx.db, input.periodId, input.path) },
} satisfies HandlerSlice;
