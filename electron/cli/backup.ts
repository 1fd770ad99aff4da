/** The CLI's sample period and backups. */
import { BACKUP_REASON_LABELS } from '../../shared/domain/backups';
import { t } from '../../shared/messages';
import { formatTable } from '../cli-format';
import { backupTo } from '../services/backup';
import { fileArg, intFlag, kilobytes, report, UsageError, type CliCommand } from './command';

export const BACKUP_COMMANDS: CliCommand[] = [
  {
    name: 'sample',
    usage: 'sample [--branches N] [--raters M] [--seed S]',
    summary: ['用内置指标体系生成一个完整的示例考核周期'],
    flags: ['branches', 'raters', 'seed'],
    run: async ({ services, flags, o }) =>
      report(
        await services().invoke('sample.create', {
          branches: intFlag(flags.branches, 'branches', 12),
          raters: intFlag(flags.raters, 'raters', 7),
          ...(flags.seed ? { seed: intFlag(flags.seed, 'seed') } : {}),
        }),
        o,
        (s) =>
          `已生成示例考核周期 ${s.period.id}“${s.period.name}”：${s.branches} 个党支部，${s.raters} 位评委，${s.entries} 条评分，${s.measurements} 条业务数据。\n查看结果：rongping compute --period ${s.period.id}`,
      ),
  },
  {
    // `backup 文件.db`: any second word that is not list/create/restore is the file.
    name: 'backup',
    usage: 'backup 文件.db',
    summary: ['把数据库完整备份到一个新文件'],
    flags: [],
    run: async ({ services, positionals, o }) => {
      const file = fileArg(positionals, 1, 'backup');
      const result = await backupTo(services().ctx.db, file);
      return report({ ok: true, value: result }, o, (r) => t('cli.backup.done', { path: r.path, size: kilobytes(r.bytes) }));
    },
  },
  {
    name: 'backup list',
    usage: 'backup list',
    summary: ['列出自动和手动备份（每日首次启动、导入、定稿、重新开启前自动备份）'],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('backups.list', {}), o, (list) =>
        list.backups.length === 0
          ? t('cli.backup.none', { folder: list.folder })
          : `${formatTable(
              ['备份文件', '时间', '原因', '大小'],
              list.backups.map((b) => [b.name, new Date(b.at).toLocaleString('zh-CN'), BACKUP_REASON_LABELS[b.reason], kilobytes(b.bytes)]),
            )}\n${t('cli.backup.folder', { folder: list.folder, keep: list.keep })}`,
      ),
  },
  {
    name: 'backup create',
    usage: 'backup create',
    summary: ['立即备份到备份文件夹'],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('backups.create', {}), o, (b) => t('cli.backup.done', { path: b.name, size: kilobytes(b.bytes) })),
  },
  {
    name: 'backup restore',
    usage: 'backup restore 备份文件名',
    summary: ['用一份备份替换当前数据库（先校验备份，并先把当前数据库另存一份备份）'],
    flags: [],
    run: async ({ services, positionals, o }) => {
      const name = positionals[2];
      if (!name) throw new UsageError(t('cli.usage.missingFile', { command: 'backup restore' }));
      return report(await services().invoke('backups.restore', { name }), o, (r) => t('cli.backup.restored', { name: r.restored, safety: r.safetyCopy }));
    },
  },
];
