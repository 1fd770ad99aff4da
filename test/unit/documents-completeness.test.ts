/**
 * Issue 9 §3 in the documents: “暂定” appears exactly when something is
 * missing and the period is not finalised, and says what (never “缺项不计分”,
 * as if missing were 0); a period finalised with something missing says so
 * once — when, what, and the reason the administrator gave — and never 暂定;
 * a complete period says neither. The wording module alone, then the 通报,
 * 反馈单, 公示 and 评审会材料 built by the real services and read back.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateOverride } from '../../shared/domain/readiness';
import { branchCompletenessText, overrideSentence, periodCompletenessText } from '../../electron/reports/completeness';
import type { Completeness } from '../../electron/reports/view-models';
import { fullSheet, measurementOf, periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';
import { docxText } from '../helpers/docx-text';

// ---------------------------------------------------------------- the wording alone

const override = (step: GateOverride['step'], reason: string, missing: Partial<GateOverride['missing']> = {}, at = '2026-12-20T04:00:00.000Z'): GateOverride => ({
  id: 1,
  periodId: 1,
  step,
  at,
  actor: '管理员',
  reason,
  missing: { cells: 46, measurements: 5, agendaItems: 0, ...missing },
});

/** 46 cells and 5 business figures missing: branch 1 lacks 40 and 5, branch 2 lacks 6, branch 3 nothing. */
const missing = (o: Partial<Completeness> = {}): Completeness => ({
  finalised: false,
  missingCells: 46,
  missingMeasurements: 5,
  missingOffice: 0,
  perBranch: new Map([
    [1, { cells: 40, measurements: 5, office: 0 }],
    [2, { cells: 6, measurements: 0, office: 0 }],
  ]),
  overrides: [],
  ...o,
});
const complete = (o: Partial<Completeness> = {}): Completeness => ({ finalised: false, missingCells: 0, missingMeasurements: 0, missingOffice: 0, perBranch: new Map(), overrides: [], ...o });
const you = { who: '你支部', overrides: true };

