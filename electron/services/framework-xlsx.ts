/**
 * The framework workbook (指标体系): the template the app writes, exporting a
 * framework to it, and importing one — always as a NEW framework, all or
 * nothing. One row per indicator; the tree comes from the codes (1, 1.2,
 * 1.2.3: the parent is the code without its last segment), siblings keep the
 * order of the rows. See docs/user/workbooks.md “指标体系导入模板”.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  IndicatorFields,
  METHOD_KINDS,
  TAGS,
  type FrameworkDraft,
  type Indicator,
  type IndicatorDraft,
  type LeafMethod,
  type MethodKind,
  type Tag,
} from '../../shared/domain/framework';
import { childrenOf, validateFramework } from '../../shared/domain/framework-validate';
import {
  FRAMEWORK_SHEETS,
  FRAMEWORK_TEMPLATE_COLUMNS,
  type FrameworkColumnField,
  type FrameworkExportResult,
  type FrameworkImportIssue,
  type FrameworkImportPreview,
  type FrameworkImportResult,
  type FrameworkImportRow,
} from '../../shared/domain/framework-workbook';
import {
  METHOD_LABELS,
  METHOD_PARAM_EXAMPLES,
  TAG_LABELS,
  formatMethod,
  parseMethod,
  parseMethodLabel,
  parseTagLabel,
} from '../../shared/domain/method-text';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';
import { createFrameworkFromDraft, getFramework } from './frameworks';
import {
  addHelpSheet,
  addRangeValidation,
  addTemplateSheet,
  cellText,
  cellValue,
  columnLetter,
  locateHeaders,
  normaliseHeader,
  readWorkbook,
  withCellProblems,
  writeWorkbook,
  type ImportCell,
  type ImportWorkbook,
  type Workbook,
  type Worksheet,
} from './xlsx';

type Field = FrameworkColumnField;
const REQUIRED: readonly Field[] = ['code', 'name', 'tag', 'maxPoints'];
const NAME_MAX = 60;
const DESCRIPTION_MAX = 500;
/** Rows of the data sheet that get the drop-down lists (beyond the exported rows). */
const VALIDATED_ROWS = 1000;

const columnOf = (field: Field) => FRAMEWORK_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => FRAMEWORK_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

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
  t('workbook.framework.help.7.quantitative', { example: METHOD_PARAM_EXAMPLES.quantitative }),
  t('workbook.framework.help.7.veto', { example: METHOD_PARAM_EXAMPLES.veto }),
  t('workbook.framework.help.8'),
  t('workbook.framework.help.9'),
  t('workbook.framework.help.10'),
  t('workbook.framework.help.11'),
];

/** Labels of the 框架信息 sheet's rows: written by the template and the export, and looked for on import. */
const INFO_NAME = t('workbook.framework.info.name');
const INFO_DESCRIPTION = t('workbook.framework.info.description');

// ---------------------------------------------------------------- writing

