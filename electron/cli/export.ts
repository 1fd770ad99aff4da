/** The CLI's `export` commands: the Word documents, written as the app writes them. */
import path from 'node:path';
import { FONT_SCHEMES, type DocumentWritten, type FontScheme } from '../../shared/domain/documents';
import { t } from '../../shared/messages';
import { waitForJob } from '../services/documents';
import { fail, intFlag, report, UsageError, type CliCommand, type CommandCall, type FlagName } from './command';

type DocumentKind = 'scoresheet' | 'bulletin' | 'feedback' | 'meeting-pack' | 'minutes' | 'publication';

/** A document's warnings, one indented line each under what was written. */
const warningLines = (warnings: readonly string[]) => warnings.map((w) => `\n  ${t('cli.warning', { message: w })}`).join('');

const writtenLine = (what: string, r: DocumentWritten) => t('cli.export.written', { what, path: r.path }) + warningLines(r.warnings ?? []);

/** What every export checks and reads first (period, --out, fonts, date, --branch), then the document of its kind. */
async function exportDocument(kind: DocumentKind, { services, flags, o }: CommandCall): Promise<number> {
  const periodId = intFlag(flags.period, 'period');
  if (!flags.out) throw new UsageError(t('cli.export.missingOut'));
  const out = path.resolve(flags.out);
  if (flags.fonts !== undefined && !(FONT_SCHEMES as readonly string[]).includes(flags.fonts)) throw new UsageError(t('cli.usage.oneOf', { flag: 'fonts', choices: FONT_SCHEMES.join('|') }));
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new UsageError(t('cli.export.badDate'));
  const { invoke, ctx } = services();
  const fonts = flags.fonts ? { fontScheme: flags.fonts as FontScheme } : {};
  const options = { ...fonts, ...(flags.issuer ? { issuer: flags.issuer } : {}), ...(flags.date ? { date: flags.date } : {}) };
  // --branch takes the branch's code (SL-001), as printed by “compute”.
  let branchId: number | null = null;
  if (flags.branch !== undefined) {
    const list = await invoke('branches.list', { includeArchived: true });
    if (!list.ok) return fail(list, o);
    const code = flags.branch.trim().toLowerCase();
    const found = list.value.find((b) => b.code.toLowerCase() === code);
    if (!found) return fail({ code: 'not_found', message: t('cli.export.branchNotFound', { code: flags.branch }) }, o);
    branchId = found.id;
  }
  if (kind === 'scoresheet') {
    const raterId = flags.rater === undefined ? null : intFlag(flags.rater, 'rater');
    if ((raterId === null) === (branchId === null)) throw new UsageError(t('cli.export.scoresheetTarget'));
    return report(await invoke('documents.scoreSheet', { periodId, raterId, branchId, filled: flags.filled, path: out, ...fonts }), o, (r) =>
      writtenLine(t(flags.filled ? 'cli.export.what.scoresheetFilled' : 'cli.export.what.scoresheetBlank'), r),
    );
  }
  if (kind === 'meeting-pack' || kind === 'minutes') {
    // --meeting, else the period's latest 考核会 (or latest meeting of any kind).
    let meetingId = flags.meeting === undefined ? null : intFlag(flags.meeting, 'meeting');
    if (meetingId === null) {
      const list = await invoke('meetings.list', { periodId });
      if (!list.ok) return fail(list, o);
      const chosen = list.value.find((m) => m.kind === 'assessment') ?? list.value[0];
      if (!chosen) return fail({ code: 'not_found', message: t('cli.export.noMeeting') }, o);
      meetingId = chosen.id;
    }
    return kind === 'meeting-pack'
      ? report(await invoke('documents.meetingPack', { meetingId, path: out, ...fonts }), o, (r) => writtenLine(t('cli.export.what.meetingPack'), r))
      : report(await invoke('documents.minutes', { meetingId, path: out, ...fonts }), o, (r) => writtenLine(t('cli.export.what.minutes'), r));
  }
  if (kind === 'publication') return report(await invoke('documents.publication', { periodId, path: out, ...options }), o, (r) => writtenLine(t('cli.export.what.publication'), r));
  if (kind === 'bulletin') return report(await invoke('documents.bulletin', { periodId, path: out, ...options }), o, (r) => writtenLine(t('cli.export.what.bulletin'), r));
  if (branchId !== null) return report(await invoke('documents.feedback', { periodId, branchId, path: out, ...options }), o, (r) => writtenLine(t('cli.export.what.feedback'), r));

  // Every branch: one file (--out ….docx) or a folder of files; progress on stderr.
  const mode = /\.docx$/i.test(out) ? 'single' : 'perBranch';
  const started = await invoke('documents.startBatch', { periodId, mode, path: out, ...options });
  if (!started.ok) return fail(started, o);
  let shown = 0;
  const done = await waitForJob(ctx, started.value.jobId, (s) => {
    if (!o.json && s.state === 'running' && s.done - shown >= Math.max(10, Math.ceil(s.total / 10))) {
      shown = s.done;
      o.err(t('cli.export.feedbackProgress', { done: s.done, total: s.total }));
    }
  });
  if (done.state !== 'done') return fail(done.error ?? { code: 'internal', message: t('cli.export.feedbackUnfinished') }, o);
  return report({ ok: true, value: done }, o, (s) =>
    (mode === 'single'
      ? t('cli.export.feedbackSingle', { count: s.total, file: String(s.files[0]) })
      : t('cli.export.feedbackFolder', { count: s.files.length, folder: s.folder })) + warningLines(s.warnings),
  );
}

/** The options every export takes: font scheme, issuing body, date. */
const COMMON: FlagName[] = ['period', 'out', 'fonts', 'issuer', 'date'];

export const EXPORT_COMMANDS: CliCommand[] = [
  {
    name: 'export scoresheet',
    usage: t('cli.cmd.exportScoresheet.usage'),
    summary: [t('cli.cmd.exportScoresheet.summary')],
    flags: ['period', 'out', 'fonts', 'rater', 'branch', 'filled'],
    run: (call) => exportDocument('scoresheet', call),
  },
  {
    name: 'export bulletin',
    usage: t('cli.cmd.exportBulletin.usage'),
    summary: [t('cli.cmd.exportBulletin.summary')],
    flags: COMMON,
    run: (call) => exportDocument('bulletin', call),
  },
  {
    name: 'export feedback',
    usage: t('cli.cmd.exportFeedback.usage'),
    summary: [t('cli.cmd.exportFeedback.summary'), t('cli.cmd.exportFeedback.summary2')],
    flags: [...COMMON, 'branch'],
    run: (call) => exportDocument('feedback', call),
  },
  {
    name: 'export meeting-pack',
    also: ['export minutes'],
    usage: t('cli.cmd.exportMeetingPack.usage'),
    summary: [t('cli.cmd.exportMeetingPack.summary')],
    flags: ['period', 'out', 'fonts', 'meeting'],
    run: (call) => exportDocument(call.positionals[1] === 'minutes' ? 'minutes' : 'meeting-pack', call),
  },
  {
    name: 'export publication',
    usage: t('cli.cmd.exportPublication.usage'),
    summary: [t('cli.cmd.exportPublication.summary')],
    note: t('cli.cmd.export.note'),
    flags: COMMON,
    run: (call) => exportDocument('publication', call),
  },
];
