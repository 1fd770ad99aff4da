/**
 * The panel workbook (评委名单): written prefilled with a period's rater groups,
 * raters and recusals; read back all or nothing, every bad cell located, and
 * stored through the panel service's own functions (saveGroup, saveRater), so
 * its rules hold for an import as for the form. See docs/user/workbooks.md “评委名单”.
 */
import ExcelJS from 'exceljs';
import {
  PANEL_SHEETS,
  PANEL_TEMPLATE_COLUMNS,
  RECUSAL_CODE_SEPARATORS,
  type PanelColumnField,
  type PanelImportGroup,
  type PanelImportPreview,
  type PanelImportRater,
  type PanelImportResult,
} from '../../shared/domain/panel-workbook';
import type { Rater, RaterGroup } from '../../shared/domain/views';
import { MAX_SCOPE_CODES } from '../../shared/domain/assignment';
import { normaliseCode } from '../../shared/domain/rater-leaves';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { t } from '../../shared/messages';
import { inTransaction, type Database } from '../db';
import { AppError } from '../errors';
import type { ServiceContext } from './context';
import { getPanel, saveGroup, saveRater } from './panel';
import { assertRatersWithinGroups, codesOutside, periodIndicators, scopeText, unknownCodes } from './panel-scope';
import { branchesByCode } from './period-data';
import { assertPeriodEditable, getPeriod } from './periods';
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

type Field = PanelColumnField;
const REQUIRED: readonly Field[] = ['group', 'weight', 'name'];
/** The contract's limits of the panel form (shared/api.ts panel.saveGroup / saveRater). */
const LIMITS = { group: 30, name: 30, title: 40, reason: 100, weight: 100 } as const;
/** More raters than any panel has (the largest real one has 15): a sheet past this is not a panel. */
export const PANEL_MAX_ROWS = 500;

const columnOf = (field: Field) => PANEL_TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => PANEL_TEMPLATE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

type Combine = NonNullable<RaterGroup['combine']>;
const COMBINES: readonly Combine[] = ['mean', 'trimmed', 'median'];
const TRIM_MIN_RATERS = { min: 3, max: 50 } as const;
/** A group's rule as a cell reads it; null (the period's) is an empty cell. */
const combineLabel = (c: Combine) => t(`groupRule.${c}`);
const ruleText = (v: string | number | null) => (v === null ? t('groupRule.period') : String(v));
/** A 组内汇总 cell: a rule, null for empty (or 沿用周期设置 written out), undefined for anything else. */
function parseCombine(text: string): Combine | null | undefined {
  if (text === '' || text === t('groupRule.period')) return null;
  return COMBINES.find((c) => c === text || combineLabel(c) === text);
}

/** A 评分范围 cell: codes as typed in WPS/Excel (１．２ → 1.2), separated like the recusal codes; empty = all. */
const scopeCodes = (text: string) => [...new Set(text.split(RECUSAL_CODE_SEPARATORS).map(normaliseCode).filter(Boolean))];
const sameScope = (a: readonly string[], b: readonly string[]) => a.join('、') === b.join('、');

/** One reason for a rater's recusals: the workbook has one cell for them. */
const reasonsOf = (r: Rater) => [...new Set(r.recusals.filter((c) => c.branchId !== r.branchId).map((c) => c.reason))].join('；');

