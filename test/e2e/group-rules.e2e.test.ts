/**
 * The 组内汇总 rule of each rater group (issue 11 §5) in Chromium on the real services: the group form
 * offers 沿用周期设置 (naming the period's rule) or a rule of the group's own, stores it with the group,
 * and the 评委 page shows each group's rule beside its weight, warning where a trimmed mean never gets
 * enough raters to drop anything.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('per-group 组内汇总 on the 评委 page in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let periodId: number;

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    harness.services.ctx.session = { kind: 'admin' };
    const inv = harness.services.invoke;
    const fw = await value(inv('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } }));
    await value(inv('branches.create', { code: 'GD-01', name: '供电公司变电运维党支部' }));
    // The period keeps the default rule: 去掉最高最低后平均 from 5 raters.
    periodId = (await value(inv('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId: fw.id }))).id;
    await value(inv('app.setCurrentPeriod', { periodId }));
    const panel = await value(inv('panel.saveGroup', { periodId, name: '考评组', weight: 60 }));
    const superiors = await value(inv('panel.saveGroup', { periodId, name: '上级党委', weight: 40 }));
    for (const name of ['王建国', '李敏', '张伟', '刘洋', '陈静']) await value(inv('panel.saveRater', { periodId, groupId: panel.id, name }));
    for (const name of ['赵刚', '孙丽', '周强']) await value(inv('panel.saveRater', { periodId, groupId: superiors.id, name }));

    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${harness.url}#/raters`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const ruleOf = (group: string) => page.getByTestId(`group-rule-${group}`);
  const storedRule = async (group: string) => {
    const panel = await value(harness.services.invoke('panel.get', { periodId }));
    const g = panel.groups.find((x) => x.name === group)!;
    return { combine: g.combine, trimMinRaters: g.trimMinRaters };
  };
  /** Opens 编辑组 of a group and picks a 组内汇总 option. */
  async function editRule(group: string, option: string) {
    await page.getByRole('region', { name: group }).getByText('编辑组').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('组内汇总', { exact: true }).click();
    // By how the option's title begins: 沿用周期设置（去掉最高最低后平均…）also contains the trimmed rule's name.
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title^="${option}"]`).click();
    return dialog;
  }
  async function save(group: string) {
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    // The dialog closes only once the group is saved; an earlier save's toast may still be showing.
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText(`已保存评委组“${group}”`).last().waitFor();
  }

  it('shows each group following the period, and warns on the 3-rater group that the period’s trimmed mean (5 人及以上) cannot bite', async () => {
    await ruleOf('考评组').waitFor();
    expect(await ruleOf('考评组').innerText()).toBe('组内汇总：沿用周期设置');
    expect(await ruleOf('上级党委').innerText()).toMatch(/^组内汇总：沿用周期设置\s+人数不足 5 人，实际按平均计算$/);
  });

  it('sets 上级党委 to 中位数 through the form: stored with the group, shown in the list, the warning gone', async () => {
    await page.getByRole('region', { name: '上级党委' }).getByText('编辑组').click();
    const dialog = page.getByRole('dialog');
    // The form names the period's rule in words, and says why a small group may want another.
    await dialog.getByText('沿用周期设置（去掉最高最低后平均，5 人及以上）').waitFor();
    await dialog.getByText('3 人打分时去掉最高最低只剩 1 人').waitFor();
    await page.screenshot({ path: artifactPath('group-rules-form-inherit.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const form = await editRule('上级党委', '中位数');
    expect(await form.getByLabel('去极值最少人数').count()).toBe(0); // only a trimmed mean has a minimum
    await save('上级党委');
    expect(await storedRule('上级党委')).toEqual({ combine: 'median', trimMinRaters: null });
    await expect.poll(() => ruleOf('上级党委').innerText()).toBe('组内汇总：中位数');
    expect(await storedRule('考评组')).toEqual({ combine: null, trimMinRaters: null });
  });

  it('a group’s own trimmed rule: empty minimum follows the period (warning for 3 raters), its own minimum of 3 bites', async () => {
    let form = await editRule('上级党委', '去掉最高最低后平均');
    await form.getByLabel('去极值最少人数').waitFor();
    expect(await form.getByLabel('去极值最少人数').getAttribute('placeholder')).toBe('周期设置 5');
    await save('上级党委');
    expect(await storedRule('上级党委')).toEqual({ combine: 'trimmed', trimMinRaters: null });
    await expect.poll(() => ruleOf('上级党委').innerText()).toMatch(/^组内汇总：去掉最高最低后平均，5 人及以上\s+人数不足 5 人，实际按平均计算$/);

    form = await editRule('上级党委', '去掉最高最低后平均');
    await form.getByLabel('去极值最少人数').fill('3');
    await save('上级党委');
    expect(await storedRule('上级党委')).toEqual({ combine: 'trimmed', trimMinRaters: 3 });
    await expect.poll(() => ruleOf('上级党委').innerText()).toBe('组内汇总：去掉最高最低后平均，3 人及以上');
  });

  it('the 5-rater group with its own minimum of 6 is warned; 沿用周期设置 clears the group’s rule', async () => {
    const form = await editRule('考评组', '去掉最高最低后平均');
    await form.getByLabel('去极值最少人数').fill('6');
    await save('考评组');
    expect(await storedRule('考评组')).toEqual({ combine: 'trimmed', trimMinRaters: 6 });
    await expect.poll(() => ruleOf('考评组').innerText()).toMatch(/人数不足 6 人，实际按平均计算$/);

    await page.waitForTimeout(3500); // let the success toasts fade before the screenshot
    await page.screenshot({ path: artifactPath('group-rules.png'), animations: 'disabled' });

    // The form opens on the stored rule, then hands the group back to the period.
    await page.getByRole('region', { name: '考评组' }).getByText('编辑组').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('去极值最少人数').inputValue()).toBe('6');
    await page.screenshot({ path: artifactPath('group-rules-form.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await editRule('考评组', '沿用周期设置');
    await save('考评组');
    expect(await storedRule('考评组')).toEqual({ combine: null, trimMinRaters: null });
    await expect.poll(() => ruleOf('考评组').innerText()).toBe('组内汇总：沿用周期设置');
    expect(pageErrors).toEqual([]);
  });
});
