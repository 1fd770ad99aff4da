/** The CLI's set-up commands: info, 党支部, 指标体系, 考核周期. */
import path from 'node:path';
import type { Branch } from '../../shared/domain/branch';
import type { FrameworkImportIssue } from '../../shared/domain/framework-workbook';
import { PERIOD_KINDS, PERIOD_STATUS_LABELS, PERIOD_STATUSES, type PeriodKind } from '../../shared/domain/period';
import { GATE_STEPS, type Readiness } from '../../shared/domain/readiness';
import type { FrameworkSummary } from '../../shared/domain/views';
import { t } from '../../shared/messages';
import { formatPairs, formatTable } from '../cli-format';
import { missingLines, missingSummary } from '../services/readiness';
import { fileArg, intFlag, report, UsageError, type CliCommand, type FlagName } from './command';

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
    ? t('cli.framework.none')
    : formatTable(
        [
          t('cli.framework.column.id'),
          t('cli.framework.column.name'),
          t('cli.framework.column.version'),
          t('cli.framework.column.indicators'),
          t('cli.framework.column.leaves'),
          t('cli.framework.column.status'),
          t('cli.framework.column.periods'),
        ],
        frameworks.map((f) => [
          String(f.id),
          f.name,
          t('cli.framework.version', { version: f.version }),
          String(f.indicatorCount),
          String(f.leafCount),
          f.frozenAt ? t('cli.framework.frozen') : t('cli.framework.editable'),
          f.periods.map((p) => p.name).join('、'),
        ]),
      ) + `\n${t('cli.framework.count', { count: frameworks.length })}`;

const warningLines = (warnings: FrameworkImportIssue[]) =>
  warnings
    .map((w) => `\n  ${t('cli.warning', { message: w.row === null ? w.message : t('cli.warning.row', { row: w.row, message: w.message }) })}`)
    .join('');

/** An option that must be one of a few words, or a usage error listing them. */
function oneOf<T extends string>(value: string | undefined, flag: FlagName, choices: readonly T[]): T {
  if (value === undefined) throw new UsageError(t('cli.usage.missingFlag', { flag }));
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(t('cli.usage.oneOf', { flag, choices: choices.join('|') }));
  return value as T;
}

/** --override, when given: the reason to take a gated step with something missing (the services check its length). */
function overrideFlag(value: string | undefined): { override?: string } {
  if (value === undefined) return {};
  if (!value.trim()) throw new UsageError(t('cli.usage.emptyFlag', { flag: 'override' }));
  return { override: value };
}

/** What a step would leave missing, one line each; or that nothing is. */
function readinessText(r: Readiness, period: { id: number; name: string }): string {
  const step = t(`gate.step.${r.step}`);
  if (r.complete) return t('cli.period.readinessComplete', { id: period.id, name: period.name, step });
  const head = t('cli.period.readinessMissing', { id: period.id, name: period.name, step, missing: missingSummary(r) });
  return [head, ...missingLines(r).map((line) => `  - ${line}`)].join('\n');
}

