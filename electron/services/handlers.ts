/**
 * The one table from contract method to service. `dispatch` is the main
 * process's edge: Electron IPC, the test harness and the tests all call it.
 * Handlers that change a period's data drop its cached results.
 */
import type { MethodName, Output, ParsedInput } from '../../shared/api';
import { getAppInfo } from './app-info';
import { createBranch, listBranches, setBranchArchived, updateBranch } from './branches';
import { importBranches, previewBranchImport, writeBranchTemplate } from './branches-xlsx';
import type { ServiceContext } from './context';
import { listMeasurements, saveEntries, saveMeasurements } from './entries';
import { exportAudit } from './audit-xlsx';
import { importMeasurements, previewMeasurementImport, writeMeasurementTemplate } from './measurements-xlsx';
import { exportScores, importScores, previewScoreImport, writeScoreTemplate } from './scores-xlsx';
import { compareSelf, getSelfAssessment, importSelf, previewSelfImport, saveSelfAssessment, writeSelfTemplate } from './self-assessment';
import { exportFramework, importFramework, previewFrameworkImport, writeFrameworkTemplate } from './framework-xlsx';
import {
  addIndicator,
  createFramework,
  deleteFramework,
  deleteIndicator,
  getFramework,
  listFrameworks,
  moveIndicator,
  newFrameworkVersion,
  renumberCodes,
  updateFrameworkMeta,
  updateIndicator,
} from './frameworks';
import { cancelJob, documentDefaults, jobStatus, startBatch, writeBulletin, writeFeedback, writeMeetingPack, writeMinutes, writePublication, writeScoreSheet } from './documents';
import { deleteGroup, deleteRater, getPanel, saveGroup, saveRater } from './panel';
import {
  advancePeriod,
  reopenPeriod,
  createPeriod,
  deletePeriod,
  getPeriod,
  listPeriods,
  periodBranchIds,
  periodRules,
  setPeriodBranches,
  setPeriodFramework,
  updatePeriod,
} from './periods';
import { explainBranch, panelStatistics, periodResults } from './results';
import { branchTrend } from './trends';
import { writePng } from './files';
import { listBackups, restoreBackup, setBackupKeep, takeBackup } from './backup';
import { checkAuditChain } from './audit-verify';
import { AppError } from './errors';
import { listAudit, maskWhileBlind } from './audit';
import { createSample } from './sample';
import { assertResultsVisible, raterSheet, saveRaterEntries, scoringProgress, setFinished } from './scoring';
import { actorOf, requireAdmin, setAdminPin, setRaterPin, signInAdmin, signInRater } from './session';
import { writeSetting } from './settings';
import {
  closeMeeting,
  currentMeeting,
  deleteMeeting,
  getMeeting,
  getPublication,
  goToItem,
  listMeetings,
  publishPeriod,
  revealItem,
  saveAgenda,
  saveAttendees,
  saveItem,
  saveMeeting,
  saveMinutes,
  startMeeting,
  withRevealedTotals,
} from './meetings';
import { itemResult } from './meeting-result';
import { draftMinutes } from './meeting-minutes';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** Runs a change and drops the cached results it affects (one period, or all). */
function changing<T>(ctx: ServiceContext, periodId: number | null, change: () => T): T {
  const value = change();
  ctx.results.invalidate(periodId ?? undefined);
  return value;
}

