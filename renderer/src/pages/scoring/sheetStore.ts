/**
 * One rater's sheet in the renderer: the values on screen, each cell's save
 * state, the undo history and the live subtotals. Every change is shown at
 * once and saved in the background ('scoring.save'), one job after another
 * so the last value typed is the last one stored. A value that could not be
 * saved stays in its cell (marked failed) and in this PC's localStorage until
 * it is saved or the rater gives it up: a typed value is never lost. A count
 * (or a 是) whose reasons are not all written yet is a draft: shown and kept
 * the same way, marked 待填原因, but not sent until its reasons are complete
 * (the service would refuse it), so typing a count never stops for them.
 *
 * Components subscribe with useSyncExternalStore(store.subscribe, store.getVersion).
 */
import { SCORING_SAVE_MAX } from '../../../../shared/api';
import type { Finding } from '../../../../shared/domain/findings';
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { RaterSheet } from '../../../../shared/domain/scoring';
import { Engine, type BranchResult, type EngineInput } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';
import { buildRows, detailNeeded, isNotApplicable, type LeafRow, type Row, type SheetBranch } from './model';

export type CellKey = string;
export const cellKey = (branchId: number, indicatorId: number): CellKey => `${branchId}:${indicatorId}`;

export interface CellValue {
  value: number;
  detail: string[];
}

/** What the office recorded on an office-recorded leaf (考核组核定) and the 依据 it rests on. */
export interface OfficeValue extends CellValue {
  /** A 细则 leaf's findings (detail[i] is finding i's reason); empty elsewhere. */
  findings: Finding[];
  evidence: string;
  evidenceDate: string | null;
}

export type SaveStatus = 'saving' | 'saved' | 'failed' | 'draft';
export interface CellState {
  status: SaveStatus;
  error?: string;
}

export interface CellChange {
  branchId: number;
  indicatorId: number;
  next: CellValue | null;
}

interface UndoStep {
  branchId: number;
  indicatorId: number;
  before: CellValue | null;
  after: CellValue | null;
}

export interface SaveEntry {
  branchId: number;
  indicatorId: number;
  value: number | null;
  detail?: string[];
}

/** Sends entries to the main process; throws (ApiError) when they are refused. */
export type SaveFn = (entries: SaveEntry[], reason: string | undefined) => Promise<unknown>;

const sameValue = (a: CellValue | null | undefined, b: CellValue | null | undefined) =>
  (a ?? null) === null
    ? (b ?? null) === null
    : (b ?? null) !== null && a!.value === b!.value && a!.detail.length === b!.detail.length && a!.detail.every((d, i) => d === b!.detail[i]);

const UNDO_LIMIT = 200;

export class SheetStore {
  sheet: RaterSheet;
  readonly rows: Row[];
  readonly leafRows: LeafRow[];
  readonly branches: SheetBranch[];
  /** Rater-scored leaves: the cells a non-recused branch expects (less its 不适用 ones: expectedOf). */
  readonly ratedCount: number;
  /** What is on screen. */
  readonly values = new Map<CellKey, CellValue>();
  /** What the main process holds (as far as this screen knows). */
  private readonly base = new Map<CellKey, CellValue>();
  readonly states = new Map<CellKey, CellState>();
  readonly enteredBy = new Map<CellKey, string>();
  /** Per branch: rater-scored leaves with a value. */
  readonly scored = new Map<number, number>();
  scoredTotal = 0;
  expectedTotal = 0;
  failedCount = 0;
  /** Cells waiting for their reasons (待填原因): not sent yet. */
  draftCount = 0;
  /** The office's values on office-recorded leaves (考核组核定): read-only, counted in the subtotals. */
  readonly office = new Map<CellKey, OfficeValue>();
  /** Live subtotals of this rater's entries, per branch (the shared engine, one rater). */
  readonly totals = new Map<number, BranchResult>();

