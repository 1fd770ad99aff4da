/**
 * The scoring screen in Chromium on the real services: raters sign in on the
 * shared PC and score with the keyboard (values checked on the spot, saved
 * cell by cell, blocks pasted from Excel), each sees only their own sheet,
 * the admin sees progress without values, and a finalised period is
 * read-only on screen and in the services.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import type { Session } from '../../shared/domain/scoring';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

describe.runIf(chromiumPath)('scoring screen in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let periodId: number;
  let wang: number; // 王建国: PIN 2468
  let li: number; // 李敏: member of HG-02 (recused from it)
  let leaves: Indicator[];
  const branchIds: Record<string, number> = {};


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

  const leafId = (code: string) => leaves.find((l) => l.code === code)!.id;
  /** A rater's stored entries as { 'leaf|branch': [value, detail] }. */
  async function stored(raterId: number) {
    const sheet = await asAdmin(() => value(harness.services.invoke('scoring.sheet', { periodId, raterId })));
    const code = new Map(sheet.branches.map((b) => [b.id, b.code]));
    const leafCode = new Map(sheet.indicators.map((i) => [i.id, i.code]));
    return Object.fromEntries(sheet.entries.map((e) => [`${leafCode.get(e.indicatorId)}|${code.get(e.branchId)}`, [e.value, e.detail]]));
  }

  /** Waits until the short confirmations (已粘贴…, 已撤销…) have gone, for a clean screenshot. */
  const quiet = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
  const cell = (leaf: string, branch: string) => page.locator(`.rp-grid .rp-cell[data-leaf="${leaf}"][data-branch="${branch}"]`);
  const input = () => page.getByTestId('cell-input');
  const bubble = () => page.getByTestId('cell-bubble');
  const press = async (...keys: string[]) => {
    for (const k of keys) await page.keyboard.press(k);
  };
  /** Rater-scored leaves in sheet order: how many ArrowDown presses reach a leaf from the first one. */
  const rated = () => leaves.filter((l) => l.method!.kind !== 'quantitative').map((l) => l.code);
  /** Moves the keyboard to a cell: Ctrl+Home, then arrows (columns skip the branches the rater is recused from). */
  async function goTo(leaf: string, steps: { right: number }) {
    await press('Control+Home');
    for (let i = 0; i < rated().indexOf(leaf); i++) await press('ArrowDown');
    for (let i = 0; i < steps.right; i++) await press('ArrowRight');
    await expect.poll(() => input().getAttribute('aria-label')).toContain(`${leaf} `);
  }

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    const inv = harness.services.invoke;
    const fw = await value(inv('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } }));
    for (const [code, name] of [
      ['GD-01', '供电公司变电运维党支部'],
      ['HG-01', '化工一厂第一党支部'],
      ['HG-02', '化工一厂第二党支部'],
    ] as const) {
      branchIds[code] = (await value(inv('branches.create', { code, name }))).id;
    }
    const period = await value(inv('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId: fw.id }));
    periodId = period.id;
    await value(inv('app.setCurrentPeriod', { periodId }));
    const group = await value(inv('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
    const staff = await value(inv('panel.saveGroup', { periodId, name: '职工代表', weight: 0.5 }));
    wang = (await value(inv('panel.saveRater', { periodId, groupId: group.id, name: '王建国', title: '党委副书记' }))).id;
    li = (await value(inv('panel.saveRater', { periodId, groupId: staff.id, name: '李敏', branchId: branchIds['HG-02']! }))).id;
    await value(inv('panel.setRaterPin', { periodId, raterId: wang, pin: '2468' }));
    await value(inv('periods.advance', { id: periodId, to: 'scoring' }));
    const parents = new Set((await value(inv('frameworks.get', { id: fw.id }))).indicators.map((i) => i.parentId));
    leaves = (await value(inv('frameworks.get', { id: fw.id }))).indicators.filter((i) => !parents.has(i.id));
    leaves.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));

    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    harness.services.ctx.session = { kind: 'none' }; // the shared PC before anyone has chosen who they are
    await page.goto(`${harness.url}#/scoring`);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('asks who is at the PC: raters by group, a PIN only where one is set, and 管理员', async () => {
    const signIn = page.getByTestId('sign-in');
    await signIn.getByText('请选择您的身份').waitFor();
    expect(await signIn.getByRole('region', { name: '考评组' }).getByRole('button').allInnerTexts()).toEqual([expect.stringContaining('王建国')]);
    expect(await signIn.getByRole('region', { name: '职工代表' }).getByRole('button').allInnerTexts()).toEqual([expect.stringContaining('李敏')]);
    expect(await signIn.getByRole('button', { name: /管理员/ }).count()).toBe(1);
    expect(await page.getByTestId('identity').innerText()).toContain('尚未选择身份');
    await page.screenshot({ path: artifactPath('scoring-signin.png'), animations: 'disabled' });

    await signIn.getByRole('button', { name: /王建国/ }).click();
    const dialog = page.getByRole('dialog', { name: '王建国，请输入 PIN 码' });
    const pin = dialog.getByRole('textbox', { name: 'PIN 码' });
    await pin.fill('12');
    await pin.press('Enter');
    await dialog.getByText('PIN 码应为 4 到 6 位数字').waitFor();
    await pin.fill('1111');
    await pin.press('Enter');
    await dialog.getByText('PIN 码不正确，再错 2 次将暂停登录').waitFor();
    expect(harness.services.ctx.session.kind).toBe('none');
    await pin.fill('2468');
    await pin.press('Enter');
    await input().waitFor();
    expect(await page.getByTestId('identity').innerText()).toMatch(/评委\s*王建国（考评组）/);
    expect(harness.services.ctx.session).toMatchObject({ kind: 'rater', raterId: wang });
  });

  it('(a) scores with the keyboard only — a number, a level by its label, deductions typed straight on, their reasons written deliberately — and keeps them across a reload', async () => {
    expect(await page.getByTestId('sheet-progress').innerText()).toBe(`已评 0 / 共 ${rated().length * 3}`);
    // The focus starts on the first leaf of the first branch (GD-01); 1.1 is a deduction, 1.2 a rating, 1.3 a level, 1.4 a deduction.
    await expect.poll(() => input().getAttribute('aria-label')).toBe('1.1 理论学习，GD-01 供电公司变电运维党支部');
    // Transcribing a paper sheet at speed: a count, Enter, and the next digits at once — no popup takes them.
    await page.keyboard.type('1\n2.5\n较好\n2\n');
    expect(await page.getByTestId('detail-editor').count()).toBe(0);
    await expect.poll(() => cell('1.2', 'GD-01').innerText()).toBe('2.5'); // the digits after the count went to the next cell
    expect(await cell('1.3', 'GD-01').innerText()).toBe('较好');
    expect(await cell('1.1', 'GD-01').innerText()).toBe('1 次 待填原因');
    expect(await cell('1.1', 'GD-01').getAttribute('data-state')).toBe('draft');
    expect(await cell('1.4', 'GD-01').getAttribute('data-state')).toBe('draft');
    await expect.poll(() => input().getAttribute('aria-label')).toContain('1.5 ');
    await page.getByTestId('draft-banner').waitFor();
    await quiet();
    await page.screenshot({ path: artifactPath('scoring-drafts.png'), animations: 'disabled' });
    // The reasons: Alt+Enter on the cell opens them; one line each.
    await press('ArrowUp', 'Alt+Enter');
    const editor = page.getByTestId('detail-editor');
    await editor.waitFor();
    expect(await editor.innerText()).toContain('扣 2 次，每次 1 分，共扣 2 分');
    await page.keyboard.type('廉洁风险点未排查');
    await press('Enter');
    await page.keyboard.type('违反八项规定精神问题一起');
    await press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => cell('1.4', 'GD-01').getAttribute('data-state')).toBe('saved');
    // A reason of one character is refused with a message.
    await goTo('1.1', { right: 0 });
    await press('Alt+Enter');
    await editor.waitFor();
    await page.keyboard.type('3');
    await press('Enter');
    await expect.poll(() => page.getByTestId('detail-too-short').innerText()).toBe('原因“3”只有一个字，请写明具体原因（至少 2 个字）');
    await press('Escape');
    await editor.waitFor({ state: 'detached' });
    // The rater cannot finish while a count waits for its reasons: the finish lists them.
    await page.getByRole('button', { name: '完成评分' }).click();
    const drafts = page.getByTestId('finish-drafts');
    await drafts.waitFor();
    expect(await drafts.innerText()).toContain('1.1 理论学习 · GD-01 供电公司变电运维党支部：1 次');
    await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
    await drafts.waitFor({ state: 'detached' });
    // 退出 with a draft asks first (the draft stays on this PC only); staying keeps the rater signed in.
    await page.getByTestId('identity').getByRole('button', { name: /退\s*出/ }).click();
    const leave = page.getByRole('dialog').filter({ hasText: '还有 1 处待填原因，尚未保存' });
    await leave.waitFor();
    expect(await leave.innerText()).toContain('只保留在这台电脑上');
    await leave.getByRole('button', { name: '留下填写原因' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(harness.services.ctx.session).toMatchObject({ kind: 'rater', raterId: wang });
    // Given up here (the side panel), so the rest of the suite starts from the counts it expects.
    await page.getByTestId('side-draft').getByRole('button', { name: '放弃这次修改' }).click();
    await expect.poll(() => cell('1.1', 'GD-01').innerText()).toBe('');
    await page.getByTestId('draft-banner').waitFor({ state: 'detached' });
    // Along the row with Tab from 1.2 × HG-01.
    await goTo('1.2', { right: 1 });
    await page.keyboard.type('3');
    await press('Tab');
    await page.keyboard.type('1');
    await press('Enter');

    await expect.poll(() => cell('1.2', 'GD-01').innerText()).toBe('2.5');
    expect(await cell('1.3', 'GD-01').innerText()).toBe('较好');
    expect(await cell('1.4', 'GD-01').innerText()).toBe('2 次');
    expect(await cell('1.2', 'HG-01').innerText()).toBe('3');
    expect(await cell('1.2', 'HG-02').innerText()).toBe('1');
    await expect.poll(() => page.locator('.rp-grid [data-state="saved"]').count()).toBe(5);
    expect(await page.getByTestId('sheet-progress').innerText()).toBe(`已评 5 / 共 ${rated().length * 3}`);
    // Live subtotal from the shared engine: GD-01 has 2.5 + 0.8 × 3 + (2 − 2 × 1) = 4.9 so far.
    expect(await page.locator('[data-subtotal="GD-01"]').innerText()).toBe('4.9');
    expect(await page.locator('[data-subtotal="HG-02"]').innerText()).toBe('1');

    await page.reload();
    await input().waitFor();
    expect(await cell('1.2', 'GD-01').innerText()).toBe('2.5');
    expect(await cell('1.3', 'GD-01').innerText()).toBe('较好');
    expect(await cell('1.4', 'GD-01').innerText()).toBe('2 次');
    expect(await stored(wang)).toEqual({
      '1.2|GD-01': [2.5, []],
      '1.3|GD-01': [1, []], // index of 较好
      '1.4|GD-01': [2, ['廉洁风险点未排查', '违反八项规定精神问题一起']],
      '1.2|HG-01': [3, []],
      '1.2|HG-02': [1, []],
    });
  });

  it('(b) refuses a value over the maximum on the spot, with the allowed range, and saves nothing', async () => {
    await goTo('1.2', { right: 0 });
    await page.keyboard.type('5');
    await press('Enter');
    await expect.poll(() => bubble().innerText()).toBe('分值应在 0 到 3 之间');
    expect(await input().getAttribute('aria-invalid')).toBe('true');
    expect(await input().inputValue()).toBe('5'); // the typed value stays for correction
    await page.keyboard.type('.5');
    await press('Enter');
    await expect.poll(() => bubble().innerText()).toBe('分值应在 0 到 3 之间');
    await press('Escape');
    await bubble().waitFor({ state: 'detached' });
    expect(await cell('1.2', 'GD-01').innerText()).toBe('2.5');
    expect((await stored(wang))['1.2|GD-01']).toEqual([2.5, []]);
    // A step the leaf does not allow is refused the same way.
    await page.keyboard.type('1.3');
    await press('Enter');
    await expect.poll(() => bubble().innerText()).toBe('分值应为 0.5 的整数倍（0 到 3）');
    await press('Escape');
  });

  it('(c) pastes a block copied from Excel into the right cells; invalid values are reported and not saved', async () => {
    // 2.4 is a rating leaf of 2.5 points, 2.5 a level leaf; the block starts at 2.4 × GD-01.
    await goTo('2.4', { right: 0 });
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '2\t1.5\t9\r\n好\t差\t一般\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    // A refused cell: nothing is saved before the rater has seen where each value lands and what is left out.
    const problems = page.getByTestId('paste-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('2.4 党员发展与教育培训 · HG-02 化工一厂第二党支部：分值应在 0 到 2.5 之间（粘贴的是“9”）');
    expect(await problems.locator('li').count()).toBe(1);
    expect(await page.getByTestId('paste-landings').locator('li').count()).toBe(5);
    expect(await page.locator('.ant-modal-confirm-title').innerText()).toBe('粘贴前请核对：5 个单元格将保存到下列位置');
    expect(await stored(wang)).not.toHaveProperty(['2.4|GD-01']);
    await page.getByRole('button', { name: /保存这 5 个/ }).click();
    await problems.waitFor({ state: 'detached' });
    await expect.poll(() => cell('2.5', 'HG-02').innerText()).toBe('一般');
    expect(await cell('2.4', 'GD-01').innerText()).toBe('2');
    expect(await cell('2.4', 'HG-01').innerText()).toBe('1.5');
    expect(await cell('2.4', 'HG-02').innerText()).toBe('');
    expect(await cell('2.5', 'GD-01').innerText()).toBe('好');
    expect(await cell('2.5', 'HG-01').innerText()).toBe('差');
    await expect.poll(async () => Object.keys(await stored(wang)).length).toBe(10);
    const after = await stored(wang);
    expect(after['2.4|GD-01']).toEqual([2, []]);
    expect(after['2.4|HG-01']).toEqual([1.5, []]);
    expect(after['2.4|HG-02']).toBeUndefined();
    expect(after['2.5|GD-01']).toEqual([0, []]);
    expect(after['2.5|HG-01']).toEqual([3, []]);
    expect(after['2.5|HG-02']).toEqual([2, []]);

    // Ctrl+Z undoes the whole paste (re-saving the previous, empty, values); Ctrl+Y puts it back.
    await press('Control+z');
    await expect.poll(async () => Object.keys(await stored(wang)).length).toBe(5);
    expect(await cell('2.4', 'GD-01').innerText()).toBe('');
    await press('Control+y');
    await expect.poll(async () => Object.keys(await stored(wang)).length).toBe(10);
    expect(await cell('2.4', 'GD-01').innerText()).toBe('2');

    // Ctrl+Enter: the next unscored cell (down the branch's column).
    await press('Control+Enter');
    // Redo put the focus back on 2.4 × GD-01; below it 2.5 is scored, 3.1.1 is not.
    await expect.poll(() => input().getAttribute('aria-label')).toBe('3.1.1 党员示范岗，GD-01 供电公司变电运维党支部');
    await goTo('1.4', { right: 0 });
    await quiet();
    await page.screenshot({ path: artifactPath('scoring-grid.png'), animations: 'disabled' });
  });

  it('(c2) pastes a column copied from the score workbook across quantitative rows onto the indicators it came from, after showing where', async () => {
    // The workbook lists only the leaves a rater enters: 5.3, 6.1, 6.4 follow each other there; the grid shows 5.4, 6.2 and 6.3 (quantitative) between them.
    await goTo('5.3', { right: 0 });
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '一般\t较好\r\n4\t3.5\r\n较好\t好\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const confirm = page.getByTestId('paste-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('5.4 党支部工作满意度、6.2 合理化建议与小改小革、6.3 创新创效');
    const landings = await page.getByTestId('paste-landings').locator('li').allInnerTexts();
    expect(landings).toContain('6.1 党员创新攻关项目 × GD-01 供电公司变电运维党支部 ← 4');
    expect(landings).toContain('6.4 党建工作品牌 × HG-01 化工一厂第一党支部 ← 好');
    await page.screenshot({ path: artifactPath('scoring-paste-confirm.png'), animations: 'disabled' });
    await page.getByRole('button', { name: /保存这 6 个/ }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(async () => Object.keys(await stored(wang)).length).toBe(16);
    const after = await stored(wang);
    expect([after['5.3|GD-01'], after['6.1|GD-01'], after['6.4|GD-01'], after['6.1|HG-01'], after['6.4|HG-01']]).toEqual([[2, []], [4, []], [1, []], [3.5, []], [0, []]]);
    expect(after['5.4|GD-01']).toBeUndefined();
    // Undone, the paste leaves the sheet as it was for the next steps.
    await press('Control+z');
    await expect.poll(async () => Object.keys(await stored(wang)).length).toBe(10);
  });

  it('(d) the second rater signs in and sees none of the first one’s values; their own branch is 回避', async () => {
    await page.getByTestId('identity').getByRole('button', { name: '切换身份' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: /李敏/ }).click();
    await input().waitFor();
    expect(await page.getByTestId('identity').innerText()).toMatch(/李敏（职工代表）/);
    expect(await page.getByTestId('sheet-progress').innerText()).toBe(`已评 0 / 共 ${rated().length * 2}`);
    const shown = await page.locator('.rp-grid .rp-cell').evaluateAll((cells) => cells.map((c) => c.textContent ?? '').filter((x) => x && x !== '由业务数据计算'));
    expect(shown).toEqual([]);
    expect(await page.locator('[data-branch-head="HG-02"]').innerText()).toContain('回避');
    expect(await stored(li)).toEqual({});
    // Typing in the recused column is refused with the reason.
    await goTo('1.2', { right: 2 }); // the arrows skip HG-02: right of HG-01 there is nothing more
    expect(await input().getAttribute('aria-label')).toContain('HG-01');
    await page.locator('.rp-grid .rp-cell[data-leaf="1.2"][data-branch="HG-02"]').dispatchEvent('mousedown');
    await page.keyboard.type('2');
    await expect.poll(() => bubble().innerText()).toBe('您对“HG-02 化工一厂第二党支部”回避（本支部成员），不能评分');
  });

  it('(e) the admin sees progress per rater and per branch — counts, never values', async () => {
    await page.getByTestId('identity').getByRole('button', { name: '切换身份' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: /管理员/ }).click();
    const view = page.getByTestId('admin-progress');
    await view.waitFor();
    await expect.poll(() => page.getByTestId('rater-count-王建国').innerText()).toBe(`10 / ${rated().length * 3}`);
    expect(await page.getByTestId('rater-count-李敏').innerText()).toBe(`0 / ${rated().length * 2}`);
    expect(await page.getByTestId('overall-progress').innerText()).toBe(`全体评委：已评 10 / 应评 ${rated().length * 5}`);
    const text = await view.innerText();
    expect(text).not.toContain('较好');
    expect(text).not.toContain('2.5');
    expect(await page.locator('.rp-grid').count()).toBe(0);
    await quiet();
    await page.screenshot({ path: artifactPath('scoring-progress.png'), animations: 'disabled' });
    await view.getByRole('tab', { name: '按党支部' }).click();
    await expect.poll(() => view.getByRole('row').filter({ hasText: 'GD-01' }).innerText()).toContain(`5 / ${rated().length * 2}`);
  });

  it('(f) a save refused because the period moved on keeps the typed value, marked; once finalised the grid is read-only with the reason, and a direct save is refused', async () => {
    await value(harness.services.invoke('session.signInRater', { periodId, raterId: wang, pin: '2468' }));
    await page.reload();
    await input().waitFor();
    // The office opens the review while this sheet is on screen: the next value cannot be saved.
    await asAdmin(() => value(harness.services.invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' })));
    await goTo('1.5', { right: 0 });
    await page.keyboard.type('1');
    await press('Alt+Enter'); // commits the count and opens its reasons
    await page.getByTestId('detail-editor').waitFor();
    await page.keyboard.type('第四季度未专题研究');
    await press('Enter');
    await expect.poll(() => cell('1.5', 'GD-01').getAttribute('data-state')).toBe('failed');
    expect(await cell('1.5', 'GD-01').innerText()).toBe('1 次'); // never lost
    await page.getByTestId('failed-banner').waitFor();
    await expect.poll(() => page.getByTestId('locked-reason').innerText()).toContain('已进入评审阶段，评分须由管理员修改');
    expect((await stored(wang))['1.5|GD-01']).toBeUndefined();

    await asAdmin(() => value(harness.services.invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' })));
    await page.reload();
    await input().waitFor();
    expect(await page.getByTestId('locked-reason').innerText()).toContain('本周期已定稿，评分不能再修改');
    expect(await page.getByRole('button', { name: '完成评分' }).isDisabled()).toBe(true);
    // The unsaved value survived the reload (kept on this PC), still marked; the rater may give it up.
    expect(await cell('1.5', 'GD-01').getAttribute('data-state')).toBe('failed');
    await goTo('1.5', { right: 0 });
    await page.getByTestId('side-panel').getByRole('button', { name: '放弃这次修改' }).click();
    await expect.poll(() => cell('1.5', 'GD-01').innerText()).toBe('');
    await page.getByTestId('failed-banner').waitFor({ state: 'detached' });

    await goTo('1.2', { right: 0 });
    await page.keyboard.type('1');
    await expect.poll(() => bubble().innerText()).toBe('评分表只读：本周期已定稿，评分不能再修改');
    await press('Delete');
    expect(await cell('1.2', 'GD-01').innerText()).toBe('2.5');
    const refused = await harness.services.invoke('scoring.save', {
      periodId,
      raterId: wang,
      entries: [{ branchId: branchIds['GD-01']!, indicatorId: leafId('1.2'), value: 1 }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: '本周期已定稿，评分不能再修改' } });
    expect((await stored(wang))['1.2|GD-01']).toEqual([2.5, []]);
    expect(pageErrors).toEqual([]);
  });
});
