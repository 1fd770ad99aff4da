/**
 * Word documents written to a file the user chose. The documents themselves
 * are rendered in electron/reports/ from view models that ./document-data.ts
 * loads; this module checks what may be printed, gathers the data and the
 * charts, and writes the bytes.
 *
 * Batches of feedback sheets run as jobs: `startBatch` checks the request,
 * loads the period's data once and returns at once with a job id; the sheets
 * are then written one branch at a time, yielding to the event loop between
 * branches (the main process keeps answering the window), while the renderer
 * polls `jobStatus` for its progress bar and may `cancelJob`.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ISectionOptions } from 'docx';
import { DEFAULT_ISSUER, type BatchJobStatus, type BatchMode, type DocumentDefaults, type DocumentWritten, type FontScheme } from '../../shared/domain/documents';
import type { SelfComparison } from '../../shared/domain/self-assessment';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { bulletinDocx } from '../reports/bulletin';
import { ChartFontMissing, quadrantChart, radarFloor, radarRenderer, rankingChart, type ChartImage, type RadarRenderer } from '../reports/charts';
import { feedbackDocument, feedbackSection, radarAxes } from '../reports/feedback';
import { branchOf, type ReviewData } from '../reports/review-data';
import { scoreSheetForBranch, scoreSheetForRater } from '../reports/score-sheet';
import { meetingPackDocx, minutesDocx, publicationDocx } from '../reports/meeting-docs';
import { officialStyle, toBuffer } from '../reports/style';
import type { ServiceContext } from './context';
import { branchScoreSheetData, loadReviewData, raterScoreSheetData } from './document-data';
import { AppError } from '../errors';
import { draftMinutes } from './meeting-minutes';
import { getMeeting, getPublication } from './meetings';
import { compareSelf } from './self-assessment';
import { readSetting, writeSetting } from './settings';
import { writeFileSafely } from './safe-write';
import { getRecord, recordResult } from './records';
import { assertResultsVisible } from './scoring';
import { isDocumentRecordKind, type RecordFigures } from '../../shared/domain/records';

export async function writeDocument(file: string, bytes: Buffer, warnings: Iterable<string> = []): Promise<DocumentWritten> {
  await writeFileSafely(file, bytes);
  const w = [...warnings];
  return w.length ? { path: file, warnings: w } : { path: file };
}

/**
 * 评分表: one rater's sheet (every branch they score) or one branch's sheet
 * (every rater side by side), blank or filled. A filled branch sheet shows the
 * whole panel's values, so it waits, like the results, until review opens.
 */
export async function writeScoreSheet(
  db: Database,
  input: { periodId: number; raterId?: number | null; branchId?: number | null; filled: boolean; path: string; fontScheme?: FontScheme },
): Promise<DocumentWritten> {
  const raterId = input.raterId ?? null;
  const branchId = input.branchId ?? null;
  if ((raterId === null) === (branchId === null)) throw new AppError('validation', t('error.documents.raterOrBranch'));
  const common = { periodId: input.periodId, filled: input.filled } as const;
  const look = { fontScheme: input.fontScheme ?? 'windows' } as const;
  let bytes: Buffer;
  if (raterId !== null) {
    bytes = await scoreSheetForRater(raterScoreSheetData(db, { ...common, raterId }), look);
  } else {
    bytes = await scoreSheetForBranch(branchScoreSheetData(db, { ...common, branchId: branchId! }), look);
  }
  return writeDocument(input.path, bytes);
}

// ---------------------------------------------------------------- options remembered

const ISSUER_KEY = 'documents.issuer';
const FONT_KEY = 'documents.fontScheme';

export function documentDefaults(db: Database): DocumentDefaults {
  return { issuer: readSetting(db, ISSUER_KEY, DEFAULT_ISSUER), fontScheme: readSetting<FontScheme>(db, FONT_KEY, 'windows') };
}

/** The options a review document is written with: given ones are remembered for next time. */
interface ReviewOptions {
  fontScheme?: FontScheme;
  issuer?: string;
  /** 成文日期, YYYY-MM-DD; today when left out. */
  date?: string;
  /** false: a document written again (documents.regenerate) leaves the remembered defaults as they are. */
  remember?: boolean;
}

