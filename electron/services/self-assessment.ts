/**
 * Branches' self-assessment (自评): each branch's own raw value on the leaves
 * the panel scores (same meaning as a rater's entry), typed on screen or
 * collected in one workbook for all branches; and, once results may be
 * seen, the gap between what a branch gave itself and what the panel gave.
 */
import ExcelJS from 'exceljs';
import { entryHint, formatEntry, describeEntry } from '../../shared/domain/entry-text';
import { parseEntry } from '../../shared/domain/entry';
import { bonusNodes } from '../../shared/domain/framework-validate';
import {
  SELF_SHEETS,
  SELF_TEMPLATE_COLUMNS,
  type SelfAssessmentView,
  type SelfColumnField,
  type SelfComparison,
  type SelfComparisonItem,
  type SelfImportPreview,
  type SelfImportResult,
  type SelfImportRow,
} from '../../shared/domain/self-assessment';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { checkEntry, entryPoints, roundPoints } from '../../shared/engine';
import { t } from '../../shared/messages';
import { inTransaction, type Database } from '../db';
import { auditWriter } from './audit';
import type { Actor } from './actor';
import { AppError } from '../errors';
import { branchesByCode, normaliseCode, runsOf, type Leaf } from './period-data';
import { loadPeriodScope } from './period-scope';
import { isNotApplicable, notApplicableByBranch } from './entries';
import { assertPeriodEditable } from './periods';
import type { ResultsCache } from './results';
import {
  addHelpSheet,
  addRangeValidation,
  addTemplateSheet,
  cellErrors,
  cellText,
  cellValue,
  columnLetter,
  openImportSheet,
  readRow,
  withCellProblems,
  writeWorkbook,
} from './xlsx';

const NOTE_MAX = 500;

export interface SelfEntryInput {
  indicatorId: number;
  /** Null removes the branch's entry. */
  value: number | null;
  note: string;
}

type Stored = { value: number; note: string; updated_at: string };

/** The period's scope as self-assessment reads it: the leaves the panel scores, the branches as {id, code, name}. */
function selfContext(db: Database, periodId: number) {
  const scope = loadPeriodScope(db, periodId);
  const { period, indicators, raterLeaves: leaves, branches } = scope;
  // 分类施策: a branch assesses itself only on what applies to its 支部类别 (issue 11 §7).
  const na = notApplicableByBranch(scope);
  const leavesOf = (branchId: number) => (na.has(branchId) ? leaves.filter((l) => !isNotApplicable(na, branchId, l.id)) : leaves);
  return { period, indicators, leaves, leavesOf, na, leafById: new Map(leaves.map((l) => [l.id, l])), branches: branches.map((b) => ({ id: b.id, code: b.code, name: b.name })) };
}

function storedSelf(db: Database, periodId: number, branchId: number | null): Map<string, Stored> {
  return new Map(
    db
      .prepare<[number, number | null, number | null], Stored & { branch_id: number; indicator_id: number }>(
        'SELECT branch_id, indicator_id, value, note, updated_at FROM self_assessment WHERE period_id = ? AND (? IS NULL OR branch_id = ?)',
      )
      .all(periodId, branchId, branchId)
      .map((s) => [`${s.branch_id}:${s.indicator_id}`, s]),
  );
}

function branchOf(ctx: ReturnType<typeof selfContext>, branchId: number) {
  const branch = ctx.branches.find((b) => b.id === branchId);
  if (!branch) throw new AppError('not_found', t('error.self.branchNotInPeriodNamed', { id: branchId, period: ctx.period.name }));
  return branch;
}

