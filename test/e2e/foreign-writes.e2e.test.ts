/**
 * Issue 9 §4: what one process shows reflects writes by another. The results
 * screen is open; the CLI (another connection to the same file) changes a
 * score; the screen shows the new total without a reload, and the services'
 * own cached results are recomputed too.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();
const p2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

describe.runIf(chromiumPath)('writes by another process reach the open window', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('the results screen shows a score the CLI changed, within seconds and without a reload', async () => {
    const sample = await value(harness.services.invoke('sample.create', { branches: 6, raters: 3, seed: 7 }));
    const periodId = sample.period.id;
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId }));
    const before = await value(harness.services.invoke('results.get', { periodId }));
    const last = before.result.branches.at(-1)!;

    await page.goto(`${harness.url}#/results`);
    const total = page.getByTestId(`total-${last.code}`);
    await expect.poll(() => total.innerText()).toBe(p2(last.total));

    // The CLI raises every rating score of the last branch, through its own connection.
    const sheet = await raterScoring(periodId, last.branchId);
    const ratings = sheet.indicators.filter((i) => i.method?.kind === 'rating');
    const cli = createServices({ dataDir: harness.services.ctx.dataDir });
    try {
      await value(
        cli.invoke('entries.save', {
          periodId,
          reason: '核对纸质评分表后更正',
          entries: ratings.map((leaf) => ({ raterId: sheet.rater.id, branchId: last.branchId, indicatorId: leaf.id, value: leaf.maxPoints })),
        }),
      );
    } finally {
      cli.close();
    }
    const after = await value(harness.services.invoke('results.get', { periodId }));
    const changed = after.result.branches.find((b) => b.branchId === last.branchId)!;
    expect(changed.total).toBeGreaterThan(last.total);
    await expect.poll(() => total.innerText(), { timeout: 10_000 }).toBe(p2(changed.total));
    await page.screenshot({ path: artifactPath('foreign-write-results.png'), animations: 'disabled' });
  });

  /** The sheet of a rater who scores the branch (not recused from it). */
  async function raterScoring(periodId: number, branchId: number) {
    const panel = await value(harness.services.invoke('panel.get', { periodId }));
    for (const r of panel.raters) {
      const sheet = await value(harness.services.invoke('scoring.sheet', { periodId, raterId: r.id }));
      if (sheet.branches.some((b) => b.id === branchId && !b.recused)) return sheet;
    }
    throw new Error('no rater scores the branch');
  }
});