/**
 * The options to write with. `remember` stores the given ones as the next
 * defaults; writers call it once the document is written, so a refused or
 * failed write changes nothing.
 */
function resolveOptions(ctx: ServiceContext, o: ReviewOptions): { fontScheme: FontScheme; issuer: string; date: Date; remember: () => void } {
  const defaults = documentDefaults(ctx.db);
  const issuer = o.issuer?.trim() || defaults.issuer;
  const fontScheme = o.fontScheme ?? defaults.fontScheme;
  const remember = () => {
    if (o.remember === false) return;
    if (o.issuer?.trim() && o.issuer.trim() !== defaults.issuer) writeSetting(ctx.db, ISSUER_KEY, issuer, ctx.now());
    if (o.fontScheme && o.fontScheme !== defaults.fontScheme) writeSetting(ctx.db, FONT_KEY, fontScheme, ctx.now());
  };
  let date = ctx.now();
  if (o.date) {
    const [y, m, d] = o.date.split('-').map(Number) as [number, number, number];
    date = new Date(y, m - 1, d);
    if (date.getMonth() !== m - 1) throw new AppError('validation', t('error.documents.noSuchDate', { date: o.date }));
  }
  return { fontScheme, issuer, date, remember };
}

/** Draws a chart; without a Chinese font the document goes without it and says why. */
async function tryChart(warnings: Set<string>, draw: () => Promise<ChartImage>): Promise<ChartImage | null> {
  try {
    return await draw();
  } catch (e) {
    if (e instanceof ChartFontMissing) {
      warnings.add(e.message);
      return null;
    }
    throw e;
  }
}

const gradeLabels = (data: ReviewData) => data.settings.grades.map((g) => g.label);

/** What a review document is recorded with, to be written again the same way (the date only when the user gave one). */
const reviewOptions = (o: { fontScheme: FontScheme; issuer: string }, input: ReviewOptions) => ({ fontScheme: o.fontScheme, issuer: o.issuer, date: input.date ?? null });

/** One branch's figures as a feedback sheet prints them. */
const printedFigures = (data: ReviewData, branchId: number): RecordFigures => {
  const { result } = branchOf(data, branchId);
  return { total: result.total, rank: result.rank, grade: result.grade };
};

/**
 * The written document, once it is recorded with the fingerprint of the results it was made from
 * (taken when its data was loaded) and its options are remembered.
 */
async function recordAfter(
  ctx: ServiceContext,
  o: { remember: () => void },
  writing: Promise<DocumentWritten>,
  record: Omit<NewRecordOf, 'path'>,
): Promise<DocumentWritten> {
  const written = await writing;
  recordResult(ctx, { ...record, path: written.path });
  o.remember();
  return written;
}
type NewRecordOf = Parameters<typeof recordResult>[1];

// ---------------------------------------------------------------- 考核结果通报

export async function writeBulletin(ctx: ServiceContext, input: ReviewOptions & { periodId: number; path: string }): Promise<DocumentWritten> {
  const o = resolveOptions(ctx, input);
  const data = loadReviewData(ctx.db, ctx.results, input.periodId);
  const fingerprint = ctx.results.fingerprint(ctx.db, input.periodId);
  const warnings = new Set<string>();
  const grades = gradeLabels(data);
  const branches = data.result.branches;
  const ranking = branches.length
    ? await tryChart(warnings, () => rankingChart(branches.map((b) => ({ name: b.name, rank: b.rank, total: b.total, grade: b.grade, vetoed: b.vetoed })), grades))
    : null;
  const plotted = branches.filter((b) => b.tags.party.rate !== null && b.tags.business.rate !== null);
  const quadrant = plotted.length
    ? await tryChart(warnings, () =>
        quadrantChart(
          plotted.map((b) => ({ name: b.name, rank: b.rank, party: b.tags.party.rate!, business: b.tags.business.rate!, grade: b.grade })),
          data.result.split,
          grades,
        ),
      )
    : null;
  const bytes = await bulletinDocx(data, { ...o, charts: { ranking, quadrant } });
  return recordAfter(ctx, o, writeDocument(input.path, bytes, warnings), { periodId: input.periodId, kind: 'bulletin', fingerprint, options: reviewOptions(o, input) });
}

