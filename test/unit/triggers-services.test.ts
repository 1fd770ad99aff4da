/**
 * Leaves triggered by business data (由业务数据触发, issue 11 §4) through the real services on real SQLite files in
 * temporary folders: nobody records them — no rater entry, no score workbook row, no office record, no missing cell —
 * and the results follow the measurements.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { listOfficeRecords } from '../../electron/services/office';
import { periodReadiness } from '../../electron/services/readiness';
import { createSample } from '../../electron/services/sample';
import type { IndicatorDraft, LeafMethod } from '../../shared/domain/framework';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import type * as Unified from '../../shared/domain/templates/unified';
import { t } from '../../shared/messages';
import { Engine } from '../../shared/engine';
import { buildEngineInput } from '../../electron/services/results';
import { fullSheet, measurementOf, periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';
import { tempServices } from '../helpers/tmp';

// The sample's template with 9.3 未完成年度主要生产经营指标 triggered by 4.1.1 生产任务完成率 below 100%.
vi.mock('../../shared/domain/templates/unified', async (importOriginal) => {
  const original = await importOriginal<typeof Unified>();
  const triggered = (nodes: IndicatorDraft[]): IndicatorDraft[] =>
    nodes.map((n) => ({
      ...n,
      ...(n.children ? { children: triggered(n.children) } : {}),
      ...(n.code === '9.3' && n.method?.kind === 'veto' ? { method: { ...n.method, trigger: { source: '4.1.1', below: 1 } } } : {}),
    }));
  return { UNIFIED_TEMPLATE: { ...original.UNIFIED_TEMPLATE, indicators: triggered(original.UNIFIED_TEMPLATE.indicators) } };
});

/**
 * PERIOD_FRAMEWORK with 4 重大事故 (veto, cap 一般) triggered when 2.1 产量完成率 is below 100%, and 1.1 三会一课
 * (deduction, 0.5 per occurrence, 20 points) when 2.2 单位能耗 (越低越好) is.
 */
async function triggeredPeriod() {
  const s = await periodSetup({ status: 'draft', now: () => new Date('2026-11-20T08:00:00Z') });
  const withTrigger = async (code: string, source: string) => {
    const { id, name, criteria, evidence, tag, maxPoints, method } = s.leaf(code);
    if (method?.kind !== 'veto' && method?.kind !== 'deduction') throw new Error(`${code} is not a veto or deduction`);
    const triggered: LeafMethod = { ...method, trigger: { source, below: 1 } };
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: triggered } }));
  };
  await withTrigger('4', '2.1');
  await withTrigger('1.1', '2.2');
  ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
  const { indicators } = ok(await s.invoke('frameworks.get', { id: ok(await s.invoke('periods.get', { id: s.periodId })).frameworkId }));
  return { ...s, indicators, leaf: (code: string) => indicators.find((i) => i.code === code)! };
}

