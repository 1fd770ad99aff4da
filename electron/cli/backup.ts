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
    summary: [t('cli.cmd.sample.summary')],
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
          t('cli.sample.done', {
            id: s.period.id,
            name: s.period.name,
            branches: s.branches,
            raters: s.raters,
            entries: s.entries,
            measurements: s.measurements,
          }),
      ),
  },
  {
    // `backup 文件.db`: any second word that is not list/create/restore is the file.
    name: 'backup',
    usage: t('cli.cmd.backup.usage'),
    summary: [t('cli.cmd.backup.summary')],
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
    summary: [t('cli.cmd.backupList.summary')],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('backups.list', {}), o, (list) =>
        list.backups.length === 0
          ? t('cli.backup.none', { folder: list.folder })
          : `${formatTable(
              [t('cli.backup.column.file'), t('cli.backup.column.time'), t('cli.backup.column.reason'), t('cli.backup.column.size')],
              list.backups.map((b) => [b.name, new Date(b.at).toLocaleString('zh-CN'), BACKUP_REASON_LABELS[b.reason], kilobytes(b.bytes)]),
            )}\n${t('cli.backup.folder', { folder: list.folder, keep: list.keep })}`,
      ),
  },
  {
    name: 'backup create',
    usage: 'backup create',
    summary: [t('cli.cmd.backupCreate.summary')],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('backups.create', {}), o, (b) => t('cli.backup.done', { path: b.name, size: kilobytes(b.bytes) })),
  },
  {
    name: 'backup restore',
    usage: t('cli.cmd.backupRestore.usage'),
    summary: [t('cli.cmd.backupRestore.summary')],
    flags: [],
    run: async ({ services, positionals, o }) => {
      const name = positionals[2];
      if (!name) throw new UsageError(t('cli.usage.missingFile', { command: 'backup restore' }));
      return report(await services().invoke('backups.restore', { name }), o, (r) => t('cli.backup.restored', { name: r.restored, safety: r.safetyCopy }));
    },
  },
];
