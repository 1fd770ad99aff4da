/**
 * 分类施策 on the scoring grid in Chromium on the real services (issue 11 §7): dimension 2 生产经营 applies to 生产
 * branches only, so on HG-01 (机关) its leaves show “不适用” greyed; the keyboard passes them, typing there is refused
 * with the reason, and they are not counted as 未评 in the rater's progress.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorFieldsInput } from '../../shared/domain/framework';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('不适用 cells on the scoring grid in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let frameworkId: number;
  let periodId: number;
  let raterId: number;
  const ids = new Map<string, number>();
  const pageErrors: string[] = [];

  const inv = () => harness.services.invoke;
  const add = async (parent: string | null, code: string, name: string, rest: Partial<IndicatorFieldsInput>) => {
    const fields = { code, name, tag: 'party', maxPoints: 0, criteria: '', evidence: '', method: null, ...rest } as IndicatorFieldsInput;
    ids.set(code, (await value(inv()('indicators.add', { frameworkId, parentId: parent === null ? null : ids.get(parent)!, fields }))).id);
  };
  const cell = (leaf: string, branch: string) => page.locator(`.rp-grid .rp-cell[data-leaf="${leaf}"][data-branch="${branch}"]`);
  const input = () => page.getByTestId('cell-input');

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    frameworkId = (await value(inv()('frameworks.create', { name: '融合考评', source: { kind: 'empty' } }))).id;
    await value(inv()('frameworks.updateMeta', { id: frameworkId, name: '融合考评', categories: ['生产', '机关'] }));
    await add(null, '1', '党建工作', { maxPoints: 40 });
    await add('1', '1.1', '三会一课', { maxPoints: 20, method: { kind: 'rating', step: 1 } });
    await add('1', '1.2', '组织生活', { maxPoints: 20, method: { kind: 'rating', step: 1 } });
    await add(null, '2', '生产经营', { maxPoints: 60, tag: 'business', appliesTo: ['生产'] });
    await add('2', '2.1', '安全生产', { maxPoints: 30, tag: 'business', method: { kind: 'rating', step: 1 } });
    await add('2', '2.2', '产量完成', { maxPoints: 30, tag: 'business', method: { kind: 'rating', step: 1 } });
    const branchIds: number[] = [];
    for (const [code, name, category] of [
      ['GD-01', '供电公司变电运维党支部', '生产'],
      ['HG-01', '化工厂机关党支部', '机关'],
      ['HG-02', '化工一厂第二党支部', ''],
    ] as const) {
      branchIds.push((await value(inv()('branches.create', { code, name, category }))).id);
    }
    periodId = (await value(inv()('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId, branchIds }))).id;
    await value(inv()('app.setCurrentPeriod', { periodId }));
    const group = await value(inv()('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
    raterId = (await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '王建国' }))).id;
    await value(inv()('periods.advance', { id: periodId, to: 'scoring' }));
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('shows 不适用 greyed, passes it with the keyboard, refuses typing there and does not count it as 未评', async () => {
    await value(inv()('session.signInRater', { periodId, raterId }));
    await page.goto(`${harness.url}#/scoring`);
    await page.reload();
    await cell('2.1', 'HG-01').waitFor();
    expect(await cell('2.1', 'HG-01').innerText()).toBe('不适用');
    expect(await cell('2.2', 'HG-01').innerText()).toBe('不适用');
    expect(await cell('2.1', 'HG-01').getAttribute('class')).toContain('is-na');
    expect(await cell('2.1', 'GD-01').innerText()).toBe('');
    // 2 + 4 + 4 cells expected of the rater, none 未评 on HG-01's 2.x.
    await page.getByText('已评 0 / 共 10').waitFor();

    // Right from GD-01 on row 2.1 passes HG-01 (不适用) to HG-02; down in HG-01's column from 1.2 goes nowhere.
    await cell('2.1', 'GD-01').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => input().getAttribute('aria-label')).toContain('HG-02');
    await cell('1.1', 'HG-01').click();
    await page.keyboard.type('18');
    await page.keyboard.press('Enter');
    await expect.poll(() => input().getAttribute('aria-label')).toBe('1.2 组织生活，HG-01 化工厂机关党支部');
    await page.keyboard.press('ArrowDown');
    expect(await input().getAttribute('aria-label')).toBe('1.2 组织生活，HG-01 化工厂机关党支部');
    await expect.poll(() => page.locator('.rp-grid [data-state="saved"]').count()).toBe(1);
    await page.getByText('已评 1 / 共 10').waitFor();

    // Clicked and typed on, the 不适用 cell says why and takes nothing.
    await cell('2.1', 'HG-01').click();
    await page.keyboard.type('5');
    await page.getByText('HG-01 是机关支部，指标 2.1 安全生产 不适用，不评分').first().waitFor();
    expect(await cell('2.1', 'HG-01').innerText()).toBe('不适用');
    await page.keyboard.press('Escape');
    await cell('1.2', 'GD-01').click();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('categories-scoring.png'), animations: 'disabled' });

    const sheet = await value(inv()('scoring.sheet', { periodId, raterId }));
    expect(sheet.entries.map((e) => [e.indicatorId, e.value])).toEqual([[ids.get('1.1'), 18]]);
    expect(pageErrors).toEqual([]);
  });

  it('a pasted block fills what applies and counts the 不适用 cells it fell on, asking first', async () => {
    // From 1.2 × GD-01: two columns (GD-01, HG-01), three rows (1.2, 2.1, 2.2); HG-01's 2.1 and 2.2 don't apply.
    // The focus is there since the last step (the cell's editor lies over it).
    expect(await input().getAttribute('aria-label')).toBe('1.2 组织生活，GD-01 供电公司变电运维党支部');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '15\t16\r\n25\t26\r\n27\t28\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const confirm = page.getByTestId('paste-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('2 个单元格落在不适用的指标上（该支部类别不评此项），未填入');
    expect(await page.getByTestId('paste-landings').locator('li').count()).toBe(4);
    expect(await page.getByTestId('paste-problems').count()).toBe(0);
    await page.waitForTimeout(500); // the dialog's opening animation
    await page.screenshot({ path: artifactPath('categories-paste-confirm.png'), animations: 'disabled' });
    await page.getByRole('button', { name: /保存这 4 个/ }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => cell('2.2', 'GD-01').innerText()).toBe('27');
    expect(await cell('1.2', 'HG-01').innerText()).toBe('16');
    expect(await cell('2.1', 'HG-01').innerText()).toBe('不适用');
    await expect.poll(async () => (await value(inv()('scoring.sheet', { periodId, raterId }))).entries.length).toBe(5);
    expect(pageErrors).toEqual([]);
  });
});
