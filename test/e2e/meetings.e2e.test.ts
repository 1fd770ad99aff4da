/**
 * The review meeting in Chromium on the real services: a 考核会 with every
 * branch as 述职评议, the presenter view driven by the keyboard (→ ←, the
 * clock, R to reveal — the scores appear only after the reveal), a decision,
 * the minutes drafted from it, the publication; and live 述职评议 scoring on
 * a period still 评分中 (raters save through the services, the chair reveals
 * that one branch while the others stay hidden; a rater follows the meeting).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import type { Session } from '../../shared/domain/scoring';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';

const chromiumPath = chromiumForSuite();

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The smallest computed font size of any visible text inside `selector`. */
const smallestText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return 0;
    let min = Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const el = n.parentElement!;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  }, selector);

/** Nothing of the presenter's content falls outside the window (a projector at 1024×768 included). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.rpp *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > window.innerWidth + 1 || r.bottom > window.innerHeight + 1)) out.push(`${el.className}: ${el.textContent?.slice(0, 30)}`);
    }
    return out;
  });

describe.runIf(chromiumPath)('review meeting in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let periodId: number;
  let meetingId: number;

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    const sample = await value(harness.services.invoke('sample.create', { branches: 8, raters: 7 }));
    periodId = sample.period.id;
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${harness.url}#/meetings`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const presenter = () => page.getByTestId('presenter');
  const agendaRows = () => page.locator('[data-testid="agenda-panel"] .ant-table-tbody tr.ant-table-row');

  it('creates a 考核会 with the panel attending and every branch of the period as 述职评议', async () => {
    await page.getByText('本周期还没有评审会').waitFor();
    await page.getByRole('button', { name: '新建评审会' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新建评审会' });
    await expect.poll(() => dialog.getByLabel('会议名称').inputValue()).toMatch(/示例）考核会$/);
    await dialog.getByText('全体评委列为出席人员（7 位）').waitFor();
    await dialog.getByText('议程：本周期全部 8 个党支部依次述职评议').waitFor();
    await dialog.getByLabel('会议名称').fill('2026年度党支部书记述职评议考核会');
    await dialog.getByLabel('地点').fill('厂部三楼会议室');
    await dialog.getByLabel('主持人').fill('党委书记 王建国');
    await dialog.getByLabel('记录人').fill('组织部 李晓明');
    await page.screenshot({ path: artifactPath('meeting-create.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByTestId('meeting-page').waitFor();
    expect(await page.getByTestId('meeting-title').innerText()).toBe('2026年度党支部书记述职评议考核会');
    await expect.poll(() => agendaRows().count()).toBe(8);
    expect(await agendaRows().first().innerText()).toMatch(/1\s+SL-001 化工一厂生产运行党支部[\s\S]*述职评议[\s\S]*10 分钟 \/ —[\s\S]*(\d) \/ \1[\s\S]*未开始/);
    expect(await page.getByRole('tab', { name: /出席（7\/7）/ }).count()).toBe(1);
    meetingId = (await value(harness.services.invoke('meetings.list', { periodId })))[0]!.id;
  });

  it('reorders the agenda and adds an item of another kind', async () => {
    await page.getByRole('button', { name: '编辑议程' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑议程' });
    await dialog.getByText('共 8 项，计划 80 分钟').waitFor();
    await dialog.getByRole('button', { name: '添加其他议程' }).click();
    await dialog.getByPlaceholder('如 传达上级考核要求').fill('会议总结');
    // The second branch moves to the top.
    await dialog.getByRole('button', { name: '上移' }).nth(1).click();
    await dialog.getByRole('button', { name: '加入全部党支部述职评议' }).click();
    await page.getByText('本周期的党支部都已在议程中').waitFor();
    await page.screenshot({ path: artifactPath('meeting-agenda-editor.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: '保存议程' }).click();
    await page.getByText('议程已保存').waitFor();
    await expect.poll(() => agendaRows().count()).toBe(9);
    expect(await agendaRows().first().innerText()).toContain('SL-002');
    expect(await agendaRows().nth(1).innerText()).toContain('SL-001');
    expect(await agendaRows().last().innerText()).toContain('会议总结');
  });

  it('opens the presenter view: cover, → starts, → and ← move, the clock runs, scores stay hidden', async () => {
    await page.getByRole('button', { name: '演示视图' }).click();
    await page.waitForURL(/#\/present\//);
    await page.getByTestId('presenter-cover').waitFor();
    expect(await presenter().innerText()).toContain('按 → 开始会议');
    // No chrome: neither the sidebar nor the header of the app.
    expect(await page.locator('.ant-layout-sider, .rp-header').count()).toBe(0);
    await page.screenshot({ path: artifactPath('presenter-cover.png'), animations: 'disabled' });

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 1 / 9 项');
    expect(await page.getByTestId('presenter-item').innerText()).toMatch(/述职评议\s*SL-002\s*化工二厂生产运行党支部\s*支部书记：\S+\s*党员 \d+ 人/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 2 / 9 项');
    expect(await page.getByTestId('presenter-item').innerText()).toContain('SL-001');
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 3 / 9 项');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 2 / 9 项');
    await page.keyboard.press('PageUp');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 1 / 9 项');
    await page.keyboard.press('ArrowLeft'); // already on the first: says so
    await page.getByTestId('presenter-notice').getByText('已是第一项').waitFor();

    // The clock: elapsed against the plan.
    await expect.poll(() => page.getByTestId('presenter-clock').innerText()).toMatch(/^00:0\d \/ 10 分钟$/);
    expect(await page.getByTestId('presenter-clock').getAttribute('data-state')).toBe('ok');
    expect(await page.getByTestId('presenter-next').innerText()).toBe('下一项：SL-001 化工一厂生产运行党支部述职评议（10 分钟）');

    // Before the reveal: progress only, no figure, and the service refuses too.
    expect(await page.getByTestId('presenter-hidden').innerText()).toMatch(/评分进度：(\d) \/ \1 位评委已评完\s*按 R 揭晓得分/);
    expect(await page.getByTestId('presenter-total').count()).toBe(0);
    const meeting = await value(harness.services.invoke('meetings.get', { id: meetingId }));
    expect(await harness.services.invoke('meetings.itemResult', { itemId: meeting.currentItemId! })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await smallestText(page, '.rpp')).toBeGreaterThanOrEqual(28);
    await page.getByTestId('presenter-notice').waitFor({ state: 'detached' });
    // The meeting page's confirmations do not follow onto the projector.
    expect(await page.locator('.ant-message-notice').count()).toBe(0);
    await page.screenshot({ path: artifactPath('presenter.png'), animations: 'disabled' });
  });

  it('turns the clock orange past the plan and red well past it', async () => {
    const meeting = await value(harness.services.invoke('meetings.get', { id: meetingId }));
    const setSpent = (seconds: number) => harness.services.ctx.db.prepare('UPDATE agenda_item SET spent_seconds = ? WHERE id = ?').run(seconds, meeting.currentItemId);
    setSpent(11 * 60);
    await expect.poll(() => page.getByTestId('presenter-clock').getAttribute('data-state'), { timeout: 12_000 }).toBe('over');
    expect(await page.getByTestId('presenter-clock').innerText()).toMatch(/^11:\d\d \/ 10 分钟\s*已超时$/);
    expect(await page.locator('.rpp-clock-over b').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 169, 64)');
    setSpent(14 * 60);
    await expect.poll(() => page.getByTestId('presenter-clock').getAttribute('data-state'), { timeout: 12_000 }).toBe('late');
    expect(await page.locator('.rpp-clock-late b').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 120, 117)');
    setSpent(0);
    await expect.poll(() => page.getByTestId('presenter-clock').getAttribute('data-state'), { timeout: 12_000 }).toBe('ok');
  });

  it('R reveals the current branch: total, grade, subtotals, spread and outliers appear — and only for it', async () => {
    await page.keyboard.press('r');
    await page.getByTestId('presenter-result').waitFor();
    const total = await page.getByTestId('presenter-total').innerText();
    expect(total).toMatch(/^\d+\.\d\d$/);
    expect(await page.getByTestId('presenter-grade').innerText()).toMatch(/^(优秀|良好|一般|较差)$/);
    const text = await page.getByTestId('presenter-result').innerText();
    expect(text).toMatch(/第 \d 名 \/ 8/);
    expect(text).toMatch(/党建 \d+\.\d\d\s*\/ \d+\.\d\d/);
    expect(text).toMatch(/业务 \d+\.\d\d/);
    expect(text).toMatch(/融合 \d+\.\d\d/);
    expect(await page.getByTestId('presenter-spread').innerText()).toMatch(/评委总分：最高 [\d.]+\u3000最低 [\d.]+\u3000相差 [\d.]+\u3000标准差 [\d.]+（\d 位评委）/);
    expect(await page.getByTestId('presenter-outliers').innerText()).toMatch(/^(偏离较大|离中位数最远)：\S+ \d+\.\d\d/);
    expect(await smallestText(page, '.rpp')).toBeGreaterThanOrEqual(28);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('presenter-revealed.png'), animations: 'disabled' });

    // The services agree, for this branch only.
    const meeting = await value(harness.services.invoke('meetings.get', { id: meetingId }));
    const result = await value(harness.services.invoke('meetings.itemResult', { itemId: meeting.currentItemId! }));
    expect(result.total.toFixed(2)).toBe(total);
    expect(await harness.services.invoke('meetings.itemResult', { itemId: meeting.items[1]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const audit = await value(harness.services.invoke('audit.list', { periodId, entity: 'period', text: '揭晓' }));
    expect(audit.rows[0]).toMatchObject({ action: '评审会揭晓得分：SL-002 化工二厂生产运行党支部', actor: '管理员' });
  });

  it('fits a projector at 1024×768', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('presenter-result').waitFor();
    expect(await smallestText(page, '.rpp')).toBeGreaterThanOrEqual(28);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('presenter-revealed-1024.png'), animations: 'disabled' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 2 / 9 项');
    await page.getByTestId('presenter-hidden').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('presenter-1024.png'), animations: 'disabled' });
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('presenter-result').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('Esc leaves; the meeting page shows the reveal; a decision is recorded on the item', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-page').waitFor();
    expect(await agendaRows().first().innerText()).toMatch(/当前\s*已揭晓 \d+\.\d\d 分/);
    await agendaRows().first().getByText('得分与记录').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('item-result').waitFor();
    expect(await drawer.getByTestId('item-spread').innerText()).toMatch(/评委之间：最高/);
    await drawer.getByLabel('议定事项').fill('同意考评组意见；安全生产台账限12月底前完善');
    await drawer.getByLabel('记录').fill('书记述职12分钟，评委提问2个');
    await drawer.getByRole('button', { name: '保存记录' }).click();
    await page.getByText('已保存第 1 项的记录').waitFor();
    // Esc closes the drawer (focus is on its 保存记录 button); clicking ✕ can land on the confirmation toast.
    await page.keyboard.press('Escape');
    await drawer.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    // Away from the confirmation at the top (a message under the pointer stays).
    await page.mouse.move(10, 700);
    await expect.poll(() => agendaRows().first().innerText()).toContain('同意考评组意见');
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await page.screenshot({ path: artifactPath('meeting.png'), animations: 'disabled' });
  });

  it('drafts the minutes with attendance, the agenda and its decision, the results; edits and saves them', async () => {
    await page.getByRole('tab', { name: '会议纪要' }).click();
    await page.getByRole('button', { name: '生成纪要草稿' }).click();
    await page.getByText('已生成纪要草稿，请修改后保存').waitFor();
    const box = page.getByRole('textbox', { name: '会议纪要' });
    const text = await box.inputValue();
    expect(text).toContain('2026年度党支部书记述职评议考核会会议纪要');
    expect(text).toContain('地点：厂部三楼会议室');
    expect(text).toContain('主持人：党委书记 王建国');
    expect(text).toMatch(/出席：\S+[\s\S]*（共 7 人）/);
    expect(text).toContain('缺席：无');
    expect(text).toMatch(/1\. SL-002 化工二厂生产运行党支部述职评议[\s\S]*评议得分：[\d.]+ 分[\s\S]*议定：同意考评组意见；安全生产台账限12月底前完善\n {3}记录：书记述职12分钟，评委提问2个/);
    expect(text).toContain('9. 会议总结');
    expect(text).toMatch(/二、考核结果\n参评党支部 8 个。\n排名前列：/);
    expect(text).toMatch(/等次分布：优秀 \d 个/);
    expect(text).toMatch(/一票否决：/);
    await box.press('End');
    await box.press('Control+End');
    await page.keyboard.type('\n（经主持人审阅）');
    await page.getByRole('button', { name: '保存纪要' }).click();
    await page.getByText('纪要已保存', { exact: true }).waitFor();
    const stored = await value(harness.services.invoke('meetings.get', { id: meetingId }));
    expect(stored.minutesText).toContain('同意考评组意见');
    expect(stored.minutesText.endsWith('（经主持人审阅）')).toBe(true);
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await page.screenshot({ path: artifactPath('minutes.png'), animations: 'disabled' });
  });

  it('sets the publication dates and where objections go, then marks the results as published', async () => {
    await page.getByRole('tab', { name: '结果公示' }).click();
    await page.getByTestId('publication-state').getByText('未公示').waitFor();
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill('2026-11-25');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill('2026-12-01');
    await page.keyboard.press('Enter');
    await page.getByText('共 7 天').waitFor();
    await page.getByLabel('异议受理').fill('党委组织部（办公楼305室），电话 8123 4567');
    await page.getByRole('button', { name: '标记为已公示' }).click();
    await page.getByText('已标记为已公示').first().waitFor();
    await page.getByTestId('publication-state').getByText(/已于 \d{4}-\d\d-\d\d 标记为已公示/).waitFor();
    expect(await value(harness.services.invoke('periods.publication', { periodId }))).toMatchObject({
      publicityStart: '2026-11-25',
      publicityEnd: '2026-12-01',
      objectionContact: '党委组织部（办公楼305室），电话 8123 4567',
      publishedAt: expect.any(String),
    });
    await page.screenshot({ path: artifactPath('publication.png'), animations: 'disabled' });
    // The results screen shows the state too.
    await page.goto(`${harness.url}#/results`);
    await page.getByTestId('results-publication').getByText(/(公示中|已公示)（2026-11-25 至 2026-12-01）/).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: '返回评审会列表' }).waitFor();
  });

  it('lists the meeting with its state', async () => {
    await page.getByRole('button', { name: '返回评审会列表' }).click();
    const row = page.locator('.rp-page .ant-table-tbody tr.ant-table-row', { hasText: '2026年度党支部书记述职评议考核会' });
    await row.waitFor();
    // The list first paints what it had cached, then its refetch: wait for the meeting as it is now.
    await expect.poll(() => row.innerText()).toMatch(/考核会[\s\S]*厂部三楼会议室[\s\S]*党委书记 王建国[\s\S]*9 项\s+已揭晓 1[\s\S]*7 \/ 7 人[\s\S]*进行中/);
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await page.screenshot({ path: artifactPath('meetings-list.png'), animations: 'disabled' });
    // The meeting page on a 1024×768 screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    await row.getByText('打开').click();
    await page.getByTestId('agenda-panel').waitFor();
    await page.screenshot({ path: artifactPath('meeting-1024.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  describe('live 述职评议 while the period is 评分中', () => {
    let livePeriod: number;
    let liveMeeting: number;
    let raters: number[];
    let leaves: Indicator[];
    let branches: number[];

    /** A rater's sheet for one branch: every leaf the panel scores, ratings at `share` of their points. */
    const entriesFor = (branchId: number, share: number) =>
      leaves
        .filter((l) => l.method && l.method.kind !== 'quantitative')
        .map((l) => {
          const m = l.method!;
          const value = m.kind === 'rating' ? Math.floor((l.maxPoints * share) / m.step) * m.step : m.kind === 'level' ? (share > 0.8 ? 0 : 1) : 0;
          return { branchId, indicatorId: l.id, value };
        });

    async function as<T>(session: Session, fn: () => Promise<T>): Promise<T> {
      const inv = harness.services.invoke;
      if (session.kind === 'rater') await value(inv('session.signInRater', { periodId: session.periodId, raterId: session.raterId }));
      try {
        return await fn();
      } finally {
        await value(inv('session.signInAdmin', {}));
      }
    }

    beforeAll(async () => {
      const inv = harness.services.invoke;
      const fw = await value(inv('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } }));
      const all = await value(inv('branches.list', {}));
      branches = all.slice(0, 3).map((b) => b.id);
      const period = await value(inv('periods.create', { name: '2027年度考核', year: 2027, kind: 'annual', frameworkId: fw.id, branchIds: branches }));
      livePeriod = period.id;
      const group = await value(inv('panel.saveGroup', { periodId: livePeriod, name: '考评组', weight: 1 }));
      raters = [];
      for (const name of ['赵国庆', '钱丽华', '孙振华', '李文斌', '周桂兰']) raters.push((await value(inv('panel.saveRater', { periodId: livePeriod, groupId: group.id, name }))).id);
      await value(inv('periods.advance', { id: livePeriod, to: 'scoring' }));
      leaves = (await value(inv('frameworks.get', { id: fw.id }))).indicators;
      const meeting = await value(
        inv('meetings.save', { periodId: livePeriod, kind: 'assessment', title: '2027年度述职评议会', date: '2027-12-20', startTime: '14:30', withPanel: true, withAllBranches: true }),
      );
      liveMeeting = meeting.id;
      await value(inv('meetings.start', { id: liveMeeting }));
      await value(inv('app.setCurrentPeriod', { periodId: livePeriod }));
    });

    it('raters score the reporting branch during the meeting; the chair reveals it; the other branches stay hidden', async () => {
      // Each rater signs in on the shared PC, sees which branch is reporting, and scores it.
      const shares = [0.9, 0.85, 0.88, 0.86, 0.5];
      for (const [i, raterId] of raters.entries()) {
        await as({ kind: 'rater', periodId: livePeriod, raterId, name: '' }, async () => {
          const follow = await value(harness.services.invoke('meetings.current', { periodId: livePeriod }));
          expect(follow?.item?.branch?.id).toBe(branches[0]);
          await value(harness.services.invoke('scoring.save', { periodId: livePeriod, raterId, entries: entriesFor(branches[0]!, shares[i]!) }));
          expect(await harness.services.invoke('meetings.itemResult', { itemId: follow!.item!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        });
      }
      // Scores of another branch exist too, but nobody sees them.
      await as({ kind: 'rater', periodId: livePeriod, raterId: raters[0]!, name: '' }, () =>
        value(harness.services.invoke('scoring.save', { periodId: livePeriod, raterId: raters[0]!, entries: entriesFor(branches[1]!, 0.7) })),
      );

      await page.goto(`${harness.url}#/present/${liveMeeting}`);
      await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 1 / 3 项');
      expect(await page.getByTestId('presenter-hidden').innerText()).toContain('评分进度：5 / 5 位评委已评完');
      await page.keyboard.press('R');
      await page.getByTestId('presenter-result').waitFor();
      // 评分中: no grade, no rank (they depend on every branch), but the total, subtotals, spread and outliers.
      expect(await page.getByTestId('presenter-grade').count()).toBe(0);
      expect(await page.getByTestId('presenter-result').innerText()).not.toMatch(/第 \d+ 名/);
      expect(await page.getByTestId('presenter-spread').innerText()).toContain('（5 位评委）');
      // The projector names no rater unless the period says so: 评委5 is 周桂兰's place in the panel.
      expect(await page.getByTestId('presenter-outliers').innerText()).toMatch(/^偏离较大：评委5 \d+\.\d\d$/);
      expect(await page.getByTestId('presenter-result').innerText()).not.toContain('周桂兰');
      await page.screenshot({ path: artifactPath('presenter-live.png'), animations: 'disabled' });
      // A panel that agreed to be named turns the period setting on.
      const named = await value(harness.services.invoke('periods.get', { id: livePeriod }));
      await value(
        harness.services.invoke('periods.update', { id: livePeriod, name: named.name, year: named.year, kind: named.kind, settings: { ...named.settings, presenterNames: true } }),
      );
      // Revealed items stay revealed: the reloaded presenter shows the result again, now with the name.
      await page.reload();
      await expect.poll(() => page.getByTestId('presenter-outliers').innerText()).toMatch(/^偏离较大：周桂兰 \d+\.\d\d$/);

      const meeting = await value(harness.services.invoke('meetings.get', { id: liveMeeting }));
      expect(await harness.services.invoke('meetings.itemResult', { itemId: meeting.items[1]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await harness.services.invoke('results.get', { periodId: livePeriod })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('presenter-position').innerText()).toBe('第 2 / 3 项');
      expect(await page.getByTestId('presenter-hidden').innerText()).toContain('评分进度：1 / 5 位评委已评完');
      expect(await page.getByTestId('presenter-total').count()).toBe(0);
    });

    it('a rater signed in on the shared PC follows the meeting to the branch now reporting', async () => {
      const reporting = (await value(harness.services.invoke('branches.list', {}))).find((b) => b.id === branches[1])!;
      await value(harness.services.invoke('session.signInRater', { periodId: livePeriod, raterId: raters[1]! }));
      try {
        await page.goto(`${harness.url}#/meetings`);
        await page.getByTestId('follow-view').waitFor();
        await expect.poll(() => page.getByTestId('follow-item').innerText()).toContain('述职评议');
        expect(await page.getByTestId('follow-item').innerText()).toBe(`${reporting.code} ${reporting.name}述职评议`);
        await page.getByTestId('follow-progress').waitFor();
        await page.screenshot({ path: artifactPath('meeting-follow.png'), animations: 'disabled' });
      } finally {
        await value(harness.services.invoke('session.signInAdmin', {}));
      }
    });
  });

  it('had no errors on the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