// ---------------------------------------------------------------- 支部考核反馈单

/**
 * The radars of a set of branches on one scale: the axes and the panel
 * average drawn once (null: no radar — fewer than three dimensions, or no
 * Chinese font, which `warnings` then explains).
 */
function radarsFor(data: ReviewData, branchIds: number[], warnings: Set<string>): RadarRenderer | null {
  if (data.dimensions.length < 3) return null;
  const average = data.dimensions.map((d) => data.averageRate.get(d.id) ?? null);
  const rates = branchIds.flatMap((id) => radarAxes(data, id).map((a) => a.branch));
  try {
    return radarRenderer(
      data.dimensions.map((d) => d.name),
      average,
      { floor: radarFloor([...average, ...rates]) },
    );
  } catch (e) {
    if (e instanceof ChartFontMissing) {
      warnings.add(e.message);
      return null;
    }
    throw e;
  }
}

/** What one branch's sheet needs besides the period's data: its radar and its self-assessment comparison. */
async function feedbackParts(ctx: ServiceContext, data: ReviewData, branchId: number, radars: RadarRenderer | null) {
  const chart = radars ? await radars.draw(radarAxes(data, branchId).map((a) => a.branch)) : null;
  const self: SelfComparison | null = data.selfAssessed.has(branchId) ? compareSelf(ctx.db, ctx.results, data.period.id, branchId) : null;
  return { chart, self };
}

export async function writeFeedback(ctx: ServiceContext, input: ReviewOptions & { periodId: number; branchId: number; path: string }): Promise<DocumentWritten> {
  const o = resolveOptions(ctx, input);
  const data = loadReviewData(ctx.db, ctx.results, input.periodId, { branchIds: [input.branchId] });
  const fingerprint = ctx.results.fingerprint(ctx.db, input.periodId);
  const figures = printedFigures(data, input.branchId); // not_found before any chart is drawn
  const warnings = new Set<string>();
  const s = officialStyle({ fontScheme: o.fontScheme });
  const radars = radarsFor(data, [input.branchId], warnings);
  const parts = await feedbackParts(ctx, data, input.branchId, radars).finally(() => radars?.close());
  const doc = feedbackDocument(s, data, input.branchId, { ...parts, issuer: o.issuer, date: o.date });
  return recordAfter(ctx, o, writeDocument(input.path, await toBuffer(doc), warnings), {
    periodId: input.periodId,
    kind: 'feedback',
    fingerprint,
    branchId: input.branchId,
    figures,
    options: { ...reviewOptions(o, input), branchId: input.branchId },
  });
}

/** "SL-001 化工一厂生产运行党支部 反馈单.docx", without the characters Windows refuses in a file name. */
export function feedbackFileName(branch: { code: string; name: string }): string {
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim();
  return t('documents.file.feedback', { code: clean(branch.code), name: clean(branch.name) }).replace(/[. ]+(\.docx)$/, '$1');
}

// ---------------------------------------------------------------- the review meeting's documents

type MeetingDocInput = { meetingId: number; path: string } & Pick<ReviewOptions, 'fontScheme' | 'remember'>;

/**
 * 评审会材料: arrangements, agenda, attendance to sign, a page per branch. The
 * branches' results are printed only once the period's results may be seen;
 * before that, how far the panel has scored each.
 */
export async function writeMeetingPack(ctx: ServiceContext, input: MeetingDocInput): Promise<DocumentWritten> {
  const meeting = getMeeting(ctx.db, input.meetingId, ctx.now());
  const o = resolveOptions(ctx, { fontScheme: input.fontScheme, remember: input.remember });
  const { fontScheme } = o;
  const data = meeting.resultsVisible ? loadReviewData(ctx.db, ctx.results, meeting.periodId) : null;
  const fingerprint = ctx.results.fingerprint(ctx.db, meeting.periodId);
  const confidential = data !== null && getPublication(ctx.db, meeting.periodId).publishedAt === null;
  return recordAfter(ctx, o, writeDocument(input.path, await meetingPackDocx(meeting, { fontScheme, data, confidential })), {
    periodId: meeting.periodId,
    kind: 'meetingPack',
    fingerprint,
    meetingId: meeting.id,
    options: { fontScheme },
  });
}

