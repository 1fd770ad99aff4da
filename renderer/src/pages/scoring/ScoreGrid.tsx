/**
 * The scoring grid: a spreadsheet of one rater's sheet, virtualised on both
 * axes (@tanstack/react-virtual) with a frozen indicator column, a frozen
 * branch header and a frozen subtotal row. One real <input> always sits on
 * the focused cell: typing goes straight into it (so a Chinese input method
 * works too), arrows / Tab / Enter move, Esc cancels, paste takes a block
 * copied from Excel or WPS. Values are checked on the spot with the shared
 * engine's rules and saved by the SheetStore as they are entered.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Popover, Tag } from 'antd';
import {
  memo,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { t } from '../../../../shared/messages';
import { DetailEditor } from './DetailEditor';
import { detailNeeded, displayValue, editText, fmt, methodHint, parseClipboardBlock, parseInput, type LeafRow, type Row, type SheetBranch } from './model';
import type { FocusStore, GridFocus } from './focusStore';
import { cellKey, type CellChange, type SheetStore } from './sheetStore';

export const ROW_H = 34;
export const GROUP_H = 30;
export const HEADER_H = 74;
export const FOOTER_H = 34;
export const FROZEN_W = 300;
export const COL_W = 112;
const SINGLE_VALUE_W = 150;
const SINGLE_DETAIL_W = 420;
const BUBBLE_W = 300;

type Direction = 'up' | 'down' | 'left' | 'right' | 'tab' | 'shiftTab' | 'home' | 'end' | 'pageUp' | 'pageDown' | 'first' | 'last';
/** What happens after a value is committed. */
type Then = Direction | 'nextUnscored' | null;

interface Column {
  kind: 'value' | 'detail';
  branch: SheetBranch;
  width: number;
}

interface Editing {
  text: string;
  /** 'enter': started by typing, arrows commit and move; 'edit': F2 / Enter / double-click, arrows move the caret. */
  mode: 'enter' | 'edit';
  error: string | null;
}

interface DetailEditing {
  branchId: number;
  row: number;
  value: number;
  count: number;
  initial: string[];
  then: Then;
}

export interface PasteProblem {
  leaf: string;
  branch: string;
  text: string;
  message: string;
}

/** What the page may ask of the grid from outside (the side panel's buttons). */
export interface GridApi {
  editReasons: () => void;
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
  onPasted: (saved: number, problems: PasteProblem[]) => void;
}

const rowSize = (r: Row | undefined) => (r?.kind === 'group' ? GROUP_H : ROW_H);

