/**
 * Issue 9 §4 (foundation): every computed result carries a fingerprint of its
 * inputs and rules — the same in any process for the same data, changed by
 * any score, figure or scoring setting, unchanged by how results are shown.
 */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { periodSetup } from '../helpers/period-setup';
import { value } from '../helpers/result';

describe('the fingerprint of a period’s results', () => {
  it('is the same in another process, changes with a score or a rule, not with a presentation setting', async () => {
    const s = await periodSetup();
    const rating = s.leaf('1.3');
    const save = (v: number, reason?: string) =>
      value(s.invoke('entries.save', { periodId: s.periodId, ...(reason ? { reason } : {}), entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: rating.id, value: v }] }));
    await save(5);
    await value(s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试：指纹不看是否评完' }));
    const first = (await value(s.invoke('results.get', { periodId: s.periodId }))).fingerprint;
    expect(first).toMatch(/^[0-9a-f]{64}$/);

    const other = createServices({ dataDir: s.services.ctx.dataDir });
    expect((await value(other.invoke('results.get', { periodId: s.periodId }))).fingerprint).toBe(first);
    other.close();

    const period = await value(s.invoke('periods.get', { id: s.periodId }));
    const update = (settings: typeof period.settings) => value(s.invoke('periods.update', { id: s.periodId, name: period.name, year: period.year, kind: period.kind, settings }));
    await update({ ...period.settings, presenterNames: true });
    expect((await value(s.invoke('results.get', { periodId: s.periodId }))).fingerprint).toBe(first);

    await update({ ...period.settings, presenterNames: true, combine: 'median' });
    const ruled = (await value(s.invoke('results.get', { periodId: s.periodId }))).fingerprint;
    expect(ruled).not.toBe(first);

    await save(6, '复核更正');
    const rescored = (await value(s.invoke('results.get', { periodId: s.periodId }))).fingerprint;
    expect(rescored).not.toBe(ruled);
    // Back to the same data and rules: back to the same fingerprint.
    await save(5, '复核更正');
    await update({ ...period.settings, presenterNames: false, combine: period.settings.combine });
    expect((await value(s.invoke('results.get', { periodId: s.periodId }))).fingerprint).toBe(first);
  });
});

describe('the fingerprint and 分工评分', () => {
  it('changes when a group’s scope changes, and not for a group without one', async () => {
    const s = await periodSetup();
    await value(s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试：指纹不看是否评完' }));
    // Read by a fresh process each time: the scope is written to the file directly, under the services' cache.
    const fingerprint = async () => {
      const other = createServices({ dataDir: s.services.ctx.dataDir });
      const f = (await value(other.invoke('results.get', { periodId: s.periodId }))).fingerprint;
      other.close();
      return f;
    };
    const first = await fingerprint();
    s.db.prepare('UPDATE rater_group SET scope_json = ? WHERE period_id = ?').run(JSON.stringify(['2']), s.periodId);
    const scoped = await fingerprint();
    expect(scoped).not.toBe(first);
    s.db.prepare('UPDATE rater_group SET scope_json = NULL WHERE period_id = ?').run(s.periodId);
    expect(await fingerprint()).toBe(first);
  });
});

describe('the fingerprint’s canonical form', () => {
  it('does not depend on the order the entries come in, nor on their shape (list or columns)', async () => {
    const { resultsFingerprint } = await import('../../electron/services/fingerprint');
    const { defaultPeriodSettings } = await import('../../shared/domain/period');
    const scores = [
      { raterId: 2, branchId: 1, indicatorId: 5, value: 3 },
      { raterId: 1, branchId: 2, indicatorId: 5, value: 1.5 },
      { raterId: 1, branchId: 1, indicatorId: 6, value: 2 },
    ];
    const base = { indicators: [], branches: [], groups: [], raters: [], recusals: [], measurements: [], settings: defaultPeriodSettings() };
    const columns = {
      raterId: Int32Array.from([1, 1, 2]),
      branchId: Int32Array.from([1, 2, 1]),
      indicatorId: Int32Array.from([6, 5, 5]),
      value: Float64Array.from([2, 1.5, 3]),
    };
    const fp = resultsFingerprint({ ...base, scores });
    expect(resultsFingerprint({ ...base, scores: [...scores].reverse() })).toBe(fp);
    expect(resultsFingerprint({ ...base, scores: columns })).toBe(fp);
    expect(resultsFingerprint({ ...base, scores: [{ ...scores[0]!, value: 3.5 }, ...scores.slice(1)] })).not.toBe(fp);
  });
});
