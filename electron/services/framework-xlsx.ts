/**
 * The framework workbook (指标体系): the template the app writes, exporting a
 * framework to it, and importing one — always as a NEW framework, all or
 * nothing. One row per indicator; the tree comes from the codes (1, 1.2,
 * 1.2.3: the parent is the code without its last segment), siblings keep the
 * order of the rows. A 细则 leaf's rules are rows of the 细则 sheet
 * (framework-xlsx-rules.ts); the grade scheme is the 等次 sheet (framework-xlsx-grades.ts).
 * See docs/user/workbooks.md “指标体系导入模板”.
 */
import path from 'node:path';
import {
  CategoryLabel,
  IndicatorFields,
  MAX_CATEGORIES,
  dataTriggerOf,
  METHOD_KINDS,
  type FrameworkDraft,
  type Indicator,
  type IndicatorDraft,
  type LeafMethod,
  type MethodKind,
  type NodeOptions,
  type Tag,
} from '../../shared/domain/framework';
import { validateFramework } from '../../shared/domain/framework-validate';
import { categoryIssues } from '../../shared/domain/framework-categories';
import {
  FRAMEWORK_SHEETS,
  FRAMEWORK_TEMPLATE_COLUMNS,
  parsePoolLabel,
  type FrameworkColumnField,
  type FrameworkImportIssue,
  type FrameworkImportPreview,
  type FrameworkImportResult,
  type FrameworkImportRow,
} from '../../shared/domain/framework-workbook';
import {
  METHOD_LABELS,
  isDataTriggerEntryLabel,
  parseMethod,
  parseEntryModeLabel,
  parseMethodLabel,
  parseRulesParams,
  parseTagLabel,
  type RulesParams,
} from '../../shared/domain/method-text';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';
import { readGradesSheet } from './framework-xlsx-grades';
import { readRulesSheet } from './framework-xlsx-rules';
import { createFrameworkFromDraft } from './frameworks';
import {
  cellText,
  cellValue,
  columnLetter,
  type ImportCell,
  type ImportWorkbook,
  normaliseHeader,
  openImportSheet,
  withCellProblems,
} from './xlsx';

type Field = FrameworkColumnField;
const REQUIRED: readonly Field[] = ['code', 'name', 'tag', 'maxPoints'];
const NAME_MAX = 60;
const DESCRIPTION_MAX = 500;
import { INFO_CATEGORIES, INFO_DESCRIPTION, INFO_NAME, headerOf, joinLabels, splitLabels } from './framework-xlsx-write';

// Writing the workbook (template, export) is framework-xlsx-write.ts; re-exported so callers keep one module.
export { exportFramework, writeFrameworkTemplate } from './framework-xlsx-write';

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
  /** The 评分方法 read (null: empty or unreadable). */
  kind: MethodKind | null;
  /** A 细则 leaf's 方法参数, read; its method is made once the 细则 sheet is read. */
  rulesParams: RulesParams | null;
  /** A valid 录入方式 on a row without 评分方法: judged once it is known whether the row has children. */
  entryWithoutMethod: boolean;
  method: LeafMethod | null;
  /** 扣分池 / 加分上限 as read (absent = neither); refused in pass 2 when the row turns out to be a leaf. */
  options: NodeOptions | undefined;
  /** 适用类别 as read, only labels of the framework's 支部类别 (a bad one is reported in its cell); absent = all. */
  appliesTo: string[] | undefined;
  criteria: string;
  evidence: string;
  bad: boolean;
  /** A bad cell that bears on the tree's checks (code, points, method, options): see STRUCTURAL. */
  unsure: boolean;
}

/** Cells whose errors leave the tree's checks unsure about the row (a bad name, category or 细则 does not). */
const STRUCTURAL: ReadonlySet<Field> = new Set<Field>(['code', 'maxPoints', 'method', 'params', 'pool', 'bonusCap']);

const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

