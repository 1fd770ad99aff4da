/**
 * One rater's sheet in the renderer (renderer/src/pages/scoring/sheetStore):
 * changes shown at once and saved one job after another, counts and live
 * subtotals, undo / redo, and a value that could not be saved kept (in its
 * cell and in this PC's localStorage) until it is saved or given up.
 * Driven without a screen: a recording save function and an in-memory localStorage.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPeriodSettings } from '../../shared/domain/period';
import { cellKey, SheetStore, type SaveEntry, type SaveFn } from '../../renderer/src/pages/scoring/sheetStore';
import { BRANCH, LEAF, raterSheet } from '../helpers/rater-sheet';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const BACKUP_KEY = 'rongping.unsaved.rater.7.5';

/** A save function that records each call and answers as told (by default: accepted). */
function recorder(answer: (entries: SaveEntry[]) => unknown = () => null) {
  const calls: { entries: SaveEntry[]; reason: string | undefined }[] = [];
  const save: SaveFn = async (entries, reason) => {
    calls.push({ entries, reason });
    const refusal = answer(entries);
    if (refusal) throw refusal;
  };
  return { calls, save };
}

const refusedWith = (message: string, details?: { field: string; message: string }[]) => ({ ok: false, error: { code: 'validation', message, ...(details ? { details } : {}) } });
const one = (branchId: number, indicatorId: number, value: number | null, detail: string[] = []) => ({ branchId, indicatorId, next: value === null ? null : { value, detail } });

describe('a sheet loaded from the main process', () => {
  it('shows its entries and counts what each branch not recused still expects', () => {
    const store = new SheetStore(
      raterSheet([
        { branchId: BRANCH.a, indicatorId: LEAF.rating, value: 2.5, detail: [] },
        { branchId: BRANCH.a, indicatorId: LEAF.deduction, value: 1, detail: ['未按时开展'] },
        { branchId: BRANCH.c, indicatorId: LEAF.veto1, value: 0, detail: [] },
      ]),
      defaultPeriodSettings(),
      recorder().save,
    );
    expect(store.get(BRANCH.a, LEAF.deduction)).toEqual({ value: 1, detail: ['未按时开展'] });
    expect(store.get(BRANCH.d, LEAF.rating)).toBeNull();
    expect(store.ratedCount).toBe(7); // every leaf but the quantitative one
    expect(store.expectedTotal).toBe(21); // three branches: B-02 is recused
    expect([...store.scored]).toEqual([
      [BRANCH.a, 2],
      [BRANCH.c, 1],
      [BRANCH.d, 0],
    ]);
    expect(store.scoredTotal).toBe(3);
    expect(store.unscored().map((u) => `${u.branch.code}/${u.leaf.leaf.code}`).slice(0, 6)).toEqual(['A-01/1.2', 'A-01/1.5', 'A-01/2.1', 'A-01/2.2', 'A-01/3', 'C-03/1.1']);
    expect(store.unscored()).toHaveLength(18);
  });

  it('computes live subtotals with the shared engine, one rater, the recused branch left out', () => {
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), recorder().save);
    store.apply([one(BRANCH.a, LEAF.rating, 2.5), one(BRANCH.a, LEAF.level, 1), one(BRANCH.a, LEAF.deduction, 1, ['一次'])]);
    const a = store.totals.get(BRANCH.a)!;
    expect(a.nodes[LEAF.rating]!.points).toBe(2.5);
    expect(a.nodes[LEAF.level]!.points).toBeCloseTo(2.4); // 较好: 0.8 × 3
    expect(a.nodes[LEAF.deduction]!.points).toBe(1); // 2 − 1 per occurrence
    expect(store.totals.has(BRANCH.b)).toBe(false);
    store.apply([one(BRANCH.a, LEAF.rating, 1)]);
    expect(store.totals.get(BRANCH.a)!.nodes[LEAF.rating]!.points).toBe(1);
  });
});

