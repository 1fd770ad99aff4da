/**
 * Clear errors, never "internal" (issue 10, part 9): a reference to a row
 * that does not exist is named; the current period is checked; a SQLite
 * foreign-key failure a service did not foresee still reaches the user in
 * words; a refused or failed document write remembers none of its options;
 * batches are bounded so one call never blocks the main process for seconds,
 * and the scoring grid sends a whole pasted sheet in chunks within the bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTRIES_SAVE_MAX, MEASUREMENTS_SAVE_MAX, SCORING_SAVE_MAX } from '../../shared/api';
import type { Result } from '../../shared/result';
import { createServices, type Services } from '../../electron/services';
import { handlers } from '../../electron/services/handlers';
import { SheetStore } from '../../renderer/src/pages/scoring/sheetStore';
import { periodSetup } from '../helpers/period-setup';
import { tempDir, tempServices } from '../helpers/tmp';

const ok = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('references to rows that do not exist are named', () => {
  it("a rater's own branch or a recusal's branch that does not exist (was: internal)", async () => {
    const s = await periodSetup({ status: 'draft' });
    const groupId = ok(await s.invoke('panel.get', { periodId: s.periodId })).groups[0]!.id;
    const before = ok(await s.invoke('panel.get', { periodId: s.periodId }));
    expect(await s.invoke('panel.saveRater', { periodId: s.periodId, groupId, name: '赵刚', branchId: 99_999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '找不到评委所在的党支部（编号 99999），它可能已被删除', details: [{ field: 'branchId', message: expect.any(String) }] },
    });
    expect(await s.invoke('panel.saveRater', { periodId: s.periodId, groupId, name: '赵刚', recusals: [{ branchId: s.hg1, reason: '曾任书记' }, { branchId: 88_888, reason: '亲属' }] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: '找不到回避的党支部（编号 88888），它可能已被删除', details: [{ field: 'recusals.1.branchId' }] },
    });
    // An existing rater edited with a missing branch keeps what it had.
    expect(await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r2, groupId, name: '李敏', branchId: 77_777 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(ok(await s.invoke('panel.get', { periodId: s.periodId }))).toEqual(before);
  });

  it('the current period must exist (was: stored whatever id was given)', async () => {
    const s = await periodSetup();
    expect(ok(await s.invoke('app.info', {})).currentPeriodId).toBe(s.periodId);
    expect(await s.invoke('app.setCurrentPeriod', { periodId: 4242 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: '找不到这个考核周期（编号 4242），它可能已被删除' },
    });
    expect(ok(await s.invoke('app.info', {})).currentPeriodId).toBe(s.periodId);
  });

  it('a foreign-key failure no service foresaw is answered in words, not "internal"', async () => {
    const { invoke, ctx } = tempServices();
    // A handler that writes a row referring to a period that does not exist: the database refuses it.
    const spy = vi.spyOn(handlers['app.info'], 'run').mockImplementation(() => {
      ctx.db.prepare("INSERT INTO rater_group (period_id, name, weight) VALUES (424242, '组', 1)").run();
      return null as never;
    });
    try {
      expect(await invoke('app.info', {})).toEqual({
        ok: false,
        error: { code: 'not_found', message: '操作没有完成：输入中引用的党支部、指标、评委或其他记录不存在（可能已被删除）。请刷新后重试。' },
      });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a document that is not written remembers none of its options', () => {
  it('minutes and meeting pack into a folder that does not exist, a bulletin with a date that does not exist', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const sample = ok(await invoke('sample.create', { branches: 2, raters: 2, seed: 3 }));
    const meeting = ok(await invoke('meetings.save', { periodId: sample.period.id, kind: 'assessment', title: '考核会', date: '2026-11-20' }));
    const defaults = ok(await invoke('documents.defaults', {}));
    const nowhere = path.join(dir, 'no', 'such', 'folder', '纪要.docx');
    const other = defaults.fontScheme === 'gb2312' ? 'windows' : 'gb2312';
    expect(await invoke('documents.minutes', { meetingId: meeting.id, path: nowhere, fontScheme: other })).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await invoke('documents.meetingPack', { meetingId: meeting.id, path: nowhere, fontScheme: other })).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await invoke('documents.bulletin', { periodId: sample.period.id, path: path.join(dir, '通报.docx'), issuer: '某某公司党委', fontScheme: other, date: '2026-02-31' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '日期“2026-02-31”不存在' },
    });
    expect(ok(await invoke('documents.defaults', {}))).toEqual(defaults);
    // Written, they are remembered.
    ok(await invoke('documents.minutes', { meetingId: meeting.id, path: path.join(dir, '纪要.docx'), fontScheme: other }));
    expect(ok(await invoke('documents.defaults', {})).fontScheme).toBe(other);
  });
});

/** A period of 200 branches × 101 rated leaves (20,200 cells a rater) and 10 quantitative leaves, two raters, scoring open. */
async function largePeriod(services: Services) {
  const { invoke } = services;
  const fw = ok(await invoke('frameworks.create', { name: '大体系', source: { kind: 'empty' } }));
  const party = ok(await invoke('indicators.add', { frameworkId: fw.id, parentId: null, fields: { code: '1', name: '党建', tag: 'party', maxPoints: 101 } }));
  const business = ok(await invoke('indicators.add', { frameworkId: fw.id, parentId: null, fields: { code: '2', name: '业务', tag: 'business', maxPoints: 10 } }));
  const rated: number[] = [];
  const quantitative: number[] = [];
  for (let i = 1; i <= 101; i++) {
    rated.push(ok(await invoke('indicators.add', { frameworkId: fw.id, parentId: party.id, fields: { code: `1.${i}`, name: `党建指标${i}`, tag: 'party', maxPoints: 1, method: { kind: 'rating' } } })).id);
  }
  for (let i = 1; i <= 10; i++) {
    const method = { kind: 'quantitative' as const, direction: 'higher' as const, floorRatio: 0.5 };
    quantitative.push(ok(await invoke('indicators.add', { frameworkId: fw.id, parentId: business.id, fields: { code: `2.${i}`, name: `业务指标${i}`, tag: 'business', maxPoints: 1, method } })).id);
  }
  const branchIds: number[] = [];
  for (let i = 0; i < 200; i++) branchIds.push(ok(await invoke('branches.create', { code: `ZB-${i}`, name: `第${i}党支部` })).id);
  const period = ok(await invoke('periods.create', { name: '大周期', year: 2026, kind: 'annual', frameworkId: fw.id, branchIds }));
  const group = ok(await invoke('panel.saveGroup', { periodId: period.id, name: '考评组', weight: 1 }));
  const raters = [ok(await invoke('panel.saveRater', { periodId: period.id, groupId: group.id, name: '王建国' })).id, ok(await invoke('panel.saveRater', { periodId: period.id, groupId: group.id, name: '李敏' })).id];
  ok(await invoke('periods.advance', { id: period.id, to: 'scoring' }));
  const cells = branchIds.flatMap((branchId) => rated.map((indicatorId) => ({ branchId, indicatorId })));
  return { ...services, periodId: period.id, branchIds, quantitative, raters, cells };
}