/** Codes as typed in WPS/Excel with a Chinese keyboard: １．２ → 1.2. */
const normaliseCode = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A code cell as both sheets read it: normalised, then checked (the schema's message when it is not a code). */
function checkCode(text: string): { code: string } | { error: string } {
  const checked = IndicatorFields.shape.code.safeParse(normaliseCode(text));
  return checked.success ? { code: checked.data } : { error: checked.error.issues[0]!.message };
}

/** A number cell, or text holding a number (WPS often stores numbers as text), with or without 分. */
function pointsOf(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[,，\s]/g, '').replace(/分$/, '');
  return /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s) ? Number(s) : undefined;
}

/** Name, description and 支部类别 from the 框架信息 sheet (rows labelled 名称 / 说明 / 支部类别 in column A, value in B). */
function readInfo(wb: ImportWorkbook, file: string, errors: FrameworkImportPreview['errors']): { name: string; description: string; categories: string[] } {
  const fallback = path.basename(file, path.extname(file)).trim().slice(0, NAME_MAX) || t('workbook.framework.defaultName');
  const sheet = wb.getWorksheet(FRAMEWORK_SHEETS.info);
  let name = '';
  let description = '';
  let categories: string[] | null = null;
  sheet?.eachRow((row, r) => {
    const label = normaliseHeader(cellText(row.getCell(1))).replace(/[:：]$/, '');
    const value = cellText(row.getCell(2));
    const bad = (what: string, reason: string) =>
      errors.push({
        row: r,
        column: 'B',
        message: t('workbook.onSheet', { sheet: FRAMEWORK_SHEETS.info, message: t('import.error.cell', { row: r, column: 'B', header: what, reason }) }),
      });
    const tooLong = (what: string, max: number) => bad(what, t('workbook.tooLong', { field: what, max, length: value.length }));
    if (label === INFO_NAME && !name) {
      if (value.length > NAME_MAX) tooLong(INFO_NAME, NAME_MAX);
      else name = value;
    } else if (label === INFO_DESCRIPTION && !description) {
      if (value.length > DESCRIPTION_MAX) tooLong(INFO_DESCRIPTION, DESCRIPTION_MAX);
      else description = value;
    } else if (label === INFO_CATEGORIES && categories === null) {
      const labels = splitLabels(value);
      // Each label's own problem, then their number: one round says all of them.
      categories = [];
      for (const l of labels) {
        const checked = CategoryLabel.safeParse(l);
        if (checked.success) categories.push(checked.data);
        else bad(INFO_CATEGORIES, t('workbook.framework.categoryBad', { value: l, reason: checked.error.issues[0]!.message }));
      }
      if (labels.length > MAX_CATEGORIES) bad(INFO_CATEGORIES, t('workbook.framework.categoriesTooMany', { max: MAX_CATEGORIES, count: labels.length }));
    }
  });
  return { name: name || fallback, description, categories: categories ?? [] };
}

