import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  BRANCH_TEMPLATE_COLUMNS,
  BranchFields,
  type BranchFieldsValue,
  type BranchImportPreview,
  type BranchImportResult,
  type BranchImportRow,
} from '../../shared/domain/branch';
import { t } from '../../shared/messages';
import { inTransaction, type Database } from '../db';
import { findBranchByCode, insertBranch, writeBranch } from './branches';
import { AppError } from '../errors';
import {
  addHelpSheet,
  addRangeValidation,
  addTemplateSheet,
  cellNumber,
  cellText,
  columnLetter,
  locateHeaders,
  readWorkbook,
  withCellProblems,
  writeWorkbook,
} from './xlsx';

type Field = (typeof BRANCH_TEMPLATE_COLUMNS)[number]['field'];
const REQUIRED: readonly Field[] = ['code', 'name'];

/** Writes the import template: the data sheet and a sheet of instructions. */
export async function writeBranchTemplate(file: string): Promise<{ path: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, t('template.sheet'), BRANCH_TEMPLATE_COLUMNS);
  const memberCol = BRANCH_TEMPLATE_COLUMNS.findIndex((c) => c.field === 'memberCount') + 1;
  // Excel/WPS refuse a non-integer member count while the user types it.
  addRangeValidation(sheet, `${columnLetter(memberCol)}2:${columnLetter(memberCol)}1000`, {
    type: 'whole',
    operator: 'between',
    formulae: [0, 10000],
    allowBlank: true,
    showErrorMessage: true,
    error: t('branch.memberCount.integer'),
  });
  addHelpSheet(wb, t('template.helpSheet'), [
    t('template.help.1'),
    t('template.help.2'),
    t('template.help.3'),
    t('template.help.4'),
    t('template.help.5'),
    t('template.help.category'),
  ]);
  await writeWorkbook(wb, file);
  return { path: file };
}

/** Reads a branches workbook and says what importing it would do, or every reason it cannot. */
export async function previewBranchImport(db: Database, file: string): Promise<BranchImportPreview> {
  const name = path.basename(file);
  const wb = await readWorkbook(file);
  const sheet = wb.getWorksheet(t('template.sheet')) ?? wb.worksheets[0];
  if (!sheet) throw new AppError('validation', t('import.error.noSheet', { file: name }));

  const columns = locateHeaders(sheet, BRANCH_TEMPLATE_COLUMNS);
  const missing = BRANCH_TEMPLATE_COLUMNS.filter((c) => REQUIRED.includes(c.field) && !columns.has(c.field));
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      t('import.error.missingHeader', { file: name, header: missing.map((c) => c.header.replace('*', '')).join('、') }),
    );
  }

  const errors: BranchImportPreview['errors'] = [];
  const rows: BranchImportRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  const headerOf = (field: Field) =>
    BRANCH_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');
  const cellError = (row: number, field: Field, reason: string) => {
    const column = columnLetter(columns.get(field)!);
    errors.push({ row, column, message: t('import.error.cell', { row, column, header: headerOf(field), reason }) });
  };

  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const raw: Partial<Record<Field, unknown>> = {};
    let empty = true;
    for (const [field, col] of columns) {
      const cell = row.getCell(col);
      const text = cellText(cell);
      if (text !== '') empty = false;
      if (field === 'memberCount') {
        const n = cellNumber(cell);
        raw.memberCount = n === undefined ? Number.NaN : n;
      } else {
        raw[field] = text;
      }
    }
    if (empty) continue; // blank rows between entries are common and harmless

    const parsed = BranchFields.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) cellError(r, issue.path[0] as Field, issue.message);
      continue;
    }
    const fields: BranchFieldsValue = parsed.data;
    const key = fields.code.toUpperCase();
    const first = firstRowOfCode.get(key);
    if (first !== undefined) {
      cellError(r, 'code', t('import.error.duplicateInFile', { code: fields.code, firstRow: first }));
      continue;
    }
    firstRowOfCode.set(key, r);
    const existing = findBranchByCode(db, fields.code);
    // A workbook made before 支部类别 existed has no such column: an existing branch keeps its category.
    if (existing && !columns.has('category')) fields.category = existing.category;
    rows.push({ ...fields, row: r, action: existing ? 'update' : 'create' });
  }
  withCellProblems(wb, errors, sheet.name, ({ row, column, message }) => ({ row, column, message }));
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('import.error.noRows', { file: name }));
  }
  return { file: name, rows, errors };
}

/** Imports every row, or nothing: any bad row refuses the whole file. */
export async function importBranches(db: Database, file: string, now: Date): Promise<BranchImportResult> {
  const preview = await previewBranchImport(db, file);
  if (preview.errors.length > 0) {
    throw new AppError(
      'validation',
      t('import.errorsFound', { file: preview.file, count: preview.errors.length }),
      preview.errors,
    );
  }
  let created = 0;
  let updated = 0;
  inTransaction(db, () => {
    for (const { row: _row, action: _action, ...fields } of preview.rows) {
      const existing = findBranchByCode(db, fields.code);
      if (existing) {
        writeBranch(db, existing.id, fields, now);
        updated++;
      } else {
        insertBranch(db, fields, now);
        created++;
      }
    }
  });
  return { file: preview.file, created, updated };
}
