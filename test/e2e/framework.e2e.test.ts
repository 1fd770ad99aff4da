/**
 * The real renderer in headless Chromium, talking to the real services (real
 * SQLite file) through the harness: what the office does on the 指标体系
 * screen — start from the built-in template, edit the tree with the live
 * check, rename, and work on a new version once a period has frozen one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFrameworkTemplate } from '../../electron/services/framework-xlsx';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { appendRows } from '../helpers/workbooks';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('framework screen in Chromium', () => {
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
    await page.goto(`${harness.url}#/framework`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  /** Waits for a condition on the page (the default second of expect.poll is short on a busy machine). */
  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
  const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  /** A row of the indicator tree (dialogs and drawers are portalled outside it). */
  const row = (code: string, name: string) => page.locator('.rp-fw-tree tr.ant-table-row', { hasText: name }).filter({ hasText: code });
  const issues = () => page.locator('.rp-fw-checks');
  const stat = (id: string) => page.getByTestId(`fw-total-${id}`).innerText();
  const shot = (name: string) => page.screenshot({ path: artifactPath(`framework-${name}.png`), animations: 'disabled' });
  const drawer = () => page.locator('.ant-drawer.ant-drawer-open');
  const noHorizontalScroll = () =>
    page.evaluate(() => {
      const content = document.querySelector('.rp-content')!;
      return content.scrollWidth <= content.clientWidth && document.documentElement.scrollWidth <= window.innerWidth;
    });

  it('says what to do when there is no framework yet', async () => {
    await page.getByText('还没有指标体系').waitFor();
    expect(await page.getByRole('button', { name: '从内置模板新建' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '新建空白体系' }).count()).toBe(1);
    await shot('empty');
  });

  it('creates a framework from the built-in template and shows its tree and the Party/business balance', async () => {
    await page.getByRole('button', { name: '从内置模板新建' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('名称').inputValue()).toBe('党建业务一体化考评');
    expect(await dialog.getByLabel(/从内置模板/).isChecked()).toBe(true);
    await shot('create');
    await dialog.getByRole('button', { name: '新建' }).click();
    // The tree itself says it was made (the 已新建 toast lasts 3 s: too brief to wait for on a loaded machine).
    await row('2.1.1', '支部党员大会').waitFor({ timeout: 30_000 });
    await row('9.3', '未完成年度主要生产经营指标').waitFor();
    expect(await row('4.1.2', '单位产品综合能耗').innerText()).toMatch(/业务\s+2\.5\s+定量，越低越好/);

    await poll(() => stat('base')).toContain('100');
    expect(await stat('party')).toMatch(/党建\s*34\s*分/);
    expect(await stat('business')).toMatch(/业务\s*29\s*分/);
    expect(await stat('fusion')).toMatch(/融合\s*37\s*分/);
    expect(await stat('bonus')).toContain('7');
    expect(await issues().innerText()).toContain('检查通过');
    expect(await page.getByTestId('fw-meta').innerText()).toMatch(/可编辑[\s\S]*第 1 版/);
    expect(await noHorizontalScroll()).toBe(true);
    await shot('template');
  });

  it('adds a leaf under a node: the sum mismatch appears in the issues panel, and leads to the node', async () => {
    await row('4.1', '目标协同指标').getByRole('button', { name: '添加下级' }).click();
    await drawer().getByText('在“4.1 目标协同指标”下添加指标').waitFor();
    expect(await drawer().getByLabel('编码').inputValue()).toBe('4.1.6'); // suggested: parent code + next number
    // The inline check uses the same schema as the main process.
    await drawer().getByRole('button', { name: '保存' }).click();
    await drawer().getByText('指标名称不能为空').waitFor();
    await drawer().getByLabel('指标名称').fill('安全环保指标联动');
    await drawer().getByLabel('分值').fill('1');
    await drawer().getByRole('button', { name: '保存' }).click();
    await page.getByText('已添加“安全环保指标联动”').waitFor();
    await drawer().waitFor({ state: 'hidden' });
    await row('4.1.6', '安全环保指标联动').waitFor();

    const mismatch = '4.1 目标协同指标：下级指标分值合计 14 分，与本指标的 13 分不一致';
    await issues().getByText(mismatch).waitFor();
    expect((await page.getByTestId('fw-verdict').innerText()).trim()).toBe('1 处错误');
    expect(await row('4.1', '目标协同指标').getByTestId('fw-sum-mismatch').innerText()).toContain('14');
    expect(await stat('business')).toMatch(/业务\s*30\s*分/);

    await page.locator('.rp-fw-checks').scrollIntoViewIfNeeded();
    await shot('issues');
    await issues().getByText(mismatch).click();
    await poll(() => page.getByTestId('fw-selected').innerText()).toBe('选中：4.1 目标协同指标');
    expect(await row('4.1', '目标协同指标').getAttribute('class')).toContain('rp-fw-row-selected');
    await shot('mismatch');
  });

  it('shows each method with its own parameters: levels as an editable list', async () => {
    await row('1.3', '意识形态与思想政治工作').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 1.3').waitFor();
    const labels = drawer().getByLabel('等次名称');
    expect(await labels.count()).toBe(4);
    expect(await Promise.all([0, 1, 2, 3].map((i) => labels.nth(i).inputValue()))).toEqual(['好', '较好', '一般', '差']);
    expect(await drawer().getByText('= 2.4 分').count()).toBe(1); // 较好: 0.8 × 3
    await drawer().getByLabel('等次名称').nth(3).fill('');
    await drawer().getByLabel('等次名称').nth(2).click();
    await drawer().getByText('请填写等次名称').waitFor();
    await shot('level-editor');
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
    // Nothing was saved.
    const fw = value(await harness.services.invoke('frameworks.list', {}))[0]!;
    const stored = value(await harness.services.invoke('frameworks.get', { id: fw.id })).indicators.find((n) => n.code === '1.3')!;
    expect(stored.method?.kind === 'level' && stored.method.levels.map((l) => l.label)).toEqual(['好', '较好', '一般', '差']);
  });

  it('edits a quantitative leaf with its own parameters; fixing the points clears the error', async () => {
    await row('4.1.1', '生产任务完成率').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 4.1.1').waitFor();
    expect(await drawer().getByLabel('零分线比例').inputValue()).toBe('0.8');
    expect(await drawer().getByLabel('超额加分比例').inputValue()).toBe('0.1');
    expect(await drawer().getByText('越高越好（如完成率）').count()).toBe(1);
    // What the schema refuses is refused inline, in Chinese.
    await drawer().getByLabel('零分线比例').fill('');
    await drawer().getByLabel('分值').click();
    await drawer().getByText('请填写零分线比例').waitFor();
    await drawer().getByLabel('零分线比例').fill('0.8');
    await drawer().getByLabel('分值').fill('3.5');
    await shot('edit-drawer');
    await drawer().getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“生产任务完成率”').waitFor();
    await issues().getByText('检查通过').waitFor();
    expect(await row('4.1.1', '生产任务完成率').innerText()).toMatch(/业务\s+3\.5/);
    const fw = value(await harness.services.invoke('frameworks.list', {}))[0]!;
    const stored = value(await harness.services.invoke('frameworks.get', { id: fw.id }));
    expect(stored.indicators.find((n) => n.code === '4.1.1')?.method).toEqual({ kind: 'quantitative', direction: 'higher', floorRatio: 0.8, excessCap: 0.1 });
  });

  it('moves with the keyboard, and confirms a delete saying what is lost', async () => {
    /** Where a row is, in display order. */
    const at = async (name: string) => (await page.locator('.rp-fw-tree tr.ant-table-row').allInnerTexts()).findIndex((r) => r.includes(name));
    /** Is the new leaf above 可控成本费用 (its former last sibling)? */
    const newLeafFirst = async () => (await at('安全环保指标联动')) < (await at('可控成本费用'));
    expect(await newLeafFirst()).toBe(false);
    await row('4.1.6', '安全环保指标联动').click();
    await poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? '')).toContain('安全环保指标联动');
    await page.keyboard.press('Alt+ArrowUp');
    await poll(newLeafFirst).toBe(true);
    expect(await page.getByTestId('fw-selected').innerText()).toBe('选中：4.1.6 安全环保指标联动');
    await page.getByRole('button', { name: '下移' }).click();
    await poll(newLeafFirst).toBe(false);

    // Drag and drop in the tree is not exercised here: Playwright's emulated HTML5 drag proved
    // unreliable on this machine; the same moves are covered by the keys, the buttons and 移动到….

    // Moving under another parent, then renumbering, through the dialog.
    await page.getByRole('button', { name: '移动到…' }).click();
    const dialog = page.getByRole('dialog', { name: '移动“4.1.6 安全环保指标联动”' });
    await dialog.getByRole('combobox').fill('融合任务清单'); // the list is long: typing finds the target
    await page.locator('.ant-select-tree-title', { hasText: '4.2 融合任务清单' }).click();
    expect(await dialog.getByLabel('移动后按新位置重新编号全部指标').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '移动' }).click();
    await page.getByText('已移动“安全环保指标联动”').waitFor();
    await row('4.2.4', '安全环保指标联动').waitFor();
    await issues().getByText('4.2 融合任务清单：下级指标分值合计 8 分，与本指标的 7 分不一致').waitFor();
    // …and back, to where it was.
    await page.getByRole('button', { name: '移动到…' }).click();
    await page.getByRole('dialog', { name: '移动“4.2.4 安全环保指标联动”' }).getByRole('combobox').fill('目标协同');
    await page.locator('.ant-select-tree-title', { hasText: '4.1 目标协同指标' }).click();
    await page.getByRole('dialog', { name: '移动“4.2.4 安全环保指标联动”' }).getByRole('button', { name: '移动' }).click();
    await row('4.1.6', '安全环保指标联动').waitFor();
    await issues().getByText('检查通过').waitFor();

    await row('4.2', '融合任务清单').getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '删除“4.2 融合任务清单”及其下 3 项指标？' }).waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await row('4.2.1', '清单编制与同步部署').waitFor();
  });

  it('renames the framework', async () => {
    await page.getByRole('button', { name: '名称与等次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('2026年度党建业务一体化考评');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“2026年度党建业务一体化考评”').waitFor();
    await page.getByTestId('fw-version-select').getByText('2026年度党建业务一体化考评 · 第 1 版').waitFor();
  });

  it('shows a version frozen by scores read-only, and makes an editable new version of it', async () => {
    // A period scores on this version: one entry freezes it.
    const fw = value(await harness.services.invoke('frameworks.list', {}))[0]!;
    const leaf = value(await harness.services.invoke('frameworks.get', { id: fw.id })).indicators.find((n) => n.code === '1.2')!;
    const branch = value(await harness.services.invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' }));
    const period = value(await harness.services.invoke('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId: fw.id }));
    const group = value(await harness.services.invoke('panel.saveGroup', { periodId: period.id, name: '考评组', weight: 1 }));
    const rater = value(await harness.services.invoke('panel.saveRater', { periodId: period.id, groupId: group.id, name: '王建国' }));
    value(await harness.services.invoke('periods.advance', { id: period.id, to: 'scoring' }));
    value(await harness.services.invoke('entries.save', { periodId: period.id, entries: [{ raterId: rater.id, branchId: branch.id, indicatorId: leaf.id, value: 2.5 }] }));

    await page.reload();
    await page.locator('.rp-fw-alert').getByText('此版本已冻结，只能查看', { exact: true }).waitFor();
    expect(await page.getByTestId('fw-meta').innerText()).toMatch(/已冻结[\s\S]*用于：2026年度考核/);
    for (const name of ['添加一级指标', '添加同级', '上移', '下移', '移动到…', '重新编号', '删除']) {
      // The icon's label comes first in the accessible name (“plus 添加一级指标”).
      const button = page.locator('.rp-page').getByRole('button', { name: new RegExp(`^([a-z-]+ )?${name}$`) }).first();
      expect(await button.isDisabled(), name).toBe(true);
    }
    const politics = row('1', '政治建设').first();
    expect(await politics.getByRole('button', { name: '添加下级' }).isDisabled()).toBe(true);
    expect(await politics.getByRole('button', { name: '删除' }).isDisabled()).toBe(true);
    expect(await politics.getByRole('button', { name: '编辑' }).count()).toBe(0);
    // Name, description and the grade scheme stay editable: periods keep their own copy of the grades.
    expect(await page.locator('.rp-page').getByRole('button', { name: /名称与等次$/ }).isDisabled()).toBe(false);
    // Hovering a disabled button says why, and how to go on.
    await page.locator('.rp-fw-treebar .rp-fw-guard').first().hover();
    await page.getByRole('tooltip').getByText('第 1 版已被考核周期用于评分，已冻结，不能修改').waitFor();
    expect(await noHorizontalScroll()).toBe(true);
    await shot('frozen');
    await page.mouse.move(0, 0);

    // Looking is still allowed: the drawer opens read-only.
    await politics.getByRole('button', { name: '查看' }).click();
    await drawer().getByText('此版本已冻结，只能查看。').waitFor();
    expect(await drawer().getByRole('button', { name: '保存' }).count()).toBe(0);
    await drawer().getByRole('button', { name: '关闭' }).last().click();
    await drawer().waitFor({ state: 'hidden' });

    // The server refuses edits of a frozen version too, with its own message.
    const refused = await harness.services.invoke('indicators.update', {
      id: leaf.id,
      fields: { ...leaf, maxPoints: 4 },
    });
    expect(refused.ok).toBe(false);

    await page.locator('.rp-fw-alert').getByRole('button', { name: '另存为新版本' }).click();
    // It asks first, saying what a new version is (issue 9 §6: it used to run at once).
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '另存为“2026年度党建业务一体化考评”第 2 版？' }).waitFor();
    await confirm.getByRole('button', { name: '另存为新版本' }).click();
    await page.getByText('已另存为“2026年度党建业务一体化考评”第 2 版，可以在新版本上修改').waitFor();
    await poll(() => page.getByTestId('fw-meta').innerText()).toMatch(/可编辑[\s\S]*第 2 版[\s\S]*尚未用于考核周期/);
    expect(await page.getByRole('button', { name: '添加一级指标' }).isDisabled()).toBe(false);
    expect(await row('1', '政治建设').first().getByRole('button', { name: '添加下级' }).isDisabled()).toBe(false);
    // The new version carries every edit made so far.
    await row('4.1.6', '安全环保指标联动').waitFor();
    await issues().getByText('检查通过').waitFor();
    await shot('new-version');

    const versions = value(await harness.services.invoke('frameworks.list', {}));
    expect(versions.map((v) => [v.version, v.frozenAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);

    await page.getByTestId('fw-version-select').click();
    await page.locator('.rp-fw-option', { hasText: '第 1 版' }).getByText('已冻结').waitFor();
    await shot('versions');
    await page.keyboard.press('Escape');
  });

  it('refuses to delete a version a period uses, with the reason', async () => {
    const v2 = value(await harness.services.invoke('frameworks.list', {})).find((f) => f.version === 2)!;
    value(await harness.services.invoke('periods.create', { name: '2027年度考核', year: 2027, kind: 'annual', frameworkId: v2.id }));
    await page.reload();
    await page.getByText('此版本正被“2027年度考核”使用，尚未开始评分').waitFor();
    await page.locator('.rp-fw-actionbar').getByRole('button', { name: /删除/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '删除“2026年度党建业务一体化考评”第 2 版？' }).waitFor();
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '删除' }).click();
    await page.getByText('“2026年度党建业务一体化考评”第 2 版正被“2027年度考核”使用，不能删除').waitFor();
    expect(value(await harness.services.invoke('frameworks.list', {}))).toHaveLength(2);
  });

  it('exports a version to Excel, and imports a workbook as a new framework after showing every bad cell', async () => {
    const dir = tempDir();
    const exported = path.join(dir, '指标体系.xlsx');
    harness.desktop.saves.push(exported);
    await page.locator('.rp-fw-actionbar').getByRole('button', { name: /导出到 Excel/ }).click();
    await page.getByText(`已导出到 ${exported}`).waitFor();
    expect(existsSync(exported)).toBe(true);

    // A filled-in template with one bad cell: nothing is imported, the cell is named.
    const bad = path.join(dir, '有错的指标体系.xlsx');
    // Test set-up, not the user: written by the service itself (the renderer may write only where a dialog answered).
    await writeFrameworkTemplate(bad);
    await appendRows(bad, [
      ['1', '政治建设', '党建', 10, null, null],
      ['1.1', '', '党建', 10, '打分', '步长0.5'],
    ]);
    harness.desktop.opens.push(bad);
    await page.locator('.rp-fw-actionbar').getByRole('button', { name: /从 Excel 导入/ }).click();
    const dialog = page.getByRole('dialog', { name: '从 Excel 导入指标体系' });
    await dialog.getByText('发现 1 处错误，整个文件都不会导入').waitFor();
    expect(await dialog.getByTestId('fw-import-errors').innerText()).toMatch(/^第 3 行，B 列（指标名称\*?）：/);
    expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await shot('import-error');

    // The exported workbook comes back as a new framework, under the name the user gives it.
    harness.desktop.opens.push(exported);
    await dialog.getByRole('button', { name: '重新选择文件' }).click();
    await dialog.getByText('检查通过：将新建一个指标体系，共 65 项指标。').waitFor();
    await dialog.getByLabel('新体系的名称').fill('从 Excel 导入的体系');
    await dialog.getByRole('button', { name: '确认导入 65 项指标' }).click();
    await page.getByText('已导入“从 Excel 导入的体系”，共 65 项指标').waitFor();
    await page.getByTestId('fw-version-select').getByText('从 Excel 导入的体系 · 第 1 版').waitFor();
    await row('4.1.6', '安全环保指标联动').waitFor();
    await poll(() => stat('business')).toMatch(/业务\s*29\s*分/); // 4.1.1 went from 4.5 to 3.5 to make room for 4.1.6
    expect(value(await harness.services.invoke('frameworks.list', {}))).toHaveLength(3);
  });

  it('starts a blank framework from its first indicator, and deletes an unused one after saying what is lost', async () => {
    await page.locator('.rp-fw-actionbar').getByRole('button', { name: /新建指标体系/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建指标体系' });
    // The suggested name follows the chosen source.
    await dialog.getByText('复制已有的指标体系').click();
    await poll(() => dialog.getByLabel('名称').inputValue()).toBe('从 Excel 导入的体系（副本）'); // a copy of the version on screen
    await dialog.getByText('新建空白体系').click();
    await poll(() => dialog.getByLabel('名称').inputValue()).toBe('');
    await dialog.getByLabel('名称').fill('试点车间考评');
    await dialog.getByRole('button', { name: '新建' }).click();
    await page.getByText('已新建“试点车间考评”').waitFor();
    await page.getByText('这个体系还没有指标。').waitFor();
    await issues().getByText('指标体系还没有任何指标').waitFor();

    await page.locator('.rp-fw-tree').getByRole('button', { name: /添加一级指标/ }).click();
    expect(await drawer().getByLabel('编码').inputValue()).toBe('1');
    await drawer().getByLabel('指标名称').fill('安全生产');
    await drawer().locator('.ant-radio-button-wrapper', { hasText: '业务' }).click();
    await drawer().getByLabel('分值').fill('100');
    await drawer().getByLabel('评分方法').click();
    await page.locator('.ant-select-item-option', { hasText: '一票否决' }).click();
    // A veto scores nothing: its points are fixed at 0, and the highest grade it allows is chosen from the grades.
    expect(await drawer().getByLabel('分值').inputValue()).toBe('0');
    expect(await drawer().getByLabel('分值').isDisabled()).toBe(true);
    await drawer().getByLabel('触发后最高等次').click();
    await page.locator('.ant-select-item-option', { hasText: '一般' }).click();
    await drawer().getByRole('button', { name: '保存' }).click();
    await row('1', '安全生产').waitFor();
    expect(await row('1', '安全生产').innerText()).toContain('一票否决，最高一般');
    await issues().getByText('基本分合计 0 分（通常为 100 分，加分项另计）').waitFor();

    await page.locator('.rp-fw-actionbar').getByRole('button', { name: /删除/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '删除“试点车间考评”第 1 版？' }).waitFor();
    expect(await page.locator('.ant-modal-confirm-content').innerText()).toContain('这个版本的 1 项指标及其评分细则将一并删除，不能恢复');
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除“试点车间考评”第 1 版').waitFor();
    await poll(async () => value(await harness.services.invoke('frameworks.list', {})).length).toBe(3);
    await page.getByTestId('fw-version-select').getByText('2026年度党建业务一体化考评 · 第 2 版').waitFor(); // the current period's
  });

  it('fits a 1024×768 projector without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await row('1', '政治建设').first().waitFor();
    await shot('1024');
    expect(await noHorizontalScroll()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
