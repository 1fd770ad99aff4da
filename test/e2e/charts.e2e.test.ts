/**
 * The results charts in Chromium on the real services: each chart draws what
 * the engine computed (its Chart.js data equals results.get / results.panel /
 * results.trend, and its canvas is really painted, in the grade colours), a
 * chart saves as an opaque PNG through the save dialog, and a screenshot of
 * every chart is kept in test/artifacts for people to look at.
 */
import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../shared/api';
import type { PeriodResults } from '../../shared/domain/views';
import type { PanelStatistics } from '../../shared/engine';
import { startHarness, type Harness } from '../harness/server';
import { artifactPath, chromiumForSuite, launchChromium, RENDERER_DIR } from '../helpers/browser';
import { value } from '../helpers/result';

const chromiumPath = chromiumForSuite();

/** What a chart's canvas holds: its Chart.js data and a census of its pixels. */
interface Drawn {
  labels: unknown[];
  datasets: { label: string; data: unknown[] }[];
  width: number;
  height: number;
  /** Pixels that are not white. */
  inked: number;
  /** Pixels that are not fully opaque. */
  transparent: number;
  /** How many pixels have each of the asked colours (#rrggbb), exactly. */
  colours: Record<string, number>;
}

async function drawn(page: Page, testId: string, colours: string[] = []): Promise<Drawn> {
  const canvas = page.getByTestId(testId).locator('canvas');
  await canvas.waitFor();
  await page.waitForFunction((id) => !!(document.querySelector(`[data-testid="${id}"] canvas`) as { rpChart?: unknown } | null)?.rpChart, testId);
  return canvas.evaluate((el, wanted) => {
    const c = el as HTMLCanvasElement & { rpChart: { data: { labels?: unknown[]; datasets: { label: string; data: unknown[] }[] } } };
    const ctx = c.getContext('2d')!;
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const rgb = wanted.map((hex) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
    const counts = wanted.map(() => 0);
    let inked = 0;
    let transparent = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b, a] = [px[i]!, px[i + 1]!, px[i + 2]!, px[i + 3]!];
      if (a < 255) transparent++;
      if (r < 250 || g < 250 || b < 250) inked++;
      rgb.forEach(([R, G, B], k) => {
        if (r === R && g === G && b === B) counts[k]!++;
      });
    }
    const chart = c.rpChart;
    return {
      labels: chart.data.labels ?? [],
      datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
      width: c.width,
      height: c.height,
      inked,
      transparent,
      colours: Object.fromEntries(wanted.map((w, k) => [w, counts[k]!])),
    };
  }, colours);
}

/** A chart is painted: opaque white background, a good share of ink, and not only ink. */
function expectPainted(d: Drawn) {
  const total = d.width * d.height;
  expect(d.transparent).toBe(0);
  expect(d.inked / total).toBeGreaterThan(0.03);
  expect(d.inked / total).toBeLessThan(0.9);
}

const GRADE_FILLS: Record<string, string> = { 优秀: '#1a7f37', 良好: '#0969da', 一般: '#d4a72c', 较差: '#b3261e' };
/** A rate as the radar draws it: a percentage with 2 decimals. */
const pct = (rate: number) => Math.round(rate * 10000) / 100;

