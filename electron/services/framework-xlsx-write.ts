/**
 * Writing the framework workbook: the template (with its 填写说明 and examples) and the export of a framework —
 * 指标体系, 细则, 等次 and 框架信息 sheets. Reading it back is framework-xlsx.ts, which shares the column helpers
 * and 框架信息 labels defined here. docs/user/workbooks.md “指标体系导入模板”.
 */
import ExcelJS from 'exceljs';
import {
  ENTRY_MODES,
  dataTriggerOf,
  entryModeOf,
  METHOD_KINDS,
  TAGS,
  type Indicator,
} from '../../shared/domain/framework';
import { childrenOf } from '../../shared/domain/framework-validate';
import {
  FRAMEWORK_SHEETS,
  FRAMEWORK_TEMPLATE_COLUMNS,
  POOL_LABELS,
  type FrameworkColumnField,
  type FrameworkExportResult,
} from '../../shared/domain/framework-workbook';
import {
  DATA_TRIGGER_ENTRY_LABEL,
  ENTRY_MODE_LABELS,
  METHOD_LABELS,
  METHOD_PARAM_EXAMPLES,
  TRIGGER_PARAM_EXAMPLES,
  TAG_LABELS,
  formatMethod,
} from '../../shared/domain/method-text';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { addGradesSheet, defaultGradeScheme } from './framework-xlsx-grades';
import { addRulesSheet } from './framework-xlsx-rules';
import { getFramework } from './frameworks';
import {
  addHelpSheet,
  addRangeValidation,
  listValidation,
  numberValidation,
  addTemplateSheet,
  columnLetter,
  type Workbook,
  type Worksheet,
  writeWorkbook,
} from './xlsx';

type Field = FrameworkColumnField;

/** Rows of the data sheet that get the drop-down lists (beyond the exported rows). */
const VALIDATED_ROWS = 1000;

export const columnOf = (field: Field) => FRAMEWORK_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
export const headerOf = (field: Field) => FRAMEWORK_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

const HELP_LINES = [
  t('workbook.framework.help.1'),
  t('workbook.framework.help.2'),
  t('workbook.framework.help.2.textFormat'),
  t('workbook.framework.help.3'),
  t('workbook.framework.help.4', { tags: TAGS.map((k) => TAG_LABELS[k]).join('”“') }),
  t('workbook.framework.help.5'),
  t('workbook.framework.help.6', { methods: METHOD_KINDS.map((k) => METHOD_LABELS[k]).join('”“') }),
  t('workbook.framework.help.7'),
  t('workbook.framework.help.7.rating', { example: METHOD_PARAM_EXAMPLES.rating }),
  t('workbook.framework.help.7.level', { example: METHOD_PARAM_EXAMPLES.level }),
  t('workbook.framework.help.7.deduction', { example: METHOD_PARAM_EXAMPLES.deduction }),
  t('workbook.framework.help.7.bonus', { example: METHOD_PARAM_EXAMPLES.bonus }),
  t('workbook.framework.help.7.rules'),
  t('workbook.framework.help.7.quantitative', { example: METHOD_PARAM_EXAMPLES.quantitative }),
  t('workbook.framework.help.7.veto', { example: METHOD_PARAM_EXAMPLES.veto }),
  t('workbook.framework.help.7.trigger', TRIGGER_PARAM_EXAMPLES),
  t('workbook.framework.help.8'),
  t('workbook.framework.help.9'),
  t('workbook.framework.help.10'),
  t('workbook.framework.help.11'),
  t('workbook.framework.help.entry'),
  t('workbook.framework.help.entry.trigger', { label: DATA_TRIGGER_ENTRY_LABEL }),
  t('workbook.framework.help.pool'),
  t('workbook.framework.help.bonusCap'),
  t('workbook.framework.help.rules'),
  t('workbook.framework.help.rules.columns'),
  t('workbook.framework.help.rules.example'),
  t('workbook.framework.help.rules.example.1'),
  t('workbook.framework.help.rules.example.2'),
  t('workbook.framework.help.rules.example.3'),
  t('workbook.framework.help.rules.example.4'),
  t('workbook.framework.help.rules.office'),
  t('workbook.framework.help.grades'),
  t('workbook.framework.help.grades.columns'),
  t('workbook.framework.help.grades.example'),
  t('workbook.framework.help.categories'),
  t('workbook.framework.help.categories.example'),
];