/** The branch's own entries on every leaf the panel scores, in tree order. */
export function getSelfAssessment(db: Database, periodId: number, branchId: number): SelfAssessmentView {
  const ctx = selfContext(db, periodId);
  const branch = branchOf(ctx, branchId);
  const stored = storedSelf(db, periodId, branchId);
  const bonus = bonusNodes(ctx.indicators);
  let base = 0;
  let bonusPoints = 0;
  let assessed = 0;
  const leaves = ctx.leavesOf(branchId);
  const items = leaves.map((leaf) => {
    const s = stored.get(`${branchId}:${leaf.id}`);
    const points = s ? entryPoints(leaf.method, leaf.maxPoints, s.value) : null;
    if (points !== null) {
      assessed++;
      if (bonus.has(leaf.id)) bonusPoints += points;
      else base += points;
    }
    return {
      indicatorId: leaf.id,
      code: leaf.code,
      name: leaf.name,
      tag: leaf.tag,
      maxPoints: leaf.maxPoints,
      method: leaf.method,
      value: s?.value ?? null,
      note: s?.note ?? '',
      points: points === null ? null : roundPoints(points),
      updatedAt: s?.updated_at ?? null,
    };
  });
  const locked = ctx.period.status === 'finalised' ? t('self.locked') : null;
  return {
    period: { id: ctx.period.id, name: ctx.period.name, status: ctx.period.status },
    branch,
    items,
    total: { base: roundPoints(base), bonus: roundPoints(bonusPoints), assessed, leaves: leaves.length },
    ...(leaves.length < ctx.leaves.length ? { notApplicable: { category: ctx.na.get(branchId)!.category, count: ctx.leaves.length - leaves.length } } : {}),
    editable: locked === null,
    lockedReason: locked,
  };
}

/** Writes self entries of one or more branches, or none; every change audited (entity 'self'). */
function writeSelf(
  db: Database,
  periodId: number,
  rows: readonly { branchId: number; indicatorId: number; value: number | null; note: string }[],
  options: { now: Date; actor: Actor },
): { saved: number; removed: number; unchanged: number } {
  const stamp = options.now.toISOString();
  let saved = 0;
  let removed = 0;
  let unchanged = 0;
  inTransaction(db, () => {
    const get = db.prepare<[number, number, number], { value: number; note: string }>(
      'SELECT value, note FROM self_assessment WHERE period_id = ? AND branch_id = ? AND indicator_id = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO self_assessment (period_id, branch_id, indicator_id, value, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, branch_id, indicator_id) DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare('DELETE FROM self_assessment WHERE period_id = ? AND branch_id = ? AND indicator_id = ?');
    const audit = auditWriter(db, options.now);
    for (const e of rows) {
      const old = get.get(periodId, e.branchId, e.indicatorId) ?? null;
      const next = e.value === null ? null : { value: e.value, note: e.note.trim() };
      if (old === null && next === null) continue;
      if (old && next && old.value === next.value && old.note === next.note) {
        unchanged++;
        continue;
      }
      if (next === null) removed += remove.run(periodId, e.branchId, e.indicatorId).changes;
      else {
        upsert.run(periodId, e.branchId, e.indicatorId, next.value, next.note, stamp);
        saved++;
      }
      audit({
        periodId,
        actorKind: options.actor.kind,
        actor: options.actor.name,
        entity: 'self',
        action: next === null ? t('self.audit.deleted') : old === null ? t('self.audit.created') : t('self.audit.updated'),
        branchId: e.branchId,
        indicatorId: e.indicatorId,
        old,
        new: next,
      });
    }
  });
  return { saved, removed, unchanged };
}

/** “HG-01 是机关支部，指标 3.2 安全生产 不适用，不评分” (the write path's words). */
const naProblem = (ctx: ReturnType<typeof selfContext>, branchId: number, leaf: Leaf): string => {
  const na = ctx.na.get(branchId)!;
  return t('error.entries.notApplicable', { branch: na.code, category: na.category, code: leaf.code, name: leaf.name });
};

/** Saves a branch's self-assessment, or nothing: each entry is checked like a rater's (checkEntry). */
export function saveSelfAssessment(
  db: Database,
  periodId: number,
  branchId: number,
  entries: readonly SelfEntryInput[],
  options: { now: Date; actor: Actor },
): { saved: number; removed: number; unchanged: number } {
  const ctx = selfContext(db, periodId);
  assertPeriodEditable(ctx.period);
  branchOf(ctx, branchId);
  const problems: { row: number; message: string }[] = [];
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    const leaf = ctx.leafById.get(e.indicatorId);
    let problem: string | null = null;
    if (!leaf) problem = t('self.problem.notLeaf', { id: e.indicatorId });
    else if (seen.has(e.indicatorId)) problem = t('self.problem.duplicate', { code: leaf.code, name: leaf.name });
    else if (e.value !== null && isNotApplicable(ctx.na, branchId, leaf.id)) problem = naProblem(ctx, branchId, leaf);
    else if (e.value !== null) {
      const p = checkEntry(leaf.method, leaf.maxPoints, e.value);
      if (p) problem = `${leaf.code} ${leaf.name}：${p}`;
    }
    if (!problem && e.note.trim().length > NOTE_MAX) problem = t('self.problem.noteTooLong', { code: leaf!.code, name: leaf!.name, max: NOTE_MAX });
    seen.add(e.indicatorId);
    if (problem) problems.push({ row: i + 1, message: t('self.problem.row', { row: i + 1, problem }) });
  });
  if (problems.length) throw new AppError('validation', t('error.self.problems', { count: problems.length }), problems);
  return writeSelf(db, periodId, entries.map((e) => ({ ...e, branchId })), options);
}

