/**
 * 数据安全 in Chromium on the real services: the audit chain whole, the daily
 * backup listed, a manual backup taken, a later change undone by restoring it
 * through the confirmation (with the safety copy listed), then the audit trail
 * edited behind the app's back and found by 立即校验 — on the card and in the
 * banner every screen shows. Also the read-only banner and the notice shown
 * while a call waits.
 */
import path from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const LATE_BRANCH = 'ZZ-99';
const ARCHIVED_PERIOD = '2027年度（建错的周期）';

describe.runIf(chromiumPath)('数据安全 area in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let manualBackup: string;
  const pageErrors: string[] = [];

  const auditRows = () => (harness.services.ctx.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
  const branchCodes = async () => (await value(harness.services.invoke('branches.list', { includeArchived: true }))).map((b) => b.code);

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    // The day's first backup (the harness starts like the app), then some history for the audit trail.
    await harness.services.ctx.startup;
    await value(harness.services.invoke('sample.create', { branches: 6, raters: 5 }));
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const backupRow = (text: string) => page.locator('[data-testid="backups-card"] .ant-table-tbody tr.ant-table-row', { hasText: text });
  const chainCard = () => page.getByTestId('chain-card');
  /** A screenshot of the screen itself: the short-lived toasts hidden. */
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };

  it('is in the sidebar after 报告 and opens on a whole audit chain and the daily backup', async () => {
    await page.goto(harness.url);
    const menu = page.locator('.ant-layout-sider .ant-menu-item');
    await menu.filter({ hasText: '数据安全' }).waitFor();
    const labels = await menu.allInnerTexts();
    expect(labels.indexOf('数据安全')).toBe(labels.indexOf('报告') + 1);
    await menu.filter({ hasText: '数据安全' }).click();
    await page.waitForURL(/#\/safety/);
    // As checked at start-up, before the sample was loaded.
    await page.getByTestId('chain-ok').getByText('操作记录完整：共 0 条，校验链无断点').waitFor();
    expect(await chainCard().innerText()).toMatch(/校验时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await backupRow('每日首次启动').waitFor();
    expect(await backupRow('每日首次启动').innerText()).toMatch(/\d+ KB/);
    expect(await page.getByTestId('backup-folder').innerText()).toBe(path.join(harness.services.ctx.dataDir, 'backups'));
    expect(await page.getByRole('spinbutton', { name: '自动备份保留最近' }).inputValue()).toBe('30');
  });

  it('re-checks the chain on 立即校验 and counts every row written since', async () => {
    const rows = auditRows();
    expect(rows).toBeGreaterThan(0);
    await chainCard().getByRole('button', { name: '立即校验' }).click();
    await page.getByTestId('chain-ok').getByText(`操作记录完整：共 ${rows} 条，校验链无断点`).waitFor();
  });

  it('archives a period with history instead of deleting it, and lists it read-only under 显示已归档', async () => {
    const sample = (await value(harness.services.invoke('periods.list', {})))[0]!;
    const started = await value(
      harness.services.invoke('periods.create', { name: ARCHIVED_PERIOD, year: 2027, kind: 'annual', frameworkId: sample.frameworkId, copyPanelFrom: sample.id }),
    );
    // Its status change is history: the audit trail must keep naming it.
    await value(harness.services.invoke('periods.advance', { id: started.id, to: 'scoring' }));

    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '考核周期' }).click();
    // Made behind the screen's back: load it afresh.
    await page.reload();
    const row = page.locator('.rp-page .ant-table-tbody tr.ant-table-row', { hasText: ARCHIVED_PERIOD });
    await row.getByText('删除', { exact: true }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText(`“${ARCHIVED_PERIOD}”已有操作记录，为保留记录已归档`).waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByText('显示已归档', { exact: true }).click();
    await row.waitFor();
    expect(await row.getByTestId('period-archived').innerText()).toBe('已归档');
    expect(await row.getByText(/删除|编辑|设置|设为当前/).count()).toBe(0);
    expect(await row.evaluate((tr) => tr.classList.contains('rp-archived'))).toBe(true);
    await page.getByText(/共 \d+ 个考核周期（其中 1 个已归档）/).waitFor();
    await shot('periods-archived.png');
    await page.getByText('显示已归档', { exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '数据安全' }).click();
    await page.getByTestId('backups-card').waitFor();
  });

  it('keeps the number of automatic backups it is told to', async () => {
    const keep = page.getByRole('spinbutton', { name: '自动备份保留最近' });
    await keep.fill('7');
    await page.getByTestId('backups-card').getByRole('button', { name: '保存' }).click();
    await page.getByText('已设置：自动备份保留最近 7 份').waitFor();
    expect((await value(harness.services.invoke('backups.list', {}))).keep).toBe(7);
  });

  it('takes a manual backup on 立即备份 and lists it first', async () => {
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/已备份：rongping-.*-manual\.db/).waitFor();
    await backupRow('手动备份').waitFor();
    const list = await value(harness.services.invoke('backups.list', {}));
    manualBackup = list.backups[0]!.name;
    expect(manualBackup).toMatch(/-manual\.db$/);
    expect(await page.locator('[data-testid="backups-card"] .ant-table-tbody tr.ant-table-row').first().innerText()).toContain('手动备份');
    await shot('safety-ok.png');
  });

  it('undoes a later change by restoring the manual backup through the confirmation, keeping a safety copy', async () => {
    await value(harness.services.invoke('branches.create', { code: LATE_BRANCH, name: '备份之后新建的党支部' }));
    expect(await branchCodes()).toContain(LATE_BRANCH);

    await backupRow(manualBackup).getByText('恢复', { exact: true }).click();
    const confirm = page.getByTestId('restore-confirm');
    await confirm.waitFor();
    const said = await confirm.innerText();
    expect(said).toContain('整个数据库将回到');
    expect(said).toContain('（手动备份）时的状态：此后的全部改动');
    expect(said).toContain('恢复前，融评会先把当前的数据库备份一份');
    await shot('safety-restore-confirm.png');
    await page.getByRole('button', { name: '恢复这份备份' }).click();

    const done = page.getByTestId('restore-done');
    await done.waitFor();
    const safetyCopy = /rongping-[\w-]+-restore\.db/.exec(await done.innerText())?.[0];
    expect(safetyCopy).toBeDefined();
    // Every screen's answers came from the replaced database: the app starts over from the home screen.
    await expect.poll(() => page.url()).not.toContain('#/safety');
    await page.getByRole('button', { name: '知道了' }).click();

    expect(await branchCodes()).not.toContain(LATE_BRANCH);
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '数据安全' }).click();
    await backupRow(safetyCopy!).waitFor();
    expect(await backupRow(safetyCopy!).innerText()).toContain('恢复备份前');
    // The restored file's chain was checked, including the restore's own audit row.
    await page.getByTestId('chain-ok').getByText(`操作记录完整：共 ${auditRows()} 条，校验链无断点`).waitFor();
  });

  it('finds an audit row edited behind the app’s back, on the card and in the banner of every other screen', async () => {
    const db = harness.services.ctx.db;
    const target = db.prepare('SELECT id FROM audit ORDER BY id LIMIT 1 OFFSET 2').get() as { id: number };
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET reason = '事后改写的原因' WHERE id = ?").run(target.id);

    await chainCard().getByRole('button', { name: '立即校验' }).click();
    const broken = page.getByTestId('chain-broken');
    await broken.waitFor();
    const text = await broken.innerText();
    expect(text).toContain(`操作记录的校验链在第 ${target.id} 条`);
    expect(text).toContain('数据文件曾在融评之外被改动');
    expect(text).toContain('恢复一份改动之前的备份');
    expect(await page.getByTestId('chain-ok').count()).toBe(0);
    // 数据安全 explains the break in full; the banner is for the other screens.
    expect(await page.getByTestId('banner-chain-broken').count()).toBe(0);
    await shot('safety-broken.png');

    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: '党支部' }).click();
    const banner = page.getByTestId('banner-chain-broken');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`第 ${target.id} 条处断开`);
    await shot('safety-banner-broken.png');
    await banner.getByText('查看数据安全').click();
    await page.waitForURL(/#\/safety/);
    await page.getByTestId('chain-broken').waitFor();
  });

  it('shows a notice while a call has waited more than a moment, and takes it away when it is answered', async () => {
    // The harness answers at once; hold one call back as a busy database file would.
    const hold = async (route: Route) => {
      if ((route.request().postData() ?? '').includes('"backups.create"')) await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    };
    await page.route('**/api/invoke', hold);
    try {
      await page.getByRole('button', { name: '立即备份' }).click();
      const notice = page.getByTestId('waiting-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('正在等待数据文件…（可能另一个程序正在写入）');
      await shot('safety-waiting.png');
      await page.getByText(/已备份：rongping-.*-manual\.db/).waitFor();
      await notice.waitFor({ state: 'detached' });
    } finally {
      await page.unroute('**/api/invoke', hold);
    }
  });

  it('says on every screen when the data file is read-only', async () => {
    // Running as root, a read-only file can't be made here: the renderer is told so as the service would say it.
    await page.route('**/api/invoke', async (route) => {
      if (!(route.request().postData() ?? '').includes('"app.info"')) return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: { readOnly: boolean } };
      if (body.value) body.value.readOnly = true;
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    const banner = page.getByTestId('banner-read-only');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('数据文件是只读的，只能查看，不能修改');
    // Nothing on 数据安全 offers to change the file.
    await backupRow('手动备份').first().waitFor();
    expect(await page.locator('[data-testid="backups-card"] .ant-table-tbody').getByText('恢复', { exact: true }).count()).toBe(0);
    expect(await page.locator('[data-testid="backups-card"] .ant-table-thead').innerText()).not.toContain('操作');
    expect(await page.getByRole('spinbutton', { name: '自动备份保留最近' }).isDisabled()).toBe(true);
    await shot('safety-read-only.png');
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
