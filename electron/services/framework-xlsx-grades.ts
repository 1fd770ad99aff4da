/**
 * The framework workbook's 等次 sheet (issue 11 §8): the framework's grade scheme, one row per grade, highest
 * first, with its 最低分 and, where the scheme has one, its 名额上限. Written by the template (the app's defaults, as
 * an example) and the export, read by the import (framework-xlsx.ts), whose errors it joins. A workbook without
 * the sheet, or with no grade on it, gives no scheme: the app's defaults. The rules across the grades are
 * settingsProblems' (shared/domain/period.ts), so a wrong row is named in the period settings form's words.
 */
import { MAX_GRADES, type GradeScheme } from '../../shared/domain/framework';
import { FRAMEWORK_GRADE_COLUMNS, FRAMEWORK_SHEETS, type FrameworkGradeField } from '../../shared/domain/framework-workbook';
import { GradeRule, defaultPeriodSettings, settingsProblemInWords, settingsProblems, type SettingsProblem } from '../../shared/domain/period';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { addRangeValidation, numberValidation, addTemplateSheet, cellText, cellValue, columnLetter, locateHeaders, type ImportCell, type ImportWorkbook, type Workbook, type Worksheet } from './xlsx';

type Field = FrameworkGradeField;

const SHEET = FRAMEWORK_SHEETS.grades;
const REQUIRED: readonly Field[] = ['label', 'min'];
/** Rows of the sheet that get the validations. */
const VALIDATED_ROWS = 20;
const columnOf = (field: Field) => FRAMEWORK_GRADE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => FRAMEWORK_GRADE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

/** The app's defaults as a scheme: what the template shows as its example. */
export function defaultGradeScheme(): GradeScheme {
  const { grades, quotas } = defaultPeriodSettings();
  return { grades, quotas };
}

// ---------------------------------------------------------------- writing

/** A share as a percent format that shows it whole (20%) or with its decimals (12.5%); the value stays the share. */
const shareFormat = (share: number) => (Number.isInteger(Math.round(share * 1e6) / 1e4) ? '0%' : '0.0#%');

/** The 等次 sheet with its header and validations; `scheme` (null: none) written one grade a row. */
export function addGradesSheet(wb: Workbook, scheme: GradeScheme | null): Worksheet {
  const sheet = addTemplateSheet(wb, SHEET, FRAMEWORK_GRADE_COLUMNS);
  const rows = (field: Field) => `${columnLetter(columnOf(field))}2:${columnLetter(columnOf(field))}${VALIDATED_ROWS}`;
  addRangeValidation(sheet, rows('min'), numberValidation(0, 1000, t('workbook.framework.validation.gradeMin')));
  addRangeValidation(sheet, rows('quota'), numberValidation(0, 1, t('workbook.framework.validation.gradeQuota')));
  sheet.getColumn(columnOf('label')).numFmt = '@';
  for (const [i, grade] of (scheme?.grades ?? []).entries()) {
    const row = sheet.getRow(i + 2);
    row.getCell(columnOf('label')).value = grade.label;
    row.getCell(columnOf('min')).value = grade.min;
    const share = scheme!.quotas.find((q) => q.label === grade.label)?.maxShare;
    if (share !== undefined) {
      const cell = row.getCell(columnOf('quota'));
      cell.value = share;
      cell.numFmt = shareFormat(share);
    }
  }
  return sheet;
}

// ---------------------------------------------------------------- reading

/** A bad cell of the 等次 sheet, its message naming the sheet. */
export interface GradeCellError {
  sheet: string;
  row: number;
  col: number;
  column: string;
  message: string;
}

export interface ReadGrades {
  /** The scheme read; null when the sheet is absent or holds no grade, or when any of its cells is wrong. */
  scheme: GradeScheme | null;
  errors: GradeCellError[];
}

const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** A 最低分 as typed: 90, “90”, “90分”, “90分以上”, “≥90”; null when empty, undefined when something else. */
function minOf(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\s\u3000,，]/g, '').replace(/^(≥|>=|不低于)/, '').replace(/(分以上|以上|分)$/, '');
  return NUMBER.test(s) ? Number(s) : undefined;
}

/**
 * A 名额上限 as typed: 0.2, 20% (a cell formatted as percent holds 0.2 too), “20%”, “不超过20%”; null when empty,
 * undefined when not a number. A number above 1 is returned as is, refused as above 100% by the caller.
 */
function quotaOf(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\s\u3000]/g, '').replace(/^(不超过|不得超过|最多|至多|≤|<=)/, '');
  const percent = /[%％]$/.test(s);
  const n = s.replace(/[%％]$/, '');
  if (!NUMBER.test(n)) return undefined;
  // 33.3% → 0.333, not 0.33299999999999996: a share read back equals the share written.
  return percent ? Math.round(Number(n) * 1e4) / 1e6 : Number(n);
}

interface GradeRow {
  row: number;
  label: string | null;
  min: number | null | undefined;
  quota: number | null;
  bad: boolean;
}

/**
 * Reads the 等次 sheet. Every bad cell is reported: an empty or too long 等次, a 最低分 that is not a number ≥ 0 (or
 * empty on a grade other than the last), a 名额上限 that is not a share or is above 100%, more than 8 grades; then
 * the rules across the grades (settingsProblems: at least two, labels unique, minimums falling), judged on the
 * rows whose cells are sound — leaving a wrong row out never makes the others look wrong.
 */
