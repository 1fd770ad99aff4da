/**
 * A rater's scores in Excel (评分表): written for one rater — leaves down,
 * the period's branches across, recused cells greyed and locked — then
 * filled by typing up a paper sheet, or by the rater on their own laptop,
 * and imported back all or nothing, every bad cell located. (Every entry
 * of a period as one flat table is scores-export.ts.)
 * docs/user/workbooks.md “评委评分表”.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { entryHint, formatEntry } from '../../shared/domain/entry-text';
import { type DetailProblem, detailProblem, parseEntry } from '../../shared/domain/entry';
import {
  RECUSED_TEXT,
  SCORE_DETAIL_COLUMNS,
  SCORE_FIXED_COLUMNS,
  SCORE_SHEETS,
  type ScoreImportEntry,
  type ScoreImportPreview,
  type ScoreImportResult,
  type ScoreTemplateResult,
} from '../../shared/domain/score-workbook';
import { dataTriggerOf, entryModeOf, type Indicator } from '../../shared/domain/framework';
import type { WorkbookProblem } from '../../shared/domain/workbook';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { type BranchNotApplicable, notApplicableByBranch, saveEntries } from './entries';
import { AppError } from '../errors';
import { branchesByCode, normaliseCode, runsOf, type Leaf, type PeriodBranch } from './period-data';
import { loadPeriodScope, type PeriodScope } from './period-scope';
import { raterAssignment } from './assignment';
import { isAssigned } from '../../shared/domain/assignment';
import { lockReason, raterRow } from './scoring';
import {
  addHelpSheet,
  addRangeValidation,
  addTemplateSheet,
  cellNumber,
  cellText,
  cellValue,
  columnLetter,
  locateHeaders,
  readWorkbook,
  withCellProblems,
  writeWorkbook,
  type ImportWorkbook,
} from './xlsx';

const FIXED = SCORE_FIXED_COLUMNS.length;
const DETAIL_MAX = 200;
const DETAILS_PER_ENTRY = 50;
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const ADMIN = { kind: 'admin' } as const;

const HELP_LINES = (raterName: string, notApplicable: boolean, assigned: string) => [
  t('workbook.scores.help.1', { name: raterName }),
  ...(assigned ? [t('workbook.scores.help.assigned', { scope: assigned })] : []),
  t('workbook.scores.help.2'),
  t('workbook.scores.help.2.rating'),
  t('workbook.scores.help.2.level'),
  t('workbook.scores.help.2.deduction'),
  t('workbook.scores.help.2.bonus'),
  t('workbook.scores.help.2.veto'),
  t('workbook.scores.help.3', { recused: RECUSED_TEXT }),
  ...(notApplicable ? [t('workbook.scores.help.notApplicable')] : []),
  t('workbook.scores.help.4'),
  t('workbook.scores.help.5'),
  t('workbook.scores.help.6'),
  t('workbook.scores.help.7'),
  t('workbook.scores.help.8'),
];

/** The header of the indicator-code column, as the 评分 sheet has it (and as its problems name it). */
const CODE_HEADER = SCORE_FIXED_COLUMNS.find((c) => c.field === 'code')!.header;
/** The header of the details sheet's text column (说明). */
const DETAIL_TEXT_HEADER = SCORE_DETAIL_COLUMNS.find((c) => c.field === 'text')!.header;

interface RaterContext {
  period: PeriodScope['period'];
  rater: { id: number; name: string; finishedAt: string | null };
  recused: Map<number, string>;
  branches: PeriodBranch[];
  /** Every indicator of the period's framework (codes are looked up among them). */
  indicators: Indicator[];
  /** The leaves this rater scores (分工评分: only their assigned ones). */
  leaves: Leaf[];
  /** 不适用 cells (issue 11 §7): written greyed and locked, a value typed there refused. */
  notApplicable: Map<number, BranchNotApplicable>;
  /** 分工评分 (issue 11 §6): the rater-scored leaves outside this rater's assignment (a value on one is refused), and the assignment in words. */
  unassigned: Map<number, Leaf>;
  assignedWords: string;
}

