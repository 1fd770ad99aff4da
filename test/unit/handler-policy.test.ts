/**
 * Issue 14 §2: handlers live in per-area slices and declare their policy —
 * who may call them, whether they read the panel's values (blind while
 * scoring), which results they make stale. These tests pin the policy down,
 * so a change to it is a deliberate one.
 */
import { describe, expect, it, vi } from 'vitest';
import { api, type MethodName } from '../../shared/api';
import { handlers, HANDLER_SLICES } from '../../electron/services/handlers';
import { periodSetup } from '../helpers/period-setup';

const methods = Object.keys(api) as MethodName[];
const withAccess = (access: string) => methods.filter((m) => handlers[m].access === access).sort();

describe('the handler table', () => {
  it('has every contract method in exactly one slice', () => {
    const seen = new Map<string, string>();
    for (const [area, slice] of Object.entries(HANDLER_SLICES)) {
      for (const method of Object.keys(slice)) {
        expect(seen.get(method), `${method} is in ${seen.get(method)} and ${area}`).toBeUndefined();
        seen.set(method, area);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...methods].sort());
  });

  it('lets a signed-out session reach only the sign-in screen, and a rater only scoring', () => {
    expect(withAccess('anyone')).toEqual(['app.dataVersion', 'app.info', 'panel.get', 'periods.list', 'session.get', 'session.signInAdmin', 'session.signInRater', 'session.signOut']);
    expect(withAccess('rater')).toEqual(['meetings.current', 'periods.get', 'scoring.save', 'scoring.setFinished', 'scoring.sheet']);
  });

  it('declares blind exactly the methods that show the panel’s values', () => {
    expect(methods.filter((m) => handlers[m].blind).sort()).toEqual([
      'documents.bulletin',
      'documents.feedback',
      'documents.publication',
      'documents.scoreSheet', // filled branch sheets only
      'documents.startBatch',
      'results.explain',
      'results.get',
      'results.panel',
      'scores.export',
      'selfAssessment.compare',
    ]);
  });
});

describe('dispatch applies the declarations', () => {
  it('refuses an admin method to a rater, and a blind one while scoring is open, before anything runs', async () => {
    const { invoke, periodId, r1 } = await periodSetup();
    const run = vi.spyOn(handlers['results.get'], 'run');
    try {
      expect(await invoke('results.get', { periodId })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('正在评分') } });
      expect(run).not.toHaveBeenCalled();
      await invoke('session.signInRater', { periodId, raterId: r1 });
      expect(await invoke('periods.update', { id: periodId, name: 'x', year: 2026, kind: 'annual', settings: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await invoke('session.signInAdmin', {});
      await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' });
      expect((await invoke('results.get', { periodId })).ok).toBe(true);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });

  it('drops the cached results a change declares, and only after it succeeded', async () => {
    const { services, invoke, periodId, hg1, r1, leaf } = await periodSetup();
    const invalidate = vi.spyOn(services.ctx.results, 'invalidate');
    const cell = { raterId: r1, branchId: hg1, indicatorId: leaf('1.3').id };
    expect((await invoke('entries.save', { periodId, entries: [{ ...cell, value: 8 }] })).ok).toBe(true);
    expect(invalidate).toHaveBeenLastCalledWith(periodId);
    invalidate.mockClear();
    expect((await invoke('entries.save', { periodId, entries: [{ ...cell, value: 999 }] })).ok).toBe(false);
    expect(invalidate).not.toHaveBeenCalled();
    expect((await invoke('branches.update', { id: hg1, fields: { code: 'HG-01', name: '化工一厂一支部' } })).ok).toBe(true);
    expect(invalidate).toHaveBeenLastCalledWith(undefined);
  });
});
