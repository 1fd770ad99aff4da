/**
 * Reading and writing the app's Excel workbooks with exceljs: the helpers
 * every import shares (friendly errors, cell values as the user sees them,
 * header lookup) and the look of every template the app writes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { t } from '../../shared/messages';
import { AppError } from './errors';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

export async function readWorkbook(file: string): Promise<Workbook> {
  const name = path.basename(file);
  if (!existsSync(file)) throw new AppError('io', t('import.error.unreadable', { file: name, reason: '文件不存在' }));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new AppError('validation', t('import.error.notXlsx', { file: name }));
  }
  return wb;
}

export async function writeWorkbook(wb: Workbook, file: string): Promise<void> {
  try {
    await wb.xlsx.writeFile(file);
  } catch (e) {
    throw new AppError('io', t('error.io', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** The value of a cell as a user would read it; formulas give their cached result. */
export function cellValue(cell: Cell): string | number | boolean | Date | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return typeof result === 'string' || typeof result === 'number' ? result : null;
  }
  if ('text' in v) return String(v.text).trim() || null;
  return null;
}

export function cellText(cell: Cell): string {
  const v = cellValue(cell);
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A number cell, or a text cell that holds a number (WPS often stores numbers
 * as text). Returns undefined when the cell holds something else.
 */
export function cellNumber(cell: Cell): number | null | undefined {
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
  sheet: Worksheet,
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

export const columnLetter = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

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
  header.font = { bold: true, name: '宋体', size: 11 };
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
  const errors: { row: number; column: string; col: number; message: string }[] = [];
  const add = (row: number, field: F, reason: string) => {
    const col = columns.get(field)!;
    const column = columnLetter(col);
    errors.push({ row, column, col, message: t('import.error.cell', { row, column, header: headerOf(field), reason }) });
  };
  return { errors, add };
}

/** One worksheet row read by field: its cells, their text and their numbers. */
export function readRow<F extends string>(sheet: Worksheet, row: number, columns: Map<F, number>) {
  const cells = new Map<F, Cell>();
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
