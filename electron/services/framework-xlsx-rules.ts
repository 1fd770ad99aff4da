/**
 * The framework workbook's 细则 sheet (issue 11 §1): one row per rule of a leaf whose 评分方法 is 细则, a leaf's
 * rules in the order of its rows. Written by the template and the export, read by the import (framework-xlsx.ts),
 * which attaches each leaf's rules to its method. A workbook without the sheet (made before 细则 existed) reads
 * as having no rules.
 */
import { LeafRule, MAX_RULES, type LeafMethod, type MethodKind } from '../../shared/domain/framework';
import { FRAMEWORK_RULE_COLUMNS, FRAMEWORK_RULE_HEADER_ALIASES, FRAMEWORK_SHEETS, type FrameworkRuleField } from '../../shared/domain/framework-workbook';
import { METHOD_LABELS, RULE_BASIS_LABELS, formatRuleAmount, parseRuleAmount, parseRuleBasis } from '../../shared/domain/method-text';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import {
  addRangeValidation,
  listValidation,
  numberValidation,
  addTemplateSheet,
  cellText,
  cellValue,
  columnLetter,
  locateHeaders,
  type ImportCell,
  type ImportWorkbook,
  type Workbook,
  type Worksheet,
} from './xlsx';

type Field = FrameworkRuleField;
type RulesMethod = Extract<LeafMethod, { kind: 'rules' }>;

const SHEET = FRAMEWORK_SHEETS.rules;
const REQUIRED: readonly Field[] = ['code', 'text', 'amount'];
/** Headers found on import: the template's, then their aliases. */
const READ_COLUMNS: readonly { field: Field; header: string }[] = [...FRAMEWORK_RULE_COLUMNS, ...FRAMEWORK_RULE_HEADER_ALIASES];
const columnOf = (field: Field) => FRAMEWORK_RULE_COLUMNS.findIndex((c) => c.field === field) + 1;
const headerOf = (field: Field) => FRAMEWORK_RULE_COLUMNS.find((c) => c.field === field)!.header.replace('*', '');

// ---------------------------------------------------------------- writing

/**
 * The 细则 sheet with its header, the 计分方式 drop-down and a text code column; `leaves` are written in the
 * order given (the export passes them in tree order), each leaf's rules in their order, numbered 1, 2, … (序号).
 */
export function addRulesSheet(wb: Workbook, rowsToValidate: number, leaves: readonly { code: string; method: RulesMethod }[] = []): Worksheet {
  const sheet = addTemplateSheet(wb, SHEET, FRAMEWORK_RULE_COLUMNS);
  sheet.getColumn(columnOf('code')).numFmt = '@';
  sheet.getColumn(columnOf('text')).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' }; // the column style above reaches the header too
  const rows = (field: Field) => `${columnLetter(columnOf(field))}2:${columnLetter(columnOf(field))}${rowsToValidate}`;
  addRangeValidation(sheet, rows('basis'), listValidation([RULE_BASIS_LABELS.once, RULE_BASIS_LABELS.each], t('workbook.framework.validation.ruleBasis')));
  addRangeValidation(sheet, rows('cap'), numberValidation(0, 1000, t('workbook.framework.validation.ruleCap')));

  let r = 2;
  for (const { code, method } of leaves) {
    method.rules.forEach((rule, i) => {
      const values: Record<Field, string | number | null> = {
        code,
        seq: i + 1,
        text: rule.text,
        basis: RULE_BASIS_LABELS[rule.basis],
        amount: formatRuleAmount(rule),
        cap: rule.cap,
      };
      const row = sheet.getRow(r++);
      FRAMEWORK_RULE_COLUMNS.forEach((c, col) => (row.getCell(col + 1).value = values[c.field]));
      row.getCell(columnOf('code')).numFmt = '@';
    });
  }
  return sheet;
}

// ---------------------------------------------------------------- reading

/** What the 指标体系 sheet says about a code: its row, and the 评分方法 read there (null: empty or unreadable). */
export interface RuleTarget {
  row: number;
  kind: MethodKind | null;
  /** The 评分方法 cell was filled but could not be read: that cell's error says enough. */
  methodBad: boolean;
}

/** A bad cell of the 细则 sheet, its message naming the sheet. */
export interface RuleCellError {
  sheet: string;
  row: number;
  col: number;
  column: string;
  message: string;
}

export interface ReadRules {
  /** Whether the workbook has a 细则 sheet. */
  present: boolean;
  /** The sound rules of each code, in the order of the rows (at most MAX_RULES). */
  rules: Map<string, LeafRule[]>;
  /** Codes that have a rule row with a bad cell: their rules are not all known. */
  incomplete: Set<string>;
  errors: RuleCellError[];
}

/** A positive number as typed: 2, “2”, “2分”, “最多扣2分”; undefined when it is something else. */
function capOf(cell: ImportCell): number | null | undefined {
  const v = cellValue(cell);
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/[\s\u3000,，]/g, '').replace(/^最多[扣加]?/, '').replace(/分$/, '');
  return /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s) ? Number(s) : undefined;
}