describe('changing cells', () => {
  it('shows a change at once, marks it saving, and saves it with the reason given', async () => {
    const { calls, save } = recorder();
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getVersion()));
    store.setReason('  复核更正  ');
    expect(store.apply([one(BRANCH.c, LEAF.rating, 3), one(BRANCH.c, LEAF.veto1, 1, ['发生事故'])])).toBe(2);
    expect(store.get(BRANCH.c, LEAF.rating)).toEqual({ value: 3, detail: [] });
    expect(store.state(BRANCH.c, LEAF.rating)).toEqual({ status: 'saving' });
    expect(store.scored.get(BRANCH.c)).toBe(2);
    expect(seen).toHaveLength(1);
    await store.idle();
    expect(calls).toEqual([
      {
        entries: [
          { branchId: BRANCH.c, indicatorId: LEAF.rating, value: 3, detail: [] },
          { branchId: BRANCH.c, indicatorId: LEAF.veto1, value: 1, detail: ['发生事故'] },
        ],
        reason: '复核更正',
      },
    ]);
    expect(store.state(BRANCH.c, LEAF.rating)).toEqual({ status: 'saved' });
    expect(seen).toHaveLength(2);
  });

  it('skips a change to what the cell already shows, and sends a cleared cell as null', async () => {
    const { calls, save } = recorder();
    const store = new SheetStore(raterSheet([{ branchId: BRANCH.a, indicatorId: LEAF.rating, value: 2, detail: [] }]), defaultPeriodSettings(), save);
    expect(store.apply([one(BRANCH.a, LEAF.rating, 2)])).toBe(0);
    expect(store.apply([one(BRANCH.a, LEAF.rating, null)])).toBe(1);
    await store.idle();
    expect(calls.map((c) => c.entries)).toEqual([[{ branchId: BRANCH.a, indicatorId: LEAF.rating, value: null }]]);
    expect(store.get(BRANCH.a, LEAF.rating)).toBeNull();
    expect(store.scored.get(BRANCH.a)).toBe(0);
  });

  it('saves one job after another, so the last value typed is the last one stored', async () => {
    const stored = new Map<string, number | null>();
    const gates: (() => void)[] = [];
    const order: number[] = [];
    const save: SaveFn = async (entries) => {
      order.push(entries[0]!.value ?? -1);
      await new Promise<void>((r) => gates.push(r)); // each save waits until the test lets it finish
      for (const e of entries) stored.set(cellKey(e.branchId, e.indicatorId), e.value);
    };
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    store.apply([one(BRANCH.a, LEAF.rating, 1)]);
    store.apply([one(BRANCH.a, LEAF.rating, 2)]);
    store.apply([one(BRANCH.a, LEAF.rating, 3)]);
    await tick();
    expect(order).toEqual([1]); // the others wait for it
    gates[0]!();
    await tick();
    expect(order).toEqual([1, 2]);
    // The first save is answered, but a later value is still on its way: the cell is not "saved" yet.
    expect(store.state(BRANCH.a, LEAF.rating)).toEqual({ status: 'saving' });
    gates[1]!();
    await tick();
    gates[2]!();
    await store.idle();
    expect(order).toEqual([1, 2, 3]);
    expect(stored.get(cellKey(BRANCH.a, LEAF.rating))).toBe(3);
    expect(store.state(BRANCH.a, LEAF.rating)).toEqual({ status: 'saved' });
  });

  it('undoes and redoes a change as one step, saving each, and points at where it happened', async () => {
    const { calls, save } = recorder();
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    store.apply([one(BRANCH.a, LEAF.rating, 1), one(BRANCH.c, LEAF.rating, 2)]);
    store.apply([one(BRANCH.d, LEAF.level, 0)]);
    expect(store.undo()).toBe(1);
    expect(store.get(BRANCH.d, LEAF.level)).toBeNull();
    expect(store.lastUndoTarget()).toEqual({ branchId: BRANCH.d, indicatorId: LEAF.level, before: null, after: { value: 0, detail: [] } });
    expect(store.undo()).toBe(2);
    expect(store.get(BRANCH.a, LEAF.rating)).toBeNull();
    expect(store.canUndo).toBe(false);
    expect(store.undo()).toBe(0);
    expect(store.redo()).toBe(2);
    expect(store.get(BRANCH.c, LEAF.rating)).toEqual({ value: 2, detail: [] });
    expect(store.lastRedoTarget()).toMatchObject({ branchId: BRANCH.a, indicatorId: LEAF.rating });
    // A new change forgets what could be redone.
    store.apply([one(BRANCH.a, LEAF.bonus, 0)]);
    expect(store.canRedo).toBe(false);
    expect(store.redo()).toBe(0);
    await store.idle();
    expect(calls.map((c) => c.entries.map((e) => e.value))).toEqual([[1, 2], [0], [null], [null, null], [1, 2], [0]]);
  });

  it('a change applied without recording (e.g. a refetch fixing a cell) cannot be undone', () => {
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), recorder().save);
    store.apply([one(BRANCH.a, LEAF.rating, 1)], { record: false });
    expect(store.get(BRANCH.a, LEAF.rating)).toEqual({ value: 1, detail: [] });
    expect(store.canUndo).toBe(false);
  });
});

