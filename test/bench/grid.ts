/**
 * npx tsx test/bench/grid.ts — how the scoring grid feels on a big sheet:
 * a synthetic period of 120 leaves × 60 branches in the real renderer
 * (RONGPING_RENDERER_DIR or dist/renderer) in headless Chromium, on the
 * real services through the browser harness, a rater signed in.
 *
 *  1. first paint: navigation start → the grid's cells are in the page and a frame has been drawn
 *     (the first load, then the median of 3 reloads);
 *  2. key to saved: type a value + Enter → the cell shows "saved" (median of 20, with p90 and max);
 *     also Enter → the value shown (saving), the part the rater waits for;
 *  3. moving: one arrow key → the grid re-rendered and laid out (mean of 100 moves across the sheet).
 *
 * Skipped, with a message, where no Chromium is installed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IndicatorDraft } from '../../shared/domain/framework';
import { createFrameworkFromDraft } from '../../electron/services/frameworks';
import { startHarness } from '../harness/server';
import { findChromium, HOW_TO_GET_CHROMIUM, launchChromium, RENDERER_DIR } from '../helpers/browser';

const LEAVES = 120;
const BRANCHES = 60;
const DIMENSIONS = 10;
const KEY_RUNS = 20;

const chromium = findChromium();
if (!chromium) {
  console.log(HOW_TO_GET_CHROMIUM.replace('Browser tests', 'Grid bench'));
  process.exit(0);
}
if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
  console.log(`Grid bench skipped: no built renderer in ${RENDERER_DIR} (npm run build, or point RONGPING_RENDERER_DIR at a build).`);
  process.exit(0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** 10 dimensions × 12 leaves of 1 point: rating leaves (step 0.5) with a level leaf closing each dimension. */
function draft(): IndicatorDraft[] {
  const per = LEAVES / DIMENSIONS;
  return Array.from({ length: DIMENSIONS }, (_, d) => ({
    code: String(d + 1),
    name: `维度${d + 1}`,
    tag: (['party', 'business', 'fusion'] as const)[d % 3]!,
    maxPoints: per,
    criteria: '评分细则：按支部提交的材料和现场检查情况评分。',
    children: Array.from({ length: per }, (_, l) => ({
      code: `${d + 1}.${l + 1}`,
      name: `第${d + 1}维度指标${l + 1}`,
      tag: (['party', 'business', 'fusion'] as const)[d % 3]!,
      maxPoints: 1,
      criteria: '细则文字',
      evidence: '佐证材料',
      method: l === per - 1 ? { kind: 'level' as const } : { kind: 'rating' as const, step: 0.5 },
    })),
  }));
}

const harness = await startHarness({ rendererDir: RENDERER_DIR });
const browser = await launchChromium(chromium);
try {
  const inv = harness.services.invoke;
  const value = async <T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const frameworkId = createFrameworkFromDraft(harness.services.ctx.db, { name: '基准指标体系', description: '', indicators: draft() }, new Date());
  for (let b = 0; b < BRANCHES; b++) await value(inv('branches.create', { code: `B${String(b + 1).padStart(3, '0')}`, name: `第${b + 1}党支部` }));
  const period = await value(inv('periods.create', { name: '基准周期', year: 2026, kind: 'annual', frameworkId }));
  await value(inv('app.setCurrentPeriod', { periodId: period.id }));
  const group = await value(inv('panel.saveGroup', { periodId: period.id, name: '考评组', weight: 1 }));
  const rater = await value(inv('panel.saveRater', { periodId: period.id, groupId: group.id, name: '评委甲' }));
  await value(inv('periods.advance', { id: period.id, to: 'scoring' }));
  await value(inv('session.signInRater', { periodId: period.id, raterId: rater.id }));

  const page = await browser.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Timestamps taken inside the page (performance.now() counts from navigation start).
  await page.addInitScript(() => {
    const rp = { paint: null as number | null, keys: [] as number[], saving: [] as number[], saved: [] as number[] };
    (window as unknown as { __rp: typeof rp }).__rp = rp;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter') rp.keys.push(performance.now());
      },
      true,
    );
    new MutationObserver((records) => {
      if (rp.paint === null && document.querySelector('.rp-grid .rp-cell')) {
        rp.paint = -1;
        requestAnimationFrame(() => (rp.paint = performance.now()));
      }
      for (const r of records) {
        if (r.type !== 'attributes') continue;
        const state = (r.target as Element).getAttribute('data-state');
        if (state === 'saving' && r.oldValue !== 'saving') rp.saving.push(performance.now());
        if (state === 'saved' && r.oldValue === 'saving') rp.saved.push(performance.now());
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  });
  type Rp = { paint: number | null; keys: number[]; saving: number[]; saved: number[] };
  const rp = () => page.evaluate(() => (window as unknown as { __rp: Rp }).__rp);
  const waitPaint = async () => {
    await page.waitForFunction(() => ((window as unknown as { __rp: Rp }).__rp.paint ?? -1) > 0);
    return (await rp()).paint!;
  };

  await page.goto(`${harness.url}#/scoring`);
  const cold = await waitPaint();
  const cells = await page.locator('.rp-grid .rp-cell').count();
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    warm.push(await waitPaint());
  }

  // Key to saved: down the first branch's column, a fresh cell each time.
  await page.getByTestId('cell-input').waitFor();
  await page.keyboard.press('Control+Home');
  const saved: number[] = [];
  const shown: number[] = [];
  for (let i = 0; i < KEY_RUNS; i++) {
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as unknown as { __rp: Rp }).__rp.saved.length >= n, i + 1);
  }
  const r = await rp();
  for (let i = 0; i < KEY_RUNS; i++) {
    saved.push(r.saved[i]! - r.keys[i]!);
    shown.push(r.saving[i]! - r.keys[i]!);
  }

  // Moving: 100 arrow keys (right along a row, then down), each timed to the end of React's render and layout.
  const moves = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="cell-input"]')!;
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const key = i % 2 ? 'ArrowDown' : 'ArrowRight';
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await Promise.resolve();
      void document.body.offsetHeight; // force layout
      times.push(performance.now() - t0);
      await new Promise((res) => requestAnimationFrame(() => res(null)));
    }
    return times;
  });
  const stored = await value(inv('scoring.sheet', { periodId: period.id, raterId: rater.id }));

  const rows: [string, string][] = [
    ['sheet', `${LEAVES} leaves × ${BRANCHES} branches (${LEAVES * BRANCHES} cells), ${cells} cells in the DOM`],
    ['first paint, first load', ms(cold)],
    ['first paint, reload (median of 3)', ms(median(warm))],
    [`Enter → value shown (median of ${KEY_RUNS})`, ms(median(shown))],
    [`Enter → cell shows saved (median of ${KEY_RUNS})`, ms(median(saved))],
    ['Enter → saved, p90 / max', `${ms(pct(saved, 0.9))} / ${ms(Math.max(...saved))}`],
    ['arrow key → rendered + laid out (mean of 100)', ms(moves.reduce((a, b) => a + b, 0) / moves.length)],
    ['entries stored by the service', String(stored.entries.length)],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log('\nScoring grid bench (headless Chromium, 1366×768)\n');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  if (stored.entries.length !== KEY_RUNS) throw new Error(`expected ${KEY_RUNS} stored entries, found ${stored.entries.length}`);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log('');
} finally {
  await browser.close();
  await harness.close();
}