// ---------------------------------------------------------------- the workbook

type Field = SelfColumnField;
const REQUIRED: readonly Field[] = ['branchCode', 'indicatorCode', 'value'];
const columnOf = (field: Field) => SELF_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => SELF_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

const HELP_LINES = [
  t('self.help.1'),
  t('self.help.2'),
  t('self.help.2.rating'),
  t('self.help.2.level'),
  t('self.help.2.deduction'),
  t('self.help.2.bonus'),
  t('self.help.2.veto'),
  t('self.help.3', { max: NOTE_MAX }),
  t('self.help.4'),
  t('self.help.5'),
  t('self.help.6'),
];

/** A worksheet validation for a leaf's 自评 cell, and a key so equal ones share a range. */
function leafValidation(leaf: Leaf): { key: string; validation: ExcelJS.DataValidation } {
  const m = leaf.method;
  const base = { allowBlank: true, showErrorMessage: true, error: entryHint(m, leaf.maxPoints) } as const;
  switch (m.kind) {
    case 'level': {
      const labels = m.levels.map((l) => l.label).join(',');
      return { key: `level:${labels}`, validation: { ...base, type: 'list', formulae: [`"${labels}"`] } };
    }
    case 'veto':
      return { key: 'veto', validation: { ...base, type: 'list', formulae: [`"${[1, 0].map((v) => formatEntry(m, v)).join(',')}"`] } };
    case 'deduction':
    case 'bonus':
      return { key: `count:${m.kind}`, validation: { ...base, type: 'whole', operator: 'between', formulae: [0, 1000] } };
    default:
      return { key: `points:${leaf.maxPoints}`, validation: { ...base, type: 'decimal', operator: 'between', formulae: [0, leaf.maxPoints] } };
  }
}

/** Writes the workbook of a period: one row per branch × leaf, prefilled with what is stored. */
export async function writeSelfTemplate(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const ctx = selfContext(db, periodId);
  const stored = storedSelf(db, periodId, null);
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, SELF_SHEETS.data, SELF_TEMPLATE_COLUMNS);
  sheet.getColumn(columnOf('branchCode')).numFmt = '@';
  sheet.getColumn(columnOf('indicatorCode')).numFmt = '@';
  const validations = new Map<string, ExcelJS.DataValidation>();
  const keys: { index: number; key: string | null }[] = [];
  let r = 2;
  for (const b of ctx.branches) {
    for (const leaf of ctx.leavesOf(b.id)) {
      const s = stored.get(`${b.id}:${leaf.id}`);
      const values: Record<Field, string | number | null> = {
        branchCode: b.code,
        branchName: b.name,
        indicatorCode: leaf.code,
        indicatorName: leaf.name,
        maxPoints: leaf.maxPoints,
        method: entryHint(leaf.method, leaf.maxPoints),
        value: s ? formatEntry(leaf.method, s.value) : null,
        note: s?.note || null,
      };
      const row = sheet.getRow(r);
      SELF_TEMPLATE_COLUMNS.forEach((c, col) => (row.getCell(col + 1).value = values[c.field]));
      const v = leafValidation(leaf);
      validations.set(v.key, v.validation);
      keys.push({ index: r, key: v.key });
      r++;
    }
  }
  const col = columnLetter(columnOf('value'));
  for (const run of runsOf(keys)) addRangeValidation(sheet, `${col}${run.from}:${col}${run.to}`, validations.get(run.key)!);
  sheet.autoFilter = `A1:${columnLetter(SELF_TEMPLATE_COLUMNS.length)}1`;
  addHelpSheet(wb, SELF_SHEETS.help, HELP_LINES);
  await writeWorkbook(wb, file);
  return { path: file, rows: r - 2 };
}