describe('completeness wording', () => {
  it('not finalised with something missing: 暂定, with the counts, missing never counted as 0', () => {
    expect(periodCompletenessText(missing())).toBe('目前还缺 46 项评分、5 项业务数据（缺项未计入总分），结果为暂定。');
    expect(periodCompletenessText(missing({ missingMeasurements: 0 }))).toBe('目前还缺 46 项评分（缺项未计入总分），结果为暂定。');
    expect(periodCompletenessText(missing({ missingCells: 0 }))).toBe('目前还缺 5 项业务数据（缺项未计入总分），结果为暂定。');
    // A branch's page: its own counts; a complete branch among incomplete ones keeps its total, not its rank.
    expect(branchCompletenessText(missing(), 2, you)).toBe('你支部目前还缺 6 项评分（缺项未计入总分），结果为暂定。');
    expect(branchCompletenessText(missing(), 3, you)).toBe('你支部评分和业务数据已齐全；其他党支部还缺 46 项评分、5 项业务数据，名次和等次为暂定。');
    expect(branchCompletenessText(missing(), 2, { who: '该支部', overrides: false })).toBe('该支部目前还缺 6 项评分（缺项未计入总分），结果为暂定。');
  });

  it('office records (考核组核定) are counted apart from scores, and alone make the results 暂定', () => {
    // Branch 1 lacks 40 cells, 5 figures and 2 office records; branch 2 only 1 office record; branch 3 nothing.
    const c = missing({
      missingOffice: 3,
      perBranch: new Map([
        [1, { cells: 40, measurements: 5, office: 2 }],
        [2, { cells: 6, measurements: 0, office: 1 }],
      ]),
    });
    expect(periodCompletenessText(c)).toBe('目前还缺 46 项评分、5 项业务数据、3 项考核组核定（缺项未计入总分），结果为暂定。');
    expect(branchCompletenessText(c, 2, you)).toBe('你支部目前还缺 6 项评分、1 项考核组核定（缺项未计入总分），结果为暂定。');
    expect(branchCompletenessText(c, 3, you)).toContain('其他党支部还缺 46 项评分、5 项业务数据、3 项考核组核定，名次和等次为暂定。');
    const onlyOffice = complete({ missingOffice: 1, perBranch: new Map([[2, { cells: 0, measurements: 0, office: 1 }]]) });
    expect(periodCompletenessText(onlyOffice)).toBe('目前还缺 1 项考核组核定（缺项未计入总分），结果为暂定。');
    expect(branchCompletenessText(onlyOffice, 2, you)).toBe('你支部目前还缺 1 项考核组核定（缺项未计入总分），结果为暂定。');
    // An override records them too; one recorded before office leaves existed has no count and reads as before.
    expect(overrideSentence(override('review', '先行评审', { cells: 0, measurements: 0, office: 3 }))).toBe(
      '本周期于2026年12月20日进入评审。进入评审时尚缺 3 项考核组核定，经管理员确认进入评审，原因：先行评审。',
    );
  });

  it('not finalised: the gated steps taken anyway follow, the latest of each, in step order', () => {
    const c = missing({
      overrides: [
        override('publish', '公示期不能推迟', {}, '2026-12-05T04:00:00.000Z'),
        override('review', '先行评审。', { cells: 50 }, '2026-12-01T04:00:00.000Z'),
        override('publish', '公示期不能再推迟', { cells: 46 }, '2026-12-06T04:00:00.000Z'),
      ],
    });
    expect(periodCompletenessText(c)).toBe(
      '目前还缺 46 项评分、5 项业务数据（缺项未计入总分），结果为暂定。' +
        '本周期于2026年12月1日进入评审。进入评审时尚缺 50 项评分、5 项业务数据，经管理员确认进入评审，原因：先行评审。' +
        '本结果于2026年12月6日公示。公示时尚缺 46 项评分、5 项业务数据，经管理员确认先行公示，原因：公示期不能再推迟。',
    );
    // Stated once per document: a page of many leaves them to the document's head.
    expect(branchCompletenessText(c, 2, { who: '该支部', overrides: false })).not.toContain('经管理员确认');
    expect(branchCompletenessText(c, 2, you)).toContain('经管理员确认先行公示');
  });

  it('finalised through an override: says when, what and why, once, and never 暂定', () => {
    const c = missing({ finalised: true, overrides: [override('review', '先行评审'), override('finalise', '年底前必须定稿；其余评委已调离！')] });
    const text = periodCompletenessText(c);
    expect(text).toBe('本结果于2026年12月20日定稿。定稿时尚缺 46 项评分、5 项业务数据，经管理员确认按已有评分定稿，原因：年底前必须定稿；其余评委已调离。');
    expect(branchCompletenessText(c, 1, you)).toBe(
      '本结果于2026年12月20日定稿。定稿时你支部尚缺 40 项评分、5 项业务数据，经管理员确认按已有评分定稿，原因：年底前必须定稿；其余评委已调离。',
    );
    expect(branchCompletenessText(c, 3, you)).toBe(
      '本结果于2026年12月20日定稿。定稿时各党支部共缺 46 项评分、5 项业务数据（你支部无缺项），经管理员确认按已有评分定稿，原因：年底前必须定稿；其余评委已调离。',
    );
    expect(branchCompletenessText(c, 1, { who: '该支部', overrides: false })).toBe('');
    for (const s of [text, branchCompletenessText(c, 1, you), branchCompletenessText(c, 3, you)]) expect(s).not.toContain('暂定');
    // Only agenda items open: nothing was finalised without scores.
    expect(overrideSentence(override('finalise', '议定事项会后补记', { cells: 0, measurements: 0, agendaItems: 2 }))).toBe(
      '本结果于2026年12月20日定稿。定稿时2 个议程事项未办结，经管理员确认定稿，原因：议定事项会后补记。',
    );
  });

  it('finalised with something missing but no override on record (before the gate existed): said plainly, not 暂定', () => {
    expect(periodCompletenessText(missing({ finalised: true }))).toBe('本结果定稿时尚缺 46 项评分、5 项业务数据，按已有评分定稿（缺项未计入总分）。');
    expect(branchCompletenessText(missing({ finalised: true }), 2, you)).toBe('本结果定稿时你支部尚缺 6 项评分，按已有评分定稿（缺项未计入总分）。');
  });

  it('complete: nothing, whatever steps were once taken anyway', () => {
    const taken = [override('review', '先行评审')];
    expect(periodCompletenessText(complete())).toBe('');
    expect(periodCompletenessText(complete({ overrides: taken }))).toBe('');
    expect(periodCompletenessText(complete({ finalised: true, overrides: taken }))).toBe('');
    expect(branchCompletenessText(complete({ finalised: true, overrides: taken }), 1, you)).toBe('');
    expect(branchCompletenessText(complete({ overrides: taken }), 1, you)).toBe('');
  });
});

