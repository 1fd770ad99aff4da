/**
 * The gated steps in Chromium on the real services: 进入评审 on a partly
 * scored period (60 branches × 9 raters, two raters not started, one part
 * way, business data missing for two branches) shows exactly what is
 * missing, refuses to go on without a reason and goes on with one; the
 * results screen then lists the override and says what the provisional
 * figures lack. A complete period confirms simply, and a refusal that arrives
 * because data was removed meanwhile shows the fresh lists.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '../../shared/domain/readiness';
import type { Period } from '../../shared/domain/views';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const PARTLY = '2027年度融合考评（补录中）';
const REASON = '第三评委组两位评委因公出差，经领导小组同意先行评审';

describe.runIf(chromiumPath)('gated steps in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let sample: Period;
  let partly: Period;
  let missing: Readiness;
  let meetingId: number;
  const pageErrors: string[] = [];

  const inv: Harness['services']['invoke'] = (method, input) => harness.services.invoke(method, input);

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // A complete sample period (评审中), and a second period on the same framework and panel, scored only in part.
    sample = (await value(inv('sample.create', { branches: 60, raters: 9 }))).period;
    partly = await value(
      inv('periods.create', { name: PARTLY, year: 2027, kind: 'annual', frameworkId: sample.frameworkId, branchIds: null, copyPanelFrom: sample.id, settings: sample.settings }),
    );
    await value(inv('periods.advance', { id: partly.id, to: 'scoring' }));
    const from = await value(inv('panel.get', { periodId: sample.id }));
    const to = await value(inv('panel.get', { periodId: partly.id }));
    expect(to.raters).toHaveLength(9);
    const branchCodes = (await value(inv('results.get', { periodId: sample.id }))).result.branches.map((b) => ({ id: b.branchId, code: b.code }));
    const sorted = branchCodes.sort((a, b) => a.code.localeCompare(b.code)).map((b) => b.id);
    for (const [i, rater] of from.raters.entries()) {
      if (i >= 7) continue; // the last two raters have not started
      const target = to.raters.find((r) => r.name === rater.name)!;
      const sheet = await value(inv('scoring.sheet', { periodId: sample.id, raterId: rater.id }));
      // The first rater has left three branches open.
      const entries = sheet.entries
        .filter((e) => i !== 0 || !sorted.slice(0, 3).includes(e.branchId))
        .map((e) => ({ raterId: target.id, branchId: e.branchId, indicatorId: e.indicatorId, value: e.value, detail: e.detail }));
      for (let at = 0; at < entries.length; at += 2000) await value(inv('entries.save', { periodId: partly.id, entries: entries.slice(at, at + 2000) }));
    }
    // Business data for all but the first two branches.
    const rows = (await value(inv('measurements.list', { periodId: sample.id })))
      .filter((r) => r.actual !== null && r.target !== null && !sorted.slice(0, 2).includes(r.branchId))
      .map((r) => ({ branchId: r.branchId, indicatorId: r.indicatorId, target: r.target!, actual: r.actual, floor: r.floor, source: r.source }));
    for (let at = 0; at < rows.length; at += 1000) await value(inv('measurements.save', { periodId: partly.id, rows: rows.slice(at, at + 1000) }));

    missing = await value(inv('periods.readiness', { periodId: partly.id, step: 'review' }));
    expect(missing.complete).toBe(false);
    expect(missing.missingCells).toBeGreaterThan(0);
    expect(missing.measurements.length).toBeGreaterThan(0);
    await value(inv('app.setCurrentPeriod', { periodId: partly.id }));
    await page.goto(`${harness.url}#/periods`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const rowOf = (text: string) => page.locator('.rp-page .ant-table-tbody tr.ant-table-row', { hasText: text });
  const dialog = () => page.locator('.rp-gate');
  // The confirm dialog also keeps a hidden copy of its title for the dialog's accessible name.
  const title = () => page.locator('.rp-gate .ant-modal-confirm-title');
  const status = async (id: number) => (await value(inv('periods.get', { id }))).status;

  it('shows what 进入评审 would leave missing, per rater and per branch', async () => {
    await rowOf(PARTLY).getByText('进入评审').click();
    await expect
      .poll(() => title().innerText())
      .toBe(`进入评审前还缺：${missing.missingCells} 项评分、${missing.measurements.length} 项业务数据`);
    const raters = dialog().getByTestId('gate-rater');
    // Three raters with gaps: the two who have not started (every branch they are not recused from) and the first (3 branches).
    expect(await raters.count()).toBe(3);
    const lines = await raters.allInnerTexts();
    const byRater = new Map<number, { name: string; branches: number; cells: number }>();
    for (const s of missing.scores) {
      const r = byRater.get(s.raterId) ?? { name: s.raterName, branches: 0, cells: 0 };
      byRater.set(s.raterId, { ...r, branches: r.branches + 1, cells: r.cells + s.cells });
    }
    expect(lines).toEqual([...byRater.values()].map((r) => `${r.name} — ${r.branches} 个支部共 ${r.cells} 项`));
    expect(lines.filter((l) => l.includes('— 3 个支部'))).toHaveLength(1);
    // 业务数据: the two branches, each with its indicators.
    expect(await dialog().getByTestId('gate-measurement').count()).toBe(2);
    await dialog().getByText(`业务数据：2 个支部共缺 ${missing.measurements.length} 项`).waitFor();
    await dialog().getByText('前往评分进度').waitFor();
    await dialog().getByText('前往业务数据').waitFor();
    // A rater folds open to their branches.
    await raters.filter({ hasText: '— 3 个支部' }).click();
    const first = missing.scores.find((s) => byRater.get(s.raterId)!.branches === 3)!;
    await dialog().getByText(`${first.branchCode} ${first.branchName}：${first.cells} 项`).waitFor();
    await page.screenshot({ path: artifactPath('gate-review-missing.png'), animations: 'disabled' });

    // The dialog and its buttons stay inside a 1366×768 window; the lists scroll.
    const box = await page.locator('.rp-gate .ant-modal-container, .rp-gate .ant-modal-content').first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await raters.nth(1).click();
    await raters.nth(2).click();
    // Two full branch lists do not fit: the lists scroll, the dialog does not grow.
    const lists = page.getByTestId('gate-missing');
    await expect.poll(() => lists.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(500);
    const footer = await dialog().getByRole('button', { name: '仍要进入评审' }).boundingBox();
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(768);
  });

  it('refuses to go on without a reason', async () => {
    const go = dialog().getByRole('button', { name: '仍要进入评审' });
    expect(await go.isDisabled()).toBe(true);
    await dialog().getByTestId('gate-override-check').click();
    await go.click();
    await dialog().getByTestId('gate-reason-problem').getByText('请写明继续的原因（至少 2 个字）').waitFor();
    await dialog().getByLabel('继续的原因').fill('差');
    await go.click();
    await dialog().getByTestId('gate-reason-problem').waitFor();
    expect(await status(partly.id)).toBe('scoring');
    expect(await value(inv('periods.overrides', { periodId: partly.id }))).toEqual([]);
  });

  it('goes on with a reason, which is recorded with what was missing', async () => {
    await dialog().getByLabel('继续的原因').fill(REASON);
    await page.screenshot({ path: artifactPath('gate-review-reason.png'), animations: 'disabled' });
    await dialog().getByRole('button', { name: '仍要进入评审' }).click();
    await page.getByText(`“${PARTLY}”已进入评审`).waitFor();
    await dialog().waitFor({ state: 'detached' });
    expect(await status(partly.id)).toBe('review');
    const overrides = await value(inv('periods.overrides', { periodId: partly.id }));
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({ step: 'review', reason: REASON, missing: { cells: missing.missingCells, measurements: missing.measurements.length, agendaItems: 0 } });
  });

  it('lists the override on the results screen and says what the provisional figures lack', async () => {
    const [o] = await value(inv('periods.overrides', { periodId: partly.id }));
    await page.getByRole('menuitem', { name: '结果' }).click();
    const banner = page.getByTestId('results-overrides');
    await banner.waitFor();
    const day = await page.evaluate((at) => {
      const d = new Date(at);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, o!.at);
    expect(await banner.innerText()).toContain(
      `${day} ${o!.actor} 在仍缺 ${missing.missingCells} 项评分、${missing.measurements.length} 项业务数据时进入评审，原因：${REASON}`,
    );
    await expect
      .poll(() => page.getByTestId('results-completeness').innerText())
      .toContain(`暂定：还缺 ${missing.missingCells} 项评分、${missing.measurements.length} 项业务数据`);
    await page.screenshot({ path: artifactPath('gate-results-override.png'), animations: 'disabled' });
  });

  it('gates 标记为已公示 the same way, and the results list both overrides', async () => {
    const meeting = await value(
      inv('meetings.save', { periodId: partly.id, kind: 'assessment', title: '2027年度考核评审会', date: '2027-12-20', withAllBranches: true }),
    );
    meetingId = meeting.id;
    await value(inv('meetings.start', { id: meetingId }));
    await page.goto(`${harness.url}#/meetings/${meetingId}`);
    await page.getByRole('tab', { name: '结果公示' }).click();
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill('2027-12-21');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill('2027-12-27');
    await page.keyboard.press('Enter');
    await page.getByLabel('异议受理').fill('党委组织部（办公楼305室），电话 8123 4567');
    await page.getByRole('button', { name: '标记为已公示' }).click();
    // Publishing does not wait for the meeting's agenda: scores and business data only.
    await expect.poll(() => title().innerText()).toBe(`标记为已公示前还缺：${missing.missingCells} 项评分、${missing.measurements.length} 项业务数据`);
    expect(await dialog().getByTestId('gate-agenda').count()).toBe(0);
    await dialog().getByTestId('gate-override-check').click();
    await dialog().getByLabel('继续的原因').fill('按党委安排如期公示');
    await dialog().getByRole('button', { name: '仍要标记为已公示' }).click();
    await page.getByText('已标记为已公示').first().waitFor();
    expect((await value(inv('periods.publication', { periodId: partly.id }))).publishedAt).not.toBeNull();
    const overrides = await value(inv('periods.overrides', { periodId: partly.id }));
    expect(overrides.map((o) => [o.step, o.reason])).toEqual([
      ['review', REASON],
      ['publish', '按党委安排如期公示'],
    ]);

    await page.getByRole('menuitem', { name: '结果' }).click();
    await expect.poll(() => page.getByTestId('results-overrides').locator('li').count()).toBe(2);
    expect(await page.getByTestId('results-overrides').locator('li').nth(1).innerText()).toContain('时标记为已公示，原因：按党委安排如期公示');
  });

  it('lists the meeting items not dealt with before 定稿, with the way to the meeting', async () => {
    const finalise = await value(inv('periods.readiness', { periodId: partly.id, step: 'finalise' }));
    expect(finalise.agenda.length).toBeGreaterThan(0);
    await page.getByRole('menuitem', { name: '考核周期' }).click();
    await rowOf(PARTLY).getByText('定稿', { exact: true }).click();
    await expect
      .poll(() => title().innerText())
      .toBe(`定稿前还缺：${finalise.missingCells} 项评分、${finalise.measurements.length} 项业务数据、${finalise.agenda.length} 个议程事项`);
    await dialog().getByText(`议程：${finalise.agenda.length} 个事项未办结`).waitFor();
    expect(await dialog().getByTestId('gate-agenda').count()).toBe(finalise.agenda.length);
    expect(await dialog().getByTestId('gate-agenda').first().innerText()).toBe(`${finalise.agenda[0]!.title} — 评分未揭晓`);
    await page.screenshot({ path: artifactPath('gate-finalise-agenda.png'), animations: 'disabled' });
    await dialog().getByText('前往评审会').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => page.url()).toContain(`#/meetings/${meetingId}`);
    expect(await status(partly.id)).toBe('review');
  });

  it('confirms simply on a complete period, with no 暂定 and no override on its results', async () => {
    await value(inv('app.setCurrentPeriod', { periodId: sample.id }));
    await page.goto(`${harness.url}#/results`);
    await page.reload(); // the current period was switched behind the screen's back
    await page.getByTestId('results-period').getByText(sample.name).waitFor();
    await expect.poll(() => page.getByTestId('results-completeness').innerText()).toContain('评分已全部录入');
    expect(await page.getByText('暂定').count()).toBe(0);
    expect(await page.getByTestId('results-overrides').count()).toBe(0);

    await page.goto(`${harness.url}#/periods`);
    await rowOf(sample.name).getByText('定稿', { exact: true }).click();
    await expect.poll(() => title().innerText()).toBe(`定稿：“${sample.name}”？`);
    await dialog().getByText('评分和业务数据已全部录入，评审会议程均已办结。').waitFor();
    await page.screenshot({ path: artifactPath('gate-finalise-complete.png'), animations: 'disabled' });
    expect(await dialog().getByTestId('gate-missing').count()).toBe(0);
    expect(await dialog().getByTestId('gate-override-check').count()).toBe(0);
  });

  it('shows the fresh lists when data was removed while the dialog was open', async () => {
    const sheet = await value(inv('panel.get', { periodId: sample.id }));
    const rater = sheet.raters[0]!;
    const entry = (await value(inv('scoring.sheet', { periodId: sample.id, raterId: rater.id }))).entries[0]!;
    await value(inv('entries.save', { periodId: sample.id, entries: [{ raterId: rater.id, branchId: entry.branchId, indicatorId: entry.indicatorId, value: null }], reason: '核对更正' }));

    await dialog().getByRole('button', { name: '定稿', exact: true }).click();
    await dialog().getByTestId('gate-changed').waitFor();
    await expect.poll(() => title().innerText()).toBe('定稿前还缺：1 项评分');
    expect(await dialog().getByTestId('gate-rater').innerText()).toBe(`${rater.name} — 1 个支部共 1 项`);
    await page.screenshot({ path: artifactPath('gate-finalise-changed.png'), animations: 'disabled' });
    expect(await status(sample.id)).toBe('review');
    await dialog().getByRole('button', { name: '取消' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
