/**
 * Reading and writing the app's Excel workbooks with exceljs: the helpers
 * every import shares (friendly errors, cell values as the user sees them,
 * header lookup) and the look of every template the app writes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { writeFileSafely } from './safe-write';
import { checkWorkbookFile } from './xlsx-guard';
import { stripWorkbookText } from './xlsx-text';
import { columnLetter, loadCheckedWorkbook, type CellProblem, type ImportWorkbook, type ImportCell, type ImportSheet } from './xlsx-sheet';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export { columnLetter, type CellProblem, type ImportCell, type ImportSheet, type ImportWorkbook };

/**
 * Reads a workbook to import, within the import limits (xlsx-guard.ts): a
 * file that passes one is refused with a message stating the limit, before
 * anything is parsed; what passes is read with bounded memory.
 */
export async function readWorkbook(file: string): Promise<ImportWorkbook> {
  const name = path.basename(file);
  if (!existsSync(file)) throw new AppError('io', t('import.error.unreadable', { file: name, reason: t('error.xlsx.fileMissing') }));
  const checked = await checkWorkbookFile(file, name);
  try {
    return await loadCheckedWorkbook(checked);
  } catch {
    throw new AppError('validation', t('import.error.notXlsx', { file: name }));
  }
}

export async function writeWorkbook(wb: Workbook, file: string): Promise<void> {
  stripWorkbookText(wb);
  // Whole or not at all (safe-write.ts): never half a workbook where the user's file was.
  await writeFileSafely(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * The value of a cell as a user would read it; formulas give their saved
 * result. What is not what it seems is noted on the workbook (and reported
 * with the import's errors): a cell in a merged range, a formula whose
 * result was never saved (files written by scripts: pandas, openpyxl), and an
 * error value (#DIV/0!) — read as blank, either would silently drop a value.
 */
export function cellValue(cell: ImportCell): string | number | boolean | Date | null {
  if (cell.sheet.mergeAt(cell.row, cell.col)) cell.sheet.workbook.note('merged', cell);
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (typeof result === 'string') return result.trim() === '' ? null : result.trim();
    if (typeof result === 'number' && Number.isFinite(result)) return result;
    if (typeof result === 'boolean' || result instanceof Date) return result;
    cell.sheet.workbook.note(cell.sheet.isErrorCell(cell.address) ? 'error' : 'formula', cell);
    return null;
  }
  if ('error' in v) {
    cell.sheet.workbook.note('error', cell, String(v.error));
    return null;
  }
  if ('text' in v) return String(v.text).trim() || null;
  return null;
}

/** ISO date of a date cell, as it would be read as text. */
export const dateText = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A cell as text. A date here (Excel turns “2026-01-02” or “1-2” typed in a
 * code column into one) would become a code nobody typed: noted, and refused.
 */
export function cellText(cell: ImportCell): string {
  const v = cellValue(cell);
  if (v === null) return '';
  if (v instanceof Date) {
    cell.sheet.workbook.note('date', cell, dateText(v));
    return dateText(v);
  }
  return String(v);
}

/**
 * A number cell, or a text cell that holds a number (WPS often stores numbers
 * as text). Returns undefined when the cell holds something else.
 */
export function cellNumber(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?\d+(\.\d+)?$/.test(v.replace(/,/g, ''))) return Number(v.replace(/,/g, ''));
  return undefined;
}

/** Header text without the `*` that marks required columns, and without spaces. */
export const normaliseHeader = (text: string) => text.replace(/[*＊\s]/g, '');

/** Finds each wanted header in row 1; returns field → column number (1-based). */
export function locateHeaders<F extends string>(
  sheet: ImportSheet,
  columns: readonly { field: F; header: string }[],
): Map<F, number> {
  const found = new Map<F, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = normaliseHeader(cellText(cell));
    const column = columns.find((c) => normaliseHeader(c.header) === text);
    if (column && !found.has(column.field)) found.set(column.field, col);
  });
  return found;
}

/**
 * Opens an import's sheet (by its name, else the first) and finds its headers;
 * refuses a file without a sheet or without a required column, naming the file
 * and the columns. Every period and framework workbook import starts here.
 */
