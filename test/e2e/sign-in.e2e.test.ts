/**
 * Blind scoring that holds on the shared PC, in Chromium on the real services:
 * the home checklist and 数据安全 recommend an admin PIN while raters will
 * score here; the admin sets a rater's PIN on 评委 (typed twice, format
 * checked) and clears another's after a confirmation, sets the admin PIN and
 * the idle sign-out on 数据安全; after 退出, 管理员 asks for the PIN; and a
 * rater who types a wrong PIN three times is told how many tries are left,
 * then waits out a live countdown with the PIN field shut, after which the
 * right PIN lets them in.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { sharedPcPeriod } from '../helpers/e2e-panel';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const RATER_PIN = '2468';
const ADMIN_PIN = '1357';

describe.runIf(chromiumPath)('signing in on the shared PC in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let periodId: number;
  let wang: number;
  let li: number;
  const pageErrors: string[] = [];

  const pinHash = (raterId: number) =>
    (harness.services.ctx.db.prepare('SELECT pin_hash FROM rater WHERE id = ?').get(raterId) as { pin_hash: string | null }).pin_hash;
  const signInSettings = async () => (await value(harness.services.invoke('app.info', {}))).signIn;
  const menu = (label: string) => page.locator('.ant-layout-sider .ant-menu-item', { hasText: label }).click();
  const toast = (text: string | RegExp) => page.locator('.ant-message-notice', { hasText: text });
  /** A screenshot of the screen itself: the short-lived toasts hidden. */
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    // 李敏's PIN is set through the contract so the 评委 page has one to clear.
    ({ periodId, wang, li } = await sharedPcPeriod(harness, (p) => value(harness.services.invoke('panel.setRaterPin', { periodId: p.periodId, raterId: p.li, pin: '8642' }))));
    // No admin PIN yet: the app opens as 管理员 (electron/services/index.ts).
    expect(harness.services.ctx.session.kind).toBe('admin');

    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(harness.url);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('recommends an admin PIN on the home checklist while the period has raters, with a way to 数据安全', async () => {
    const steps = page.getByTestId('next-steps');
    const step = steps.locator('li', { hasText: '设置管理员 PIN 码' });
    await step.waitFor();
    await shot('sign-in-home.png');
    await step.getByRole('button', { name: /前往数据安全/ }).click();
    await page.waitForURL(/#\/safety/);
    const card = page.getByTestId('sign-in-card');
    await card.getByText('评委在本机评分时，建议设置管理员 PIN 码，否则任何人都可切换为管理员查看评分').waitFor();
    expect(await card.getByTestId('admin-pin-state').innerText()).toContain('未设置');
  });

  it('sets a rater’s PIN on 评委: typed twice, masked, its format and the repeat checked in words', async () => {
    await menu('评委');
    const wangPin = page.getByTestId('pin-王建国');
    await wangPin.getByText('未设置').waitFor();
    expect(await page.getByTestId('pin-李敏').innerText()).toMatch(/已设置\s*重设 PIN\s*清除 PIN/);
    await wangPin.getByText('设置 PIN').click();

    const dialog = page.getByRole('dialog', { name: '为王建国设置 PIN 码' });
    await dialog.getByText('评委在本机（共用电脑）评分时，设置 PIN 可防止他人以其身份登录。').waitFor();
    const pin = dialog.getByLabel('PIN 码', { exact: true });
    const repeat = dialog.getByLabel('再输入一次');
    expect(await pin.getAttribute('type')).toBe('password');
    expect(await repeat.getAttribute('type')).toBe('password');
    await pin.fill('12a');
    await repeat.fill('12a');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('PIN 码应为 4 到 6 位数字（只能是数字）').waitFor();
    await pin.fill(RATER_PIN);
    await repeat.fill('2469');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('两次输入的 PIN 码不一致').waitFor();
    await shot('sign-in-rater-pin-dialog.png');
    expect(pinHash(wang)).toBeNull();

    await repeat.fill(RATER_PIN);
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast('已为王建国设置 PIN 码').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => wangPin.innerText()).toMatch(/已设置\s*重设 PIN\s*清除 PIN/);
    expect(pinHash(wang)).not.toBeNull();
  });

  it('clears a rater’s PIN only after a confirmation that says what it means', async () => {
    await page.getByTestId('pin-李敏').getByText('清除 PIN').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '清除李敏的 PIN 码？' }).waitFor();
    expect(await confirm.innerText()).toContain('任何人在本机点击“李敏”即可以其身份评分');
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(pinHash(li)).not.toBeNull();

    await page.getByTestId('pin-李敏').getByText('清除 PIN').click();
    await confirm.getByRole('button', { name: '清除 PIN' }).click();
    await toast('已清除李敏的 PIN 码').waitFor();
    await expect.poll(() => page.getByTestId('pin-李敏').innerText()).toMatch(/未设置\s*设置 PIN/);
    expect(pinHash(li)).toBeNull();
    await shot('sign-in-raters.png');
  });

  it('sets the admin PIN and the idle sign-out on 数据安全, and stops recommending it', async () => {
    await menu('数据安全');
    const card = page.getByTestId('sign-in-card');
    await card.getByTestId('admin-pin-recommend').waitFor();
    await shot('sign-in-safety-recommend.png');
    await card.getByRole('button', { name: '设置 PIN 码' }).click();
    const dialog = page.getByRole('dialog', { name: '设置管理员 PIN 码' });
    await dialog.getByLabel('PIN 码', { exact: true }).fill(ADMIN_PIN);
    await dialog.getByLabel('再输入一次').fill(ADMIN_PIN);
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast('已设置管理员 PIN 码').waitFor();
    await expect.poll(() => card.getByTestId('admin-pin-state').innerText()).toContain('已设置');
    expect(await card.getByTestId('admin-pin-recommend').count()).toBe(0);
    expect(await card.getByRole('button', { name: '更改 PIN 码' }).count()).toBe(1);
    expect((await signInSettings()).adminPinSet).toBe(true);
    // Still the admin who set it: nothing asks again until someone signs in.
    expect(harness.services.ctx.session.kind).toBe('admin');

    const idle = card.getByRole('spinbutton', { name: '评委无操作' });
    expect(await idle.inputValue()).toBe(String((await signInSettings()).idleMinutes));
    await idle.fill('0');
    await card.getByRole('button', { name: '保存' }).click();
    await toast('已设置：评委不自动退出').waitFor();
    expect((await signInSettings()).idleMinutes).toBe(0);
    await idle.fill('10');
    await card.getByRole('button', { name: '保存' }).click();
    await toast('已设置：评委 10 分钟无操作后自动退出').waitFor();
    expect((await signInSettings()).idleMinutes).toBe(10);
    await shot('sign-in-safety.png');

    // The checklist step is gone now that the PIN is set.
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByTestId('next-steps').getByText(/开始评分|评分/).first().waitFor();
    expect(await page.getByTestId('next-steps').innerText()).not.toContain('设置管理员 PIN 码');
  });

  it('asks for the admin PIN after 退出 and on 切换身份 → 管理员, and says who signed in', async () => {
    await menu('评分');
    const identity = page.getByTestId('identity');
    await identity.getByRole('button', { name: '退出' }).click();
    await toast('已退出，请选择身份').waitFor();
    const signIn = page.getByTestId('sign-in');
    await signIn.getByRole('button', { name: /管理员/ }).click();
    const dialog = page.getByRole('dialog', { name: '管理员，请输入 PIN 码' });
    const pin = dialog.getByRole('textbox', { name: 'PIN 码' });
    await pin.fill('9999');
    await pin.press('Enter');
    // The main process's own words: how many tries are left.
    await dialog.getByText('PIN 码不正确，再错 2 次将暂停登录').waitFor();
    expect(harness.services.ctx.session.kind).toBe('none');
    await shot('sign-in-admin-pin.png');
    await pin.fill(ADMIN_PIN);
    await pin.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await toast('已切换为管理员').waitFor();
    // The sign-out's words are about the previous person, not this sign-in.
    await expect.poll(() => toast('已退出').count(), { timeout: 2000 }).toBe(0);
    await expect.poll(() => identity.innerText()).toContain('管理员');
    expect(harness.services.ctx.session.kind).toBe('admin');

    await identity.getByRole('button', { name: '切换身份' }).click();
    await signIn.getByRole('button', { name: /管理员/ }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(harness.services.ctx.session.kind).toBe('admin');
  });

  it('counts a rater’s wrong PINs down to a wait, shuts the PIN field for it, then lets the right PIN in', async () => {
    const signIn = page.getByTestId('sign-in');
    await signIn.getByRole('button', { name: /王建国/ }).click();
    const dialog = page.getByRole('dialog', { name: '王建国，请输入 PIN 码' });
    const pin = dialog.getByRole('textbox', { name: 'PIN 码' });
    const ok = dialog.getByRole('button', { name: '进入' });
    await pin.fill('1111');
    await pin.press('Enter');
    await dialog.getByText('PIN 码不正确，再错 2 次将暂停登录').waitFor();
    await pin.fill('2222');
    await pin.press('Enter');
    await dialog.getByText('PIN 码不正确，再错 1 次将暂停登录').waitFor();
    await pin.fill('3333');
    await pin.press('Enter');

    const wait = dialog.getByTestId('pin-wait');
    await wait.getByText('PIN 码不正确。已连续输错 3 次，30 秒内不再接受任何 PIN 码').waitFor();
    await expect.poll(async () => /请在 (\d+) 秒后再试/.exec(await wait.innerText())?.[1]).toMatch(/^(30|29|28)$/);
    expect(await pin.isDisabled()).toBe(true);
    expect(await ok.isDisabled()).toBe(true);
    // Live: the seconds go down while the dialog stays open.
    const first = Number(/请在 (\d+) 秒后再试/.exec(await wait.innerText())![1]);
    await expect.poll(async () => Number(/请在 (\d+) 秒后再试/.exec(await wait.innerText())?.[1]), { timeout: 5000 }).toBeLessThanOrEqual(first - 2);
    await shot('sign-in-countdown.png');
    // The main process refuses even the right PIN meanwhile (the screen only mirrors it).
    const refused = await harness.services.invoke('session.signInRater', { periodId, raterId: wang, pin: RATER_PIN });
    expect(refused.ok ? null : refused.error.code).toBe('throttled');
    expect(harness.services.ctx.session.kind).toBe('admin');

    // Closing and choosing the name again still shows the wait.
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await signIn.getByRole('button', { name: /王建国/ }).click();
    await wait.waitFor();
    expect(await pin.isDisabled()).toBe(true);

    await dialog.getByText('现在可以重新输入 PIN 码').waitFor({ timeout: 35_000 });
    expect(await wait.count()).toBe(0);
    expect(await pin.isDisabled()).toBe(false);
    expect(await ok.isDisabled()).toBe(false);
    await pin.fill(RATER_PIN);
    await pin.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('identity').innerText()).toMatch(/评委\s*王建国（考评组）/);
    expect(harness.services.ctx.session).toMatchObject({ kind: 'rater', raterId: wang });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
