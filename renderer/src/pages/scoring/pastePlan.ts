/**
 * A block pasted from Excel or WPS into the scoring grid, turned into the
 * cell writes the grid applies, where each lands, and the cells it refuses
 * (with where and why): pure, so what a paste does is tested without a screen.
 *
 * Rows: when the block's first column holds leaf codes (a block copied from
 * the rater's score workbook with its 指标编码 column), each line goes to the
 * leaf of its code wherever the focus is. Otherwise the lines run down the
 * leaves a rater enters (raterLeavesInOrder: the rows of the score workbook
 * and of the paper sheet, in their order) from the focused row — quantitative
 * leaves are not part of that sequence, so a column copied from the workbook
 * lands on the same indicators even where the grid shows a quantitative row
 * between them. Columns: when the block's first line holds branch codes (the
 * workbook's header, “编码⏎名称”), each column goes to the branch of its code;
 * otherwise across the branches from the focused one. The workbook's name,
 * max-points and hint columns between the codes and the values are skipped.
 *
 * What is not a plain positional paste of enterable rows — rows or columns
 * matched by code, rows passed over, refused cells — is shown to the rater
 * before anything is saved (`confirm`).
 */
import { entryHint } from '../../../../shared/domain/entry-text';
import type { Indicator } from '../../../../shared/domain/framework';
import { normaliseCode, raterLeavesInOrder } from '../../../../shared/domain/rater-leaves';
import { RECUSED_TEXT, SCORE_FIXED_COLUMNS } from '../../../../shared/domain/score-workbook';
import { t } from '../../../../shared/messages';
import { detailNeeded, isNotApplicable, parseClipboardBlock, parseInput, type LeafRow, type Row, type SheetBranch } from './model';
import type { CellChange, CellValue } from './sheetStore';

/** A pasted cell that was not taken: which leaf and branch (or how far outside the sheet), what was pasted, and why. */
export interface PasteProblem {
  leaf: string;
  branch: string;
  text: string;
  message: string;
}

/** Where one pasted value goes (one per change, in the same order). */
export interface PasteLanding {
  leaf: string;
  branch: string;
  text: string;
  /** A count (or 是) whose reasons are still to be written: kept as a draft marked 待填原因. */
  draft: boolean;
}

export interface PasteInput {
  /** The clipboard's text/plain. */
  text: string;
  /** The framework the rows come from (for the order of the leaves a rater enters). */
  indicators: readonly Indicator[];
  rows: readonly Row[];
  branches: readonly SheetBranch[];
  /** The focused (leaf) row's index in `rows`, and the focused branch: the block's top-left corner when nothing is matched by code. */
  focusRow: number;
  focusBranchId: number;
  /** What a cell holds now. */
  current: (branchId: number, indicatorId: number) => CellValue | null;
  /** Why a cell may not be changed, or null (see cellRefusal). */
  refusal: (row: LeafRow, branch: SheetBranch) => string | null;
}

export interface PastePlan {
  changes: CellChange[];
  landings: PasteLanding[];
  problems: PasteProblem[];
  /** Rows matched by the leaf codes of the block's first column; columns by the branch codes of its first line. */
  byCode: { rows: boolean; columns: boolean };
  /** Leaves the block ran past without writing them (not entered by raters), “2.1 产量完成率”. */
  skipped: string[];
  /** Values that fell on 不适用 cells (the leaf does not apply to the branch's category) and were not taken. */
  notApplicable: number;
  /** Show where each value lands and ask before saving. */
  confirm: boolean;
}

/** Blank, also when made of full-width spaces (an empty Excel cell may come as one). */
const isBlank = (text: string) => text.replace(/[\s\u3000]/g, '') === '';
const codeKey = (text: string) => normaliseCode(text).toUpperCase();
/** A header cell's code: its first word (the workbook writes “编码⏎名称”). */
const headerCode = (text: string) => codeKey(text.trim().split(/[\s\u3000]+/)[0] ?? '');
const FIXED_HEADERS = new Map<string, string>(SCORE_FIXED_COLUMNS.map((c) => [c.header, c.field]));
const CODE_HEADER = SCORE_FIXED_COLUMNS.find((c) => c.field === 'code')!.header;

