/**
 * The 报告 screen in Chromium on the real services, with scripted native
 * dialogs: results documents refused in plain words while scoring, a bulletin
 * saved and its folder opened, a batch of feedback sheets with its progress
 * bar, and a batch cancelled.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { docxText } from '../helpers/docx-text';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const documentText = docxText;

describe.runIf(chromiumPath)('reports screen in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let periodId: number;
  const out = mkdtempSync(path.join(os.tmpdir(), 'rongping-reports-e2e-'));
  const pageErrors: string[] = [];


  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  type Kind = 'scoreSheet' | 'bulletin' | 'feedback';
  /** A kind's radio input (antd puts the test id there) and the card around it, to click. */
  const kindInput = (k: Kind) => page.getByTestId(`doc-kind-${k}`);
  const kind = (k: Kind) => page.locator('label.rpd-kind', { has: kindInput(k) });

  it('says what to do when there is no period yet', async () => {
    await page.goto(`${harness.url}#/reports`);
    await page.getByText('还没有考核周期').waitFor();
    expect(await page.getByRole('button', { name: '前往考核周期' }).count()).toBe(1);
  });

  it('while scoring, offers score sheets only and says why', async () => {
    const sample = await value(harness.services.invoke('sample.create', { branches: 12, raters: 7 }));
    periodId = sample.period.id;
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId }));
    harness.services.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(periodId);
    await page.reload();
    await page.getByText('评分进行中，考核结果暂不开放').waitFor();
    expect(await kindInput('bulletin').isDisabled()).toBe(true);
    expect(await kindInput('feedback').isDisabled()).toBe(true);
    expect(await kindInput('scoreSheet').isDisabled()).toBe(false);
    // The score sheets are chosen for you; a branch's sheet can only be blank.
    expect(await kindInput('scoreSheet').isChecked()).toBe(true);
    await page.getByText('按党支部（全体评委并列）').click();
    await page.getByText('评分进行中，支部评分汇总表只能生成空白的').waitFor();
    harness.services.ctx.db.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(periodId);
  });

  it('saves a bulletin through the save dialog and opens its folder', async () => {
    await page.goto(`${harness.url}#/reports?kind=bulletin`);
    await page.reload();
    await page.getByTestId('documents-period').getByText('评审中').waitFor();
    await page.getByText('国标字体').click();
    await page.getByTestId('doc-issuer').fill('中共示例石化公司委员会组织部');
    await page.screenshot({ path: artifactPath('reports.png'), animations: 'disabled' });
    const file = path.join(out, '通报.docx');
    harness.desktop.saves.push(file);
    await page.getByTestId('doc-generate').click();
    const saved = page.getByTestId('doc-saved');
    await saved.getByText(file).waitFor();
    expect(await saved.innerText()).toContain('已保存');
    const text = await documentText(file);
    expect(text).toContain('一、总体情况');
    expect(text).toContain('中共示例石化公司委员会组织部');
    await saved.getByTestId('doc-show-folder').click();
    await expect.poll(() => harness.desktop.shown.at(-1)).toBe(file);

    // Cancelling the dialog writes nothing and says nothing.
    harness.desktop.saves.push(null);
    await page.getByTestId('doc-generate').click();
    await saved.waitFor({ state: 'detached' });
  });

  it('writes every branch’s feedback sheet into a chosen folder, showing the progress', async () => {
    await kind('feedback').click();
    await page.getByText('全部党支部（12 个）').click();
    await page.getByText('每个支部一个文件（保存到选定的文件夹）').click();
    const folder = path.join(out, '反馈单');
    harness.desktop.folders.push(folder);
    await page.getByTestId('doc-generate').click();
    await page.getByTestId('doc-saved').getByText('已生成 12 个党支部的反馈单').waitFor();
    expect(readdirSync(folder)).toHaveLength(12);
    expect(readdirSync(folder)).toContain('SL-001 化工一厂生产运行党支部 反馈单.docx');
    await page.getByTestId('doc-saved').getByTestId('doc-show-folder').click();
    await expect.poll(() => path.dirname(harness.desktop.shown.at(-1) ?? '')).toBe(folder);
    expect(pageErrors).toEqual([]);
  });

  it('shows a long batch’s progress with a count and cancels it', async () => {
    const big = await value(harness.services.invoke('sample.create', { branches: 160, raters: 7, seed: 9 }));
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId: big.period.id }));
    await page.goto(`${harness.url}#/reports?kind=feedback`);
    await page.reload();
    await page.getByText('全部党支部（160 个）').click();
    await page.getByText('一个文件（每个支部另起一页，页码各自从 1 开始）').click();
    const file = path.join(out, '全部反馈单.docx');
    harness.desktop.saves.push(file);
    await page.getByTestId('doc-generate').click();
    const progress = page.getByTestId('doc-progress');
    await progress.waitFor();
    await expect.poll(async () => /正在生成反馈单：([1-9]\d*) \/ 160/.test(await page.getByTestId('doc-progress-text').innerText()), { timeout: 20_000 }).toBe(true);
    expect(await progress.locator('.ant-progress').count()).toBe(1);
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('reports-progress.png'), animations: 'disabled' });
    await page.getByTestId('doc-cancel').click();
    await page.getByTestId('doc-cancelled').getByText('已取消，没有保存文件。').waitFor();
    expect(existsSync(file)).toBe(false);
    expect(await page.getByTestId('doc-generate').isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
