/** The CLI's 考核组核定 commands: the office's workbook out and back in, and what is recorded (issue 11 §3). */
import { describeEntry } from '../../shared/domain/entry-text';
import { findingInWords } from '../../shared/domain/findings';
import type { OfficeRecordRow } from '../../shared/domain/office';
import { t } from '../../shared/messages';
import { formatTable } from '../cli-format';
import { fileArg, intFlag, periodFile, report, UsageError, type CliCommand } from './command';

/** The reasons of a record; on a 细则 leaf each finding in words, naming its rule: “①未按时召开支委会，扣1分：7月未召开”. */
const reasonsOf = (o: OfficeRecordRow): string[] => {
  const method = o.method;
  return method.kind === 'rules' ? o.findings.map((f, i) => findingInWords(method, f, o.detail[i] ?? '')) : o.detail;
};

const officeTable = (rows: OfficeRecordRow[]) =>
  rows.length === 0
    ? t('cli.office.none')
    : formatTable(
        [
          t('cli.office.column.branch'),
          t('cli.office.column.indicator'),
          t('cli.office.column.value'),
          t('cli.office.column.detail'),
          t('cli.office.column.evidence'),
          t('cli.office.column.date'),
          t('cli.office.column.by'),
        ],
        rows.map((o) => [
          `${o.branchCode} ${o.branchName}`,
          `${o.indicatorCode} ${o.indicatorName}`,
          o.value === null ? t('cli.office.notRecorded') : describeEntry(o.method, o.value),
          reasonsOf(o).join(t('cli.office.detailSeparator')),
          o.evidence,
          o.evidenceDate ?? '',
          o.recordedBy ?? '',
        ]),
      ) + `\n${t('cli.office.footer', { recorded: rows.filter((o) => o.value !== null).length, total: rows.length })}`;

export const OFFICE_COMMANDS: CliCommand[] = [
  {
    name: 'office template',
    usage: t('cli.cmd.officeTemplate.usage'),
    summary: [t('cli.cmd.officeTemplate.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('office.writeTemplate', periodFile(call, 'office template')), call.o, (r) =>
        t('cli.office.templateDone', { rows: r.rows, path: r.path }),
      ),
  },
  {
    name: 'office import',
    usage: t('cli.cmd.officeImport.usage'),
    summary: [t('cli.cmd.officeImport.summary')],
    flags: ['period', 'reason'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'office import');
      if (flags.reason !== undefined && flags.reason.trim() === '') throw new UsageError(t('cli.usage.emptyFlag', { flag: 'reason' }));
      return report(
        await services().invoke('office.import', { periodId: intFlag(flags.period, 'period'), path: file, ...(flags.reason ? { reason: flags.reason } : {}) }),
        o,
        (r) =>
          t('cli.office.imported', {
            file: r.file,
            saved: r.saved,
            unchanged: r.unchanged,
            skipped: r.skipped ? t('cli.measurements.skipped', { count: r.skipped }) : '',
          }),
      );
    },
  },
  {
    name: 'office list',
    usage: t('cli.cmd.officeList.usage'),
    summary: [t('cli.cmd.officeList.summary')],
    flags: ['period'],
    run: async ({ services, flags, o }) => report(await services().invoke('office.list', { periodId: intFlag(flags.period, 'period') }), o, officeTable),
  },
];