export function readGradesSheet(wb: ImportWorkbook, fileName: string): ReadGrades {
  const result: ReadGrades = { scheme: null, errors: [] };
  const sheet = wb.getWorksheet(SHEET);
  if (!sheet || sheet.rowCount === 0) return result;
  const columns = locateHeaders(sheet, FRAMEWORK_GRADE_COLUMNS);
  const rowCells = (r: number) => [...columns.values()].map((col) => sheet.getRow(r).getCell(col));
  const missing = REQUIRED.filter((f) => !columns.has(f)).map(headerOf);
  if (missing.length > 0) {
    // A sheet with none of the headers and nothing below its first row (a blank sheet someone added) says nothing.
    if (columns.size === 0 && sheet.rowCount <= 1) return result;
    throw new AppError('validation', t('error.frameworkXlsx.gradesHeader', { file: fileName, header: missing.join('、') }));
  }

  const error = (row: GradeRow | number, field: Field, reason: string) => {
    if (typeof row !== 'number') row.bad = true;
    const r = typeof row === 'number' ? row : row.row;
    const col = columns.get(field) ?? columnOf(field);
    const column = columnLetter(col);
    result.errors.push({
      sheet: SHEET,
      row: r,
      col,
      column,
      message: t('workbook.onSheet', { sheet: SHEET, message: t('import.error.cell', { row: r, column, header: headerOf(field), reason }) }),
    });
  };

  const rows: GradeRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cell = (field: Field) => (columns.has(field) ? sheet.getRow(r).getCell(columns.get(field)!) : null);
    if (rowCells(r).every((c) => cellText(c) === '')) continue;
    const row: GradeRow = { row: r, label: null, min: null, quota: null, bad: false };
    rows.push(row);
    if (rows.length > MAX_GRADES) error(row, 'label', t('workbook.framework.grade.tooMany', { max: MAX_GRADES, count: rows.length }));

    const labelText = cellText(cell('label')!);
    const label = GradeRule.shape.label.safeParse(labelText);
    if (labelText === '') error(row, 'label', t('settings.grades.labelRequired'));
    else if (!label.success) {
      const length = Array.from(labelText).length;
      error(row, 'label', length > 10 ? t('workbook.tooLong', { field: headerOf('label'), max: 10, length }) : label.error.issues[0]!.message);
    }
    else row.label = label.data;

    row.min = minOf(cell('min')!);
    if (row.min === undefined || (row.min !== null && !(Number.isFinite(row.min) && row.min >= 0))) {
      error(row, 'min', t('workbook.framework.grade.minInvalid', { value: cellText(cell('min')!) }));
    }

    const quotaCell = cell('quota');
    const quota = quotaCell ? quotaOf(quotaCell) : null;
    if (quota === undefined || (quota !== null && quota < 0)) error(row, 'quota', t('workbook.framework.grade.quotaInvalid', { value: cellText(quotaCell!) }));
    else if (quota !== null && quota > 1) error(row, 'quota', t('workbook.framework.grade.quotaAbove', { value: cellText(quotaCell!) }));
    else row.quota = quota;
  }
  if (rows.length === 0) return result;
  // The last grade takes everything below the others: its 最低分 may be left empty (read as 0).
  rows.forEach((row, i) => {
    if (row.min !== null) return;
    if (i === rows.length - 1) row.min = 0;
    else error(row, 'min', t('workbook.framework.grade.minRequired'));
  });

  // The rules across grades, on the sound rows (see above): fewer than two grades is judged on all of them.
  const sound = rows.filter((r) => !r.bad);
  const grades = sound.map((r) => ({ label: r.label!, min: r.min! }));
  const quotaRows = sound.filter((r) => r.quota !== null);
  const problems = settingsProblems(
    grades,
    quotaRows.map((r) => ({ label: r.label! })),
  ).filter((p) => p.key !== 'settings.grades.tooFew' || rows.length < 2);
  for (const p of problems) error(...located(p, rows, sound, quotaRows));
  if (result.errors.length > 0) return result;
  result.scheme = { grades, quotas: quotaRows.map((r) => ({ label: r.label!, maxShare: r.quota! })) };
  return result;
}

/** Where a broken rule across grades is shown: the row and column it names, with the settings form's words. */
function located(p: SettingsProblem, rows: readonly GradeRow[], sound: readonly GradeRow[], quotaRows: readonly GradeRow[]): [number, Field, string] {
  const message = t(p.key, { label: p.label ?? '' });
  const i = typeof p.path[1] === 'number' ? p.path[1] : 0;
  if (p.path[0] === 'quotas') return [quotaRows[i]!.row, 'quota', message];
  if (p.path.length === 1) return [rows[0]!.row, 'label', message];
  const row = sound[i]!;
  if (p.key === 'settings.grades.order') {
    const above = sound[i - 1]!;
    return [row.row, 'min', t('workbook.framework.grade.orderBelow', { message, label: above.label!, min: above.min! })];
  }
  if (p.key === 'settings.grades.duplicate') {
    const first = sound.find((r) => r.label === row.label)!;
    return [row.row, 'label', t('workbook.framework.grade.duplicateOf', { message, row: first.row })];
  }
  return [row.row, 'label', settingsProblemInWords(p)];
}
