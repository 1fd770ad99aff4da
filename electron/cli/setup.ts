/** The CLI's set-up commands: info, 党支部, 指标体系, 考核周期. */
import path from 'node:path';
import type { Branch } from '../../shared/domain/branch';
import type { FrameworkImportIssue } from '../../shared/domain/framework-workbook';
import { PERIOD_KINDS, PERIOD_STATUS_LABELS, type PeriodKind } from '../../shared/domain/period';
import type { FrameworkSummary } from '../../shared/domain/views';
import { t } from '../../shared/messages';
import { formatPairs, formatTable } from '../cli-format';
import { fileArg, intFlag, report, UsageError, type CliCommand } from './command';

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

export const SETUP_COMMANDS: CliCommand[] = [
  {
    name: 'info',
    usage: 'info',
    summary: ['程序版本、数据结构版本、数据目录和数据统计'],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('app.info', {}), o, (info) =>
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
      ),
  },
  {
    name: 'branches list',
    usage: 'branches list [--archived]',
    summary: ['列出党支部（--archived 同时列出已归档的）'],
    flags: ['archived'],
    run: async ({ services, flags, o }) => report(await services().invoke('branches.list', { includeArchived: flags.archived }), o, branchTable),
  },
  {
    name: 'branches import',
    usage: 'branches import 文件.xlsx',
    summary: ['从 Excel 导入党支部（有任何错误则全部不导入）'],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('branches.import', { path: fileArg(positionals, 2, 'branches import') }), o, (r) =>
        t('cli.import.done', { file: r.file, created: r.created, updated: r.updated }),
      ),
  },
  {
    name: 'branches template',
    usage: 'branches template 文件.xlsx',
    summary: ['写出党支部导入模板'],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('branches.writeTemplate', { path: fileArg(positionals, 2, 'branches template') }), o, (r) =>
        t('cli.template.done', { path: r.path }),
      ),
  },
  {
    name: 'framework list',
    usage: 'framework list',
    summary: ['列出指标体系（各版本）'],
    flags: [],
    run: async ({ services, o }) => report(await services().invoke('frameworks.list', {}), o, frameworkTable),
  },
  {
    name: 'framework template',
    usage: 'framework template 文件.xlsx',
    summary: ['写出指标体系导入模板'],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('frameworks.writeTemplate', { path: fileArg(positionals, 2, 'framework template') }), o, (r) =>
        `指标体系导入模板已写入 ${r.path}`,
      ),
  },
  {
    name: 'framework export',
    usage: 'framework export 文件.xlsx --id 编号',
    summary: ['把一个指标体系导出为 Excel（可改后再导入）'],
    flags: ['id'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'framework export');
      return report(await services().invoke('frameworks.export', { id: intFlag(flags.id, 'id'), path: file }), o, (r) =>
        `已把“${r.name}”第 ${r.version} 版（${r.indicatorCount} 个指标）导出到 ${r.path}`,
      );
    },
  },
  {
    name: 'framework import',
    usage: 'framework import 文件.xlsx [--name 名称]',
    summary: ['从 Excel 新建一个指标体系（有任何错误则不导入）'],
    flags: ['name'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'framework import');
      if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError('--name 不能为空');
      return report(
        await services().invoke('frameworks.import', { path: file, ...(flags.name === undefined ? {} : { name: flags.name }) }),
        o,
        (r) => `已导入 ${path.basename(file)}：新建指标体系 ${r.id}“${r.name}”，共 ${r.indicatorCount} 个指标${warningLines(r.warnings)}`,
      );
    },
  },
  {
    name: 'period list',
    usage: 'period list',
    summary: ['列出考核周期'],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('periods.list', {}), o, (periods) =>
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
      ),
  },
  {
    name: 'period create',
    usage: 'period create --name 名称 --framework 编号 [--year 年] [--kind annual|half|quarter]',
    summary: ['新建考核周期（默认包含全部在用的党支部）'],
    flags: ['name', 'framework', 'year', 'kind'],
    run: async ({ services, flags, o }) => {
      if (!flags.name) throw new UsageError('缺少 --name');
      const kind = (flags.kind ?? 'annual') as PeriodKind;
      if (!PERIOD_KINDS.includes(kind)) throw new UsageError(`--kind 应为 ${PERIOD_KINDS.join('|')}`);
      return report(
        await services().invoke('periods.create', {
          name: flags.name,
          year: intFlag(flags.year, 'year', new Date().getFullYear()),
          kind,
          frameworkId: intFlag(flags.framework, 'framework'),
        }),
        o,
        (p) => `已新建考核周期 ${p.id}“${p.name}”：${p.branchCount} 个党支部，指标体系“${p.frameworkName}”第 ${p.frameworkVersion} 版`,
      );
    },
  },
  {
    name: 'period finalise',
    usage: 'period finalise --period 编号',
    summary: ['定稿（评审中 → 已定稿；定稿后评分、业务数据和自评都不能再改）'],
    flags: ['period'],
    run: async ({ services, flags, o }) =>
      report(await services().invoke('periods.advance', { id: intFlag(flags.period, 'period'), to: 'finalised' }), o, (p) =>
        `已定稿：${p.id}“${p.name}”。评分、业务数据和自评都已锁定；如确需修改，用 rongping period reopen --period ${p.id} --reason 原因`,
      ),
  },
  {
    name: 'period reopen',
    usage: 'period reopen --period 编号 --reason 原因',
    summary: ['重新开启已定稿的周期（已定稿 → 评审中，记入操作记录）'],
    flags: ['period', 'reason'],
    run: async ({ services, flags, o }) => {
      const id = intFlag(flags.period, 'period');
      if (!flags.reason?.trim()) throw new UsageError('缺少 --reason（重新开启须写明原因）');
      return report(await services().invoke('periods.reopen', { id, reason: flags.reason }), o, (p) =>
        `已重新开启：${p.id}“${p.name}”现为“${PERIOD_STATUS_LABELS[p.status]}”，原因已记入操作记录`,
      );
    },
  },
];
