/**
 * Issue 9 §4 in Chromium on the real services: from the sample's results a
 * branch is revealed in a 评审会, the results are marked published (公示), and
 * a 通报 and that branch's 反馈单 are written; then a score is corrected. The
 * 结果 and 报告 screens list all four as made from earlier results — the reveal
 * with what was announced then and what holds now — the meeting shows its
 * reveal; 重新生成 / 全部重新生成 write the documents again from the results as
 * they are now and take them off the list, while the reveal and the 公示 stay
 * (they cannot be taken back; the notice says what to do instead).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchResult } from '../../shared/engine';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { docxText } from '../helpers/docx-text';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const documentText = docxText;

describe.runIf(chromiumPath)('records made from earlier results, in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let periodId: number;
  let meetingId: number;
  /** The branch whose score is corrected: revealed in the meeting, with its own 反馈单. */
  let branch: BranchResult;
  /** The entry corrected, as it was. */
  let corrected: { raterId: number; indicatorId: number; raw: number };
  const out = mkdtempSync(path.join(os.tmpdir(), 'rongping-outdated-e2e-'));
  const bulletin = path.join(out, '考核结果通报.docx');
  const feedback = path.join(out, '反馈单.docx');
  const texts = new Map<string, string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const notice = () => page.getByTestId('outdated-records');
  const rankingShown = () => page.locator('.rpr-ranking .ant-table-tbody tr.ant-table-row').first().waitFor();
  /** The screen has asked everything it asks (results, what is out of date) and drawn the answers. */
  const settled = () => page.waitForLoadState('networkidle');
  const p2 = (x: number) => x.toFixed(2);

  it('says nothing while what was made matches the results', async () => {
    const inv = harness.services.invoke;
    const sample = await value(inv('sample.create', { branches: 12, raters: 7 }));
    periodId = sample.period.id;
    await value(inv('app.setCurrentPeriod', { periodId }));
    branch = (await value(inv('results.get', { periodId }))).result.branches.find((b) => b.rank === 6)!;

    // As the user would: the save dialog answers (which grants the path), then the document is written there.
    for (const file of [bulletin, feedback]) {
      harness.desktop.saves.push(file);
      expect(await value(inv('dialog.saveFile', { defaultName: path.basename(file) }))).toBe(file);
    }
    await value(inv('documents.bulletin', { periodId, path: bulletin }));
    await value(inv('documents.feedback', { periodId, branchId: branch.branchId, path: feedback }));
    for (const file of [bulletin, feedback]) texts.set(file, await documentText(file));

    const meeting = await value(inv('meetings.save', { periodId, kind: 'assessment', title: '2026年度述职评议会', date: '2026-12-01', startTime: '09:00' }));
    meetingId = meeting.id;
    await value(inv('meetings.saveAgenda', { meetingId, items: [{ kind: 'report', branchId: branch.branchId }] }));
    const started = await value(inv('meetings.start', { id: meetingId }));
    await value(inv('meetings.reveal', { itemId: started.items[0]!.id }));
    await value(inv('periods.publish', { periodId, start: '2026-12-02', end: '2026-12-08', objectionContact: '党委组织部 0546-8000000', override: '测试：会议尚未结束' }));
    expect((await value(inv('results.outdated', { periodId }))).records).toEqual([]);

    await page.goto(`${harness.url}#/results`);
    await rankingShown();
    await settled();
    expect(await notice().count()).toBe(0);
  });

  it('lists the reveal, the 公示 and both documents on 结果 once a score is corrected afterwards', async () => {
    // One rater's rating of the branch, one point lower, where it counts: in a group not trimmed
    // (a trimmed mean could drop the new score) under no capped node — so its total changes.
    const inv = harness.services.invoke;
    const explained = await value(inv('results.explain', { periodId, branchId: branch.branchId }));
    const parent = new Map(explained.nodes.flatMap((n) => n.children.map((c) => [c.indicatorId, n] as const)));
    const uncapped = (id: number): boolean => !parent.get(id) || (!parent.get(id)!.capped && uncapped(parent.get(id)!.indicatorId));
    const counted = (c: (typeof explained.cells)[number]) => c.groups.filter((g) => !g.trimmed).flatMap((g) => g.scores).find((u) => u.used && u.raw >= 1);
    const cell = explained.cells.find((c) => c.method === 'rating' && uncapped(c.indicatorId) && counted(c))!;
    const score = counted(cell)!;
    corrected = { raterId: score.raterId, indicatorId: cell.indicatorId, raw: score.raw };
    await value(
      inv('entries.save', {
        periodId,
        reason: '复核纸质评分表，更正录入错误',
        entries: [{ raterId: score.raterId, branchId: branch.branchId, indicatorId: cell.indicatorId, value: score.raw - 1 }],
      }),
    );
    const now = (await value(inv('results.get', { periodId }))).result.branches.find((b) => b.branchId === branch.branchId)!;
    expect(now.total).toBeLessThan(branch.total);
    const outdated = await value(inv('results.outdated', { periodId }));
    expect(outdated.records.map((r) => r.kind).sort()).toEqual(['bulletin', 'feedback', 'publication', 'reveal']);

    await page.reload();
    await notice().waitFor();
    expect(await notice().innerText()).toContain('以下记录和文档是用之前的结果生成的，与现在的结果不一致');
    const reveal = await notice().getByTestId('outdated-reveals').innerText();
    expect(reveal).toContain('可在评审会记录中说明');
    expect(reveal).toContain(`${branch.code} ${branch.name}`);
    expect(reveal).toContain(`会上揭晓 ${p2(branch.total)} 分 · 第 ${branch.rank} 名 · ${branch.grade}，现在为 ${p2(now.total)} 分 · 第 ${now.rank} 名 · ${now.grade}`);
    expect(await notice().getByTestId('outdated-publications').innerText()).toMatch(/如需更正，请重新公示[\s\S]*\d{4}-\d\d-\d\d \d\d:\d\d 标记为已公示/);
    const docs = notice().getByTestId('outdated-documents');
    expect(await docs.innerText()).toMatch(/考核结果通报\s*考核结果通报\.docx\s*生成于/);
    expect(await docs.locator('li', { hasText: '反馈单.docx' }).innerText()).toMatch(new RegExp(`支部考核反馈单\\s*反馈单\\.docx\\s*${branch.code} ${branch.name} · 生成于`));
    await page.screenshot({ path: artifactPath('outdated-results.png'), animations: 'disabled' });
  });

  it('shows the meeting what it revealed that no longer holds', async () => {
    await page.goto(`${harness.url}#/meetings/${meetingId}`);
    await notice().getByTestId('outdated-reveals').waitFor();
    expect(await notice().innerText()).toContain('本次会议揭晓的得分或生成的文档与现在的结果不一致');
    // Only what this meeting made: not the period's 公示, 通报 or 反馈单.
    expect(await notice().getByTestId('outdated-publications').count()).toBe(0);
    expect(await notice().getByTestId('outdated-documents').count()).toBe(0);
    await page.screenshot({ path: artifactPath('outdated-meeting.png'), animations: 'disabled' });
  });

  it('on 报告 writes both documents again; the reveal and the 公示 stay listed', async () => {
    await page.goto(`${harness.url}#/reports`);
    const docs = notice().getByTestId('outdated-documents');
    await docs.waitFor();
    await page.screenshot({ path: artifactPath('outdated-reports.png'), animations: 'disabled' });

    await notice().getByTestId('outdated-regenerate-all').click();
    const done = page.getByTestId('outdated-regenerated');
    await done.getByText('已按现在的结果重新生成 2 个文档').waitFor();
    await docs.waitFor({ state: 'detached' });
    await notice().getByTestId('outdated-reveals').waitFor();
    expect(await notice().getByTestId('outdated-publications').count()).toBe(1);
    await page.screenshot({ path: artifactPath('outdated-regenerated.png'), animations: 'disabled' });
    for (const file of [bulletin, feedback]) {
      const after = await documentText(file);
      expect(after, file).toContain(branch.name);
      expect(after, file).not.toBe(texts.get(file));
    }
    await done.getByTestId('outdated-show-folder').click();
    await expect.poll(() => harness.desktop.shown.at(-1)).toBe(bulletin);
    expect((await value(harness.services.invoke('results.outdated', { periodId }))).records.map((r) => r.kind).sort()).toEqual(['publication', 'reveal']);
  });

  it('when the score is put back, the reveal and the 公示 hold again and the documents are the ones out of date', async () => {
    await value(
      harness.services.invoke('entries.save', {
        periodId,
        reason: '经核实原评分无误，恢复',
        entries: [{ raterId: corrected.raterId, branchId: branch.branchId, indicatorId: corrected.indicatorId, value: corrected.raw }],
      }),
    );
    await page.reload();
    const docs = notice().getByTestId('outdated-documents');
    await docs.waitFor();
    expect(await notice().getByTestId('outdated-reveals').count()).toBe(0);
    expect(await notice().getByTestId('outdated-publications').count()).toBe(0);
    // Two documents, so 全部重新生成 too; one written again by its own button.
    await notice().getByTestId('outdated-regenerate-all').waitFor();
    await docs.locator('li', { hasText: '考核结果通报.docx' }).getByRole('button', { name: '重新生成' }).click();
    await page.getByTestId('outdated-regenerated').getByText('已按现在的结果重新生成“考核结果通报.docx”').waitFor();
    await docs.locator('li', { hasText: '考核结果通报.docx' }).waitFor({ state: 'detached' });
    expect(await docs.locator('li', { hasText: '反馈单.docx' }).count()).toBe(1);
    expect(await notice().getByTestId('outdated-regenerate-all').count()).toBe(0);
    // The same data as when it was first written: the same 通报.
    expect(await documentText(bulletin)).toBe(texts.get(bulletin));
    expect(pageErrors).toEqual([]);
  });
});