export async function openImportSheet<F extends string>(
  file: string,
  sheetName: string,
  columns: readonly { field: F; header: string }[],
  required: readonly F[],
): Promise<{ name: string; workbook: ImportWorkbook; sheet: ImportSheet; columns: Map<F, number> }> {
  const name = path.basename(file);
  const workbook = await readWorkbook(file);
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('validation', t('import.error.noSheet', { file: name }));
  const found = locateHeaders(sheet, columns);
  const missing = required.filter((f) => !found.has(f)).map((f) => columns.find((c) => c.field === f)!.header.replace('*', ''));
  if (missing.length > 0) throw new AppError('validation', t('import.error.missingHeader', { file: name, header: missing.join('、') }));
  return { name, workbook, sheet, columns: found };
}

/**
 * One validation for a block of cells (e.g. `C2:C1000`), written as a single
 * range. Set cell by cell, exceljs 4.4 writes overlapping ranges (`C10:C1000`
 * and `C2:C1000`: its optimiser sorts addresses as text), which Excel reports
 * as damaged content and LibreOffice applies only in part (exceljs #2820).
 * Reading the file back still gives every cell its validation.
 */
export function addRangeValidation(sheet: Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  // Worksheet.dataValidations exists at run time but is missing from exceljs's type definitions.
  (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

/** A drop-down of the given labels (blank allowed), Excel's message when something else is typed. */
export const listValidation = (labels: readonly string[], error: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${labels.join(',')}"`],
  showErrorMessage: true,
  error,
});

/** A number between min and max (blank allowed), Excel's message when something else is typed. */
export const numberValidation = (min: number, max: number, error: string): ExcelJS.DataValidation => ({
  type: 'decimal',
  operator: 'between',
  formulae: [min, max],
  allowBlank: true,
  showErrorMessage: true,
  error,
});

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };

/** A data sheet with a styled, frozen header row: the layout of every template. */
export function addTemplateSheet(
  wb: Workbook,
  name: string,
  columns: readonly { header: string; width: number }[],
): Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true, name: t('workbook.headerFont'), size: 11 };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFC00000' } } };
  });
  return sheet;
}

/** A sheet of numbered instructions, so the template explains itself when printed. */
export function addHelpSheet(wb: Workbook, name: string, lines: string[]): Worksheet {
  const sheet = wb.addWorksheet(name);
  sheet.getColumn(1).width = 90;
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}

/**
 * Collects the located problems of an import: each as "第 N 行，X 列（列名）：原因",
 * with the column number kept for sorting.
 */
export function cellErrors<F extends string>(columns: Map<F, number>, headerOf: (field: F) => string) {
  const errors: { row: number; column: string; col: number; sheet?: string; message: string }[] = [];
  const add = (row: number, field: F, reason: string) => {
    const col = columns.get(field)!;
    const column = columnLetter(col);
    errors.push({ row, column, col, message: t('import.error.cell', { row, column, header: headerOf(field), reason }) });
  };
  return { errors, add };
}

/** One worksheet row read by field: its cells, their text and their numbers. */
export function readRow<F extends string>(sheet: ImportSheet, row: number, columns: Map<F, number>) {
  const cells = new Map<F, ImportCell>();
  for (const [field, col] of columns) cells.set(field, sheet.getRow(row).getCell(col));
  const text = (field: F) => {
    const cell = cells.get(field);
    return cell ? cellText(cell) : '';
  };
  const number = (field: F) => {
    const cell = cells.get(field);
    return cell ? cellNumber(cell) : null;
  };
  return { cells, text, number };
}

/**
 * The import's located errors with the workbook's cell problems (formulas
 * without a result, merged cells, dates as text) put first; an error of the
 * import's own at a cell that has such a problem gives way to it, since the
 * problem is its cause. `mainSheet` is the sheet errors without one are on.
 */
export function withCellProblems<E extends { row: number; column?: string; sheet?: string }>(
  wb: ImportWorkbook,
  errors: E[],
  mainSheet: string,
  toError: (problem: CellProblem) => E,
): void {
  const problems = wb.cellProblems();
  if (problems.length === 0) return;
  const kept = errors.filter((e) => e.column === undefined || !wb.covers(e.sheet ?? mainSheet, e.row, e.column));
  errors.splice(0, errors.length, ...problems.map(toError), ...kept);
}