/** Writes the panel workbook of a period, one row per rater as the panel stands. */
export async function writePanelTemplate(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const panel = getPanel(db, periodId);
  const codes = new Map(db.prepare<[], { id: number; code: string }>('SELECT id, code FROM branch').all().map((b) => [b.id, b.code]));
  const groups = new Map(panel.groups.map((g) => [g.id, g]));
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, PANEL_SHEETS.data, PANEL_TEMPLATE_COLUMNS);
  // Typed as text, so that branch codes keep their zeros.
  for (const field of ['branchCode', 'recusalCodes', 'groupScope', 'scope'] as const) sheet.getColumn(columnOf(field)).numFmt = '@';
  panel.raters.forEach((r, i) => {
    const group = groups.get(r.groupId)!;
    const extra = r.recusals.filter((c) => c.branchId !== r.branchId);
    const values: Record<Field, string | number | null> = {
      raterId: r.id,
      group: group.name,
      weight: group.weight,
      name: r.name,
      title: r.title || null,
      branchCode: r.branchId === null ? null : (codes.get(r.branchId) ?? null),
      recusalCodes: extra.map((c) => codes.get(c.branchId)).filter(Boolean).join('、') || null,
      reason: reasonsOf(r) || null,
      combine: group.combine === null ? null : combineLabel(group.combine),
      trimMinRaters: group.trimMinRaters,
      groupScope: group.scope.join('、') || null,
      scope: r.scope.join('、') || null,
    };
    const row = sheet.getRow(i + 2);
    PANEL_TEMPLATE_COLUMNS.forEach((c, col) => (row.getCell(col + 1).value = values[c.field]));
  });
  const weight = columnLetter(columnOf('weight'));
  addRangeValidation(sheet, `${weight}2:${weight}${PANEL_MAX_ROWS + 1}`, numberValidation(0.0001, LIMITS.weight, t('workbook.panel.weightPositive', { max: LIMITS.weight })));
  const combine = columnLetter(columnOf('combine'));
  addRangeValidation(sheet, `${combine}2:${combine}${PANEL_MAX_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${COMBINES.map(combineLabel).join(',')}"`],
    showErrorMessage: true,
    error: t('workbook.panel.validation.combine'),
  });
  const trim = columnLetter(columnOf('trimMinRaters'));
  addRangeValidation(sheet, `${trim}2:${trim}${PANEL_MAX_ROWS + 1}`, {
    type: 'whole',
    operator: 'between',
    formulae: [TRIM_MIN_RATERS.min, TRIM_MIN_RATERS.max],
    allowBlank: true,
    showErrorMessage: true,
    error: t('workbook.panel.validation.trimMinRaters'),
  });
  addHelpSheet(wb, PANEL_SHEETS.help, [
    t('workbook.panel.help.1'),
    t('workbook.panel.help.2'),
    t('workbook.panel.help.3'),
    t('workbook.panel.help.4'),
    t('workbook.panel.help.5'),
    t('workbook.panel.help.6'),
    t('workbook.panel.help.7'),
    t('workbook.panel.help.8'),
    t('workbook.panel.help.scope'),
  ]);
  await writeWorkbook(wb, file);
  return { path: file, rows: panel.raters.length };
}

