/**
 * The 业务数据 area in Chromium on the real services, on the sample period
 * (评审中, business data for every quantitative leaf): a measurement edited in
 * the table, the business-data workbook out and back (refused with its row
 * error, then imported), a branch's self-assessment against the panel, a
 * rater's score workbook imported with a reason, the audit log telling who
 * changed what, the period finalised and reopened with a reason, the log
 * exported.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementRow } from '../../shared/domain/measurements';
import type { SelfAssessmentItem } from '../../shared/domain/self-assessment';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

const num = (x: number) => String(Number(x.toPrecision(12)));

describe.runIf(chromiumPath)('业务数据 area in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let periodId: number;
  let periodName: string;
  let edited: MeasurementRow;
  const pageErrors: string[] = [];

  const measurements = () => value(harness.services.invoke('measurements.list', { periodId }));

  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    const sample = await value(harness.services.invoke('sample.create', { branches: 6, raters: 5 }));
    periodId = sample.period.id;
    periodName = sample.period.name;
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId }));
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const mRows = () => page.locator('.rpd-measurements .ant-table-tbody tr.ant-table-row');
  const dialog = () => page.locator('.ant-modal').filter({ visible: true });
  /** A screenshot of the screen itself: the short-lived success toasts hidden. */
  const shot = async (name: string) => {
    await page.mouse.move(0, 0);
    const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await page.screenshot({ path: artifactPath(name), animations: 'disabled' });
    await style.evaluate((el) => (el as HTMLElement).remove());
  };
  const openTab = async (name: string, path: string) => {
    await page.getByRole('tab', { name }).click();
    await page.waitForURL(new RegExp(`#/data/${path}`));
  };

  it('opens on the business data of the current period with its completeness', async () => {
    await page.goto(`${harness.url}#/data`);
    await page.waitForURL(/#\/data\/measurements/);
    await page.getByTestId('data-period').getByText(periodName).waitFor();
    const all = await measurements();
    expect(all.length).toBeGreaterThan(0);
    await page.getByTestId('measurement-completeness').getByText(`已填 ${all.length} / 共 ${all.length} 项`).waitFor();
    await mRows().first().waitFor();
    const first = await mRows().first().innerText();
    expect(first).toContain(all[0]!.branchName);
    expect(first).toContain(all[0]!.indicatorName);
    expect(first).toContain(all[0]!.direction === 'higher' ? '越高越好' : '越低越好');
    expect(first).toContain(num(all[0]!.actual!));
  });

  it('edits one measurement in the table; it is stored and still there after a reload', async () => {
    edited = (await measurements())[0]!;
    const row = mRows().first();
    await row.getByRole('button', { name: '编辑' }).click();
    const actual = row.getByLabel('实际值');
    await actual.fill('123.45');
    // A floor on the wrong side of the target is refused in place, before anything is sent.
    await row.getByLabel('零分线').fill(String((edited.target ?? 100) * (edited.direction === 'higher' ? 2 : 0.5)));
    await actual.press('Enter');
    await row.getByText(edited.direction === 'higher' ? /零分线应不高于目标值/ : /零分线应不低于目标值/).waitFor();
    await shot('data-measurement-edit.png');
    await row.getByLabel('零分线').fill('');
    await row.getByLabel('数据来源部门').fill('生产技术部');
    await actual.press('Enter');
    await page.getByText(`已保存“${edited.branchName} · ${edited.indicatorName}”`).waitFor();
    const stored = (await measurements()).find((m) => m.branchId === edited.branchId && m.indicatorId === edited.indicatorId)!;
    expect(stored).toMatchObject({ actual: 123.45, source: '生产技术部', floor: null, target: edited.target });

    await page.reload();
    await mRows().first().waitFor();
    const text = await mRows().first().innerText();
    expect(text).toContain('123.45');
    expect(text).toContain('生产技术部');
    await shot('data-measurements.png');
  });

  it('filters to the rows whose actual value is missing', async () => {
    await page.getByText('只看未填实际值').click();
    await page.getByText('所选范围内的实际值都已填写').waitFor();
    await page.getByText('只看未填实际值').click();
    await mRows().first().waitFor();
  });

  it('downloads the prefilled template; a bad row refuses the whole file; the corrected file is imported', async () => {
    const dir = tempDir();
    const file = path.join(dir, '业务数据.xlsx');
    harness.desktop.saves.push(file);
    await page.getByRole('button', { name: '下载模板' }).click();
    await page.getByTestId('saved-message').getByText(`已保存到 ${file}`).waitFor();
    expect(existsSync(file)).toBe(true);

    // Row 2 is the first branch × indicator (the row edited above): change its actual value; add a row for a branch that does not exist.
    const all = await measurements();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('业务数据')!;
    expect(sheet.getCell('A2').value).toBe(all[0]!.branchCode);
    expect(sheet.getCell('G2').value).toBe(123.45);
    sheet.getCell('G2').value = 99.5;
    const bad = all.length + 2;
    sheet.getRow(bad).values = ['XX-99', '不存在的支部', all[0]!.indicatorCode, '', '', 100, 90, null, '计划部'];
    await wb.xlsx.writeFile(file);

    harness.desktop.opens.push(file);
    await page.getByRole('button', { name: '从 Excel 导入' }).click();
    await dialog().getByText('发现 1 处错误，整个文件都不会导入').waitFor();
    expect(await dialog().getByTestId('import-errors').innerText()).toBe(`第 ${bad} 行，A 列（支部编码）：找不到支部编码“XX-99”`);
    expect(await dialog().getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await shot('data-import-errors.png');
    expect((await measurements())[0]!.actual).toBe(123.45);

    const fix = new ExcelJS.Workbook();
    await fix.xlsx.readFile(file);
    fix.getWorksheet('业务数据')!.spliceRows(bad, 1);
    await fix.xlsx.writeFile(file);
    harness.desktop.opens.push(file);
    await dialog().getByRole('button', { name: '重新选择文件' }).click();
    await dialog().getByText(/检查通过：新增 0 项，修改 1 项，不变 \d+ 项/).waitFor();
    await dialog().getByRole('button', { name: '确认导入 1 项' }).click();
    await page.getByText('业务数据导入完成：保存 1 项').waitFor();
    expect((await measurements())[0]!.actual).toBe(99.5);
    await mRows().first().getByText('99.5').waitFor();
  });

  it("enters a branch's self-assessment on two leaves and compares it with the panel, largest gaps first", async () => {
    await openTab('支部自评', 'self');
    const branchId = edited.branchId;
    const view = await value(harness.services.invoke('selfAssessment.get', { periodId, branchId }));
    // The 打分 leaf the panel rated lowest (against its max): giving it full marks makes the largest gap.
    const before = await value(harness.services.invoke('selfAssessment.compare', { periodId, branchId }));
    const share = (id: number) => {
      const c = before.items.find((i) => i.indicatorId === id)!;
      return (c.panelPoints ?? c.maxPoints) / c.maxPoints;
    };
    const rating = view.items.filter((i) => i.method.kind === 'rating').sort((a, b) => share(a.indicatorId) - share(b.indicatorId))[0]!;
    const deduction = view.items.find((i) => i.method.kind === 'deduction')!;
    const fill = async (item: SelfAssessmentItem, v: string, note: string) => {
      await page.getByLabel(`${item.code} 自评`, { exact: true }).fill(v);
      await page.getByLabel(`${item.code} 说明`, { exact: true }).fill(note);
    };
    await page.getByLabel(`${rating.code} 自评`, { exact: true }).waitFor();
    await fill(rating, String(rating.maxPoints), '按计划完成全部工作');
    await fill(deduction, '0', '');
    await page.getByTestId('self-unsaved').getByText('2 处修改未保存').waitFor();
    await shot('data-self-entry.png');
    await page.keyboard.press('Control+s'); // focus is in the table: Ctrl+S saves, as in Excel
    await page.getByText('自评已保存：保存 2 项').waitFor();
    const stored = await value(harness.services.invoke('selfAssessment.get', { periodId, branchId }));
    expect(stored.items.find((i) => i.indicatorId === rating.indicatorId)).toMatchObject({ value: rating.maxPoints, note: '按计划完成全部工作' });
    expect(stored.items.find((i) => i.indicatorId === deduction.indicatorId)).toMatchObject({ value: 0 });

    await page.getByText('自评与考评组对比').click();
    const compare = await value(harness.services.invoke('selfAssessment.compare', { periodId, branchId }));
    const rows = page.getByTestId('self-compare').locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const withGap = compare.items.filter((i) => i.gap !== null);
    expect(withGap).toHaveLength(2);
    for (const [i, item] of withGap.entries()) {
      const text = await rows.nth(i).innerText();
      expect(text).toContain(item.name);
      expect(text).toContain(item.selfPoints!.toFixed(2));
      expect(text).toContain(item.panelPoints!.toFixed(2));
      expect(text).toContain(item.gap! > 0 ? `+${item.gap!.toFixed(2)}` : item.gap!.toFixed(2));
    }
    expect(Math.abs(withGap[0]!.gap!)).toBeGreaterThanOrEqual(Math.abs(withGap[1]!.gap!));
    // Large gaps (20% of the leaf's max or more) are marked: self higher than the panel here.
    for (const [i, item] of withGap.entries()) {
      const large = Math.abs(item.gap!) >= 0.2 * item.maxPoints;
      expect(await rows.nth(i).getAttribute('class')).toContain(large ? (item.gap! > 0 ? 'rpd-row-over' : 'rpd-row-under') : 'ant-table-row');
      if (large) expect(await rows.nth(i).innerText()).toContain(item.gap! > 0 ? '自评偏高' : '自评偏低');
    }
    expect(withGap.some((i) => i.gap! >= 0.2 * i.maxPoints)).toBe(true);
    const gap = compare.totals.gap;
    expect(await page.getByTestId('compare-gap-total').innerText()).toBe(gap > 0 ? `+${gap.toFixed(2)}` : gap.toFixed(2));
    await shot('data-self.png');
  });

  it("downloads a rater's score sheet and imports it back with the reason the review stage requires", async () => {
    await openTab('评分导入导出', 'scores');
    const panel = await value(harness.services.invoke('panel.get', { periodId }));
    const rater = panel.raters[0]!;
    const file = path.join(tempDir(), '评分表.xlsx');
    harness.desktop.saves.push(file);
    await page.locator('.ant-table-tbody tr', { hasText: rater.name }).getByRole('button', { name: '下载评分表' }).click();
    await page.getByTestId('saved-message').getByText(`已保存到 ${file}`).waitFor();

    // Change one 打分 cell of a branch the rater is not recused from.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('评分')!;
    let changed = '';
    for (let r = 2; r <= sheet.rowCount && !changed; r++) {
      if (!String(sheet.getCell(r, 4).value ?? '').startsWith('打分')) continue;
      const max = Number(sheet.getCell(r, 3).value);
      for (let c = 5; c <= sheet.columnCount && !changed; c++) {
        const cell = sheet.getCell(r, c);
        if (typeof cell.value !== 'number') continue;
        cell.value = cell.value === max ? max - 0.5 : max;
        changed = cell.address;
      }
    }
    expect(changed).not.toBe('');
    await wb.xlsx.writeFile(file);

    harness.desktop.opens.push(file);
    await page.getByRole('button', { name: '导入评分表' }).click();
    await dialog().getByTestId('score-file-rater').getByText(`这是评委“${rater.name}”的评分表。`).waitFor();
    await dialog().getByText(/检查通过：新增 0 条，修改 1 条/).waitFor();
    await dialog().getByText('评审阶段修改评分须写明原因').waitFor();
    await dialog().getByRole('button', { name: '确认导入 1 条评分' }).click();
    await dialog().getByText('请写明修改原因，它会记入操作记录').waitFor();
    await shot('data-scores-import.png');
    await dialog().getByLabel('修改原因').fill('据纸质评分表更正');
    await dialog().getByRole('button', { name: '确认导入 1 条评分' }).click();
    await page.getByText(`已导入“${rater.name}”的评分表：保存 1 条`).waitFor();

    const exported = path.join(tempDir(), '评分明细.xlsx');
    harness.desktop.saves.push(exported);
    await page.getByRole('button', { name: '导出全部评分' }).click();
    await page.getByTestId('saved-message').getByText(`已保存到 ${exported}`).waitFor();
    expect(existsSync(exported)).toBe(true);
  });

  it('shows the measurement change in the log: who, old → new', async () => {
    await openTab('操作记录', 'audit');
    await page.getByLabel('按对象筛选').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '业务数据' }).click();
    await page.getByLabel('搜索操作人、操作或原因').fill('管理员');
    await page.getByLabel('搜索操作人、操作或原因').press('Enter');
    const rows = page.locator('.rpd-audit .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().innerText();
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(text).toContain('管理员');
    expect(text).toContain('修改业务数据');
    expect(text).toContain(edited.branchName);
    expect(text).toContain(edited.indicatorName);
    expect(text).toContain(`实际 ${num(edited.actual!)}，来源 ${edited.source} → 实际 123.45，来源 生产技术部`);
    await page.getByText('清除筛选').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // The import is logged under the file's name, the score change with its reason.
    expect(await page.locator('.rpd-audit').innerText()).toContain('导入（业务数据.xlsx）');
    expect(await page.locator('.rpd-audit').innerText()).toContain('据纸质评分表更正');
  });

  it('reopens a finalised period from the log with a reason, and the reopening is logged', async () => {
    await value(harness.services.invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' }));
    await page.reload();
    await page.getByTestId('lock-status').getByText('已定稿').waitFor();
    await page.getByRole('button', { name: '重新开启' }).click();
    const modal = dialog();
    await modal.getByRole('button', { name: '重新开启' }).click();
    await modal.getByText('请写明重新开启的原因').waitFor();
    await modal.getByLabel('重新开启的原因').fill('评审会决定更正一个支部的业务数据');
    await modal.getByRole('button', { name: '重新开启' }).click();
    await page.getByText(`已重新开启“${periodName}”，现在是“评审中”`).waitFor();
    await page.getByTestId('lock-status').getByText('评审中').waitFor();
    const first = page.locator('.rpd-audit .ant-table-tbody tr.ant-table-row').first();
    await first.getByText('重新开启（已定稿 → 评审中）').waitFor();
    const text = await first.innerText();
    expect(text).toContain('考核周期');
    expect(text).toContain('已定稿 → 评审中');
    expect(text).toContain('评审会决定更正一个支部的业务数据');
    expect((await value(harness.services.invoke('periods.get', { id: periodId }))).status).toBe('review');
    await shot('data-audit.png');
  });

  it('exports the audit log through the save dialog', async () => {
    const file = path.join(tempDir(), '操作记录.xlsx');
    harness.desktop.saves.push(file);
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await page.getByTestId('saved-message').getByText(`已保存到 ${file}`).waitFor();
    expect(existsSync(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('操作记录')!;
    expect(sheet.getCell('A1').value).toBe('时间');
    const reasons = sheet.getColumn(10).values.map(String);
    expect(reasons).toContain('评审会决定更正一个支部的业务数据');
  });

  it('while a period is being scored: values hidden in the log, the comparison and the export refused with the reason', async () => {
    const sample = await value(harness.services.invoke('periods.get', { id: periodId }));
    const scoring = await value(
      harness.services.invoke('periods.create', {
        name: '2027年度党建业务一体化考评',
        year: 2027,
        kind: 'annual',
        frameworkId: sample.frameworkId,
        copyPanelFrom: periodId,
      }),
    );
    await value(harness.services.invoke('periods.advance', { id: scoring.id, to: 'scoring' }));
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId: scoring.id }));
    await page.goto(`${harness.url}#/data/audit`);
    await page.reload(); // the period was switched behind the app's back
    await page.getByTestId('data-period').getByText('2027年度党建业务一体化考评').waitFor();
    await page.getByTestId('audit-blind').getByText('评分进行中，评分数值不显示', { exact: false }).waitFor();
    await page.getByTestId('lock-status').getByText('评分中').waitFor();

    await openTab('支部自评', 'self');
    await page.getByText('自评与考评组对比').click();
    await page.getByTestId('compare-refused').getByText('正在评分，为保证各评委独立打分', { exact: false }).waitFor();

    await openTab('评分导入导出', 'scores');
    harness.desktop.saves.push(path.join(tempDir(), '评分明细.xlsx'));
    await page.getByRole('button', { name: '导出全部评分' }).click();
    await page.getByText('正在评分，为保证各评委独立打分', { exact: false }).waitFor();
    await page.getByTestId('scores-stage').getByText('评分中：评委填好的评分表可以直接导入', { exact: false }).waitFor();
    await shot('data-scores.png');
  });

  it('fits a 1024×768 projector: nothing spills out of the window, a period without figures says what is missing', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openTab('业务数据（目标协同）', 'measurements');
    const all = await value(harness.services.invoke('measurements.list', { periodId: (await value(harness.services.invoke('app.info', {}))).currentPeriodId! }));
    await page.getByTestId('measurement-completeness').getByText(`已填 0 / 共 ${all.length} 项`).waitFor();
    await mRows().first().getByText('未填').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await shot('data-1024.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(pageErrors).toEqual([]);
  });
});