/** 会议纪要: the minutes saved for the meeting, or else the draft made from its record. */
export async function writeMinutes(ctx: ServiceContext, input: MeetingDocInput): Promise<DocumentWritten> {
  const meeting = getMeeting(ctx.db, input.meetingId, ctx.now());
  const o = resolveOptions(ctx, { fontScheme: input.fontScheme, remember: input.remember });
  const { fontScheme } = o;
  const fingerprint = ctx.results.fingerprint(ctx.db, meeting.periodId);
  const text = meeting.minutesText.trim() ? meeting.minutesText : draftMinutes(ctx, input.meetingId);
  return recordAfter(ctx, o, writeDocument(input.path, await minutesDocx(meeting, text, { fontScheme })), {
    periodId: meeting.periodId,
    kind: 'minutesDoc',
    fingerprint,
    meetingId: meeting.id,
    options: { fontScheme },
  });
}

/** 公示: needs the results and the publicity period with where objections go (set on the meeting screen). */
export async function writePublication(ctx: ServiceContext, input: ReviewOptions & { periodId: number; path: string }): Promise<DocumentWritten> {
  const publication = getPublication(ctx.db, input.periodId);
  if (!publication.publicityStart || !publication.publicityEnd || !publication.objectionContact) {
    throw new AppError('validation', t('error.documents.publicationUnset'));
  }
  const o = resolveOptions(ctx, { ...input, date: input.date ?? publication.publicityStart });
  const data = loadReviewData(ctx.db, ctx.results, input.periodId);
  const fingerprint = ctx.results.fingerprint(ctx.db, input.periodId);
  return recordAfter(ctx, o, writeDocument(input.path, await publicationDocx(data, publication, o)), {
    periodId: input.periodId,
    kind: 'publicationDoc',
    fingerprint,
    options: reviewOptions(o, input),
  });
}

// ---------------------------------------------------------------- batches

interface Job {
  status: BatchJobStatus;
  cancelRequested: boolean;
}

const jobsOf = new WeakMap<ServiceContext, Map<string, Job>>();
/** Finished jobs kept for their status, newest last. */
const KEEP_FINISHED = 20;
let jobCounter = 0;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function jobs(ctx: ServiceContext): Map<string, Job> {
  let map = jobsOf.get(ctx);
  if (!map) jobsOf.set(ctx, (map = new Map()));
  return map;
}

const snapshot = (job: Job): BatchJobStatus => ({ ...job.status, files: [...job.status.files], warnings: [...job.status.warnings] });

export interface BatchInput extends ReviewOptions {
  periodId: number;
  mode: BatchMode;
  /** The .docx file ('single') or the folder ('perBranch'). */
  path: string;
  /** Default: every branch of the period, in rank order. */
  branchIds?: number[] | null;
}

/**
 * Starts writing feedback sheets for many branches and returns the job's
 * first status at once. Refusals (results hidden, a branch not in the period,
 * a folder that cannot be made) come back here, before anything is written.
 */
export async function startBatch(ctx: ServiceContext, input: BatchInput): Promise<BatchJobStatus> {
  const o = resolveOptions(ctx, input);
  const data = loadReviewData(ctx.db, ctx.results, input.periodId, input.branchIds ? { branchIds: input.branchIds } : {});
  const fingerprint = ctx.results.fingerprint(ctx.db, input.periodId);
  const ids = input.branchIds?.length ? [...new Set(input.branchIds)] : data.result.branches.map((b) => b.branchId);
  for (const id of ids) branchOf(data, id);
  if (!ids.length) throw new AppError('validation', t('error.documents.noBranches'));

  let folder: string;
  if (input.mode === 'perBranch') {
    folder = input.path;
    try {
      await mkdir(folder, { recursive: true });
      if (!(await stat(folder)).isDirectory()) throw new Error(t('error.documents.notFolder'));
    } catch (e) {
      throw new AppError('io', t('error.io', { file: folder, reason: e instanceof Error ? e.message : String(e) }));
    }
    // Each sheet's file lies directly inside the chosen folder; none replaces a file already there.
    ctx.files.mayWriteAllIn(
      folder,
      ids.map((id) => path.join(folder, feedbackFileName(branchOf(data, id).info))),
    );
  } else {
    folder = path.dirname(input.path);
  }

  const jobId = `job-${Date.now().toString(36)}-${++jobCounter}`;
  const job: Job = {
    cancelRequested: false,
    status: { jobId, mode: input.mode, state: 'running', phase: 'sheets', done: 0, total: ids.length, files: [], folder, error: null, warnings: [] },
  };
  const map = jobs(ctx);
  map.set(jobId, job);
  const finished = [...map.values()].filter((j) => j.status.state !== 'running');
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) map.delete(old.status.jobId);

  void runBatch(ctx, job, { data, fingerprint }, ids, input, o).catch((e: unknown) => ctx.log.error('documents.batch', e));
  o.remember();
  return snapshot(job);
}

