/**
 * A rater's scores in Excel (评分表): written for one rater — leaves down,
 * the period's branches across, recused cells greyed and locked — then
 * filled by typing up a paper sheet, or by the rater on their own laptop,
 * and imported back all or nothing, every bad cell located. Also every
 * entry of a period as one flat table, once results may be seen.
 * docs/user/workbooks.md “评委评分表”.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describeEntry, entryHint, formatEntry } from '../../shared/domain/entry-text';
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
import type { WorkbookExportResult, WorkbookProblem } from '../../shared/domain/workbook';
import { entryPoints, roundPoints } from '../../shared/engine';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { saveEntries } from './entries';
import { AppError } from '../errors';
import { getIndicators } from './frameworks';
import { branchesByCode, leavesInOrder, localTime, normaliseCode, runsOf, type Leaf, type PeriodBranch } from './period-data';
import { loadPeriodScope } from './period-scope';
import { getPeriod } from './periods';
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

const HELP_LINES = (raterName: string) => [
  `1. 这是评委“${raterName}”的评分表，由融评写出。“评委”表记录评委的编号和姓名，导入时据此识别评委，请不要修改。`,
  '2. “评分”表每行是一个需要评委打分的指标（定量指标由业务数据计算，不在表中），每列是一个党支部。请在指标与支部交叉的格子里填写：',
  '   打分：填分数，在 0 到满分之间，是步长的整数倍（如步长 0.5 时填 2.5）；',
  '   等次：填等次名称，如“好”“较好”“一般”“差”（格子里有下拉列表）；',
  '   扣分：填扣分次数（0 表示不扣分），并在“扣分及加分说明”表中为每一次扣分写一行原因；',
  '   加分：填加分项数（0 表示不加分），并在“扣分及加分说明”表中为每一项写一行内容；',
  '   一票否决：填“是”或“否”；填“是”时须在“扣分及加分说明”表中写明原因。',
  `3. 灰色写着“${RECUSED_TEXT}”的格子是您需要回避的党支部（如本支部成员），不能打分，已锁定。`,
  '4. “扣分及加分说明”表：每行一条，写支部编码、指标编码和说明。扣 2 次就写 2 行，加分 1 项就写 1 行。',
  '5. 空着的格子不导入：已经在融评中录入的评分保持不变（本表写出时已填入您已有的评分）。',
  '6. 导入时先检查整个文件：分值超出范围、等次名称不对、扣分次数与说明条数不符、支部或指标编码不对等，任何一处有错误时整个文件都不会导入，融评会列出每一处错误的行号和列，如“第 5 行，F 列（HG-02 化工一厂第二党支部）：分值应在 0 到 3 之间”。',
  '7. 导入的评分记入操作记录（操作人为“导入（文件名）”）。已定稿的考核周期不能导入；评审阶段或评委已确认完成后导入，须由管理员写明原因。',
  '8. 请不要修改表头、指标编码和“评委”表。',
];

interface RaterContext {
  period: ReturnType<typeof getPeriod>;
  rater: { id: number; name: string; finishedAt: string | null };
  recused: Map<number, string>;
  branches: PeriodBranch[];
  leaves: Leaf[];
}

function raterContext(db: Database, periodId: number, raterId: number): RaterContext {
  const scope = loadPeriodScope(db, periodId);
  const row = raterRow(db, periodId, raterId);
  return {
    period: scope.period,
    rater: { id: raterId, name: row.name, finishedAt: row.finished_at },
    recused: scope.recusals.get(raterId) ?? new Map(),
    branches: scope.branches,
    leaves: scope.raterLeaves,
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
      return { ...base, type: 'list', formulae: ['"是,否"'] };
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
  const ctx = raterContext(db, periodId, raterId);
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
  who.getCell('B1').value = '评委编号（导入时据此识别评委，请勿修改）';
  who.getCell('B2').value = '评委姓名';
  who.getCell('A3').value = ctx.period.name;
  who.getCell('B3').value = '考核周期';
  await who.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  addHelpSheet(wb, SCORE_SHEETS.help, HELP_LINES(ctx.rater.name));
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
  const period = getPeriod(db, periodId);
  const row = db.prepare<[number, number], { name: string }>('SELECT name FROM rater WHERE id = ? AND period_id = ?').get(id, periodId);
  if (!row) {
    throw new AppError('validation', t('error.scores.raterNotInPeriod', { file, id, name: name || t('error.scores.raterNameBlank'), period: period.name }));
  }
  if (name !== row.name) {
    throw new AppError('validation', t('error.scores.raterNameMismatch', { file, sheet: SCORE_SHEETS.rater, name, id, rater: row.name }));
  }
  return raterContext(db, periodId, id);
}

/** A cell whose reasons in the details sheet do not match it (the rule is entry.ts's `detailProblem`), in the workbook's words. */
function detailSheetProblem(p: DetailProblem, value: number): string {
  const sheet = SCORE_SHEETS.details;
  switch (p.kind) {
    case 'deduction':
      return `扣 ${value} 次，“${sheet}”表中应为每次扣分写一条原因（${p.need} 条），现有 ${p.have} 条`;
    case 'bonus':
      return `加分 ${value} 项，“${sheet}”表中应为每项写一条内容（${p.need} 条），现有 ${p.have} 条`;
    case 'vetoMissing':
      return `一票否决选“是”，须在“${sheet}”表中写明原因`;
    case 'vetoUnneeded':
      return `一票否决选“否”，但“${sheet}”表中有 ${p.have} 条说明；请删除说明或改为“是”`;
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
  if (codeCol === undefined) throw new AppError('validation', t('import.error.missingHeader', { file: name, header: '指标编码' }));

  const errors: (WorkbookProblem & { col: number; order: number })[] = [];
  const problem = (order: number, row: number, col: number, header: string, reason: string, sheetName?: string) => {
    const column = columnLetter(col);
    const message = t('import.error.cell', { row, column, header, reason });
    errors.push({ row, column, col, order, message: sheetName ? `${sheetName}表 ${message}` : message, ...(sheetName ? { sheet: sheetName } : {}) });
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
    if (!branch) return problem(0, 1, col, text.replace(/\s+/g, ' '), `找不到支部编码“${code}”`);
    if (!inScope.has(branch.id)) return problem(0, 1, col, text.replace(/\s+/g, ' '), `党支部“${branchHeader(branch)}”不在本周期的考核范围内`);
    const first = seenBranch.get(branch.id);
    if (first !== undefined) return problem(0, 1, col, branchHeader(branch), `党支部“${branch.code}”在 ${columnLetter(first)} 列已出现过`);
    seenBranch.set(branch.id, col);
    branchCols.set(col, branch);
  });

  const byCode = new Map(getIndicators(db, ctx.period.frameworkId).map((i) => [i.code, i]));
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
      if (filled.some((col) => cellText(row.getCell(col)) !== RECUSED_TEXT)) problem(0, r, codeCol, '指标编码', '指标编码不能为空（本行填写了评分）');
      continue;
    }
    const indicator = byCode.get(code);
    const leaf = indicator ? leafById.get(indicator.id) : undefined;
    if (!indicator) {
      problem(0, r, codeCol, '指标编码', `本周期的指标体系中没有编码为“${code}”的指标`);
      continue;
    }
    if (!leaf) {
      problem(
        0,
        r,
        codeCol,
        '指标编码',
        indicator.method?.kind === 'quantitative'
          ? `“${indicator.code} ${indicator.name}”是定量指标，由业务数据计算，不由评委打分`
          : `“${indicator.code} ${indicator.name}”下面还有下级指标，请在末级指标上打分`,
      );
      continue;
    }
    const firstRow = leafRows.get(leaf.id);
    if (firstRow !== undefined) {
      problem(0, r, codeCol, '指标编码', `指标“${leaf.code}”在第 ${firstRow} 行已出现过`);
      continue;
    }
    leafRows.set(leaf.id, r);
    for (const [col, branch] of branchCols) {
      const raw = cellValue(row.getCell(col));
      const text = cellText(row.getCell(col));
      const recusal = ctx.recused.get(branch.id);
      const cellProblem = (reason: string) => problem(0, r, col, branchHeader(branch), reason);
      if (raw === null) {
        if (recusal === undefined) blank++;
        continue;
      }
      if (text === RECUSED_TEXT) {
        if (recusal === undefined) cellProblem(`${ctx.rater.name}不需要回避这个党支部，请填写评分或留空`);
        continue;
      }
      if (recusal !== undefined) {
        cellProblem(`${ctx.rater.name}对这个党支部回避（${recusal}），不能打分`);
        continue;
      }
      if (raw instanceof Date) {
        cellProblem(`应按评分方法填写，现为日期“${text}”（请把单元格格式改为“常规”）`);
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
      if (branchCode === '') at('branchCode', '支部编码不能为空');
      else if (!branch) at('branchCode', `“${branchCode}”不是“${SCORE_SHEETS.scores}”表中的党支部`);
      const indicator = byCode.get(code);
      const leaf = indicator ? leafById.get(indicator.id) : undefined;
      if (code === '') at('indicatorCode', '指标编码不能为空');
      else if (!indicator || !leaf) at('indicatorCode', `“${code}”不是“${SCORE_SHEETS.scores}”表中的指标`);
      else if (!needsDetail(leaf)) at('indicatorCode', `“${leaf.code} ${leaf.name}”是${entryHint(leaf.method, leaf.maxPoints).replace(/（.*$/, '')}项，不需要说明`);
      if (text === '') at('text', '说明不能为空');
      else if (text.length > DETAIL_MAX) at('text', `说明最多 ${DETAIL_MAX} 个字，现有 ${text.length} 个字`);
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
      cellProblem(`一格最多 ${DETAILS_PER_ENTRY} 条说明，现有 ${n} 条`);
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
      problem(1, d.row, detailTextCol, SCORE_DETAIL_COLUMNS[2].header, `“${SCORE_SHEETS.scores}”表中“${branch.code}”的“${leaf.code} ${leaf.name}”没有填写，这条说明用不上`, SCORE_SHEETS.details);
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
      actor: { kind: 'import', name: `导入（${preview.file}）` },
      ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
    },
  );
  return { file: preview.file, rater: preview.rater, saved: result.saved, unchanged: result.unchanged };
}

