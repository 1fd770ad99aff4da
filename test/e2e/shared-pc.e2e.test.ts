/**
 * The shared PC in Chromium on the real services (issue 9 §1): a rater never
 * sees an office screen, whatever address is typed; a rater left idle is
 * signed out without losing what they were typing (the page's clock is
 * driven by Playwright, so a minute passes at once); 完成评分 signs the rater
 * out, while the admin confirming a paper sheet stays; and typing a paper
 * sheet (代录) while scoring is open shows that one rater's sheet only.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import type { Session } from '../../shared/domain/scoring';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { sharedPcPeriod } from '../helpers/e2e-panel';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('the shared PC in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let periodId: number;
  let wang: number;
  let li: number;
  let leaves: Indicator[];

  /** Runs service calls as the admin (the harness shares one session with the page), then puts the page's session back. */
  async function asAdmin<T>(fn: () => Promise<T>): Promise<T> {
    const saved: Session = harness.services.ctx.session;
    harness.services.ctx.session = { kind: 'admin' };
    try {
      return await fn();
    } finally {
      harness.services.ctx.session = saved;
    }
  }
  /** A rater's stored entries as { 'leaf|branch': value }. */
  async function stored(raterId: number) {
    const sheet = await asAdmin(() => value(harness.services.invoke('scoring.sheet', { periodId, raterId })));
    const code = new Map(sheet.branches.map((b) => [b.id, b.code]));
    const leafCode = new Map(sheet.indicators.map((i) => [i.id, i.code]));
    return Object.fromEntries(sheet.entries.map((e) => [`${leafCode.get(e.indicatorId)}|${code.get(e.branchId)}`, e.value]));
  }
  const progressOf = (raterId: number) =>
    asAdmin(() => value(harness.services.invoke('scoring.progress', { periodId }))).then((p) => p.raters.find((r) => r.raterId === raterId)!);

  const input = () => page.getByTestId('cell-input');
  const signIn = () => page.getByTestId('sign-in');
  const signedOut = () => page.getByTestId('signed-out');
  const hashPath = () => page.evaluate(() => location.hash.replace(/^#/, '').split('?')[0]);
  const sidebar = () => page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();
  /** Typing an address into the window (a deep link, a bookmark): only the hash changes, as in the app. */
  const typeAddress = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
  const quiet = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
  async function signInAs(name: RegExp) {
    await signIn().getByRole('button', { name }).click();
  }

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    ({ periodId, wang, li, leaves } = await sharedPcPeriod(harness));

    browser = await launchChromium(chromiumPath!);
    // The page's clock is Playwright's: time flows as usual, and jumps ahead when the idle test says so.
    await browser.clock.install();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    harness.services.ctx.session = { kind: 'none' };
    await page.goto(`${harness.url}#/scoring`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('nobody signed in: every address lands on the sign-in screen, and the sidebar offers only 评分', async () => {
    await signIn().waitFor();
    for (const hash of ['#/results', '#/raters', '#/safety', '#/', '#/meetings', '#/present/1']) {
      await typeAddress(hash);
      await expect.poll(hashPath, { message: hash }).toBe('/scoring');
      await signIn().waitFor();
    }
    expect(await sidebar()).toEqual(['评分']);
  });

  it('a rater who types an office address (#/results) lands on their own sheet, with a notice; the sidebar offers 评分 and 评审会 only', async () => {
    await signInAs(/王建国/);
    await input().waitFor();
    expect(await sidebar()).toEqual(['评分', '评审会']);

    await typeAddress('#/results');
    await expect.poll(hashPath).toBe('/scoring');
    await page.getByText('评委只能使用评分和评审会页面，已回到您的评分表').waitFor();
    await input().waitFor();
    expect(await page.locator('.rp-content').innerText()).not.toContain('评审结果');
    await page.screenshot({ path: artifactPath('shared-pc-refused.png'), animations: 'disabled' });

    for (const hash of ['#/raters', '#/data', '#/safety', '#/periods/1', '#/meetings/1', '#/present/1', '#/no-such-page']) {
      await typeAddress(hash);
      await expect.poll(hashPath, { message: hash }).toBe('/scoring');
    }
    // The meeting's follow view is the rater's.
    await typeAddress('#/meetings');
    await page.waitForTimeout(300);
    expect(await hashPath()).toBe('/meetings');
    await typeAddress('#/scoring');
    await input().waitFor();
    expect(harness.services.ctx.session).toMatchObject({ kind: 'rater', raterId: wang });
  });

  it('an idle rater is signed out after the set minutes; activity restarts the count, and the value being typed is saved first (or, if it cannot be, keeps them signed in)', async () => {
    await asAdmin(() => value(harness.services.invoke('session.setIdleMinutes', { minutes: 1 })));
    await page.reload(); // the screen reads the setting afresh
    await input().waitFor();
    await quiet();
    // Focus starts on the first leaf of GD-01; one down is a 0–3 rating.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => input().getAttribute('aria-label')).toContain('GD-01');
    const label = (await input().getAttribute('aria-label'))!;
    const leafCode = label.split(' ')[0]!;
    expect(leaves.some((l) => l.code === leafCode)).toBe(true);

    await page.clock.fastForward('00:45');
    await page.keyboard.type('2'); // activity: the minute starts again
    await page.clock.fastForward('00:45');
    await page.waitForTimeout(300);
    expect(harness.services.ctx.session.kind).toBe('rater');
    // A value that cannot be saved (over the maximum) is not dropped: the rater stays signed in with it.
    await page.keyboard.type('9');
    await page.clock.fastForward('01:01');
    await page.waitForTimeout(300);
    expect(harness.services.ctx.session.kind).toBe('rater');
    expect(await input().inputValue()).toBe('29');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('.5'); // left in the editor, not committed with Enter
    expect(await input().inputValue()).toBe('2.5');

    await page.clock.fastForward('01:01');
    await signedOut().waitFor();
    expect(await signedOut().innerText()).toContain('因长时间无操作，已自动退出');
    await signIn().waitFor();
    expect(harness.services.ctx.session).toEqual({ kind: 'none' });
    expect(await hashPath()).toBe('/scoring');
    expect((await stored(wang))[`${leafCode}|GD-01`]).toBe(2.5);
    await quiet();
    await page.screenshot({ path: artifactPath('shared-pc-idle.png'), animations: 'disabled' });

    // Back at the PC: the value is there, and the notice has gone.
    await signInAs(/王建国/);
    await input().waitFor();
    await expect.poll(() => page.locator(`.rp-grid .rp-cell[data-leaf="${leafCode}"][data-branch="GD-01"]`).innerText()).toBe('2.5');
    expect(await signedOut().count()).toBe(0);
    await asAdmin(() => value(harness.services.invoke('session.setIdleMinutes', { minutes: 0 })));
  });

  it('完成评分 signs the rater out, thanking them; the next person finds the sign-in screen', async () => {
    await page.getByTestId('identity').getByRole('button', { name: '切换身份' }).click();
    await signInAs(/李敏/);
    await input().waitFor();
    await page.getByRole('button', { name: '完成评分' }).click();
    await page.getByTestId('finish-summary').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认完成', exact: true }).click();
    await signedOut().waitFor();
    expect(await signedOut().innerText()).toContain('已提交评分并退出，谢谢');
    await signIn().waitFor();
    await page.getByTestId('finish-summary').waitFor({ state: 'detached' }); // the dialog went with the sheet
    expect(harness.services.ctx.session).toEqual({ kind: 'none' });
    expect((await progressOf(li)).finishedAt).not.toBeNull();
    expect(await sidebar()).toEqual(['评分']);
    await quiet();
    await page.screenshot({ path: artifactPath('shared-pc-finished.png'), animations: 'disabled' });
  });

  it('代录 while scoring is open shows only the sheet being typed — no list, value or subtotal of another rater; the admin confirming it stays signed in', async () => {
    await signInAs(/管理员/);
    const progress = page.getByTestId('admin-progress');
    await progress.waitFor();
    expect(await sidebar()).toContain('结果');
    await progress.getByRole('row', { name: /李敏/ }).getByText('代录').click();
    await page.getByTestId('paper-banner').waitFor();
    await input().waitFor();
    expect(await page.getByTestId('paper-banner').innerText()).toContain('正在代李敏录入纸质评分表');
    const content = await page.locator('.rp-content').innerText();
    expect(content).not.toContain('王建国'); // no list of raters, no one else's name
    expect(await page.getByTestId('admin-progress').count()).toBe(0);
    expect(await page.getByTestId('progress-raters').count()).toBe(0);
    // 李敏 entered nothing: every cell and subtotal on screen is empty, though 王建国 has a 2.5 on GD-01.
    const shown = await page.locator('.rp-grid .rp-cell').evaluateAll((cells) => cells.map((c) => c.textContent ?? '').filter((x) => x && x !== '由业务数据计算'));
    expect(shown).toEqual([]);
    const subtotals = await page.locator('[data-subtotal]').allInnerTexts();
    expect(subtotals.length).toBeGreaterThan(0);
    expect(subtotals.filter((s) => s.trim() && s.trim() !== '0' && s.trim() !== '—')).toEqual([]);
    await quiet();
    await page.screenshot({ path: artifactPath('shared-pc-paper.png'), animations: 'disabled' });

    // 王建国's paper sheet, confirmed on his behalf: the admin stays, back on the progress view.
    await page.getByTestId('paper-banner').getByRole('button').click();
    await progress.waitFor();
    await progress.getByRole('row', { name: /王建国/ }).getByText('代录').click();
    await page.getByTestId('paper-banner').waitFor();
    await page.getByRole('button', { name: '代为确认完成' }).click();
    await page.getByTestId('finish-summary').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '确认完成', exact: true }).click();
    await expect.poll(async () => (await progressOf(wang)).finishedAt).not.toBeNull();
    await page.waitForTimeout(300);
    expect(harness.services.ctx.session).toEqual({ kind: 'admin' });
    expect(await signedOut().count()).toBe(0);
    expect(await page.getByTestId('identity').innerText()).toContain('管理员');
    expect(pageErrors).toEqual([]);
  });
});
