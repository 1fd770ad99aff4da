/**
 * The gate confirmation's logic (renderer/src/components/period/gateModel):
 * the readiness lists grouped per rater / branch / meeting, the counts in
 * words, the reason rule, the override line and the 暂定 note.
 */
import { describe, expect, it } from 'vitest';
import type { MissingMeasurement, MissingScores, OpenAgendaItem, Readiness } from '../../shared/domain/readiness';
import {
  agendaByMeeting,
  gateStepFor,
  isIncomplete,
  measurementsByBranch,
  missingCounts,
  missingText,
  overrideLine,
  provisionalNote,
  reasonProblem,
  resultsGateStep,
  scoresByRater,
} from '../../renderer/src/components/period/gateModel';

const gap = (raterId: number, branchId: number, cells: number): MissingScores => ({
  raterId,
  raterName: `评委${raterId}`,
  branchId,
  branchCode: `B${branchId}`,
  branchName: `支部${branchId}`,
  cells,
});
const measurement = (branchId: number, indicatorId: number): MissingMeasurement => ({
  branchId,
  branchCode: `B${branchId}`,
  branchName: `支部${branchId}`,
  indicatorId,
  indicatorCode: `2.${indicatorId}`,
  indicatorName: `指标${indicatorId}`,
});
const item = (meetingId: number, itemId: number, problem: OpenAgendaItem['problem']): OpenAgendaItem => ({
  meetingId,
  meetingTitle: `评审会${meetingId}`,
  itemId,
  title: `事项${itemId}`,
  problem,
});
const readiness = (over: Partial<Readiness> = {}): Readiness => ({
  periodId: 1,
  step: 'review',
  scores: [],
  missingCells: 0,
  measurements: [],
  office: [],
  agenda: [],
  complete: true,
  ...over,
});

describe('gateStepFor', () => {
  it('gates 进入评审 and 定稿 only', () => {
    expect(gateStepFor('review')).toBe('review');
    expect(gateStepFor('finalised')).toBe('finalise');
    expect(gateStepFor('scoring')).toBeNull();
    expect(gateStepFor('draft')).toBeNull();
  });
});

describe('scoresByRater', () => {
  it('sums each rater over their branches, keeping the order given', () => {
    const groups = scoresByRater([gap(7, 1, 5), gap(3, 1, 2), gap(7, 2, 4), gap(3, 9, 1)]);
    expect(groups.map((g) => [g.raterId, g.cells, g.branches.map((b) => b.branchId)])).toEqual([
      [7, 9, [1, 2]],
      [3, 3, [1, 9]],
    ]);
    expect(groups[0]!.raterName).toBe('评委7');
  });

  it('holds a full panel of 9 raters × 60 branches as 9 groups of 60', () => {
    const scores = Array.from({ length: 9 }, (_, r) => Array.from({ length: 60 }, (_, b) => gap(r + 1, b + 1, 12))).flat();
    const groups = scoresByRater(scores);
    expect(groups).toHaveLength(9);
    expect(groups.every((g) => g.branches.length === 60 && g.cells === 720)).toBe(true);
  });

  it('is empty for nothing missing', () => {
    expect(scoresByRater([])).toEqual([]);
  });
});

describe('measurementsByBranch and agendaByMeeting', () => {
  it('lists each branch once with its indicators in order', () => {
    const groups = measurementsByBranch([measurement(2, 1), measurement(5, 1), measurement(2, 2)]);
    expect(groups.map((g) => [g.branchCode, g.indicators.map((i) => i.name)])).toEqual([
      ['B2', ['指标1', '指标2']],
      ['B5', ['指标1']],
    ]);
  });

  it('lists each meeting once with its open items', () => {
    const groups = agendaByMeeting([item(1, 10, 'unrevealed'), item(2, 20, 'undecided'), item(1, 11, 'undecided')]);
    expect(groups.map((g) => [g.meetingTitle, g.items.map((i) => `${i.itemId}:${i.problem}`)])).toEqual([
      ['评审会1', ['10:unrevealed', '11:undecided']],
      ['评审会2', ['20:undecided']],
    ]);
  });
});

