/**
 * The 考核组核定 workbook (issue 11 §3): written prefilled with every branch ×
 * office-recorded leaf of a period and what is already recorded, so the
 * office types the value it found, one reason per line and the evidence it
 * rests on; read back all or nothing, every bad cell located. See
 * docs/user/workbooks.md “考核组核定表”.
 */
import ExcelJS from 'exceljs';
import { detailProblem, MIN_REASON_CHARS, parseEntry, type DetailProblem } from '../../shared/domain/entry';
import { describeEntry, entryHint, formatEntry } from '../../shared/domain/entry-text';
import { entryModeOf } from '../../shared/domain/framework';
import { ENTRY_MODE_LABELS } from '../../shared/domain/method-text';
import { evidenceRequired, type OfficeRecordRow } from '../../shared/domain/office';
import {
  OFFICE_SHEETS,
  OFFICE_TEMPLATE_COLUMNS,
  type OfficeColumnField,
  type OfficeImportPreview,
  type OfficeImportResult,
  type OfficeImportRow,
} from '../../shared/domain/office-workbook';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';
import type { ServiceContext } from './context';
import { checkOfficeRecord, listOfficeRecords, saveOfficeRecords } from './office';
import { branchesByCode, normaliseCode } from './period-data';
import { loadPeriodScope } from './period-scope';
import { assertPeriodEditable } from './periods';
import {
  addHelpSheet,
  addTemplateSheet,
  cellErrors,
  cellText,
  cellValue,
  columnLetter,
  dateText,
  openImportSheet,
  readRow,
  withCellProblems,
  writeWorkbook,
} from './xlsx';

type Field = OfficeColumnField;
const REQUIRED: readonly Field[] = ['branchCode', 'indicatorCode', 'value'];
/** The limits of OfficeRecordInput (shared/domain/office.ts), checked here so each is located in the file. */
const REASON_MAX = 200;
const REASONS_MAX = 50;
const EVIDENCE_MAX = 200;

const columnOf = (field: Field) => OFFICE_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => OFFICE_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

const HELP_LINES = [
  t('workbook.office.help.1'),
  t('workbook.office.help.2'),
  t('workbook.office.help.3', { min: MIN_REASON_CHARS, max: REASON_MAX }),
  t('workbook.office.help.4', { max: EVIDENCE_MAX }),
  t('workbook.office.help.5'),
  t('workbook.office.help.6'),
  t('workbook.office.help.7'),
  t('workbook.office.help.8'),
  t('workbook.office.help.9'),
  t('workbook.office.help.10'),
];

/** The reasons of one cell: one per line, blank lines dropped (Alt+Enter in Excel and WPS gives \n). */
const reasonsOf = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A date as people type it — 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日 — as YYYY-MM-DD; null when it is no real date. */
function isoDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.replace(/[\s\u3000]/g, ''));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return dateText(date);
}

/** Excel's day numbers of 1950–2149: a date cell that lost its date format (pasted, or typed into a text column). */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 91311;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The 依据日期 cell as YYYY-MM-DD, or undefined when it holds something else. */
function evidenceDateOf(v: string | number | boolean | Date): string | undefined {
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'number') return Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX ? dateText(new Date(EXCEL_EPOCH + v * 86_400_000)) : undefined;
  return typeof v === 'string' ? (isoDate(v) ?? undefined) : undefined;
}

/** Reasons that do not match the value (entry.ts's `detailProblem`), in this workbook's words. */
function detailInWords(p: DetailProblem, value: number): string {
  switch (p.kind) {
    case 'deduction':
      return t('workbook.office.detail.deduction', { value, need: p.need, have: p.have });
    case 'bonus':
      return t('workbook.office.detail.bonus', { value, need: p.need, have: p.have });
    case 'vetoMissing':
      return t('workbook.office.detail.vetoMissing');
    case 'vetoUnneeded':
      return t('workbook.office.detail.vetoUnneeded', { have: p.have });
    case 'tooShort':
      return t('scoring.reason.tooShort', { text: p.text });
  }
}

const sameRecord = (old: OfficeRecordRow, next: Pick<OfficeImportRow, 'value' | 'detail' | 'evidence' | 'evidenceDate'>) =>
  old.value === next.value &&
  JSON.stringify(old.detail) === JSON.stringify(next.detail) &&
  old.evidence === next.evidence &&
  old.evidenceDate === next.evidenceDate;

// ---------------------------------------------------------------- writing