export const handlers: Handlers = {
  'app.info': (_input, ctx) => getAppInfo(ctx),
  'app.setCurrentPeriod': (input, ctx) => {
    // A period that does not exist would leave every screen pointing at nothing.
    if (input.periodId !== null) periodRules(ctx.db, input.periodId);
    writeSetting(ctx.db, 'currentPeriodId', input.periodId, ctx.now());
    return null;
  },

  'branches.list': (input, ctx) => listBranches(ctx.db, input),
  'branches.create': (input, ctx) => createBranch(ctx.db, input, ctx.now()),
  'branches.update': (input, ctx) => changing(ctx, null, () => updateBranch(ctx.db, input.id, input.fields, ctx.now())),
  'branches.setArchived': (input, ctx) => setBranchArchived(ctx.db, input.id, input.archived, ctx.now()),
  'branches.previewImport': (input, ctx) => previewBranchImport(ctx.db, input.path),
  'branches.import': async (input, ctx) => {
    await takeBackup(ctx, 'import');
    const result = await importBranches(ctx.db, input.path, ctx.now());
    ctx.results.invalidate();
    return result;
  },
  'branches.writeTemplate': (input) => writeBranchTemplate(input.path),

  'frameworks.list': (_input, ctx) => listFrameworks(ctx.db),
  'frameworks.get': (input, ctx) => getFramework(ctx.db, input.id),
  'frameworks.create': (input, ctx) => ({ id: createFramework(ctx.db, input, ctx.now()) }),
  'frameworks.updateMeta': (input, ctx) => {
    updateFrameworkMeta(ctx.db, input.id, input, ctx.now());
    return null;
  },
  'frameworks.delete': (input, ctx) => {
    deleteFramework(ctx.db, input.id);
    return null;
  },
  'frameworks.newVersion': (input, ctx) => ({ id: newFrameworkVersion(ctx.db, input.id, ctx.now()) }),
  'frameworks.renumber': (input, ctx) => changing(ctx, null, () => (renumberCodes(ctx.db, input.id, ctx.now()), null)),
  'frameworks.writeTemplate': (input) => writeFrameworkTemplate(input.path),
  'frameworks.export': (input, ctx) => exportFramework(ctx.db, input.id, input.path),
  'frameworks.previewImport': (input) => previewFrameworkImport(input.path),
  'frameworks.import': async (input, ctx) => {
    await takeBackup(ctx, 'import');
    return importFramework(ctx.db, input.path, { name: input.name }, ctx.now());
  },
  'indicators.add': (input, ctx) => changing(ctx, null, () => addIndicator(ctx.db, input.frameworkId, input.parentId, input.fields, ctx.now())),
  'indicators.update': (input, ctx) => changing(ctx, null, () => updateIndicator(ctx.db, input.id, input.fields, ctx.now())),
  'indicators.delete': (input, ctx) => changing(ctx, null, () => ({ removed: deleteIndicator(ctx.db, input.id, ctx.now()) })),
  'indicators.move': (input, ctx) =>
    changing(ctx, null, () => (moveIndicator(ctx.db, input.id, input.parentId, input.position, ctx.now()), null)),

  'periods.list': (input, ctx) => listPeriods(ctx.db, input),
  'periods.get': (input, ctx) => ({ ...getPeriod(ctx.db, input.id), branchIds: periodBranchIds(ctx.db, input.id) }),
  'periods.create': (input, ctx) => {
    const period = createPeriod(ctx.db, input, ctx.now());
    writeSetting(ctx.db, 'currentPeriodId', period.id, ctx.now());
    return period;
  },
  'periods.update': (input, ctx) => changing(ctx, input.id, () => updatePeriod(ctx.db, input.id, input, ctx.now())),
  'periods.setBranches': (input, ctx) => changing(ctx, input.id, () => setPeriodBranches(ctx.db, input.id, input.branchIds, ctx.now())),
  'periods.setFramework': (input, ctx) => changing(ctx, input.id, () => setPeriodFramework(ctx.db, input.id, input.frameworkId, ctx.now())),
  'periods.advance': async (input, ctx) => {
    if (input.to === 'finalised') await takeBackup(ctx, 'finalise');
    return advancePeriod(ctx.db, input.id, input.to, ctx.now(), actorOf(ctx.session));
  },
  'periods.delete': (input, ctx) => changing(ctx, input.id, () => deletePeriod(ctx.db, input.id, ctx.now())),

  'panel.get': (input, ctx) => getPanel(ctx.db, input.periodId),
  'panel.saveGroup': (input, ctx) => changing(ctx, input.periodId, () => saveGroup(ctx.db, input.periodId, input)),
  'panel.deleteGroup': (input, ctx) => changing(ctx, input.periodId, () => (deleteGroup(ctx.db, input.periodId, input.id), null)),
  'panel.saveRater': (input, ctx) => changing(ctx, input.periodId, () => saveRater(ctx.db, input.periodId, input)),
  'panel.deleteRater': (input, ctx) => changing(ctx, input.periodId, () => (deleteRater(ctx.db, input.periodId, input.id), null)),

  'entries.save': (input, ctx) =>
    changing(ctx, input.periodId, () =>
      saveEntries(ctx.db, input.periodId, input.entries, { now: ctx.now(), actor: actorOf(ctx.session), ...(input.reason ? { reason: input.reason } : {}) }),
    ),
  'measurements.save': (input, ctx) =>
    changing(ctx, input.periodId, () => saveMeasurements(ctx.db, input.periodId, input.rows, { now: ctx.now(), actor: actorOf(ctx.session) })),
  'measurements.list': (input, ctx) => listMeasurements(ctx.db, input.periodId),
  'measurements.writeTemplate': (input, ctx) => writeMeasurementTemplate(ctx.db, input.periodId, input.path),
  'measurements.previewImport': (input, ctx) => previewMeasurementImport(ctx.db, input.periodId, input.path),
  'measurements.import': async (input, ctx) => {
    await takeBackup(ctx, 'import');
    const result = await importMeasurements(ctx.db, input.periodId, input.path, ctx.now());
    ctx.results.invalidate(input.periodId);
    return result;
  },
  'selfAssessment.get': (input, ctx) => getSelfAssessment(ctx.db, input.periodId, input.branchId),
  'selfAssessment.save': (input, ctx) =>
    saveSelfAssessment(ctx.db, input.periodId, input.branchId, input.entries, { now: ctx.now(), actor: actorOf(ctx.session) }),
  'selfAssessment.writeTemplate': (input, ctx) => writeSelfTemplate(ctx.db, input.periodId, input.path),
  'selfAssessment.previewImport': (input, ctx) => previewSelfImport(ctx.db, input.periodId, input.path),
  'selfAssessment.import': async (input, ctx) => {
    await takeBackup(ctx, 'import');
    return importSelf(ctx.db, input.periodId, input.path, ctx.now());
  },
  'selfAssessment.compare': (input, ctx) => {
    assertResultsVisible(ctx.db, input.periodId);
    return compareSelf(ctx.db, ctx.results, input.periodId, input.branchId);
  },
  'scores.writeTemplate': (input, ctx) => writeScoreTemplate(ctx.db, input.periodId, input.raterId, input.path),
  'scores.previewImport': (input, ctx) => previewScoreImport(ctx.db, input.periodId, input.path),
  'scores.import': async (input, ctx) => {
    await takeBackup(ctx, 'import');
    const result = await importScores(ctx.db, input.periodId, input.path, { now: ctx.now(), reason: input.reason });
    ctx.results.invalidate(input.periodId);
    return result;
  },
  'scores.export': (input, ctx) => {
    assertResultsVisible(ctx.db, input.periodId);
    return exportScores(ctx.db, input.periodId, input.path);
  },
  'audit.export': (input, ctx) => {
    requireAdmin(ctx.session);
    return exportAudit(ctx.db, input.periodId, input.path);
  },

  'session.get': (_input, ctx) => ctx.session,
  'session.signInAdmin': (input, ctx) => (ctx.session = signInAdmin(ctx.db, input.pin)),
  'session.signInRater': (input, ctx) => (ctx.session = signInRater(ctx.db, input.periodId, input.raterId, input.pin)),
  'session.signOut': (_input, ctx) => (ctx.session = { kind: 'none' }),
  'session.setAdminPin': (input, ctx) => {
    requireAdmin(ctx.session);
    setAdminPin(ctx.db, input.pin, ctx.now());
    return null;
  },
  'panel.setRaterPin': (input, ctx) => {
    requireAdmin(ctx.session);
    setRaterPin(ctx.db, input.periodId, input.raterId, input.pin);
    return null;
  },

  'scoring.sheet': (input, ctx) => raterSheet(ctx.db, ctx.session, input.periodId, input.raterId),
  'scoring.save': (input, ctx) => changing(ctx, input.periodId, () => saveRaterEntries(ctx, ctx.session, input)),
  'scoring.progress': (input, ctx) => {
    requireAdmin(ctx.session);
    return scoringProgress(ctx.db, input.periodId);
  },
  'scoring.setFinished': (input, ctx) => (setFinished(ctx, ctx.session, input), null),
  'periods.reopen': async (input, ctx) => {
    requireAdmin(ctx.session);
    await takeBackup(ctx, 'reopen');
    return changing(ctx, input.id, () => reopenPeriod(ctx.db, input.id, input.reason, ctx.now(), actorOf(ctx.session)));
  },
  'audit.verify': (_input, ctx) => {
    requireAdmin(ctx.session);
    return (ctx.auditChain = checkAuditChain(ctx.db, ctx.now(), ctx.log));
  },
  'backups.list': (_input, ctx) => listBackups(ctx),
  'backups.create': (_input, ctx) => takeBackup(ctx, 'manual'),
  'backups.restore': (input, ctx) => restoreBackup(ctx, input.name),
  'backups.setKeep': (input, ctx) => setBackupKeep(ctx, input.keep),
  'audit.list': (input, ctx) => {
    requireAdmin(ctx.session);
    return maskWhileBlind(ctx.db, input.periodId, listAudit(ctx.db, input));
  },

  'results.get': (input, ctx) => {
    assertResultsVisible(ctx.db, input.periodId);
    return periodResults(ctx.db, ctx.results, input.periodId);
  },
  'results.explain': (input, ctx) => {
    assertResultsVisible(ctx.db, input.periodId);
    const explanation = explainBranch(ctx.db, ctx.results, input.periodId, input.branchId);
    if (!explanation) throw new AppError('not_found', '这个党支部不在本周期的考核范围内');
    return explanation;
  },
  'results.panel': (input, ctx) => {
    assertResultsVisible(ctx.db, input.periodId);
    return panelStatistics(ctx.db, ctx.results, input.periodId);
  },
  'results.trend': (input, ctx) => branchTrend(ctx.db, ctx.results, input.branchId),
  'files.writePng': (input, ctx) => writePng(ctx.files, input),

  'documents.scoreSheet': (input, ctx) => writeScoreSheet(ctx.db, input),
  'documents.defaults': (_input, ctx) => documentDefaults(ctx.db),
  'documents.bulletin': (input, ctx) => writeBulletin(ctx, input),
  'documents.feedback': (input, ctx) => writeFeedback(ctx, input),
  'documents.startBatch': (input, ctx) => startBatch(ctx, input),
  'documents.jobStatus': (input, ctx) => jobStatus(ctx, input.jobId),
  'documents.cancelJob': (input, ctx) => cancelJob(ctx, input.jobId),
  'documents.meetingPack': (input, ctx) => writeMeetingPack(ctx, input),
  'documents.minutes': (input, ctx) => writeMinutes(ctx, input),
  'documents.publication': (input, ctx) => writePublication(ctx, input),

  'meetings.list': (input, ctx) => listMeetings(ctx.db, input.periodId),
  'meetings.get': (input, ctx) => withRevealedTotals(ctx, getMeeting(ctx.db, input.id, ctx.now())),
  'meetings.save': (input, ctx) => withRevealedTotals(ctx, saveMeeting(ctx.db, input, ctx.now())),
  'meetings.delete': (input, ctx) => (deleteMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session)), null),
  'meetings.saveAttendees': (input, ctx) => withRevealedTotals(ctx, saveAttendees(ctx.db, input.meetingId, input.attendees, ctx.now())),
  'meetings.saveAgenda': (input, ctx) => withRevealedTotals(ctx, saveAgenda(ctx.db, input.meetingId, input.items, ctx.now())),
  'meetings.start': (input, ctx) => withRevealedTotals(ctx, startMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session))),
  'meetings.goTo': (input, ctx) => withRevealedTotals(ctx, goToItem(ctx.db, input.id, input.itemIndex, ctx.now())),
  'meetings.close': (input, ctx) => withRevealedTotals(ctx, closeMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session))),
  'meetings.reveal': (input, ctx) => withRevealedTotals(ctx, revealItem(ctx, input.itemId, actorOf(ctx.session))),
  'meetings.itemResult': (input, ctx) => itemResult(ctx, input.itemId),
  'meetings.saveItem': (input, ctx) => withRevealedTotals(ctx, saveItem(ctx.db, input.itemId, input, ctx.now())),
  'meetings.draftMinutes': (input, ctx) => ({ text: draftMinutes(ctx, input.id) }),
  'meetings.saveMinutes': (input, ctx) => withRevealedTotals(ctx, saveMinutes(ctx.db, input.id, input.text, ctx.now())),
  'meetings.current': (input, ctx) => currentMeeting(ctx.db, ctx.session, input.periodId),
  'periods.publish': (input, ctx) => publishPeriod(ctx.db, input, ctx.now(), actorOf(ctx.session)),
  'periods.publication': (input, ctx) => getPublication(ctx.db, input.periodId),

  'sample.create': (input, ctx) => {
    const summary = createSample(ctx.db, input, ctx.now());
    writeSetting(ctx.db, 'currentPeriodId', summary.period.id, ctx.now());
    return summary;
  },

  'dialog.openFile': (input, ctx) => ctx.desktop.openFile(input),
  'dialog.saveFile': (input, ctx) => ctx.desktop.saveFile(input),
  'dialog.openFolder': (input, ctx) => ctx.desktop.openFolder(input),
  'shell.showInFolder': async (input, ctx) => {
    await ctx.desktop.showInFolder(input.path);
    return null;
  },
};