describe('missing counts in words', () => {
  it('names only what is missing, in the order scores, data, agenda', () => {
    expect(missingText({ cells: 46, measurements: 5, agendaItems: 0 })).toBe('46 项评分、5 项业务数据');
    expect(missingText({ cells: 0, measurements: 0, agendaItems: 2 })).toBe('2 个议程事项');
    expect(missingText({ cells: 1, measurements: 1, agendaItems: 1 })).toBe('1 项评分、1 项业务数据、1 个议程事项');
    expect(missingText({ cells: 0, measurements: 0, agendaItems: 0 })).toBe('');
  });

  it('names missing office records (考核组核定) after business data, and reads older overrides without them', () => {
    expect(missingText({ cells: 46, measurements: 5, office: 3, agendaItems: 2 })).toBe('46 项评分、5 项业务数据、3 项考核组核定、2 个议程事项');
    expect(missingText({ cells: 0, measurements: 0, office: 1, agendaItems: 0 })).toBe('1 项考核组核定');
    expect(missingText({ cells: 2, measurements: 0, office: 0, agendaItems: 0 })).toBe('2 项评分');
  });

  it('counts a readiness the way an override records it', () => {
    const r = readiness({ scores: [gap(1, 1, 30), gap(2, 1, 16)], missingCells: 46, measurements: [measurement(1, 1)], agenda: [item(1, 1, 'undecided')], complete: false });
    expect(missingCounts(r)).toEqual({ cells: 46, measurements: 1, office: 0, agendaItems: 1 });
    expect(missingCounts(readiness({ office: [measurement(1, 7), measurement(2, 7)], complete: false }))).toEqual({ cells: 0, measurements: 0, office: 2, agendaItems: 0 });
  });
});

describe('reasonProblem', () => {
  it('wants at least 2 characters after trimming, and at most 200', () => {
    expect(reasonProblem('')).toBe('请写明继续的原因（至少 2 个字）');
    expect(reasonProblem('  好 ')).toBe('请写明继续的原因（至少 2 个字）');
    expect(reasonProblem('出差')).toBeNull();
    expect(reasonProblem('因'.repeat(201))).not.toBeNull();
  });
});

describe('overrideLine', () => {
  it('says when, who, what was missing, which step and why', () => {
    const line = overrideLine({ step: 'review', actor: '管理员', reason: '评委出差，先行评审', missing: { cells: 46, measurements: 5, agendaItems: 0 } }, '2026-12-20');
    expect(line).toBe('2026-12-20 管理员 在仍缺 46 项评分、5 项业务数据时进入评审，原因：评委出差，先行评审');
    const withOffice = overrideLine({ step: 'review', actor: '管理员', reason: '待考核组核定', missing: { cells: 0, measurements: 0, office: 3, agendaItems: 0 } }, '2026-12-20');
    expect(withOffice).toBe('2026-12-20 管理员 在仍缺 3 项考核组核定时进入评审，原因：待考核组核定');
  });

  it('names the publish and finalise steps', () => {
    const missing = { cells: 0, measurements: 0, agendaItems: 3 };
    expect(overrideLine({ step: 'finalise', actor: '张三', reason: '会议已口头议定', missing }, '2027-01-05')).toBe(
      '2027-01-05 张三 在仍缺 3 个议程事项时定稿，原因：会议已口头议定',
    );
    expect(overrideLine({ step: 'publish', actor: '张三', reason: '按期公示', missing: { cells: 2, measurements: 0, agendaItems: 0 } }, '2027-01-06')).toContain(
      '在仍缺 2 项评分时标记为已公示',
    );
  });
});

describe('provisionalNote', () => {
  it('says what makes the figures provisional', () => {
    expect(provisionalNote(readiness({ missingCells: 46, measurements: [1, 2, 3, 4, 5].map((i) => measurement(1, i)), complete: false }))).toBe(
      '暂定：还缺 46 项评分、5 项业务数据',
    );
    expect(provisionalNote(readiness({ missingCells: 0, measurements: [measurement(1, 1)], complete: false }))).toBe('暂定：还缺 1 项业务数据');
  });

  it('counts missing office records (考核组核定): they change figures', () => {
    expect(provisionalNote(readiness({ office: [measurement(1, 7), measurement(2, 7), measurement(3, 7)], complete: false }))).toBe('暂定：还缺 3 项考核组核定');
    expect(provisionalNote(readiness({ missingCells: 4, office: [measurement(1, 7)], complete: false }))).toBe('暂定：还缺 4 项评分、1 项考核组核定');
  });

  it('is absent on a complete period, and open agenda items alone do not make the figures provisional', () => {
    expect(provisionalNote(readiness())).toBeNull();
    expect(provisionalNote(readiness({ step: 'finalise', agenda: [item(1, 1, 'undecided')], complete: false }))).toBeNull();
  });

  it('asks the next gate the period faces', () => {
    expect(resultsGateStep('scoring')).toBe('review');
    expect(resultsGateStep('draft')).toBe('review');
    expect(resultsGateStep('review')).toBe('finalise');
    expect(resultsGateStep('finalised')).toBe('finalise');
  });
});

describe('isIncomplete', () => {
  it('recognises the gate refusal and nothing else', () => {
    expect(isIncomplete({ error: { code: 'incomplete', message: '还缺' } })).toBe(true);
    expect(isIncomplete({ error: { code: 'validation', message: 'x' } })).toBe(false);
    expect(isIncomplete(new Error('incomplete'))).toBe(false);
    expect(isIncomplete(null)).toBe(false);
  });
});