/** Writes the workbook of a period, prefilled with every branch × office-recorded leaf and what is recorded. */
export async function writeOfficeTemplate(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const rows = listOfficeRecords(db, periodId);
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, OFFICE_SHEETS.data, OFFICE_TEMPLATE_COLUMNS);
  // Typed as text, so that indicator 1.10 stays 1.10 and branch codes keep their zeros.
  for (const field of ['branchCode', 'indicatorCode'] as const) sheet.getColumn(columnOf(field)).numFmt = '@';
  sheet.getColumn(columnOf('detail')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(columnOf('evidence')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' }; // the column styles above reach the header too
  rows.forEach((o, i) => {
    const values: Record<Field, string | number | null> = {
      branchCode: o.branchCode,
      branchName: o.branchName,
      indicatorCode: o.indicatorCode,
      indicatorName: o.indicatorName,
      method: entryHint(o.method, o.maxPoints),
      value: o.value === null ? null : formatEntry(o.method, o.value),
      detail: o.detail.length > 0 ? o.detail.join('\n') : null,
      evidence: o.evidence || null,
      evidenceDate: o.evidenceDate,
    };
    const row = sheet.getRow(i + 2);
    OFFICE_TEMPLATE_COLUMNS.forEach((c, col) => (row.getCell(col + 1).value = values[c.field]));
  });
  sheet.autoFilter = `A1:${columnLetter(OFFICE_TEMPLATE_COLUMNS.length)}1`;
  addHelpSheet(wb, OFFICE_SHEETS.help, HELP_LINES);
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}

// ---------------------------------------------------------------- reading

/** Reads a 考核组核定 workbook and says what importing it would store, or every reason it cannot. */
export async function previewOfficeImport(db: Database, periodId: number, file: string): Promise<OfficeImportPreview> {
  const scope = loadPeriodScope(db, periodId);
  assertPeriodEditable(scope.period);
  const { name, workbook: wb, sheet, columns } = await openImportSheet(file, OFFICE_SHEETS.data, OFFICE_TEMPLATE_COLUMNS, REQUIRED);

  // Every branch by code, so a branch outside the period is named as such rather than "not found".
  const branches = branchesByCode(db);
  const inScope = new Set(scope.branches.map((b) => b.id));
  const byCode = new Map(scope.indicators.map((i) => [i.code, i]));
  const leaves = new Map(scope.leaves.map((l) => [l.id, l]));
  const stored = new Map(listOfficeRecords(db, periodId).map((o) => [`${o.branchId}:${o.indicatorId}`, o]));

  const { errors, add: cellError } = cellErrors(columns, headerOf);
  const rows: OfficeImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  let skipped = 0;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const { cells, text } = readRow(sheet, r, columns);
    const valueCell = cells.get('value')!;
    const raw = cellValue(valueCell);
    const detail = reasonsOf(text('detail'));
    const evidence = text('evidence');
    const dateCell = cells.get('evidenceDate');
    const dateRaw = dateCell ? cellValue(dateCell) : null;
    if (raw === null) {
      // The prefilled rows nobody filled, and blank rows, are left as they are; reasons or evidence without a value are not.
      if (detail.length > 0 || evidence !== '' || dateRaw !== null) cellError(r, 'value', t('workbook.office.valueRequired'));
      else if ([...cells.values()].some((c) => cellText(c) !== '')) skipped++;
      continue;
    }
    const errorsBefore = errors.length;

    const branchCode = text('branchCode');
    const branch = branches.get(branchCode.toUpperCase());
    if (branchCode === '') cellError(r, 'branchCode', t('branch.code.required'));
    else if (!branch) cellError(r, 'branchCode', t('workbook.branchCodeUnknown', { code: branchCode }));
    else if (!inScope.has(branch.id)) cellError(r, 'branchCode', t('workbook.branchNotInPeriod', { branch: `${branch.code} ${branch.name}` }));

    const indicatorCode = normaliseCode(text('indicatorCode'));
    const indicator = byCode.get(indicatorCode);
    const leaf = indicator ? leaves.get(indicator.id) : undefined;
    const about = indicator ? `${indicator.code} ${indicator.name}` : '';
    if (indicatorCode === '') cellError(r, 'indicatorCode', t('workbook.indicatorCodeRequired'));
    else if (!indicator) cellError(r, 'indicatorCode', t('workbook.indicatorCodeUnknown', { code: indicatorCode }));
    else if (!leaf) {
      const mode = indicator.method ? null : t('workbook.office.mode.unset');
      cellError(r, 'indicatorCode', mode ? t('workbook.office.notOffice', { indicator: about, mode }) : t('workbook.office.notALeaf', { indicator: about }));
    } else if (entryModeOf(leaf.method) !== 'office') {
      const mode = entryModeOf(leaf.method);
      cellError(r, 'indicatorCode', t('workbook.office.notOffice', { indicator: about, mode: mode === 'data' ? t('workbook.office.mode.data') : ENTRY_MODE_LABELS[mode] }));
    }
    const officeLeaf = leaf && entryModeOf(leaf.method) === 'office' ? leaf : undefined;

    // The value, read as the score workbooks read a rater's cell (entry.ts), then its reasons and evidence.
    let value: number | null = null;
    if (raw instanceof Date) cellText(valueCell); // noted as a date where a value belongs, reported with the cell problems
    else if (officeLeaf) {
      const parsed = parseEntry(officeLeaf.method, officeLeaf.maxPoints, raw);
      if ('error' in parsed) cellError(r, 'value', parsed.error);
      else value = parsed.value;
    }
    if (detail.length > REASONS_MAX) cellError(r, 'detail', t('workbook.office.detail.tooMany', { max: REASONS_MAX, have: detail.length }));
    const long = detail.findIndex((d) => d.length > REASON_MAX);
    if (long >= 0) cellError(r, 'detail', t('workbook.office.detail.tooLong', { n: long + 1, max: REASON_MAX, length: detail[long]!.length }));
    else if (officeLeaf && value !== null) {
      const wrong = detailProblem(officeLeaf.method, value, detail);
      if (wrong) cellError(r, 'detail', detailInWords(wrong, value));
    }
    if (evidence.length > EVIDENCE_MAX) cellError(r, 'evidence', t('workbook.tooLong', { field: headerOf('evidence'), max: EVIDENCE_MAX, length: evidence.length }));
    else if (officeLeaf && value !== null && evidence === '' && evidenceRequired(officeLeaf.method, value)) {
      cellError(r, 'evidence', t('workbook.office.evidenceRequired', { value: describeEntry(officeLeaf.method, value) }));
    }
    const evidenceDate = dateRaw === null ? null : (evidenceDateOf(dateRaw) ?? null);
    if (dateRaw !== null && evidenceDate === null) cellError(r, 'evidenceDate', t('workbook.office.dateInvalid', { value: String(dateRaw) }));

    if (branch && indicator && inScope.has(branch.id)) {
      const key = `${branch.id}:${indicator.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) cellError(r, 'indicatorCode', t('workbook.office.duplicate', { branch: branch.code, indicator: indicator.code, row: first }));
      else firstRowOf.set(key, r);
    }
    if (errors.length > errorsBefore || value === null) continue;

    const next = { branchId: branch!.id, indicatorId: indicator!.id, value, detail, evidence, evidenceDate };
    // The service's own rule has the last word; what it refuses is shown on the value's cell.
    const refused = checkOfficeRecord(officeLeaf!, next);
    if (refused) {
      cellError(r, 'value', refused);
      continue;
    }
    const old = stored.get(`${branch!.id}:${indicator!.id}`);
    rows.push({
      row: r,
      ...next,
      branchCode: branch!.code,
      indicatorCode: indicator!.code,
      action: !old || old.value === null ? 'create' : sameRecord(old, next) ? 'unchanged' : 'update',
    });
  }
  withCellProblems(wb, errors, sheet.name, (p) => ({ row: p.row, column: p.column, col: p.col, message: p.message, ...(p.sheet === sheet.name ? {} : { sheet: p.sheet }) }));
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('error.office.noRows', { file: name }));
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return { file: name, rows, skipped, errors: errors.map(({ col: _col, ...e }) => e) };
}

/** Imports every filled row, or nothing (one transaction, in saveOfficeRecords); each change audited as an import. */
export async function importOffice(ctx: ServiceContext, periodId: number, file: string, reason?: string): Promise<OfficeImportResult> {
  const preview = await previewOfficeImport(ctx.db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const inputs = preview.rows.map(({ branchId, indicatorId, value, detail, evidence, evidenceDate }) => ({ branchId, indicatorId, value, detail, evidence, evidenceDate }));
  const result = saveOfficeRecords(ctx, periodId, inputs, {
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
    actorKind: 'import',
    actorName: t('workbook.importActor', { file: preview.file }),
  });
  return { file: preview.file, saved: result.saved, unchanged: result.unchanged, skipped: preview.skipped };
}