// ---------------------------------------------------------------- export

const ENTERED_BY: Record<string, string> = { rater: '评委录入', admin: '管理员代录', import: '导入' };

export const SCORE_EXPORT_COLUMNS = [
  { header: '评委', width: 10 },
  { header: '评委组', width: 10 },
  { header: '支部编码', width: 12 },
  { header: '支部', width: 26 },
  { header: '指标编码', width: 10 },
  { header: '指标', width: 24 },
  { header: '录入值', width: 9 },
  { header: '折合分', width: 8 },
  { header: '说明', width: 40 },
  { header: '录入方式', width: 10 },
  { header: '更新时间', width: 20 },
] as const;

/** Every entry of the period as one flat table (callers check assertResultsVisible first). */
export async function exportScores(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const period = getPeriod(db, periodId);
  const leaves = leavesInOrder(getIndicators(db, period.frameworkId));
  const leafOrder = new Map(leaves.map((l, i) => [l.id, i]));
  const leafById = new Map(leaves.map((l) => [l.id, l]));
  const rows = db
    .prepare<
      [number],
      { rater: string; grp: string; code: string; branch: string; indicator_id: number; value: number; detail_json: string | null; entered_by: string; updated_at: string; rpos: number; rater_id: number }
    >(
      `SELECT r.name AS rater, g.name AS grp, b.code, b.name AS branch, s.indicator_id, s.value, s.detail_json, s.entered_by, s.updated_at,
              r.position AS rpos, r.id AS rater_id
         FROM score s JOIN rater r ON r.id = s.rater_id JOIN rater_group g ON g.id = r.group_id JOIN branch b ON b.id = s.branch_id
        WHERE s.period_id = ?`,
    )
    .all(periodId)
    .sort((a, b) => a.rpos - b.rpos || a.rater_id - b.rater_id || a.code.localeCompare(b.code) || (leafOrder.get(a.indicator_id) ?? 0) - (leafOrder.get(b.indicator_id) ?? 0));
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, '评分明细', SCORE_EXPORT_COLUMNS);
  for (const e of rows) {
    const leaf = leafById.get(e.indicator_id);
    const detail = e.detail_json ? (JSON.parse(e.detail_json) as string[]) : [];
    sheet.addRow([
      e.rater,
      e.grp,
      e.code,
      e.branch,
      leaf?.code ?? '',
      leaf?.name ?? '',
      leaf ? formatEntry(leaf.method, e.value) : e.value,
      leaf && leaf.method.kind !== 'veto' ? roundPoints(entryPoints(leaf.method, leaf.maxPoints, e.value)) : null,
      detail.join('；') || null,
      ENTERED_BY[e.entered_by] ?? e.entered_by,
      localTime(e.updated_at),
    ]);
  }
  sheet.autoFilter = `A1:${columnLetter(SCORE_EXPORT_COLUMNS.length)}1`;
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}

/** A stored entry in words, for logs: “较好”, “扣 2 次（原因；原因）”. */
export function entryText(leaf: Leaf | undefined, value: number, detail: readonly string[]): string {
  const main = leaf ? describeEntry(leaf.method, value) : String(value);
  return detail.length ? `${main}（${detail.join('；')}）` : main;
}