function raterContext(db: Database, scope: PeriodScope, raterId: number): RaterContext {
  const row = raterRow(db, scope.period.id, raterId);
  const assignment = raterAssignment(scope, raterId);
  return {
    period: scope.period,
    rater: { id: raterId, name: row.name, finishedAt: row.finished_at },
    recused: scope.recusals.get(raterId) ?? new Map(),
    branches: scope.branches,
    indicators: scope.indicators,
    leaves: assignment.leaves,
    notApplicable: notApplicableByBranch(scope),
    unassigned: new Map(scope.raterLeaves.filter((l) => !isAssigned(assignment.ids, l.id)).map((l) => [l.id, l])),
    assignedWords: assignment.words,
  };
}

type StoredEntry = { value: number; detail: string[] };

function raterEntries(db: Database, periodId: number, raterId: number): Map<string, StoredEntry> {
  return new Map(
    db
      .prepare<[number, number], { branch_id: number; indicator_id: number; value: number; detail_json: string | null }>(
        'SELECT branch_id, indicator_id, value, detail_json FROM score WHERE period_id = ? AND rater_id = ?',
      )
      .all(periodId, raterId)
      .map((e) => [`${e.branch_id}:${e.indicator_id}`, { value: e.value, detail: e.detail_json ? (JSON.parse(e.detail_json) as string[]) : [] }]),
  );
}

const branchHeader = (b: PeriodBranch) => `${b.code} ${b.name}`;
const needsDetail = (leaf: Leaf) => leaf.method.kind === 'deduction' || leaf.method.kind === 'bonus' || leaf.method.kind === 'veto';

/** The drop-down or number check of a leaf's cells. */
function leafValidation(leaf: Leaf): ExcelJS.DataValidation {
  const m = leaf.method;
  const base = { allowBlank: true, showErrorMessage: true, error: entryHint(m, leaf.maxPoints) } as const;
  switch (m.kind) {
    case 'level':
      return { ...base, type: 'list', formulae: [`"${m.levels.map((l) => l.label).join(',')}"`] };
    case 'veto':
      // The yes and no of a veto as the sheet writes them, so the list offers what the import reads.
      return { ...base, type: 'list', formulae: [`"${[1, 0].map((v) => formatEntry(m, v)).join(',')}"`] };
    case 'deduction':
    case 'bonus':
      return { ...base, type: 'whole', operator: 'between', formulae: [0, 1000] };
    default:
      return { ...base, type: 'decimal', operator: 'between', formulae: [0, leaf.maxPoints] };
  }
}

// ---------------------------------------------------------------- writing