describe('a value that could not be saved', () => {
  it('stays in its cell, marked failed with the refusal in words, and is kept in localStorage', async () => {
    const refused: unknown[] = [];
    const { save } = recorder((entries) => (entries.some((e) => e.value === 3) ? refusedWith('不能保存', [{ field: 'entries.0', message: '本周期已定稿' }, { field: 'entries.1', message: '请写明原因' }]) : null));
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), save, (e) => refused.push(e));
    store.apply([one(BRANCH.a, LEAF.rating, 3)]);
    store.apply([one(BRANCH.c, LEAF.rating, 1)]);
    await store.idle();
    expect(store.get(BRANCH.a, LEAF.rating)).toEqual({ value: 3, detail: [] });
    expect(store.state(BRANCH.a, LEAF.rating)).toEqual({ status: 'failed', error: '本周期已定稿；请写明原因' });
    expect(store.state(BRANCH.c, LEAF.rating)).toEqual({ status: 'saved' });
    expect(store.failedCount).toBe(1);
    expect(refused).toHaveLength(1);
    expect(JSON.parse(storage.getItem(BACKUP_KEY)!)).toEqual([{ branchId: BRANCH.a, indicatorId: LEAF.rating, next: { value: 3, detail: [] } }]);
  });

  it('comes back after a restart of the screen, and is saved by a retry (the backup then cleared)', async () => {
    let accept = false;
    const { calls, save } = recorder(() => (accept ? null : new Error('主进程无响应')));
    const first = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    first.apply([one(BRANCH.d, LEAF.level, 2)]);
    await first.idle();
    expect(first.state(BRANCH.d, LEAF.level)).toEqual({ status: 'failed', error: '主进程无响应' });

    const again = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    expect(again.get(BRANCH.d, LEAF.level)).toEqual({ value: 2, detail: [] });
    expect(again.state(BRANCH.d, LEAF.level)).toEqual({ status: 'failed', error: '上次未能保存，已从本机恢复；请重试或放弃' });
    expect(again.failedCount).toBe(1);
    accept = true;
    again.retry();
    await again.idle();
    expect(calls.at(-1)!.entries).toEqual([{ branchId: BRANCH.d, indicatorId: LEAF.level, value: 2, detail: [] }]);
    expect(again.state(BRANCH.d, LEAF.level)).toEqual({ status: 'saved' });
    expect(again.failedCount).toBe(0);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });

  it('is not restored when the main process already holds it', () => {
    storage.setItem(BACKUP_KEY, JSON.stringify([{ branchId: BRANCH.a, indicatorId: LEAF.rating, next: { value: 2, detail: [] } }]));
    const store = new SheetStore(raterSheet([{ branchId: BRANCH.a, indicatorId: LEAF.rating, value: 2, detail: [] }]), defaultPeriodSettings(), recorder().save);
    expect(store.state(BRANCH.a, LEAF.rating)).toBeNull();
    expect(store.failedCount).toBe(0);
  });

  it('given up, shows what the main process holds again', async () => {
    const { save } = recorder(() => new Error('磁盘已满'));
    const store = new SheetStore(raterSheet([{ branchId: BRANCH.a, indicatorId: LEAF.rating, value: 2, detail: [] }]), defaultPeriodSettings(), save);
    store.apply([one(BRANCH.a, LEAF.rating, 0.5), one(BRANCH.c, LEAF.rating, 1)]);
    await store.idle();
    expect(store.failedCount).toBe(2);
    store.discard(cellKey(BRANCH.a, LEAF.rating));
    store.discard(cellKey(BRANCH.c, LEAF.rating));
    expect(store.get(BRANCH.a, LEAF.rating)).toEqual({ value: 2, detail: [] });
    expect(store.get(BRANCH.c, LEAF.rating)).toBeNull();
    expect(store.scored.get(BRANCH.c)).toBe(0);
    expect(store.totals.get(BRANCH.a)!.nodes[LEAF.rating]!.points).toBe(2);
    expect(store.failedCount).toBe(0);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });

  it('survives a fresh sheet from the main process, which replaces only what was saved', async () => {
    const { save } = recorder((entries) => (entries[0]!.branchId === BRANCH.a ? new Error('离线') : null));
    const store = new SheetStore(raterSheet(), defaultPeriodSettings(), save);
    store.apply([one(BRANCH.a, LEAF.rating, 3)]);
    store.apply([one(BRANCH.c, LEAF.rating, 1)]);
    await store.idle();
    store.replaceSheet(
      raterSheet([
        { branchId: BRANCH.a, indicatorId: LEAF.rating, value: 0, detail: [] },
        { branchId: BRANCH.c, indicatorId: LEAF.rating, value: 1.5, detail: [] },
      ]),
    );
    expect(store.get(BRANCH.a, LEAF.rating)).toEqual({ value: 3, detail: [] }); // unsaved: kept
    expect(store.get(BRANCH.c, LEAF.rating)).toEqual({ value: 1.5, detail: [] }); // saved: the main process's
    expect(store.state(BRANCH.c, LEAF.rating)).toBeNull();
    expect(store.canUndo).toBe(true);
  });
});

