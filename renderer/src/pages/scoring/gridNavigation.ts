/**
 * Where the keyboard goes in the scoring grid, and which cells take input:
 * pure functions of the sheet's rows and branches (no React, no DOM), so the
 * grid's moves are tested on their own. Moves skip group rows, quantitative
 * leaves (nobody types them) and recused branches (the rater may not score
 * them); in one-branch view left / right go between the value and the
 * reasons column instead of between branches.
 */
import { dataTriggerOf } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import type { GridFocus } from './focusStore';
import type { LeafRow, Row, SheetBranch } from './model';

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

/** The count-th rater-scored leaf row after (step 1) or before (step -1) `from`, or the last one found on the way, or null. */
export function nextRatedRow(rows: readonly Row[], from: number, step: 1 | -1, count = 1): number | null {
  let found: number | null = null;
  let left = count;
  for (let i = from + step; i >= 0 && i < rows.length; i += step) {
    const r = rows[i]!;
    if (r.kind === 'leaf' && r.rated) {
      found = i;
      if (--left === 0) break;
    }
  }
  return found;
}

/** The next branch (index) the rater may score, after (1) or before (-1) `from`, or null. */
export function nextOpenBranch(branches: readonly SheetBranch[], from: number, step: 1 | -1): number | null {
  for (let i = from + step; i >= 0 && i < branches.length; i += step) if (!branches[i]!.recused) return i;
  return null;
}

/** The cell a move lands on, or null when there is nowhere to go (the focus stays). */
export function moveFocus(grid: GridShape, f: GridFocus, dir: Direction): GridFocus | null {
  const { rows, branches, single } = grid;
  const bi = branches.findIndex((b) => b.id === f.branchId);
  const firstRated = () => nextRatedRow(rows, -1, 1);
  const lastRated = () => nextRatedRow(rows, rows.length, -1);
  const firstBranch = () => nextOpenBranch(branches, -1, 1);
  const lastBranch = () => nextOpenBranch(branches, branches.length, -1);
  const at = (row: number | null, b: number | null, detailCol = f.detail): GridFocus | null =>
    row === null || b === null ? null : { row, branchId: branches[b]!.id, detail: detailCol };
  switch (dir) {
    case 'down':
      return at(nextRatedRow(rows, f.row, 1), bi);
    case 'up':
      return at(nextRatedRow(rows, f.row, -1), bi);
    case 'pageDown':
      return at(nextRatedRow(rows, f.row, 1, PAGE_ROWS) ?? lastRated(), bi);
    case 'pageUp':
      return at(nextRatedRow(rows, f.row, -1, PAGE_ROWS) ?? firstRated(), bi);
    case 'right':
      if (single) return f.detail ? null : { ...f, detail: true };
      return at(f.row, nextOpenBranch(branches, bi, 1));
    case 'left':
      if (single) return f.detail ? { ...f, detail: false } : null;
      return at(f.row, nextOpenBranch(branches, bi, -1));
    case 'home':
      return single ? { ...f, detail: false } : at(f.row, firstBranch());
    case 'end':
      return single ? { ...f, detail: true } : at(f.row, lastBranch());
    case 'first':
      return at(firstRated(), single ? bi : firstBranch(), false);
    case 'last':
      return at(lastRated(), single ? bi : lastBranch(), single);
    case 'tab':
      return moveFocus(grid, f, 'right') ?? at(nextRatedRow(rows, f.row, 1), single ? bi : firstBranch(), false);
    case 'shiftTab':
      return moveFocus(grid, f, 'left') ?? at(nextRatedRow(rows, f.row, -1), single ? bi : lastBranch(), single);
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
 * locked, the branch is recused, the leaf is quantitative, or the page's
 * guard refuses (e.g. a missing reason for a change after submission).
 */
export function cellRefusal(row: LeafRow | null, branch: SheetBranch, readOnly: string | null, guard: () => string | null): string | null {
  if (!row) return null;
  if (readOnly) return t('scoring.refuse.locked', { reason: readOnly });
  if (branch.recused) return t('scoring.refuse.recused', { branch: `${branch.code} ${branch.name}`, reason: branch.reason });
  if (row.office) return t('scoring.office.refuse');
  // Business data decides the row: a quantitative leaf, or a veto or deduction it triggers (由业务数据触发).
  if (!row.rated) return t(dataTriggerOf(row.method) ? 'scoring.refuse.triggered' : 'scoring.refuse.quantitative');
  return guard();
}
