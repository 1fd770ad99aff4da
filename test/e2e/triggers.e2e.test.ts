/**
 * 由业务数据触发 in Chromium on the real services (issue 11 §4): “未完成利润指标 90% 的，一票否决” — a veto leaf set
 * in the indicator drawer to be triggered by 2.1 利润完成率 below 90%, stored as such and tagged 数据触发 in the tree;
 * with the business data saved, the results explain the veto by the source's 完成率 (triggerSentence) and the
 * vetoed branch's grade is capped.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorFieldsInput } from '../../shared/domain/framework';
import { t } from '../../shared/messages';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

type BranchCode = 'GD-01' | 'HG-01';

describe.runIf(chromiumPath)('由业务数据触发 in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let frameworkId: number;
  const branch: Record<BranchCode, number> = { 'GD-01': 0, 'HG-01': 0 };
  const ids = new Map<string, number>();
  const pageErrors: string[] = [];

  const inv = () => harness.services.invoke;
  const stored = async (code: string): Promise<Indicator> =>
    (await value(inv()('frameworks.get', { id: frameworkId }))).indicators.find((i) => i.code === code)!;
  const drawer = () => page.locator('.ant-drawer.ant-drawer-open');
  const treeRow = (code: string) =>
    page.locator('.rp-fw-tree tr.ant-table-row').filter({ has: page.locator('.rp-fw-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
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
    frameworkId = (await value(inv()('frameworks.create', { name: '融合考评', source: { kind: 'empty' } }))).id;
    await add(null, '1', '党建工作', { maxPoints: 50, method: { kind: 'rating', step: 1 } });
    await add(null, '2', '生产经营', { maxPoints: 50, tag: 'business' });
    await add('2', '2.1', '利润完成率', { maxPoints: 50, tag: 'business', method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.5, excessCap: 0 } });
    // 3 starts as a veto the panel records; the drawer hands it to the business data below.
    await add(null, '3', '生产经营目标', { tag: 'business', method: { kind: 'veto', capGrade: null } });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('sets a veto to 由业务数据触发 in the indicator drawer: source and threshold, stored as chosen, tagged in the tree', async () => {
    await page.goto(`${harness.url}#/framework`);
    await treeRow('3').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 3').waitFor();
    // Not a choice on a rating leaf: only 扣分 and 一票否决 can be triggered.
    await drawer().getByRole('radio', { name: t('fw.entry.data') }).click();
    await drawer().getByText(t('fw.entry.help.data.veto')).waitFor();
    // The threshold starts at 100%; the only quantitative leaf is picked already.
    expect(await drawer().getByLabel(t('fw.trigger.below')).inputValue()).toBe('100');
    await drawer().getByText('2.1 利润完成率').waitFor();
    await drawer().getByLabel(t('fw.trigger.source')).click();
    await option('2.1 利润完成率').click();
    await drawer().getByLabel(t('fw.trigger.below')).fill('');
    await drawer().getByText(t('fw.trigger.invalid.below')).waitFor();
    await drawer().getByLabel(t('fw.trigger.below')).fill('90');
    await drawer().getByText(t('fw.trigger.invalid.below')).waitFor({ state: 'detached' });
    await shot('triggers-drawer.png');

    await drawer().getByRole('button', { name: '保存' }).click();
    await drawer().waitFor({ state: 'hidden' });
    expect((await stored('3')).method).toEqual({ kind: 'veto', capGrade: null, trigger: { source: '2.1', below: 0.9 } });
    await treeRow('3').getByTestId('fw-trigger-tag').waitFor();
    expect(await treeRow('3').getByTestId('fw-office-tag').count()).toBe(0);
    await shot('triggers-framework.png');

    // Reopened, the drawer shows what was stored; 评委评分 takes the trigger off again (not saved here).
    await treeRow('3').getByRole('button', { name: '编辑' }).click();
    expect(await drawer().getByLabel(t('fw.trigger.below')).inputValue()).toBe('90');
    expect(await drawer().getByRole('radio', { name: t('fw.entry.data') }).isChecked()).toBe(true);
    await drawer().getByRole('radio', { name: t('fw.entry.panel') }).click();
    expect(await drawer().getByLabel(t('fw.trigger.source')).count()).toBe(0);
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
    // The rating leaf offers no such choice.
    await treeRow('1').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 1').waitFor();
    expect(await drawer().getByRole('radio', { name: t('fw.entry.data') }).count()).toBe(0);
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });

  it('explains the veto by the 完成率 in the results, and caps the grade', async () => {
    for (const [code, name] of [
      ['GD-01', '供电公司变电运维党支部'],
      ['HG-01', '化工一厂第一党支部'],
    ] as const) {
      branch[code] = (await value(inv()('branches.create', { code, name }))).id;
    }
    const periodId = (await value(inv()('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId }))).id;
    await value(inv()('app.setCurrentPeriod', { periodId }));
    const group = await value(inv()('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
    const raterId = (await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '王建国' }))).id;
    await value(inv()('periods.advance', { id: periodId, to: 'scoring' }));
    // Both score 48 on 1; 利润: GD-01 85 of 100 (85% < 90%: vetoed, 2.1 earns 35), HG-01 100 (not vetoed).
    await value(inv()('entries.save', { periodId, entries: (['GD-01', 'HG-01'] as const).map((b) => ({ raterId, branchId: branch[b], indicatorId: ids.get('1')!, value: 48 })) }));
    await value(
      inv()('measurements.save', {
        periodId,
        rows: [
          { branchId: branch['GD-01'], indicatorId: ids.get('2.1')!, target: 100, actual: 85 },
          { branchId: branch['HG-01'], indicatorId: ids.get('2.1')!, target: 100, actual: 100 },
        ],
      }),
    );
    await value(inv()('periods.advance', { id: periodId, to: 'review' }));

    const results = await value(inv()('results.get', { periodId }));
    const gd = results.result.branches.find((b) => b.branchId === branch['GD-01'])!;
    const lowest = results.period.settings.grades.at(-1)!.label;
    // The engine's figures are the fixture's: 48 + 35 = 83 would be 良好 by the thresholds; the veto caps it.
    expect(gd).toMatchObject({ total: 83, vetoed: true, vetoIndicatorIds: [ids.get('3')], grade: lowest });
    expect(results.result.branches.find((b) => b.branchId === branch['HG-01'])).toMatchObject({ vetoed: false });

    await page.goto(`${harness.url}#/results`);
    await page.reload();
    const rows = page.locator('.rp-page .rpr-ranking .ant-table-tbody tr.ant-table-row');
    const d = page.getByRole('dialog');
    await rows.filter({ hasText: 'GD-01' }).getByText('供电公司变电运维党支部').click();
    await d.getByTestId('drawer-total').getByText('83.00').waitFor();
    // The grade steps say the veto capped it.
    await d.getByTestId('grade-steps').getByText(t('results.grade.veto', { items: '生产经营目标', cap: lowest }), { exact: false }).waitFor();
    // The veto leaf's detail: the working, in the results screen's words.
    await d.getByText(t('results.tree.vetoTriggered'), { exact: true }).click();
    const cell = d.getByTestId(`cell-${ids.get('3')}`);
    const sentence = `由业务数据触发：2.1 利润完成率 完成率 85%（实际 85 ÷ 目标 100），低于 90% → 否决（最高${lowest}）`;
    expect(await cell.getByTestId('cell-trigger').innerText()).toBe(sentence);
    await cell.getByTestId('cell-trigger').scrollIntoViewIfNeeded();
    await shot('triggers-results.png');
    expect(pageErrors).toEqual([]);
  });
});