describe.runIf(chromiumPath)('results charts in Chromium', () => {
  let harness: Harness;
  let browser: BrowserContext;
  let page: Page;
  let current: PeriodResults;
  let earlier: PeriodResults;
  const pageErrors: string[] = [];


  beforeAll(async () => {
    harness = await startHarness({ rendererDir: RENDERER_DIR });
    browser = await launchChromium(chromiumPath!);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // An earlier period (last year, 10 branches: SL-011 and SL-012 are new this year), then this year's.
    const first = await value(harness.services.invoke('sample.create', { branches: 10, raters: 7, seed: 2025 }));
    const year = first.period.year;
    await value(
      harness.services.invoke('periods.update', {
        id: first.period.id,
        name: `${year - 1}年度党建业务一体化考评`,
        year: year - 1,
        kind: first.period.kind,
        settings: first.period.settings,
      }),
    );
    const sample = await value(harness.services.invoke('sample.create', { branches: 12, raters: 7 }));
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId: sample.period.id }));
    current = await value(harness.services.invoke('results.get', { periodId: sample.period.id }));
    earlier = await value(harness.services.invoke('results.get', { periodId: first.period.id }));
    expect(current.result.branches).toHaveLength(12);
    expect(earlier.result.branches).toHaveLength(10);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const shoot = async (testId: string, file: string) => {
    const el = page.getByTestId(testId);
    await el.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await el.screenshot({ path: artifactPath(file), animations: 'disabled' });
  };

  it('draws the ranking: totals in rank order, bars in grade colours, grade lines, the vetoed branch marked', async () => {
    await page.goto(`${harness.url}#/results?tab=charts`);
    await page.getByTestId('charts-tab').waitFor();
    const branches = current.result.branches;
    const grades = [...new Set(branches.map((b) => b.grade))];
    const d = await drawn(page, 'chart-ranking', grades.map((g) => GRADE_FILLS[g]!));
    expect(d.datasets[0]!.data).toEqual(branches.map((b) => b.total));
    expect(d.labels).toEqual(branches.map((b) => `${b.rank}  ${b.name.replace(/党支部$/, '')}`));
    expectPainted(d);
    // Every grade that occurs is painted in its colour.
    for (const g of grades) expect(d.colours[GRADE_FILLS[g]!], g).toBeGreaterThan(100);
    // The title says the message; the vetoed branch is last.
    const chart = await page.getByTestId('chart-ranking').locator('canvas').getAttribute('aria-label');
    expect(chart).toContain(`${branches[0]!.name.replace(/党支部$/, '')}以 ${branches[0]!.total.toFixed(2)} 分居首`);
    expect(branches[branches.length - 1]!.vetoed).toBe(true);
    await shoot('chart-ranking', 'chart-ranking.png');
    await page.screenshot({ path: artifactPath('results-charts.png'), animations: 'disabled' });
  });

  it('draws the fusion quadrants: 12 points at the branches’ party and business rates, by quadrant', async () => {
    const d = await drawn(page, 'chart-quadrant');
    const quadrants = ['双强', '党建强业务弱', '业务强党建弱', '双弱'];
    expect(d.datasets.map((s) => s.label)).toEqual(
      quadrants.map((q) => `${q} ${current.result.branches.filter((b) => b.quadrant === q).length} 个`),
    );
    expect(d.datasets.reduce((n, s) => n + s.data.length, 0)).toBe(12);
    quadrants.forEach((q, i) => {
      const inQ = current.result.branches.filter((b) => b.quadrant === q);
      expect(d.datasets[i]!.data).toEqual(inQ.map((b) => ({ x: b.tags.party.rate, y: b.tags.business.rate })));
    });
    expectPainted(d);
    await shoot('chart-quadrant', 'chart-quadrant.png');
  });

  it('draws the grade distribution and the histogram of totals', async () => {
    const labels = current.period.settings.grades.map((g) => g.label);
    const grades = await drawn(page, 'chart-grades', labels.map((l) => GRADE_FILLS[l]!));
    expect(grades.labels).toEqual(labels);
    expect(grades.datasets[0]!.data).toEqual(labels.map((l) => current.result.branches.filter((b) => b.grade === l).length));
    for (const l of labels) if (current.result.branches.some((b) => b.grade === l)) expect(grades.colours[GRADE_FILLS[l]!], l).toBeGreaterThan(100);
    expectPainted(grades);
    await shoot('chart-grades', 'chart-grades.png');

    const hist = await drawn(page, 'chart-histogram');
    const totals = current.result.branches.map((b) => b.total);
    const lo = Math.floor(Math.min(...totals) / 5) * 5;
    const bins = (hist.labels as string[]).map((label, i) => {
      expect(label).toBe(`${lo + 5 * i}–${lo + 5 * i + 5}`);
      return totals.filter((x) => x >= lo + 5 * i && x < lo + 5 * i + 5).length;
    });
    expect(hist.datasets[0]!.data).toEqual(bins);
    expect(bins.reduce((s, n) => s + n, 0)).toBe(12);
    expectPainted(hist);
    await shoot('chart-histogram', 'chart-histogram.png');
  });

  it('shows a branch’s first-level dimensions against the average, and its totals over the periods', async () => {
    // The best-ranked branch that was assessed last year too, picked on the 图表 tab.
    const b = current.result.branches.find((x) => earlier.result.branches.some((y) => y.code === x.code))!;
    if (b !== current.result.branches[0]) {
      await page.getByTestId('chart-profile-branch').click();
      await page.keyboard.type(b.code);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('chart-radar').locator('canvas').getAttribute('aria-label')).toContain(b.name.replace(/党支部$/, ''));
    }
    // The top-level indicators with base points: not 加分项, not 一票否决.
    const roots = current.indicators.filter((i) => i.parentId === null && i.maxPoints > 0 && !/加分|否决/.test(i.name)).sort((x, y) => x.position - y.position);
    expect(roots.length).toBe(7);
    const radar = await drawn(page, 'chart-radar');
    expect(radar.datasets[0]!.data).toEqual(roots.map((r) => pct(b.nodes[r.id]!.points! / r.maxPoints)));
    const avg = (r: (typeof roots)[number]) =>
      pct(current.result.branches.reduce((s, x) => s + x.nodes[r.id]!.points! / r.maxPoints, 0) / current.result.branches.length);
    expect(radar.datasets[1]!.data).toEqual(roots.map(avg));
    expectPainted(radar);

    const trend: TrendPoint[] = await value(harness.services.invoke('results.trend', { branchId: b.branchId }));
    const before = earlier.result.branches.find((x) => x.code === b.code)!;
    expect(trend.map((p) => [p.periodId, p.total, p.grade, p.rank, p.of])).toEqual([
      [earlier.period.id, before.total, before.grade, before.rank, 10],
      [current.period.id, b.total, b.grade, b.rank, 12],
    ]);
    const line = await drawn(page, 'chart-trend');
    expect(line.datasets[0]!.data).toEqual([before.total, b.total]);
    expectPainted(line);

    // The same two charts in the branch drawer.
    await page.goto(`${harness.url}#/results?branch=${b.branchId}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('drawer-profile').waitFor();
    const inDrawer = await drawn(page, 'drawer-chart-radar');
    expect(inDrawer.datasets[0]!.data).toEqual(radar.datasets[0]!.data);
    const trendInDrawer = await drawn(page, 'drawer-chart-trend', [GRADE_FILLS[before.grade]!, GRADE_FILLS[b.grade]!]);
    expect(trendInDrawer.datasets[0]!.data).toEqual([before.total, b.total]);
    expect(await page.getByTestId('drawer-chart-trend').locator('canvas').getAttribute('aria-label')).toMatch(/总分(比上一周期(提高|降低) \d+\.\d\d 分|与上一周期持平)/);
    await shoot('drawer-chart-radar', 'chart-radar.png');
    await shoot('drawer-chart-trend', 'chart-trend.png');
    await page.screenshot({ path: artifactPath('results-drawer-profile.png'), animations: 'disabled' });

    // A branch new this year has one point: a note instead of a chart.
    const newcomer = current.result.branches.find((x) => x.code === 'SL-012')!;
    await page.goto(`${harness.url}#/results?branch=${newcomer.branchId}`);
    await page.getByTestId('drawer-chart-trend-single').getByText('只有本周期的结果').waitFor();
    expect(await page.getByTestId('drawer-chart-trend').count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows each rater’s leniency as diverging bars in the 评委一致性 tab', async () => {
    const panel: PanelStatistics = await value(harness.services.invoke('results.panel', { periodId: current.period.id }));
    await page.goto(`${harness.url}#/results?tab=panel`);
    const d = await drawn(page, 'chart-leniency');
    const raters = panel.raters.filter((r) => r.offset !== null).sort((a, b) => b.offset! - a.offset! || a.raterId - b.raterId);
    const names = new Map(current.raters.map((r) => [r.id, r.name]));
    expect(d.labels).toEqual(raters.map((r) => names.get(r.raterId)));
    (d.datasets[0]!.data as number[]).forEach((v, i) => expect(v).toBeCloseTo(raters[i]!.offset! * 100, 6));
    expectPainted(d);
    await shoot('chart-leniency', 'chart-leniency.png');
    await page.screenshot({ path: artifactPath('results-panel-leniency.png'), animations: 'disabled' });
  });

  it('saves a chart as an opaque PNG through the save dialog, and opens its folder', async () => {
    await page.goto(`${harness.url}#/results?tab=charts`);
    await page.getByTestId('chart-quadrant').locator('canvas').waitFor();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-charts-'));
    // The dialog answers without the extension, as some Linux desktops do: .png is added.
    harness.desktop.saves.push(path.join(dir, '融合象限图'));
    await page.getByTestId('chart-quadrant-save').click();
    const saved = path.join(dir, '融合象限图.png');
    await page.getByTestId('chart-saved').getByText(`图片已保存到 ${saved}`).waitFor();
    expect(existsSync(saved)).toBe(true);
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the screen's resolution, and no transparent pixel anywhere.
    const image = await loadImage(bytes);
    const shown = await page.getByTestId('chart-quadrant').locator('canvas').evaluate((c) => (c as HTMLCanvasElement).clientWidth);
    expect(image.width).toBe(shown * 2);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const px = ctx.getImageData(0, 0, image.width, image.height).data;
    let transparent = 0;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3]! < 255) transparent++;
      if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) inked++;
    }
    expect(transparent).toBe(0);
    expect(inked / (image.width * image.height)).toBeGreaterThan(0.03);

    await page.getByTestId('chart-saved').getByText('打开所在文件夹').click();
    await expect.poll(() => harness.desktop.shown).toEqual([saved]);

    // Cancelling the dialog writes nothing and says nothing.
    await page.getByTestId('chart-ranking-save').click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('chart-saved').count()).toBe(1);
  });

  it('leaves periods still being scored out of the trend', async () => {
    const b = current.result.branches[0]!;
    const draft = await value(
      harness.services.invoke('periods.create', { name: '2027年度考评', year: current.period.year + 1, kind: 'annual', frameworkId: current.period.frameworkId }),
    );
    expect(draft.status).toBe('draft');
    const trend: TrendPoint[] = await value(harness.services.invoke('results.trend', { branchId: b.branchId }));
    expect(trend.map((p) => p.periodId)).not.toContain(draft.id);
    expect(trend.map((p) => p.periodId)).toContain(current.period.id);
    await value(harness.services.invoke('periods.delete', { id: draft.id }));
    await value(harness.services.invoke('app.setCurrentPeriod', { periodId: current.period.id }));
  });

  it('refuses to write anything but a PNG', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-charts-'));
    // As the renderer does: the user picks the file in the save dialog, then the bytes are sent.
    harness.desktop.saves.push(path.join(dir, 'x.png'));
    expect(await harness.services.invoke('dialog.saveFile', { defaultName: 'x.png' })).toEqual({ ok: true, value: path.join(dir, 'x.png') });
    const r = await harness.services.invoke('files.writePng', { path: path.join(dir, 'x.png'), dataBase64: Buffer.from('<html>not a picture</html>').toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('不是 PNG') } });
    expect(existsSync(path.join(dir, 'x.png'))).toBe(false);
  });

  it('draws larger text for a projector, and keeps it across a reload', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${harness.url}#/results?tab=charts`);
    await page.getByTestId('chart-size').getByText('投影（大字号）').click();
    await page.reload();
    await drawn(page, 'chart-ranking');
    const sizes = await page
      .getByTestId('chart-ranking')
      .locator('canvas')
      .evaluate((c) => {
        const o = (c as unknown as { rpChart: { options: { scales: { x: { ticks: { font: { size: number } } } }; plugins: { title: { font: { size: number } } } } } }).rpChart.options;
        return { tick: o.scales.x.ticks.font.size, title: o.plugins.title.font.size };
      });
    expect(sizes).toEqual({ tick: 18, title: 24 });
    // A tall window for the pictures only: the charts keep the projector's 1024 px width.
    await page.setViewportSize({ width: 1024, height: 1400 });
    await shoot('chart-ranking', 'chart-ranking-projector.png');
    await shoot('chart-quadrant', 'chart-quadrant-projector.png');
    await page.getByTestId('chart-size').getByText('标准').click();
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(pageErrors).toEqual([]);
  });
});
