/**
 * The business-data workbook (业务数据, 目标协同): written prefilled with every
 * branch × quantitative indicator of a period, so the business departments
 * only type numbers; read back all or nothing, every bad cell located. See
 * docs/user/workbooks.md “业务数据导入模板”.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  MEASUREMENT_SHEETS,
  MEASUREMENT_TEMPLATE_COLUMNS,
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
import { getIndicators } from './frameworks';
import { branchesByCode, leavesInOrder, normaliseCode } from './period-data';
import { assertPeriodEditable, getPeriod, periodBranchIds } from './periods';
import {
  addHelpSheet,
  addRangeValidation,
  addTemplateSheet,
  cellErrors,
  cellText,
  columnLetter,
  locateHeaders,
  readRow,
  readWorkbook,
  withCellProblems,
  writeWorkbook,
} from './xlsx';

type Field = MeasurementColumnField;
const REQUIRED: readonly Field[] = ['branchCode', 'indicatorCode', 'target'];
const SOURCE_MAX = 60;
const DIRECTION_LABELS = { higher: '越高越好', lower: '越低越好' } as const;

const columnOf = (field: Field) => MEASUREMENT_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => MEASUREMENT_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

const HELP_LINES = [
  '1. 本表由融评按考核周期写出：每个参加考核的党支部 × 每个定量指标占一行，支部编码、支部名称、指标编码、指标名称和方向已经填好，请不要修改。',
  '2. 目标值：本支部本周期的目标（如产量、完成率、能耗），必须填写数字。',
  '3. 实际值：实际完成的数字；还没有数据的可以先空着，融评按“缺少业务数据”处理，不会按 0 分计算。',
  '4. 零分线：得 0 分的那个数。越高越好的指标，零分线应不高于目标值；越低越好的指标（成本、能耗、事故），零分线应不低于目标值。空着则按指标体系中的“零分线”倍数计算（目标值 × 倍数）。',
  '   完成目标值得满分，降到零分线得 0 分，中间按比例得分；超额完成的加分按指标体系的规定。',
  `5. 数据来源部门：提供数据的部门，如“生产经营计划部”，最多 ${SOURCE_MAX} 个字。`,
  '6. 目标值、实际值、零分线都空着的行不导入，已有的数据保持不变。数字可以带千分位逗号；请不要填写公式以外的文字。',
  '7. 导入时先检查整个文件：支部编码不存在或不在本周期、指标编码不是定量指标、数字格式不对、零分线在目标值的错误一侧、同一支部同一指标出现两次——任何一处有错误时整个文件都不会导入，融评会列出每一处错误的行号和列。',
  '8. 每一处修改都记入操作记录（原值 → 新值）。已定稿的考核周期不能导入。',
  '9. 请不要修改第一行表头。',
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
    addRangeValidation(sheet, `${col}2:${col}${last}`, {
      type: 'decimal',
      operator: 'between',
      formulae: [-1e12, 1e12],
      allowBlank: true,
      showErrorMessage: true,
      error: `${headerOf(field)}请填写数字`,
    });
  }
  sheet.autoFilter = `A1:${columnLetter(MEASUREMENT_TEMPLATE_COLUMNS.length)}1`;
  addHelpSheet(wb, MEASUREMENT_SHEETS.help, HELP_LINES);
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}

/** Reads a business-data workbook and says what importing it would store, or every reason it cannot. */
export async function previewMeasurementImport(db: Database, periodId: number, file: string): Promise<MeasurementImportPreview> {
  const name = path.basename(file);
  const period = getPeriod(db, periodId);
  assertPeriodEditable(period);
  const wb = await readWorkbook(file);
  const sheet = wb.getWorksheet(MEASUREMENT_SHEETS.data) ?? wb.worksheets[0];
  if (!sheet) throw new AppError('validation', t('import.error.noSheet', { file: name }));
  const columns = locateHeaders(sheet, MEASUREMENT_TEMPLATE_COLUMNS);
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new AppError('validation', t('import.error.missingHeader', { file: name, header: missing.map(headerOf).join('、') }));
  }

  const branches = branchesByCode(db);
  const inScope = new Set(periodBranchIds(db, periodId));
  const indicators = getIndicators(db, period.frameworkId);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const leafIds = new Set(leavesInOrder(indicators).map((l) => l.id));
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
    if (branchCode === '') cellError(r, 'branchCode', '支部编码不能为空');
    else if (!branch) cellError(r, 'branchCode', `找不到支部编码“${branchCode}”`);
    else if (!inScope.has(branch.id)) cellError(r, 'branchCode', `党支部“${branch.code} ${branch.name}”不在本周期的考核范围内`);

    const indicatorCode = normaliseCode(text('indicatorCode'));
    const indicator = byCode.get(indicatorCode);
    let direction: 'higher' | 'lower' | null = null;
    if (indicatorCode === '') cellError(r, 'indicatorCode', '指标编码不能为空');
    else if (!indicator) cellError(r, 'indicatorCode', `本周期的指标体系中没有编码为“${indicatorCode}”的指标`);
    else if (!leafIds.has(indicator.id)) cellError(r, 'indicatorCode', `“${indicator.code} ${indicator.name}”下面还有下级指标，请填写末级的定量指标`);
    else if (indicator.method?.kind !== 'quantitative') {
      cellError(r, 'indicatorCode', `“${indicator.code} ${indicator.name}”的评分方法是${indicator.method ? METHOD_LABELS[indicator.method.kind] : '（未设置）'}，不是定量指标；业务数据只填定量指标`);
    } else direction = indicator.method.direction;

    if (target === null) cellError(r, 'target', '目标值不能为空');
    else if (target === undefined) cellError(r, 'target', `目标值应为数字，现为“${text('target')}”`);
    if (actual === undefined) cellError(r, 'actual', `实际值应为数字，现为“${text('actual')}”`);
    if (floor === undefined) cellError(r, 'floor', `零分线应为数字，现为“${text('floor')}”`);
    if (direction && typeof target === 'number' && typeof floor === 'number') {
      if (direction === 'higher' && floor > target) cellError(r, 'floor', `越高越好的指标，零分线应不高于目标值 ${target}，现为 ${floor}`);
      if (direction === 'lower' && floor < target) cellError(r, 'floor', `越低越好的指标，零分线应不低于目标值 ${target}，现为 ${floor}`);
    }
    const source = text('source');
    if (source.length > SOURCE_MAX) cellError(r, 'source', `数据来源部门最多 ${SOURCE_MAX} 个字，现有 ${source.length} 个字`);

    if (branch && indicator && inScope.has(branch.id)) {
      const key = `${branch.id}:${indicator.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) cellError(r, 'indicatorCode', `“${branch.code}”的指标“${indicator.code}”在第 ${first} 行已出现过`);
      else firstRowOf.set(key, r);
    }
    if (errors.length > errorsBefore) continue;

    const old = stored.get(`${branch!.id}:${indicator!.id}`);
    const next = { target: target as number, actual: actual ?? null, floor: floor ?? null, source };
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
  return { file: name, rows, skipped, errors: errors.map(({ col: _col, ...e }) => e) };
}

/** Imports every filled row, or nothing; each change is audited as “导入（文件名）”. */
export async function importMeasurements(db: Database, periodId: number, file: string, now: Date): Promise<MeasurementImportResult> {
  const preview = await previewMeasurementImport(db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const result = saveMeasurements(db, periodId, preview.rows, { now, actor: { kind: 'import', name: `导入（${preview.file}）` } });
  return { file: preview.file, ...result, skipped: preview.skipped };
}