/**
 * Reads the 细则 sheet. Every bad cell is reported (rows grouped by 指标编码, in sheet order): a code unknown
 * on the 指标体系 sheet or not a 细则 leaf there, an empty or too long 细则内容, a 计分方式 that is neither 一次 nor
 * 每次, a 分值 that is not a number or range (or not positive, or a range whose lower bound is above the upper),
 * a cap that is not a positive number, more than MAX_RULES rules for one leaf. `codeCheck` is the 指标体系
 * sheet's own check of a code (normalised, then validated), so both sheets read codes alike.
 */
export function readRulesSheet(
  wb: ImportWorkbook,
  fileName: string,
  targetOf: (code: string) => RuleTarget | undefined,
  codeCheck: (text: string) => { code: string } | { error: string },
): ReadRules {
  const result: ReadRules = { present: false, rules: new Map(), incomplete: new Set(), errors: [] };
  const sheet = wb.getWorksheet(SHEET);
  if (!sheet || sheet.rowCount === 0) return result;
  result.present = true;
  const columns = locateHeaders(sheet, READ_COLUMNS);
  const missing = REQUIRED.filter((f) => !columns.has(f)).map(headerOf);
  if (missing.length > 0) throw new AppError('validation', t('error.frameworkXlsx.rulesHeader', { file: fileName, header: missing.join('、') }));

  const counts = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = new Map<Field, ImportCell>();
    for (const [field, col] of columns) cells.set(field, sheet.getRow(r).getCell(col));
    const text = (field: Field) => {
      const cell = cells.get(field);
      return cell ? cellText(cell) : '';
    };
    // 序号 alone (a numbered but otherwise empty row of a template) is an empty row.
    if ([...columns.keys()].every((f) => f === 'seq' || text(f) === '')) continue;

    let bad = false;
    const error = (field: Field, reason: string) => {
      bad = true;
      const col = columns.get(field)!;
      const column = columnLetter(col);
      result.errors.push({
        sheet: SHEET,
        row: r,
        col,
        column,
        message: t('workbook.onSheet', { sheet: SHEET, message: t('import.error.cell', { row: r, column, header: headerOf(field), reason }) }),
      });
    };

    // Which leaf: a code of the 指标体系 sheet whose 评分方法 is 细则.
    let code: string | null = null;
    const codeText = text('code');
    const checked = codeText === '' ? { error: t('workbook.indicatorCodeRequired') } : codeCheck(codeText);
    if ('error' in checked) error('code', checked.error);
    else {
      const target = targetOf(checked.code);
      if (!target) error('code', t('workbook.framework.rule.codeUnknown', { code: checked.code }));
      else if (target.kind === 'rules') code = checked.code;
      else if (!target.methodBad) {
        error(
          'code',
          target.kind === null
            ? t('workbook.framework.rule.noMethod', { code: checked.code, row: target.row })
            : t('workbook.framework.rule.notRulesLeaf', { code: checked.code, row: target.row, method: METHOD_LABELS[target.kind] }),
        );
      }
    }

    const ruleText = LeafRule.shape.text.safeParse(text('text'));
    if (!ruleText.success) error('text', ruleText.error.issues[0]!.message);

    const basisText = text('basis');
    const basis = basisText === '' ? 'once' : parseRuleBasis(basisText);
    if (basis === null) error('basis', t('workbook.framework.rule.basisInvalid', { value: basisText }));

    const amountText = text('amount');
    const amountValue = cellValue(cells.get('amount')!);
    const amount = amountText === '' ? null : parseRuleAmount(typeof amountValue === 'number' ? amountValue : amountText);
    if (amountText === '') error('amount', t('workbook.framework.rule.amountRequired'));
    else if (amount === null) error('amount', t('workbook.framework.rule.amountInvalid', { value: amountText }));
    else if (!(amount.min > 0)) error('amount', t('workbook.framework.rule.amountNotPositive', { value: amountText }));
    else if (amount.max > 1000) error('amount', t('workbook.framework.rule.amountTooLarge', { value: amountText }));
    else if (amount.min > amount.max) error('amount', t('workbook.framework.rule.amountReversed', { min: amount.min, max: amount.max }));

    const cap = cells.has('cap') ? capOf(cells.get('cap')!) : null;
    if (cap === undefined || (cap !== null && !(cap > 0 && cap <= 1000))) error('cap', t('workbook.framework.rule.capInvalid', { value: text('cap') }));

    if (code === null) continue;
    const count = (counts.get(code) ?? 0) + 1;
    counts.set(code, count);
    if (count > MAX_RULES) error('code', t('workbook.framework.rule.tooMany', { code, max: MAX_RULES, count }));
    if (bad) {
      result.incomplete.add(code);
      continue;
    }
    const rule: LeafRule = { text: ruleText.data!, basis: basis!, min: amount!.min, max: amount!.max, cap: cap ?? null };
    result.rules.set(code, [...(result.rules.get(code) ?? []), rule]);
  }
  return result;
}