/** How a block is laid out: a header line, a code column, the descriptive columns to skip, and the branch of each column. */
export interface BlockLayout {
  header: boolean;
  codeColumn: boolean;
  /** Per column: 'skip' (code, name, max points, hint), a branch, 'unknown' (a header naming no branch of the sheet) or null (by position). */
  columns: (SheetBranch | 'skip' | 'unknown' | null)[];
}

/**
 * Reads a block's layout against the sheet: whether its first line is the
 * workbook's header (it names a branch of the sheet or a fixed column), whether
 * its first column holds leaf codes, and which columns carry values.
 */
export function blockLayout(block: readonly (readonly string[])[], rows: readonly Row[], branches: readonly SheetBranch[]): BlockLayout {
  const leaves = rows.filter((r): r is LeafRow => r.kind === 'leaf');
  const leafByCode = new Map(leaves.map((r) => [codeKey(r.leaf.code), r]));
  const branchByCode = new Map(branches.map((b) => [codeKey(b.code), b]));
  const width = Math.max(0, ...block.map((l) => l.length));
  const first = block[0] ?? [];
  const header = first.some((c) => branchByCode.has(headerCode(c)) || FIXED_HEADERS.has(c.trim()));
  const data = header ? block.slice(1) : block;
  const columns: BlockLayout['columns'] = Array.from({ length: width }, () => null);

  if (header) {
    const anyBranch = first.some((c) => branchByCode.has(headerCode(c)));
    first.forEach((c, i) => {
      if (FIXED_HEADERS.has(c.trim())) columns[i] = 'skip';
      else if (anyBranch) columns[i] = isBlank(c) ? 'unknown' : (branchByCode.get(headerCode(c)) ?? 'unknown');
    });
    // Cells right of the header's last cell have no header: nothing to match them by.
    for (let i = first.length; i < width; i++) if (anyBranch) columns[i] = 'unknown';
    return { header, codeColumn: first[0]?.trim() === CODE_HEADER, columns };
  }

  // No header: the first column holds codes when every code it has is a leaf's, each once, in sheet order,
  // and either the leaf names follow or there are several codes with at least one of the 1.2 form (not a plain value column).
  const codeLines = data.filter((l) => !isBlank(l[0] ?? ''));
  const coded = codeLines.map((l) => leafByCode.get(codeKey(l[0]!)));
  const order = coded.map((r) => (r ? leaves.indexOf(r) : -1));
  const namesFollow = width > 1 && codeLines.every((l, i) => (l[1] ?? '').trim() === coded[i]?.leaf.name);
  const codeColumn =
    width > 1 &&
    codeLines.length > 0 &&
    order.every((o, i) => o >= 0 && (i === 0 || o > order[i - 1]!)) &&
    (namesFollow || (codeLines.length > 1 && codeLines.some((l) => codeKey(l[0]!).includes('.'))));
  if (!codeColumn) return { header, codeColumn, columns };
  columns[0] = 'skip';
  // The descriptive columns the workbook puts between the code and the values, in its order: name, max points, hint.
  const tests: ((cell: string, r: LeafRow) => boolean)[] = [
    (cell, r) => cell === r.leaf.name,
    (cell, r) => Number(cell) === r.leaf.maxPoints,
    (cell, r) => cell === entryHint(r.method, r.leaf.maxPoints),
  ];
  let col = 1;
  for (const test of tests) {
    if (col >= width) break;
    const column = codeLines.map((l, i) => ({ cell: (l[col] ?? '').trim(), row: coded[i]! }));
    if (column.every(({ cell, row }) => cell === '' || test(cell, row)) && column.some(({ cell }) => cell !== '')) columns[col++] = 'skip';
  }
  return { header, codeColumn, columns };
}

/**
 * Blank cells are skipped (and a 回避 under a recused branch, as the workbook
 * writes it); text a cell cannot take is refused with the method's message; a
 * count that needs reasons is written as a draft (待填原因) keeping the
 * reasons the cell has when the count is the same.
 */
