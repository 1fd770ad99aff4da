/**
 * The business-data workbook (业务数据, 目标协同): written prefilled with every
 * branch × quantitative indicator of a period, so the business departments
 * only type numbers; read back all or nothing, every bad cell located. See
 * docs/user/workbooks.md “业务数据导入模板”.
 */
import ExcelJS from 'exceljs';
import {
  MEASUREMENT_SHEETS,
  MEASUREMENT_TEMPLATE_COLUMNS,
  doubtInWords,
  measurementDoubts,
  type MeasurementColumnField,
  type MeasurementImportPreview,
  type MeasurementImportResult,
  type MeasurementImportRow,
} from '../../shared/domain/measurements';
import { METHOD_LABELS } from '../../shared/domain/method-text';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { listMeasurements, saveMeasurements } from './entries';
import { AppError } from '../errors';
import { branchesByCode, normaliseCode } from './period-data';
import { loadPeriodScope } from './period-scope';
import { assertPeriodEditable } from './periods';
import {
  addHelpSheet,
  addRangeValidation,
  numberValidation,
  addTemplateSheet,
  cellErrors,
  cellText,
  columnLetter,
  openImportSheet,
  readRow,
  withCellProblems,
  writeWorkbook,
} from './xlsx';

type Field = MeasurementColumnField;
const REQUIRED: readonly Field[] = ['branchCode', 'indicatorCode', 'target'];
const SOURCE_MAX = 60;
const DIRECTION_LABELS = { higher: t('data.m.direction.higher'), lower: t('data.m.direction.lower') } as const;

const columnOf = (field: Field) => MEASUREMENT_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => MEASUREMENT_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

const HELP_LINES = [
  t('workbook.measurements.help.1'),
  t('workbook.measurements.help.2'),
  t('workbook.measurements.help.3'),
  t('workbook.measurements.help.4'),
  t('workbook.measurements.help.4.scale'),
  t('workbook.measurements.help.5', { max: SOURCE_MAX }),
  t('workbook.measurements.help.6'),
  t('workbook.measurements.help.7'),
  t('workbook.measurements.help.8'),
  t('workbook.measurements.help.9'),
];

/** Writes the template of a period, prefilled with every branch × quantitative leaf and what is already stored. */
export async function writeMeasurementTemplate(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const rows = listMeasurements(db, periodId);
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, MEASUREMENT_SHEETS.data, MEASUREMENT_TEMPLATE_COLUMNS);
  // Typed as text, so that indicator 1.10 stays 1.10 and branch codes keep their zeros.
  sheet.getColumn(columnOf('branchCode')).numFmt = '@';
  sheet.getColumn(columnOf('indicatorCode')).numFmt = '@';
  rows.forEach((m, i) => {
    const values: Record<Field, string | number | null> = {
      branchCode: m.branchCode,
      branchName: m.branchName,
      indicatorCode: m.indicatorCode,
      indicatorName: m.indicatorName,
      direction: DIRECTION_LABELS[m.direction],
      target: m.target,
      actual: m.actual,
      floor: m.floor,
      source: m.source || null,
    };
    const row = sheet.getRow(i + 2);
    MEASUREMENT_TEMPLATE_COLUMNS.forEach((c, col) => (row.getCell(col + 1).value = values[c.field]));
  });
  const last = Math.max(1000, rows.length + 200);
  for (const field of ['target', 'actual', 'floor'] as const) {
    const col = columnLetter(columnOf(field));
    addRangeValidation(sheet, `${col}2:${col}${last}`, numberValidation(-1e12, 1e12, t('workbook.measurements.validation.number', { header: headerOf(field) })));
  }
  sheet.autoFilter = `A1:${columnLetter(MEASUREMENT_TEMPLATE_COLUMNS.length)}1`;
  addHelpSheet(wb, MEASUREMENT_SHEETS.help, HELP_LINES);
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}

