/**
 * What the scoring grid's editor does with the focused cell: start an edit,
 * check and commit typed text, open the reasons editor when asked (Alt+Enter,
 * the reasons column, the side panel), clear a cell, paste a block, and move
 * on afterwards. A count that needs reasons is committed like any value — as
 * a draft marked 待填原因 until they are written — and the focus moves on: the
 * next keystroke is the next cell's, never a reason. The keys and clipboard
 * events that call these are in useGridKeyboard.
 */
import { useState, type RefObject } from 'react';
import { t } from '../../../../shared/messages';
import type { FocusSnapshot, FocusStore, GridFocus } from './focusStore';
import { cellRefusal, moveFocus, type Then } from './gridNavigation';
import { detailNeeded, editText, parseInput, type LeafRow, type SheetBranch } from './model';
import { pastePlan, type PastePlan } from './pastePlan';
import type { CellChange, SheetStore } from './sheetStore';

export interface Editing {
  text: string;
  /** 'enter': started by typing, arrows commit and move; 'edit': F2 / Enter / double-click, arrows move the caret. */
  mode: 'enter' | 'edit';
  error: string | null;
}

export interface DetailEditing {
  branchId: number;
  row: number;
  value: number;
  count: number;
  initial: string[];
  then: Then;
}

export interface GridEditingOptions {
  store: SheetStore;
  single: boolean;
  focus: FocusSnapshot;
  focusStore: FocusStore;
  focusBranch: SheetBranch;
  inputRef: RefObject<HTMLInputElement | null>;
  readOnly: string | null;
  guard: () => string | null;
  onNextUnscored: () => void;
  /** A pasted block's plan, and how to save it (the page saves at once or asks first: plan.confirm). */
  onPaste: (plan: PastePlan, save: () => void) => void;
}

export function useGridEditing(o: GridEditingOptions) {
  const { store, focus, focusBranch, readOnly, guard } = o;
  const rows = store.rows;
  const [editing, setEditing] = useState<Editing | null>(null);
  // A notice that only said "write the 代录 reason first" goes as soon as the reason is written, not when the focus moves.
  const [noticeState, setNoticeState] = useState<{ text: string; fromGuard: boolean } | null>(null);
  const setNotice = (text: string | null) => setNoticeState(text === null ? null : { text, fromGuard: text === guard() });
  const notice = noticeState && !(noticeState.fromGuard && guard() === null) ? noticeState.text : null;
  const [detail, setDetail] = useState<DetailEditing | null>(null);
  const focusRow = rows[focus.row]?.kind === 'leaf' ? (rows[focus.row] as LeafRow) : null;
  const refusal = (row: LeafRow | null, branch: SheetBranch) => cellRefusal(row, branch, readOnly, guard);
  const keepKeyboard = () => o.inputRef.current?.focus({ preventScroll: true });

  const go = (then: Then, from: GridFocus = focus) => {
    setNotice(null);
    if (then === 'nextUnscored') o.onNextUnscored();
    else if (then) {
      const next = moveFocus({ rows, branches: store.branches, single: o.single }, from, then);
      if (next) o.focusStore.set(next);
    }
    keepKeyboard();
  };

  const applyOne = (row: LeafRow, branchId: number, next: CellChange['next']) => {
    store.apply([{ branchId, indicatorId: row.leaf.id, next }]);
  };

  /** Opens the reasons editor for `value` in the focused cell, starting from the reasons it has. */
  const openDetail = (value: number, count: number, old: readonly string[], then: Then) =>
    setDetail({ branchId: focusBranch.id, row: focus.row, value, count, initial: Array.from({ length: count }, (_, i) => old[i] ?? ''), then });

  /** Commits a value typed or picked for the focused cell; false when it was refused (the editor stays open). */
  const commitText = (text: string, then: Then): boolean => {
    if (!focusRow) return true;
    const parsed = parseInput(focusRow.leaf, focusRow.method, text);
    if ('error' in parsed) {
      setEditing((e) => ({ text, mode: e?.mode ?? 'enter', error: parsed.error }));
      return false;
    }
    setEditing(null);
    const current = store.get(focusBranch.id, focusRow.leaf.id);
    if (parsed.value === null) {
      if (current) applyOne(focusRow, focusBranch.id, null);
      go(then);
      return true;
    }
    // A count keeps the reasons the cell has (the first ones when it went down); missing ones make it a draft (待填原因).
    const need = detailNeeded(focusRow.method, parsed.value);
    applyOne(focusRow, focusBranch.id, { value: parsed.value, detail: need > 0 ? (current?.detail ?? []).slice(0, need) : [] });
    go(then);
    return true;
  };

  const beginEdit = (mode: Editing['mode'], text?: string, reasons = false) => {
    if (!focusRow) return;
    const refused = refusal(focusRow, focusBranch);
    if (refused) {
      setNotice(refused);
      return;
    }
    const current = store.get(focusBranch.id, focusRow.leaf.id);
    if (focus.detail || reasons) {
      if (!current) return setNotice(t('scoring.refuse.detailFirst'));
      const need = detailNeeded(focusRow.method, current.value);
      if (!need) return setNotice(t('scoring.refuse.noDetail'));
      openDetail(current.value, need, current.detail, reasons ? null : 'down');
      return;
    }
    setNotice(null);
    setEditing({ text: text ?? (current ? editText(focusRow.method, current.value) : ''), mode, error: null });
  };

  const clearCell = () => {
    if (!focusRow) return;
    const refused = refusal(focusRow, focusBranch);
    if (refused) return setNotice(refused);
    if (store.get(focusBranch.id, focusRow.leaf.id)) applyOne(focusRow, focusBranch.id, null);
  };

  const finishDetail = (reasons: string[] | null) => {
    const d = detail;
    setDetail(null);
    if (!d) return;
    const row = rows[d.row];
    if (reasons && row?.kind === 'leaf') {
      store.apply([{ branchId: d.branchId, indicatorId: row.leaf.id, next: { value: d.value, detail: reasons } }]);
      go(d.then, { row: d.row, branchId: d.branchId, detail: focus.detail });
    } else keepKeyboard();
  };

  const pasteBlock = (text: string) => {
    if (!focusRow) return;
    if (readOnly) return setNotice(t('scoring.refuse.locked', { reason: readOnly }));
    const guarded = guard();
    if (guarded) return setNotice(guarded);
    const plan = pastePlan({
      text,
      indicators: store.sheet.indicators,
      rows,
      branches: store.branches,
      focusRow: focus.row,
      focusBranchId: focusBranch.id,
      current: (branchId, indicatorId) => store.get(branchId, indicatorId),
      refusal,
    });
    o.onPaste(plan, () => {
      store.apply(plan.changes);
    });
  };

  /**
   * Before the rater is signed out (idle): commits the value being typed (a
   * count without its reasons stays a draft on this PC). False when something
   * typed cannot be kept yet — an invalid value, or the reasons editor open —
   * so the sign-out waits rather than lose it.
   */
  const settle = (): boolean => {
    if (detail) return false;
    if (!editing || !focusRow) return true;
    return commitText(editing.text, null);
  };

  return { focusRow, editing, setEditing, notice, setNotice, detail, setDetail, refusal, go, commitText, beginEdit, clearCell, finishDetail, pasteBlock, settle };
}

export type GridEditing = ReturnType<typeof useGridEditing>;