describe('nobody records a data-triggered leaf', () => {
  it('refuses a rater’s entry on it and leaves it off the rater’s leaves and the office’s list', async () => {
    const s = await triggeredPeriod();
    const refused = await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('4').id, value: 1 }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.[0]?.message).toBe(t('error.entries.row', { row: 1, problem: t('error.entries.triggeredLeaf', { code: '4', name: '重大事故' }) }));
    expect(raterLeavesInOrder(s.indicators).map((l) => l.code)).toEqual(['1.2', '1.3', '2.3', '3']);
    expect(ok(await s.invoke('office.list', { periodId: s.periodId }))).toEqual([]);
    const progress = ok(await s.invoke('scoring.progress', { periodId: s.periodId }));
    expect(progress.raters.find((r) => r.raterId === s.r1)?.expected).toBe(2 * 4);
  });

  it('refuses it typed into a rater’s score workbook, saying the data decides it', async () => {
    const s = await triggeredPeriod();
    const file = path.join(s.dir, '评分.xlsx');
    ok(await s.invoke('scores.writeTemplate', { periodId: s.periodId, raterId: s.r1, path: file }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A2').text).toBe('1.2'); // 1.1 is decided by the data: not on the rater's workbook
    sheet.getCell('A2').value = '1.1';
    await wb.xlsx.writeFile(file);
    const preview = ok(await s.invoke('scores.previewImport', { periodId: s.periodId, path: file }));
    expect(preview.errors.map((e) => e.message)).toContainEqual(expect.stringContaining(t('workbook.scores.triggeredNotRated', { indicator: '1.1 三会一课' })));
  });

  it('leaves it off the rater’s paper score sheet, saying the data decides it', async () => {
    const s = await triggeredPeriod();
    const file = path.join(s.dir, '评分表.docx');
    ok(await s.invoke('documents.scoreSheet', { periodId: s.periodId, raterId: s.r1, filled: false, path: file }));
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('以下项目由业务数据触发（按定量指标的完成率判断），不在本表评分：1.1 三会一课、4 重大事故。');
    // Its name only in that line; no instruction for a veto nobody on the panel fills; no deduction one either.
    expect(text.split('重大事故')).toHaveLength(2);
    expect(text).not.toContain('一票否决项：勾选');
    expect(text).not.toContain('扣分项：填写扣分次数');
  });

  it('counts no missing entry for it; the results follow the measurements', async () => {
    const s = await triggeredPeriod();
    const rated = (e: { indicatorId: number }) => e.indicatorId !== s.leaf('1.1').id && e.indicatorId !== s.leaf('4').id;
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...fullSheet(s, s.r1, s.hg1), ...fullSheet(s, s.r1, s.hg2), ...fullSheet(s, s.r2, s.hg1)].filter(rated) }));
    // HG-01: 产量 96 of 100 → 96% (below 100%: vetoed); 能耗 98 against 100 → 100 ÷ 98 = 102.04% (1.1 full).
    // HG-02: 产量 100 → 100% (not vetoed); 能耗 105 → 100 ÷ 105 = 95.24% (1.1 loses 0.5).
    ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [measurementOf(s.hg1, s.leaf('2.1').id, 96), measurementOf(s.hg1, s.leaf('2.2').id, 98), measurementOf(s.hg2, s.leaf('2.1').id, 100), measurementOf(s.hg2, s.leaf('2.2').id, 105)] }));
    expect(periodReadiness(s.db, s.periodId, 'review')).toMatchObject({ complete: true, missingCells: 0, office: [], measurements: [] });

    const engine = new Engine(buildEngineInput(s.db, s.periodId));
    const branch = (id: number) => engine.result.branches.find((b) => b.branchId === id)!;
    expect(branch(s.hg1)).toMatchObject({ vetoed: true, vetoIndicatorIds: [s.leaf('4').id], complete: true, missing: 0 });
    expect(branch(s.hg2)).toMatchObject({ vetoed: false, complete: true, missing: 0 });
    expect(branch(s.hg1).nodes[s.leaf('1.1').id]).toEqual({ points: 20, complete: true });
    expect(branch(s.hg2).nodes[s.leaf('1.1').id]).toEqual({ points: 19.5, complete: true });
    expect(engine.explainBranch(s.hg2)!.cells.find((c) => c.indicatorId === s.leaf('1.1').id)).toMatchObject({
      groups: [],
      trigger: { source: { indicatorId: s.leaf('2.2').id, code: '2.2', name: '单位能耗' }, direction: 'lower', target: 100, actual: 105, rate: 0.9524, triggered: true },
    });
  });
});

describe('the sample period with a data-triggered veto in its template', () => {
  it('is created without entries or office records on it, and vetoes as the business data says', () => {
    const { ctx } = tempServices();
    const db = ctx.db;
    const summary = createSample(db, { branches: 6, raters: 4, seed: 7 }, new Date('2026-11-20T08:00:00Z'));
    const periodId = summary.period.id;
    const input = buildEngineInput(db, periodId);
    const veto = input.indicators.find((i) => i.code === '9.3')!;
    expect(veto.method).toMatchObject({ kind: 'veto', trigger: { source: '4.1.1', below: 1 } });
    const onIt = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM score WHERE period_id = ? AND indicator_id = ?').get(periodId, veto.id);
    expect(onIt).toEqual({ n: 0 });
    expect(listOfficeRecords(db, periodId).some((r) => r.indicatorId === veto.id)).toBe(false);

    // Each branch is vetoed on 9.3 exactly when its 4.1.1 actual falls short of its target (both are above 0 here).
    const source = input.indicators.find((i) => i.code === '4.1.1')!;
    const engine = new Engine(input);
    const shortOf = input.branches.map((b) => {
      const m = input.measurements.find((x) => x.branchId === b.id && x.indicatorId === source.id)!;
      const short = Math.round((m.actual! / m.target) * 10_000) / 10_000 < 1;
      expect(engine.result.branches.find((r) => r.branchId === b.id)!.vetoIndicatorIds.includes(veto.id)).toBe(short);
      return short;
    });
    // The seed gives both cases.
    expect(new Set(shortOf)).toEqual(new Set([true, false]));
  });
});