export function ScoreGrid(props: ScoreGridProps) {
  const { store, single, focusStore, readOnly, guard } = props;
  const focus = useSyncExternalStore(focusStore.subscribe, focusStore.get);
  const onFocus = (f: GridFocus) => focusStore.set(f);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [detail, setDetail] = useState<DetailEditing | null>(null);
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

  /** Dimensions made only of 一票否决 items (the template's 9 一票否决). */
  const vetoGroups = useMemo(() => {
    const kinds = new Map<number, Set<string>>();
    for (const r of store.leafRows) {
      const g = r.path[0]?.id;
      if (g !== undefined) kinds.set(g, (kinds.get(g) ?? new Set()).add(r.method.kind));
    }
    return new Set([...kinds].filter(([, k]) => k.size === 1 && k.has('veto')).map(([g]) => g));
  }, [store.leafRows]);

  const rowTops = useMemo(() => {
    const tops: number[] = [];
    let y = HEADER_H;
    for (const r of rows) {
      tops.push(y);
      y += rowSize(r);
    }
    return tops;
  }, [rows]);
  const colLefts = useMemo(() => {
    const lefts: number[] = [];
    let x = FROZEN_W;
    for (const c of columns) {
      lefts.push(x);
      x += c.width;
    }
    return lefts;
  }, [columns]);

  // TanStack Virtual keeps its own mutable state and returns fresh values each render; this
  // component reads them during render only, as the library documents (no memoisation relies on them).
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
  const totalWidth = colV.getTotalSize();
  const totalHeight = rowV.getTotalSize();
  const virtualRows = rowV.getVirtualItems();
  const virtualCols = colV.getVirtualItems();

  const focusRow = rows[focus.row]?.kind === 'leaf' ? (rows[focus.row] as LeafRow) : null;

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
  }, [focus, focusCol, rowTops, colLefts, columns, rows]);

  // ---- what may be done where ----

  const refusal = (row: LeafRow | null, branch: SheetBranch): string | null => {
    if (!row) return null;
    if (readOnly) return t('scoring.refuse.locked', { reason: readOnly });
    if (branch.recused) return t('scoring.refuse.recused', { branch: `${branch.code} ${branch.name}`, reason: branch.reason });
    if (!row.rated) return t('scoring.refuse.quantitative');
    return guard();
  };

  // ---- moving ----

  const nextRatedRow = (from: number, step: 1 | -1, count = 1): number | null => {
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
  };
  const firstRated = () => nextRatedRow(-1, 1);
  const lastRated = () => nextRatedRow(rows.length, -1);
  const branchStep = (from: number, step: 1 | -1): number | null => {
    for (let i = from + step; i >= 0 && i < store.branches.length; i += step) if (!store.branches[i]!.recused) return i;
    return null;
  };
  const firstBranch = () => branchStep(-1, 1);
  const lastBranch = () => branchStep(store.branches.length, -1);

  const moved = (f: GridFocus, dir: Direction): GridFocus | null => {
    const bi = store.branches.findIndex((b) => b.id === f.branchId);
    const at = (row: number | null, b: number | null, detailCol = f.detail): GridFocus | null =>
      row === null || b === null ? null : { row, branchId: store.branches[b]!.id, detail: detailCol };
    switch (dir) {
      case 'down':
        return at(nextRatedRow(f.row, 1), bi);
      case 'up':
        return at(nextRatedRow(f.row, -1), bi);
      case 'pageDown':
        return at(nextRatedRow(f.row, 1, 10) ?? lastRated(), bi);
      case 'pageUp':
        return at(nextRatedRow(f.row, -1, 10) ?? firstRated(), bi);
      case 'right':
        if (single) return f.detail ? null : { ...f, detail: true };
        return at(f.row, branchStep(bi, 1));
      case 'left':
        if (single) return f.detail ? { ...f, detail: false } : null;
        return at(f.row, branchStep(bi, -1));
      case 'home':
        return single ? { ...f, detail: false } : at(f.row, firstBranch());
      case 'end':
        return single ? { ...f, detail: true } : at(f.row, lastBranch());
      case 'first':
        return at(firstRated(), single ? bi : firstBranch(), false);
      case 'last':
        return at(lastRated(), single ? bi : lastBranch(), single);
      case 'tab': {
        const next = moved(f, 'right');
        if (next) return next;
        return at(nextRatedRow(f.row, 1), single ? bi : firstBranch(), false);
      }
      case 'shiftTab': {
        const prev = moved(f, 'left');
        if (prev) return prev;
        return at(nextRatedRow(f.row, -1), single ? bi : lastBranch(), single);
      }
    }
  };

  const go = (then: Then, from: GridFocus = focus) => {
    setNotice(null);
    if (then === 'nextUnscored') props.onNextUnscored();
    else if (then) {
      const next = moved(from, then);
      if (next) onFocus(next);
    }
    inputRef.current?.focus({ preventScroll: true });
  };

  // ---- changing values ----

  const applyOne = (row: LeafRow, branchId: number, next: CellChange['next']) => {
    store.apply([{ branchId, indicatorId: row.leaf.id, next }]);
  };

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
    const need = detailNeeded(focusRow.method, parsed.value);
    if (need > 0) {
      const old = current?.detail ?? [];
      setDetail({
        branchId: focusBranch.id,
        row: focus.row,
        value: parsed.value,
        count: need,
        initial: Array.from({ length: need }, (_, i) => old[i] ?? ''),
        then,
      });
      return true;
    }
    applyOne(focusRow, focusBranch.id, { value: parsed.value, detail: [] });
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
      setDetail({
        branchId: focusBranch.id,
        row: focus.row,
        value: current.value,
        count: need,
        initial: Array.from({ length: need }, (_, i) => current.detail[i] ?? ''),
        then: reasons ? null : 'down',
      });
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
    } else inputRef.current?.focus({ preventScroll: true });
  };

  useImperativeHandle(props.apiRef, () => ({ editReasons: () => beginEdit('edit', undefined, true) }));

  // ---- keyboard ----

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.key === 'Process') return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (editing) {
      const commit = (then: Then) => {
        e.preventDefault();
        commitText(editing.text, then);
      };
      if (e.key === 'Enter') return commit(ctrl ? 'nextUnscored' : e.shiftKey ? 'up' : 'down');
      if (e.key === 'Tab') return commit(e.shiftKey ? 'shiftTab' : 'tab');
      if (e.key === 'Escape') {
        e.preventDefault();
        setEditing(null);
        return;
      }
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') return commit(e.key === 'ArrowUp' ? 'up' : 'down');
      if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && editing.mode === 'enter') return commit(e.key === 'ArrowLeft' ? 'left' : 'right');
      return;
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const handled = () => e.preventDefault();
    if (ctrl && key === 'z' && !e.shiftKey) return (handled(), props.onUndo());
    if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) return (handled(), props.onRedo());
    if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) return (handled(), props.onBranchStep(key === 'ArrowLeft' ? -1 : 1));
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
    if (key === 'Enter' && ctrl) return (handled(), go('nextUnscored'));
    const dir = move[key];
    if (dir) return (handled(), go(dir));
    if (key === 'Enter' || key === 'F2') return (handled(), beginEdit('edit'));
    if (key === 'Delete' || key === 'Backspace') return (handled(), clearCell());
    if (key === 'Escape') return (handled(), setNotice(null));
  };

  const onChange = (text: string) => {
    if (editing) {
      setEditing({ ...editing, text, error: editing.error && parseOk(text) ? null : editing.error });
      return;
    }
    if (!focusRow || text === '') return;
    const refused = refusal(focusRow, focusBranch);
    if (refused) return setNotice(refused);
    if (focus.detail) return beginEdit('edit');
    setNotice(null);
    setEditing({ text, mode: 'enter', error: null });
  };
  const parseOk = (text: string) => !!focusRow && !('error' in parseInput(focusRow.leaf, focusRow.method, text));

  const onCompositionStart = () => {
    if (editing || !focusRow) return;
    const refused = refusal(focusRow, focusBranch);
    if (refused || focus.detail) return setNotice(refused ?? t('scoring.refuse.detailColumn'));
    setEditing({ text: '', mode: 'enter', error: null });
  };

  const onBlur = () => {
    // Clicking elsewhere commits, as in Excel; a refused value stays in the editor with its message.
    if (editing && document.hasFocus()) commitText(editing.text, null);
  };

  // ---- clipboard ----

  const onCopy = (e: ClipboardEvent<HTMLInputElement>) => {
    if (editing || !focusRow) return;
    const v = store.get(focusBranch.id, focusRow.leaf.id);
    e.preventDefault();
    e.clipboardData.setData('text/plain', focus.detail ? (v?.detail.join('；') ?? '') : v ? editText(focusRow.method, v.value) : '');
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (editing && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // a plain value into the editor
    e.preventDefault();
    setEditing(null);
    pasteBlock(text);
  };

  const pasteBlock = (text: string) => {
    if (!focusRow) return;
    if (readOnly) return setNotice(t('scoring.refuse.locked', { reason: readOnly }));
    const guarded = guard();
    if (guarded) return setNotice(guarded);
    const block = parseClipboardBlock(text);
    const leafIndexes = rows.flatMap((r, i) => (r.kind === 'leaf' ? [i] : []));
    const startRow = leafIndexes.indexOf(focus.row);
    const startCol = store.branches.findIndex((b) => b.id === focusBranch.id);
    const changes: CellChange[] = [];
    const problems: PasteProblem[] = [];
    block.forEach((line, r) => {
      line.forEach((cellText, c) => {
        if (normalizeBlank(cellText)) return;
        const row = rows[leafIndexes[startRow + r] ?? -1] as LeafRow | undefined;
        const branch = store.branches[startCol + c];
        const where = { leaf: row ? `${row.leaf.code} ${row.leaf.name}` : `+${r + 1}`, branch: branch ? `${branch.code} ${branch.name}` : `+${c + 1}`, text: cellText.trim() };
        if (!row || !branch) return problems.push({ ...where, message: t('scoring.paste.outside') });
        const refused = refusal(row, branch);
        if (refused) return problems.push({ ...where, message: refused });
        const parsed = parseInput(row.leaf, row.method, cellText);
        if ('error' in parsed) return problems.push({ ...where, message: parsed.error });
        if (parsed.value === null) return;
        if (detailNeeded(row.method, parsed.value) > 0) {
          const current = store.get(branch.id, row.leaf.id);
          // The same count with its reasons already written keeps them; anything else needs the reasons typed.
          if (current && current.value === parsed.value && current.detail.length >= detailNeeded(row.method, parsed.value)) return;
          return problems.push({ ...where, message: t('scoring.paste.needsDetail') });
        }
        changes.push({ branchId: branch.id, indicatorId: row.leaf.id, next: { value: parsed.value, detail: [] } });
      });
    });
    store.apply(changes);
    props.onPasted(changes.length, problems);
  };

  // ---- mouse (one listener for all cells: data-r / data-c say which) ----

  const cellAt = (e: MouseEvent): { row: number; col: Column } | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    const col = el ? columns[Number(el.dataset.c)] : undefined;
    return el && col ? { row: Number(el.dataset.r), col } : null;
  };

  const onMouseDown = (e: MouseEvent) => {
    const at = cellAt(e);
    if (!at) return;
    e.preventDefault();
    if (editing && !commitText(editing.text, null)) return;
    setNotice(null);
    setDetail(null); // a click elsewhere cancels an open reasons editor
    focusStore.set({ row: at.row, branchId: at.col.branch.id, detail: at.col.kind === 'detail' }, true);
  };

  const onDoubleClick = (e: MouseEvent) => {
    if (cellAt(e)) beginEdit('edit');
  };

  // ---- rendering ----

  const renderHead = (c: Column, left: number, index: number) => (
    <ColumnHead
      key={`h-${index}`}
      left={left}
      width={c.width}
      detail={c.kind === 'detail'}
      code={c.branch.code}
      name={c.branch.name}
      recused={c.branch.recused ? c.branch.reason : null}
      scored={store.scored.get(c.branch.id) ?? 0}
      expected={store.ratedCount}
      focused={index === focusCol}
    />
  );

  const renderCell = (row: LeafRow, rowIndex: number, c: Column, left: number, colIndex: number) => {
    const b = c.branch;
    const k = cellKey(b.id, row.leaf.id);
    const v = store.values.get(k);
    const st = store.states.get(k);
    let className = 'rp-cell';
    if (b.recused) className += ' is-recused';
    else if (!row.rated) className += ' is-quant';
    else if (!v) className += ' is-empty';
    if (st) className += ` is-${st.status}`;
    if (rowIndex === focus.row && colIndex === focusCol) className += ' is-focus';
    let text = '';
    let tone: CellProps['tone'] = null;
    if (c.kind === 'detail') {
      className += ' is-detail';
      if (v?.detail.length) text = v.detail.join('；');
      else if (v && detailNeeded(row.method, v.value)) [text, tone] = [t('scoring.grid.detailNeeded'), 'placeholder'];
    } else if (!b.recused && !row.rated) [text, tone] = [t('scoring.grid.quantitative'), 'quant'];
    else if (v) [text, tone] = [displayValue(row.method, v.value), row.method.kind === 'veto' && v.value === 1 ? 'veto' : null];
    return (
      <GridCell
        key={`c-${colIndex}`}
        r={rowIndex}
        c={colIndex}
        className={className}
        left={left}
        width={c.width}
        leaf={row.leaf.code}
        branch={b.code}
        state={c.kind === 'value' ? (st?.status ?? null) : null}
        title={st?.status === 'failed' ? t('scoring.grid.state.failed', { error: st.error ?? '' }) : null}
        text={text}
        tone={tone}
      />
    );
  };

  const renderGroupCell = (node: Row & { kind: 'group' }, c: Column, left: number, colIndex: number) => {
    let text = '';
    let veto = false;
    if (c.kind === 'value' && !c.branch.recused) {
      const vetoRows = store.leafRows.filter((r) => r.path[0]?.id === node.node.id && r.method.kind === 'veto');
      if (vetoRows.length) {
        const flagged = vetoRows.filter((r) => store.get(c.branch.id, r.leaf.id)?.value === 1).length;
        text = flagged ? t('scoring.grid.vetoCount', { count: flagged }) : '';
        veto = flagged > 0;
      } else {
        const p = store.totals.get(c.branch.id)?.nodes[node.node.id]?.points;
        text = p === null || p === undefined || !store.scored.get(c.branch.id) ? '' : fmt(p);
      }
    }
    return <GroupCell key={`g-${colIndex}`} left={left} width={c.width} text={text} veto={veto} />;
  };

  const renderFoot = (c: Column, left: number, index: number) => {
    const total = store.totals.get(c.branch.id);
    const scored = !c.branch.recused && !!total && !!store.scored.get(c.branch.id);
    const tip = scored ? t('scoring.grid.subtotalTip', { base: fmt(total.base), bonus: fmt(total.bonus) }) : '';
    return (
      <FootCell
        key={`f-${index}`}
        left={left}
        width={c.width}
        detail={c.kind === 'detail'}
        code={c.branch.code}
        text={c.kind === 'detail' ? tip : scored ? fmt(total.total) : ''}
        title={tip}
      />
    );
  };

  const inputLeft = colLefts[focusCol] ?? FROZEN_W;
  const inputTop = rowTops[focus.row] ?? HEADER_H;
  const inputWidth = columns[focusCol]?.width ?? COL_W;
  const viewBottom = (rowV.scrollOffset ?? 0) + (rowV.scrollRect?.height ?? 600) - FOOTER_H;
  const viewRight = (colV.scrollOffset ?? 0) + (colV.scrollRect?.width ?? 800);
  const bubbleAbove = inputTop + ROW_H + 120 > viewBottom;
  const bubbleLeft = inputLeft + BUBBLE_W > viewRight ? Math.max(FROZEN_W, inputLeft + inputWidth - BUBBLE_W) : inputLeft;
  const bubbleText = editing?.error ?? notice;
  const showBubble = !!focusRow && (!!editing || !!notice);
  const levelOptions = editing && focusRow?.method.kind === 'level' && !editing.error ? focusRow.method.levels : null;

  return (
    <div
      className="rp-grid"
      ref={scrollRef}
      role="grid"
      aria-label={t('scoring.grid.label')}
      aria-readonly={!!readOnly}
      // Hug the columns when there are few branches; scroll when there are many.
      style={{ width: totalWidth + 2 }}
    >
      <div className="rp-grid-inner" style={{ width: totalWidth, height: totalHeight }} onMouseDown={onMouseDown} onDoubleClick={onDoubleClick}>
        <div className="rp-grid-head" style={{ width: totalWidth, height: HEADER_H }}>
          <div className="rp-grid-corner" style={{ width: FROZEN_W }}>
            {t('scoring.grid.corner')}
          </div>
          {virtualCols.map((vc) => renderHead(columns[vc.index]!, vc.start, vc.index))}
        </div>
        <div style={{ height: Math.max(0, totalHeight - HEADER_H - FOOTER_H) }} />
        {virtualRows.map((vr) => {
          const row = rows[vr.index]!;
          if (row.kind === 'group') {
            return (
              <div key={vr.key} className="rp-grid-row is-group" style={{ top: vr.start, height: vr.size, width: totalWidth }}>
                <RowHead
                  group
                  action={vetoGroups.has(row.node.id) ? props.onFillVeto : undefined}
                  groupId={row.node.id}
                  code={row.node.code}
                  name={row.node.name}
                  method={null}
                  max={row.node.maxPoints ? t('scoring.grid.points', { points: fmt(row.node.maxPoints) }) : ''}
                  depth={0}
                  focused={false}
                  quant={false}
                />
                {virtualCols.map((vc) => renderGroupCell(row, columns[vc.index]!, vc.start, vc.index))}
              </div>
            );
          }
          return (
            <div key={vr.key} className="rp-grid-row" style={{ top: vr.start, height: vr.size, width: totalWidth }}>
              <RowHead
                group={false}
                code={row.leaf.code}
                name={row.leaf.name}
                method={t(`scoring.method.${row.method.kind}`)}
                max={row.method.kind === 'veto' ? '' : fmt(row.leaf.maxPoints)}
                depth={row.depth}
                focused={vr.index === focus.row}
                quant={!row.rated}
              />
              {virtualCols.map((vc) => renderCell(row, vr.index, columns[vc.index]!, vc.start, vc.index))}
            </div>
          );
        })}
        <div className="rp-grid-foot" style={{ width: totalWidth, height: FOOTER_H }}>
          <div className="rp-grid-corner is-foot" style={{ width: FROZEN_W }} title={t('scoring.grid.subtotalHint')}>
            {t('scoring.grid.subtotal')}
          </div>
          {virtualCols.map((vc) => renderFoot(columns[vc.index]!, vc.start, vc.index))}
        </div>
        {focusRow ? (
          <input
            ref={inputRef}
            className={`rp-cell-input${editing ? ' is-editing' : ''}${editing?.error ? ' is-invalid' : ''}`}
            style={{ left: inputLeft, top: inputTop, width: inputWidth, height: ROW_H }}
            value={editing?.text ?? ''}
            aria-label={t('scoring.grid.cellLabel', { leaf: `${focusRow.leaf.code} ${focusRow.leaf.name}`, branch: `${focusBranch.code} ${focusBranch.name}` })}
            aria-invalid={!!editing?.error}
            data-testid="cell-input"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            onCompositionStart={onCompositionStart}
            onBlur={onBlur}
            onCopy={onCopy}
            onPaste={onPaste}
            onDoubleClick={() => beginEdit('edit')}
          />
        ) : null}
        {showBubble ? (
          <div
            className={`rp-cell-bubble${bubbleText ? ' is-error' : ''}${bubbleAbove ? ' is-above' : ''}`}
            style={{ left: bubbleLeft, top: bubbleAbove ? inputTop - 4 : inputTop + ROW_H + 4, maxWidth: BUBBLE_W }}
            role={bubbleText ? 'alert' : undefined}
            data-testid="cell-bubble"
          >
            {bubbleText ?? methodHint(focusRow!.leaf, focusRow!.method)}
            {levelOptions ? (
              <div className="rp-level-options">
                {levelOptions.map((l, i) => (
                  <button
                    type="button"
                    key={l.label}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      commitText(String(i + 1), 'down');
                    }}
                  >
                    <b>{i + 1}</b> {l.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
        {detail && rows[detail.row]?.kind === 'leaf' ? (
          <Popover
            open
            placement="bottomLeft"
            arrow={false}
            destroyOnHidden
            content={
              <DetailEditor
                row={rows[detail.row] as LeafRow}
                branch={store.branches.find((b) => b.id === detail.branchId)!}
                value={detail.value}
                initial={detail.initial}
                onOk={(reasons) => finishDetail(reasons)}
                onCancel={() => finishDetail(null)}
              />
            }
          >
            <div
              className="rp-detail-anchor"
              style={{ left: colLefts[single ? 0 : store.branches.findIndex((b) => b.id === detail.branchId)] ?? FROZEN_W, top: rowTops[detail.row] ?? HEADER_H, width: inputWidth, height: ROW_H }}
            />
          </Popover>
        ) : null}
      </div>
    </div>
  );
}

const normalizeBlank = (text: string) => text.replace(/[\s\u3000]/g, '') === '';

// ---- the pieces of the grid, memoised on plain props: moving the focus re-renders only the cells it leaves and enters ----

interface CellProps {
  r: number;
  c: number;
  className: string;
  left: number;
  width: number;
  leaf: string;
  branch: string;
  state: string | null;
  title: string | null;
  text: string;
  tone: 'quant' | 'placeholder' | 'veto' | null;
}

const TONE_CLASS = { quant: 'rp-cell-quant', placeholder: 'rp-cell-placeholder', veto: 'rp-cell-veto' } as const;

const GridCell = memo(function GridCell(p: CellProps) {
  return (
    <div
      className={p.className}
      style={{ left: p.left, width: p.width }}
      data-r={p.r}
      data-c={p.c}
      data-leaf={p.leaf}
      data-branch={p.branch}
      data-state={p.state ?? undefined}
      title={p.title ?? undefined}
    >
      {p.tone ? <span className={TONE_CLASS[p.tone]}>{p.text}</span> : p.text}
      {p.state ? <span className="rp-cell-mark" aria-hidden /> : null}
    </div>
  );
});

const RowHead = memo(function RowHead(p: {
  group: boolean;
  groupId?: number;
  action?: (groupId: number) => void;
  code: string;
  name: string;
  method: string | null;
  max: string;
  depth: number;
  focused: boolean;
  quant: boolean;
}) {
  return (
    <div
      className={`rp-rowhead${p.group ? ' is-group' : ''}${p.focused ? ' is-focus' : ''}${p.quant ? ' is-quant' : ''}`}
      style={{ width: FROZEN_W }}
      title={`${p.code} ${p.name}`}
      data-row={p.group ? undefined : p.code}
    >
      <span className="rp-rowhead-code" style={p.depth > 1 ? { paddingLeft: (p.depth - 1) * 10 } : undefined}>
        {p.code}
      </span>
      <span className="rp-rowhead-name">{p.name}</span>
      {p.method ? <span className="rp-rowhead-method">{p.method}</span> : null}
      {p.action ? (
        <button
          type="button"
          className="rp-rowhead-action"
          title={t('scoring.veto.fillTip')}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => p.action!(p.groupId!)}
        >
          {t('scoring.veto.fill')}
        </button>
      ) : null}
      <span className="rp-rowhead-max">{p.max}</span>
    </div>
  );
});

const ColumnHead = memo(function ColumnHead(p: {
  left: number;
  width: number;
  detail: boolean;
  code: string;
  name: string;
  recused: string | null;
  scored: number;
  expected: number;
  focused: boolean;
}) {
  const className = `rp-grid-colhead${p.focused ? ' is-focus' : ''}${p.recused !== null ? ' is-recused' : ''}`;
  if (p.detail) {
    return (
      <div className={`${className} is-detail`} style={{ left: p.left, width: p.width }}>
        <div className="rp-colhead-name">{t('scoring.grid.detail')}</div>
      </div>
    );
  }
  return (
    <div
      className={className}
      style={{ left: p.left, width: p.width }}
      title={`${p.code} ${p.name}${p.recused !== null ? `\n${t('scoring.grid.recusedTip', { reason: p.recused })}` : ''}`}
      data-branch-head={p.code}
    >
      <div className="rp-colhead-code">{p.code}</div>
      <div className="rp-colhead-name">{p.name}</div>
      {p.recused !== null ? (
        <Tag className="rp-colhead-recused">{t('scoring.grid.recused')}</Tag>
      ) : (
        <div className="rp-colhead-progress" data-testid={`progress-${p.code}`}>
          <span>{t('scoring.grid.columnProgress', { scored: p.scored, expected: p.expected })}</span>
          <span className="rp-colhead-bar">
            <span style={{ width: `${p.expected ? (p.scored / p.expected) * 100 : 0}%` }} />
          </span>
        </div>
      )}
    </div>
  );
});

const GroupCell = memo(function GroupCell(p: { left: number; width: number; text: string; veto: boolean }) {
  return (
    <div className={`rp-gcell${p.veto ? ' is-veto' : ''}`} style={{ left: p.left, width: p.width }}>
      {p.text}
    </div>
  );
});

const FootCell = memo(function FootCell(p: { left: number; width: number; detail: boolean; code: string; text: string; title: string }) {
  return (
    <div
      className={`rp-grid-footcell${p.detail ? ' is-detail' : ''}`}
      style={{ left: p.left, width: p.width }}
      data-subtotal={p.detail ? undefined : p.code}
      title={p.title || undefined}
    >
      {p.text}
    </div>
  );
});
