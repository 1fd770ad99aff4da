/**
 * 扣分池（扣完为止）and 加分上限（本部分）in Chromium on the real services (issue 11 §2): a 考核细则 written
 * as they are — "本部分共20分，按下列细则扣分，扣完为止" with three 0-point deduction leaves, and a 表彰加分
 * section "最多不超过5分". The pool is switched on in the indicator drawer; the tree tags both sections and
 * shows the pool's children by their rate; the checks panel stops complaining about the 0-point leaves. Two
 * branches recorded by the office: one's deductions exceed the pool (it floors at 0), the other's do not; the
 * results drawer says so in the engine's own figures (results.explain), and the bonus section's cap before
 * the period's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorFieldsInput, NodeOptions } from '../../shared/domain/framework';
import type { OfficeRecordInput } from '../../shared/domain/office';
import type { BranchExplanation, NodeExplanation } from '../../shared/engine';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

/** Half away from zero to 0.01, printed with 2 decimals: how the screen prints points. */
const points = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 * (1 + 4 * Number.EPSILON))) / 100;
const p2 = (x: number) => points(x).toFixed(2);
/** A figure inside a sentence: rounded, without trailing zeros. */
const said = (x: number) => String(points(x));

type BranchCode = 'GD-01' | 'HG-01';

describe.runIf(chromiumPath)('扣分池 and 加分上限（本部分）in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let frameworkId: number;
  let periodId: number;
  const branch: Record<BranchCode, number> = { 'GD-01': 0, 'HG-01': 0 };
  const ids = new Map<string, number>();
  const pageErrors: string[] = [];

  const inv = () => harness.services.invoke;
  const stored = async (code: string): Promise<Indicator> =>
    (await value(inv()('frameworks.get', { id: frameworkId }))).indicators.find((i) => i.code === code)!;
  const drawer = () => page.locator('.ant-drawer.ant-drawer-open');
  const treeRow = (code: string, name: string) =>
    page.locator('.rp-fw-tree tr.ant-table-row').filter({ has: page.locator('.rp-fw-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) }).filter({ hasText: name });
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };

  const add = async (parent: string | null, code: string, name: string, rest: Partial<IndicatorFieldsInput> & { options?: NodeOptions }) => {
    const fields = { code, name, tag: 'party', maxPoints: 0, criteria: '', evidence: '', method: null, ...rest } as IndicatorFieldsInput;
    const made = await value(inv()('indicators.add', { frameworkId, parentId: parent === null ? null : ids.get(parent)!, fields }));
    ids.set(code, made.id);
  };
  /** A pool's deduction leaf (0 points of its own), recorded by the office (考核组核定). */
  const deduction = (perOccurrence: number) => ({ method: { kind: 'deduction' as const, perOccurrence, entry: 'office' as const } });

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    frameworkId = (await value(inv()('frameworks.create', { name: '基层党建考核细则', source: { kind: 'empty' } }))).id;
    // 1 基础工作: "本部分共20分，按下列细则扣分，扣完为止" — not yet a pool; the drawer makes it one below.
    await add(null, '1', '基础工作', { maxPoints: 20 });
    await add('1', '1.1', '“三会一课”落实', deduction(2));
    await add('1', '1.2', '组织生活会', deduction(5));
    await add('1', '1.3', '党费收缴', deduction(1));
    await add(null, '2', '业务工作', { tag: 'business', maxPoints: 80 });
    await add('2', '2.1', '生产经营任务', { tag: 'business', maxPoints: 80, method: { kind: 'rating', step: 0.5, entry: 'office' } });
    // 3 表彰加分: "获得上级表彰的……本部分加分最多不超过5分".
    await add(null, '3', '表彰加分', { maxPoints: 10, options: { pool: false, bonusCap: 5 } });
    await add('3', '3.1', '上级表彰', { maxPoints: 6, method: { kind: 'bonus', perItem: 3, entry: 'office' } });
    await add('3', '3.2', '创新成果', { maxPoints: 4, method: { kind: 'bonus', perItem: 2, entry: 'office' } });
    expect((await stored('3')).options).toEqual({ pool: false, bonusCap: 5 });

    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('switches 扣分池 on in the indicator drawer; the tree tags the pool and the section cap; the checks accept the 0-point leaves', async () => {
    await page.goto(`${harness.url}#/framework`);
    await treeRow('1', '基础工作').waitFor();
    // Before: the 0-point deductions and the 0 ≠ 20 sum are errors, as the validator says.
    const issues = page.getByTestId('fw-issues');
    await issues.getByText('下级指标分值合计 0 分，与本指标的 20 分不一致').waitFor();
    expect(await issues.getByText('扣分项的分值应大于 0').count()).toBe(3);
    await treeRow('1', '基础工作').getByTestId('fw-sum-mismatch').waitFor();
    // The section cap set through the services is tagged already.
    expect(await treeRow('3', '表彰加分').getByTestId('fw-bonuscap-tag').innerText()).toBe('加分上限 5');
    expect(await page.getByTestId('fw-pool-tag').count()).toBe(0);

    await treeRow('1', '基础工作').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 1').waitFor();
    await drawer().getByText('下级指标为 0 分的扣分项，从本指标分值中扣减，扣完为止').waitFor();
    const poolSwitch = drawer().getByRole('switch', { name: '扣分池（扣完为止）' });
    expect(await poolSwitch.getAttribute('aria-checked')).toBe('false');
    expect(await drawer().getByLabel('加分上限（本部分）').inputValue()).toBe('');
    await poolSwitch.click();
    expect(await poolSwitch.getAttribute('aria-checked')).toBe('true');
    await drawer().getByText('“基础工作”是扣分池：下级扣分项各为 0 分，每次扣分从本指标的 20 分中扣减，扣完为止。').waitFor();
    await shot('pools-drawer.png');
    await drawer().getByRole('button', { name: '保存' }).click();
    await drawer().waitFor({ state: 'hidden' });

    expect((await stored('1')).options).toEqual({ pool: true, bonusCap: null });
    await treeRow('1', '基础工作').getByTestId('fw-pool-tag').waitFor();
    expect(await treeRow('1', '基础工作').innerText()).toContain('扣完为止');
    expect(await treeRow('1', '基础工作').getByTestId('fw-sum-mismatch').count()).toBe(0);
    // The pool's children: by their rate, not as 0-point items gone wrong.
    expect(await treeRow('1.1', '“三会一课”落实').getByTestId('fw-pool-rate').innerText()).toBe('−2/次');
    expect(await treeRow('1.2', '组织生活会').getByTestId('fw-pool-rate').innerText()).toBe('−5/次');
    expect(await treeRow('1.3', '党费收缴').getByTestId('fw-pool-rate').innerText()).toBe('−1/次');
    expect(await page.locator('.rp-fw-tree tr.rp-fw-row-mismatch').count()).toBe(0);
    await issues.getByText('下级指标分值合计 0 分，与本指标的 20 分不一致').waitFor({ state: 'detached' });
    expect(await page.getByText('扣分项的分值应大于 0').count()).toBe(0);
    const verdict = await page.getByTestId('fw-verdict').innerText();
    expect(verdict).toContain('检查通过：没有发现问题');
    await shot('pools-framework.png');

    // The section cap shows in 3's drawer; the leaf drawer says where a pool child's points go.
    await treeRow('3', '表彰加分').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('编辑指标 3').waitFor();
    expect(await drawer().getByLabel('加分上限（本部分）').inputValue()).toBe('5');
    expect(await drawer().getByRole('switch', { name: '扣分池（扣完为止）' }).getAttribute('aria-checked')).toBe('false');
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
    await treeRow('1.2', '组织生活会').getByRole('button', { name: '编辑' }).click();
    await drawer().getByText('属于扣分池“1 基础工作”：本项不计分，分值为 0，扣分从扣分池的 20 分中扣减').waitFor();
    await drawer().getByRole('button', { name: '取消' }).click();
    await drawer().waitFor({ state: 'hidden' });
  });

  it('explains a floored pool, a pool within its points and a capped bonus section as the engine computed them', async () => {
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
    await value(inv()('panel.saveRater', { periodId, groupId: group.id, name: '王建国' }));
    await value(inv()('periods.advance', { id: periodId, to: 'scoring' }));

    const reasons = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what}第${i + 1}次`);
    const row = (b: BranchCode, code: string, v: number, what: string): OfficeRecordInput => ({
      branchId: branch[b],
      indicatorId: ids.get(code)!,
      value: v,
      detail: code.startsWith('2.') ? [] : reasons(v, what),
      findings: [],
      evidence: v > 0 && !code.startsWith('2.') ? '党委办〔2026〕12号' : '',
      evidenceDate: null,
    });
    // GD-01: 5 × 2 + 2 × 5 + 3 × 1 = 23 > 20 → the pool stops at 0; bonus 2 × 3 = 6 > 5 → 5.
    // HG-01: 1 × 2 + 0 + 1 × 1 = 3 → 17; bonus 1 × 3 = 3 (within 5).
    await value(
      inv()('office.save', {
        periodId,
        rows: [
          row('GD-01', '1.1', 5, '未按期召开支委会'),
          row('GD-01', '1.2', 2, '组织生活会未开展批评与自我批评'),
          row('GD-01', '1.3', 3, '党费未按月收缴'),
          row('GD-01', '2.1', 70, ''),
          row('GD-01', '3.1', 2, '获上级表彰'),
          row('GD-01', '3.2', 0, ''),
          row('HG-01', '1.1', 1, '未按期召开支委会'),
          row('HG-01', '1.2', 0, ''),
          row('HG-01', '1.3', 1, '党费未按月收缴'),
          row('HG-01', '2.1', 75, ''),
          row('HG-01', '3.1', 1, '获上级表彰'),
          row('HG-01', '3.2', 0, ''),
        ],
      }),
    );
    await value(inv()('periods.advance', { id: periodId, to: 'review' }));

    const results = await value(inv()('results.get', { periodId }));
    const explain = (b: BranchCode): Promise<BranchExplanation> => value(inv()('results.explain', { periodId, branchId: branch[b] }));
    const node = (e: BranchExplanation, code: string): NodeExplanation => e.nodes.find((n) => n.indicatorId === ids.get(code))!;
    const gd = await explain('GD-01');
    const hg = await explain('HG-01');
    // The engine's figures are the fixture's: otherwise the screen would be checked against the wrong story.
    expect(node(gd, '1').pool).toEqual({ deducted: 23, floored: true });
    expect(node(gd, '1').points).toBe(0);
    expect(node(hg, '1').pool).toEqual({ deducted: 3, floored: false });
    expect(node(hg, '1').points).toBe(17);
    expect(node(gd, '3').bonusCap).toEqual({ raw: 6, cap: 5, capped: true });
    expect(node(hg, '3').bonusCap).toEqual({ raw: 3, cap: 5, capped: false });
    expect(gd.totals).toMatchObject({ bonusRaw: 6, bonusSections: 5, bonus: 5, total: 75 });

    await page.goto(`${harness.url}#/results`);
    await page.reload();
    const rows = page.locator('.rp-page .rpr-ranking .ant-table-tbody tr.ant-table-row');
    const d = page.getByRole('dialog');

    // GD-01: the pool floored.
    const gdResult = results.result.branches.find((b) => b.branchId === branch['GD-01'])!;
    await rows.filter({ hasText: 'GD-01' }).getByText('供电公司变电运维党支部').click();
    await d.getByTestId('drawer-total').getByText(p2(gdResult.total)).waitFor();
    const gdPool = node(gd, '1');
    expect(await d.getByTestId('node-pool').innerText()).toBe(`本部分 ${said(gdPool.maxPoints)} 分，扣 ${said(gdPool.pool!.deducted)} 分，扣完为止 → 0 分`);
    expect(await d.getByTestId('points-1').innerText()).toBe(p2(gdPool.points!));
    // Its children show what each took: −10, −10, −3 (the engine's child points).
    for (const c of gdPool.children) {
      const code = [...ids].find(([, id]) => id === c.indicatorId)![0];
      expect(await d.getByTestId(`points-${code}`).innerText()).toBe(`−${p2(-c.points!)}`);
    }
    expect(gdPool.children.map((c) => c.points)).toEqual([-10, -10, -3]);
    const gdCap = node(gd, '3');
    expect(await d.getByTestId('node-bonuscap').innerText()).toBe(`加分 ${said(gdCap.bonusCap!.raw)} 分，本部分上限 ${said(gdCap.bonusCap!.cap)} 分 → ${said(gdCap.bonusCap!.cap)} 分`);
    // The totals line: the section-capped bonus before the period's cap.
    const totals = await d.getByTestId('drawer-totals').innerText();
    expect(totals).toContain(`加分项合计 ${p2(gd.totals.bonusRaw)}，按各部分上限计 ${p2(gd.totals.bonusSections!)}（总上限 ${gd.totals.bonusCap}）`);
    await shot('pools-results-totals.png');
    // The bonus view: the leaves add up to 6, the section leaves 5, within the period's cap.
    await d.locator('.ant-segmented-item').filter({ hasText: /^加分/ }).click();
    expect(await d.getByTestId('view-caption').innerText()).toBe(`加分 ${p2(gd.totals.bonus)} = 以下加分项合计 ${p2(gd.totals.bonusRaw)}，按各部分上限计 ${p2(gd.totals.bonusSections!)}`);
    await d.locator('.ant-segmented-item').filter({ hasText: '全部指标' }).click();
    // A pool child's detail names its pool and what it deducted.
    await d.getByTestId('points-1.1').click();
    const cell = d.getByTestId(`cell-${ids.get('1.1')}`);
    await cell.getByText('扣分池“基础工作”的扣分项：每发生 1 次扣 2 分，从本部分 20 分中扣减，扣完为止').waitFor();
    await cell.getByText('本项扣 10.00 分（从扣分池中扣减）').waitFor();
    await d.getByTestId('node-pool').scrollIntoViewIfNeeded();
    await shot('pools-results-floored.png');

    // HG-01: within the pool's points, the bonus within the section's cap.
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
    const hgResult = results.result.branches.find((b) => b.branchId === branch['HG-01'])!;
    await rows.filter({ hasText: 'HG-01' }).getByText('化工一厂第一党支部').click();
    await d.getByTestId('drawer-total').getByText(p2(hgResult.total)).waitFor();
    const hgPool = node(hg, '1');
    expect(await d.getByTestId('node-pool').innerText()).toBe(
      `本部分 ${said(hgPool.maxPoints)} 分，扣 ${said(hgPool.pool!.deducted)} 分：${said(hgPool.maxPoints)} − ${said(hgPool.pool!.deducted)} = ${said(hgPool.points!)} 分`,
    );
    expect(await d.getByTestId('node-pool').innerText()).toContain('20 − 3 = 17 分');
    expect(await d.getByTestId('points-1').innerText()).toBe('17.00');
    expect(await d.getByTestId('points-1.2').innerText()).toBe('0.00');
    expect(await d.getByTestId('node-bonuscap').innerText()).toBe('加分 3 分（本部分上限 5 分）');
    expect(await d.getByTestId('drawer-totals').innerText()).toContain(`加分项合计 ${p2(hg.totals.bonusRaw)}（上限 ${hg.totals.bonusCap}）`);
    // The party view: the pool stands for its children, so the list adds up to the subtotal.
    await d.locator('.ant-segmented-item').filter({ hasText: /^党建/ }).click();
    expect(await d.getByTestId('view-caption').innerText()).toContain(p2(hgResult.tags.party.points));
    expect(await d.getByTestId('points-1').innerText()).toBe('17.00');
    expect(await d.getByTestId('points-1.1').count()).toBe(0);
    await d.locator('.ant-segmented-item').filter({ hasText: '全部指标' }).click();
    await d.getByTestId('node-pool').scrollIntoViewIfNeeded();
    await shot('pools-results.png');
    expect(pageErrors).toEqual([]);
  });
});
