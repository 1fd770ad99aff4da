/**
 * Where the keyboard is in the grid, outside React state: moving one cell
 * re-renders only what shows the focus (the grid, the criteria panel, the
 * branch picker), not the toolbar and the rest of the page.
 */

/** A leaf row (index into the sheet's rows), a branch, and in one-branch view the value or the reasons column. */
export interface GridFocus {
  row: number;
  branchId: number;
  detail: boolean;
}

/** The focus plus a counter bumped whenever the keyboard should (also) come back to the grid. */
export interface FocusSnapshot extends GridFocus {
  grab: number;
}

export class FocusStore {
  private snapshot: FocusSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(initial: GridFocus) {
    this.snapshot = { ...initial, grab: 0 };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): FocusSnapshot => this.snapshot;

  /** Moves the focus; `grab` also brings the keyboard back to the grid (after a click elsewhere). */
  set(next: GridFocus, grab = false) {
    const s = this.snapshot;
    if (!grab && s.row === next.row && s.branchId === next.branchId && s.detail === next.detail) return;
    this.snapshot = { row: next.row, branchId: next.branchId, detail: next.detail, grab: s.grab + (grab ? 1 : 0) };
    for (const l of this.listeners) l();
  }

  /** The keyboard back to the grid, the focus where it is. */
  grab() {
    this.set(this.snapshot, true);
  }
}
