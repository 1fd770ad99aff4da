/**
 * A large period at 1366×768 (60 branches × 9 raters, as a big plant runs
 * one): the scoring grid shows enough branch columns to work in (compact
 * columns; the menu folds for more), and the panel tab's disagreement table
 * keeps every rater's column within reach.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

/** How many of `heads` lie wholly inside the visible part of `frame` right of `frozen` px. */
async function wholeColumnsInView(frame: Locator, heads: Locator, frozen: number): Promise<number> {
  const box = (await frame.boundingBox())!;
  const rects = await heads.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
  return rects.filter((r) => r.left >= box.x + frozen - 1 && r.right <= box.x + box.width + 1).length;
}

describe.runIf(chromiumPath)('a 60-branch × 9-rater period at 1366×768', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    await value(harness.services.invoke('sample.create', { branches: 60, raters: 9 }));
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('the scoring grid shows six or more branch columns beside the criteria panel, and more with the menu folded', async () => {
    await page.goto(`${harness.url}#/scoring`);
    const progress = page.getByTestId('admin-progress');
    await progress.waitFor();
    await progress.locator('tr.ant-table-row').first().getByText('代录').click();
    await page.getByTestId('paper-banner').waitFor();
    const grid = page.locator('.rp-grid');
    await grid.locator('.rp-grid-colhead').first().waitFor();
    const heads = grid.locator('.rp-grid-colhead');
    const frozen = await grid.locator('.rp-grid-corner').first().evaluate((e) => e.getBoundingClientRect().width);
    expect(await wholeColumnsInView(grid, heads, frozen)).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: artifactPath('scoring-grid-60.png'), animations: 'disabled' });

    // The folded menu leaves the grid more room, and stays folded after a reload (remembered on this PC).
    const before = await wholeColumnsInView(grid, heads, frozen);
    await page.locator('.ant-layout-sider-trigger').click();
    await expect.poll(() => wholeColumnsInView(grid, heads, frozen)).toBeGreaterThan(before);
    expect(await wholeColumnsInView(grid, heads, frozen)).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: artifactPath('scoring-grid-60-folded.png'), animations: 'disabled' });
    await page.reload();
    await page.locator('.ant-layout-sider-collapsed').waitFor();
    await page.locator('.ant-layout-sider-trigger').click();
    await page.locator('.ant-layout-sider-collapsed').waitFor({ state: 'detached' });
  });

  it('a 代录 change in review first asks for the reason, and the request goes as soon as the reason is written', async () => {
    const bubble = page.getByTestId('cell-bubble');
    await page.getByTestId('cell-input').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => bubble.innerText()).toContain('请先填写“代录原因”');
    await page.getByLabel('代录原因').fill('按纸质评分表更正第 3 页');
    await bubble.waitFor({ state: 'detached' });
    await page.getByTestId('cell-input').focus();
    await page.keyboard.press('Enter'); // now the editor opens; its bubble only explains the value
    await bubble.waitFor();
    expect(await bubble.innerText()).not.toContain('代录原因');
    await page.keyboard.press('Escape');
  });

  it('the disagreement table names every rater and each rater column can be brought into view', async () => {
    await page.goto(`${harness.url}#/results`);
    await page.getByRole('tab', { name: '评委一致性' }).click();
    const table = page.getByTestId('panel-disputed');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const raterNames = await page.getByTestId('panel-raters').locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(raterNames).toHaveLength(9);
    const headers = await table.locator('thead th').allInnerTexts();
    for (const name of raterNames) expect(headers.map((h) => h.trim())).toContain(name);
    // Nine raters fit at 1366 wide with the menu open: no sideways scrolling needed to see anyone's score.
    const body = table.locator('.ant-table-body, .ant-table-content').first();
    expect(await body.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    const frame = (await table.locator('.ant-table-container').boundingBox())!;
    const lastHead = (await table.locator('thead th', { hasText: raterNames.at(-1)! }).boundingBox())!;
    expect(lastHead.x + lastHead.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    // Scrolled to the table's last row, its header (with the raters' names) is still on screen.
    await table.locator('tbody tr.ant-table-row').last().scrollIntoViewIfNeeded();
    const head = (await table.locator('.ant-table-header, thead').first().boundingBox())!;
    expect(head.y).toBeGreaterThanOrEqual(0);
    expect(head.y + head.height).toBeLessThan(768);
    await page.screenshot({ path: artifactPath('results-panel-60.png'), animations: 'disabled' });
    expect(pageErrors).toEqual([]);
  });
});