/** Reads a self-assessment workbook and says what importing it would store, or every reason it cannot. */
export async function previewSelfImport(db: Database, periodId: number, file: string): Promise<SelfImportPreview> {
  const ctx = selfContext(db, periodId);
  assertPeriodEditable(ctx.period);
  const { name, workbook: wb, sheet, columns } = await openImportSheet(file, SELF_SHEETS.data, SELF_TEMPLATE_COLUMNS, REQUIRED);
  const branches = branchesByCode(db);
  const inScope = new Set(ctx.branches.map((b) => b.id));
  const byCode = new Map(ctx.indicators.map((i) => [i.code, i]));
  const stored = storedSelf(db, periodId, null);
  const { errors, add: cellError } = cellErrors(columns, headerOf);
  const rows: SelfImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  let skipped = 0;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const { cells, text } = readRow(sheet, r, columns);
    const raw = cellValue(cells.get('value')!);
    const note = text('note');
    if (raw === null && note === '') {
      if ([...cells.values()].some((c) => cellText(c) !== '')) skipped++;
      continue;
    }
    const errorsBefore = errors.length;
    const branchCode = text('branchCode');
    const branch = branches.get(branchCode.toUpperCase());
    if (branchCode === '') cellError(r, 'branchCode', t('self.import.branchCodeRequired'));
    else if (!branch) cellError(r, 'branchCode', t('self.import.branchUnknown', { code: branchCode }));
    else if (!inScope.has(branch.id)) cellError(r, 'branchCode', t('self.import.branchNotInScope', { code: branch.code, name: branch.name }));

    const indicatorCode = normaliseCode(text('indicatorCode'));
    const indicator = byCode.get(indicatorCode);
    const leaf = indicator ? ctx.leafById.get(indicator.id) : undefined;
    if (indicatorCode === '') cellError(r, 'indicatorCode', t('self.import.indicatorCodeRequired'));
    else if (!indicator) cellError(r, 'indicatorCode', t('self.import.indicatorUnknown', { code: indicatorCode }));
    else if (!leaf) {
      cellError(
        r,
        'indicatorCode',
        indicator.method?.kind === 'quantitative'
          ? t('self.import.quantitative', { code: indicator.code, name: indicator.name })
          : t('self.import.notLeaf', { code: indicator.code, name: indicator.name }),
      );
    }

    let value: number | null = null;
    if (raw === null) cellError(r, 'value', t('self.import.valueRequired'));
    else if (raw instanceof Date) cellError(r, 'value', t('self.import.valueDate', { text: text('value') }));
    else if (leaf) {
      const parsed = parseEntry(leaf.method, leaf.maxPoints, raw);
      if ('error' in parsed) cellError(r, 'value', parsed.error);
      else value = parsed.value;
    }
    if (note.length > NOTE_MAX) cellError(r, 'note', t('self.import.noteTooLong', { max: NOTE_MAX, length: note.length }));
    if (branch && leaf && inScope.has(branch.id) && raw !== null && isNotApplicable(ctx.na, branch.id, leaf.id)) cellError(r, 'value', naProblem(ctx, branch.id, leaf));
    if (branch && leaf && inScope.has(branch.id)) {
      const key = `${branch.id}:${leaf.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) cellError(r, 'indicatorCode', t('self.import.duplicate', { branch: branch.code, indicator: leaf.code, first }));
      else firstRowOf.set(key, r);
    }
    if (errors.length > errorsBefore || value === null) continue;
    const old = stored.get(`${branch!.id}:${leaf!.id}`);
    rows.push({
      row: r,
      branchId: branch!.id,
      branchCode: branch!.code,
      indicatorId: leaf!.id,
      indicatorCode: leaf!.code,
      value,
      note,
      action: !old ? 'create' : old.value === value && old.note === note ? 'unchanged' : 'update',
    });
  }
  withCellProblems(wb, errors, sheet.name, (p) => ({ row: p.row, column: p.column, col: p.col, message: p.message, ...(p.sheet === sheet.name ? {} : { sheet: p.sheet }) }));
  if (rows.length === 0 && errors.length === 0) {
    throw new AppError('validation', t('error.self.noEntries', { file: name }));
  }
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return { file: name, rows, skipped, errors: errors.map(({ col: _col, ...e }) => e) };
}

/** Imports every filled row, or nothing; each change is audited as “导入（文件名）”. */
export async function importSelf(db: Database, periodId: number, file: string, now: Date): Promise<SelfImportResult> {
  const preview = await previewSelfImport(db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  const result = writeSelf(db, periodId, preview.rows, { now, actor: { kind: 'import', name: t('workbook.importActor', { file: preview.file }) } });
  return { file: preview.file, saved: result.saved, unchanged: result.unchanged, skipped: preview.skipped };
}

// ---------------------------------------------------------------- self vs panel

/**
 * Per leaf, what the branch gave itself against what the panel gave (the
 * engine's node value), largest gap first. Callers check that results may be
 * seen (assertResultsVisible) first.
 */
export function compareSelf(db: Database, cache: ResultsCache, periodId: number, branchId: number): SelfComparison {
  const ctx = selfContext(db, periodId);
  const branch = branchOf(ctx, branchId);
  const result = cache.engine(db, periodId).result.branches.find((b) => b.branchId === branchId);
  if (!result) throw new AppError('not_found', t('error.period.branchNotInScope'));
  const stored = storedSelf(db, periodId, branchId);
  const bonus = bonusNodes(ctx.indicators);
  const totals = { self: 0, panelSameLeaves: 0, selfBonus: 0, assessed: 0 };
  const leaves = ctx.leavesOf(branchId);
  const items: (SelfComparisonItem & { order: number })[] = leaves.map((leaf, order) => {
    const s = stored.get(`${branchId}:${leaf.id}`);
    const selfPoints = s ? roundPoints(entryPoints(leaf.method, leaf.maxPoints, s.value)) : null;
    const panelPoints = result.nodes[leaf.id]?.points ?? null;
    const isBonus = bonus.has(leaf.id);
    if (selfPoints !== null) {
      totals.assessed++;
      if (isBonus) totals.selfBonus += selfPoints;
      else {
        totals.self += selfPoints;
        totals.panelSameLeaves += panelPoints ?? 0;
      }
    }
    return {
      order,
      indicatorId: leaf.id,
      code: leaf.code,
      name: leaf.name,
      tag: leaf.tag,
      method: leaf.method.kind,
      maxPoints: leaf.maxPoints,
      selfValue: s?.value ?? null,
      selfText: s ? describeEntry(leaf.method, s.value) : '',
      selfPoints,
      panelPoints,
      gap: selfPoints === null || panelPoints === null ? null : roundPoints(selfPoints - panelPoints),
      bonus: isBonus,
    };
  });
  items.sort((a, b) => {
    if (a.gap === null || b.gap === null) return (a.gap === null ? 1 : 0) - (b.gap === null ? 1 : 0) || a.order - b.order;
    return Math.abs(b.gap) - Math.abs(a.gap) || a.order - b.order;
  });
  return {
    branch,
    items: items.map(({ order: _order, ...item }) => item),
    totals: {
      self: roundPoints(totals.self),
      panelSameLeaves: roundPoints(totals.panelSameLeaves),
      gap: roundPoints(totals.self - totals.panelSameLeaves),
      selfBonus: roundPoints(totals.selfBonus),
      panelBase: result.base,
      panelBonus: result.bonus,
      panelTotal: result.total,
      assessed: totals.assessed,
      leaves: leaves.length,
    },
  };
}
