/**
 * The 考核组核定 workbook (issue 11 §3): written prefilled with every branch ×
 * office-recorded leaf of a period and what is already recorded, so the
 * office types the value it found, one reason per line and the evidence it
 * rests on; read back all or nothing, every bad cell located. A 细则 leaf
 * (issue 11 §1) takes one row per finding — 细则序号, 次数, 每次分值, 原因 —
 * the rows of one branch × leaf making one record, with a 细则 sheet listing
 * each leaf's rules to look them up. See docs/user/workbooks.md “考核组核定表”.
 */
import ExcelJS from 'exceljs';
import { detailProblem, MAX_COUNT, MIN_REASON_CHARS, parseEntry, reasonTooShort, type DetailProblem } from '../../shared/domain/entry';
import { describeEntry, entryHint, formatEntry, num } from '../../shared/domain/entry-text';
import { defaultAmount, findingsTotal, MAX_FINDINGS, ruleAmountInWords, ruleNumber, type Finding } from '../../shared/domain/findings';
import { dataTriggerOf, entryModeOf, type LeafMethod } from '../../shared/domain/framework';
import { ENTRY_MODE_LABELS } from '../../shared/domain/method-text';
import { evidenceRequired, type OfficeRecordRow } from '../../shared/domain/office';
import {
  OFFICE_RULE_COLUMNS,
  OFFICE_SHEETS,
  OFFICE_TEMPLATE_COLUMNS,
  officeColumns,
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
import { checkOfficeRecord, listOfficeRecords, officeLeaves, saveOfficeRecords } from './office';
import { branchesByCode, normaliseCode, type Leaf } from './period-data';
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
  type ImportCell,
} from './xlsx';

type Field = OfficeColumnField;
type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;
const REQUIRED: readonly Field[] = ['branchCode', 'indicatorCode', 'value'];
/** The limits of OfficeRecordInput (shared/domain/office.ts), checked here so each is located in the file. */
const REASON_MAX = 200;
const REASONS_MAX = 50;
const EVIDENCE_MAX = 200;

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
/** How 细则 leaves are filled in: only in the workbooks of periods that have them. */
const RULES_HELP_LINES = [
  t('workbook.office.help.rules.1', { sheet: OFFICE_SHEETS.rules }),
  t('workbook.office.help.rules.2'),
  t('workbook.office.help.rules.3'),
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

const sameRecord = (old: OfficeRecordRow, next: Pick<OfficeImportRow, 'value' | 'detail' | 'findings' | 'evidence' | 'evidenceDate'>) =>
  old.value === next.value &&
  JSON.stringify(old.detail) === JSON.stringify(next.detail) &&
  JSON.stringify(old.findings) === JSON.stringify(next.findings) &&
  old.evidence === next.evidence &&
  old.evidenceDate === next.evidenceDate;

/**
 * The 细则序号 as typed: 2, “2”, “第2条”, or the number printed beside a rule (②, (21)); undefined when it is
 * none of these. 1-based, as the 细则 sheet lists them.
 */
function ruleNumberOf(v: string | number | boolean | Date): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const text = v.replace(/[\s\u3000]/g, '').replace(/^第/, '').replace(/条$/, '');
  if (/^\d+$/.test(text)) return Number(text);
  const circled = text.length === 1 ? text.charCodeAt(0) - 0x2460 : -1;
  if (circled >= 0 && circled < 20) return circled + 1;
  const bracketed = /^[（(](\d+)[）)]$/.exec(text);
  return bracketed ? Number(bracketed[1]) : undefined;
}

/** A rule as the messages name it: ②“会议记录不规范”. */
const ruleName = (method: RulesMethod, index: number) => `${ruleNumber(index)}“${method.rules[index]!.text}”`;

// ---------------------------------------------------------------- writing