/** Labels of the 框架信息 sheet's rows: written by the template and the export, and looked for on import. */
export const INFO_NAME = t('workbook.framework.info.name');
export const INFO_DESCRIPTION = t('workbook.framework.info.description');
export const INFO_CATEGORIES = t('workbook.framework.info.categories');

/** Labels as one cell writes them: “生产、机关、科研”. */
export const joinLabels = (labels: readonly string[]) => labels.join('、');
/** A cell of labels as people type them: 、 , ， ; ； / or spaces between. */
export const splitLabels = (text: string): string[] => [...new Set(text.split(/[、,，;；/\s\u3000]+/).filter(Boolean))];

/** The data sheet with its header, drop-down lists and text-formatted code column. */
function addDataSheet(wb: Workbook, rowsToValidate: number): Worksheet {
  const sheet = addTemplateSheet(wb, FRAMEWORK_SHEETS.data, FRAMEWORK_TEMPLATE_COLUMNS);
  // Typed as text, so that 1.10 stays 1.10 instead of becoming the number 1.1.
  sheet.getColumn(columnOf('code')).numFmt = '@';
  sheet.getColumn(columnOf('criteria')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(columnOf('evidence')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' }; // the column styles above reach the header too
  const list = listValidation;
  const tags = list(TAGS.map((k) => TAG_LABELS[k]), t('workbook.framework.validation.tag'));
  const methods = list(METHOD_KINDS.map((k) => METHOD_LABELS[k]), t('workbook.framework.validation.method'));
  const entryModes = list([...ENTRY_MODES.map((m) => ENTRY_MODE_LABELS[m]), DATA_TRIGGER_ENTRY_LABEL], t('workbook.framework.validation.entry'));
  const points = numberValidation(0, 1000, t('workbook.framework.validation.points'));
  const pool = list([POOL_LABELS.yes, POOL_LABELS.no], t('workbook.framework.validation.pool'));
  const bonusCap: ExcelJS.DataValidation = { ...points, error: t('workbook.framework.validation.bonusCap') };
  const rows = (field: Field) => `${columnLetter(columnOf(field))}2:${columnLetter(columnOf(field))}${rowsToValidate}`;
  addRangeValidation(sheet, rows('tag'), tags);
  addRangeValidation(sheet, rows('maxPoints'), points);
  addRangeValidation(sheet, rows('method'), methods);
  addRangeValidation(sheet, rows('entry'), entryModes);
  addRangeValidation(sheet, rows('pool'), pool);
  addRangeValidation(sheet, rows('bonusCap'), bonusCap);
  return sheet;
}

function addInfoSheet(wb: Workbook, rows: [string, string][]): Worksheet {
  const sheet = wb.addWorksheet(FRAMEWORK_SHEETS.info);
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 80;
  rows.forEach(([label, value], i) => {
    const labelCell = sheet.getCell(i + 1, 1);
    labelCell.value = label;
    labelCell.font = { bold: true };
    const valueCell = sheet.getCell(i + 1, 2);
    valueCell.value = value === '' ? null : value;
    valueCell.alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}

function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  return wb;
}

/**
 * Writes the empty template: the 指标体系 and 细则 sheets, the 等次 sheet with the app's defaults as an example,
 * the instructions and the 框架信息 sheet.
 */
export async function writeFrameworkTemplate(file: string): Promise<{ path: string }> {
  const wb = newWorkbook();
  addDataSheet(wb, VALIDATED_ROWS);
  addRulesSheet(wb, VALIDATED_ROWS);
  addGradesSheet(wb, defaultGradeScheme());
  addHelpSheet(wb, FRAMEWORK_SHEETS.help, HELP_LINES);
  addInfoSheet(wb, [
    [INFO_NAME, ''],
    [INFO_DESCRIPTION, ''],
    [INFO_CATEGORIES, ''],
  ]);
  await writeWorkbook(wb, file);
  return { path: file };
}

/** Writes a framework to the workbook, its indicators in tree order; importing the file gives the same tree. */
export async function exportFramework(db: Database, frameworkId: number, file: string): Promise<FrameworkExportResult> {
  const framework = getFramework(db, frameworkId);
  const children = childrenOf(framework.indicators);
  const ordered: { node: Indicator; depth: number; leaf: boolean }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const node of children.get(parentId) ?? []) {
      const leaf = !children.has(node.id);
      ordered.push({ node, depth, leaf });
      walk(node.id, depth + 1);
    }
  };
  walk(null, 1);

  const wb = newWorkbook();
  const sheet = addDataSheet(wb, Math.max(VALIDATED_ROWS, ordered.length + 200));
  ordered.forEach(({ node, depth, leaf }, i) => {
    const row = sheet.getRow(i + 2);
    const method = leaf ? node.method : null;
    const mode = method ? entryModeOf(method) : 'data';
    const values: Record<Field, string | number> = {
      code: node.code,
      name: node.name,
      tag: TAG_LABELS[node.tag],
      maxPoints: node.maxPoints,
      method: method ? METHOD_LABELS[method.kind] : '',
      params: method ? formatMethod(method) : '',
      criteria: node.criteria,
      evidence: node.evidence,
      // Written for every leaf a rater or the office records, so the choice is visible; quantitative leaves have none.
      // 细则 leaves are always 考核组核定 (entryModeOf), written so for the reader.
      // A leaf triggered by business data says so (its 方法参数 carries the trigger); a quantitative one has none.
      entry: mode !== 'data' ? ENTRY_MODE_LABELS[mode] : method && dataTriggerOf(method) ? DATA_TRIGGER_ENTRY_LABEL : '',
      // Only 分部 carry options (on a leaf they would do nothing, and the import refuses them).
      pool: !leaf && node.options?.pool ? POOL_LABELS.yes : '',
      bonusCap: !leaf && node.options && node.options.bonusCap !== null ? node.options.bonusCap : '',
      appliesTo: joinLabels(node.appliesTo ?? []),
    };
    FRAMEWORK_TEMPLATE_COLUMNS.forEach((c, col) => {
      const value = values[c.field];
      row.getCell(col + 1).value = value === '' ? null : value;
    });
    row.getCell(columnOf('code')).numFmt = '@';
    // The tree at a glance: names indented by level, first-level rows in bold.
    row.getCell(columnOf('name')).alignment = { indent: depth - 1, vertical: 'top' };
    if (depth === 1) row.font = { bold: true };
  });
  const ruleLeaves = ordered.flatMap(({ node, leaf }) => (leaf && node.method?.kind === 'rules' ? [{ code: node.code, method: node.method }] : []));
  addRulesSheet(wb, Math.max(VALIDATED_ROWS, ruleLeaves.reduce((n, l) => n + l.method.rules.length, 0) + 200), ruleLeaves);
  // Empty (headers only) when the framework uses the app's defaults: importing it gives the defaults back.
  addGradesSheet(wb, framework.gradeScheme);
  addHelpSheet(wb, FRAMEWORK_SHEETS.help, HELP_LINES);
  addInfoSheet(wb, [
    [INFO_NAME, framework.name],
    [INFO_DESCRIPTION, framework.description],
    [INFO_CATEGORIES, joinLabels(framework.categories)],
    [t('workbook.framework.info.version'), t('workbook.framework.info.versionValue', { version: framework.version })],
  ]);
  await writeWorkbook(wb, file);
  return { path: file, name: framework.name, version: framework.version, indicatorCount: ordered.length };
}
