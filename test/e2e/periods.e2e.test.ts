/**
 * The real renderer in headless Chromium, talking to the real services (real
 * SQLite file) through the harness: the first run, the periods screen with its
 * lifecycle and scoring rules, and the raters screen with recusals.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';

const chromiumPath = chromiumForSuite();

const SECOND = '2027年度党建业务一体化考评';

describe.runIf(chromiumPath)('first run, periods and raters screens in Chromium', () => {
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
    await page.goto(harness.url);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  // The page's own table rows (dialogs and drawers are portalled outside .rp-page).
  const rowOf = (text: string) => page.locator('.rp-page .ant-table-tbody tr.ant-table-row', { hasText: text });
  const headerPeriod = () => page.locator('.rp-header .ant-select');
  /** Opens an Ant Design select by its form label and picks the option containing `option`. */
  const pick = async (scope: ReturnType<Page['getByRole']>, label: string, option: string) => {
    await scope.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  };
  const periodId = async (name: string) => {
    const list = await harness.services.invoke('periods.list', {});
    if (!list.ok) throw new Error(list.error.message);
    return list.value.find((p) => p.name === name)!.id;
  };

  it('opens on a welcome that offers the sample data and the 新建考核 wizard', async () => {
    await page.getByRole('button', { name: '载入示例数据' }).waitFor();
    await page.getByRole('button', { name: '新建考核', exact: true }).waitFor();
    expect(await page.getByText('欢迎使用融评').count()).toBe(1);
    // The header says there is no period yet and links to creating one.
    expect(await page.locator('.rp-header').innerText()).toMatch(/尚未建立考核周期\s*新建考核/);
    await page.screenshot({ path: artifactPath('home-first-run.png'), animations: 'disabled' });
  });

  it('walks the wizard without storing anything when cancelled', async () => {
    await page.getByRole('button', { name: '新建考核', exact: true }).click();
    await page.getByText('从内置模板新建：党建业务一体化考评').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('已勾选 0 / 0 个党支部').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('第 1 组评委').fill('王建国 组织部部长\n王建国 组织员');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('评委“王建国”重复了').first().waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '载入示例数据' }).waitFor();
    const info = await harness.services.invoke('app.info', {});
    expect(info.ok && info.value.counts).toMatchObject({ frameworks: 0, periods: 0 });
  });

  it('loads the sample data, lands on the results and shows the sample period in the header', async () => {
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.waitForURL(/#\/results/);
    await expect.poll(() => headerPeriod().innerText()).toMatch(/示例[\s\S]*评审中/);
  });

  it('goes back to 首页 from anywhere: the menu, the breadcrumb and the logo', async () => {
    // A hash change fires no load event: follow the address itself.
    const atHome = () => expect.poll(() => new URL(page.url()).hash).toBe('#/');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await atHome();
    await page.getByRole('menuitem', { name: '评审会' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/meetings');
    // The breadcrumb follows the page: 首页 / 评审会, 首页 a link now.
    await page.locator('.rp-header .ant-breadcrumb').getByText('评审会').waitFor();
    await page.locator('.rp-header .ant-breadcrumb').getByRole('link', { name: '首页' }).click();
    await atHome();
    await page.getByRole('menuitem', { name: '结果' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/results');
    await page.getByRole('link', { name: '首页' }).first().click();
    await atHome();
  });

  it('lists the sample period on 考核周期 as 评审中, and refuses to delete it because it has scores', async () => {
    await page.getByRole('menuitem', { name: '考核周期' }).click();
    await rowOf('示例').waitFor();
    const text = await rowOf('示例').innerText();
    expect(text).toContain('评审中');
    expect(text).toContain('当前');
    expect(text).toMatch(/12\s+7\s+\d+/);
    await rowOf('示例').getByText('删除').click();
    await page.locator('.ant-modal-confirm-content', { hasText: /已有 \d+ 条评分。为保护评分记录/ }).waitFor();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText(/已有 \d+ 条评分，不能删除/).waitFor();
    expect(await rowOf('示例').count()).toBe(1);
  });

  it('creates a second period from the built-in template through the create dialog', async () => {
    await page.getByRole('button', { name: '新建考核周期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('全部在用的党支部（12 个）').waitFor();
    const year = dialog.getByRole('spinbutton', { name: '年度' });
    await year.fill('2027');
    await year.press('Tab');
    // The suggested name follows the year.
    await expect.poll(() => dialog.getByLabel('周期名称').inputValue()).toBe(SECOND);
    await pick(dialog, '指标体系', '从内置模板新建');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByText(`已创建“${SECOND}”，并设为当前周期`).waitFor();
    await rowOf(SECOND).waitFor();
    expect(await rowOf(SECOND).innerText()).toMatch(/当前[\s\S]*党建业务一体化考评\s+第 1 版\s+准备中\s+12\s+0\s+0/);
    await expect.poll(() => headerPeriod().innerText()).toMatch(new RegExp(`${SECOND}[\\s\\S]*准备中`));
  });

  it('refuses 开始评分 on a period without raters and says why', async () => {
    await rowOf(SECOND).getByText('开始评分').click();
    await page.locator('.ant-modal-confirm-title', { hasText: `开始评分：“${SECOND}”？` }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '开始评分' }).click();
    const refusal = page.getByTestId('advance-refusal');
    await refusal.waitFor();
    await page.locator('.ant-modal-confirm-title', { hasText: '还不能开始评分' }).waitFor();
    expect(await refusal.innerText()).toContain('还没有评委');
    await refusal.getByText('添加评委').waitFor();
    await page.getByRole('button', { name: '知道了' }).click();
    await refusal.waitFor({ state: 'hidden' });
    expect(await rowOf(SECOND).innerText()).toContain('准备中');
  });

  it('adds a group and two raters: own-branch recusal shown automatically, another recusal needs a reason', async () => {
    await page.getByRole('menuitem', { name: '评委' }).click();
    await page.getByText('本周期还没有评委').waitFor();
    await page.getByText('先添加评委组（如 考评组、上级党委、职工代表），再添加评委').waitFor();

    await page.getByRole('button', { name: '添加评委组' }).first().click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('组名').fill('考评组');
    await dialog.getByLabel('权重').fill('60');
    await dialog.getByLabel('组名').press('Enter');
    await page.getByText('已添加评委组“考评组”').waitFor();
    await page.getByText('权重 60，占 100%，0 位评委').waitFor();

    await page.getByRole('button', { name: /添加评委$/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('王建国');
    await dialog.getByLabel('职务').fill('组织部部长');
    await pick(dialog, '所属支部', 'SL-001');
    await dialog.getByText('将自动回避：').waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已添加评委“王建国”').waitFor();
    await rowOf('王建国').waitFor();
    expect(await rowOf('王建国').innerText()).toContain('回避：化工一厂生产运行党支部（本支部成员）');

    await page.getByRole('button', { name: /添加评委$/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('李敏');
    await dialog.getByLabel('职务').fill('职工代表');
    await dialog.getByRole('button', { name: '添加回避' }).click();
    await pick(dialog, '回避的党支部', 'SL-002');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('回避必须写明原因').waitFor();
    await dialog.getByLabel('回避原因').fill('配偶在该支部');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已添加评委“李敏”').waitFor();
    await rowOf('李敏').waitFor();
    expect(await rowOf('李敏').innerText()).toContain('回避：化工二厂生产运行党支部（配偶在该支部）');
    await page.getByText('权重 60，占 100%，2 位评委').waitFor();

    const panel = await harness.services.invoke('panel.get', { periodId: await periodId(SECOND) });
    expect(panel.ok && panel.value.raters.map((r) => [r.name, r.recusals.map((c) => c.reason)])).toEqual([
      ['王建国', ['本支部成员']],
      ['李敏', ['配偶在该支部']],
    ]);
    await page.waitForTimeout(3500); // let the success toasts fade before the screenshot
    await page.screenshot({ path: artifactPath('raters.png'), animations: 'disabled' });
  });

  it('changes a scoring rule in the detail drawer and keeps it after a reload', async () => {
    await page.getByRole('menuitem', { name: '考核周期' }).click();
    await rowOf(SECOND).getByText('设置').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('组内汇总方式').waitFor();
    // Every check before 开始评分 passes now that there are raters.
    await drawer.getByText('已有 2 位评委').waitFor();
    await drawer.getByText('中位数', { exact: true }).click();
    await drawer.getByRole('button', { name: '保存评分规则' }).click();
    await page.getByText(`“${SECOND}”的评分规则已保存`).waitFor();

    await page.reload();
    // The drawer is part of the address, so it opens again after the reload.
    await drawer.getByText('组内汇总方式').waitFor();
    await expect.poll(() => drawer.getByRole('radio', { name: '中位数' }).isChecked()).toBe(true);
    expect(await drawer.getByRole('radio', { name: '去掉最高最低后平均' }).isChecked()).toBe(false);
    const stored = await harness.services.invoke('periods.get', { id: await periodId(SECOND) });
    expect(stored.ok && stored.value.settings.combine).toBe('median');
    await page.screenshot({ path: artifactPath('period-settings.png'), animations: 'disabled' });

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await rowOf(SECOND).innerText()).toMatch(/准备中\s+12\s+2\s+0/);
    await page.screenshot({ path: artifactPath('periods.png'), animations: 'disabled' });
  });

  it('switches the current period from the header', async () => {
    await headerPeriod().click();
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '示例' }).click();
    await expect.poll(() => headerPeriod().innerText()).toMatch(/示例[\s\S]*评审中/);
    await page.getByRole('menuitem', { name: '评委' }).click();
    await rowOf('职工代表').first().waitFor();
  });

  it('creates a period with the 新建考核 wizard: template, all branches, groups and raters typed in', async () => {
    await page.goto(`${harness.url}#/`);
    await page.getByText('下一步').first().waitFor(); // the current period's summary
    await page.getByRole('button', { name: '新建考核', exact: true }).click();
    await page.getByText('从内置模板新建：党建业务一体化考评').click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('已勾选 12 / 12 个党支部').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('第 1 组评委').fill('张海燕 组织部副部长\n刘卫东\t纪委书记');
    await page.getByLabel('第 3 组评委').fill('陈静 职工代表');
    await page.getByRole('button', { name: '下一步' }).click();
    const year = page.getByRole('spinbutton', { name: '年度' });
    await year.fill('2028');
    await year.press('Tab');
    await expect.poll(() => page.getByLabel('周期名称').inputValue()).toBe('2028年度党建业务一体化考评');
    await page.getByText('3 个评委组、3 位评委').waitFor();
    await page.getByRole('button', { name: '创建考核周期' }).click();
    await page.getByText('已创建“2028年度党建业务一体化考评”').waitFor();
    await page.getByText('已有 3 个评委组、3 位评委').waitFor();
    await expect.poll(() => headerPeriod().innerText()).toMatch(/2028年度党建业务一体化考评[\s\S]*准备中/);
    const id = await periodId('2028年度党建业务一体化考评');
    const panel = await harness.services.invoke('panel.get', { periodId: id });
    expect(panel.ok && panel.value.raters.map((r) => `${r.name}/${r.title}`)).toEqual(['张海燕/组织部副部长', '刘卫东/纪委书记', '陈静/职工代表']);
    expect(panel.ok && panel.value.groups.map((g) => `${g.name}:${g.weight}`)).toEqual(['考评组:60', '上级党委:25', '职工代表:15']);
    expect(pageErrors).toEqual([]);
  });
});
