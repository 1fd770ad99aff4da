/**
 * The results screen in Chromium on the real services: the sample period's
 * ranking must print exactly what the engine computed, every figure opens
 * what produced it, and the panel tab shows the engine's agreement figures.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodResults } from '../../shared/domain/views';
import type { BranchExplanation, PanelStatistics } from '../../shared/engine';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

/** Half away from zero to 0.01, printed with 2 decimals: how the screen prints points. */
const points = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 * (1 + 4 * Number.EPSILON))) / 100;
const p2 = (x: number) => points(x).toFixed(2);

describe.runIf(chromiumPath)('results screen in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let periodId: number;
  let expected: PeriodResults;
  const pageErrors: string[] = [];


  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const rows = () => page.locator('.rp-page .rpr-ranking .ant-table-tbody tr.ant-table-row');
  const rowOf = (code: string) => rows().filter({ hasText: code });
  const drawer = () => page.getByRole('dialog');

  it('says what to do when there is no period yet', async () => {
    await page.goto(`${harness.url}#/results`);
    await page.getByText('还没有考核周期').waitFor();
    expect(await page.getByRole('button', { name: '前往考核周期' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '载入示例数据' }).count()).toBe(1);
  });

  it('ranks the sample period exactly as the engine does', async () => {
    const sample = await value(harness.services.invoke('sample.create', { branches: 12, raters: 7 }));
    periodId = sample.period.id;
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId }));
    // 7 raters split 4/2/1 over the sample's three groups: no group reaches trimMinRaters 5. Lower it to 4
    // so the largest group (考评组) drops its highest and lowest score, as a period with a bigger panel would.
    const period = sample.period;
    expect(period.settings.combine).toBe('trimmed');
    await value(
      harness.services.invoke('periods.update', {
        id: periodId,
        name: period.name,
        year: period.year,
        kind: period.kind,
        settings: { ...period.settings, trimMinRaters: 4 },
      }),
    );
    expected = await value(harness.services.invoke('results.get', { periodId }));
    expect(expected.result.branches).toHaveLength(12);

    await page.reload();
    await rows().first().waitFor();
    expect(await rows().count()).toBe(12);
    await page.getByTestId('results-period').getByText(period.name).waitFor();
    expect(await page.getByTestId('results-completeness').innerText()).toContain('评分已全部录入');

    // Every row: 名次, 编码, 总分 and 等次 as the engine computed them, in rank order.
    const shown = await rows().evaluateAll((trs) =>
      trs.map((tr) => ({
        rank: tr.querySelector('[data-testid="rank"]')?.textContent ?? '',
        code: tr.querySelectorAll('td')[1]?.textContent ?? '',
        total: tr.querySelector('[data-testid^="total-"]')?.textContent ?? '',
        grade: tr.querySelector('[data-grade]')?.getAttribute('data-grade') ?? '',
      })),
    );
    expect(shown).toEqual(
      expected.result.branches.map((b) => ({ rank: String(b.rank), code: b.code, total: p2(b.total), grade: b.grade })),
    );
    // A few rows in full, read as the user reads them.
    for (const b of [expected.result.branches[0]!, expected.result.branches[5]!, expected.result.branches[10]!]) {
      const text = await rowOf(b.code).innerText();
      expect(text).toContain(b.name);
      expect(text).toContain(p2(b.tags.party.points));
      expect(text).toContain(p2(b.tags.business.points));
      expect(text).toContain(p2(b.tags.fusion.points));
      expect(text).toContain(b.quadrant ?? '—');
    }

    // The quota: 20% of 12 → 2 places of 优秀; the others above 90 moved down, as the summary says.
    const quota = expected.result.quotas[0]!;
    expect(quota.allowed).toBe(2);
    expect(await page.getByText(`优秀名额 ${quota.allowed} 个`).count()).toBe(1);
    if (quota.movedBranchIds.length)
      expect(await page.getByTestId('results-quota-moved').innerText()).toBe(`${quota.movedBranchIds.length} 个支部因名额调整为良好`);
  });

  it('flags the vetoed branch, names the veto item, and ranks it last', async () => {
    const vetoed = expected.result.branches.filter((b) => b.vetoed);
    expect(vetoed).toHaveLength(1);
    const v = vetoed[0]!;
    await page.screenshot({ path: artifactPath('results.png'), animations: 'disabled' });
    const last = rows().last();
    expect(await last.innerText()).toContain(v.code);
    expect(await last.locator('[data-testid="rank"]').innerText()).toBe('12');
    expect(await rows().locator('[data-testid="veto-flag"]').count()).toBe(1);
    const vetoItem = expected.indicators.find((i) => i.id === v.vetoIndicatorIds[0])!.name;
    await last.getByTestId('veto-flag').hover();
    await page.getByRole('tooltip').filter({ hasText: `因“${vetoItem}”被一票否决，最高只能评为较差` }).waitFor();
    await page.mouse.move(0, 0);

    // The flag opens the branch at the veto item, explaining the cap in words.
    await last.getByTestId('veto-flag').click();
    await drawer().getByText(`因“${vetoItem}”被一票否决，最高只能评为较差`).first().waitFor();
    await drawer().getByTestId(`cell-${v.vetoIndicatorIds[0]}`).getByText(/已触发：最高只能评为较差/).waitFor();
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('opens a branch, explains its grade, and shows every rater’s entry with the trimmed ones struck through', async () => {
    // The branch the quota moved down (or else the top one): its drawer must say why.
    const movedId = expected.result.quotas[0]!.movedBranchIds[0];
    const b = expected.result.branches.find((x) => x.branchId === movedId) ?? expected.result.branches[0]!;
    await rowOf(b.code).getByText(b.name).click();
    const d = drawer();
    await d.getByTestId('drawer-total').getByText(p2(b.total)).waitFor();
    const steps = await d.getByTestId('grade-steps').innerText();
    expect(steps).toContain(`总分 ${p2(b.total)}，按分数线为优秀（≥90）`);
    if (movedId) expect(steps).toContain(`本周期优秀名额 2 个，本支部排第 ${b.rank} 名，超出名额，按名次调整为良好`);
    expect(steps).toContain(`最终等次：${b.grade}`);

    // A rating leaf scored by every rater: 1.2 贯彻上级决策部署.
    const leaf = expected.indicators.find((i) => i.code === '1.2')!;
    const explanation: BranchExplanation = await value(harness.services.invoke('results.explain', { periodId, branchId: b.branchId }));
    const cell = explanation.cells.find((c) => c.indicatorId === leaf.id)!;
    await d.getByTestId('points-1.2').click();
    const detail = d.getByTestId(`cell-${leaf.id}`);
    await detail.waitFor();
    const raterName = new Map(expected.raters.map((r) => [r.id, r.name]));
    for (const group of cell.groups) {
      const box = detail.getByTestId(`group-${group.groupId}`);
      for (const s of group.scores) {
        const row = box.locator('tr', { hasText: raterName.get(s.raterId)! });
        expect(await row.innerText()).toContain(p2(s.points));
        if (s.dropped) {
          expect(await row.innerText()).toContain(s.dropped === 'highest' ? '去掉最高分' : '去掉最低分');
          expect(await row.locator('.rpr-strike').count()).toBeGreaterThan(0);
        } else {
          expect(await row.locator('.rpr-strike').count()).toBe(0);
        }
      }
    }
    // The 4-rater group drops two; the smaller groups keep every score.
    const big = cell.groups.find((g) => g.scores.length >= 4)!;
    expect(big.trimmed).toBe(true);
    expect(await detail.getByTestId(`group-${big.groupId}`).getByTestId('dropped').count()).toBe(2);
    expect(await detail.getByTestId('cell-combined').innerText()).toContain(`本项得分 ${p2(cell.value!)}`);
    await detail.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('results-drawer.png'), animations: 'disabled' });

    // The 党建 figure opens the party leaves whose points make it up.
    await d.getByText(`党建 ${p2(b.tags.party.points)}`, { exact: true }).click();
    expect(await d.getByTestId('view-caption').innerText()).toContain(`党建得分 ${p2(b.tags.party.points)} / 34`);
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('shows the panel’s agreement equal to the engine’s, and opens a disputed cell at its leaf', async () => {
    const panel: PanelStatistics = await value(harness.services.invoke('results.panel', { periodId }));
    await page.getByRole('tab', { name: '评委一致性' }).click();
    await page.getByTestId('icc-value').waitFor();
    expect(panel.icc).not.toBeNull();
    expect(panel.kendallW).not.toBeNull();
    expect(await page.getByTestId('icc-value').innerText()).toBe(panel.icc!.value.toFixed(4));
    expect(await page.getByTestId('kendall-w-value').innerText()).toBe(panel.kendallW!.value.toFixed(4));
    expect(await page.getByTestId('kendall-w').innerText()).toMatch(/评委排序(高度一致|较一致|较分散)/);
    // Raters table: one row per rater; the disputed cells in the engine's order.
    expect(await page.getByTestId('panel-raters').locator('tbody tr.ant-table-row').count()).toBe(7);
    const disputedRows = page.getByTestId('panel-disputed').locator('tbody tr.ant-table-row');
    expect(await disputedRows.count()).toBe(panel.disputed.length);
    await page.getByText('分歧较大的评分').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('results-panel.png'), animations: 'disabled' });

    const first = panel.disputed[0]!;
    await disputedRows.first().click();
    await drawer().getByTestId(`cell-${first.indicatorId}`).waitFor();
    for (const e of first.entries) expect(await drawer().getByTestId(`cell-${first.indicatorId}`).innerText()).toContain(p2(e.points));
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('marks results provisional while entries are missing, and shows which', async () => {
    const b = expected.result.branches[0]!;
    const leaf = expected.indicators.find((i) => i.code === '1.2')!;
    const rater = expected.raters[1]!;
    await value(
      harness.services.invoke('entries.save', {
        periodId,
        reason: '核对纸质评分表',
        entries: [{ raterId: rater.id, branchId: b.branchId, indicatorId: leaf.id, value: null }],
      }),
    );
    await page.getByRole('tab', { name: '排名与等次' }).click();
    await page.reload();
    // The note says what is missing (counted as the gate counts it), not just that something is.
    await page.getByText('暂定：还缺 1 项评分').waitFor();
    await rowOf(b.code).getByText('缺1项').click();
    await drawer().getByText('本支部还缺 1 项评分，以上结果为暂定').waitFor();
    await drawer().getByTestId(`points-1.2`).click();
    await drawer().getByTestId('cell-missing').getByText(`未评：${rater.name}`).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