/** Writes one rater's score workbook, with the entries the rater already has. */
export async function writeScoreTemplate(db: Database, periodId: number, raterId: number, file: string): Promise<ScoreTemplateResult> {
  const ctx = raterContext(db, loadPeriodScope(db, periodId), raterId);
  const stored = raterEntries(db, periodId, raterId);
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');

  const sheet = addTemplateSheet(wb, SCORE_SHEETS.scores, [
    ...SCORE_FIXED_COLUMNS,
    ...ctx.branches.map((b) => ({ header: `${b.code}\n${b.name}`, width: 14 })),
  ]);
  sheet.views = [{ state: 'frozen', xSplit: FIXED, ySplit: 1 }];
  const header = sheet.getRow(1);
  header.height = 48;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.getColumn(1).numFmt = '@';
  let prefilled = 0;
  ctx.leaves.forEach((leaf, i) => {
    const r = i + 2;
    const row = sheet.getRow(r);
    row.getCell(1).value = leaf.code;
    row.getCell(2).value = leaf.name;
    row.getCell(3).value = leaf.maxPoints;
    row.getCell(4).value = entryHint(leaf.method, leaf.maxPoints);
    row.getCell(4).alignment = { wrapText: true, vertical: 'middle' };
    const open: { index: number; key: string | null }[] = [];
    ctx.branches.forEach((b, j) => {
      const col = FIXED + 1 + j;
      const cell = row.getCell(col);
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (ctx.recused.has(b.id)) {
        cell.value = RECUSED_TEXT;
        cell.fill = GREY;
        cell.font = { color: { argb: 'FF808080' } };
        cell.protection = { locked: true };
        open.push({ index: col, key: null });
        return;
      }
      if (ctx.notApplicable.get(b.id)?.ids.has(leaf.id)) {
        // Not a box to fill: the indicator does not apply to this branch's 支部类别 (a value left from before is not shown).
        cell.value = t('categories.na');
        cell.fill = GREY;
        cell.font = { color: { argb: 'FF808080' } };
        cell.protection = { locked: true };
        open.push({ index: col, key: null });
        return;
      }
      const e = stored.get(`${b.id}:${leaf.id}`);
      if (e) {
        cell.value = formatEntry(leaf.method, e.value);
        prefilled++;
      }
      cell.protection = { locked: false };
      open.push({ index: col, key: 'open' });
    });
    const validation = leafValidation(leaf);
    for (const run of runsOf(open)) addRangeValidation(sheet, `${columnLetter(run.from)}${r}:${columnLetter(run.to)}${r}`, validation);
  });
  // Locked against slips (no password): the structure and the 回避 cells; the score cells stay open.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const details = addTemplateSheet(wb, SCORE_SHEETS.details, SCORE_DETAIL_COLUMNS);
  details.getColumn(1).numFmt = '@';
  details.getColumn(2).numFmt = '@';
  details.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  details.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' };
  for (const b of ctx.branches) {
    for (const leaf of ctx.leaves) {
      for (const text of stored.get(`${b.id}:${leaf.id}`)?.detail ?? []) details.addRow([b.code, leaf.code, text]);
    }
  }

  const who = wb.addWorksheet(SCORE_SHEETS.rater);
  who.getColumn(1).width = 16;
  who.getColumn(2).width = 50;
  who.getCell('A1').value = ctx.rater.id;
  who.getCell('A2').value = ctx.rater.name;
  who.getCell('B1').value = t('workbook.scores.raterSheet.id');
  who.getCell('B2').value = t('workbook.scores.raterSheet.name');
  who.getCell('A3').value = ctx.period.name;
  who.getCell('B3').value = t('workbook.scores.raterSheet.period');
  await who.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  addHelpSheet(wb, SCORE_SHEETS.help, HELP_LINES(ctx.rater.name, ctx.notApplicable.size > 0, ctx.assignedWords));
  await writeWorkbook(wb, file);
  return {
    path: file,
    rater: { id: ctx.rater.id, name: ctx.rater.name },
    branches: ctx.branches.length,
    recused: ctx.branches.filter((b) => ctx.recused.has(b.id)).length,
    indicators: ctx.leaves.length,
    prefilled,
  };
}

// ---------------------------------------------------------------- reading

