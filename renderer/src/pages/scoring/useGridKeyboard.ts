/**
 * The scoring grid's events: keys (read by keyAction), typing and input-method
 * composition in the one real <input>, copy and paste, and the mouse (one
 * listener for all cells: their data-r / data-c say which).
 */
import type { ClipboardEvent, KeyboardEvent, MouseEvent } from 'react';
import { t } from '../../../../shared/messages';
import type { FocusSnapshot, FocusStore } from './focusStore';
import { keyAction } from './gridNavigation';
import { editText, parseInput, type SheetBranch } from './model';
import type { SheetStore } from './sheetStore';
import type { GridEditing } from './useGridEditing';
import type { Column } from './useGridLayout';

export interface GridKeyboardOptions {
  store: SheetStore;
  focus: FocusSnapshot;
  focusStore: FocusStore;
  focusBranch: SheetBranch;
  columns: Column[];
  onUndo: () => void;
  onRedo: () => void;
  onBranchStep: (delta: number) => void;
}

export function useGridKeyboard(o: GridKeyboardOptions, ed: GridEditing) {
  const { focus, focusBranch } = o;
  const { editing, setEditing, setNotice, focusRow } = ed;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const { key, ctrlKey, metaKey, shiftKey, altKey } = e;
    const action = keyAction({ key, ctrlKey, metaKey, shiftKey, altKey, isComposing: e.nativeEvent.isComposing }, editing?.mode ?? null);
    if (!action) return;
    e.preventDefault();
    switch (action.kind) {
      case 'commit':
        return void ed.commitText(editing!.text, action.then);
      case 'commitReasons':
        if (ed.commitText(editing!.text, null)) ed.beginEdit('edit', undefined, true);
        return;
      case 'reasons':
        return ed.beginEdit('edit', undefined, true);
      case 'cancelEdit':
        return setEditing(null);
      case 'undo':
        return o.onUndo();
      case 'redo':
        return o.onRedo();
      case 'branchStep':
        return o.onBranchStep(action.delta);
      case 'go':
        return ed.go(action.then);
      case 'edit':
        return ed.beginEdit('edit');
      case 'clear':
        return ed.clearCell();
      case 'dismiss':
        return setNotice(null);
    }
  };

  const parseOk = (text: string) => !!focusRow && !('error' in parseInput(focusRow.leaf, focusRow.method, text));

  const onChange = (text: string) => {
    if (editing) {
      setEditing({ ...editing, text, error: editing.error && parseOk(text) ? null : editing.error });
      return;
    }
    if (!focusRow || text === '') return;
    const refused = ed.refusal(focusRow, focusBranch);
    if (refused) return setNotice(refused);
    if (focus.detail) return ed.beginEdit('edit');
    setNotice(null);
    setEditing({ text, mode: 'enter', error: null });
  };

  const onCompositionStart = () => {
    if (editing || !focusRow) return;
    const refused = ed.refusal(focusRow, focusBranch);
    if (refused || focus.detail) return setNotice(refused ?? t('scoring.refuse.detailColumn'));
    setEditing({ text: '', mode: 'enter', error: null });
  };

  const onBlur = () => {
    // Clicking elsewhere commits, as in Excel; a refused value stays in the editor with its message.
    if (editing && document.hasFocus()) ed.commitText(editing.text, null);
  };

  const onCopy = (e: ClipboardEvent<HTMLInputElement>) => {
    if (editing || !focusRow) return;
    const v = o.store.get(focusBranch.id, focusRow.leaf.id);
    e.preventDefault();
    e.clipboardData.setData('text/plain', focus.detail ? (v?.detail.join('；') ?? '') : v ? editText(focusRow.method, v.value) : '');
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (editing && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // a plain value into the editor
    e.preventDefault();
    setEditing(null);
    ed.pasteBlock(text);
  };

  const cellAt = (e: MouseEvent): { row: number; col: Column } | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    const col = el ? o.columns[Number(el.dataset.c)] : undefined;
    return el && col ? { row: Number(el.dataset.r), col } : null;
  };

  const onMouseDown = (e: MouseEvent) => {
    const at = cellAt(e);
    if (!at) return;
    e.preventDefault();
    if (editing && !ed.commitText(editing.text, null)) return;
    setNotice(null);
    ed.setDetail(null); // a click elsewhere cancels an open reasons editor
    o.focusStore.set({ row: at.row, branchId: at.col.branch.id, detail: at.col.kind === 'detail' }, true);
  };

  const onDoubleClick = (e: MouseEvent) => {
    if (cellAt(e)) ed.beginEdit('edit');
  };

  return { onKeyDown, onChange, onCompositionStart, onBlur, onCopy, onPaste, onMouseDown, onDoubleClick };
}