// ---------------------------------------------------------------- the documents, from the real services

const docText = docxText;
const occurrences = (text: string, part: string) => text.split(part).length - 1;


const sheet = fullSheet;
const measurement = measurementOf;

/**
 * The small period on a clock the test moves. `complete`: every cell and
 * actual value in; otherwise HG-01 is complete and HG-02 lacks 4 of 王建国's
 * cells (李敏 is recused from it) and its 2.2 actual value.
 */
async function scoredPeriod(complete: boolean) {
  const clock = { now: new Date('2026-12-10T04:00:00.000Z') };
  const s = await periodSetup({ now: () => clock.now });
  ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...sheet(s, s.r1, s.hg1), ...sheet(s, s.r1, s.hg2, complete ? 6 : 2), ...sheet(s, s.r2, s.hg1)] }));
  ok(
    await s.invoke('measurements.save', {
      periodId: s.periodId,
      rows: [measurement(s.hg1, s.leaf('2.1').id, 96), measurement(s.hg1, s.leaf('2.2').id, 95), measurement(s.hg2, s.leaf('2.1').id, 98), measurement(s.hg2, s.leaf('2.2').id, complete ? 97 : null)],
    }),
  );
  const meeting = ok(await s.invoke('meetings.save', { periodId: s.periodId, kind: 'assessment', title: '2026年度考核评审会', date: '2026-12-12', withPanel: true, withAllBranches: true }));
  /** The four documents, written to the test's temporary folder, as text. */
  const documents = async (tag: string) => {
    const file = (name: string) => path.join(s.dir, `${tag}-${name}.docx`);
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: file('bulletin') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: file('hg1') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg2, path: file('hg2') }));
    ok(await s.invoke('documents.meetingPack', { meetingId: meeting.id, path: file('pack') }));
    ok(await s.invoke('documents.publication', { periodId: s.periodId, path: file('publication') }));
    return {
      bulletin: await docText(file('bulletin')),
      hg1: await docText(file('hg1')),
      hg2: await docText(file('hg2')),
      pack: await docText(file('pack')),
      publication: await docText(file('publication')),
    };
  };
  return { ...s, clock, documents };
}
const publication = { start: '2026-12-14', end: '2026-12-18', objectionContact: '党委组织部 电话 6688' };
const REVIEW_REASON = '李敏出差，经党委同意先行评审';
const PUBLISH_REASON = '公示期不能再推迟';
const FINAL_REASON = '王建国已调离，经考评领导小组同意按已有评分定稿';

