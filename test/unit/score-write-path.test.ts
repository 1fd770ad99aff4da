/**
 * Issue 10 §7: one write path for scores. `entries.save`, the grid, the
 * office's paper entry and imports all meet the same phase rules, record who
 * entered a value truthfully, and audit the right old value.
 */
import { describe, expect, it } from 'vitest';
import { periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';


describe('entries.save follows the phase rules', () => {
  it('writes nothing in a draft period and leaves its framework unfrozen', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup({ status: 'draft' });
    const result = await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: '本周期尚未开始评分' } });
    const period = ok(await invoke('periods.get', { id: periodId }));
    expect(period.entryCount).toBe(0);
    expect(ok(await invoke('frameworks.get', { id: period.frameworkId })).frozenAt).toBeNull();
  });

  it('needs a reason in review, and records it', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    const cell = { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id };
    ok(await invoke('entries.save', { periodId, entries: [{ ...cell, value: 8 }] }));
    ok(await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' }));
    expect(await invoke('entries.save', { periodId, entries: [{ ...cell, value: 7 }] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '评审阶段修改评分须写明原因' },
    });
    ok(await invoke('entries.save', { periodId, entries: [{ ...cell, value: 7 }], reason: '按纸质评分表更正' }));
    const log = ok(await invoke('audit.list', { periodId, entity: 'score' })).rows;
    expect(log[0]).toMatchObject({ reason: '按纸质评分表更正', old: { value: 8 }, new: { value: 7 } });
  });

  it('needs a reason to change the sheet of a rater who confirmed they finished', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    ok(await invoke('scoring.setFinished', { periodId, raterId: r1, finished: true }));
    expect(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] })).toMatchObject({
      ok: false,
      error: { message: '该评委已确认完成，修改须写明原因' },
    });
  });
});

describe('who entered a value is recorded truthfully', () => {
  it('labels an admin’s entries as the admin’s, on the rater’s behalf, in the sheet and the audit log', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    ok(await invoke('entries.save', { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] }));
    const sheet = ok(await invoke('scoring.sheet', { periodId, raterId: r1 }));
    expect(sheet.entries).toMatchObject([{ branchId: hg1, value: 8, enteredBy: 'admin' }]);
    const log = ok(await invoke('audit.list', { periodId, entity: 'score' })).rows;
    expect(log[0]).toMatchObject({ actorKind: 'admin', actor: '管理员（代王建国录入）' });
  });

  it('ignores a caller’s claim of who entered it', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    const input = { periodId, entries: [{ raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }], enteredBy: 'rater' };
    ok(await invoke('entries.save', input as never));
    expect(ok(await invoke('scoring.sheet', { periodId, raterId: r1 })).entries[0]!.enteredBy).toBe('admin');
  });

  it('a rater typing in their own sheet is recorded as the rater', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    ok(await invoke('session.signInRater', { periodId, raterId: r1 }));
    ok(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: hg1, indicatorId: leaf('1.3').id, value: 8 }] }));
    expect(ok(await invoke('scoring.sheet', { periodId, raterId: r1 })).entries[0]!.enteredBy).toBe('rater');
  });
});

describe('the audit log’s old value', () => {
  it('is the previous change’s new value when one batch changes the same cell twice', async () => {
    const { invoke, periodId, hg1, r1, leaf } = await periodSetup();
    const cell = { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id };
    ok(await invoke('entries.save', { periodId, entries: [{ ...cell, value: 5 }] }));
    ok(await invoke('entries.save', { periodId, entries: [{ ...cell, value: 6 }, { ...cell, value: 7 }, { ...cell, value: null }] }));
    const log = ok(await invoke('audit.list', { periodId, entity: 'score' })).rows.reverse();
    // While scoring is open the admin's view hides values; read the log as stored.
    expect(log.map((r) => r.action)).toEqual(['评分', '修改评分', '修改评分', '删除评分']);
    ok(await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' }));
    const open = ok(await invoke('audit.list', { periodId, entity: 'score' })).rows.reverse();
    expect(open.map((r) => [r.old, r.new])).toEqual([
      [null, { value: 5, detail: [] }],
      [{ value: 5, detail: [] }, { value: 6, detail: [] }],
      [{ value: 6, detail: [] }, { value: 7, detail: [] }],
      [{ value: 7, detail: [] }, null],
    ]);
  });
});