/** The data sheet with its header, drop-down lists and text-formatted code column. */
function addDataSheet(wb: Workbook, rowsToValidate: number): Worksheet {
  const sheet = addTemplateSheet(wb, FRAMEWORK_SHEETS.data, FRAMEWORK_TEMPLATE_COLUMNS);
  // Typed as text, so that 1.10 stays 1.10 instead of becoming the number 1.1.
  sheet.getColumn(columnOf('code')).numFmt = '@';
  sheet.getColumn(columnOf('criteria')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(columnOf('evidence')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' }; // the column styles above reach the header too
  const list = (labels: string[], error: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${labels.join(',')}"`],
    showErrorMessage: true,
    error,
  });
  const tags = list(TAGS.map((k) => TAG_LABELS[k]), t('workbook.framework.validation.tag'));
  const methods = list(METHOD_KINDS.map((k) => METHOD_LABELS[k]), t('workbook.framework.validation.method'));
  const points: ExcelJS.DataValidation = {
    type: 'decimal',
    operator: 'between',
    formulae: [0, 1000],
    allowBlank: true,
    showErrorMessage: true,
    error: t('workbook.framework.validation.points'),
  };
  const rows = (field: Field) => `${columnLetter(columnOf(field))}2:${columnLetter(columnOf(field))}${rowsToValidate}`;
  addRangeValidation(sheet, rows('tag'), tags);
  addRangeValidation(sheet, rows('maxPoints'), points);
  addRangeValidation(sheet, rows('method'), methods);
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

/** Writes the empty template: the 指标体系 sheet, the instructions and the 框架信息 sheet. */
export async function writeFrameworkTemplate(file: string): Promise<{ path: string }> {
  const wb = newWorkbook();
  addDataSheet(wb, VALIDATED_ROWS);
  addHelpSheet(wb, FRAMEWORK_SHEETS.help, HELP_LINES);
  addInfoSheet(wb, [
    [INFO_NAME, ''],
    [INFO_DESCRIPTION, ''],
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
    const values: Record<Field, string | number> = {
      code: node.code,
      name: node.name,
      tag: TAG_LABELS[node.tag],
      maxPoints: node.maxPoints,
      method: method ? METHOD_LABELS[method.kind] : '',
      params: method ? formatMethod(method) : '',
      criteria: node.criteria,
      evidence: node.evidence,
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
  addHelpSheet(wb, FRAMEWORK_SHEETS.help, HELP_LINES);
  addInfoSheet(wb, [
    [INFO_NAME, framework.name],
    [INFO_DESCRIPTION, framework.description],
    [t('workbook.framework.info.version'), t('workbook.framework.info.versionValue', { version: framework.version })],
  ]);
  await writeWorkbook(wb, file);
  return { path: file, name: framework.name, version: framework.version, indicatorCount: ordered.length };
}

// ---------------------------------------------------------------- reading

interface ReadRow {
  row: number;
  /** A well-formed code, or null when the cell is empty or malformed. */
  code: string | null;
  codeIsNumber: boolean;
  name: string;
  tag: Tag | null;
  maxPoints: number | null;
  /** Whether the 评分方法 cell holds anything. */
  methodGiven: boolean;
  method: LeafMethod | null;
  criteria: string;
  evidence: string;
  bad: boolean;
}

const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

/** Codes as typed in WPS/Excel with a Chinese keyboard: １．２ → 1.2. */
const normaliseCode = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A number cell, or text holding a number (WPS often stores numbers as text), with or without 分. */
function pointsOf(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[,，\s]/g, '').replace(/分$/, '');
  return /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s) ? Number(s) : undefined;
}

/** Name and description from the 框架信息 sheet (rows labelled 名称 / 说明 in column A, value in B). */
function readInfo(wb: ImportWorkbook, file: string, errors: FrameworkImportPreview['errors']): { name: string; description: string } {
  const fallback = path.basename(file, path.extname(file)).trim().slice(0, NAME_MAX) || t('workbook.framework.defaultName');
  const sheet = wb.getWorksheet(FRAMEWORK_SHEETS.info);
  let name = '';
  let description = '';
  sheet?.eachRow((row, r) => {
    const label = normaliseHeader(cellText(row.getCell(1))).replace(/[:：]$/, '');
    const value = cellText(row.getCell(2));
    const tooLong = (what: string, max: number) =>
      errors.push({
        row: r,
        column: 'B',
        message: t('workbook.onSheet', {
          sheet: FRAMEWORK_SHEETS.info,
          message: t('import.error.cell', { row: r, column: 'B', header: what, reason: t('workbook.tooLong', { field: what, max, length: value.length }) }),
        }),
      });
    if (label === INFO_NAME && !name) {
      if (value.length > NAME_MAX) tooLong(INFO_NAME, NAME_MAX);
      else name = value;
    } else if (label === INFO_DESCRIPTION && !description) {
      if (value.length > DESCRIPTION_MAX) tooLong(INFO_DESCRIPTION, DESCRIPTION_MAX);
      else description = value;
    }
  });
  return { name: name || fallback, description };
}

/** Reads a framework workbook and says what importing it would create, or every reason it cannot. */
export async function previewFrameworkImport(file: string): Promise<FrameworkImportPreview> {
  const fileName = path.basename(file);
  const wb = await readWorkbook(file);
  const sheet = wb.getWorksheet(FRAMEWORK_SHEETS.data) ?? wb.worksheets[0];
  if (!sheet) throw new AppError('validation', t('import.error.noSheet', { file: fileName }));

  const columns = locateHeaders(sheet, FRAMEWORK_TEMPLATE_COLUMNS);
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw new AppError('validation', t('import.error.missingHeader', { file: fileName, header: missing.map(headerOf).join('、') }));
  }

  const cellErrors: { row: number; col: number; column: string; message: string }[] = [];
  const cellError = (row: ReadRow, field: Field, reason: string) => {
    const col = columns.get(field)!;
    const column = columnLetter(col);
    row.bad = true;
    cellErrors.push({ row: row.row, col, column, message: t('import.error.cell', { row: row.row, column, header: headerOf(field), reason }) });
  };
  const columnName = (field: Field) => (columns.has(field) ? t('workbook.framework.columnAt', { column: columnLetter(columns.get(field)!) }) : t('workbook.framework.columnNamed', { header: headerOf(field) }));

  // Pass 1: every cell on its own.
  const rows: ReadRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = new Map<Field, ImportCell>();
    let empty = true;
    for (const [field, col] of columns) {
      const cell = sheet.getRow(r).getCell(col);
      cells.set(field, cell);
      if (cellText(cell) !== '') empty = false;
    }
    if (empty) continue; // blank rows between indicators are common and harmless
    const text = (field: Field) => {
      const cell = cells.get(field);
      return cell ? cellText(cell) : '';
    };
    const row: ReadRow = {
      row: r,
      code: null,
      codeIsNumber: typeof cellValue(cells.get('code')!) === 'number',
      name: text('name'),
      tag: null,
      maxPoints: null,
      methodGiven: text('method') !== '',
      method: null,
      criteria: text('criteria'),
      evidence: text('evidence'),
      bad: false,
    };
    rows.push(row);

    const code = normaliseCode(text('code'));
    const codeCheck = IndicatorFields.shape.code.safeParse(code);
    if (codeCheck.success) row.code = codeCheck.data;
    else cellError(row, 'code', codeCheck.error.issues[0]!.message);

    const nameCheck = IndicatorFields.shape.name.safeParse(row.name);
    if (!nameCheck.success) cellError(row, 'name', nameCheck.error.issues[0]!.message);

    const tagText = text('tag');
    row.tag = parseTagLabel(tagText);
    if (tagText === '') cellError(row, 'tag', t('workbook.framework.tagRequired'));
    else if (!row.tag) cellError(row, 'tag', t('workbook.framework.tagInvalid', { value: tagText }));

    const points = pointsOf(cells.get('maxPoints')!);
    if (points === null) cellError(row, 'maxPoints', t('workbook.framework.pointsRequired'));
    else if (points === undefined) cellError(row, 'maxPoints', t('workbook.framework.pointsNotNumber', { value: text('maxPoints') }));
    else if (points < 0 || points > 1000) cellError(row, 'maxPoints', t('workbook.framework.pointsOutOfRange', { value: points }));
    else row.maxPoints = points;

    const methodText = text('method');
    const paramsText = text('params');
    let kind: MethodKind | null = null;
    if (methodText !== '') {
      kind = parseMethodLabel(methodText);
      if (!kind) {
        cellError(row, 'method', t('workbook.framework.methodInvalid', { methods: METHOD_KINDS.map((k) => `“${METHOD_LABELS[k]}”`).join(''), value: methodText }));
      }
    }
    if (kind) {
      const parsed = parseMethod(kind, paramsText);
      if ('error' in parsed) cellError(row, 'params', parsed.error);
      else row.method = parsed.method;
    } else if (methodText === '' && paramsText !== '') {
      cellError(row, 'params', t('workbook.framework.paramsWithoutMethod', { column: columnName('method') }));
    }

    if (row.criteria.length > 2000) cellError(row, 'criteria', t('workbook.tooLong', { field: headerOf('criteria'), max: 2000, length: row.criteria.length }));
    if (row.evidence.length > 1000) cellError(row, 'evidence', t('workbook.tooLong', { field: headerOf('evidence'), max: 1000, length: row.evidence.length }));
  }

  if (rows.length === 0 && wb.cellProblems().length === 0) {
    throw new AppError('validation', t('error.frameworkXlsx.noRows', { file: fileName }));
  }

  const infoErrors: FrameworkImportPreview['errors'] = [];
  const info = readInfo(wb, file, infoErrors);

  // Pass 2: codes against each other — duplicates, missing parents, methods on rows that have children.
  const rowOfCode = new Map<string, ReadRow>();
  for (const row of rows) {
    if (row.code === null) continue;
    const first = rowOfCode.get(row.code);
    if (first) {
      const hint = row.codeIsNumber ? t('workbook.framework.codeNumberHint') : '';
      cellError(row, 'code', t('workbook.framework.codeDuplicate', { code: row.code, row: first.row, hint }));
      continue;
    }
    rowOfCode.set(row.code, row);
  }
  const firstChild = new Map<string, ReadRow>();
  for (const row of rows) {
    if (row.code === null || rowOfCode.get(row.code) !== row) continue;
    const parent = parentCode(row.code);
    if (parent === null) continue;
    if (!rowOfCode.has(parent)) cellError(row, 'code', t('workbook.framework.parentMissing', { parent }));
    else if (!firstChild.has(parent)) firstChild.set(parent, row);
  }
  for (const row of rows) {
    const child = row.code === null ? undefined : firstChild.get(row.code);
    if (child && row.methodGiven && rowOfCode.get(row.code!) === row) {
      cellError(row, 'method', t('workbook.framework.methodOnParent', { code: row.code!, row: child.row, child: child.code! }));
    }
  }

  // The tree: rows without errors whose every ancestor is also without errors.
  const included = new Map<string, boolean>();
  const isIncluded = (row: ReadRow): boolean => {
    if (row.bad || row.code === null || rowOfCode.get(row.code) !== row) return false;
    const known = included.get(row.code);
    if (known !== undefined) return known;
    const parent = parentCode(row.code);
    const ok = parent === null || isIncluded(rowOfCode.get(parent)!);
    included.set(row.code, ok);
    return ok;
  };
  const kept = rows.filter(isIncluded);
  const childrenByParent = new Map<string | null, ReadRow[]>();
  for (const row of kept) {
    const parent = parentCode(row.code!);
    childrenByParent.set(parent, [...(childrenByParent.get(parent) ?? []), row]);
  }
  const fieldsOf = (row: ReadRow) => ({
    code: row.code!,
    name: row.name,
    criteria: row.criteria,
    evidence: row.evidence,
    tag: row.tag!,
    maxPoints: row.maxPoints!,
    method: row.method,
  });
  const toDraft = (row: ReadRow): IndicatorDraft => {
    const kids = childrenByParent.get(row.code!) ?? [];
    return { ...fieldsOf(row), ...(kids.length ? { children: kids.map(toDraft) } : {}) };
  };
  const indicators: Indicator[] = kept.map((row) => {
    const parent = parentCode(row.code!);
    return {
      ...fieldsOf(row),
      id: row.row,
      parentId: parent === null ? null : rowOfCode.get(parent)!.row,
      position: (childrenByParent.get(parent) ?? []).indexOf(row),
    };
  });

  // Structural issues; while cells are wrong, leave out those the wrong cells may cause.
  const tainted = rows.filter((r) => !kept.includes(r));
  const unlocated = tainted.some((r) => r.code === null);
  const affected = (code: string) => tainted.some((r) => r.code !== null && (r.code === code || r.code.startsWith(`${code}.`)));
  const errorCount = cellErrors.length; // the 框架信息 sheet has no bearing on the tree
  const issues: FrameworkImportIssue[] = (kept.length > 0 ? validateFramework(indicators) : [])
    .map((issue) => ({ ...issue, indicatorId: null, row: issue.indicatorId }))
    .filter((issue) => {
      if (errorCount === 0) return true;
      if (issue.code === null || affected(issue.code)) return false;
      // A row without a usable code may belong anywhere: then only a leaf's own method can be judged.
      return !unlocated || (!childrenByParent.has(issue.code) && (rowOfCode.get(issue.code)?.method ?? null) !== null);
    });

  withCellProblems(wb, cellErrors, sheet.name, ({ row, col, column, message }) => ({ row, col, column, message }));
  cellErrors.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    file: fileName,
    name: info.name,
    description: info.description,
    drafts: { name: info.name, description: info.description, indicators: (childrenByParent.get(null) ?? []).map(toDraft) },
    rows: kept.map(
      (row): FrameworkImportRow => ({ row: row.row, depth: row.code!.split('.').length, ...fieldsOf(row) }),
    ),
    errors: [...cellErrors.map(({ row, column, message }) => ({ row, column, message })), ...infoErrors],
    issues,
  };
}

/** The issue as the user reads it in a list of problems: with its row. */
const issueDetail = (issue: FrameworkImportIssue) => ({
  ...(issue.row === null ? {} : { row: issue.row }),
  message: issue.row === null ? issue.message : t('import.error.rowGeneric', { row: issue.row, reason: issue.message }),
});

/**
 * Creates a new framework from the workbook, or nothing: any bad cell, or any
 * structural error of the tree, refuses the whole file (warnings do not).
 */
export async function importFramework(
  db: Database,
  file: string,
  options: { name?: string | undefined },
  now: Date,
): Promise<FrameworkImportResult> {
  const preview = await previewFrameworkImport(file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const errors = preview.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new AppError(
      'validation',
      t('error.frameworkXlsx.errors', { file: preview.file, count: errors.length }),
      errors.map(issueDetail),
    );
  }
  const name = options.name?.trim() || preview.name;
  const draft: FrameworkDraft = { ...preview.drafts, name };
  const id = createFrameworkFromDraft(db, draft, now);
  return { id, name, indicatorCount: preview.rows.length, warnings: preview.issues.filter((i) => i.severity === 'warning') };
}
