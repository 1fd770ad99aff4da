/**
 * An imported workbook as the imports read it: the cell values of each sheet,
 * kept compactly (exceljs's full document model costs about 0.5 KB a cell),
 * read with exceljs's streaming reader from parts the guard has checked —
 * and what the cells turned out to be that is not what they seem: formulas
 * without a saved result, merged cells, dates where text belongs. Those are
 * noted as the import reads the cells, and reported together with the
 * import's own errors (xlsx.ts `cellValue`, `withCellProblems`).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { t } from '../../shared/messages';
import type { CheckedWorkbook, ScannedSheet } from './xlsx-guard';

export type CellData = ExcelJS.CellValue;

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export const columnLetter = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function decodeAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

interface Merge {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseMerge(ref: string): Merge | null {
  const [a, b = a] = ref.split(':');
  try {
    const from = decodeAddress(a!);
    const to = decodeAddress(b!);
    return { ref, top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
  } catch {
    return null;
  }
}

export class ImportCell {
  constructor(
    readonly sheet: ImportSheet,
    readonly row: number,
    readonly col: number,
    readonly value: CellData,
  ) {}

  get address(): string {
    return `${columnLetter(this.col)}${this.row}`;
  }
}

export class ImportRow {
  constructor(
    readonly sheet: ImportSheet,
    readonly number: number,
    private readonly values: readonly CellData[] | undefined,
  ) {}

  getCell(col: number): ImportCell {
    return new ImportCell(this.sheet, this.number, col, this.values?.[col] ?? null);
  }

  /** Each cell that holds something, left to right. */
  eachCell(visit: (cell: ImportCell, col: number) => void): void {
    this.values?.forEach((v, col) => {
      if (v !== null && v !== undefined) visit(new ImportCell(this.sheet, this.number, col, v), col);
    });
  }

  get hasValues(): boolean {
    return this.values?.some((v) => v !== null && v !== undefined) ?? false;
  }
}

export class ImportSheet {
  private readonly rows: (CellData[] | undefined)[] = [];
  private readonly merges: Merge[];
  private readonly mergesOfRow = new Map<number, Merge[]>();
  /** The highest row number in the sheet (as exceljs's rowCount). */
  rowCount = 0;

  readonly name: string;
  private readonly errorCells: ReadonlySet<string>;

  constructor(
    readonly workbook: ImportWorkbook,
    scanned: ScannedSheet,
  ) {
    this.name = scanned.name;
    this.merges = scanned.merges.map(parseMerge).filter((m): m is Merge => m !== null);
    this.errorCells = scanned.errorCells;
  }

  /** Whether the cell holds an error value (#DIV/0!, #N/A…), as the file says. */
  isErrorCell(address: string): boolean {
    return this.errorCells.has(address);
  }

  setRow(number: number, values: CellData[]): void {
    this.rows[number] = values;
    this.rowCount = Math.max(this.rowCount, number);
  }

  getRow(number: number): ImportRow {
    return new ImportRow(this, number, this.rows[number]);
  }

  getCell(address: string): ImportCell {
    const { row, col } = decodeAddress(address);
    return this.getRow(row).getCell(col);
  }

  /** Each row that holds something, top to bottom. */
  eachRow(visit: (row: ImportRow, number: number) => void): void {
    this.rows.forEach((_, r) => {
      const row = this.getRow(r);
      if (row.hasValues) visit(row, r);
    });
  }

  /** The merged range a cell belongs to, if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    if (this.merges.length === 0) return undefined;
    let ofRow = this.mergesOfRow.get(row);
    if (!ofRow) {
      ofRow = this.merges.filter((m) => m.top <= row && row <= m.bottom);
      this.mergesOfRow.set(row, ofRow);
    }
    return ofRow.find((m) => m.left <= col && col <= m.right);
  }
}

export type CellProblemKind = 'formula' | 'error' | 'merged' | 'date';

/** One kind of problem on one sheet, with the cells (or merged ranges) it was found in. */
interface ProblemGroup {
  kind: CellProblemKind;
  sheet: ImportSheet;
  first: { row: number; col: number };
  /** Address or range → an example value, in the order found. */
  places: Map<string, string>;
  merges: Merge[];
}

/** A workbook's problem cells, reported as one message per sheet and kind. */
export interface CellProblem {
  row: number;
  col: number;
  column: string;
  sheet: string;
  message: string;
}

const SHOWN_PLACES = 10;

const MESSAGE_OF = {
  formula: 'import.cell.formulaNoResult',
  error: 'import.cell.error',
  merged: 'import.cell.merged',
  date: 'import.cell.date',
} as const satisfies Record<CellProblemKind, string>;

export class ImportWorkbook {
  readonly worksheets: ImportSheet[] = [];
  private readonly groups = new Map<string, ProblemGroup>();
  private readonly noted = new Set<string>();

