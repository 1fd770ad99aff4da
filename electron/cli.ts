/**
 * rongping — the app's services on the command line, without Electron.
 * Human-readable output by default, `--json` for scripts; exit code 0 on
 * success, 1 when the operation failed, 2 when the command line is wrong.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Branch } from '../shared/domain/branch';
import type { FrameworkImportIssue } from '../shared/domain/framework-workbook';
import { PERIOD_KINDS, PERIOD_STATUS_LABELS, type PeriodKind } from '../shared/domain/period';
import type { FrameworkSummary, PeriodResults } from '../shared/domain/views';
import { FONT_SCHEMES, type DocumentWritten, type FontScheme } from '../shared/domain/documents';
import { t } from '../shared/messages';
import type { AppErrorValue, Result } from '../shared/result';
import { formatPairs, formatTable } from './cli-format';
import { resolveDataDir } from './paths';
import { BACKUP_REASON_LABELS } from '../shared/domain/backups';
import { backupTo } from './services/backup';
import { describeAuditChain } from './services/audit-verify';
import { AppError } from './services/errors';
import { createServices, type Services } from './services';
import { waitForJob } from './services/documents';

const USAGE = `融评 rongping — 命令行工具

用法: rongping <命令> [参数] [--data-dir 目录] [--json] [--force]

  info                         程序版本、数据结构版本、数据目录和数据统计
  branches list [--archived]   列出党支部（--archived 同时列出已归档的）
  branches import 文件.xlsx     从 Excel 导入党支部（有任何错误则全部不导入）
  branches template 文件.xlsx   写出党支部导入模板
  framework list               列出指标体系（各版本）
  framework template 文件.xlsx  写出指标体系导入模板
  framework export 文件.xlsx --id 编号
                               把一个指标体系导出为 Excel（可改后再导入）
  framework import 文件.xlsx [--name 名称]
                               从 Excel 新建一个指标体系（有任何错误则不导入）
  period list                  列出考核周期
  period create --name 名称 --framework 编号 [--year 年] [--kind annual|half|quarter]
                               新建考核周期（默认包含全部在用的党支部）
  period finalise --period 编号 定稿（评审中 → 已定稿；定稿后评分、业务数据和自评都不能再改）
  period reopen --period 编号 --reason 原因
                               重新开启已定稿的周期（已定稿 → 评审中，记入操作记录）
  scores template 文件.xlsx --period 编号 --rater 编号
                               写出一位评委的评分表（纸质录入或评委在自己电脑上填写）
  scores import 文件.xlsx --period 编号 [--reason 原因]
                               导入评委评分表（有任何错误则全部不导入；评审阶段须写原因）
  scores export 文件.xlsx --period 编号
                               把全部评分导出为一张明细表（评审开始后才能导出）
  measurements template 文件.xlsx --period 编号
                               写出业务数据表（已填好每个支部的每个定量指标）
  measurements import 文件.xlsx --period 编号
                               导入业务数据（有任何错误则全部不导入）
  audit export 文件.xlsx --period 编号
                               把考核周期的操作记录导出为 Excel
  audit verify                 校验操作记录的哈希链：被改动、插入或删除的记录会被指出（发现问题时退出码为 1）
  compute --period 编号         计算考核结果（--json 输出全部结果和每个分数的来历）
  export scoresheet --period 编号 (--rater 编号 | --branch 编码) --out 文件.docx [--filled]
                               评分表 Word 文档：一位评委的（全部支部），或一个支部的（全体评委）；默认空白
  export bulletin --period 编号 --out 文件.docx
                               考核结果通报（排名、等次、融合象限、一票否决、各维度亮点与不足）
  export feedback --period 编号 [--branch 编码] --out 文件.docx|文件夹
                               支部考核反馈单：指定 --branch 写一个支部；否则写全部支部——
                               --out 以 .docx 结尾时合为一个文件，否则每个支部一个文件写入该文件夹
  export meeting-pack|minutes --period 编号 [--meeting 编号] --out 文件.docx
                               评审会材料（议程、签到表、每个述职支部一页）或会议纪要；默认本周期最近的考核会
  export publication --period 编号 --out 文件.docx
                               考核结果公示（须先设置公示期和异议受理方式）
    （export 的共同参数：--fonts gb2312|windows 字体方案，--issuer 发文机关署名，--date YYYY-MM-DD 成文日期）
  sample [--branches N] [--raters M] [--seed S]
                               用内置指标体系生成一个完整的示例考核周期
  backup 文件.db               把数据库完整备份到一个新文件
  backup list                  列出自动和手动备份（每日首次启动、导入、定稿、重新开启前自动备份）
  backup create                立即备份到备份文件夹
  backup restore 备份文件名    用一份备份替换当前数据库（先校验备份，并先把当前数据库另存一份备份）
  help                         显示本说明

文件路径可写相对路径（相对于当前目录）。已存在的文件不会被覆盖，除非加 --force。
数据目录默认与桌面程序相同；可用 --data-dir 或环境变量 RONGPING_DATA_DIR 指定。`;

class UsageError extends Error {}

interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

function printError(error: AppErrorValue, o: Output): void {
  if (o.json) {
    o.out(JSON.stringify({ ok: false, error }, null, 2));
    return;
  }
  o.err(`错误：${error.message}`);
  for (const d of error.details ?? []) o.err(`  - ${d.message}`);
}

/** Prints a result; returns the exit code. */
function report<T>(result: Result<T>, o: Output, human: (value: T) => string): number {
  if (!result.ok) {
    printError(result.error, o);
    return 1;
  }
  o.out(o.json ? JSON.stringify(result.value, null, 2) : human(result.value));
  return 0;
}

