/**
 * The scoring grid: a spreadsheet of one rater's sheet, virtualised on both
 * axes (@tanstack/react-virtual) with a frozen indicator column, a frozen
 * branch header and a frozen subtotal row. One real <input> always sits on
 * the focused cell: typing goes straight into it (so a Chinese input method
 * works too), arrows / Tab / Enter move, Esc cancels, paste takes a block
 * copied from Excel or WPS. Values are checked on the spot with the shared
 * engine's rules and saved by the SheetStore as they are entered.
 *
 * The parts: useGridLayout (geometry, virtualisers), GridBody (header, rows,
 * footer), CellEditor (the input, its bubble, the reasons editor),
 * useGridEditing / useGridKeyboard (what edits and keys do), and the pure
 * gridNavigation (moves) and pastePlan (pasted blocks).
 */
import { useImperativeHandle, useRef, useSyncExternalStore, type Ref } from 'react';
import { t } from '../../../../shared/messages';
import { CellEditor } from './CellEditor';
import type { FocusStore } from './focusStore';
import { GridFoot, GridHead, GridRows } from './GridBody';
import type { PastePlan } from './pastePlan';
import type { SheetStore } from './sheetStore';
import { useGridEditing } from './useGridEditing';
import { useGridKeyboard } from './useGridKeyboard';
import { FOOTER_H, HEADER_H, useGridLayout } from './useGridLayout';

export type { PastePlan, PasteProblem } from './pastePlan';

/** What the page may ask of the grid from outside (the side panel's buttons). */
export interface GridApi {
  editReasons: () => void;
  /** Commits the value being typed (before a sign-out); false when it cannot be saved yet. */
  settle: () => boolean;
}

export interface ScoreGridProps {
  apiRef?: Ref<GridApi>;
  store: SheetStore;
  /** Bumped by the store on every change: re-renders the grid. */
  version: number;
  single: boolean;
  focusStore: FocusStore;
  /** Why the sheet cannot be changed, or null. */
  readOnly: string | null;
  /** Asked before every change: a refusal in the user's words (e.g. a missing reason), or null. */
  guard: () => string | null;
  onUndo: () => void;
  onRedo: () => void;
  onNextUnscored: () => void;
  onBranchStep: (delta: number) => void;
  /** Fills the unanswered 一票否决 items of a group with 否 (offered on the group's row). */
  onFillVeto?: (groupId: number) => void;
  /** A pasted block: save it at once, or show where each value lands and ask first (plan.confirm). */
  onPaste: (plan: PastePlan, save: () => void) => void;
}

export function ScoreGrid(props: ScoreGridProps) {
  const { store, single, focusStore, readOnly } = props;
  const focus = useSyncExternalStore(focusStore.subscribe, focusStore.get);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const layout = useGridLayout(store, single, focus, scrollRef, inputRef);
  const { focusBranch, columns, focusCol, rowV, colV } = layout;
  const editing = useGridEditing({ ...props, focus, focusBranch, inputRef });
  const events = useGridKeyboard({ ...props, focus, focusBranch, columns }, editing);

  useImperativeHandle(props.apiRef, () => ({ editReasons: () => editing.beginEdit('edit', undefined, true), settle: editing.settle }));

  const totalWidth = colV.getTotalSize();
  const totalHeight = rowV.getTotalSize();
  const band = { store, columns, virtualCols: colV.getVirtualItems(), totalWidth, frozenW: layout.frozenW };

  return (
    <div
      className={`rp-grid${layout.compact ? ' is-compact' : ''}`}
      ref={scrollRef}
      role="grid"
      aria-label={t('scoring.grid.label')}
      aria-readonly={!!readOnly}
      // Hug the columns when there are few branches; scroll when there are many.
      style={{ width: totalWidth + 2 }}
    >
      <div className="rp-grid-inner" style={{ width: totalWidth, height: totalHeight }} onMouseDown={events.onMouseDown} onDoubleClick={events.onDoubleClick}>
        <GridHead {...band} focusCol={focusCol} />
        <div style={{ height: Math.max(0, totalHeight - HEADER_H - FOOTER_H) }} />
        <GridRows {...band} rows={layout.rows} virtualRows={rowV.getVirtualItems()} focusRow={focus.row} focusCol={focusCol} onFillVeto={props.onFillVeto} />
        <GridFoot {...band} />
        <CellEditor layout={layout} branches={store.branches} focusRowIndex={focus.row} single={single} inputRef={inputRef} editing={editing} events={events} />
      </div>
    </div>
  );
}