export const SETUP_COMMANDS: CliCommand[] = [
  {
    name: 'info',
    usage: 'info',
    summary: [t('cli.cmd.info.summary')],
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
    summary: [t('cli.cmd.branchesList.summary')],
    flags: ['archived'],
    run: async ({ services, flags, o }) => report(await services().invoke('branches.list', { includeArchived: flags.archived }), o, branchTable),
  },
  {
    name: 'branches import',
    usage: t('cli.cmd.branchesImport.usage'),
    summary: [t('cli.cmd.branchesImport.summary')],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('branches.import', { path: fileArg(positionals, 2, 'branches import') }), o, (r) =>
        t('cli.import.done', { file: r.file, created: r.created, updated: r.updated }),
      ),
  },
  {
    name: 'branches template',
    usage: t('cli.cmd.branchesTemplate.usage'),
    summary: [t('cli.cmd.branchesTemplate.summary')],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('branches.writeTemplate', { path: fileArg(positionals, 2, 'branches template') }), o, (r) =>
        t('cli.template.done', { path: r.path }),
      ),
  },
  {
    name: 'framework list',
    usage: 'framework list',
    summary: [t('cli.cmd.frameworkList.summary')],
    flags: [],
    run: async ({ services, o }) => report(await services().invoke('frameworks.list', {}), o, frameworkTable),
  },
  {
    name: 'framework template',
    usage: t('cli.cmd.frameworkTemplate.usage'),
    summary: [t('cli.cmd.frameworkTemplate.summary')],
    flags: [],
    run: async ({ services, positionals, o }) =>
      report(await services().invoke('frameworks.writeTemplate', { path: fileArg(positionals, 2, 'framework template') }), o, (r) =>
        t('cli.framework.templateDone', { path: r.path }),
      ),
  },
  {
    name: 'framework export',
    usage: t('cli.cmd.frameworkExport.usage'),
    summary: [t('cli.cmd.frameworkExport.summary')],
    flags: ['id'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'framework export');
      return report(await services().invoke('frameworks.export', { id: intFlag(flags.id, 'id'), path: file }), o, (r) =>
        t('cli.framework.exported', { name: r.name, version: r.version, indicators: r.indicatorCount, path: r.path }),
      );
    },
  },
  {
    name: 'framework import',
    usage: t('cli.cmd.frameworkImport.usage'),
    summary: [t('cli.cmd.frameworkImport.summary')],
    flags: ['name'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'framework import');
      if (flags.name !== undefined && flags.name.trim() === '') throw new UsageError(t('cli.usage.emptyFlag', { flag: 'name' }));
      return report(
        await services().invoke('frameworks.import', { path: file, ...(flags.name === undefined ? {} : { name: flags.name }) }),
        o,
        (r) =>
          t('cli.framework.imported', { file: path.basename(file), id: r.id, name: r.name, indicators: r.indicatorCount }) + warningLines(r.warnings),
      );
    },
  },
  {
    name: 'period list',
    usage: 'period list',
    summary: [t('cli.cmd.periodList.summary')],
    flags: [],
    run: async ({ services, o }) =>
      report(await services().invoke('periods.list', {}), o, (periods) =>
        periods.length === 0
          ? t('cli.period.none')
          : formatTable(
              [
                t('cli.period.column.id'),
                t('cli.period.column.name'),
                t('cli.period.column.year'),
                t('cli.period.column.framework'),
                t('cli.period.column.status'),
                t('cli.period.column.branches'),
                t('cli.period.column.raters'),
                t('cli.period.column.entries'),
              ],
              periods.map((p) => [
                String(p.id),
                p.name,
                String(p.year),
                t('cli.period.framework', { name: p.frameworkName, version: p.frameworkVersion }),
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
    usage: t('cli.cmd.periodCreate.usage'),
    summary: [t('cli.cmd.periodCreate.summary')],
    flags: ['name', 'framework', 'year', 'kind'],
    run: async ({ services, flags, o }) => {
      if (!flags.name) throw new UsageError(t('cli.usage.missingFlag', { flag: 'name' }));
      const kind = (flags.kind ?? 'annual') as PeriodKind;
      if (!PERIOD_KINDS.includes(kind)) throw new UsageError(t('cli.usage.oneOf', { flag: 'kind', choices: PERIOD_KINDS.join('|') }));
      return report(
        await services().invoke('periods.create', {
          name: flags.name,
          year: intFlag(flags.year, 'year', new Date().getFullYear()),
          kind,
          frameworkId: intFlag(flags.framework, 'framework'),
        }),
        o,
        (p) =>
          t('cli.period.created', { id: p.id, name: p.name, branches: p.branchCount, framework: p.frameworkName, version: p.frameworkVersion }),
      );
    },
  },
  {
    name: 'period advance',
    usage: t('cli.cmd.periodAdvance.usage'),
    summary: [t('cli.cmd.periodAdvance.summary'), t('cli.cmd.periodAdvance.override')],
    flags: ['period', 'to', 'override'],
    run: async ({ services, flags, o }) => {
      const id = intFlag(flags.period, 'period');
      const to = oneOf(flags.to, 'to', PERIOD_STATUSES);
      return report(await services().invoke('periods.advance', { id, to, ...overrideFlag(flags.override) }), o, (p) =>
        t('cli.period.advanced', { id: p.id, name: p.name, status: PERIOD_STATUS_LABELS[p.status] }),
      );
    },
  },
  {
    name: 'period readiness',
    usage: t('cli.cmd.periodReadiness.usage'),
    summary: [t('cli.cmd.periodReadiness.summary')],
    flags: ['period', 'step'],
    run: async ({ services, flags, o }) => {
      const periodId = intFlag(flags.period, 'period');
      const step = oneOf(flags.step, 'step', GATE_STEPS);
      const period = await services().invoke('periods.get', { id: periodId });
      if (!period.ok) return report(period, o, () => '');
      return report(await services().invoke('periods.readiness', { periodId, step }), o, (r) => readinessText(r, period.value));
    },
  },
  {
    name: 'period finalise',
    usage: t('cli.cmd.periodFinalise.usage'),
    summary: [t('cli.cmd.periodFinalise.summary')],
    flags: ['period', 'override'],
    run: async ({ services, flags, o }) =>
      report(await services().invoke('periods.advance', { id: intFlag(flags.period, 'period'), to: 'finalised', ...overrideFlag(flags.override) }), o, (p) =>
        t('cli.period.finalised', { id: p.id, name: p.name }),
      ),
  },
  {
    name: 'period reopen',
    usage: t('cli.cmd.periodReopen.usage'),
    summary: [t('cli.cmd.periodReopen.summary')],
    flags: ['period', 'reason'],
    run: async ({ services, flags, o }) => {
      const id = intFlag(flags.period, 'period');
      if (!flags.reason?.trim()) throw new UsageError(t('cli.period.reasonRequired'));
      return report(await services().invoke('periods.reopen', { id, reason: flags.reason }), o, (p) =>
        t('cli.period.reopened', { id: p.id, name: p.name, status: PERIOD_STATUS_LABELS[p.status] }),
      );
    },
  },
];
