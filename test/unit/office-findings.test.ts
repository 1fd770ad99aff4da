/**
 * 细则 leaves recorded by the office (issue 11 §1): findings — which rule, how many times, how much each time,
 * with a reason each — stored with the record (migration 13), their total the value the engine takes, checked
 * rule by rule, audited with the rule named, listed by the CLI and quoted in the 反馈单. Real services on real
 * SQLite files in temporary folders.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkOfficeRecord, listOfficeRecords, officeSheetValues } from '../../electron/services/office';
import { loadPeriodScope } from '../../electron/services/period-scope';
import { buildEngineInput } from '../../electron/services/results';
import { OfficeRecordInput } from '../../shared/domain/office';
import { t } from '../../shared/messages';
import { docxText } from '../helpers/docx-text';
import { ok } from '../helpers/result';
import { rulesPeriod } from '../helpers/rules-period';
import { tempDir } from '../helpers/tmp';

type Setup = Awaited<ReturnType<typeof rulesPeriod>>;

const EVIDENCE = { evidence: '组织部检查记录〔2026〕15号', evidenceDate: '2026-10-12' };
/** ① twice (2 points), ② once at 0.5: 2.5 points off. */
const TWO_FINDINGS = {
  findings: [
    { rule: 0, count: 2, amount: 1 },
    { rule: 1, count: 1, amount: 0.5 },
  ],
  detail: ['3月、5月未召开支委会', '6月支委会记录缺签到'],
  ...EVIDENCE,
};

const rulesRow = (s: Setup, branchId: number, more: Partial<OfficeRecordInput> = {}) =>
  OfficeRecordInput.parse({ branchId, indicatorId: s.leaves.rules, value: 0, ...more });

const save = async (s: Setup, rows: OfficeRecordInput[], reason?: string) => s.invoke('office.save', { periodId: s.periodId, rows, ...(reason ? { reason } : {}) });

const officeAudit = (s: Setup) =>
  s.db
    .prepare<[number], { action: string; old_json: string | null; new_json: string | null }>("SELECT action, old_json, new_json FROM audit WHERE period_id = ? AND entity = 'office' ORDER BY id")
    .all(s.periodId);

