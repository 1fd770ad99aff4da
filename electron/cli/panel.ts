/**
 * The CLI's panel and settings commands: the panel of a period (评委组, 评委,
 * 回避) listed and brought in by the 评委名单 workbook, and a period's settings
 * as JSON — so a whole period can be run without the desktop window.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PeriodSettings } from '../../shared/domain/period';
import type { PanelImportResult } from '../../shared/domain/panel-workbook';
import type { PanelView } from '../../shared/domain/views';
import { scopeInWords } from '../../shared/domain/assignment';
import type { Indicator } from '../../shared/domain/framework';
import { t } from '../../shared/messages';
import { formatTable } from '../cli-format';
import { fail, intFlag, periodFile, printError, report, type CliCommand, type Output } from './command';

/** The panel as the CLI shows it: branch codes in place of branch ids, 分工 (评分范围) as codes and in words. */
function panelListing(panel: PanelView, codes: Map<number, string>, indicators: readonly Indicator[]) {
  const groups = new Map(panel.groups.map((g) => [g.id, g]));
  const inWords = (scope: string[]) => scopeInWords(scope, indicators) || t('panel.scope.all');
  return {
    groups: panel.groups.map((g) => ({
      id: g.id,
      name: g.name,
      weight: g.weight,
      // The group's own combination rule; null = the period's setting (docs/scoring-rules.md §4).
      combine: g.combine,
      trimMinRaters: g.trimMinRaters,
      scope: g.scope,
      scopeInWords: inWords(g.scope),
      raters: panel.raters.filter((r) => r.groupId === g.id).length,
    })),
    raters: panel.raters.map((r) => ({
      id: r.id,
      name: r.name,
      group: groups.get(r.groupId)?.name ?? '',
      title: r.title,
      branchCode: r.branchId === null ? null : (codes.get(r.branchId) ?? null),
      hasPin: r.hasPin,
      finished: r.finishedAt !== null,
      recusals: r.recusals.map((c) => ({ branchCode: codes.get(c.branchId) ?? String(c.branchId), reason: c.reason })),
      // [] = all of the group's scope.
      scope: r.scope,
      scopeInWords: r.scope.length ? inWords(r.scope) : '',
    })),
  };
}
type PanelListing = ReturnType<typeof panelListing>;

const listingText = (p: PanelListing) =>
  p.raters.length === 0 && p.groups.length === 0
    ? t('cli.panel.none')
    : [
        formatTable(
          [t('cli.panel.column.group'), t('cli.panel.column.weight'), t('cli.panel.column.raterCount'), t('cli.panel.column.combine'), t('cli.panel.column.trimMinRaters'), t('cli.panel.column.scope')],
          p.groups.map((g) => [
            g.name,
            String(g.weight),
            String(g.raters),
            g.combine === null ? t('groupRule.period') : t(`groupRule.${g.combine}`),
            g.trimMinRaters === null ? t('groupRule.period') : String(g.trimMinRaters),
            g.scopeInWords,
          ]),
        ),
        '',
        formatTable(
          [t('cli.panel.column.id'), t('cli.panel.column.name'), t('cli.panel.column.group'), t('cli.panel.column.title'), t('cli.panel.column.pin'), t('cli.panel.column.recusals'), t('cli.panel.column.scope')],
          p.raters.map((r) => [
            String(r.id),
            r.name,
            r.group,
            r.title,
            r.hasPin ? t('cli.panel.pinSet') : t('cli.panel.pinUnset'),
            r.recusals.map((c) => t('cli.panel.recusal', { code: c.branchCode, reason: c.reason })).join('；'),
            r.scopeInWords,
          ]),
        ),
        t('cli.panel.count', { groups: p.groups.length, raters: p.raters.length }),
      ].join('\n');

