/**
 * Where the keyboard goes in the scoring grid, and which cells take input:
 * pure functions of the sheet's rows and branches (no React, no DOM), so the
 * grid's moves are tested on their own. Moves skip group rows, quantitative
 * leaves (nobody types them), recused branches (the rater may not score
 * them) and 不适用 cells (the leaf does not apply to the branch's category:
 * up / down pass the row in that branch's column, left / right pass the
 * branch on that row); in one-branch view left / right go between the value and the
 * reasons column instead of between branches.
 */
import { dataTriggerOf } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import type { GridFocus } from './focusStore';
import { isNotApplicable, type LeafRow, type Row, type SheetBranch } from './model';

export type Direction = 'up' | 'down' | 'left' | 'right' | 'tab' | 'shiftTab' | 'home' | 'end' | 'pageUp' | 'pageDown' | 'first' | 'last';
/** What happens after a value is committed. */
export type Then = Direction | 'nextUnscored' | null;

/** What a move needs to know of the sheet. */
export interface GridShape {
  rows: readonly Row[];
  branches: readonly SheetBranch[];
  /** One-branch view: a value and a reasons column for the focused branch. */
  single: boolean;
}

/** Rows PageUp / PageDown jump over. */
export const PAGE_ROWS = 10;

/** Whether the rater types in this row for this branch: a rater-scored leaf that applies to the branch. */
const opensIn = (r: Row | undefined, branch: SheetBranch | undefined): boolean =>
  r?.kind === 'leaf' && r.rated && !(branch && isNotApplicable(branch, r.leaf.id));

/**
 * The count-th rater-scored leaf row after (step 1) or before (step -1) `from`, or the last one found on the way, or
 * null; with `branch`, only rows that apply to it (its 不适用 rows are passed).
 */
export function nextRatedRow(rows: readonly Row[], from: number, step: 1 | -1, count = 1, branch?: SheetBranch): number | null {
  let found: number | null = null;
  let left = count;
  for (let i = from + step; i >= 0 && i < rows.length; i += step) {
    const r = rows[i]!;
    if (opensIn(r, branch)) {
      found = i;
      if (--left === 0) break;
    }
  }
  return found;
}

/** The next branch (index) the rater may score, after (1) or before (-1) `from`, or null; with `row`, one the row applies to. */
export function nextOpenBranch(branches: readonly SheetBranch[], from: number, step: 1 | -1, row?: Row): number | null {
  for (let i = from + step; i >= 0 && i < branches.length; i += step) {
    const b = branches[i]!;
    if (!b.recused && !(row?.kind === 'leaf' && isNotApplicable(b, row.leaf.id))) return i;
  }
  return null;
}

/** The cell a move lands on, or null when there is nowhere to go (the focus stays). */
export function moveFocus(grid: GridShape, f: GridFocus, dir: Direction): GridFocus | null {
  const { rows, branches, single } = grid;
  const bi = branches.findIndex((b) => b.id === f.branchId);
  const here = branches[bi];
  const row = rows[f.row];
  // Up and down stay in the branch's column and pass its 不适用 rows; left and right stay on the row and pass its 不适用 branches.
  const firstRated = (b = here) => nextRatedRow(rows, -1, 1, 1, b);
  const lastRated = (b = here) => nextRatedRow(rows, rows.length, -1, 1, b);
  const firstBranch = (on?: Row) => nextOpenBranch(branches, -1, 1, on);
  const lastBranch = (on?: Row) => nextOpenBranch(branches, branches.length, -1, on);
  const at = (r: number | null, b: number | null, detailCol = f.detail): GridFocus | null =>
    r === null || b === null ? null : { row: r, branchId: branches[b]!.id, detail: detailCol };
  /** The next row (step 1) or the one before (-1) with a cell to type in: in this branch (one-branch view), or the row's first (last) such branch. */
  const wrap = (step: 1 | -1, detailCol: boolean): GridFocus | null => {
    for (let r = nextRatedRow(rows, f.row, step); r !== null; r = nextRatedRow(rows, r, step)) {
      const b = single ? (opensIn(rows[r], here) ? bi : null) : step === 1 ? firstBranch(rows[r]) : lastBranch(rows[r]);
      if (b !== null) return at(r, b, detailCol);
    }
    return null;
  };
  switch (dir) {
    case 'down':
      return at(nextRatedRow(rows, f.row, 1, 1, here), bi);
    case 'up':
      return at(nextRatedRow(rows, f.row, -1, 1, here), bi);
    case 'pageDown':
      return at(nextRatedRow(rows, f.row, 1, PAGE_ROWS, here) ?? lastRated(), bi);
    case 'pageUp':
      return at(nextRatedRow(rows, f.row, -1, PAGE_ROWS, here) ?? firstRated(), bi);
    case 'right':
      if (single) return f.detail ? null : { ...f, detail: true };
      return at(f.row, nextOpenBranch(branches, bi, 1, row));
    case 'left':
      if (single) return f.detail ? { ...f, detail: false } : null;
      return at(f.row, nextOpenBranch(branches, bi, -1, row));
    case 'home':
      return single ? { ...f, detail: false } : at(f.row, firstBranch(row));
    case 'end':
      return single ? { ...f, detail: true } : at(f.row, lastBranch(row));
    case 'first': {
      const b = single ? bi : firstBranch();
      return at(firstRated(b === null ? undefined : branches[b]), b, false);
    }
    case 'last': {
      const b = single ? bi : lastBranch();
      return at(lastRated(b === null ? undefined : branches[b]), b, single);
    }
    case 'tab':
      return moveFocus(grid, f, 'right') ?? wrap(1, false);
    case 'shiftTab':
      return moveFocus(grid, f, 'left') ?? wrap(-1, single);
  }
}