describe('the documents of an incomplete period', () => {
  it('in review: 暂定 with what is missing — per branch on its sheet — and the steps taken anyway; finalised through an override: that, once, and never 暂定', async () => {
    const s = await scoredPeriod(false);
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: REVIEW_REASON }));
    s.clock.now = new Date('2026-12-13T04:00:00.000Z');
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication, override: PUBLISH_REASON }));

    const provisional = '目前还缺 4 项评分、1 项业务数据（缺项未计入总分），结果为暂定。';
    const steps =
      `本周期于2026年12月10日进入评审。进入评审时尚缺 4 项评分、1 项业务数据，经管理员确认进入评审，原因：${REVIEW_REASON}。` +
      `本结果于2026年12月13日公示。公示时尚缺 4 项评分、1 项业务数据，经管理员确认先行公示，原因：${PUBLISH_REASON}。`;
    const review = await s.documents('review');
    for (const text of [review.bulletin, review.publication, review.pack]) {
      expect(text).toContain(provisional + steps);
      expect(occurrences(text, '经管理员确认进入评审')).toBe(1);
    }
    expect(review.hg2).toContain(`你支部${provisional}${steps}`);
    expect(review.hg1).toContain(`你支部评分和业务数据已齐全；其他党支部还缺 4 项评分、1 项业务数据，名次和等次为暂定。${steps}`);
    // The meeting's pack: each branch's page its own counts; the steps once, at the head of the pages.
    expect(review.pack).toContain(`该支部${provisional}`);
    expect(review.pack).toContain('该支部评分和业务数据已齐全；其他党支部还缺 4 项评分、1 项业务数据，名次和等次为暂定。');
    for (const text of Object.values(review)) {
      expect(text).not.toContain('缺项不计分');
      expect(text).not.toContain('定稿时');
    }

    s.clock.now = new Date('2026-12-20T04:00:00.000Z');
    expect(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised' })).toMatchObject({ ok: false, error: { code: 'incomplete' } });
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: FINAL_REASON }));
    const final = await s.documents('final');
    const finalised = `本结果于2026年12月20日定稿。定稿时尚缺 4 项评分、1 项业务数据，经管理员确认按已有评分定稿，原因：${FINAL_REASON}。`;
    for (const text of [final.bulletin, final.publication, final.pack]) expect(text).toContain(finalised);
    expect(final.hg2).toContain(`本结果于2026年12月20日定稿。定稿时你支部尚缺 4 项评分、1 项业务数据，经管理员确认按已有评分定稿，原因：${FINAL_REASON}。`);
    expect(final.hg1).toContain(`定稿时各党支部共缺 4 项评分、1 项业务数据（你支部无缺项），经管理员确认按已有评分定稿，原因：${FINAL_REASON}。`);
    for (const text of Object.values(final)) {
      expect(text).not.toContain('暂定');
      expect(text).not.toContain('讨论稿');
      expect(text).not.toContain('进入评审时');
      expect(occurrences(text, '经管理员确认')).toBe(1);
    }
  });
});

describe('the documents of a period lacking only office records (考核组核定)', () => {
  it('say 暂定 and count them as 考核组核定, not as 评分', async () => {
    const s = await periodSetup({ status: 'draft' });
    // 4 (重大事故, veto) recorded by the office, once per branch; the raters score the other five leaves.
    const { id, code, name, criteria, evidence, tag, maxPoints, method } = s.leaf('4');
    if (method?.kind !== 'veto') throw new Error('4 is the veto');
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: { ...method, entry: 'office' } } }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...sheet(s, s.r1, s.hg1, 5), ...sheet(s, s.r1, s.hg2, 5), ...sheet(s, s.r2, s.hg1, 5)] }));
    const actual = (b: number) => [measurement(b, s.leaf('2.1').id, 96), measurement(b, s.leaf('2.2').id, 95)];
    ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [...actual(s.hg1), ...actual(s.hg2)] }));
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [{ branchId: s.hg1, indicatorId: id, value: 0, detail: [] }] }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: REVIEW_REASON }));

    const file = (n: string) => path.join(s.dir, `${n}.docx`);
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: file('bulletin') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: file('hg1') }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg2, path: file('hg2') }));
    const [bulletin, hg1, hg2] = await Promise.all(['bulletin', 'hg1', 'hg2'].map((n) => docText(file(n))));
    const provisional = '目前还缺 1 项考核组核定（缺项未计入总分），结果为暂定。';
    expect(bulletin).toContain(`${provisional}本周期于`);
    expect(bulletin).toContain('进入评审时尚缺 1 项考核组核定，经管理员确认进入评审');
    expect(hg2).toContain(`你支部${provisional}`);
    expect(hg1).toContain('其他党支部还缺 1 项考核组核定，名次和等次为暂定。');
    for (const text of [bulletin, hg1, hg2]) expect(text).not.toContain('项评分');
  });
});

describe('the documents of a complete period', () => {
  it('say neither 暂定 nor anything about missing, in review and once finalised', async () => {
    const s = await scoredPeriod(true);
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication }));
    const review = await s.documents('review');
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised' }));
    const final = await s.documents('final');
    for (const text of [...Object.values(review), ...Object.values(final)]) {
      expect(text).toContain('化工一厂第');
      for (const word of ['暂定', '还缺', '尚缺', '共缺', '经管理员确认']) expect(text).not.toContain(word);
    }
  });
});
