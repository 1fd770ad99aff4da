/**
 * The documents quote a leaf triggered by business data (由业务数据触发, issue 11 §4) by its working — the source,
 * its 完成率 and the threshold — instead of as a rater's or the office's record (it used to read “0 位评委认定 /
 * （评委未写明情况）”); the 考核组核定表 refuses one typed into it in the same words. Real services on real SQLite files in temporary folders; the .docx read back as text.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LeafMethod } from '../../shared/domain/framework';
import { docxText } from '../helpers/docx-text';
import { fullSheet, measurementOf, periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';

/**
 * PERIOD_FRAMEWORK with 4 重大事故 (veto, cap 一般) triggered when 2.1 产量完成率 is below 100%, and 1.1 三会一课
 * (deduction, 0.5 per occurrence) when 2.2 单位能耗 (越低越好) is below 90%. HG-01: 产量 96 (96%, vetoed), 能耗 105
 * (100 ÷ 105 = 95.24%, not below 90%); HG-02: 产量 100, 能耗 125 (80%, 1.1 loses 0.5). In review.
 */
async function triggeredPeriod() {
  const s = await periodSetup({ status: 'draft', now: () => new Date('2026-11-20T08:00:00Z') });
  const withTrigger = async (code: string, source: string, below: number) => {
    const { id, name, criteria, evidence, tag, maxPoints, method } = s.leaf(code);
    if (method?.kind !== 'veto' && method?.kind !== 'deduction') throw new Error(`${code} is not a veto or deduction`);
    const triggered: LeafMethod = { ...method, trigger: { source, below } };
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: triggered } }));
  };
  await withTrigger('4', '2.1', 1);
  await withTrigger('1.1', '2.2', 0.9);
  ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
  return s;
}

async function reviewedPeriod() {
  const s = await triggeredPeriod();
  const rated = (e: { indicatorId: number }) => e.indicatorId !== s.leaf('1.1').id && e.indicatorId !== s.leaf('4').id;
  ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...fullSheet(s, s.r1, s.hg1), ...fullSheet(s, s.r1, s.hg2), ...fullSheet(s, s.r2, s.hg1)].filter(rated) }));
  const m = (branchId: number, code: string, actual: number) => measurementOf(branchId, s.leaf(code).id, actual);
  ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [m(s.hg1, '2.1', 96), m(s.hg1, '2.2', 105), m(s.hg2, '2.1', 100), m(s.hg2, '2.2', 125)] }));
  ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));
  return s;
}

const VETO_WORKING = '2.1 产量完成率 完成率 96%（实际 96 ÷ 目标 100），低于 100%';
const DEDUCTION_WORKING = '2.2 单位能耗 完成率 80%（目标 100 ÷ 实际 125），低于 90%';

describe('documents on a leaf triggered by business data', () => {
  it('the 反馈单 says 业务数据触发 and quotes the working, for the veto and for the deduction', async () => {
    const s = await reviewedPeriod();
    const file = (n: string) => path.join(s.dir, `${n}.docx`);
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: file('hg1') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg2, path: file('hg2') }));
    const [hg1, hg2] = await Promise.all(['hg1', 'hg2'].map((n) => docxText(file(n))));

    // HG-01: the veto table names who decided it and why; the problem list opens with it.
    expect(hg1).toContain(`4 重大事故业务数据触发${VETO_WORKING}（业务数据触发）`);
    expect(hg1).toContain(`触发一票否决（业务数据触发）：${VETO_WORKING}`);
    expect(hg1).not.toContain('位评委认定');
    expect(hg1).not.toContain('评委未写明情况');
    // Its 能耗 95.24% is not below 90%: no deduction, and nothing of 2.2 quoted.
    expect(hg1).toContain('本次考核无扣分事项。');
    expect(hg1).not.toContain('2.2 单位能耗 完成率');

    // HG-02: the deduction table and its sentence say business data triggered it, with the working.
    expect(hg2).toContain(`1.1 三会一课0.50${DEDUCTION_WORKING}（业务数据触发）`);
    expect(hg2).toContain('扣分原因（业务数据触发及完成率）');
    expect(hg2).toContain('由业务数据触发的扣分按定量指标的完成率判定后直接计入得分');
    expect(hg2).toContain(`${DEDUCTION_WORKING}（扣 0.50 分；业务数据触发）`);
    expect(hg2).not.toContain('评委未写明原因');
    expect(hg2).not.toContain('评委人数');
    expect(hg2).toContain('你支部本次考核未触发一票否决事项。');
  });

  it('the 考核结果通报 says the veto was triggered by business data, with the working', async () => {
    const s = await reviewedPeriod();
    const file = path.join(s.dir, 'bulletin.docx');
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: file }));
    const text = await docxText(file);
    expect(text).toContain(`化工一厂第一党支部因“重大事故”被一票否决`);
    expect(text).toContain(`业务数据触发：${VETO_WORKING}。`);
    expect(text).not.toContain('评委记录的情况');
  });
});

describe('the 考核组核定表 on a leaf triggered by business data', () => {
  it('refuses it typed in, saying the business data triggers it (not 业务数据（定量指标）)', async () => {
    const s = await triggeredPeriod();
    const file = path.join(s.dir, '核定.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('考核组核定');
    sheet.addRow(['支部编码*', '支部名称', '指标编码*', '指标名称', '评分方式', '核定值*', '原因（每条一行）', '依据（文件号/检查记录）', '依据日期']);
    sheet.addRow(['HG-01', null, '4', null, null, '是', '发生重大事故', '安监〔2026〕3号', null]);
    sheet.addRow(['HG-01', null, '2.1', null, null, 90, null, null, null]);
    await wb.xlsx.writeFile(file);
    const preview = ok(await s.invoke('office.previewImport', { periodId: s.periodId, path: file }));
    expect(preview.errors.map((e) => e.message)).toEqual([
      '第 2 行，C 列（指标编码）：“4 重大事故”的录入方式是“由业务数据触发（按定量指标的完成率判断）”，不由考核组核定；本表只填录入方式为“考核组核定”的指标',
      '第 3 行，C 列（指标编码）：“2.1 产量完成率”的录入方式是“业务数据（定量指标）”，不由考核组核定；本表只填录入方式为“考核组核定”的指标',
    ]);
  });
});
