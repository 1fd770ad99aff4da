/**
 * A block pasted from Excel or WPS into the scoring grid, turned into the
 * cell writes the grid applies and the cells it refuses (with where and why):
 * pure, so what a paste does is tested without a screen. The block's top-left
 * cell lands on the focused cell; rows run down the sheet's leaf rows and
 * columns across its branches, whatever the view.
 */
import { t } from '../../../../shared/messages';
import { detailNeeded, parseClipboardBlock, parseInput, type LeafRow, type Row, type SheetBranch } from './model';
import type { CellChange, CellValue } from './sheetStore';

/** A pasted cell that was not taken: which leaf and branch (or how far outside the sheet), what was pasted, and why. */
export interface PasteProblem {
  leaf: string;
  branch: string;
  text: string;
  message: string;
}

export interface PasteInput {
  /** The clipboard's text/plain. */
  text: string;
  rows: readonly Row[];
  branches: readonly SheetBranch[];
  /** The focused (leaf) row's index in `rows`, and the focused branch: the block's top-left corner. */
  focusRow: number;
  focusBranchId: number;
  /** What a cell holds now. */
  current: (branchId: number, indicatorId: number) => CellValue | null;
  /** Why a cell may not be changed, or null (see cellRefusal). */
  refusal: (row: LeafRow, branch: SheetBranch) => string | null;
}

export interface PastePlan {
  changes: CellChange[];
  problems: PasteProblem[];
}

/** Blank, also when made of full-width spaces (an empty Excel cell may come as one). */
const isBlank = (text: string) => text.replace(/[\s\u3000]/g, '') === '';

/**
 * Blank cells and cells that parse to nothing are skipped; a count that needs
 * reasons is refused unless the cell already holds the same count with its
 * reasons (those are kept); everything else is written without reasons.
 */
export function pastePlan(input: PasteInput): PastePlan {
  const { rows, branches } = input;
  const block = parseClipboardBlock(input.text);
  const leafIndexes = rows.flatMap((r, i) => (r.kind === 'leaf' ? [i] : []));
  const startRow = leafIndexes.indexOf(input.focusRow);
  const startCol = branches.findIndex((b) => b.id === input.focusBranchId);
  const changes: CellChange[] = [];
  const problems: PasteProblem[] = [];
  block.forEach((line, r) => {
    line.forEach((cellText, c) => {
      if (isBlank(cellText)) return;
      const row = rows[leafIndexes[startRow + r] ?? -1] as LeafRow | undefined;
      const branch = branches[startCol + c];
      const where = { leaf: row ? `${row.leaf.code} ${row.leaf.name}` : `+${r + 1}`, branch: branch ? `${branch.code} ${branch.name}` : `+${c + 1}`, text: cellText.trim() };
      if (!row || !branch) return problems.push({ ...where, message: t('scoring.paste.outside') });
      const refused = input.refusal(row, branch);
      if (refused) return problems.push({ ...where, message: refused });
      const parsed = parseInput(row.leaf, row.method, cellText);
      if ('error' in parsed) return problems.push({ ...where, message: parsed.error });
      if (parsed.value === null) return;
      const need = detailNeeded(row.method, parsed.value);
      if (need > 0) {
        const current = input.current(branch.id, row.leaf.id);
        // The same count with its reasons already written keeps them; anything else needs the reasons typed.
        if (current && current.value === parsed.value && current.detail.length >= need) return;
        return problems.push({ ...where, message: t('scoring.paste.needsDetail') });
      }
      changes.push({ branchId: branch.id, indicatorId: row.leaf.id, next: { value: parsed.value, detail: [] } });
    });
  });
  return { changes, problems };
}