async function runBatch(
  ctx: ServiceContext,
  job: Job,
  made: { data: ReviewData; fingerprint: string },
  ids: number[],
  input: BatchInput,
  o: ReturnType<typeof resolveOptions>,
): Promise<void> {
  const { data, fingerprint } = made;
  // Each file is recorded as it is written, with the fingerprint of the results the batch was loaded from.
  const recorded = { periodId: input.periodId, kind: 'feedback', fingerprint } as const;
  const warnings = new Set<string>();
  const s = officialStyle({ fontScheme: o.fontScheme });
  const sections: ISectionOptions[] = [];
  const status = job.status;
  const stop = () => {
    status.state = 'cancelled';
    status.warnings = [...warnings];
  };
  // A pipeline: the next branch's chart is drawn and its PNG deflated (on the thread pool) while this
  // branch's sheet is packed; a file is saved while the next sheet is built.
  let radars: RadarRenderer | null = null;
  const partsFor = (i: number) => {
    const p = feedbackParts(ctx, data, ids[i]!, radars);
    p.catch(() => undefined); // awaited below; a failure is reported there
    return p;
  };
  let saving: Promise<void> | null = null;
  try {
    radars = radarsFor(data, ids, warnings);
    let next = partsFor(0);
    for (let i = 0; i < ids.length; i++) {
      const branchId = ids[i]!;
      // Between branches: let the window's calls (the progress bar, 取消) through.
      await yieldToEventLoop();
      if (job.cancelRequested) {
        await saving;
        return stop();
      }
      const parts = await next;
      if (i + 1 < ids.length) next = partsFor(i + 1);
      const common = { ...parts, issuer: o.issuer, date: o.date };
      if (input.mode === 'single') {
        sections.push(feedbackSection(s, data, branchId, { ...common, restartNumbering: sections.length > 0 }));
        status.done++;
      } else {
        const { info } = branchOf(data, branchId);
        const doc = feedbackDocument(s, data, branchId, common);
        const file = path.join(status.folder, feedbackFileName(info));
        const bytes = await toBuffer(doc);
        await saving;
        saving = writeDocument(file, bytes).then(() => {
          recordResult(ctx, { ...recorded, path: file, branchId, figures: printedFigures(data, branchId), options: { ...reviewOptions(o, input), branchId } });
          status.files.push(file);
          status.done++;
        });
        saving.catch(() => undefined); // awaited before the next file; a failure is reported there
      }
    }
    await saving;
    if (input.mode === 'single') {
      status.phase = 'writing';
      await yieldToEventLoop();
      if (job.cancelRequested) return stop();
      const bytes = await toBuffer(s.document(sections, { title: t('documents.feedback.batchTitle', { period: data.period.name, count: ids.length }) }));
      if (job.cancelRequested) return stop();
      await writeDocument(input.path, bytes);
      recordResult(ctx, { ...recorded, path: input.path, options: { ...reviewOptions(o, input), branchIds: ids } });
      status.files.push(input.path);
    }
    status.warnings = [...warnings];
    status.state = 'done';
  } catch (e) {
    status.warnings = [...warnings];
    status.state = 'failed';
    if (e instanceof AppError) status.error = { code: e.code, message: e.message };
    else {
      ctx.log.error('documents.batch', e);
      status.error = { code: 'internal', message: t('error.internal', { log: ctx.log.file }) };
    }
  } finally {
    radars?.close();
  }
}