/** The rater a workbook belongs to, from its 评委 sheet (A1 id, A2 name). */
function readRater(wb: ImportWorkbook, db: Database, periodId: number, file: string): RaterContext {
  const sheet = wb.getWorksheet(SCORE_SHEETS.rater);
  if (!sheet) {
    throw new AppError('validation', t('error.scores.noRaterSheet', { file, sheet: SCORE_SHEETS.rater }));
  }
  const id = cellNumber(sheet.getCell('A1'));
  const name = cellText(sheet.getCell('A2'));
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
    const problems = wb.cellProblems(); // e.g. A1 a formula without its result: say that, not “A1 is not an id”
    if (problems.length > 0) {
      throw new AppError('validation', t('import.errorsFound', { file, count: problems.length }), problems.map(({ row, column, message }) => ({ row, column, message })));
    }
    throw new AppError('validation', t('error.scores.raterCellNotId', { file, sheet: SCORE_SHEETS.rater, value: cellText(sheet.getCell('A1')) }));
  }
  const scope = loadPeriodScope(db, periodId);
  const row = db.prepare<[number, number], { name: string }>('SELECT name FROM rater WHERE id = ? AND period_id = ?').get(id, periodId);
  if (!row) {
    throw new AppError('validation', t('error.scores.raterNotInPeriod', { file, id, name: name || t('error.scores.raterNameBlank'), period: scope.period.name }));
  }
  if (name !== row.name) {
    throw new AppError('validation', t('error.scores.raterNameMismatch', { file, sheet: SCORE_SHEETS.rater, name, id, rater: row.name }));
  }
  return raterContext(db, scope, id);
}

/** A cell whose reasons in the details sheet do not match it (the rule is entry.ts's `detailProblem`), in the workbook's words. */
function detailSheetProblem(p: DetailProblem, value: number): string {
  const sheet = SCORE_SHEETS.details;
  switch (p.kind) {
    case 'deduction':
      return t('workbook.scores.detail.deduction', { value, sheet, need: p.need, have: p.have });
    case 'bonus':
      return t('workbook.scores.detail.bonus', { value, sheet, need: p.need, have: p.have });
    case 'vetoMissing':
      return t('workbook.scores.detail.vetoMissing', { sheet });
    case 'vetoUnneeded':
      return t('workbook.scores.detail.vetoUnneeded', { sheet, have: p.have });
    case 'tooShort':
      return t('scoring.reason.tooShort', { text: p.text });
  }
}

