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
const FROZEN_W = 300;
const COL_W = 112;
/** Beyond this many branches the grid goes compact, so a 1366-wide screen shows 6–10 of them instead of 4. */
export const COMPACT_FROM = 7;
const COMPACT_FROZEN_W = 236;
const COMPACT_COL_W = 84;
const SINGLE_VALUE_W = 150;
const SINGLE_DETAIL_W = 420;

export interface Column {
  kind: 'value' | 'detail';
  branch: SheetBranch;
  width: number;
}

/**
 * Column widths for a sheet of `branchCount` branches: a few branches get room for their full names;
 * many get narrow columns (code, the name clamped to two lines, the full name on hover) and a
 * narrower indicator column whose names end in an ellipsis (full name on hover and in the side panel).
 */
export function gridGeometry(branchCount: number, single: boolean) {
  const compact = !single && branchCount >= COMPACT_FROM;
  return { compact, frozenW: compact ? COMPACT_FROZEN_W : FROZEN_W, colW: compact ? COMPACT_COL_W : COL_W };
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
  const { compact, frozenW, colW } = gridGeometry(store.branches.length, single);
  const focusBranch = store.branches.find((b) => b.id === focus.branchId) ?? store.branches[0]!;
  const columns: Column[] = useMemo(
    () =>
      single
        ? [
            { kind: 'value', branch: focusBranch, width: SINGLE_VALUE_W },
            { kind: 'detail', branch: focusBranch, width: SINGLE_DETAIL_W },
          ]
        : store.branches.map((b) => ({ kind: 'value', branch: b, width: colW })),
    [single, focusBranch, store.branches, colW],
  );
  const focusCol = single ? (focus.detail ? 1 : 0) : Math.max(0, store.branches.findIndex((b) => b.id === focus.branchId));
  const rowTops = useMemo(() => starts(rows, HEADER_H, rowSize), [rows]);
  const colLefts = useMemo(() => starts(columns, frozenW, (c) => c.width), [columns, frozenW]);

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
    paddingStart: frozenW,
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
    const left = colLefts[focusCol] ?? frozenW;
    const right = left + (columns[focusCol]?.width ?? colW);
    if (left < el.scrollLeft + frozenW) el.scrollLeft = left - frozenW;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
    inputRef.current?.focus({ preventScroll: true });
  }, [focus, focusCol, rowTops, colLefts, columns, rows, scrollRef, inputRef, frozenW, colW]);

  return { rows, focusBranch, columns, focusCol, rowTops, colLefts, rowV, colV, compact, frozenW };
}

export type GridLayout = ReturnType<typeof useGridLayout>;