describe('findings on a 细则 leaf', () => {
  it('stores the findings with their reasons; the value is their total, whatever the input said', async () => {
    const s = await rulesPeriod();
    expect(ok(await save(s, [rulesRow(s, s.hg1, { value: 99, ...TWO_FINDINGS }), rulesRow(s, s.hg2)]))).toEqual({ saved: 2, removed: 0, unchanged: 0 });
    const list = listOfficeRecords(s.db, s.periodId).filter((r) => r.indicatorId === s.leaves.rules);
    expect(list.map((r) => [r.branchCode, r.value, r.findings, r.detail, r.evidence])).toEqual([
      ['HG-01', 2.5, TWO_FINDINGS.findings, TWO_FINDINGS.detail, EVIDENCE.evidence],
      ['HG-02', 0, [], [], ''],
    ]);
    // Other leaves list no findings.
    expect(listOfficeRecords(s.db, s.periodId).filter((r) => r.indicatorId === s.leaves.deduction).every((r) => r.findings.length === 0)).toBe(true);
    const stored = s.db.prepare<[], { findings_json: string | null }>('SELECT findings_json FROM office_record ORDER BY branch_id').all();
    expect(stored.map((r) => (r.findings_json ? JSON.parse(r.findings_json) : null))).toEqual([TWO_FINDINGS.findings, null]);

    // The engine takes the total, and the findings with their reasons for the explanation; the rater's sheet
    // shows the findings read-only.
    expect(buildEngineInput(s.db, s.periodId).office).toEqual([
      { branchId: s.hg1, indicatorId: s.leaves.rules, value: 2.5, ...EVIDENCE, findings: TWO_FINDINGS.findings, reasons: TWO_FINDINGS.detail },
      { branchId: s.hg2, indicatorId: s.leaves.rules, value: 0, evidence: '', evidenceDate: null },
    ]);
    expect(officeSheetValues(s.db, loadPeriodScope(s.db, s.periodId))[0]).toEqual({ branchId: s.hg1, indicatorId: s.leaves.rules, value: 2.5, ...TWO_FINDINGS });

    // The same findings again change nothing; another amount is a change.
    expect(ok(await save(s, [rulesRow(s, s.hg1, TWO_FINDINGS)]))).toEqual({ saved: 0, removed: 0, unchanged: 1 });
    const more = { ...TWO_FINDINGS, findings: [TWO_FINDINGS.findings[0]!, { rule: 1, count: 1, amount: 1 }] };
    expect(ok(await save(s, [rulesRow(s, s.hg1, more)]))).toEqual({ saved: 1, removed: 0, unchanged: 0 });
    expect(listOfficeRecords(s.db, s.periodId)[0]).toMatchObject({ value: 3, findings: more.findings });
  });

  it('cuts a rule to its cap: ② three times at 1 point is 2 (最多扣2分), plus ③ once at its fixed 2', async () => {
    const s = await rulesPeriod();
    const findings = [
      { rule: 1, count: 3, amount: 1 },
      { rule: 2, count: 1, amount: 2 },
    ];
    ok(await save(s, [rulesRow(s, s.hg1, { findings, detail: ['三次会议记录无签到', '未建立党员管理台账'], ...EVIDENCE })]));
    expect(listOfficeRecords(s.db, s.periodId)[0]).toMatchObject({ value: 4, findings });
  });

  it('checks each finding against its rule, naming the finding and the rule; findings on another leaf are refused', async () => {
    const s = await rulesPeriod();
    const scope = loadPeriodScope(s.db, s.periodId);
    const leaf = scope.leafById.get(s.leaves.rules)!;
    const check = (more: Partial<OfficeRecordInput>) => checkOfficeRecord(leaf, rulesRow(s, s.hg1, { ...EVIDENCE, ...more }), 'HG-01');
    const where = t('office.where', { branch: 'HG-01', indicator: '1.1 组织建设' });
    expect(check({ findings: [{ rule: 4, count: 1, amount: 1 }], detail: ['会议未开'] })).toBe(`${where}：第 1 条：没有细则 5（本指标共 3 条细则）`);
    expect(check({ findings: [{ rule: 2, count: 2, amount: 2 }], detail: ['台账未建立'] })).toBe(`${where}：第 1 条（细则③“未建立党员管理台账”）：本条细则只扣一次，次数应为 1，现为 2`);
    expect(check({ findings: [{ rule: 1, count: 1, amount: 1.5 }], detail: ['记录不全'] })).toBe(`${where}：第 1 条（细则②“会议记录不规范”）：分值应在 0.5 到 1 之间，现为 1.5`);
    expect(check({ findings: [{ rule: 0, count: 1, amount: 1 }], detail: [] })).toContain('原因');
    expect(check({ findings: [{ rule: 0, count: 1, amount: 1 }], detail: ['无'] })).toContain('太短');
    expect(check({ findings: [{ rule: 0, count: 1, amount: 1 }], detail: ['5月未召开'], evidence: '' })).toBe(t('office.error.evidenceRequiredPoints', { where, value: 1 }));
    // Checked, nothing found: no evidence needed.
    expect(check({ evidence: '', evidenceDate: null })).toBeNull();
    expect(check(TWO_FINDINGS)).toBeNull();
    const deduction = scope.leafById.get(s.leaves.deduction)!;
    const onDeduction = OfficeRecordInput.parse({ branchId: s.hg1, indicatorId: s.leaves.deduction, value: 1, detail: ['5月未召开'], findings: [{ rule: 0, count: 1, amount: 1 }], ...EVIDENCE });
    expect(checkOfficeRecord(deduction, onDeduction, 'HG-01')).toBe(t('office.error.findingsNotRules', { where: t('office.where', { branch: 'HG-01', indicator: '1.2 三会一课' }) }));
  });

  it('refuses the whole batch when one finding is wrong; nothing is stored', async () => {
    const s = await rulesPeriod();
    const answer = await save(s, [rulesRow(s, s.hg1, TWO_FINDINGS), rulesRow(s, s.hg2, { findings: [{ rule: 1, count: 1, amount: 2 }], detail: ['记录不规范'], ...EVIDENCE })]);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.details).toEqual([{ row: 2, message: expect.stringContaining('细则②“会议记录不规范”）：分值应在 0.5 到 1 之间，现为 2') }]);
    expect(s.db.prepare('SELECT count(*) AS n FROM office_record').get()).toEqual({ n: 0 });
    expect(officeAudit(s)).toEqual([]);
  });

  it('audits the findings, and the log says which rule each reason is about', async () => {
    const s = await rulesPeriod();
    ok(await save(s, [rulesRow(s, s.hg1, { ...TWO_FINDINGS, findings: [TWO_FINDINGS.findings[0]!], detail: [TWO_FINDINGS.detail[0]!] })]));
    ok(await save(s, [rulesRow(s, s.hg1, TWO_FINDINGS)]));
    const rows = officeAudit(s);
    expect(rows.map((r) => r.action)).toEqual([t('office.audit.recorded'), t('office.audit.changed')]);
    expect(JSON.parse(rows[1]!.old_json!)).toEqual({ value: 2, detail: [TWO_FINDINGS.detail[0]], findings: [TWO_FINDINGS.findings[0]], ...EVIDENCE });
    expect(JSON.parse(rows[1]!.new_json!)).toEqual({ value: 2.5, ...TWO_FINDINGS });

    const file = path.join(tempDir(), '操作记录.xlsx');
    ok(await s.invoke('audit.export', { periodId: s.periodId, path: file }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts = wb.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(texts).toContain('扣 2.5 分（①未按时召开支委会×2，扣2分：3月、5月未召开支委会；②会议记录不规范，扣0.5分：6月支委会记录缺签到），依据：组织部检查记录〔2026〕15号（2026-10-12）');
  });
});

describe('the 反馈单 quotes 细则 findings in words, with their 依据', () => {
  it('lists the deduction with each finding naming its rule, and puts it on the problem list', async () => {
    const s = await rulesPeriod();
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [s.hg1, s.hg2].map((branchId) => ({ raterId: s.raterId, branchId, indicatorId: s.leaves.rating, value: 9, detail: [] })) }));
    const none = (branchId: number, indicatorId: number) => OfficeRecordInput.parse({ branchId, indicatorId, value: 0 });
    ok(await save(s, [rulesRow(s, s.hg1, TWO_FINDINGS), none(s.hg1, s.leaves.deduction), rulesRow(s, s.hg2), none(s.hg2, s.leaves.deduction)]));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));

    const dir = tempDir();
    const file = (n: string) => path.join(dir, `${n}.docx`);
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: file('hg1') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg2, path: file('hg2') }));
    const [hg1, hg2] = await Promise.all(['hg1', 'hg2'].map((n) => docxText(file(n))));
    const findings = '①未按时召开支委会×2，扣2分：3月、5月未召开支委会';
    const second = '②会议记录不规范，扣0.5分：6月支委会记录缺签到';
    // The deduction table: 1.1 loses 2.5 of its 10 points; its findings, not numbered again, then what they rest on.
    expect(hg1).toContain(`1.1 组织建设2.50${findings}${second}（考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12）`);
    expect(hg1).not.toContain(`1. ${findings}`);
    // The table and its sentence say the office recorded these deductions, not raters (they used to say 评委).
    expect(hg1).toContain('扣分原因（考核组核定及依据）');
    expect(hg1).toContain('扣分由考核组对照考核细则核定后计入得分');
    expect(hg1).not.toContain('评委人数');
    // The problem list: the findings and the points with the 依据.
    expect(hg1).toContain(`${findings}；${second}（扣 2.50 分；考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12）`);
    expect(hg1).not.toContain('位评委）');
    // Checked, nothing found: no deduction.
    expect(hg2).toContain('本次考核无扣分事项。');
  });
});