export function pastePlan(input: PasteInput): PastePlan {
  const { rows, branches } = input;
  const block = parseClipboardBlock(input.text);
  const layout = blockLayout(block, rows, branches);
  const data = layout.header ? block.slice(1) : block;
  const rowIndex = new Map(rows.flatMap((r, i) => (r.kind === 'leaf' ? [[r.leaf.id, i] as const] : [])));
  const enterable = raterLeavesInOrder(input.indicators).flatMap((l) => (rowIndex.has(l.id) ? [rowIndex.get(l.id)!] : []));
  const leafByCode = new Map(rows.flatMap((r) => (r.kind === 'leaf' ? [[codeKey(r.leaf.code), r] as const] : [])));
  const start = Math.max(0, enterable.findIndex((i) => i >= input.focusRow));
  const startCol = branches.findIndex((b) => b.id === input.focusBranchId);
  // The value columns met so far, left to right: the n-th one by position goes to the n-th branch from the focus.
  const valueColumn = layout.columns.map((c, i) => layout.columns.slice(0, i).filter((x) => x === null).length);

  const changes: CellChange[] = [];
  const landings: PasteLanding[] = [];
  const problems: PasteProblem[] = [];
  const landedRows: number[] = [];
  let notApplicable = 0;
  data.forEach((line, r) => {
    let row: LeafRow | undefined;
    let rowName: string;
    let rowProblem: string | null = null;
    if (layout.codeColumn) {
      const code = (line[0] ?? '').trim();
      row = leafByCode.get(codeKey(code));
      rowName = row ? `${row.leaf.code} ${row.leaf.name}` : code || `+${r + 1}`;
      if (!row) rowProblem = code ? t('scoring.paste.unknownCode', { code }) : t('scoring.paste.noCode');
    } else {
      const at = enterable[start + r];
      row = at === undefined ? undefined : (rows[at] as LeafRow);
      rowName = row ? `${row.leaf.code} ${row.leaf.name}` : `+${r + 1}`;
      if (!row) rowProblem = t('scoring.paste.outside');
      else landedRows.push(at!);
    }
    line.forEach((cellText, c) => {
      const kind = layout.columns[c] ?? null;
      if (kind === 'skip' || isBlank(cellText)) return;
      const branch = kind === null ? branches[startCol + valueColumn[c]!] : kind === 'unknown' ? undefined : kind;
      const header = layout.header ? (block[0]![c] ?? '').trim().replace(/\s+/g, ' ') : '';
      const where = { leaf: rowName, branch: branch ? `${branch.code} ${branch.name}` : header || `+${valueColumn[c]! + 1}`, text: cellText.trim() };
      if (rowProblem) return problems.push({ ...where, message: rowProblem });
      if (!branch) return problems.push({ ...where, message: kind === 'unknown' ? t('scoring.paste.unknownBranch', { header: header || `+${c + 1}` }) : t('scoring.paste.outside') });
      if (branch.recused && cellText.trim() === RECUSED_TEXT) return;
      // 不适用: never written; “不适用” as the workbook writes it passes quietly, a value there is counted as not taken.
      if (!branch.recused && isNotApplicable(branch, row!.leaf.id)) {
        if (cellText.trim() !== t('categories.na')) notApplicable++;
        return;
      }
      const refused = input.refusal(row!, branch);
      if (refused) return problems.push({ ...where, message: refused });
      const parsed = parseInput(row!.leaf, row!.method, cellText);
      if ('error' in parsed) return problems.push({ ...where, message: parsed.error });
      if (parsed.value === null) return;
      const need = detailNeeded(row!.method, parsed.value);
      const current = input.current(branch.id, row!.leaf.id);
      // The same count keeps the reasons it has; a new count is written without them, as a draft until they are.
      const detail = need > 0 && current?.value === parsed.value ? current.detail.slice(0, need) : [];
      changes.push({ branchId: branch.id, indicatorId: row!.leaf.id, next: { value: parsed.value, detail } });
      landings.push({ ...where, draft: detail.filter((d) => d.trim()).length < need });
    });
  });

  const skipped: string[] = [];
  if (landedRows.length > 1) {
    const [from, to] = [Math.min(...landedRows), Math.max(...landedRows)];
    for (let i = from; i <= to; i++) {
      const row = rows[i];
      if (row?.kind === 'leaf' && !row.rated) skipped.push(`${row.leaf.code} ${row.leaf.name}`);
    }
  }
  const byCode = { rows: layout.codeColumn, columns: layout.columns.some((c) => typeof c === 'object' && c !== null) };
  return {
    changes,
    landings,
    problems,
    byCode,
    skipped,
    notApplicable,
    confirm: skipped.length > 0 || byCode.rows || byCode.columns || problems.length > 0 || notApplicable > 0,
  };
}