/** Reads a framework workbook and says what importing it would create, or every reason it cannot. */
export async function previewFrameworkImport(file: string): Promise<FrameworkImportPreview> {
  const { name: fileName, workbook: wb, sheet, columns } = await openImportSheet(file, FRAMEWORK_SHEETS.data, FRAMEWORK_TEMPLATE_COLUMNS, REQUIRED);

  const cellErrors: { row: number; col: number; column: string; message: string }[] = [];
  const cellError = (row: ReadRow, field: Field, reason: string) => {
    const col = columns.get(field)!;
    const column = columnLetter(col);
    row.bad = true;
    if (STRUCTURAL.has(field)) row.unsure = true;
    cellErrors.push({ row: row.row, col, column, message: t('import.error.cell', { row: row.row, column, header: headerOf(field), reason }) });
  };
  const columnName = (field: Field) => (columns.has(field) ? t('workbook.framework.columnAt', { column: columnLetter(columns.get(field)!) }) : t('workbook.framework.columnNamed', { header: headerOf(field) }));

  // The 框架信息 sheet first: its 支部类别 are what the rows' 适用类别 may name.
  const infoErrors: FrameworkImportPreview['errors'] = [];
  const info = readInfo(wb, file, infoErrors);

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
      kind: null,
      rulesParams: null,
      entryWithoutMethod: false,
      method: null,
      options: undefined,
      appliesTo: undefined,
      criteria: text('criteria'),
      evidence: text('evidence'),
      bad: false,
      unsure: false,
    };
    rows.push(row);

    const code = checkCode(text('code'));
    if ('code' in code) row.code = code.code;
    else cellError(row, 'code', code.error);

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
    row.kind = kind;
    if (kind === 'rules') {
      // The rules are on the 细则 sheet: the method is made once it is read (below).
      const params = parseRulesParams(paramsText);
      if ('error' in params) cellError(row, 'params', params.error);
      else row.rulesParams = params;
    } else if (kind) {
      const parsed = parseMethod(kind, paramsText);
      if ('error' in parsed) cellError(row, 'params', parsed.error);
      else row.method = parsed.method;
    } else if (methodText === '' && paramsText !== '') {
      cellError(row, 'params', t('workbook.framework.paramsWithoutMethod', { column: columnName('method') }));
    }

    // 录入方式: empty = 评委评分, stored as no entry at all so frameworks round-trip unchanged.
    const entryText = text('entry');
    // 由业务数据触发: the trigger is in 方法参数; 录入方式 says 业务数据触发 or nothing, never a person.
    const triggered = row.method !== null && dataTriggerOf(row.method) !== null;
    if (entryText !== '' && isDataTriggerEntryLabel(entryText)) {
      if (kind === 'quantitative') cellError(row, 'entry', t('workbook.framework.entryOnQuantitative'));
      else if (methodText === '') row.entryWithoutMethod = true;
      // Only 扣分 and 一票否决 take a trigger; a 方法参数 that did not read is reported in its own cell.
      else if (kind === 'rules' || (row.method !== null && !triggered))
        cellError(row, 'entry', t('workbook.framework.entryDataWithoutTrigger', { value: entryText, column: columnName('params') }));
    } else if (entryText !== '') {
      const mode = parseEntryModeLabel(entryText);
      if (!mode) cellError(row, 'entry', t('workbook.framework.entryInvalid', { value: entryText }));
      else if (triggered) cellError(row, 'entry', t('workbook.framework.entryWithTrigger', { value: entryText, column: columnName('params') }));
      else if (kind === 'quantitative') cellError(row, 'entry', t('workbook.framework.entryOnQuantitative'));
      // 细则 are always the office's (entryModeOf): 考核组核定 says so, 评委评分 contradicts it.
      else if (kind === 'rules') {
        if (mode === 'panel') cellError(row, 'entry', t('workbook.framework.rulesEntryPanel', { value: entryText }));
      } else if (methodText === '') row.entryWithoutMethod = true;
      else if (mode === 'office' && row.method && row.method.kind !== 'quantitative' && row.method.kind !== 'rules') row.method = { ...row.method, entry: 'office' };
    }

    // 扣分池 (是/否, empty = 否) and 加分上限 (a number ≥ 0, empty = none); whether the row may carry them is known in pass 2.
    const poolText = text('pool');
    let pool = false;
    if (poolText !== '') {
      const yes = parsePoolLabel(poolText);
      if (yes === null) cellError(row, 'pool', t('workbook.framework.poolInvalid', { value: poolText }));
      else pool = yes;
    }
    const cap = cells.has('bonusCap') ? pointsOf(cells.get('bonusCap')!) : null;
    let bonusCap: number | null = null;
    if (cap === undefined) cellError(row, 'bonusCap', t('workbook.framework.bonusCapInvalid', { value: text('bonusCap') }));
    else if (cap !== null && (cap < 0 || cap > 1000)) cellError(row, 'bonusCap', t('workbook.framework.bonusCapOutOfRange', { value: cap }));
    else bonusCap = cap;
    if (pool || bonusCap !== null) row.options = { pool, bonusCap };

    // 适用类别: labels of the 框架信息 sheet's 支部类别, empty = all.
    const applies = splitLabels(text('appliesTo'));
    const known = applies.filter((l) => info.categories.includes(l));
    for (const l of applies.filter((x) => !info.categories.includes(x))) {
      cellError(
        row,
        'appliesTo',
        info.categories.length
          ? t('workbook.framework.appliesToUnknown', { value: l, categories: joinLabels(info.categories) })
          : t('workbook.framework.appliesToNoCategories', { value: l, sheet: FRAMEWORK_SHEETS.info, label: INFO_CATEGORIES }),
      );
    }
    if (known.length) row.appliesTo = known;

    if (row.criteria.length > 2000) cellError(row, 'criteria', t('workbook.tooLong', { field: headerOf('criteria'), max: 2000, length: row.criteria.length }));
    if (row.evidence.length > 1000) cellError(row, 'evidence', t('workbook.tooLong', { field: headerOf('evidence'), max: 1000, length: row.evidence.length }));
  }

  if (rows.length === 0 && wb.cellProblems().length === 0) {
    throw new AppError('validation', t('error.frameworkXlsx.noRows', { file: fileName }));
  }

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
    if (row.entryWithoutMethod && (row.code === null || rowOfCode.get(row.code) === row)) {
      if (child) cellError(row, 'entry', t('workbook.framework.entryOnParent', { code: row.code! }));
      else cellError(row, 'entry', t('workbook.framework.entryWithoutMethod', { column: columnName('method') }));
    }
    // Only 分部 are pools or carry a section cap: a row nothing hangs below is a leaf.
    if (row.options && !child && row.code !== null && rowOfCode.get(row.code) === row) {
      if (row.options.pool) cellError(row, 'pool', t('workbook.framework.poolOnLeaf', { code: row.code }));
      if (row.options.bonusCap !== null) cellError(row, 'bonusCap', t('workbook.framework.bonusCapOnLeaf', { code: row.code }));
    }
  }

  // The 细则 sheet: each 细则 leaf gets its rules; bad rule cells are reported with the others.
  const ruleSheet = readRulesSheet(
    wb,
    fileName,
    (code) => {
      const row = rowOfCode.get(code);
      return row && { row: row.row, kind: row.kind, methodBad: row.methodGiven && row.kind === null };
    },
    checkCode,
  );
  for (const row of rows) {
    if (!row.rulesParams || row.code === null || rowOfCode.get(row.code) !== row || firstChild.has(row.code)) continue;
    const rules = ruleSheet.rules.get(row.code) ?? [];
    if (rules.length === 0 && !ruleSheet.incomplete.has(row.code)) {
      cellError(row, 'method', t(ruleSheet.present ? 'workbook.framework.rulesMissing' : 'workbook.framework.rulesSheetMissing', { code: row.code }));
      continue;
    }
    // Each rule was checked on its row (LeafRule's fields, at most MAX_RULES); the tree's checks judge the rest.
    row.method = { kind: 'rules', ...row.rulesParams, rules };
    // Some of its rules have bad cells (reported there): the row is not imported, and the tree's checks judge it
    // with the rules that are sound (its points and effect are known, so its parents' sums still are).
    if (ruleSheet.incomplete.has(row.code)) row.bad = true;
  }

  // Rows whose place in the tree is known: a code of their own, under a parent that is placed too.
  const placedMemo = new Map<ReadRow, boolean>();
  const isPlaced = (row: ReadRow): boolean => {
    if (row.code === null || rowOfCode.get(row.code) !== row) return false;
    const known = placedMemo.get(row);
    if (known !== undefined) return known;
    const parent = parentCode(row.code);
    const placed = parent === null || (rowOfCode.has(parent) && isPlaced(rowOfCode.get(parent)!));
    placedMemo.set(row, placed);
    return placed;
  };
  // What the import would create: placed rows without errors whose every ancestor is without errors too.
  const isKept = (row: ReadRow): boolean => !row.bad && isPlaced(row) && (parentCode(row.code!) === null || isKept(rowOfCode.get(parentCode(row.code!)!)!));
  const placed = rows.filter(isPlaced);
  const kept = placed.filter(isKept);
  const childrenIn = (list: readonly ReadRow[]) => {
    const map = new Map<string | null, ReadRow[]>();
    for (const row of list) {
      const parent = parentCode(row.code!);
      map.set(parent, [...(map.get(parent) ?? []), row]);
    }
    return map;
  };
  const childrenByParent = childrenIn(kept);
  const fieldsOf = (row: ReadRow) => ({
    code: row.code!,
    name: row.name,
    criteria: row.criteria,
    evidence: row.evidence,
    tag: row.tag!,
    maxPoints: row.maxPoints!,
    method: row.method,
    ...(row.options ? { options: row.options } : {}),
    ...(row.appliesTo ? { appliesTo: row.appliesTo } : {}),
  });
  const toDraft = (row: ReadRow): IndicatorDraft => {
    const kids = childrenByParent.get(row.code!) ?? [];
    return { ...fieldsOf(row), ...(kids.length ? { children: kids.map(toDraft) } : {}) };
  };

  // The tree's checks run on every placed row, bad cells or not, so one round reports both (issue 11 §9).
  // A category the checks never read stands in for a bad one, 0 for bad points (whose issues are left out below).
  const placedChildren = childrenIn(placed);
  const indicators: Indicator[] = placed.map((row) => {
    const parent = parentCode(row.code!);
    return {
      ...fieldsOf(row),
      tag: row.tag ?? 'party',
      maxPoints: row.maxPoints ?? 0,
      id: row.row,
      parentId: parent === null ? null : rowOfCode.get(parent)!.row,
      position: (placedChildren.get(parent) ?? []).indexOf(row),
    };
  });

  // Leave out what a wrong cell bearing on the tree may cause: issues on its row, the rows above it (their
  // sums and bonus status), the rows just below (a pool's rules for its children), and the framework as a whole.
  const unsure = rows.filter((r) => r.unsure);
  const unlocated = unsure.some((r) => r.code === null);
  const unsureAt = (code: string) => unsure.some((r) => r.code === code);
  const affected = (code: string) => unsure.some((r) => r.code !== null && (r.code === code || r.code.startsWith(`${code}.`)));
  const issues: FrameworkImportIssue[] = (placed.length > 0 ? [...validateFramework(indicators), ...categoryIssues(indicators, info.categories)] : [])
    .map((issue) => ({ ...issue, indicatorId: null, row: issue.indicatorId }))
    .filter((issue) => {
      // A 细则 leaf with a bad rule row: its own checks wait until all its rules are known.
      if (issue.code !== null && ruleSheet.incomplete.has(issue.code)) return false;
      if (unsure.length === 0) return true;
      if (issue.code === null || affected(issue.code)) return false;
      const parent = parentCode(issue.code);
      if (parent !== null && unsureAt(parent)) return false;
      // A row without a usable code may belong anywhere: then only a leaf's own method can be judged.
      return !unlocated || (!placedChildren.has(issue.code) && (rowOfCode.get(issue.code)?.method ?? null) !== null);
    });

  // The grade scheme (等次 sheet): its errors join the others, so one round reports every sheet's.
  const gradeSheet = readGradesSheet(wb, fileName);

  // The 指标体系 sheet's errors first, then the 细则 sheet's, then the 等次 sheet's, each in row and column order.
  const located: { sheet?: string; row: number; col: number; column: string; message: string }[] = [...cellErrors, ...ruleSheet.errors, ...gradeSheet.errors];
  withCellProblems(wb, located, sheet.name, ({ sheet: on, row, col, column, message }) => ({ sheet: on, row, col, column, message }));
  const rank = (e: { sheet?: string }) => (e.sheet === FRAMEWORK_SHEETS.rules ? 1 : e.sheet === FRAMEWORK_SHEETS.grades ? 2 : 0);
  located.sort((a, b) => rank(a) - rank(b) || a.row - b.row || a.col - b.col);
  return {
    file: fileName,
    name: info.name,
    description: info.description,
    drafts: {
      name: info.name,
      description: info.description,
      indicators: (childrenByParent.get(null) ?? []).map(toDraft),
      gradeScheme: gradeSheet.scheme,
      categories: info.categories,
    },
    rows: kept.map(
      (row): FrameworkImportRow => ({ row: row.row, depth: row.code!.split('.').length, ...fieldsOf(row) }),
    ),
    errors: [...located.map(({ row, column, message }) => ({ row, column, message })), ...infoErrors],
    issues,
    gradeScheme: gradeSheet.scheme,
    categories: info.categories,
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
  const errors = preview.issues.filter((i) => i.severity === 'error');
  // Bad cells and the tree's errors together: fixing the cells must not reveal a second list.
  if (preview.errors.length > 0) {
    const details = [...preview.errors, ...errors.map(issueDetail)];
    throw new AppError('validation', t('import.errorsFound', { file: preview.file, count: details.length }), details);
  }
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