/** Writes the workbook of a period, prefilled with every branch × office-recorded leaf and what is recorded. */
export async function writeOfficeTemplate(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const rows = listOfficeRecords(db, periodId);
  const rulesLeaves = officeLeaves(loadPeriodScope(db, periodId)).filter((l): l is Leaf & { method: RulesMethod } => l.method.kind === 'rules');
  const columns = officeColumns(rulesLeaves.length > 0);
  const columnOf = (field: Field) => columns.findIndex((c) => c.field === field) + 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, OFFICE_SHEETS.data, columns);
  // Typed as text, so that indicator 1.10 stays 1.10 and branch codes keep their zeros.
  for (const field of ['branchCode', 'indicatorCode'] as const) sheet.getColumn(columnOf(field)).numFmt = '@';
  sheet.getColumn(columnOf('detail')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(columnOf('evidence')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' }; // the column styles above reach the header too
  let next = 2;
  for (const o of rows) {
    const record: Partial<Record<Field, string | number | null>> = {
      branchCode: o.branchCode,
      branchName: o.branchName,
      indicatorCode: o.indicatorCode,
      indicatorName: o.indicatorName,
      method: entryHint(o.method, o.maxPoints),
      evidence: o.evidence || null,
      evidenceDate: o.evidenceDate,
    };
    const method = o.method;
    // A 细则 leaf's findings one row each (the value is their total, computed on import); anything else one row.
    const lines: Partial<Record<Field, string | number | null>>[] =
      method.kind === 'rules' && o.findings.length > 0
        ? o.findings.map((f, i) => {
            const rule = method.rules[f.rule];
            // The amount only where the rule leaves it open: a fixed rule's amount follows the 细则序号 if it is changed.
            const amount = rule && defaultAmount(rule) === f.amount ? null : f.amount;
            return { rule: f.rule + 1, count: f.count, amount, detail: o.detail[i] ?? null };
          })
        : [{ value: o.value === null ? null : formatEntry(o.method, o.value), detail: o.detail.length > 0 ? o.detail.join('\n') : null }];
    for (const line of lines) {
      const values = { ...record, ...line };
      const row = sheet.getRow(next++);
      columns.forEach((c, col) => (row.getCell(col + 1).value = values[c.field] ?? null));
    }
  }
  sheet.autoFilter = `A1:${columnLetter(columns.length)}1`;
  if (rulesLeaves.length > 0) {
    const reference = addTemplateSheet(wb, OFFICE_SHEETS.rules, OFFICE_RULE_COLUMNS);
    reference.getColumn(1).numFmt = '@';
    reference.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
    for (const leaf of rulesLeaves) {
      leaf.method.rules.forEach((rule, i) => reference.addRow([leaf.code, leaf.name, i + 1, rule.text, ruleAmountInWords(rule, leaf.method.effect)]));
    }
  }
  addHelpSheet(wb, OFFICE_SHEETS.help, rulesLeaves.length > 0 ? [...HELP_LINES, ...RULES_HELP_LINES] : HELP_LINES);
  await writeWorkbook(wb, file);
  return { path: file, rows: next - 2 };
}

// ---------------------------------------------------------------- reading

/** The rows of one branch × 细则 leaf read so far: one record, stored when every row of it is right. */
interface RulesRecord {
  first: number;
  branch: { id: number; code: string };
  leaf: Leaf & { method: RulesMethod };
  findings: Finding[];
  detail: string[];
  /** The row that says “checked, nothing found” (细则序号 empty, 核定值 0). */
  noneRow: number | null;
  evidence: { text: string; row: number } | null;
  evidenceDate: { date: string; row: number } | null;
  /** A row of it has an error (already reported): the record is not stored. */
  bad: boolean;
}

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

  const { errors, add } = cellErrors(columns, headerOf);
  // A problem of an optional column the file does not have (an older template) is shown on the value's cell.
  const cellError = (row: number, field: Field, reason: string) => add(row, columns.has(field) ? field : 'value', reason);
  const rows: OfficeImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  const rulesRecords = new Map<string, RulesRecord>();
  let skipped = 0;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const { cells, text } = readRow(sheet, r, columns);
    const valueCell = cells.get('value')!;
    const raw = cellValue(valueCell);
    const optional = (field: 'rule' | 'count' | 'amount') => {
      const cell = cells.get(field);
      return cell ? cellValue(cell) : null;
    };
    const [ruleRaw, countRaw, amountRaw] = [optional('rule'), optional('count'), optional('amount')];
    const findingCells = ruleRaw !== null || countRaw !== null || amountRaw !== null;
    const detail = reasonsOf(text('detail'));
    const evidence = text('evidence');
    const dateCell = cells.get('evidenceDate');
    const dateRaw = dateCell ? cellValue(dateCell) : null;
    const indicatorCode = normaliseCode(text('indicatorCode'));
    const indicator = byCode.get(indicatorCode);
    const leaf = indicator ? leaves.get(indicator.id) : undefined;
    if (raw === null && !findingCells) {
      // The prefilled rows nobody filled, and blank rows, are left as they are; reasons or evidence without a value are not.
      if (detail.length > 0 || evidence !== '' || dateRaw !== null) {
        if (leaf?.method.kind === 'rules') cellError(r, 'rule', t('workbook.office.rules.ruleRequired'));
        else cellError(r, 'value', t('workbook.office.valueRequired'));
      } else if ([...cells.values()].some((c) => cellText(c) !== '')) skipped++;
      continue;
    }
    const errorsBefore = errors.length;

    const branchCode = text('branchCode');
    const branch = branches.get(branchCode.toUpperCase());
    if (branchCode === '') cellError(r, 'branchCode', t('branch.code.required'));
    else if (!branch) cellError(r, 'branchCode', t('workbook.branchCodeUnknown', { code: branchCode }));
    else if (!inScope.has(branch.id)) cellError(r, 'branchCode', t('workbook.branchNotInPeriod', { branch: `${branch.code} ${branch.name}` }));

    const about = indicator ? `${indicator.code} ${indicator.name}` : '';
    if (indicatorCode === '') cellError(r, 'indicatorCode', t('workbook.indicatorCodeRequired'));
    else if (!indicator) cellError(r, 'indicatorCode', t('workbook.indicatorCodeUnknown', { code: indicatorCode }));
    else if (!leaf) {
      const mode = indicator.method ? null : t('workbook.office.mode.unset');
      cellError(r, 'indicatorCode', mode ? t('workbook.office.notOffice', { indicator: about, mode }) : t('workbook.office.notALeaf', { indicator: about }));
    } else if (entryModeOf(leaf.method) !== 'office') {
      const mode = entryModeOf(leaf.method);
      // 'data' is a quantitative leaf, or a veto / deduction the business data triggers (issue 11 §4): said as such.
      const data = dataTriggerOf(leaf.method) ? t('workbook.office.mode.triggered') : t('workbook.office.mode.data');
      cellError(r, 'indicatorCode', t('workbook.office.notOffice', { indicator: about, mode: mode === 'data' ? data : ENTRY_MODE_LABELS[mode] }));
    }
    const officeLeaf = leaf && entryModeOf(leaf.method) === 'office' ? leaf : undefined;
    const rowBranch = branch && inScope.has(branch.id) ? branch : undefined;

    if (evidence.length > EVIDENCE_MAX) cellError(r, 'evidence', t('workbook.tooLong', { field: headerOf('evidence'), max: EVIDENCE_MAX, length: evidence.length }));
    const evidenceDate = dateRaw === null ? null : (evidenceDateOf(dateRaw) ?? null);
    if (dateRaw !== null && evidenceDate === null) cellError(r, 'evidenceDate', t('workbook.office.dateInvalid', { value: String(dateRaw) }));

    if (officeLeaf?.method.kind === 'rules') {
      const rulesLeaf = officeLeaf as Leaf & { method: RulesMethod };
      const read = readFindingRow(rulesLeaf, r, { raw, valueCell, ruleRaw, countRaw, amountRaw, detail }, cellError);
      if (!rowBranch || !indicator) continue;
      const key = `${rowBranch.id}:${indicator.id}`;
      let record = rulesRecords.get(key);
      if (!record) {
        record = { first: r, branch: rowBranch, leaf: rulesLeaf, findings: [], detail: [], noneRow: null, evidence: null, evidenceDate: null, bad: false };
        rulesRecords.set(key, record);
      }
      const names = { branch: rowBranch.code, indicator: indicator.code };
      if (read === 'none') {
        if (record.noneRow !== null) cellError(r, 'indicatorCode', t('workbook.office.duplicate', { ...names, row: record.noneRow }));
        else if (record.findings.length > 0 || record.bad) cellError(r, 'value', t('workbook.office.rules.noneAfterFindings', { ...names, row: record.first }));
        else record.noneRow = r;
      } else if (record.noneRow !== null) cellError(r, 'rule', t('workbook.office.rules.findingsAfterNone', { ...names, row: record.noneRow }));
      // One record, one 依据: each row may name it (or leave it to another row), the rows that do must agree.
      if (evidence !== '') {
        if (record.evidence && record.evidence.text !== evidence) cellError(r, 'evidence', t('workbook.office.rules.evidenceConflict', { row: record.evidence.row, other: record.evidence.text }));
        else record.evidence ??= { text: evidence, row: r };
      }
      if (evidenceDate !== null) {
        if (record.evidenceDate && record.evidenceDate.date !== evidenceDate) cellError(r, 'evidenceDate', t('workbook.office.rules.dateConflict', { row: record.evidenceDate.row, other: record.evidenceDate.date }));
        else record.evidenceDate ??= { date: evidenceDate, row: r };
      }
      if (errors.length > errorsBefore || read === null) record.bad = true;
      else if (read !== 'none') {
        record.findings.push(read.finding);
        record.detail.push(read.reason);
      }
      continue;
    }

    // Any other leaf: the value, read as the score workbooks read a rater's cell (entry.ts), then its reasons and evidence.
    if (officeLeaf && findingCells) {
      const field = ruleRaw !== null ? 'rule' : countRaw !== null ? 'count' : 'amount';
      cellError(r, field, t('workbook.office.rules.notRules', { indicator: about }));
    }
    let value: number | null = null;
    if (raw === null) {
      if (officeLeaf) cellError(r, 'value', t('workbook.office.valueRequired'));
    } else if (raw instanceof Date) cellText(valueCell); // noted as a date where a value belongs, reported with the cell problems
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
    if (officeLeaf && value !== null && evidence === '' && evidenceRequired(officeLeaf.method, value)) {
      cellError(r, 'evidence', t('workbook.office.evidenceRequired', { value: describeEntry(officeLeaf.method, value) }));
    }

    if (rowBranch && indicator) {
      const key = `${rowBranch.id}:${indicator.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) cellError(r, 'indicatorCode', t('workbook.office.duplicate', { branch: rowBranch.code, indicator: indicator.code, row: first }));
      else firstRowOf.set(key, r);
    }
    if (errors.length > errorsBefore || value === null) continue;

    const next = { branchId: branch!.id, indicatorId: indicator!.id, value, detail, findings: [], evidence, evidenceDate };
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

  // Each branch × 细则 leaf whose rows are all right: one record, its value the findings' total.
  for (const record of rulesRecords.values()) {
    if (record.bad) continue;
    const { leaf, branch, first } = record;
    const names = { branch: branch.code, indicator: leaf.code };
    if (record.findings.length > MAX_FINDINGS) {
      cellError(first, 'rule', t('workbook.office.rules.tooMany', { ...names, max: MAX_FINDINGS, have: record.findings.length }));
      continue;
    }
    const value = findingsTotal(leaf.method, record.findings);
    const evidence = record.evidence?.text ?? '';
    if (evidence === '' && evidenceRequired(leaf.method, value)) {
      cellError(first, 'evidence', t('workbook.office.evidenceRequired', { value: describeEntry(leaf.method, value) }));
      continue;
    }
    const next = { branchId: branch.id, indicatorId: leaf.id, value, detail: record.detail, findings: record.findings, evidence, evidenceDate: record.evidenceDate?.date ?? null };
    const refused = checkOfficeRecord(leaf, next);
    if (refused) {
      cellError(first, 'value', refused);
      continue;
    }
    const old = stored.get(`${branch.id}:${leaf.id}`);
    rows.push({ row: first, ...next, branchCode: branch.code, indicatorCode: leaf.code, action: !old || old.value === null ? 'create' : sameRecord(old, next) ? 'unchanged' : 'update' });
  }
  rows.sort((a, b) => a.row - b.row);

  withCellProblems(wb, errors, sheet.name, (p) => ({ row: p.row, column: p.column, col: p.col, message: p.message, ...(p.sheet === sheet.name ? {} : { sheet: p.sheet }) }));
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('error.office.noRows', { file: name }));
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return { file: name, rows, skipped, errors: errors.map(({ col: _col, ...e }) => e) };
}

/**
 * One row of a 细则 leaf: 'none' for “checked, nothing found” (细则序号 empty, 核定值 0), the finding and its reason,
 * or null when something is wrong (each problem reported on its cell, naming the rule).
 */
function readFindingRow(
  leaf: Leaf & { method: RulesMethod },
  r: number,
  row: {
    raw: ReturnType<typeof cellValue>;
    valueCell: ImportCell;
    ruleRaw: ReturnType<typeof cellValue>;
    countRaw: ReturnType<typeof cellValue>;
    amountRaw: ReturnType<typeof cellValue>;
    detail: string[];
  },
  cellError: (row: number, field: Field, reason: string) => void,
): 'none' | { finding: Finding; reason: string } | null {
  const { method } = leaf;
  const { raw, ruleRaw, countRaw, amountRaw, detail } = row;
  if (ruleRaw === null) {
    if (countRaw !== null || amountRaw !== null || raw === null) {
      cellError(r, 'rule', t('workbook.office.rules.ruleRequired'));
      return null;
    }
    if (raw instanceof Date) {
      cellText(row.valueCell); // noted as a date where a value belongs
      return null;
    }
    const parsed = parseEntry(method, leaf.maxPoints, raw);
    if ('error' in parsed) {
      cellError(r, 'value', parsed.error);
      return null;
    }
    if (detail.length > 0) {
      cellError(r, 'detail', t('workbook.office.rules.noneWithReasons'));
      return null;
    }
    return 'none';
  }

  let ok = true;
  const wrong = (field: Field, reason: string) => {
    cellError(r, field, reason);
    ok = false;
  };
  const n = ruleRaw instanceof Date || typeof ruleRaw === 'boolean' ? undefined : ruleNumberOf(ruleRaw);
  const total = method.rules.length;
  if (n === undefined) return (wrong('rule', t('workbook.office.rules.ruleNotNumber', { total, value: String(ruleRaw) })), null);
  if (n < 1 || n > total) return (wrong('rule', t('workbook.office.rules.ruleUnknown', { indicator: leaf.code, n, total })), null);
  const index = n - 1;
  const rule = method.rules[index]!;
  const named = ruleName(method, index);

  let count = 1;
  if (countRaw !== null) {
    const c = typeof countRaw === 'number' ? countRaw : typeof countRaw === 'string' && /^\d+$/.test(countRaw.replace(/次$/, '')) ? Number(countRaw.replace(/次$/, '')) : NaN;
    if (!Number.isInteger(c) || c < 1 || c > MAX_COUNT) wrong('count', t('workbook.office.rules.countInvalid', { max: MAX_COUNT, value: String(countRaw) }));
    else if (rule.basis === 'once' && c !== 1) wrong('count', t(method.effect === 'deduct' ? 'workbook.office.rules.onceDeduct' : 'workbook.office.rules.onceAdd', { rule: named, count: c }));
    else count = c;
  }

  let amount = defaultAmount(rule);
  const range = { rule: named, min: num(rule.min), max: num(rule.max) };
  if (amountRaw === null) {
    if (amount === null) wrong('amount', t('workbook.office.rules.amountRequired', { ...range, amount: ruleAmountInWords(rule, method.effect) }));
  } else {
    const a = typeof amountRaw === 'number' ? amountRaw : typeof amountRaw === 'string' && /^\d+(\.\d+)?$/.test(amountRaw.replace(/分$/, '')) ? Number(amountRaw.replace(/分$/, '')) : NaN;
    if (!Number.isFinite(a)) wrong('amount', t('workbook.office.rules.amountInvalid', { value: String(amountRaw) }));
    else if (a < rule.min - 1e-9 || a > rule.max + 1e-9) {
      wrong('amount', t(rule.min === rule.max ? 'workbook.office.rules.amountFixed' : 'workbook.office.rules.amountRange', { ...range, value: num(a) }));
    } else amount = a;
  }

  // 核定值 on a finding row is optional: when given it must be what the row amounts to.
  if (raw !== null && ok && amount !== null) {
    const points = Math.round(count * amount * 1e4) / 1e4;
    const typed = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(/分$/, '')) : NaN;
    if (!(Math.abs(typed - points) < 1e-9)) wrong('value', t('workbook.office.rules.valueMismatch', { points: num(points), value: raw instanceof Date ? dateText(raw) : String(raw) }));
  }

  // One finding, one reason: several lines in the cell are one reason, joined.
  const reason = detail.join('；');
  if (reason === '') wrong('detail', t('workbook.office.rules.reasonRequired', { rule: named }));
  else if (reasonTooShort(reason)) wrong('detail', t('scoring.reason.tooShort', { text: reason }));
  else if (reason.length > REASON_MAX) wrong('detail', t('workbook.office.rules.reasonTooLong', { max: REASON_MAX, length: reason.length }));

  return ok && amount !== null ? { finding: { rule: index, count, amount }, reason } : null;
}

/** Imports every filled row, or nothing (one transaction, in saveOfficeRecords); each change audited as an import. */
export async function importOffice(ctx: ServiceContext, periodId: number, file: string, reason?: string): Promise<OfficeImportResult> {
  const preview = await previewOfficeImport(ctx.db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const inputs = preview.rows.map(({ branchId, indicatorId, value, detail, findings, evidence, evidenceDate }) => ({ branchId, indicatorId, value, detail, findings, evidence, evidenceDate }));
  const result = saveOfficeRecords(ctx, periodId, inputs, {
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
    actorKind: 'import',
    actorName: t('workbook.importActor', { file: preview.file }),
  });
  return { file: preview.file, saved: result.saved, unchanged: result.unchanged, skipped: preview.skipped };
}
