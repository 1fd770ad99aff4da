/**
 * 考核组核定 in Chromium on the real services (issue 11 §3): a leaf switched
 * to 考核组核定 in the framework editor (another through the services); on
 * 业务数据 → 考核组核定 a deduction recorded with its reasons, a one-character
 * reason refused, a missing 依据 refused by the service, 依据 filled for the
 * other branch in one go; a rater sees the office's value read-only on the
 * grid; the results drawer explains the cell as the office's finding; in
 * review a change needs a reason; the 核定表 goes out and previews back;
 * once finalised the screen is read-only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';
import { tempDir } from '../helpers/tmp';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('考核组核定 in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let frameworkId: number;
  let periodId: number;
  let wang: number;
  const branch: Record<'GD-01' | 'HG-01', number> = { 'GD-01': 0, 'HG-01': 0 };
  let leaves: Indicator[] = [];
  const pageErrors: string[] = [];

  const inv = () => harness.services.invoke;
  const leaf = (code: string) => leaves.find((l) => l.code === code)!;
  const office = () => value(inv()('office.list', { periodId }));
  const recordOf = async (branchCode: 'GD-01' | 'HG-01', code: string) =>
    (await office()).find((r) => r.branchId === branch[branchCode] && r.indicatorId === leaf(code).id)!;
  const drawer = () => page.locator('.ant-drawer.ant-drawer-open');
  const officeRow = (code: string) => page.locator('.rpd-office-table .ant-table-tbody tr.ant-table-row').filter({ hasText: code });
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    const fw = await value(inv()('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } }));
    frameworkId = fw.id;
    leaves = (await value(inv()('frameworks.get', { id: frameworkId }))).indicators;
    // 9.1 (一票否决: 重大安全事故) becomes 考核组核定 through the service; 2.1.1 through the editor below.
    const accident = leaf('9.1');
    await value(
      inv()('indicators.update', {
        id: accident.id,
        fields: { ...accident, method: { kind: 'veto', capGrade: null, entry: 'office' } },
      }),
    );
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('switches a leaf to 考核组核定 in the indicator drawer; the tree tags it', async () => {
    await page.goto(`${harness.url}#/framework`);
    const row = page.locator('.rp-fw-tree tr.ant-table-row').filter({ hasText: '支部党员大会' }).filter({ hasText: '2.1.1' });
    await row.getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 2.1.1').waitFor();
    await drawer().getByText('每位评委各自评分，按评委组合并。').waitFor();
    await drawer().getByRole('radio', { name: '考核组核定' }).check();
    await drawer().getByText('由考核组按文件、检查记录统一核定，每个支部一个值，评委只读。').waitFor();
    await shot('office-framework-drawer.png');
    await drawer().getByRole('button', { name: '保存' }).click();
    await drawer().waitFor({ state: 'hidden' });
    await row.getByTestId('fw-office-tag').waitFor();
    // The veto set through the service is tagged too; a panel leaf is not.
    await page.locator('.rp-fw-tree tr.ant-table-row').filter({ hasText: '重大及以上安全生产责任事故' }).getByTestId('fw-office-tag').waitFor();
    expect(await page.locator('.rp-fw-tree tr.ant-table-row').filter({ hasText: '支部委员会' }).getByTestId('fw-office-tag').count()).toBe(0);
    const stored = (await value(inv()('frameworks.get', { id: frameworkId }))).indicators.find((i) => i.code === '2.1.1')!;
    expect(stored.method).toEqual({ kind: 'deduction', perOccurrence: 0.5, entry: 'office' });
    await shot('office-framework.png');

    // The period: two branches, two raters, scoring open.
    for (const [code, name] of [
      ['GD-01', '供电公司变电运维党支部'],
      ['HG-01', '化工一厂第一党支部'],
    ] as const) {
      branch[code] = (await value(inv()('branches.create', { code, name }))).id;
    }
    const period = await value(inv()('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId }));
    periodId = period.id;
    await value(inv()('app.setCurrentPeriod', { periodId }));
    const group = await value(inv()('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
    wang = (await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '王建国', title: '党委副书记' }))).id;
    await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '李敏' }));
    await value(inv()('periods.advance', { id: periodId, to: 'scoring' }));
  });

  it('lists the office leaves with their progress and records a deduction with its reasons and 依据', async () => {
    await page.goto(`${harness.url}#/data/office`);
    await page.reload(); // the period was made through the services: the page asks afresh
    await page.getByRole('tab', { name: '考核组核定' }).waitFor();
    const list = page.getByRole('navigation', { name: '核定指标' });
    expect(await list.getByTestId('office-leaf-2.1.1').innerText()).toMatch(/支部党员大会[\s\S]*扣分[\s\S]*0\/2/);
    expect(await list.getByTestId('office-leaf-9.1').innerText()).toMatch(/重大及以上安全生产责任事故[\s\S]*0\/2/);
    await page.getByTestId('office-leaf-title').getByText('2.1.1 支部党员大会').waitFor();
    expect(await officeRow('GD-01').innerText()).toContain('待核定');

    const gd = officeRow('GD-01');
    await gd.getByRole('button', { name: '核定' }).click();
    await gd.getByLabel('扣分次数').fill('2');
    await gd.getByLabel('第 1 次扣分原因').fill('第二季度未召开党员大会');
    // One character is what a stray keystroke leaves, not a reason: refused before anything is sent.
    await gd.getByLabel('第 2 次扣分原因').fill('无');
    await gd.getByRole('button', { name: '保存' }).click();
    await page.getByText('“GD-01 供电公司变电运维党支部”在“2.1.1 支部党员大会”上：原因“无”太短').waitFor();
    expect((await recordOf('GD-01', '2.1.1')).value).toBeNull();

    // A deduction without 依据: the service refuses it, naming the branch and the indicator.
    await gd.getByLabel('第 2 次扣分原因').fill('第三季度会议无签到表');
    await gd.getByRole('button', { name: '保存' }).click();
    const refusal = page.locator('.ant-message-error, .ant-modal-confirm-error').filter({ hasText: '依据' }).first();
    await refusal.waitFor();
    const refusalText = await refusal.innerText();
    expect(refusalText).toContain('供电公司变电运维党支部');
    expect(refusalText).toContain('支部党员大会');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500); // the error dialog's opening animation
    await page.screenshot({ path: artifactPath('office-refused.png'), animations: 'disabled' });
    expect((await recordOf('GD-01', '2.1.1')).value).toBeNull();
    const ok = page.locator('.ant-modal-confirm-error').getByRole('button');
    if (await ok.count()) await ok.first().click();

    await gd.getByLabel('依据（文件号/检查记录）').fill('党委办〔2026〕12号');
    const date = gd.getByLabel('依据日期');
    await date.click();
    await date.fill('2026-11-20');
    await date.press('Enter');
    await gd.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：GD-01 供电公司变电运维党支部 · 2.1.1 支部党员大会').waitFor();
    expect(await recordOf('GD-01', '2.1.1')).toMatchObject({
      value: 2,
      detail: ['第二季度未召开党员大会', '第三季度会议无签到表'],
      evidence: '党委办〔2026〕12号',
      evidenceDate: '2026-11-20',
    });
    const text = await gd.innerText();
    expect(text).toContain('2 次');
    expect(text).toContain('0.50'); // 1.5 − 2 × 0.5
    expect(text).toContain('第三季度会议无签到表');
    await list.getByTestId('office-leaf-2.1.1').getByText('1/2').waitFor();
  });

  it('records 0 for the other branch without 依据, then fills 依据 for it in one go', async () => {
    const hg = officeRow('HG-01');
    await hg.getByRole('button', { name: '核定' }).click();
    await hg.getByLabel('扣分次数').fill('0');
    await hg.getByLabel('扣分次数').press('Enter');
    await page.getByText('已保存：HG-01 化工一厂第一党支部 · 2.1.1 支部党员大会').waitFor();
    expect(await recordOf('HG-01', '2.1.1')).toMatchObject({ value: 0, detail: [], evidence: '' });

    await page.getByRole('button', { name: '批量填写依据' }).click();
    const modal = page.getByRole('dialog', { name: '批量填写依据：2.1.1 支部党员大会' });
    await modal.getByText('为本指标下已核定但还没有依据的 1 个支部').waitFor();
    await modal.getByLabel('依据（文件号/检查记录）').fill('11月支部工作检查记录');
    await modal.getByLabel('依据日期').click();
    await modal.getByLabel('依据日期').fill('2026-11-25');
    await modal.getByLabel('依据日期').press('Enter');
    await modal.getByRole('button', { name: '填写' }).click();
    await page.getByText('已为 1 个支部填写依据').waitFor();
    expect(await recordOf('HG-01', '2.1.1')).toMatchObject({ value: 0, evidence: '11月支部工作检查记录', evidenceDate: '2026-11-25' });
    // A row that had its own 依据 keeps it.
    expect(await recordOf('GD-01', '2.1.1')).toMatchObject({ evidence: '党委办〔2026〕12号', evidenceDate: '2026-11-20' });
    await page.getByTestId('office-leaf-2.1.1').getByText('2/2').waitFor();
    await shot('office-tab.png');

    // The veto leaf: 否 for both branches (recorded through the service; the screen shows it).
    await value(
      inv()('office.save', {
        periodId,
        rows: (['GD-01', 'HG-01'] as const).map((b) => ({ branchId: branch[b], indicatorId: leaf('9.1').id, value: 0, detail: [], evidence: '', evidenceDate: null })),
      }),
    );
    await page.reload();
    await page.getByTestId('office-leaf-9.1').click();
    await page.getByTestId('office-leaf-title').getByText('9.1 重大及以上安全生产责任事故').waitFor();
    await officeRow('GD-01').getByText('否').waitFor();
  });

  it('shows a rater the office’s value read-only on the grid, with its reasons and 依据 beside it', async () => {
    await value(inv()('session.signInRater', { periodId, raterId: wang }));
    await page.goto(`${harness.url}#/scoring`);
    await page.reload();
    const cell = (l: string, b: string) => page.locator(`.rp-grid .rp-cell[data-leaf="${l}"][data-branch="${b}"]`);
    await cell('2.1.1', 'GD-01').waitFor();
    expect(await cell('2.1.1', 'GD-01').innerText()).toBe('2 次（核定）');
    expect(await cell('2.1.1', 'HG-01').innerText()).toBe('0 次（核定）');
    await cell('2.1.1', 'GD-01').click();
    const side = page.getByTestId('side-office');
    await side.waitFor();
    const sideText = await side.innerText();
    expect(sideText).toContain('第二季度未召开党员大会');
    expect(sideText).toContain('第三季度会议无签到表');
    expect(sideText).toContain('党委办〔2026〕12号，2026-11-20'); // what the office's value rests on
    // Typing on it changes nothing: the office's value is not the rater's.
    await page.keyboard.type('1');
    await page.getByText('本项由考核组核定，评委只读').first().waitFor();
    expect(await cell('2.1.1', 'GD-01').innerText()).toBe('2 次（核定）');
    await shot('office-scoring.png');
    // The rater's own subtotal counts the office's value as the result does: 3 (1.2) + 1.5 − 2 × 0.5 (2.1.1).
    await page.keyboard.press('Escape');
    await cell('1.2', 'GD-01').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.rp-grid [data-state="saved"]').count()).toBe(1);
    expect(await page.locator('[data-subtotal="GD-01"]').innerText()).toBe('3.5');
    const sheet = await value(inv()('scoring.sheet', { periodId, raterId: wang }));
    expect(sheet.entries.map((e) => e.indicatorId)).toEqual([leaf('1.2').id]);
  });

  it('explains the office cell in the results drawer as the office’s finding, without a rater table', async () => {
    harness.services.ctx.session = { kind: 'admin' };
    await value(inv()('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求评分齐全' }));
    await page.goto(`${harness.url}#/results`);
    await page.reload();
    const rows = page.locator('.rp-page .rpr-ranking .ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: 'GD-01' }).getByText('供电公司变电运维党支部').click();
    const d = page.getByRole('dialog');
    await d.getByTestId('points-2.1.1').click();
    const detail = d.getByTestId(`cell-${leaf('2.1.1').id}`);
    const line = await detail.getByTestId('cell-office').innerText();
    expect(line).toContain('考核组核定：扣 2 次');
    expect(line).toContain('依据 党委办〔2026〕12号');
    expect(line).toContain('2026-11-20');
    expect(line).toContain('本项得分 0.50');
    expect(await detail.locator('table').count()).toBe(0);
    await detail.scrollIntoViewIfNeeded();
    await shot('office-results.png');
    await page.keyboard.press('Escape');
  });

  it('in review asks for a reason before a change is saved', async () => {
    await page.goto(`${harness.url}#/data/office`);
    await page.reload();
    const hg = officeRow('HG-01');
    await hg.getByRole('button', { name: '修改' }).click();
    await hg.getByLabel('扣分次数').fill('1');
    await hg.getByLabel('第 1 次扣分原因').fill('第四季度未召开党员大会');
    await hg.getByRole('button', { name: '保存' }).click();
    await page.getByText('评审中修改核定值，请先在上方填写修改原因').waitFor();
    expect((await recordOf('HG-01', '2.1.1')).value).toBe(0);
    await page.getByLabel('修改原因').fill('复核会议记录后更正');
    await hg.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：HG-01 化工一厂第一党支部 · 2.1.1 支部党员大会').waitFor();
    expect(await recordOf('HG-01', '2.1.1')).toMatchObject({ value: 1, detail: ['第四季度未召开党员大会'], evidence: '11月支部工作检查记录' });
    await shot('office-review.png');
  });

  it('writes the prefilled 核定表 and previews it back; once finalised the screen is read-only with the reason', async () => {
    const file = path.join(tempDir(), '考核组核定表.xlsx');
    harness.desktop.saves.push(file);
    await page.getByRole('button', { name: '下载核定表' }).click();
    await page.getByTestId('saved-message').getByText(`已保存到 ${file}`).waitFor();
    expect(existsSync(file)).toBe(true);
    harness.desktop.opens.push(file);
    await page.getByRole('button', { name: '导入核定表' }).click();
    const dialog = page.getByRole('dialog', { name: '导入考核组核定表' });
    // What is recorded comes back unchanged: nothing to import, and in review a reason would be asked.
    await dialog.getByText(/检查通过：新增 0 项，修改 0 项，不变 4 项/).waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();

    await value(inv()('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求评分齐全' }));
    await page.reload();
    await page.getByTestId('office-locked').getByText('该考核周期已定稿，核定值只能查看').waitFor();
    expect(await officeRow('GD-01').getByRole('button', { name: '修改' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导入核定表' }).isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
