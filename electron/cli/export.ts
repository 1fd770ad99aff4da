/** The CLI's `export` commands: the Word documents, written as the app writes them. */
import path from 'node:path';
import { FONT_SCHEMES, type DocumentWritten, type FontScheme } from '../../shared/domain/documents';
import { waitForJob } from '../services/documents';
import { fail, intFlag, report, UsageError, type CliCommand, type CommandCall, type FlagName } from './command';

type DocumentKind = 'scoresheet' | 'bulletin' | 'feedback' | 'meeting-pack' | 'minutes' | 'publication';

const writtenLine = (what: string, r: DocumentWritten) => `已写出${what}：${r.path}${(r.warnings ?? []).map((w) => `\n  提醒：${w}`).join('')}`;

/** What every export checks and reads first (period, --out, fonts, date, --branch), then the document of its kind. */
async function exportDocument(kind: DocumentKind, { services, flags, o }: CommandCall): Promise<number> {
  const periodId = intFlag(flags.period, 'period');
  if (!flags.out) throw new UsageError('缺少 --out（写到哪个文件或文件夹）');
  const out = path.resolve(flags.out);
  if (flags.fonts !== undefined && !(FONT_SCHEMES as readonly string[]).includes(flags.fonts)) throw new UsageError(`--fonts 应为 ${FONT_SCHEMES.join('|')}`);
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new UsageError('--date 应为 YYYY-MM-DD');
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
    if (!found) return fail({ code: 'not_found', message: `找不到编码为“${flags.branch}”的党支部` }, o);
    branchId = found.id;
  }
  if (kind === 'scoresheet') {
    const raterId = flags.rater === undefined ? null : intFlag(flags.rater, 'rater');
    if ((raterId === null) === (branchId === null)) throw new UsageError('评分表须指定 --rater 编号 或 --branch 编码（二者选一）');
    return report(await invoke('documents.scoreSheet', { periodId, raterId, branchId, filled: flags.filled, path: out, ...fonts }), o, (r) =>
      writtenLine(flags.filled ? '评分表（已填）' : '评分表（空白）', r),
    );
  }
  if (kind === 'meeting-pack' || kind === 'minutes') {
    // --meeting, else the period's latest 考核会 (or latest meeting of any kind).
    let meetingId = flags.meeting === undefined ? null : intFlag(flags.meeting, 'meeting');
    if (meetingId === null) {
      const list = await invoke('meetings.list', { periodId });
      if (!list.ok) return fail(list, o);
      const chosen = list.value.find((m) => m.kind === 'assessment') ?? list.value[0];
      if (!chosen) return fail({ code: 'not_found', message: '本考核周期还没有评审会：请先在“评审会”中安排' }, o);
      meetingId = chosen.id;
    }
    return kind === 'meeting-pack'
      ? report(await invoke('documents.meetingPack', { meetingId, path: out, ...fonts }), o, (r) => writtenLine('评审会材料', r))
      : report(await invoke('documents.minutes', { meetingId, path: out, ...fonts }), o, (r) => writtenLine('会议纪要', r));
  }
  if (kind === 'publication') return report(await invoke('documents.publication', { periodId, path: out, ...options }), o, (r) => writtenLine('考核结果公示', r));
  if (kind === 'bulletin') return report(await invoke('documents.bulletin', { periodId, path: out, ...options }), o, (r) => writtenLine('考核结果通报', r));
  if (branchId !== null) return report(await invoke('documents.feedback', { periodId, branchId, path: out, ...options }), o, (r) => writtenLine('支部考核反馈单', r));

  // Every branch: one file (--out ….docx) or a folder of files; progress on stderr.
  const mode = /\.docx$/i.test(out) ? 'single' : 'perBranch';
  const started = await invoke('documents.startBatch', { periodId, mode, path: out, ...options });
  if (!started.ok) return fail(started, o);
  let shown = 0;
  const done = await waitForJob(ctx, started.value.jobId, (s) => {
    if (!o.json && s.state === 'running' && s.done - shown >= Math.max(10, Math.ceil(s.total / 10))) {
      shown = s.done;
      o.err(`正在写反馈单：${s.done}/${s.total}`);
    }
  });
  if (done.state !== 'done') return fail(done.error ?? { code: 'internal', message: '反馈单没有写完' }, o);
  return report({ ok: true, value: done }, o, (s) =>
    (mode === 'single' ? `已把 ${s.total} 个党支部的反馈单写入 ${s.files[0]}` : `已写出 ${s.files.length} 份反馈单到 ${s.folder}`) +
    s.warnings.map((w) => `\n  提醒：${w}`).join(''),
  );
}

/** The options every export takes: font scheme, issuing body, date. */
const COMMON: FlagName[] = ['period', 'out', 'fonts', 'issuer', 'date'];

export const EXPORT_COMMANDS: CliCommand[] = [
  {
    name: 'export scoresheet',
    usage: 'export scoresheet --period 编号 (--rater 编号 | --branch 编码) --out 文件.docx [--filled]',
    summary: ['评分表 Word 文档：一位评委的（全部支部），或一个支部的（全体评委）；默认空白'],
    flags: ['period', 'out', 'fonts', 'rater', 'branch', 'filled'],
    run: (call) => exportDocument('scoresheet', call),
  },
  {
    name: 'export bulletin',
    usage: 'export bulletin --period 编号 --out 文件.docx',
    summary: ['考核结果通报（排名、等次、融合象限、一票否决、各维度亮点与不足）'],
    flags: COMMON,
    run: (call) => exportDocument('bulletin', call),
  },
  {
    name: 'export feedback',
    usage: 'export feedback --period 编号 [--branch 编码] --out 文件.docx|文件夹',
    summary: ['支部考核反馈单：指定 --branch 写一个支部；否则写全部支部——', '--out 以 .docx 结尾时合为一个文件，否则每个支部一个文件写入该文件夹'],
    flags: [...COMMON, 'branch'],
    run: (call) => exportDocument('feedback', call),
  },
  {
    name: 'export meeting-pack',
    also: ['export minutes'],
    usage: 'export meeting-pack|minutes --period 编号 [--meeting 编号] --out 文件.docx',
    summary: ['评审会材料（议程、签到表、每个述职支部一页）或会议纪要；默认本周期最近的考核会'],
    flags: ['period', 'out', 'fonts', 'meeting'],
    run: (call) => exportDocument(call.positionals[1] === 'minutes' ? 'minutes' : 'meeting-pack', call),
  },
  {
    name: 'export publication',
    usage: 'export publication --period 编号 --out 文件.docx',
    summary: ['考核结果公示（须先设置公示期和异议受理方式）'],
    note: '（export 的共同参数：--fonts gb2312|windows 字体方案，--issuer 发文机关署名，--date YYYY-MM-DD 成文日期）',
    flags: COMMON,
    run: (call) => exportDocument('publication', call),
  },
];