/** Reads a panel workbook and says what importing it would create or change, or every reason it cannot. */
export async function previewPanelImport(db: Database, periodId: number, file: string): Promise<PanelImportPreview> {
  assertPeriodEditable(getPeriod(db, periodId));
  const { name, workbook: wb, sheet, columns } = await openImportSheet(file, PANEL_SHEETS.data, PANEL_TEMPLATE_COLUMNS, REQUIRED);
  if (sheet.rowCount - 1 > PANEL_MAX_ROWS) {
    throw new AppError('validation', t('workbook.panel.tooManyRows', { file: name, rows: sheet.rowCount - 1, max: PANEL_MAX_ROWS }));
  }

  const panel = getPanel(db, periodId);
  const branches = branchesByCode(db);
  const groupsByName = new Map(panel.groups.map((g) => [g.name, g]));
  const groupName = new Map(panel.groups.map((g) => [g.id, g.name]));
  const ratersById = new Map(panel.raters.map((r) => [r.id, r]));
  const nodes = periodIndicators(db, periodId);
  const scoredBranches = db.prepare<[number], { branch_id: number }>('SELECT DISTINCT branch_id FROM score WHERE rater_id = ?');

  const { errors, add: cellError } = cellErrors(columns, headerOf);
  const groups = new Map<string, PanelImportGroup>();
  const raters: PanelImportRater[] = [];
  const rowOfRater = new Map<number, number>();
  const rowOfName = new Map<string, number>();

  for (let r = 2; r <= sheet.rowCount; r++) {
    const { cells, text, number } = readRow(sheet, r, columns);
    if ([...cells.values()].every((c) => cellText(c) === '')) continue; // blank rows between entries are harmless
    const before = errors.length;
    const tooLong = (field: Field, value: string, max: number) => {
      if (value.length > max) cellError(r, field, t('workbook.tooLong', { field: headerOf(field), max, length: value.length }));
    };

    // The group and its weight: one weight per group across the file.
    const group = text('group');
    if (group === '') cellError(r, 'group', t('workbook.panel.groupRequired'));
    tooLong('group', group, LIMITS.group);
    const weight = number('weight');
    if (weight === null) cellError(r, 'weight', t('workbook.panel.weightRequired'));
    else if (weight === undefined) cellError(r, 'weight', t('workbook.panel.weightNotANumber', { value: text('weight') }));
    else if (!(weight > 0) || weight > LIMITS.weight) cellError(r, 'weight', t('workbook.panel.weightPositive', { max: LIMITS.weight }));
    const known = groups.get(group);
    const stored = groupsByName.get(group);
    // The group's own rule, one per group like the weight; a file without the columns (an older template) keeps the stored one.
    const combine = columns.has('combine') ? parseCombine(text('combine')) : (stored?.combine ?? null);
    if (combine === undefined) cellError(r, 'combine', t('workbook.panel.combineUnknown', { value: text('combine') }));
    const trimNumber = number('trimMinRaters');
    const trimMinRaters = !columns.has('trimMinRaters')
      ? (stored?.trimMinRaters ?? null)
      : trimNumber === null
        ? null
        : typeof trimNumber === 'number' && Number.isInteger(trimNumber) && trimNumber >= TRIM_MIN_RATERS.min && trimNumber <= TRIM_MIN_RATERS.max
          ? trimNumber
          : undefined;
    if (trimMinRaters === undefined) cellError(r, 'trimMinRaters', t('workbook.panel.trimMinRatersInvalid', { value: text('trimMinRaters') }));
    // 分工评分: codes of the period's framework, at most MAX_SCOPE_CODES; undefined when the cell is wrong.
    const scopeOf = (field: 'groupScope' | 'scope'): string[] | undefined => {
      const codes = scopeCodes(text(field));
      const unknown = unknownCodes(nodes, codes);
      if (unknown.length) cellError(r, field, t('workbook.panel.scopeUnknown', { codes: unknown.join('、') }));
      else if (codes.length > MAX_SCOPE_CODES) cellError(r, field, t('workbook.panel.scopeTooMany', { max: MAX_SCOPE_CODES, count: codes.length }));
      else return codes;
      return undefined;
    };
    const groupScope = columns.has('groupScope') ? scopeOf('groupScope') : (stored?.scope ?? []);
    if (known && groupScope !== undefined && !sameScope(known.scope, groupScope)) {
      const show = (scope: string[]) => scope.join('、') || t('workbook.panel.allScope');
      cellError(r, 'groupScope', t('workbook.panel.scopeDiffers', { group, row: known.row, first: show(known.scope), value: show(groupScope) }));
    }
    if (known && combine !== undefined && known.combine !== combine) {
      const show = (c: Combine | null) => (c === null ? ruleText(null) : combineLabel(c));
      cellError(r, 'combine', t('workbook.panel.ruleDiffers', { group, row: known.row, header: headerOf('combine'), first: show(known.combine), value: show(combine) }));
    }
    if (known && trimMinRaters !== undefined && known.trimMinRaters !== trimMinRaters) {
      cellError(r, 'trimMinRaters', t('workbook.panel.ruleDiffers', { group, row: known.row, header: headerOf('trimMinRaters'), first: ruleText(known.trimMinRaters), value: ruleText(trimMinRaters) }));
    }
    if (group !== '' && typeof weight === 'number' && weight > 0 && weight <= LIMITS.weight) {
      if (known && known.weight !== weight) cellError(r, 'weight', t('workbook.panel.weightDiffers', { group, row: known.row, first: known.weight, weight }));
      if (!known && combine !== undefined && trimMinRaters !== undefined && groupScope !== undefined) {
        const same =
          stored !== undefined && stored.weight === weight && stored.combine === combine && stored.trimMinRaters === trimMinRaters && sameScope(stored.scope, groupScope);
        groups.set(group, { row: r, name: group, weight, combine, trimMinRaters, scope: groupScope, id: stored?.id ?? null, action: !stored ? 'create' : same ? 'unchanged' : 'update' });
      }
    }

    // Who: an existing rater by 评委编号, else by name within the group.
    const idText = text('raterId');
    let existing: Rater | undefined;
    if (idText !== '') {
      const id = /^\d+$/.test(idText) ? Number(idText) : Number.NaN;
      existing = ratersById.get(id);
      if (!existing) cellError(r, 'raterId', t('workbook.panel.raterIdUnknown', { id: idText }));
      else if (rowOfRater.has(id)) cellError(r, 'raterId', t('workbook.panel.raterIdDuplicate', { id, row: rowOfRater.get(id)! }));
      else rowOfRater.set(id, r);
    }
    const raterName = text('name');
    if (raterName === '') cellError(r, 'name', t('workbook.panel.nameRequired'));
    tooLong('name', raterName, LIMITS.name);
    const firstOfName = raterName === '' ? undefined : rowOfName.get(raterName);
    if (firstOfName !== undefined) cellError(r, 'name', t('workbook.panel.nameDuplicate', { name: raterName, row: firstOfName }));
    else if (raterName !== '') rowOfName.set(raterName, r);
    if (idText === '' && raterName !== '' && firstOfName === undefined) {
      const sameName = panel.raters.find((x) => x.name === raterName);
      if (sameName && groupName.get(sameName.groupId) === group) {
        existing = sameName;
        if (rowOfRater.has(sameName.id)) cellError(r, 'name', t('workbook.panel.raterIdDuplicate', { id: sameName.id, row: rowOfRater.get(sameName.id)! }));
        else rowOfRater.set(sameName.id, r);
      } else if (sameName) {
        cellError(r, 'name', t('workbook.panel.nameInOtherGroup', { name: raterName, group: groupName.get(sameName.groupId)!, id: sameName.id }));
      }
    }
    const title = text('title');
    tooLong('title', title, LIMITS.title);

    // The own branch (recused automatically) and the other recusals, which need a reason.
    const branchCode = text('branchCode');
    const own = branchCode === '' ? null : branches.get(branchCode.toUpperCase());
    if (branchCode !== '' && !own) cellError(r, 'branchCode', t('workbook.branchCodeUnknown', { code: branchCode }));
    const recusalCodes = [...new Set(text('recusalCodes').split(RECUSAL_CODE_SEPARATORS).filter(Boolean).map((c) => c.toUpperCase()))];
    const unknown = recusalCodes.filter((c) => !branches.has(c));
    if (unknown.length > 0) cellError(r, 'recusalCodes', t('workbook.branchCodeUnknown', { code: unknown.join('、') }));
    const recused = recusalCodes.map((c) => branches.get(c)).filter((b) => b !== undefined && b.id !== own?.id);
    const reason = text('reason');
    tooLong('reason', reason, LIMITS.reason);
    if (recused.length > 0 && reason === '') cellError(r, 'reason', t('workbook.panel.reasonRequired'));
    if (existing) {
      // The service refuses a recusal from a branch the rater has scored already: say so here, located.
      const scored = new Set(scoredBranches.all(existing.id).map((s) => s.branch_id));
      const hit = [own, ...recused].find((b) => b && scored.has(b.id));
      if (hit) cellError(r, hit === own ? 'branchCode' : 'recusalCodes', t('error.panel.recusalScored', { name: existing.name, code: hit.code, branch: hit.name }));
    }
    // The rater's own 评分范围 within the group's (a file without the column keeps the stored one).
    const scope = columns.has('scope') ? scopeOf('scope') : (existing?.scope ?? []);
    const outside = scope && groupScope ? codesOutside(nodes, groupScope, scope) : [];
    if (outside.length) {
      const field = columns.has('scope') ? 'scope' : 'groupScope';
      cellError(r, field, t('workbook.panel.scopeOutsideGroup', { codes: outside.join('、'), group, groupScope: scopeText(groupScope!, nodes) }));
    }
    if (errors.length > before || scope === undefined) continue;

    // Reasons as stored stay when the cell still reads as the template wrote it (the cell joins several into one).
    const keepReasons = existing !== undefined && reason === reasonsOf(existing);
    const recusals = recused.map((b) => ({
      branchId: b!.id,
      code: b!.code,
      reason: (keepReasons ? existing!.recusals.find((c) => c.branchId === b!.id)?.reason : undefined) ?? reason,
    }));
    const next = { group, name: raterName, title, branchId: own?.id ?? null, recusals, scope };
    raters.push({ row: r, id: existing?.id ?? null, ...next, branchCode: own?.code ?? null, action: existing ? (sameRater(existing, groupName.get(existing.groupId)!, next) ? 'unchanged' : 'update') : 'create' });
  }

  // A name the file gives a new rater, or gives a renamed one, that a rater outside the file already has.
  const kept = panel.raters.filter((x) => !rowOfRater.has(x.id));
  // A group the file narrows below the scope of a rater it does not name: said on the group's first row.
  for (const rater of kept) {
    const fileGroup = groups.get(groupName.get(rater.groupId)!);
    const outside = fileGroup ? codesOutside(nodes, fileGroup.scope, rater.scope) : [];
    if (fileGroup && outside.length && columns.has('groupScope')) {
      cellError(fileGroup.row, 'groupScope', t('error.panel.scopeGroupNarrowed', { group: fileGroup.name, scope: scopeText(fileGroup.scope, nodes), name: rater.name, codes: outside.join('、') }));
    }
  }
  for (const rater of raters) {
    const clash = kept.find((x) => x.name === rater.name);
    if (clash) cellError(rater.row, 'name', t('workbook.panel.nameInOtherGroup', { name: rater.name, group: groupName.get(clash.groupId)!, id: clash.id }));
  }
  withCellProblems(wb, errors, sheet.name, (p) => ({ row: p.row, column: p.column, col: p.col, message: p.message, ...(p.sheet === sheet.name ? {} : { sheet: p.sheet }) }));
  if (raters.length === 0 && errors.length === 0) throw new AppError('validation', t('workbook.panel.noRows', { file: name }));
  errors.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    file: name,
    groups: [...groups.values()],
    raters,
    kept: kept.map((x) => ({ id: x.id, name: x.name, group: groupName.get(x.groupId)! })),
    errors: errors.map(({ col: _col, ...e }) => e),
  };
}

