/** 报告: the Word documents, one at a time or as a batch job. */
import { cancelJob, documentDefaults, jobStatus, regenerateDocument, startBatch, writeBulletin, writeFeedback, writeMeetingPack, writeMinutes, writePublication, writeScoreSheet } from '../documents';
import type { HandlerSlice } from './define';

export const documentHandlers = {
  'documents.defaults': { access: 'admin', run: (_input, ctx) => documentDefaults(ctx.db) },
  // A blank sheet is for raters to fill, and one rater's filled sheet is theirs to sign; a filled branch sheet prints the panel's values.
  'documents.scoreSheet': { access: 'admin', blind: (input) => (input.filled && input.branchId !== undefined && input.branchId !== null ? input.periodId : null), run: (input, ctx) => writeScoreSheet(ctx.db, input) },
  'documents.bulletin': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => writeBulletin(ctx, input) },
  'documents.feedback': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => writeFeedback(ctx, input) },
  'documents.meetingPack': { access: 'admin', run: (input, ctx) => writeMeetingPack(ctx, input) },
  'documents.minutes': { access: 'admin', run: (input, ctx) => writeMinutes(ctx, input) },
  'documents.publication': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => writePublication(ctx, input) },
  'documents.startBatch': { access: 'admin', blind: (input) => input.periodId, run: (input, ctx) => startBatch(ctx, input) },
  'documents.jobStatus': { access: 'admin', run: (input, ctx) => jobStatus(ctx, input.jobId) },
  'documents.cancelJob': { access: 'admin', run: (input, ctx) => cancelJob(ctx, input.jobId) },
  // The record names the file and its period; the results must be visible for a review document (checked in the service).
  'documents.regenerate': { access: 'admin', run: (input, ctx) => regenerateDocument(ctx, input.recordId) },
} satisfies HandlerSlice;