/** Reads a business-data workbook and says what importing it would store, or every reason it cannot. */
export async function previewMeasurementImport(db: Database, periodId: number, file: string): Promise<MeasurementImportPreview> {
  const scope = loadPeriodScope(db, periodId);
  assertPeriodEditable(scope.period);
  const { name, workbook: wb, sheet, columns } = await openImportSheet(file, MEASUREMENT_SHEETS.data, MEASUREMENT_TEMPLATE_COLUMNS, REQUIRED);

  // Every branch by code, so a branch outside the period is named as such rather than "not found".
  const branches = branchesByCode(db);
  const inScope = new Set(scope.branches.map((b) => b.id));
  const byCode = new Map(scope.indicators.map((i) => [i.code, i]));
  const leafIds = new Set(scope.leaves.map((l) => l.id));
  const stored = new Map(
    db
      .prepare<[number], { branch_id: number; indicator_id: number; target: number; actual: number | null; floor: number | null; source: string }>(
        'SELECT branch_id, indicator_id, target, actual, floor, source FROM measurement WHERE period_id = ?',
      )
      .all(periodId)
      .map((m) => [`${m.branch_id}:${m.indicator_id}`, m]),
  );

  const { errors, add: cellError } = cellErrors(columns, headerOf);
  const rows: MeasurementImportRow[] = [];
  // Figures that may be stored but look wrong, located like errors.
  const { errors: doubts, add: cellDoubt } = cellErrors(columns, headerOf);
  const firstRowOf = new Map<string, number>();
  let skipped = 0;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const { cells, text, number } = readRow(sheet, r, columns);
    const target = number('target');
    const actual = number('actual');
    const floor = number('floor');
    if (target === null && actual === null && floor === null) {
      if ([...cells.values()].some((c) => cellText(c) !== '')) skipped++;
      continue; // nothing to store: the prefilled rows nobody filled, and blank rows
    }
    const errorsBefore = errors.length;

    const branchCode = text('branchCode');
    const branch = branches.get(branchCode.toUpperCase());
    if (branchCode === '') cellError(r, 'branchCode', t('branch.code.required'));
    else if (!branch) cellError(r, 'branchCode', t('workbook.branchCodeUnknown', { code: branchCode }));
    else if (!inScope.has(branch.id)) cellError(r, 'branchCode', t('workbook.branchNotInPeriod', { branch: `${branch.code} ${branch.name}` }));

    const indicatorCode = normaliseCode(text('indicatorCode'));
    const indicator = byCode.get(indicatorCode);
    let direction: 'higher' | 'lower' | null = null;
    if (indicatorCode === '') cellError(r, 'indicatorCode', t('workbook.indicatorCodeRequired'));
    else if (!indicator) cellError(r, 'indicatorCode', t('workbook.indicatorCodeUnknown', { code: indicatorCode }));
    else if (!leafIds.has(indicator.id)) cellError(r, 'indicatorCode', t('workbook.measurements.notALeaf', { indicator: `${indicator.code} ${indicator.name}` }));
    else if (indicator.method?.kind !== 'quantitative') {
      const method = indicator.method ? METHOD_LABELS[indicator.method.kind] : t('workbook.measurements.methodUnset');
      cellError(r, 'indicatorCode', t('workbook.measurements.notQuantitative', { indicator: `${indicator.code} ${indicator.name}`, method }));
    } else direction = indicator.method.direction;

    const notANumber = (field: 'target' | 'actual' | 'floor') => cellError(r, field, t('workbook.measurements.notANumber', { header: headerOf(field), value: text(field) }));
    if (target === null) cellError(r, 'target', t('workbook.measurements.targetRequired'));
    else if (target === undefined) notANumber('target');
    if (actual === undefined) notANumber('actual');
    if (floor === undefined) notANumber('floor');
    if (direction && typeof target === 'number' && typeof floor === 'number') {
      if (direction === 'higher' && floor > target) cellError(r, 'floor', t('workbook.measurements.floorAboveTarget', { target, floor }));
      if (direction === 'lower' && floor < target) cellError(r, 'floor', t('workbook.measurements.floorBelowTarget', { target, floor }));
    }
    const source = text('source');
    if (source.length > SOURCE_MAX) cellError(r, 'source', t('workbook.tooLong', { field: headerOf('source'), max: SOURCE_MAX, length: source.length }));

    if (branch && indicator && inScope.has(branch.id)) {
      const key = `${branch.id}:${indicator.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) cellError(r, 'indicatorCode', t('workbook.measurements.duplicate', { branch: branch.code, indicator: indicator.code, row: first }));
      else firstRowOf.set(key, r);
    }
    if (errors.length > errorsBefore) continue;

    const old = stored.get(`${branch!.id}:${indicator!.id}`);
    const next = { target: target as number, actual: actual ?? null, floor: floor ?? null, source };
    for (const doubt of measurementDoubts(indicator!.name, next.target, next.actual)) {
      cellDoubt(r, doubt.kind === 'farFromTarget' ? 'actual' : doubt.field, doubtInWords(indicator!.name, doubt));
    }
    rows.push({
      row: r,
      branchId: branch!.id,
      branchCode: branch!.code,
      indicatorId: indicator!.id,
      indicatorCode: indicator!.code,
      ...next,
      action: !old
        ? 'create'
        : old.target === next.target && old.actual === next.actual && old.floor === next.floor && old.source === next.source
          ? 'unchanged'
          : 'update',
    });
  }
  withCellProblems(wb, errors, sheet.name, (p) => ({ row: p.row, column: p.column, col: p.col, message: p.message, ...(p.sheet === sheet.name ? {} : { sheet: p.sheet }) }));
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('error.measurements.noRows', { file: name }));
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return { file: name, rows, skipped, errors: errors.map(({ col: _col, ...e }) => e), warnings: doubts.map(({ col: _col, ...e }) => e) };
}

/** Imports every filled row, or nothing; each change is audited as “导入（文件名）”. */
export async function importMeasurements(db: Database, periodId: number, file: string, now: Date): Promise<MeasurementImportResult> {
  const preview = await previewMeasurementImport(db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const result = saveMeasurements(db, periodId, preview.rows, { now, actor: { kind: 'import', name: t('workbook.importActor', { file: preview.file }) } });
  return { file: preview.file, ...result, skipped: preview.skipped };
}
