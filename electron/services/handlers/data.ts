/** 业务数据: business data (目标协同), 考核组核定 (office-recorded facts), branches' self-assessment, raters' score workbooks. */
import { takeBackup } from '../backup';
import { listMeasurements, saveMeasurements } from '../entries';
import { importMeasurements, previewMeasurementImport, writeMeasurementTemplate } from '../measurements-xlsx';
import { exportScores } from '../scores-export';
import { importScores, previewScoreImport, writeScoreTemplate } from '../scores-xlsx';
import { compareSelf, getSelfAssessment, importSelf, previewSelfImport, saveSelfAssessment, writeSelfTemplate } from '../self-assessment';
import { actorOf } from '../actor';
import { listOfficeRecords, saveOfficeRecords } from '../office';
import { importOffice, previewOfficeImport, writeOfficeTemplate } from '../office-xlsx';
import { t } from '../../../shared/messages';
import type { HandlerSlice } from './define';

/** Office records are written in every phase but the last; once finalised, in the words every finalised refusal uses. */
const officePhases = {
  period: (input: { periodId: number }) => input.periodId,
  admin: ['draft', 'scoring', 'review'] as const,
  refused: () => t('error.dispatch.periodFinalised'),
};

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

  // 考核组核定: the office may record facts from the start (draft) until the period is finalised.
  'office.list': { access: 'admin', run: (input, ctx) => listOfficeRecords(ctx.db, input.periodId) },
  'office.save': {
    access: 'admin',
    phases: officePhases,
    invalidates: (input) => input.periodId,
    run: (input, ctx) => saveOfficeRecords(ctx, input.periodId, input.rows, { actorKind: 'admin', ...(input.reason ? { reason: input.reason } : {}) }),
  },
  'office.writeTemplate': { access: 'admin', run: (input, ctx) => writeOfficeTemplate(ctx.db, input.periodId, input.path) },
  'office.previewImport': { access: 'admin', run: (input, ctx) => previewOfficeImport(ctx.db, input.periodId, input.path) },
  'office.import': {
    access: 'admin',
    phases: officePhases,
    invalidates: (input) => input.periodId,
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importOffice(ctx, input.periodId, input.path, input.reason);
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
