/**
 * The scoring grid's geometry: its columns (every branch, or one branch's
 * value and reasons), where each row and column starts, the two virtualisers
 * (@tanstack/react-virtual) and the effect that keeps the focused cell in view
 * clear of the frozen header, column and footer, with the keyboard in the grid.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type RefObject } from 'react';
import type { FocusSnapshot } from './focusStore';
import type { Row, SheetBranch } from './model';
import type { SheetStore } from './sheetStore';

export const ROW_H = 34;
export const GROUP_H = 30;
export const HEADER_H = 74;
export const FOOTER_H = 34;
export const FROZEN_W = 300;
export const COL_W = 112;
const SINGLE_VALUE_W = 150;
const SINGLE_DETAIL_W = 420;

export interface Column {
  kind: 'value' | 'detail';
  branch: SheetBranch;
  width: number;
}

const rowSize = (r: Row | undefined) => (r?.kind === 'group' ? GROUP_H : ROW_H);

/** Where each item starts when laid end to end from `start`. */
function starts<T>(items: readonly T[], start: number, size: (item: T) => number): number[] {
  const out: number[] = [];
  let at = start;
  for (const item of items) {
    out.push(at);
    at += size(item);
  }
  return out;
}

export function useGridLayout(
  store: SheetStore,
  single: boolean,
  focus: FocusSnapshot,
  scrollRef: RefObject<HTMLDivElement | null>,
  inputRef: RefObject<HTMLInputElement | null>,
) {
  const rows = store.rows;
  const focusBranch = store.branches.find((b) => b.id === focus.branchId) ?? store.branches[0]!;
  const columns: Column[] = useMemo(
    () =>
      single
        ? [
            { kind: 'value', branch: focusBranch, width: SINGLE_VALUE_W },
            { kind: 'detail', branch: focusBranch, width: SINGLE_DETAIL_W },
          ]
        : store.branches.map((b) => ({ kind: 'value', branch: b, width: COL_W })),
    [single, focusBranch, store.branches],
  );
  const focusCol = single ? (focus.detail ? 1 : 0) : Math.max(0, store.branches.findIndex((b) => b.id === focus.branchId));
  const rowTops = useMemo(() => starts(rows, HEADER_H, rowSize), [rows]);
  const colLefts = useMemo(() => starts(columns, FROZEN_W, (c) => c.width), [columns]);

  // TanStack Virtual keeps its own mutable state and returns fresh values each render; the grid
  // reads them during render only, as the library documents (no memoisation relies on them).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => rowSize(rows[i]),
    overscan: 6,
    paddingStart: HEADER_H,
    paddingEnd: FOOTER_H,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => columns[i]!.width,
    overscan: 2,
    paddingStart: FROZEN_W,
  });

  // Keep the focused cell in view (clear of the frozen header, column and footer) and the keyboard in the grid.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const top = rowTops[focus.row] ?? HEADER_H;
    const above = rows[focus.row - 1]?.kind === 'group' ? GROUP_H : 0;
    const bottom = top + ROW_H;
    if (top - above < el.scrollTop + HEADER_H) el.scrollTop = top - above - HEADER_H;
    else if (bottom > el.scrollTop + el.clientHeight - FOOTER_H) el.scrollTop = bottom - el.clientHeight + FOOTER_H;
    const left = colLefts[focusCol] ?? FROZEN_W;
    const right = left + (columns[focusCol]?.width ?? COL_W);
    if (left < el.scrollLeft + FROZEN_W) el.scrollLeft = left - FROZEN_W;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    inputRef.current?.focus({ preventScroll: true });
  }, [focus, focusCol, rowTops, colLefts, columns, rows, scrollRef, inputRef]);

  return { rows, focusBranch, columns, focusCol, rowTops, colLefts, rowV, colV };
}

export type GridLayout = ReturnType<typeof useGridLayout>;