describe('a count whose reasons are still to be written (待填原因)', () => {
  it('is shown and kept as a draft, not sent, and sent once its reasons are complete', async () => {
    const { calls, save } = recorder();
    const store = new SheetStore(raterSheet([]), defaultPeriodSettings(), save);
    store.apply([one(BRANCH.a, LEAF.deduction, 2), one(BRANCH.a, LEAF.rating, 2.5)]);
    await store.idle();
    // Only the rating went: the service would refuse a count without its reasons.
    expect(calls.map((c) => c.entries.map((e) => e.indicatorId))).toEqual([[LEAF.rating]]);
    expect(store.state(BRANCH.a, LEAF.deduction)).toEqual({ status: 'draft' });
    expect(store.draftCount).toBe(1);
    expect(store.failedCount).toBe(0);
    expect(store.drafts().map((d) => [d.branch.code, d.leaf.leaf.code, d.value.value])).toEqual([['A-01', '1.3', 2]]);
    // Kept on this PC like an unsaved value, and a draft again when the sheet is opened anew.
    expect(JSON.parse(storage.getItem(BACKUP_KEY)!)).toEqual([{ branchId: BRANCH.a, indicatorId: LEAF.deduction, next: { value: 2, detail: [] } }]);
    const reopened = new SheetStore(raterSheet([]), defaultPeriodSettings(), recorder().save);
    expect(reopened.state(BRANCH.a, LEAF.deduction)).toEqual({ status: 'draft' });
    expect(reopened.get(BRANCH.a, LEAF.deduction)).toEqual({ value: 2, detail: [] });
    // A retry of everything failed does not send drafts.
    store.retry();
    await store.idle();
    expect(calls).toHaveLength(1);
    store.apply([one(BRANCH.a, LEAF.deduction, 2, ['7月支委会未召开', '9月党课未开展'])]);
    await store.idle();
    expect(calls[1]!.entries).toEqual([{ branchId: BRANCH.a, indicatorId: LEAF.deduction, value: 2, detail: ['7月支委会未召开', '9月党课未开展'] }]);
    expect(store.state(BRANCH.a, LEAF.deduction)).toEqual({ status: 'saved' });
    expect(store.drafts()).toEqual([]);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
  });

  it('an answer to an earlier save of the cell does not overwrite the draft state', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const calls: SaveEntry[][] = [];
    const store = new SheetStore(raterSheet([]), defaultPeriodSettings(), async (entries) => {
      calls.push(entries);
      await gate;
    });
    store.apply([one(BRANCH.c, LEAF.veto1, 0)]);
    store.apply([one(BRANCH.c, LEAF.veto1, 1)]); // 是: needs its reason
    release();
    await store.idle();
    expect(calls).toHaveLength(1);
    expect(store.state(BRANCH.c, LEAF.veto1)).toEqual({ status: 'draft' });
    expect(store.get(BRANCH.c, LEAF.veto1)).toEqual({ value: 1, detail: [] });
  });
});
