/**
 * The real renderer in headless Chromium, talking to the real services (real
 * SQLite file) through the harness: what a user of the branches screen does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBranchTemplate } from '../../electron/services/branches-xlsx';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { appendRows } from '../helpers/workbooks';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('branches screen in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${harness.url}#/branches`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  // The page's own table (dialogs are portalled outside .rp-page).
  const rowOf = (code: string) => page.locator('.rp-page .ant-table-tbody tr', { hasText: code });

  it('opens in Chinese with every area in the sidebar and an empty state that says what to do', async () => {
    for (const area of ['考核周期', '指标体系', '党支部', '评委', '评分', '业务数据', '结果', '评审会', '整改', '报告']) {
      await expect.poll(() => page.getByRole('menuitem', { name: area }).count(), { timeout: 10_000 }).toBe(1);
    }
    await page.getByText('还没有党支部').waitFor();
    expect(await page.getByText('新建一个党支部，或下载导入模板').count()).toBe(1);
  });

  it('creates a branch through the dialog, refusing a blank name first', async () => {
    await page.getByRole('button', { name: '新建党支部' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('支部编码').fill('HG-01');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('支部名称不能为空').waitFor();
    await dialog.getByLabel('支部名称').fill('化工一厂第一党支部');
    await dialog.getByLabel('所属单位').fill('化工一厂');
    await dialog.getByLabel('支部书记').fill('王建国');
    // Letters in 党员人数 are refused with a message, not silently dropped (issue 9 §6).
    await dialog.getByLabel('党员人数').fill('abc');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('党员人数应为 0 到 10000 之间的整数').waitFor();
    expect(await rowOf('HG-01').count()).toBe(0);
    await dialog.getByLabel('党员人数').fill('23');
    await dialog.getByLabel('支部名称').press('Enter'); // Enter saves, as in any form
    await rowOf('HG-01').waitFor();
    expect(await rowOf('HG-01').innerText()).toMatch(/化工一厂第一党支部\s+化工一厂\s+王建国\s+23\s+在用/);
  });

  it('shows a taken code next to the code field', async () => {
    await page.getByRole('button', { name: '新建党支部' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('支部编码').fill('hg-01');
    await dialog.getByLabel('支部名称').fill('重复的支部');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('支部编码“hg-01”已被“化工一厂第一党支部”使用').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('saves the import template through the save dialog', async () => {
    const target = path.join(tempDir(), '党支部导入模板.xlsx');
    harness.desktop.saves.push(target);
    await page.getByRole('button', { name: '下载导入模板' }).click();
    await page.getByText(`模板已保存到 ${target}`).waitFor();
    expect(existsSync(target)).toBe(true);
    await page.getByText('打开所在文件夹').click();
    await expect.poll(() => harness.desktop.shown).toEqual([target]);
  });

  it('imports a template with one bad row: shows the row error, imports nothing; then the corrected file', async () => {
    const file = path.join(tempDir(), '支部名单.xlsx');
    // Test set-up, not the user: written by the service itself (the renderer may write only where a dialog answered).
    await writeBranchTemplate(file);
    await appendRows(file, [
      ['HG-02', '化工一厂第二党支部', '化工一厂', '张伟', 18],
      ['GD-01', '', '供电公司', '李敏', 31],
      ['YT-01', '采油一队党支部', '油田分公司', '赵强', 27],
    ]);
    harness.desktop.opens.push(file);
    await page.getByRole('button', { name: '从 Excel 导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('发现 1 处错误，整个文件都不会导入').waitFor();
    expect(await dialog.getByTestId('import-errors').innerText()).toBe('第 3 行，B 列（支部名称）：支部名称不能为空');
    expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('branches-import-error.png'), animations: 'disabled' });
    const stored = await harness.services.invoke('branches.list', {});
    expect(stored.ok && stored.value.map((b) => b.code)).toEqual(['HG-01']);

    await appendRows(file, [
      ['HG-02', '化工一厂第二党支部', '化工一厂', '张伟', 18],
      ['GD-01', '供电公司变电运维党支部', '供电公司', '李敏', 31],
    ]);
    harness.desktop.opens.push(file);
    await dialog.getByRole('button', { name: '选择 Excel 文件' }).click();
    await dialog.getByText('检查通过：新增 3 个，更新 0 个。').waitFor();
    await dialog.getByRole('button', { name: '确认导入 3 个支部' }).click();
    await page.getByText('导入完成：新增 3 个，更新 0 个').waitFor();
    for (const code of ['GD-01', 'HG-02', 'YT-01']) await rowOf(code).waitFor();
  });

  it('searches, archives with a confirmation, and shows archived branches on request', async () => {
    await page.getByPlaceholder('搜索编码、名称、单位、类别或书记').fill('采油');
    await page.getByPlaceholder('搜索编码、名称、单位、类别或书记').press('Enter');
    await expect.poll(() => page.locator('.rp-page .ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await rowOf('YT-01').getByText('归档').click();
    await page.getByText('归档“采油一队党支部”？').waitFor();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已归档“采油一队党支部”').waitFor();
    await page.getByPlaceholder('搜索编码、名称、单位、类别或书记').fill('');
    await expect.poll(() => page.locator('.rp-page .ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await page.getByText('显示已归档').click();
    await expect.poll(() => page.locator('.rp-page .ant-table-tbody tr.ant-table-row').count()).toBe(4);
    expect(await rowOf('YT-01').innerText()).toContain('已归档');
  });

  it('keeps everything after a reload, and the screenshot shows the Chinese UI with real data', async () => {
    await page.reload();
    for (const code of ['GD-01', 'HG-01', 'HG-02']) await rowOf(code).waitFor();
    expect(await page.locator('.rp-page .ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await page.screenshot({ path: artifactPath('branches.png'), animations: 'disabled' });
    expect(pageErrors).toEqual([]);
  });

  it('shows an honest placeholder for areas not built yet', async () => {
    await page.getByRole('menuitem', { name: '整改' }).click();
    await page.getByText('整改 · 尚未提供').waitFor();
    await page.screenshot({ path: artifactPath('not-yet.png'), animations: 'disabled' });
  });
});