  private readonly listeners = new Set<() => void>();
  private version = 0;
  private readonly latestJob = new Map<CellKey, number>();
  private jobs = 0;
  private queue: Promise<void> = Promise.resolve();
  private undoStack: UndoStep[][] = [];
  private redoStack: UndoStep[][] = [];
  private engine: Engine | null = null;
  private reason = '';
  private readonly backupKey: string;
  private readonly rowById = new Map<number, LeafRow>();

  constructor(
    sheet: RaterSheet,
    private readonly settings: PeriodSettings,
    private readonly saveFn: SaveFn,
    private readonly onRefused?: (error: unknown) => void,
    /** Whose unsaved values these are on this PC: the rater's own, or the admin typing in their paper sheet. */
    scope: 'rater' | 'admin' = 'rater',
  ) {
    this.sheet = sheet;
    // 分工评分: the rows are the rater's assigned leaves only (the sheet says which).
    this.rows = buildRows(sheet.indicators, sheet.assigned);
    this.leafRows = this.rows.filter((r): r is LeafRow => r.kind === 'leaf');
    this.branches = sheet.branches;
    this.ratedCount = this.leafRows.filter((r) => r.rated).length;
    for (const r of this.leafRows) this.rowById.set(r.leaf.id, r);
    this.backupKey = `rongping.unsaved.${scope}.${sheet.period.id}.${sheet.rater.id}`;
    this.load(sheet);
    this.restoreBackup();
    this.recompute();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = () => this.version;

  private emit() {
    this.version++;
    for (const l of this.listeners) l();
  }

  get(branchId: number, indicatorId: number): CellValue | null {
    return this.values.get(cellKey(branchId, indicatorId)) ?? null;
  }

  state(branchId: number, indicatorId: number): CellState | null {
    return this.states.get(cellKey(branchId, indicatorId)) ?? null;
  }

  setReason(reason: string) {
    this.reason = reason;
  }

  get canUndo() {
    return this.undoStack.length > 0;
  }

  get canRedo() {
    return this.redoStack.length > 0;
  }

  /** The server's entries, with what is still unsaved here kept on top. */
  private load(sheet: RaterSheet) {
    this.office.clear();
    for (const o of sheet.office) {
      this.office.set(cellKey(o.branchId, o.indicatorId), { value: o.value, detail: o.detail, findings: o.findings, evidence: o.evidence, evidenceDate: o.evidenceDate });
    }
    this.base.clear();
    this.enteredBy.clear();
    for (const e of sheet.entries) {
      const k = cellKey(e.branchId, e.indicatorId);
      this.base.set(k, { value: e.value, detail: e.detail });
      this.enteredBy.set(k, e.enteredBy);
    }
    const unsaved = new Map<CellKey, CellValue | null>();
    for (const [k, s] of this.states) if (s.status !== 'saved') unsaved.set(k, this.values.get(k) ?? null);
    this.values.clear();
    for (const [k, v] of this.base) this.values.set(k, v);
    for (const [k, v] of unsaved) {
      if (v) this.values.set(k, v);
      else this.values.delete(k);
    }
    for (const [k, s] of this.states) if (s.status === 'saved') this.states.delete(k);
  }

  /** A fresh sheet from the main process (after a refetch): keeps unsaved cells and the undo history. */
  replaceSheet(sheet: RaterSheet) {
    if (sheet === this.sheet) return;
    this.sheet = sheet;
    this.load(sheet);
    this.recompute();
    this.emit();
  }

  private restoreBackup() {
    let saved: { branchId: number; indicatorId: number; next: CellValue | null }[] = [];
    try {
      saved = JSON.parse(localStorage.getItem(this.backupKey) ?? '[]') as typeof saved;
    } catch {
      return;
    }
    for (const c of saved) {
      const k = cellKey(c.branchId, c.indicatorId);
      if (sameValue(this.base.get(k), c.next)) continue;
      if (c.next) this.values.set(k, c.next);
      else this.values.delete(k);
      this.states.set(k, this.lacksReasons(k) ? { status: 'draft' } : { status: 'failed', error: t('scoring.save.restored') });
    }
  }

  private writeBackup() {
    const unsaved = [...this.states].filter(([, s]) => s.status !== 'saved');
    try {
      if (!unsaved.length) localStorage.removeItem(this.backupKey);
      else
        localStorage.setItem(
          this.backupKey,
          JSON.stringify(unsaved.map(([k]) => ({ ...splitKey(k), next: this.values.get(k) ?? null }))),
        );
    } catch {
      // storage full or unavailable: the values are still on screen
    }
  }

  /** The cell holds a count (or 是) with fewer reasons than it needs: a draft, not sent. */
  private lacksReasons(k: CellKey): boolean {
    const v = this.values.get(k);
    const row = this.rowById.get(splitKey(k).indicatorId);
    return !!v && !!row && v.detail.filter((d) => d.trim()).length < detailNeeded(row.method, v.value);
  }

  private countStates() {
    const states = [...this.states.values()];
    this.failedCount = states.filter((s) => s.status === 'failed').length;
    this.draftCount = states.filter((s) => s.status === 'draft').length;
  }

  /** The cells a branch expects of this rater: its rater-scored leaves that apply to it (不适用 ones are never 未评). */
  expectedOf(branchId: number): number {
    const b = this.branches.find((x) => x.id === branchId);
    if (!b || b.recused) return 0;
    return b.notApplicable?.length ? this.leafRows.filter((r) => r.rated && !isNotApplicable(b, r.leaf.id)).length : this.ratedCount;
  }

  /** How many of a branch's expected cells hold a value (a value left on a 不适用 cell does not count). */
  private scoredOn(b: SheetBranch): number {
    let n = 0;
    for (const r of this.leafRows) if (r.rated && !isNotApplicable(b, r.leaf.id) && this.values.has(cellKey(b.id, r.leaf.id))) n++;
    return n;
  }

  /** Counts and subtotals from scratch (cheap: a few thousand cells). */
  private recompute() {
    this.scored.clear();
    this.scoredTotal = 0;
    this.expectedTotal = 0;
    for (const b of this.branches) {
      if (b.recused) continue;
      this.expectedTotal += this.expectedOf(b.id);
      const n = this.scoredOn(b);
      this.scored.set(b.id, n);
      this.scoredTotal += n;
    }
    this.countStates();
    this.engine = new Engine(this.engineInput());
    this.readTotals();
  }

  private engineInput(): EngineInput {
    const raterId = this.sheet.rater.id;
    const inScope = this.branches.filter((b) => !b.recused);
    const ids = new Set(inScope.map((b) => b.id));
    const scores = [...this.values].flatMap(([k, v]) => {
      const { branchId, indicatorId } = splitKey(k);
      return ids.has(branchId) ? [{ raterId, branchId, indicatorId, value: v.value }] : [];
    });
    return {
      indicators: this.sheet.indicators,
      // The category rescales the subtotal over what applies, as the panel's result does (issue 11 §7).
      branches: inScope.map((b) => ({ id: b.id, code: b.code, name: b.name, ...(b.category ? { category: b.category } : {}) })),
      groups: [{ id: 1, name: '', weight: 1 }],
      raters: [{ id: raterId, name: this.sheet.rater.name, groupId: 1 }],
      recusals: [],
      scores,
      measurements: [],
      // The office's values count in the rater's subtotal exactly as in the panel's result (one-rater.ts).
      office: [...this.office].flatMap(([k, o]) => {
        const { branchId, indicatorId } = splitKey(k);
        return ids.has(branchId) ? [{ branchId, indicatorId, value: o.value, evidence: o.evidence ?? '', evidenceDate: o.evidenceDate ?? null }] : [];
      }),
      // One rater: nothing to normalise against the panel.
      settings: { ...this.settings, normalize: false },
    };
  }

  private readTotals() {
    this.totals.clear();
    for (const b of this.engine?.result.branches ?? []) this.totals.set(b.branchId, b);
  }

  /** Shows changes at once, records them for undo, and saves them (one job). */
  apply(changes: CellChange[], options: { record?: boolean } = {}): number {
    const steps: UndoStep[] = [];
    for (const c of changes) {
      const k = cellKey(c.branchId, c.indicatorId);
      const before = this.values.get(k) ?? null;
      if (sameValue(before, c.next) && this.states.get(k)?.status !== 'failed') continue;
      steps.push({ branchId: c.branchId, indicatorId: c.indicatorId, before, after: c.next });
    }
    if (!steps.length) return 0;
    if (options.record !== false) {
      this.undoStack.push(steps);
      if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
      this.redoStack = [];
    }
    this.write(steps.map((s) => ({ branchId: s.branchId, indicatorId: s.indicatorId, next: s.after })));
    return steps.length;
  }

  private write(changes: CellChange[]) {
    for (const c of changes) {
      const k = cellKey(c.branchId, c.indicatorId);
      if (c.next) this.values.set(k, c.next);
      else this.values.delete(k);
    }
    this.recomputeCounts(changes);
    this.enqueue(changes.map((c) => cellKey(c.branchId, c.indicatorId)));
  }

  /** Counts and the engine for a few changed cells (the engine recomputes only their branches). */
  private recomputeCounts(changes: CellChange[]) {
    const branchIds = new Set(changes.map((c) => c.branchId));
    for (const branchId of branchIds) {
      const b = this.branches.find((x) => x.id === branchId);
      if (!b || b.recused) continue;
      const n = this.scoredOn(b);
      this.scoredTotal += n - (this.scored.get(branchId) ?? 0);
      this.scored.set(branchId, n);
    }
    if (this.engine) {
      const raterId = this.sheet.rater.id;
      for (const c of changes) {
        const b = this.branches.find((x) => x.id === c.branchId);
        if (b && !b.recused) this.engine.setEntry(raterId, c.branchId, c.indicatorId, c.next?.value ?? null);
      }
      this.readTotals();
    }
  }

  private enqueue(all: CellKey[]) {
    // Drafts wait for their reasons: marked, kept on this PC, and any answer to an earlier save of them no longer counts.
    const keys = all.filter((k) => !this.lacksReasons(k));
    const sent = new Set(keys);
    for (const k of all) {
      if (sent.has(k)) continue;
      this.states.set(k, { status: 'draft' });
      this.latestJob.delete(k);
    }
    if (!keys.length) {
      this.countStates();
      this.writeBackup();
      this.emit();
      return;
    }
    const job = ++this.jobs;
    const entries: SaveEntry[] = keys.map((k) => {
      const v = this.values.get(k);
      return { ...splitKey(k), value: v?.value ?? null, ...(v ? { detail: v.detail } : {}) };
    });
    for (const k of keys) {
      this.latestJob.set(k, job);
      this.states.set(k, { status: 'saving' });
    }
    this.countStates();
    this.writeBackup();
    this.emit();
    const reason = this.reason.trim() || undefined;
    this.queue = this.queue.then(async () => {
      // A whole sheet pasted at once can exceed what one call may carry: send it in chunks the contract accepts.
      const errors = new Map<SaveEntry, unknown>();
      let error: unknown = null;
      for (let from = 0; from < entries.length; from += SCORING_SAVE_MAX) {
        const chunk = entries.slice(from, from + SCORING_SAVE_MAX);
        try {
          await this.saveFn(chunk, reason);
        } catch (e) {
          error ??= e;
          for (const entry of chunk) errors.set(entry, e);
        }
      }
      for (const e of entries) {
        const k = cellKey(e.branchId, e.indicatorId);
        const refused = errors.get(e) ?? null;
        if (!refused) {
          if (e.value === null) this.base.delete(k);
          else this.base.set(k, { value: e.value, detail: e.detail ?? [] });
        }
        if (this.latestJob.get(k) !== job) continue;
        this.states.set(k, refused ? { status: 'failed', error: errorText(refused) } : { status: 'saved' });
      }
      this.countStates();
      this.writeBackup();
      this.emit();
      if (error) this.onRefused?.(error);
    });
  }

  /** Resolves when every save sent so far has been answered. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Sends failed cells again (all of them, or the given ones). */
  retry(keys?: CellKey[]) {
    const failed = keys ?? [...this.states].filter(([, s]) => s.status === 'failed').map(([k]) => k);
    if (failed.length) this.enqueue(failed);
  }

  /** Gives up an unsaved value: the cell shows what the main process holds again. */
  discard(key: CellKey) {
    const base = this.base.get(key) ?? null;
    const { branchId, indicatorId } = splitKey(key);
    if (base) this.values.set(key, base);
    else this.values.delete(key);
    this.states.delete(key);
    this.latestJob.delete(key);
    this.recomputeCounts([{ branchId, indicatorId, next: base }]);
    this.countStates();
    this.writeBackup();
    this.emit();
  }

  /** Puts back the values before the last change, and saves them. Returns how many cells changed. */
  undo(): number {
    const steps = this.undoStack.pop();
    if (!steps) return 0;
    this.redoStack.push(steps);
    this.write(steps.map((s) => ({ branchId: s.branchId, indicatorId: s.indicatorId, next: s.before })));
    return steps.length;
  }

  redo(): number {
    const steps = this.redoStack.pop();
    if (!steps) return 0;
    this.undoStack.push(steps);
    this.write(steps.map((s) => ({ branchId: s.branchId, indicatorId: s.indicatorId, next: s.after })));
    return steps.length;
  }

  /** Where the last undo / redo happened, to move the focus there. */
  lastUndoTarget(): { branchId: number; indicatorId: number } | null {
    const steps = this.redoStack[this.redoStack.length - 1];
    return steps?.[0] ?? null;
  }

  lastRedoTarget(): { branchId: number; indicatorId: number } | null {
    const steps = this.undoStack[this.undoStack.length - 1];
    return steps?.[0] ?? null;
  }

  /** Cells whose reasons are still to be written (待填原因), in sheet order: the rater cannot finish with any. */
  drafts(): { branch: SheetBranch; leaf: LeafRow; value: CellValue }[] {
    const out: { branch: SheetBranch; leaf: LeafRow; value: CellValue }[] = [];
    for (const r of this.leafRows) {
      for (const b of this.branches) {
        const k = cellKey(b.id, r.leaf.id);
        const v = this.values.get(k);
        if (v && this.states.get(k)?.status === 'draft') out.push({ branch: b, leaf: r, value: v });
      }
    }
    return out;
  }

  /** Cells this rater still has to score: [branch, leaf] in branch order, leaves in sheet order. */
  unscored(): { branch: SheetBranch; leaf: LeafRow }[] {
    const out: { branch: SheetBranch; leaf: LeafRow }[] = [];
    for (const b of this.branches) {
      if (b.recused) continue;
      for (const r of this.leafRows) if (r.rated && !isNotApplicable(b, r.leaf.id) && !this.values.has(cellKey(b.id, r.leaf.id))) out.push({ branch: b, leaf: r });
    }
    return out;
  }
}

export function splitKey(key: CellKey): { branchId: number; indicatorId: number } {
  const [b, i] = key.split(':');
  return { branchId: Number(b), indicatorId: Number(i) };
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'error' in e) {
    const err = (e as { error: { message: string; details?: { message: string }[] } }).error;
    return err.details?.length ? err.details.map((d) => d.message).join('；') : err.message;
  }
  return e instanceof Error ? e.message : String(e);
}