const timed = async <T,>(f: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
};

describe('batches are bounded, the bound is stated, and the largest allowed one is quick', () => {
  // One large period for both tests (it takes seconds to build): the first uses one rater, the second the other.
  let p: Awaited<ReturnType<typeof largePeriod>>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rongping-large-'));
    p = await largePeriod(createServices({ dataDir }));
  });
  afterAll(() => {
    p.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('scoring.save, entries.save, measurements.save at their limits and one past them', async () => {
    const r1 = p.raters[0]!;
    const sheetEntries = (n: number, value: number) => p.cells.slice(0, n).map((c) => ({ ...c, value }));

    const tooMany = await p.invoke('scoring.save', { periodId: p.periodId, raterId: r1, entries: sheetEntries(SCORING_SAVE_MAX + 1, 1) });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`一次最多保存 ${SCORING_SAVE_MAX} 条评分，请分批保存`) } });
    const scoring = await timed(() => p.invoke('scoring.save', { periodId: p.periodId, raterId: r1, entries: sheetEntries(SCORING_SAVE_MAX, 1) }));
    expect(ok(scoring.value)).toEqual({ saved: SCORING_SAVE_MAX, removed: 0, unchanged: 0 });
    const changed = await timed(() => p.invoke('scoring.save', { periodId: p.periodId, raterId: r1, entries: sheetEntries(SCORING_SAVE_MAX, 0.5), reason: '复核更正' }));
    expect(ok(changed.value)).toEqual({ saved: SCORING_SAVE_MAX, removed: 0, unchanged: 0 });
    expect(p.cells.length).toBeGreaterThan(2 * SCORING_SAVE_MAX);

    // entries.save at its limit, every entry a change (the costly case: each is audited).
    const corrected = p.cells.slice(0, ENTRIES_SAVE_MAX + 1).map((c) => ({ ...c, raterId: r1, value: 1 }));
    expect(await p.invoke('entries.save', { periodId: p.periodId, entries: corrected })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`一次最多保存 ${ENTRIES_SAVE_MAX} 条评分，请分批保存`) },
    });
    const entries = await timed(() => p.invoke('entries.save', { periodId: p.periodId, entries: corrected.slice(0, ENTRIES_SAVE_MAX), reason: '代录纸质评分表' }));
    expect(ok(entries.value).saved).toBe(ENTRIES_SAVE_MAX);

    const all = p.branchIds.flatMap((branchId) => p.quantitative.map((indicatorId) => ({ branchId, indicatorId, target: 100, actual: 95 })));
    const rows = all.slice(0, MEASUREMENTS_SAVE_MAX);
    expect(await p.invoke('measurements.save', { periodId: p.periodId, rows: all.slice(0, MEASUREMENTS_SAVE_MAX + 1) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`一次最多保存 ${MEASUREMENTS_SAVE_MAX} 条业务数据`) },
    });
    ok(await p.invoke('measurements.save', { periodId: p.periodId, rows }));
    const measurements = await timed(() => p.invoke('measurements.save', { periodId: p.periodId, rows: rows.map((r) => ({ ...r, actual: 90 })) }));
    expect(ok(measurements.value).saved).toBe(MEASUREMENTS_SAVE_MAX);

    // Measured here at about 0.1–0.6 s each on a shared 2-core machine; seconds would mean the limit is too high.
    console.log(`largest batches: scoring.save ${Math.round(scoring.ms)} ms (new), ${Math.round(changed.ms)} ms (changed), entries.save ${Math.round(entries.ms)} ms, measurements.save ${Math.round(measurements.ms)} ms`);
    for (const ms of [scoring.ms, changed.ms, entries.ms, measurements.ms]) expect(ms).toBeLessThan(2500);
  });

  it('the scoring grid sends a whole pasted sheet in chunks the contract accepts', async () => {
    const raterId = p.raters[1]!;
    const sheet = ok(await p.invoke('scoring.sheet', { periodId: p.periodId, raterId }));
    const period = ok(await p.invoke('periods.get', { id: p.periodId }));
    const sent: number[] = [];
    const store = new SheetStore(sheet, period.settings, async (entries, reason) => {
      sent.push(entries.length);
      ok(await p.invoke('scoring.save', { periodId: p.periodId, raterId, entries, ...(reason ? { reason } : {}) }));
    });
    const pasted = p.cells.slice(0, 2 * SCORING_SAVE_MAX + 1);
    store.apply(pasted.map((c) => ({ ...c, next: { value: 1, detail: [] } })));
    await store.idle();
    expect(sent).toEqual([SCORING_SAVE_MAX, SCORING_SAVE_MAX, 1]);
    expect(store.failedCount).toBe(0);
    expect(ok(await p.invoke('scoring.sheet', { periodId: p.periodId, raterId })).entries).toHaveLength(pasted.length);
  });
});

describe('periods.create names a missing source of the panel', () => {
  it('refuses copyPanelFrom pointing at no period, and creates nothing', async () => {
    const { invoke } = tempServices();
    const fw = await invoke('frameworks.create', { name: '体系', source: { kind: 'template' } });
    if (!fw.ok) throw new Error(fw.error.message);
    const result = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id, copyPanelFrom: 99999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('99999') } });
    expect(await invoke('periods.list', {})).toEqual({ ok: true, value: [] });
  });
});

describe('an import given a folder instead of a workbook', () => {
  it('says it is not a file, for every import', async () => {
    const { invoke } = tempServices();
    const folder = tempDir();
    for (const method of ['branches.previewImport', 'frameworks.previewImport'] as const) {
      expect(await invoke(method, { path: folder })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('这不是一个文件') } });
    }
  });
});