export function jobStatus(ctx: ServiceContext, jobId: string): BatchJobStatus {
  const job = jobs(ctx).get(jobId);
  if (!job) throw new AppError('not_found', t('error.documents.jobNotFound'));
  return snapshot(job);
}

/** Asks a running batch to stop after the branch it is on; files already written stay. */
export function cancelJob(ctx: ServiceContext, jobId: string): BatchJobStatus {
  const job = jobs(ctx).get(jobId);
  if (!job) throw new AppError('not_found', t('error.documents.jobNotFound'));
  if (job.status.state === 'running') job.cancelRequested = true;
  return snapshot(job);
}

/** Waits for a job to finish (the CLI, tests). */
export async function waitForJob(ctx: ServiceContext, jobId: string, onProgress?: (s: BatchJobStatus) => void): Promise<BatchJobStatus> {
  for (;;) {
    const s = jobStatus(ctx, jobId);
    onProgress?.(s);
    if (s.state !== 'running') return s;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------- written again

/** A book of feedback sheets (a batch's one file) written at once: the batch's own writer, awaited. */
async function writeFeedbackBook(ctx: ServiceContext, input: ReviewOptions & { periodId: number; branchIds: number[]; path: string }): Promise<DocumentWritten> {
  const o = resolveOptions(ctx, input);
  const data = loadReviewData(ctx.db, ctx.results, input.periodId, { branchIds: input.branchIds });
  const fingerprint = ctx.results.fingerprint(ctx.db, input.periodId);
  for (const id of input.branchIds) branchOf(data, id);
  const job: Job = {
    cancelRequested: false,
    status: { jobId: '', mode: 'single', state: 'running', phase: 'sheets', done: 0, total: input.branchIds.length, files: [], folder: path.dirname(input.path), error: null, warnings: [] },
  };
  await runBatch(ctx, job, { data, fingerprint }, input.branchIds, { ...input, mode: 'single' }, o);
  const { status } = job;
  if (status.error) throw new AppError(status.error.code, status.error.message);
  return status.warnings.length ? { path: input.path, warnings: status.warnings } : { path: input.path };
}

/**
 * Writes a recorded document again, from the current results, at the path it
 * was written to and with the options it was written with, replacing the old
 * file. The path is the app's own record of where it wrote (no dialog is
 * asked again); the results must be visible as for the first writing.
 */
export async function regenerateDocument(ctx: ServiceContext, recordId: number): Promise<DocumentWritten> {
  const { record, options } = getRecord(ctx.db, recordId);
  if (!isDocumentRecordKind(record.kind) || record.path === null || options === null) throw new AppError('validation', t('records.notDocument'));
  const file = record.path;
  ctx.files.mayRewriteRecorded(file);
  const again = { path: file, fontScheme: options.fontScheme, remember: false } as const;
  const review = 'issuer' in options ? { ...again, issuer: options.issuer, ...(options.date ? { date: options.date } : {}) } : again;
  const meetingId = () => {
    if (record.meetingId === null) throw new AppError('not_found', t('records.meetingGone'));
    return record.meetingId;
  };
  switch (record.kind) {
    case 'meetingPack':
      return writeMeetingPack(ctx, { ...again, meetingId: meetingId() });
    case 'minutesDoc':
      return writeMinutes(ctx, { ...again, meetingId: meetingId() });
    default:
      break;
  }
  assertResultsVisible(ctx.db, record.periodId);
  const periodId = record.periodId;
  if (record.kind === 'bulletin') return writeBulletin(ctx, { ...review, periodId });
  if (record.kind === 'publicationDoc') return writePublication(ctx, { ...review, periodId });
  if ('branchIds' in options) return writeFeedbackBook(ctx, { ...review, periodId, branchIds: options.branchIds });
  if ('branchId' in options) return writeFeedback(ctx, { ...review, periodId, branchId: options.branchId });
  throw new AppError('validation', t('records.notDocument'));
}
