/**
 * The reports only render: a bulletin, a feedback sheet and both score sheets
 * built from hand-made view models — no database, no services — unzipped and
 * read back. The numbers come from the engine run on a hand-made input, as the
 * documents service would have it.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import { PeriodSettings } from '../../shared/domain/period';
import type { Period } from '../../shared/domain/views';
import { Engine, type EngineInput } from '../../shared/engine';
import { bulletinDocx } from '../../electron/reports/bulletin';
import { feedbackDocument } from '../../electron/reports/feedback';
import { reviewData } from '../../electron/reports/review-data';
import { scoreSheetForBranch, scoreSheetForRater } from '../../electron/reports/score-sheet';
import { GAP, officialStyle, toBuffer } from '../../electron/reports/style';
import type { BranchScoreSheet, RaterScoreSheet, ScoreSheetEntry } from '../../electron/reports/view-models';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text of document.xml, run by run. */
async function documentText(docx: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

const node = (id: number, parentId: number | null, position: number, code: string, name: string, o: Partial<Indicator> = {}): Indicator => ({
  id,
  parentId,
  position,
  code,
  name,
  criteria: '',
  evidence: '',
  tag: 'party',
  maxPoints: 0,
  method: null,
  ...o,
});

// A small framework: two scored dimensions, a deduction, and a veto.
const indicators: Indicator[] = [
  node(1, null, 0, '1', '组织建设', { maxPoints: 60 }),
  node(2, 1, 0, '1.1', '三会一课', { maxPoints: 40, criteria: '按期召开，记录完整', method: { kind: 'rating', step: 0.5 } }),
  node(3, 1, 1, '1.2', '组织生活违规', { maxPoints: 20, method: { kind: 'deduction', perOccurrence: 5 } }),
  node(4, null, 1, '2', '生产经营', { maxPoints: 40, tag: 'business' }),
  node(5, 4, 0, '2.1', '安全生产', { maxPoints: 40, tag: 'business', method: { kind: 'rating', step: 0.5 } }),
  node(6, null, 2, '3', '否决事项', { maxPoints: 0 }),
  node(7, 6, 0, '3.1', '重大安全事故', { method: { kind: 'veto', capGrade: null } }),
];
const leaves = indicators.filter((i) => i.method !== null);
const settings = PeriodSettings.parse({});
const period: Period = {
  id: 9,
  name: '2026年度党支部考核',
  year: 2026,
  kind: 'annual',
  frameworkId: 1,
  frameworkName: '党建考核指标',
  frameworkVersion: 1,
  status: 'review',
  settings,
  branchCount: 2,
  raterCount: 2,
  entryCount: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  archivedAt: null,
};
const branches = [
  { id: 11, code: 'SL-001', name: '生产运行党支部', secretary: '王书记', unit: '化工一厂' },
  { id: 12, code: 'SL-002', name: '机关第一党支部', secretary: '', unit: '机关' },
];
const raters = [
  { id: 21, name: '张评委', groupId: 31, recusals: [] },
  { id: 22, name: '李评委', groupId: 31, recusals: [{ branchId: 12, reason: '本支部成员' }] },
];
const entries: ScoreSheetEntry[] = [
  { raterId: 21, branchId: 11, indicatorId: 2, value: 36, detail: [] },
  { raterId: 21, branchId: 11, indicatorId: 3, value: 1, detail: ['未按期召开支委会'] },
  { raterId: 21, branchId: 11, indicatorId: 5, value: 38, detail: [] },
  { raterId: 21, branchId: 11, indicatorId: 7, value: 0, detail: [] },
  { raterId: 22, branchId: 11, indicatorId: 2, value: 32.5, detail: [] },
  { raterId: 22, branchId: 11, indicatorId: 3, value: 0, detail: [] },
  { raterId: 22, branchId: 11, indicatorId: 5, value: 35, detail: [] },
  { raterId: 22, branchId: 11, indicatorId: 7, value: 0, detail: [] },
  { raterId: 21, branchId: 12, indicatorId: 2, value: 30, detail: [] },
  { raterId: 21, branchId: 12, indicatorId: 3, value: 0, detail: [] },
  { raterId: 21, branchId: 12, indicatorId: 5, value: 30, detail: [] },
  { raterId: 21, branchId: 12, indicatorId: 7, value: 0, detail: [] },
];

function reviewView() {
  const input: EngineInput = {
    indicators,
    branches: branches.map((b) => ({ id: b.id, code: b.code, name: b.name })),
    groups: [{ id: 31, name: '考评组', weight: 1 }],
    raters: raters.map((r) => ({ id: r.id, name: r.name, groupId: r.groupId })),
    recusals: [{ raterId: 22, branchId: 12, reason: '本支部成员' }],
    scores: entries.map(({ raterId, branchId, indicatorId, value }) => ({ raterId, branchId, indicatorId, value })),
    measurements: [],
    settings,
  };
  return reviewData({
    period,
    result: new Engine(input).result,
    indicators,
    leaves,
    branches,
    raterCount: raters.length,
    records: new Map([[11, new Map([[3, { flaggedBy: 1, reasons: [{ text: '未按期召开支委会', raters: 1 }] }]])]]),
    measurements: new Map(),
    selfAssessed: new Set(),
    // Every cell scored (李评委 is recused from SL-002), no quantitative leaf: nothing missing.
    completeness: { finalised: false, missingCells: 0, missingMeasurements: 0, missingOffice: 0, perBranch: new Map(), overrides: [] },
  });
}

describe('reports render from view models, without a database', () => {
  it('a bulletin lists every branch with its total and grade, and the feedback sheet prints the recorded reason', async () => {
    const data = reviewView();
    const first = data.resultOf.get(11)!;
    expect(first.total).toBeGreaterThan(data.resultOf.get(12)!.total);

    const bulletin = await documentText(await bulletinDocx(data, { issuer: '党委组织部', date: new Date(2026, 11, 3), charts: { ranking: null, quadrant: null } }));
    expect(bulletin).toContain(`关于${period.name}结果的通报`);
    for (const b of branches) expect(bulletin).toContain(b.name);
    expect(bulletin).toContain(first.total.toFixed(2));
    expect(bulletin).toContain(first.grade);
    expect(bulletin).toContain('党委组织部');

    const s = officialStyle();
    const sheet = await documentText(await toBuffer(feedbackDocument(s, data, 11, { chart: null, self: null, issuer: '党委组织部', date: new Date(2026, 11, 3) })));
    expect(sheet).toContain('党支部考核反馈单');
    expect(sheet).toContain('SL-001');
    expect(sheet).toContain('未按期召开支委会（1位评委）');
    expect(sheet).toContain('（考核结果尚未定稿，以定稿结果为准）');
  });

  it('a rater’s filled score sheet shows their values and reasons, and lists the branch they are recused from', async () => {
    const view: RaterScoreSheet = {
      period: { name: period.name, settings },
      indicators,
      rater: raters[1]!,
      groupName: '考评组',
      branches: branches.map(({ id, code, name }) => ({ id, code, name })),
      filled: true,
      entries: entries.filter((e) => e.raterId === 22),
    };
    const text = await documentText(await scoreSheetForRater(view));
    expect(text).toContain('评委：李评委');
    expect(text).toContain('所在组：考评组');
    expect(text).toContain('回避：SL-002 机关第一党支部（本支部成员）');
    expect(text).toContain('32.5');
    expect(text).toContain('扣0次');
    expect(text).toContain(`SL-001${GAP}生产运行党支部`);
    expect(text).not.toContain(`SL-002${GAP}机关第一党支部`); // no page for the branch they are recused from

    const blank = await documentText(await scoreSheetForRater({ ...view, filled: false }));
    expect(blank).not.toContain('32.5');
    expect(blank).toContain('扣____次');
  });

  it('a branch’s filled score sheet puts every rater side by side with the reasons below', async () => {
    const view: BranchScoreSheet = {
      period: { name: period.name, settings },
      indicators,
      groups: [{ id: 31, name: '考评组' }],
      raters,
      branch: branches[0]!,
      filled: true,
      entries: entries.filter((e) => e.branchId === 11),
      measurements: [],
    };
    const text = await documentText(await scoreSheetForBranch(view));
    expect(text).toContain('评分汇总表');
    expect(text).toContain('支部书记：王书记');
    expect(text).toContain('张评委');
    expect(text).toContain('李评委');
    expect(text).toContain('扣1次：未按期召开支委会');
    expect(text).toContain('32.5');
  });
});