/** The keys the grid reads (a React or DOM keyboard event fits). */
export interface GridKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** An input method is composing: its keys are its own. */
  isComposing: boolean;
}

/** What a key asks of the grid; every action but null is the grid's (the browser's default is prevented). */
export type KeyAction =
  | { kind: 'commit'; then: Then }
  /** Alt+Enter while typing: commit the count, then open its reasons. */
  | { kind: 'commitReasons' }
  /** Alt+Enter on a cell: its reasons editor (reasons are entered deliberately, never by the next keystroke). */
  | { kind: 'reasons' }
  | { kind: 'cancelEdit' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'branchStep'; delta: -1 | 1 }
  | { kind: 'go'; then: Then }
  | { kind: 'edit' }
  | { kind: 'clear' }
  | { kind: 'dismiss' }
  | null;

/**
 * What a key does, while a value is being typed (`editing`: 'enter' when
 * started by typing, so left / right commit and move as in Excel; 'edit'
 * after F2 / Enter / double-click, so they move the caret) or not (null).
 */
export function keyAction(e: GridKey, editing: 'enter' | 'edit' | null): KeyAction {
  if (e.isComposing || e.key === 'Process') return null;
  const ctrl = e.ctrlKey || e.metaKey;
  if (editing) {
    const commit = (then: Then): KeyAction => ({ kind: 'commit', then });
    if (e.key === 'Enter' && e.altKey) return { kind: 'commitReasons' };
    if (e.key === 'Enter') return commit(ctrl ? 'nextUnscored' : e.shiftKey ? 'up' : 'down');
    if (e.key === 'Tab') return commit(e.shiftKey ? 'shiftTab' : 'tab');
    if (e.key === 'Escape') return { kind: 'cancelEdit' };
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') return commit(e.key === 'ArrowUp' ? 'up' : 'down');
    if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && editing === 'enter') return commit(e.key === 'ArrowLeft' ? 'left' : 'right');
    return null;
  }
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && key === 'z' && !e.shiftKey) return { kind: 'undo' };
  if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) return { kind: 'redo' };
  if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) return { kind: 'branchStep', delta: key === 'ArrowLeft' ? -1 : 1 };
  const move: Partial<Record<string, Direction>> = {
    ArrowUp: 'up',
    ArrowDown: 'down',
    ArrowLeft: 'left',
    ArrowRight: 'right',
    PageUp: 'pageUp',
    PageDown: 'pageDown',
    Home: ctrl ? 'first' : 'home',
    End: ctrl ? 'last' : 'end',
    Tab: e.shiftKey ? 'shiftTab' : 'tab',
  };
  if (key === 'Enter' && ctrl) return { kind: 'go', then: 'nextUnscored' };
  if (key === 'Enter' && e.altKey) return { kind: 'reasons' };
  const dir = move[key];
  if (dir) return { kind: 'go', then: dir };
  if (key === 'Enter' || key === 'F2') return { kind: 'edit' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' };
  if (key === 'Escape') return { kind: 'dismiss' };
  return null;
}

/**
 * Why a cell cannot be changed, in the user's words, or null: the sheet is
 * locked, the branch is recused, the leaf does not apply to the branch
 * (不适用), the leaf is quantitative, or the page's
 * guard refuses (e.g. a missing reason for a change after submission).
 */
export function cellRefusal(row: LeafRow | null, branch: SheetBranch, readOnly: string | null, guard: () => string | null): string | null {
  if (!row) return null;
  if (readOnly) return t('scoring.refuse.locked', { reason: readOnly });
  if (branch.recused) return t('scoring.refuse.recused', { branch: `${branch.code} ${branch.name}`, reason: branch.reason });
  if (isNotApplicable(branch, row.leaf.id)) return t('scoring.refuse.notApplicable', { branch: branch.code, category: branch.category ?? '', code: row.leaf.code, name: row.leaf.name });
  if (row.office) return t('scoring.office.refuse');
  // Business data decides the row: a quantitative leaf, or a veto or deduction it triggers (由业务数据触发).
  if (!row.rated) return t(dataTriggerOf(row.method) ? 'scoring.refuse.triggered' : 'scoring.refuse.quantitative');
  return guard();
}
