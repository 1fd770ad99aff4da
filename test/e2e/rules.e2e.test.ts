/**
 * 细则 leaves in Chromium on the real services (issue 11 §1): a leaf turned into 细则 in the indicator drawer —
 * “未按时召开支委会的，每次扣1分；台账不完整的，每处扣0.5—1分，最多扣2分” — reads back in the scheme's words
 * and is stored as such; on 业务数据 → 考核组核定 the office records one branch's findings in the findings editor
 * (a wrong amount refused with the rule named, the rule's cap and the total shown as they will count), and
 * the other branch as 检查无问题; the table reads both back in words.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorFieldsInput } from '../../shared/domain/framework';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('细则 leaves in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let frameworkId: number;
  let periodId: number;
  const branch: Record<'GD-01' | 'HG-01', number> = { 'GD-01': 0, 'HG-01': 0 };
  const ids = new Map<string, number>();
  const pageErrors: string[] = [];

  const inv = () => harness.services.invoke;
  const stored = async (code: string): Promise<Indicator> =>
    (await value(inv()('frameworks.get', { id: frameworkId }))).indicators.find((i) => i.code === code)!;
  const recordOf = async (b: 'GD-01' | 'HG-01') =>
    (await value(inv()('office.list', { periodId }))).find((r) => r.branchId === branch[b] && r.indicatorId === ids.get('1.1'))!;
  const drawer = () => page.locator('.ant-drawer.ant-drawer-open');
  const editor = () => page.getByRole('dialog', { name: '逐条核定：1.1 台账和制度落实' });
  const treeRow = (code: string) =>
    page.locator('.rp-fw-tree tr.ant-table-row').filter({ has: page.locator('.rp-fw-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
  const officeRow = (code: string) => page.locator('.rpd-office-table .ant-table-tbody tr.ant-table-row').filter({ hasText: code });
  const option = (text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };
  const add = async (parent: string | null, code: string, name: string, rest: Partial<IndicatorFieldsInput>) => {
    const fields = { code, name, tag: 'party', maxPoints: 0, criteria: '', evidence: '', method: null, ...rest } as IndicatorFieldsInput;
    ids.set(code, (await value(inv()('indicators.add', { frameworkId, parentId: parent === null ? null : ids.get(parent)!, fields }))).id);
  };

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    frameworkId = (await value(inv()('frameworks.create', { name: '基层党建考核细则', source: { kind: 'empty' } }))).id;
    await add(null, '1', '基础工作', { maxPoints: 10 });
    // 1.1 starts as a plain rating; the drawer turns it into 细则 below.
    await add('1', '1.1', '台账和制度落实', { maxPoints: 5, method: { kind: 'rating', step: 0.5 } });
    await add('1', '1.2', '党员教育', { maxPoints: 5, method: { kind: 'rating', step: 0.5 } });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('turns a leaf into 细则 in the indicator drawer: two rules, read back in the scheme’s words, stored as written', async () => {
    await page.goto(`${harness.url}#/framework`);
    await treeRow('1.1').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 1.1').waitFor();
    await drawer().getByLabel('评分方法').click();
    await option('细则').click();
    await drawer().getByTestId('fw-rule-0').waitFor();
    // The defaults: 扣分, 扣完为止 on, one empty rule; no 评委评分/考核组核定 choice (细则 are always the office's).
    expect(await drawer().getByRole('switch', { name: '扣完为止' }).getAttribute('aria-checked')).toBe('true');
    expect(await drawer().getByRole('radio', { name: '评委评分' }).count()).toBe(0);
    await drawer().getByText('考核组核定（细则由考核组逐条核定，评委不录入）').waitFor();

    // ① 未按时召开支委会的，每次扣1分.
    const first = drawer().getByTestId('fw-rule-0');
    await first.getByLabel('细则内容').fill('未按时召开支委会的');
    await first.getByLabel('计分方式').click();
    await option('每次').click();
    await first.getByLabel('分值', { exact: true }).fill('1');
    await first.getByTestId('fw-rule-words').getByText('每次扣1分', { exact: true }).waitFor();

    // ② 台账不完整的，每处扣0.5—1分，最多扣2分.
    await drawer().getByRole('button', { name: '添加一条细则' }).click();
    const second = drawer().getByTestId('fw-rule-1');
    await second.getByLabel('细则内容').fill('台账不完整的');
    await second.getByLabel('计分方式').click();
    await option('每次').click();
    await second.locator('.ant-radio-button-wrapper', { hasText: '区间' }).click();
    await second.getByLabel('下限').fill('0.5');
    await second.getByLabel('上限').fill('1');
    await second.getByLabel('最多扣').fill('2');
    await second.getByTestId('fw-rule-words').getByText('每次扣0.5—1分，最多扣2分', { exact: true }).waitFor();

    // A rule moves: ② up then back down.
    await second.getByRole('button', { name: '上移' }).click();
    expect(await drawer().getByTestId('fw-rule-0').getByLabel('细则内容').inputValue()).toBe('台账不完整的');
    await drawer().getByTestId('fw-rule-0').getByRole('button', { name: '下移' }).click();
    expect(await drawer().getByTestId('fw-rule-0').getByLabel('细则内容').inputValue()).toBe('未按时召开支委会的');

    // An empty amount is refused in place, naming the field.
    await first.getByLabel('分值', { exact: true }).fill('');
    await first.getByText('请填写分值').waitFor();
    await first.getByLabel('分值', { exact: true }).fill('1');
    await first.getByText('请填写分值').waitFor({ state: 'detached' });
    await shot('rules-editor.png');

    await drawer().getByRole('button', { name: '保存' }).click();
    await drawer().waitFor({ state: 'hidden' });
    expect((await stored('1.1')).method).toEqual({
      kind: 'rules',
      effect: 'deduct',
      floorAtZero: true,
      rules: [
        { text: '未按时召开支委会的', basis: 'each', min: 1, max: 1, cap: null },
        { text: '台账不完整的', basis: 'each', min: 0.5, max: 1, cap: 2 },
      ],
    });
    // The tree: tagged as the office's, the rules in words.
    await treeRow('1.1').getByTestId('fw-office-tag').waitFor();
    expect((await treeRow('1.1').getByTestId('fw-rules-summary').innerText()).split('\n')).toEqual(['细则·扣分，扣完为止', '①每次扣1分', '②每次扣0.5—1分，最多扣2分']);
    await treeRow('1.1').getByTestId('fw-rules-summary').hover();
    await page.locator('.ant-tooltip').getByText('②台账不完整的 每次扣0.5—1分，最多扣2分').waitFor();
    await shot('rules-framework.png');

    // Reopened, the drawer shows what was stored.
    await treeRow('1.1').getByRole('button', { name: '编辑' }).click();
    expect(await drawer().getByTestId('fw-rule-1').getByLabel('上限').inputValue()).toBe('1');
    expect(await drawer().getByTestId('fw-rule-1').getByLabel('最多扣').inputValue()).toBe('2');
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
  });

  it('records findings in the findings editor: a wrong amount refused, the cap and the total shown; 检查无问题 records 0', async () => {
    for (const [code, name] of [
      ['GD-01', '供电公司变电运维党支部'],
      ['HG-01', '化工一厂第一党支部'],
    ] as const) {
      branch[code] = (await value(inv()('branches.create', { code, name }))).id;
    }
    periodId = (await value(inv()('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId }))).id;
    await value(inv()('app.setCurrentPeriod', { periodId }));
    const group = await value(inv()('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
    await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '王建国' }));
    await value(inv()('periods.advance', { id: periodId, to: 'scoring' }));

    await page.goto(`${harness.url}#/data/office`);
    await page.reload(); // the period was made through the services: the page asks afresh
    await page.getByTestId('office-leaf-title').getByText('1.1 台账和制度落实').waitFor();
    expect(await page.getByTestId('office-leaf-1.1').innerText()).toMatch(/细则[\s\S]*0\/2/);

    await officeRow('GD-01').getByRole('button', { name: '核定' }).click();
    await editor().waitFor();
    await editor().getByText('①未按时召开支委会的').waitFor();
    // Nothing recorded yet: the total is the leaf's points.
    expect(await editor().getByTestId('findings-sum').innerText()).toContain('合计扣 0 分，本项 5 分，得 5 分');

    // 1: rule ①, twice; the amount is the rule's and cannot be changed.
    await editor().getByRole('button', { name: '添加一条' }).click();
    const rows = editor().locator('.rpd-findings-table .ant-table-tbody tr.ant-table-row');
    await rows.nth(0).getByLabel('细则').click();
    await option('①未按时召开支委会的').click();
    expect(await rows.nth(0).getByLabel('每次分值').inputValue()).toBe('1');
    expect(await rows.nth(0).getByLabel('每次分值').isDisabled()).toBe(true);
    await rows.nth(0).getByLabel('次数').fill('2');
    await rows.nth(0).getByLabel('原因').fill('3月、6月未召开支委会');
    // 2: rule ②, three times at 1.5 — outside 0.5—1.
    await editor().getByRole('button', { name: '添加一条' }).click();
    await rows.nth(1).getByLabel('细则').click();
    await option('②台账不完整的').click();
    expect(await rows.nth(1).getByLabel('每次分值').isDisabled()).toBe(false);
    await rows.nth(1).getByLabel('次数').fill('3');
    await rows.nth(1).getByLabel('每次分值').fill('1.5');
    await rows.nth(1).getByLabel('原因').fill('缺3月、4月、5月组织生活记录');
    await editor().getByLabel('依据', { exact: true }).fill('党委办〔2026〕12号检查记录');

    await editor().getByTestId('findings-save').click();
    const refused = '第 2 条（细则②“台账不完整的”）：分值应在 0.5 到 1 之间，现为 1.5';
    expect(await editor().getByTestId('findings-problem').innerText()).toContain(refused);
    expect((await recordOf('GD-01')).value).toBeNull(); // nothing was sent
    await shot('rules-findings-refused.png');

    await rows.nth(1).getByLabel('每次分值').fill('1');
    await editor().getByTestId('findings-problem').waitFor({ state: 'detached' });
    // ① 2 × 1 = 2; ② 3 × 1 = 3, cut to its cap 2 → 4 of 5: the leaf scores 1.
    const sum = await editor().getByTestId('findings-sum').innerText();
    expect(sum).toContain('合计扣 4 分，本项 5 分，得 1 分');
    expect(sum).toContain('细则②最多扣2分，已按上限计');
    await shot('rules-findings.png');
    await rows.nth(1).getByLabel('原因').press('Enter'); // Enter saves, as in the office table
    await editor().waitFor({ state: 'detached' });

    const gd = await recordOf('GD-01');
    expect(gd).toMatchObject({
      value: 4,
      findings: [
        { rule: 0, count: 2, amount: 1 },
        { rule: 1, count: 3, amount: 1 },
      ],
      detail: ['3月、6月未召开支委会', '缺3月、4月、5月组织生活记录'],
      evidence: '党委办〔2026〕12号检查记录',
    });
    expect(await officeRow('GD-01').getByTestId('office-value').innerText()).toBe('扣 4 分');
    expect(await officeRow('GD-01').innerText()).toContain('得 1.00 分');
    const lines = await officeRow('GD-01').getByTestId('findings-list').locator('li').allInnerTexts();
    expect(lines).toEqual(['①未按时召开支委会的×2，扣2分：3月、6月未召开支委会', '②台账不完整的×3，扣3分：缺3月、4月、5月组织生活记录']);

    // HG-01: checked, nothing found.
    await officeRow('HG-01').getByRole('button', { name: '核定' }).click();
    await editor().waitFor();
    await editor().getByTestId('findings-none').click();
    await editor().waitFor({ state: 'detached' });
    expect(await officeRow('HG-01').getByTestId('office-value').innerText()).toBe('检查无问题');
    expect(await recordOf('HG-01')).toMatchObject({ value: 0, findings: [], detail: [] });
    await page.getByTestId('office-leaf-1.1').getByText('2/2').waitFor();

    // Reopened, the editor shows what was recorded.
    await officeRow('GD-01').getByRole('button', { name: '修改' }).click();
    await editor().waitFor();
    expect(await rows.nth(1).getByLabel('原因').inputValue()).toBe('缺3月、4月、5月组织生活记录');
    expect(await editor().getByTestId('findings-sum').innerText()).toContain('合计扣 4 分');
    await editor().getByRole('button', { name: '取消' }).click();
    await editor().waitFor({ state: 'detached' });
    await shot('rules-office.png');
    expect(pageErrors).toEqual([]);
  });

  it('explains the 细则 cell in the results drawer: each finding by its rule, then the total and the points', async () => {
    await value(inv()('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求评分齐全' }));
    await page.goto(`${harness.url}#/results`);
    await page.reload();
    const rows = page.locator('.rp-page .rpr-ranking .ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: 'GD-01' }).locator('td').nth(1).click();
    const d = page.getByRole('dialog');
    // One dimension: the profile is drawn as bars (a radar of one axis is a dot).
    await d.getByTestId('drawer-chart-radar').waitFor();
    await shot('rules-results-profile.png');
    await d.getByTestId('points-1.1').click();
    const detail = d.getByTestId(`cell-${ids.get('1.1')!}`);
    const lines = await detail.getByTestId('cell-findings').locator('li').allInnerTexts();
    expect(lines).toEqual(['①未按时召开支委会的×2，扣2分：3月、6月未召开支委会', '②台账不完整的×3，扣3分：缺3月、4月、5月组织生活记录']);
    const line = await detail.getByTestId('cell-office').innerText();
    expect(line).toContain('依据 党委办〔2026〕12号检查记录');
    expect(line).toContain('本项得分 1.00');
    await detail.scrollIntoViewIfNeeded();
    await shot('rules-results.png');
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