  getWorksheet(name: string): ImportSheet | undefined {
    return this.worksheets.find((s) => s.name === name);
  }

  /** Notes a cell that is not what it seems; `example` is what it would have been read as. */
  note(kind: CellProblemKind, cell: ImportCell, example = ''): void {
    const merge = kind === 'merged' ? cell.sheet.mergeAt(cell.row, cell.col) : undefined;
    const place = merge ? merge.ref : cell.address;
    const key = `${cell.sheet.name}\u0000${kind}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { kind, sheet: cell.sheet, first: { row: cell.row, col: cell.col }, places: new Map(), merges: [] };
      this.groups.set(key, group);
    }
    if (group.places.has(place)) return;
    group.places.set(place, example);
    if (merge) group.merges.push(merge);
    else this.noted.add(`${cell.sheet.name}\u0000${cell.address}`);
  }

  /** Whether a problem was noted at this cell, so the import's own error there can give way to it. */
  covers(sheet: string, row: number, column: string): boolean {
    if (this.noted.has(`${sheet}\u0000${column}${row}`)) return true;
    const col = columnNumber(column);
    return [...this.groups.values()].some(
      (g) => g.sheet.name === sheet && g.merges.some((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right),
    );
  }

  cellProblems(): CellProblem[] {
    return [...this.groups.values()].map((g) => {
      const places = [...g.places.keys()];
      const shown = places.slice(0, SHOWN_PLACES).join('、') + (places.length > SHOWN_PLACES ? t('import.cell.more', { count: places.length }) : '');
      const example = [...g.places.values()][0] ?? '';
      const message = t(MESSAGE_OF[g.kind], { sheet: g.sheet.name, cells: shown, example });
      return { row: g.first.row, col: g.first.col, column: columnLetter(g.first.col), sheet: g.sheet.name, message };
    });
  }
}

/** Where a buffer of UTF-8 can be cut without splitting a character: its length, or the start of an unfinished last character. */
function characterBoundary(buf: Buffer): number {
  let i = buf.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length > continuation + 1 ? i : buf.length;
}

/**
 * The chunks of a part re-cut at character boundaries. exceljs's streaming
 * reader decodes each inflated chunk (16 KB) as UTF-8 on its own, so a
 * Chinese character split across two chunks was read as two U+FFFD — about
 * one character per 16 KB of shared strings or sheet (exceljs #2063, #2084).
 */
export async function* wholeCharacters(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = characterBoundary(buf);
    carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry) yield carry;
}

/** The reader's two parsers of large parts (shared strings, sheets), handed whole characters. */
interface ReaderParts {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
}

function readWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const parts = reader as unknown as ReaderParts;
  const sharedStrings = parts._parseSharedStrings.bind(reader);
  const worksheet = parts._parseWorksheet.bind(reader);
  parts._parseSharedStrings = (entry) => sharedStrings(Readable.from(wholeCharacters(entry)));
  parts._parseWorksheet = (iterator, sheetNo) => worksheet(wholeCharacters(iterator), sheetNo);
}

interface StreamedSheet {
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

/**
 * Reads the checked parts with exceljs's streaming reader, keeping only the
 * values. Each sheet read is matched to the guard's by its name (the guard
 * hands them on in the order the reader emits them, the fallback).
 */
export async function loadCheckedWorkbook(checked: CheckedWorkbook): Promise<ImportWorkbook> {
  const wb = new ImportWorkbook();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(checked.stream(), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats: tells dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  readWholeCharacters(reader);
  let index = 0;
  for await (const streamed of reader as AsyncIterable<{ name?: string }>) {
    // By name where the reader knows it (it names each sheet from the workbook part), else by position.
    const position = index++;
    const about = checked.sheets.find((s) => s.name === streamed.name) ?? checked.sheets[position];
    if (!about) break;
    const sheet = new ImportSheet(wb, about);
    for await (const row of streamed as StreamedSheet) {
      const values: CellData[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col] = cell.value;
      });
      sheet.setRow(row.number, values);
    }
    wb.worksheets.push(sheet);
  }
  return wb;
}