const branchTable = (branches: Branch[]) =>
  branches.length === 0
    ? t('cli.branches.none')
    : formatTable(
        [
          t('branch.field.code'),
          t('branch.field.name'),
          t('branch.field.unit'),
          t('branch.field.secretary'),
          t('branch.field.memberCount'),
          t('branch.field.status'),
        ],
        branches.map((b) => [
          b.code,
          b.name,
          b.unit,
          b.secretary,
          b.memberCount === null ? '' : String(b.memberCount),
          b.archivedAt ? t('branch.status.archived') : t('branch.status.active'),
        ]),
      ) + `\n${t('branch.count', { count: branches.length })}`;

const resultsTable = (r: PeriodResults) =>
  `${r.period.name}（${PERIOD_STATUS_LABELS[r.period.status]}）\n` +
  formatTable(
    ['名次', '编码', '党支部', '总分', '党建', '业务', '融合', '加分', '等次', '融合象限', '说明'],
    r.result.branches.map((b) => [
      String(b.rank),
      b.code,
      b.name,
      b.total.toFixed(2),
      b.tags.party.points.toFixed(2),
      b.tags.business.points.toFixed(2),
      b.tags.fusion.points.toFixed(2),
      b.bonus.toFixed(2),
      b.grade,
      b.quadrant ?? '',
      [b.vetoed ? '一票否决' : '', b.complete ? '' : `缺 ${b.missing} 项评分`].filter(Boolean).join('，'),
    ]),
  ) +
  `\n基本分满分 ${r.result.baseMax}；${r.result.quotas.map((q) => `${q.label}名额 ${q.allowed} 个`).join('，') || '无名额限制'}` +
  (r.result.complete ? '' : '\n注意：评分尚不完整，结果为暂定。');

const frameworkTable = (frameworks: FrameworkSummary[]) =>
  frameworks.length === 0
    ? '还没有指标体系。可用 “rongping framework template 文件.xlsx” 生成导入模板，填好后用 “rongping framework import” 导入。'
    : formatTable(
        ['编号', '名称', '版本', '指标', '末级指标', '状态', '使用的考核周期'],
        frameworks.map((f) => [
          String(f.id),
          f.name,
          `第${f.version}版`,
          String(f.indicatorCount),
          String(f.leafCount),
          f.frozenAt ? '已冻结' : '可修改',
          f.periods.map((p) => p.name).join('、'),
        ]),
      ) + `\n共 ${frameworks.length} 个`;

const warningLines = (warnings: FrameworkImportIssue[]) =>
  warnings.map((w) => `\n  提醒：${w.row === null ? '' : `第 ${w.row} 行，`}${w.message}`).join('');

/** A file argument, resolved here against the CLI's working directory: the services take absolute paths only. */
function fileArg(positionals: string[], index: number, command: string): string {
  const file = positionals[index];
  if (!file) throw new UsageError(t('cli.usage.missingFile', { command }));
  return path.resolve(file);
}

