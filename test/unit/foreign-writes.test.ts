/**
 * Issue 9 §4: results seen by one process reflect writes by another (the CLI,
 * a second window). The app keeps computed results per period; a write made
 * through another connection must drop them before they are served again.
 */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { periodSetup } from '../helpers/period-setup';
import { value } from '../helpers/result';

describe('results after another process wrote to the database', () => {
  it('serves fresh totals after scores are written through a second connection (as the CLI does)', async () => {
    const s = await periodSetup();
    const rating = s.leaf('1.3');
    await value(s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: rating.id, value: 5 }] }));
    await value(s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试用，不要求齐全' }));
    const before = await value(s.invoke('results.get', { periodId: s.periodId }));
    const hg1Before = before.result.branches.find((b) => b.branchId === s.hg1)!;

    // Another process (the CLI, a second window) changes the score on the same file.
    const cli = createServices({ dataDir: s.services.ctx.dataDir });
    await value(cli.invoke('entries.save', { periodId: s.periodId, reason: '补录纸质评分表', entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: rating.id, value: 10 }] }));
    cli.close();

    const after = await value(s.invoke('results.get', { periodId: s.periodId }));
    const hg1After = after.result.branches.find((b) => b.branchId === s.hg1)!;
    expect(hg1After.total).toBeGreaterThan(hg1Before.total);
    // And a second read with nothing new in between is served from the cache (same object, no recompute).
    expect(s.services.ctx.results.engine(s.db, s.periodId)).toBe(s.services.ctx.results.engine(s.db, s.periodId));
  });
});