const importedText = (r: PanelImportResult) =>
  [
    t('cli.panel.imported', {
      file: r.file,
      groupsCreated: r.groupsCreated,
      groupsUpdated: r.groupsUpdated,
      ratersCreated: r.ratersCreated,
      ratersUpdated: r.ratersUpdated,
      ratersUnchanged: r.ratersUnchanged,
    }),
    ...(r.kept.length === 0 ? [] : [t('cli.panel.kept', { count: r.kept.length, names: r.kept.map((k) => t('cli.panel.keptRater', { id: k.id, name: k.name, group: k.group })).join('、') })]),
  ].join('\n');

/** A settings file: read, parsed and checked against PeriodSettings; every problem named by its JSON path. */
async function readSettings(file: string, o: Output): Promise<PeriodSettings | number> {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const reason = e instanceof SyntaxError ? t('cli.settings.notJson', { reason: e.message }) : e instanceof Error ? e.message : String(e);
    return fail({ code: 'validation', message: t('cli.settings.unreadable', { file: name, reason }) }, o);
  }
  const parsed = PeriodSettings.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const at = issue.path.length === 0 ? t('cli.settings.root') : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { field: at, message: t('cli.settings.problem', { path: at, message: issue.message }) };
  });
  printError({ code: 'validation', message: t('cli.settings.invalid', { file: name, count: details.length }), details }, o);
  return 1;
}

export const PANEL_COMMANDS: CliCommand[] = [
  {
    name: 'panel list',
    usage: t('cli.cmd.panelList.usage'),
    summary: [t('cli.cmd.panelList.summary')],
    flags: ['period'],
    run: async ({ services, flags, o }) => {
      const periodId = intFlag(flags.period, 'period');
      const panel = await services().invoke('panel.get', { periodId });
      if (!panel.ok) return fail(panel, o);
      const branches = await services().invoke('branches.list', { includeArchived: true });
      if (!branches.ok) return fail(branches, o);
      // The framework of the period, for the 评分范围 in words.
      const period = await services().invoke('periods.get', { id: periodId });
      if (!period.ok) return fail(period, o);
      const framework = await services().invoke('frameworks.get', { id: period.value.frameworkId });
      if (!framework.ok) return fail(framework, o);
      const listing = panelListing(panel.value, new Map(branches.value.map((b) => [b.id, b.code])), framework.value.indicators);
      return report({ ok: true, value: listing }, o, listingText);
    },
  },
  {
    name: 'panel template',
    usage: t('cli.cmd.panelTemplate.usage'),
    summary: [t('cli.cmd.panelTemplate.summary')],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('panel.writeTemplate', periodFile(call, 'panel template')), call.o, (r) =>
        t('cli.panel.templateDone', { rows: r.rows, path: r.path }),
      ),
  },
  {
    name: 'panel import',
    usage: t('cli.cmd.panelImport.usage'),
    summary: [t('cli.cmd.panelImport.summary'), t('cli.cmd.panelImport.summary2')],
    flags: ['period'],
    run: async (call) => report(await call.services().invoke('panel.import', periodFile(call, 'panel import')), call.o, importedText),
  },
  {
    name: 'period settings',
    usage: t('cli.cmd.periodSettings.usage'),
    summary: [t('cli.cmd.periodSettings.summary'), t('cli.cmd.periodSettings.summary2')],
    flags: ['period', 'file'],
    run: async ({ services, flags, o }) => {
      const id = intFlag(flags.period, 'period');
      const period = await services().invoke('periods.get', { id });
      if (!period.ok) return fail(period, o);
      if (flags.file === undefined) {
        o.out(JSON.stringify(period.value.settings, null, 2));
        return 0;
      }
      const settings = await readSettings(path.resolve(flags.file), o);
      if (typeof settings === 'number') return settings;
      const { name, year, kind } = period.value;
      return report(await services().invoke('periods.update', { id, name, year, kind, settings }), o, (p) =>
        t('cli.settings.replaced', { id: p.id, name: p.name }),
      );
    },
  },
];