function sameRater(
  r: Rater,
  group: string,
  next: { group: string; name: string; title: string; branchId: number | null; recusals: { branchId: number; reason: string }[]; scope: string[] },
): boolean {
  const extra = r.recusals.filter((c) => c.branchId !== r.branchId);
  const key = (list: { branchId: number; reason: string }[]) => list.map((c) => `${c.branchId}:${c.reason}`).sort().join('|');
  return (
    group === next.group && r.name === next.name && r.title === next.title && r.branchId === next.branchId && key(extra) === key(next.recusals) && sameScope(r.scope, next.scope)
  );
}

/**
 * Imports the whole file or nothing, in one transaction, through the panel
 * service (its rules: the period editable, names unique, branches existing, no
 * recusal from a branch already scored). Raters the file does not name are kept.
 */
export async function importPanel(ctx: Pick<ServiceContext, 'db' | 'now'>, periodId: number, file: string): Promise<PanelImportResult> {
  const { db } = ctx;
  const preview = await previewPanelImport(db, periodId, file);
  if (preview.errors.length > 0) {
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: preview.errors.length }), preview.errors);
  }
  // Each change is logged as the import of this file (entity 'panel'), like every other import.
  const by = { actor: { kind: 'import' as const, name: t('workbook.importActor', { file: preview.file }) }, now: ctx.now() };
  return inTransaction(db, () => {
    const groupIds = new Map<string, number>();
    for (const g of preview.groups) {
      // A group narrowed together with its raters' scopes: the panel is checked once all of them are saved.
      const saved = () => saveGroup(db, periodId, { id: g.id, name: g.name, weight: g.weight, combine: g.combine, trimMinRaters: g.trimMinRaters, scope: g.scope }, by, { ratersCheckedAfter: true });
      groupIds.set(g.name, g.action === 'unchanged' ? g.id! : saved().id);
    }
    for (const r of preview.raters) {
      if (r.action === 'unchanged') continue;
      saveRater(db, periodId, { id: r.id, groupId: groupIds.get(r.group)!, name: r.name, title: r.title, branchId: r.branchId, recusals: r.recusals, scope: r.scope }, by);
    }
    assertRatersWithinGroups(db, periodId, periodIndicators(db, periodId));
    const count = <T extends { action: string }>(rows: T[], action: string) => rows.filter((x) => x.action === action).length;
    return {
      file: preview.file,
      groupsCreated: count(preview.groups, 'create'),
      groupsUpdated: count(preview.groups, 'update'),
      ratersCreated: count(preview.raters, 'create'),
      ratersUpdated: count(preview.raters, 'update'),
      ratersUnchanged: count(preview.raters, 'unchanged'),
      kept: preview.kept,
    };
  });
}
