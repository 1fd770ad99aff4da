/** The CLI's scoring commands: 评委评分表, 业务数据, 操作记录, 计算结果. */
import { PERIOD_STATUS_LABELS } from '../../shared/domain/period';
import type { PeriodResults } from '../../shared/domain/views';
import { t } from '../../shared/messages';
import { formatTable } from '../cli-format';
import { describeAuditChain } from '../services/audit-verify';
import { fail, fileArg, intFlag, periodFile, report, UsageError, type CliCommand } from './command';

const resultsTable = (r: PeriodResults) =>
  `${t('cli.results.heading', { name: r.period.name, status: PERIOD_STATUS_LABELS[r.period.status] })}\n` +
  formatTable(
    [
      t('cli.results.column.rank'),
      t('cli.results.column.code'),
      t('cli.results.column.branch'),
      t('cli.results.column.total'),
      t('cli.results.column.party'),
      t('cli.results.column.business'),
      t('cli.results.column.fusion'),
      t('cli.results.column.bonus'),
      t('cli.results.column.grade'),
      t('cli.results.column.quadrant'),
      t('cli.results.column.notes'),
    ],
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
      [b.vetoed ? t('cli.results.vetoed') : '', b.complete ? '' : t('cli.results.missing', { count: b.missing })].filter(Boolean).join('，'),
    ]),
  ) +
  `\n${t('cli.results.footer', {
    baseMax: r.result.baseMax,
    quotas: r.result.quotas.map((q) => t('cli.results.quota', { label: q.label, allowed: q.allowed })).join('，') || t('cli.results.noQuota'),
  })}` +
  (r.result.complete ? '' : `\n${t('cli.results.provisional')}`);

export const SCORING_COMMANDS: CliCommand[] = [
  {
    name: 'scores template',
    usage: t('cli.cmd.scoresTemplate.usage'),
    summary: [t('cli.cmd.scoresTemplate.summary')],
    flags: ['period', 'rater'],
    run: async (call) => {
      const { services, flags, o } = call;
      const target = periodFile(call, 'scores template');
      return report(
        await services().invoke('scores.writeTemplate', { ...target, raterId: intFlag(flags.rater, 'rater') }),
        o,
        (r) =>
          t('cli.scores.templateDone', {
            rater: r.rater.name,
            indicators: r.indicators,
            branches: r.branches,
            recused: r.recused ? t('cli.scores.templateRecused', { count: r.recused }) : '',
            prefilled: r.prefilled ? t('cli.scores.templatePrefilled', { count: r.prefilled }) : '',
            path: r.path,
          }),
      );
    },
  },
  {
    name: 'scores import',
    usage: t('cli.cmd.scoresImport.usage'),
    summary: [t('cli.cmd.scoresImport.summary')],
    flags: ['period', 'reason'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'scores import');
      if (flags.reason !== undefined && flags.reason.trim() === '') throw new UsageError(t('cli.usage.emptyFlag', { flag: 'reason' }));
      return report(
        await services().invoke('scores.import', { periodId: intFlag(flags.period, 'period'), path: file, ...(flags.reason ? { reason: flags.reason } : {}) }),
        o,
        (r) => t('cli.scores.imported', { file: r.file, rater: r.rater.name, saved: r.saved, unchanged: r.unchanged }),
      );
    },
  },
  {
    name: 'scores export',
    usage: t('cli.cmd.scoresExport.usage'),
    summary: [t('cli.cmd.scoresExport.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('scores.export', periodFile(call, 'scores export')), call.o, (r) =>
        t('cli.scores.exported', { rows: r.rows, path: r.path }),
      ),
  },
  {
    name: 'measurements template',
    usage: t('cli.cmd.measurementsTemplate.usage'),
    summary: [t('cli.cmd.measurementsTemplate.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('measurements.writeTemplate', periodFile(call, 'measurements template')), call.o, (r) =>
        t('cli.measurements.templateDone', { rows: r.rows, path: r.path }),
      ),
  },
  {
    name: 'measurements import',
    usage: t('cli.cmd.measurementsImport.usage'),
    summary: [t('cli.cmd.measurementsImport.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('measurements.import', periodFile(call, 'measurements import')), call.o, (r) =>
        t('cli.measurements.imported', {
          file: r.file,
          saved: r.saved,
          unchanged: r.unchanged,
          skipped: r.skipped ? t('cli.measurements.skipped', { count: r.skipped }) : '',
        }),
      ),
  },
  {
    name: 'audit export',
    usage: t('cli.cmd.auditExport.usage'),
    summary: [t('cli.cmd.auditExport.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('audit.export', periodFile(call, 'audit export')), call.o, (r) =>
        t('cli.audit.exported', { rows: r.rows, path: r.path }),
      ),
  },
  {
    name: 'audit verify',
    usage: 'audit verify',
    summary: [t('cli.cmd.auditVerify.summary')],
    flags: [],
    run: async ({ services, o }) => {
      const status = await services().invoke('audit.verify', {});
      if (!status.ok) return fail(status, o);
      o.out(o.json ? JSON.stringify(status.value, null, 2) : describeAuditChain(status.value));
      return status.value.ok ? 0 : 1;
    },
  },
  {
    name: 'compute',
    usage: t('cli.cmd.compute.usage'),
    summary: [t('cli.cmd.compute.summary')],
    flags: ['period'],
    run: async ({ services, flags, o }) => {
      const { invoke } = services();
      const periodId = intFlag(flags.period, 'period');
      const results = await invoke('results.get', { periodId });
      if (!results.ok || !o.json) return report(results, o, resultsTable);
      // The full results with every branch's explanation, for scripts and audits.
      const explanations = [];
      for (const b of results.value.result.branches) {
        const e = await invoke('results.explain', { periodId, branchId: b.branchId });
        if (!e.ok) return fail(e, o);
        explanations.push(e.value);
      }
      return report({ ok: true, value: { ...results.value, explanations } }, o, () => '');
    },
  },
];