interface Flags {
  archived: boolean;
  id?: string;
  period?: string;
  name?: string;
  framework?: string;
  year?: string;
  kind?: string;
  branches?: string;
  raters?: string;
  seed?: string;
  rater?: string;
  reason?: string;
  branch?: string;
  out?: string;
  filled: boolean;
  fonts?: string;
  issuer?: string;
  date?: string;
  meeting?: string;
}

/** A whole-number option, or a usage error naming it. */
function intFlag(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`缺少 --${name}`);
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} 应为正整数，现为“${value}”`);
  return Number(value);
}

async function runCommand(services: Services, positionals: string[], flags: Flags, o: Output) {
  const [command, sub] = positionals;
  const { invoke } = services;
  switch (command) {
    case 'info':
      return report(await invoke('app.info', {}), o, (info) =>
        formatPairs([
          [t('cli.info.version'), info.appVersion],
          [t('cli.info.schema'), String(info.schemaVersion)],
          [t('cli.info.dataDir'), info.dataDir],
          [t('cli.info.database'), info.databaseFile],
          [
            t('cli.info.branches'),
            t('cli.info.branchesValue', { active: info.counts.branchesActive, archived: info.counts.branchesArchived }),
          ],
        ]),
      );
    case 'branches':
      if (sub === 'list') {
        return report(await invoke('branches.list', { includeArchived: flags.archived }), o, branchTable);
      }
      if (sub === 'import') {
        return report(await invoke('branches.import', { path: fileArg(positionals, 2, 'branches import') }), o, (r) =>
          t('cli.import.done', { file: r.file, created: r.created, updated: r.updated }),
        );
      }
      if (sub === 'template') {
        return report(
          await invoke('branches.writeTemplate', { path: fileArg(positionals, 2, 'branches template') }),
          o,
          (r) => t('cli.template.done', { path: r.path }),
        );
      }
      throw new UsageError(t('cli.usage.unknown', { command: `branches ${sub ?? ''}`.trim() }));
    case 'framework':
      if (sub === 'list') return report(await invoke('frameworks.list', {}), o, frameworkTable);
      if (sub === 'template') {
        return report(
          await invoke('frameworks.writeTemplate', { path: fileArg(positionals, 2, 'framework template') }),
          o,
          (r) => `指标体系导入模板已写入 ${r.path}`,
        );
      }
      if (sub === 'export') {
        const file = fileArg(positionals, 2, 'framework export');
        return report(await invoke('frameworks.export', { id: intFlag(flags.id, 'id'), path: file }), o, (r) =>
          `已把“${r.name}”第 ${r.version} 版（${r.indicatorCount} 个指标）导出到 ${r.path}`,
        );
      }
      if (sub === 'import') {
        const file = fileArg(positionals, 2, 'framework import');
        if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError('--name 不能为空');
        return report(
          await invoke('frameworks.import', { path: file, ...(flags.name === undefined ? {} : { name: flags.name }) }),
          o,
          (r) => `已导入 ${path.basename(file)}：新建指标体系 ${r.id}“${r.name}”，共 ${r.indicatorCount} 个指标${warningLines(r.warnings)}`,
        );
      }
      throw new UsageError(t('cli.usage.unknown', { command: `framework ${sub ?? ''}`.trim() }));
    case 'period':
      if (sub === 'list') {
        return report(await invoke('periods.list', {}), o, (periods) =>
          periods.length === 0
            ? '还没有考核周期。可用 “rongping sample” 生成示例周期，或 “rongping period create”。'
            : formatTable(
                ['编号', '名称', '年度', '指标体系', '状态', '支部', '评委', '评分条数'],
                periods.map((p) => [
                  String(p.id),
                  p.name,
                  String(p.year),
                  `${p.frameworkName} 第${p.frameworkVersion}版`,
                  PERIOD_STATUS_LABELS[p.status],
                  String(p.branchCount),
                  String(p.raterCount),
                  String(p.entryCount),
                ]),
              ),
        );
      }
      if (sub === 'create') {
        if (!flags.name) throw new UsageError('缺少 --name');
        const kind = (flags.kind ?? 'annual') as PeriodKind;
        if (!PERIOD_KINDS.includes(kind)) throw new UsageError(`--kind 应为 ${PERIOD_KINDS.join('|')}`);
        return report(
          await invoke('periods.create', {
            name: flags.name,
            year: intFlag(flags.year, 'year', new Date().getFullYear()),
            kind,
            frameworkId: intFlag(flags.framework, 'framework'),
          }),
          o,
          (p) => `已新建考核周期 ${p.id}“${p.name}”：${p.branchCount} 个党支部，指标体系“${p.frameworkName}”第 ${p.frameworkVersion} 版`,
        );
      }
      if (sub === 'finalise') {
        return report(await invoke('periods.advance', { id: intFlag(flags.period, 'period'), to: 'finalised' }), o, (p) =>
          `已定稿：${p.id}“${p.name}”。评分、业务数据和自评都已锁定；如确需修改，用 rongping period reopen --period ${p.id} --reason 原因`,
        );
      }
      if (sub === 'reopen') {
        const id = intFlag(flags.period, 'period');
        if (!flags.reason?.trim()) throw new UsageError('缺少 --reason（重新开启须写明原因）');
        return report(await invoke('periods.reopen', { id, reason: flags.reason }), o, (p) => `已重新开启：${p.id}“${p.name}”现为“${PERIOD_STATUS_LABELS[p.status]}”，原因已记入操作记录`);
      }
      throw new UsageError(t('cli.usage.unknown', { command: `period ${sub ?? ''}`.trim() }));
    case 'scores':
      if (sub === 'template') {
        const file = fileArg(positionals, 2, 'scores template');
        return report(
          await invoke('scores.writeTemplate', { periodId: intFlag(flags.period, 'period'), raterId: intFlag(flags.rater, 'rater'), path: file }),
          o,
          (r) =>
            `已写出评委“${r.rater.name}”的评分表：${r.indicators} 个指标 × ${r.branches} 个党支部` +
            `${r.recused ? `（回避 ${r.recused} 个）` : ''}${r.prefilled ? `，已填入已有评分 ${r.prefilled} 条` : ''}\n${r.path}`,
        );
      }
      if (sub === 'import') {
        const file = fileArg(positionals, 2, 'scores import');
        if (flags.reason !== undefined && flags.reason.trim() === '') throw new UsageError('--reason 不能为空');
        return report(
          await invoke('scores.import', { periodId: intFlag(flags.period, 'period'), path: file, ...(flags.reason ? { reason: flags.reason } : {}) }),
          o,
          (r) => `已导入 ${r.file}（评委“${r.rater.name}”）：保存 ${r.saved} 条评分，${r.unchanged} 条未变`,
        );
      }
      if (sub === 'export') {
        const file = fileArg(positionals, 2, 'scores export');
        return report(await invoke('scores.export', { periodId: intFlag(flags.period, 'period'), path: file }), o, (r) => `已导出 ${r.rows} 条评分到 ${r.path}`);
      }
      throw new UsageError(t('cli.usage.unknown', { command: `scores ${sub ?? ''}`.trim() }));
    case 'measurements':
      if (sub === 'template') {
        const file = fileArg(positionals, 2, 'measurements template');
        return report(await invoke('measurements.writeTemplate', { periodId: intFlag(flags.period, 'period'), path: file }), o, (r) =>
          `已写出业务数据表（${r.rows} 行：每个党支部的每个定量指标）到 ${r.path}`,
        );
      }
      if (sub === 'import') {
        const file = fileArg(positionals, 2, 'measurements import');
        return report(await invoke('measurements.import', { periodId: intFlag(flags.period, 'period'), path: file }), o, (r) =>
          `已导入 ${r.file}：保存 ${r.saved} 条业务数据，${r.unchanged} 条未变${r.skipped ? `，${r.skipped} 行未填写` : ''}`,
        );
      }
      throw new UsageError(t('cli.usage.unknown', { command: `measurements ${sub ?? ''}`.trim() }));
    case 'audit':
      if (sub === 'export') {
        const file = fileArg(positionals, 2, 'audit export');
        return report(await invoke('audit.export', { periodId: intFlag(flags.period, 'period'), path: file }), o, (r) => `已导出 ${r.rows} 条操作记录到 ${r.path}`);
      }
      if (sub === 'verify') {
        const status = await invoke('audit.verify', {});
        if (!status.ok) return report(status, o, () => '');
        o.out(o.json ? JSON.stringify(status.value, null, 2) : describeAuditChain(status.value));
        return status.value.ok ? 0 : 1;
      }
      throw new UsageError(t('cli.usage.unknown', { command: `audit ${sub ?? ''}`.trim() }));
    case 'compute': {
      const periodId = intFlag(flags.period, 'period');
      const results = await invoke('results.get', { periodId });
      if (!results.ok || !o.json) return report(results, o, resultsTable);
      // The full results with every branch's explanation, for scripts and audits.
      const explanations = [];
      for (const b of results.value.result.branches) {
        const e = await invoke('results.explain', { periodId, branchId: b.branchId });
        if (!e.ok) return report(e, o, () => '');
        explanations.push(e.value);
      }
      return report({ ok: true, value: { ...results.value, explanations } }, o, () => '');
    }
    case 'export':
      return exportDocument(services, sub, flags, o);
    case 'sample':
      return report(
        await invoke('sample.create', {
          branches: intFlag(flags.branches, 'branches', 12),
          raters: intFlag(flags.raters, 'raters', 7),
          ...(flags.seed ? { seed: intFlag(flags.seed, 'seed') } : {}),
        }),
        o,
        (s) => `已生成示例考核周期 ${s.period.id}“${s.period.name}”：${s.branches} 个党支部，${s.raters} 位评委，${s.entries} 条评分，${s.measurements} 条业务数据。\n查看结果：rongping compute --period ${s.period.id}`,
      );
    case 'backup': {
      if (sub === 'list') {
        return report(await invoke('backups.list', {}), o, (list) =>
          list.backups.length === 0
            ? t('cli.backup.none', { folder: list.folder })
            : `${formatTable(
                ['备份文件', '时间', '原因', '大小'],
                list.backups.map((b) => [b.name, new Date(b.at).toLocaleString('zh-CN'), BACKUP_REASON_LABELS[b.reason], `${(b.bytes / 1024).toFixed(0)} KB`]),
              )}\n${t('cli.backup.folder', { folder: list.folder, keep: list.keep })}`,
        );
      }
      if (sub === 'create') return report(await invoke('backups.create', {}), o, (b) => t('cli.backup.done', { path: b.name, size: `${(b.bytes / 1024).toFixed(0)} KB` }));
      if (sub === 'restore') {
        const name = positionals[2];
        if (!name) throw new UsageError(t('cli.usage.missingFile', { command: 'backup restore' }));
        return report(await invoke('backups.restore', { name }), o, (r) => t('cli.backup.restored', { name: r.restored, safety: r.safetyCopy }));
      }
      const file = fileArg(positionals, 1, 'backup');
      const result = await backupTo(services.ctx.db, file);
      return report({ ok: true, value: result }, o, (r) =>
        t('cli.backup.done', { path: r.path, size: `${(r.bytes / 1024).toFixed(0)} KB` }),
      );
    }
    default:
      throw new UsageError(t('cli.usage.unknown', { command: command ?? '' }));
  }
}

const writtenLine = (what: string, r: DocumentWritten) => `已写出${what}：${r.path}${(r.warnings ?? []).map((w) => `\n  提醒：${w}`).join('')}`;

/** export scoresheet|bulletin|feedback: the Word documents, written as the app writes them. */
async function exportDocument(services: Services, kind: string | undefined, flags: Flags, o: Output): Promise<number> {
  const { invoke } = services;
  if (!kind || !['scoresheet', 'bulletin', 'feedback', 'meeting-pack', 'minutes', 'publication'].includes(kind)) throw new UsageError(t('cli.usage.unknown', { command: `export ${kind ?? ''}`.trim() }));
  const periodId = intFlag(flags.period, 'period');
  if (!flags.out) throw new UsageError('缺少 --out（写到哪个文件或文件夹）');
  const out = path.resolve(flags.out);
  if (flags.fonts !== undefined && !(FONT_SCHEMES as readonly string[]).includes(flags.fonts)) throw new UsageError(`--fonts 应为 ${FONT_SCHEMES.join('|')}`);
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new UsageError('--date 应为 YYYY-MM-DD');
  const options = {
    ...(flags.fonts ? { fontScheme: flags.fonts as FontScheme } : {}),
    ...(flags.issuer ? { issuer: flags.issuer } : {}),
    ...(flags.date ? { date: flags.date } : {}),
  };
  // --branch takes the branch's code (SL-001), as printed by “compute”.
  let branchId: number | null = null;
  if (flags.branch !== undefined) {
    const list = await invoke('branches.list', { includeArchived: true });
    if (!list.ok) return report(list, o, () => '');
    const found = list.value.find((b) => b.code.toLowerCase() === flags.branch!.trim().toLowerCase());
    if (!found) return report({ ok: false, error: { code: 'not_found', message: `找不到编码为“${flags.branch}”的党支部` } }, o, () => '');
    branchId = found.id;
  }
  if (kind === 'scoresheet') {
    const raterId = flags.rater === undefined ? null : intFlag(flags.rater, 'rater');
    if ((raterId === null) === (branchId === null)) throw new UsageError('评分表须指定 --rater 编号 或 --branch 编码（二者选一）');
    return report(
      await invoke('documents.scoreSheet', { periodId, raterId, branchId, filled: flags.filled, path: out, ...(flags.fonts ? { fontScheme: flags.fonts as FontScheme } : {}) }),
      o,
      (r) => writtenLine(flags.filled ? '评分表（已填）' : '评分表（空白）', r),
    );
  }
  if (kind === 'meeting-pack' || kind === 'minutes') {
    // --meeting, else the period's latest 考核会 (or latest meeting of any kind).
    let meetingId = flags.meeting === undefined ? null : intFlag(flags.meeting, 'meeting');
    if (meetingId === null) {
      const list = await invoke('meetings.list', { periodId });
      if (!list.ok) return report(list, o, () => '');
      const chosen = list.value.find((m) => m.kind === 'assessment') ?? list.value[0];
      if (!chosen) return report({ ok: false, error: { code: 'not_found', message: '本考核周期还没有评审会：请先在“评审会”中安排' } }, o, () => '');
      meetingId = chosen.id;
    }
    const fonts = flags.fonts ? { fontScheme: flags.fonts as FontScheme } : {};
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
  if (!started.ok) return report(started, o, () => '');
  let shown = 0;
  const done = await waitForJob(services.ctx, started.value.jobId, (s) => {
    if (!o.json && s.state === 'running' && s.done - shown >= Math.max(10, Math.ceil(s.total / 10))) {
      shown = s.done;
      o.err(`正在写反馈单：${s.done}/${s.total}`);
    }
  });
  if (done.state !== 'done') return report({ ok: false, error: done.error ?? { code: 'internal', message: '反馈单没有写完' } }, o, () => '');
  return report({ ok: true, value: done }, o, (s) =>
    (mode === 'single' ? `已把 ${s.total} 个党支部的反馈单写入 ${s.files[0]}` : `已写出 ${s.files.length} 份反馈单到 ${s.folder}`) +
    s.warnings.map((w) => `\n  提醒：${w}`).join(''),
  );
}

export async function main(argv: string[], io: Pick<Output, 'out' | 'err'> = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        archived: { type: 'boolean', default: false },
        id: { type: 'string' },
        period: { type: 'string' },
        name: { type: 'string' },
        framework: { type: 'string' },
        year: { type: 'string' },
        kind: { type: 'string' },
        branches: { type: 'string' },
        raters: { type: 'string' },
        seed: { type: 'string' },
        rater: { type: 'string' },
        reason: { type: 'string' },
        branch: { type: 'string' },
        out: { type: 'string' },
        filled: { type: 'boolean', default: false },
        fonts: { type: 'string' },
        issuer: { type: 'string' },
        date: { type: 'string' },
        meeting: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const o: Output = { ...io, json: values.json };
  if (values.help || positionals.length === 0 || positionals[0] === 'help') {
    io.out(USAGE);
    return 0;
  }
  let services: Services | null = null;
  try {
    // Paths on the command line are the caller's choice (resolved against the cwd by fileArg and --out):
    // any absolute path, an existing file replaced only with --force.
    services = createServices({ dataDir: resolveDataDir({ flag: values['data-dir'] }), paths: 'trusted', overwrite: values.force });
    return await runCommand(services, positionals, values, o);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof AppError) {
      printError(e.toValue(), o);
      return 1;
    }
    io.err(`错误：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    services?.close();
  }
}

const defaultIo = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};

// Run when executed directly (tsx electron/cli.ts, or the bundled bin), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|cjs|js)$/.test(entry)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