/** Reads a rater's score workbook and says what importing it would store, or every reason it cannot. */
export async function previewScoreImport(db: Database, periodId: number, file: string): Promise<ScoreImportPreview> {
  const name = path.basename(file);
  const wb = await readWorkbook(file);
  const ctx = readRater(wb, db, periodId, name);
  const locked = lockReason(ctx.period.status, ctx.rater.finishedAt, ADMIN, 'x');
  const reasonRequired = locked ? null : lockReason(ctx.period.status, ctx.rater.finishedAt, ADMIN, undefined);

  const sheet = wb.getWorksheet(SCORE_SHEETS.scores);
  if (!sheet) throw new AppError('validation', t('error.scores.noScoresSheet', { file: name, sheet: SCORE_SHEETS.scores }));
  const fixed = locateHeaders(sheet, SCORE_FIXED_COLUMNS);
  const codeCol = fixed.get('code');
  if (codeCol === undefined) throw new AppError('validation', t('import.error.missingHeader', { file: name, header: CODE_HEADER }));

  const errors: (WorkbookProblem & { col: number; order: number })[] = [];
  const problem = (order: number, row: number, col: number, header: string, reason: string, sheetName?: string) => {
    const column = columnLetter(col);
    const message = t('import.error.cell', { row, column, header, reason });
    errors.push({ row, column, col, order, message: sheetName ? t('workbook.onSheet', { sheet: sheetName, message }) : message, ...(sheetName ? { sheet: sheetName } : {}) });
  };

  // The branch columns, from the header: “HG-01 化工一厂第一党支部” (code first).
  const all = branchesByCode(db);
  const inScope = new Map(ctx.branches.map((b) => [b.id, b]));
  const fixedCols = new Set(fixed.values());
  const branchCols = new Map<number, PeriodBranch>();
  const seenBranch = new Map<number, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    if (fixedCols.has(col)) return;
    const text = cellText(cell);
    if (text === '') return;
    const code = text.split(/\s+/)[0]!;
    const branch = all.get(code.toUpperCase());
    if (!branch) return problem(0, 1, col, text.replace(/\s+/g, ' '), t('workbook.branchCodeUnknown', { code }));
    if (!inScope.has(branch.id)) return problem(0, 1, col, text.replace(/\s+/g, ' '), t('workbook.branchNotInPeriod', { branch: branchHeader(branch) }));
    const first = seenBranch.get(branch.id);
    if (first !== undefined) return problem(0, 1, col, branchHeader(branch), t('workbook.scores.branchColumnDuplicate', { code: branch.code, column: columnLetter(first) }));
    seenBranch.set(branch.id, col);
    branchCols.set(col, branch);
  });

  const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));
  const leafById = new Map(ctx.leaves.map((l) => [l.id, l]));
  type Cell = { row: number; col: number; branch: PeriodBranch; leaf: Leaf; value: number; text: string };
  const cells: Cell[] = [];
  const leafRows = new Map<number, number>();
  let blank = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const code = normaliseCode(cellText(row.getCell(codeCol)));
    const filled = [...branchCols.keys()].filter((col) => cellValue(row.getCell(col)) !== null);
    if (code === '') {
      if (filled.some((col) => cellText(row.getCell(col)) !== RECUSED_TEXT)) problem(0, r, codeCol, CODE_HEADER, t('workbook.scores.indicatorCodeRequiredRowFilled'));
      continue;
    }
    const indicator = byCode.get(code);
    const leaf = indicator ? leafById.get(indicator.id) : undefined;
    if (!indicator) {
      problem(0, r, codeCol, CODE_HEADER, t('workbook.indicatorCodeUnknown', { code }));
      continue;
    }
    const unassigned = ctx.unassigned.get(indicator.id);
    if (unassigned) {
      // 分工评分: not this rater's to score. A row left empty (an older template) says nothing; one with values is refused.
      const valued = filled.filter((col) => ![RECUSED_TEXT, t('categories.na')].includes(cellText(row.getCell(col))));
      if (valued.length) {
        const reason = t('workbook.scores.notAssigned', { code: unassigned.code, name: unassigned.name, rater: ctx.rater.name, scope: ctx.assignedWords });
        for (const col of valued) problem(0, r, col, branchHeader(branchCols.get(col)!), reason);
      }
      continue;
    }
    if (!leaf) {
      const named = { indicator: `${indicator.code} ${indicator.name}` };
      const mode = indicator.method ? entryModeOf(indicator.method) : null;
      const triggered = indicator.method !== null && dataTriggerOf(indicator.method) !== null;
      const notRated = triggered
        ? 'workbook.scores.triggeredNotRated'
        : mode === 'data'
          ? 'workbook.scores.quantitativeNotRated'
          : mode === 'office'
            ? 'workbook.scores.officeNotRated'
            : 'workbook.scores.notALeaf';
      problem(0, r, codeCol, CODE_HEADER, t(notRated, named));
      continue;
    }
    const firstRow = leafRows.get(leaf.id);
    if (firstRow !== undefined) {
      problem(0, r, codeCol, CODE_HEADER, t('workbook.scores.indicatorDuplicate', { code: leaf.code, row: firstRow }));
      continue;
    }
    leafRows.set(leaf.id, r);
    for (const [col, branch] of branchCols) {
      const raw = cellValue(row.getCell(col));
      const text = cellText(row.getCell(col));
      const recusal = ctx.recused.get(branch.id);
      const na = ctx.notApplicable.get(branch.id);
      const cellProblem = (reason: string) => problem(0, r, col, branchHeader(branch), reason);
      if (raw === null) {
        if (recusal === undefined && !na?.ids.has(leaf.id)) blank++;
        continue;
      }
      if (na?.ids.has(leaf.id) && recusal === undefined) {
        // 不适用 (as the sheet writes it) is read as nothing; a value there is refused, naming the cell.
        if (text !== t('categories.na')) cellProblem(t('workbook.scores.notApplicable', { branch: branch.code, category: na.category, code: leaf.code, name: leaf.name }));
        continue;
      }
      if (text === RECUSED_TEXT) {
        if (recusal === undefined) cellProblem(t('workbook.scores.notRecused', { name: ctx.rater.name }));
        continue;
      }
      if (recusal !== undefined) {
        cellProblem(t('workbook.scores.recused', { name: ctx.rater.name, reason: recusal }));
        continue;
      }
      if (raw instanceof Date) {
        cellProblem(t('workbook.scores.dateCell', { value: text }));
        continue;
      }
      const parsed = parseEntry(leaf.method, leaf.maxPoints, raw);
      if ('error' in parsed) cellProblem(parsed.error);
      else cells.push({ row: r, col, branch, leaf, value: parsed.value, text });
    }
  }

  // Reasons and items, one per row.
  const detailsOf = new Map<string, { row: number; text: string }[]>();
  const detailSheet = wb.getWorksheet(SCORE_SHEETS.details);
  let detailTextCol = 3;
  if (detailSheet) {
    const cols = locateHeaders(detailSheet, SCORE_DETAIL_COLUMNS);
    const missing = SCORE_DETAIL_COLUMNS.filter((c) => !cols.has(c.field));
    if (missing.length) {
      throw new AppError('validation', t('error.scores.detailsHeaderMissing', { file: name, sheet: SCORE_SHEETS.details, headers: missing.map((c) => c.header).join('、') }));
    }
    detailTextCol = cols.get('text')!;
    const branchByCode = new Map([...branchCols.values()].map((b) => [b.code.toUpperCase(), b]));
    for (let r = 2; r <= detailSheet.rowCount; r++) {
      const row = detailSheet.getRow(r);
      const cellOf = (field: 'branchCode' | 'indicatorCode' | 'text') => row.getCell(cols.get(field)!);
      const branchCode = cellText(cellOf('branchCode'));
      const code = normaliseCode(cellText(cellOf('indicatorCode')));
      const text = cellText(cellOf('text'));
      if (branchCode === '' && code === '' && text === '') continue;
      const at = (field: 'branchCode' | 'indicatorCode' | 'text', reason: string) =>
        problem(1, r, cols.get(field)!, SCORE_DETAIL_COLUMNS.find((c) => c.field === field)!.header, reason, SCORE_SHEETS.details);
      const before = errors.length;
      const branch = branchByCode.get(branchCode.toUpperCase());
      if (branchCode === '') at('branchCode', t('branch.code.required'));
      else if (!branch) at('branchCode', t('workbook.scores.detailBranchUnknown', { code: branchCode, sheet: SCORE_SHEETS.scores }));
      const indicator = byCode.get(code);
      const leaf = indicator ? leafById.get(indicator.id) : undefined;
      if (code === '') at('indicatorCode', t('workbook.indicatorCodeRequired'));
      else if (!indicator || !leaf) at('indicatorCode', t('workbook.scores.detailIndicatorUnknown', { code, sheet: SCORE_SHEETS.scores }));
      else if (!needsDetail(leaf)) {
        const kind = entryHint(leaf.method, leaf.maxPoints).replace(/（.*$/, '');
        at('indicatorCode', t('workbook.scores.detailNotNeeded', { indicator: `${leaf.code} ${leaf.name}`, kind }));
      }
      if (text === '') at('text', t('workbook.scores.detailTextRequired'));
      else if (text.length > DETAIL_MAX) at('text', t('workbook.tooLong', { field: DETAIL_TEXT_HEADER, max: DETAIL_MAX, length: text.length }));
      if (errors.length > before) continue;
      const key = `${branch!.id}:${leaf!.id}`;
      detailsOf.set(key, [...(detailsOf.get(key) ?? []), { row: r, text }]);
    }
  }

  // Each deduction, bonus item and veto with its reasons; reasons without a cell.
  const entries: ScoreImportEntry[] = [];
  const stored = raterEntries(db, periodId, ctx.rater.id);
  const used = new Set<string>();
  for (const c of cells) {
    const key = `${c.branch.id}:${c.leaf.id}`;
    used.add(key);
    const detail = (detailsOf.get(key) ?? []).map((d) => d.text);
    const n = detail.length;
    const cellProblem = (reason: string) => problem(0, c.row, c.col, branchHeader(c.branch), reason);
    const detailWrong = detailProblem(c.leaf.method, c.value, detail);
    if (detailWrong) {
      cellProblem(detailSheetProblem(detailWrong, c.value));
      continue;
    }
    if (n > DETAILS_PER_ENTRY) {
      cellProblem(t('workbook.scores.tooManyDetails', { max: DETAILS_PER_ENTRY, have: n }));
      continue;
    }
    const old = stored.get(key);
    entries.push({
      row: c.row,
      column: columnLetter(c.col),
      branchId: c.branch.id,
      branchCode: c.branch.code,
      indicatorId: c.leaf.id,
      indicatorCode: c.leaf.code,
      value: c.value,
      text: c.text,
      detail,
      action: !old ? 'create' : old.value === c.value && JSON.stringify(old.detail) === JSON.stringify(detail) ? 'unchanged' : 'update',
    });
  }
  const cellsWithErrors = new Set(errors.filter((e) => e.order === 0).map((e) => `${e.row}:${e.col}`));
  for (const [key, rows] of detailsOf) {
    if (used.has(key)) continue;
    const [branchId, leafId] = key.split(':').map(Number) as [number, number];
    const leaf = leafById.get(leafId)!;
    const branch = inScope.get(branchId)!;
    const r = leafRows.get(leafId);
    const scoreCol = seenBranch.get(branchId);
    if (r !== undefined && scoreCol !== undefined && cellsWithErrors.has(`${r}:${scoreCol}`)) continue; // the cell's own error says it
    for (const d of rows) {
      const reason = t('workbook.scores.detailUnused', { sheet: SCORE_SHEETS.scores, branch: branch.code, indicator: `${leaf.code} ${leaf.name}` });
      problem(1, d.row, detailTextCol, DETAIL_TEXT_HEADER, reason, SCORE_SHEETS.details);
    }
  }
  withCellProblems(wb, errors, SCORE_SHEETS.scores, (p) => ({
    row: p.row,
    column: p.column,
    col: p.col,
    order: -1,
    message: p.message,
    ...(p.sheet === SCORE_SHEETS.scores ? {} : { sheet: p.sheet }),
  }));
  if (entries.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('error.scores.noScores', { file: name }));
  }
  errors.sort((a, b) => a.order - b.order || a.row - b.row || a.col - b.col);
  return {
    file: name,
    rater: { id: ctx.rater.id, name: ctx.rater.name },
    entries,
    blank,
    errors: errors.map(({ col: _col, order: _order, ...e }) => e),
    locked,
    reasonRequired,
  };
}

/**
 * Imports a rater's workbook, or nothing: refused while the period is
 * finalised (or not yet scoring), and without a reason in review or once the
 * rater has finished; any bad cell refuses the whole file.
 */
export async function importScores(
  db: Database,
  periodId: number,
  file: string,
  options: { now: Date; reason?: string | undefined },
): Promise<ScoreImportResult> {
  const preview = await previewScoreImport(db, periodId, file);
  if (preview.locked) throw new AppError('conflict', preview.locked);
  if (preview.reasonRequired && !options.reason?.trim()) {
    throw new AppError('conflict', t('error.scores.reasonRequired', { reason: preview.reasonRequired }));
  }
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const result = saveEntries(
    db,
    periodId,
    preview.entries.map((e) => ({ raterId: preview.rater.id, branchId: e.branchId, indicatorId: e.indicatorId, value: e.value, detail: e.detail })),
    {
      now: options.now,
      actor: { kind: 'import', name: t('workbook.importActor', { file: preview.file }) },
      ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
    },
  );
  return { file: preview.file, rater: preview.rater, saved: result.saved, unchanged: result.unchanged };
}
