import { describe, expect, it } from 'vitest';
import { openAppDatabase, schemaVersion } from '../../electron/db';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { clockState, clockText, itemElapsedSeconds } from '../../shared/domain/meetings';
import { periodSetup } from '../helpers/period-setup';
import { tempDir } from '../helpers/tmp';

type Setup = Awaited<ReturnType<typeof periodSetup>>;

/** A clock the test moves by hand. */
function clock(start = '2026-11-21T01:00:00.000Z') {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (seconds: number) => (at += seconds * 1000) };
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Every rater-scored leaf of PERIOD_FRAMEWORK for one branch: `points` on the two rating leaves, nothing deducted, no bonus, no veto. */
function sheet(s: Setup, branchId: number, rating: number, level = 1) {
  return [
    { branchId, indicatorId: s.leaf('1.1').id, value: 0 },
    { branchId, indicatorId: s.leaf('1.2').id, value: level },
    { branchId, indicatorId: s.leaf('1.3').id, value: rating / 2 },
    { branchId, indicatorId: s.leaf('2.3').id, value: rating },
    { branchId, indicatorId: s.leaf('3').id, value: 0 },
    { branchId, indicatorId: s.leaf('4').id, value: 0 },
  ];
}

/** The period of period-setup with three more raters (five in all, 李敏 recused from HG-02), scoring open. */
async function fivePanel(now?: () => Date) {
  const s = await periodSetup({ status: 'draft', ...(now ? { now } : {}) });
  const panel = ok(await s.invoke('panel.get', { periodId: s.periodId }));
  const groupId = panel.groups[0]!.id;
  const more: number[] = [];
  for (const name of ['张海燕', '刘志强', '陈卫东']) more.push(ok(await s.invoke('panel.saveRater', { periodId: s.periodId, groupId, name, title: '考评组成员' })).id);
  ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
  return { ...s, raters: [s.r1, s.r2, ...more] };
}

async function createMeeting(s: Setup, extra: Record<string, unknown> = {}) {
  return ok(
    await s.invoke('meetings.save', {
      periodId: s.periodId,
      kind: 'assessment',
      title: '2026年度考核会',
      date: '2026-11-21',
      startTime: '09:00',
      place: '厂部三楼会议室',
      chair: '王书记',
      recorder: '组织部 小李',
      withPanel: true,
      withAllBranches: true,
      ...extra,
    }),
  );
}

describe('migration 005: meetings', () => {
  it('creates the meeting tables (STRICT) and the publication table', () => {
    const { db } = openAppDatabase(tempDir());
    try {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const tables = db
        .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN ('meeting', 'meeting_attendee', 'agenda_item', 'period_publication')")
        .all();
      expect(tables.map((t) => t.name).sort()).toEqual(['agenda_item', 'meeting', 'meeting_attendee', 'period_publication']);
      expect(tables.every((t) => t.strict === 1)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses a 述职评议 item without a branch, and a bad date, at the database itself', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s);
    expect(() => s.db.prepare("INSERT INTO agenda_item (meeting_id, kind, title) VALUES (?, 'report', '')").run(m.id)).toThrow(/CHECK/);
    expect(() => s.db.prepare("UPDATE meeting SET date = '21/11/2026' WHERE id = ?").run(m.id)).toThrow(/CHECK/);
  });
});

describe('meetings: create, attendance, agenda', () => {
  it('creates a 考核会 with the panel as attendees and every branch of the period as 述职评议, in code order', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s);
    expect(m).toMatchObject({ kind: 'assessment', status: 'planned', periodStatus: 'scoring', resultsVisible: false, itemCount: 2, reportCount: 2, attendeeCount: 2, presentCount: 2 });
    expect(m.attendees.map((a) => [a.name, a.raterId, a.groupName, a.present])).toEqual([
      ['王建国', s.r1, '考评组', true],
      ['李敏', s.r2, '考评组', true],
    ]);
    // GD-01 exists but is not in the period.
    expect(m.items.map((i) => [i.kind, i.branch?.code, i.plannedMinutes])).toEqual([
      ['report', 'HG-01', 10],
      ['report', 'HG-02', 10],
    ]);
    expect(m.items[0]!.progress).toEqual({ ratersDone: 0, ratersEligible: 2, cellsScored: 0, cellsExpected: 12 });
    expect(m.items[1]!.progress).toMatchObject({ ratersEligible: 1 }); // 李敏 belongs to HG-02
    expect(ok(await s.invoke('meetings.list', { periodId: s.periodId })).map((x) => x.title)).toEqual(['2026年度考核会']);
    const edited = ok(await s.invoke('meetings.save', { id: m.id, periodId: s.periodId, kind: 'analysis', title: '分析会', date: '2026-11-22' }));
    expect(edited).toMatchObject({ kind: 'analysis', title: '分析会', date: '2026-11-22', itemCount: 2 });
  });

  it('saves attendance: raters of the period and other attendees, absent with a note; refuses a name twice', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s, { withPanel: false, withAllBranches: false });
    const saved = ok(
      await s.invoke('meetings.saveAttendees', {
        meetingId: m.id,
        attendees: [
          { raterId: s.r1, name: '王建国', title: '组织部部长' },
          { raterId: s.r2, name: '李敏', present: false, note: '出差' },
          { name: '周红梅', title: '纪委书记（列席）' },
        ],
      }),
    );
    expect(saved.attendees.map((a) => [a.name, a.present, a.note, a.raterId === null])).toEqual([
      ['王建国', true, '', false],
      ['李敏', false, '出差', false],
      ['周红梅', true, '', true],
    ]);
    expect(await s.invoke('meetings.saveAttendees', { meetingId: m.id, attendees: [{ name: '周红梅' }, { name: '周红梅' }] })).toMatchObject({
      ok: false,
      error: { message: '“周红梅”在名单中出现了两次' },
    });
  });

  it('reorders, adds and removes agenda items; refuses a branch twice or outside the period; keeps what the meeting has dealt with', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s);
    const [a, b] = m.items;
    const next = ok(
      await s.invoke('meetings.saveAgenda', {
        meetingId: m.id,
        items: [
          { kind: 'other', title: '传达上级党委考核工作要求', plannedMinutes: 5 },
          { id: b!.id, kind: 'report', branchId: s.hg2, plannedMinutes: 15 },
          { id: a!.id, kind: 'report', branchId: s.hg1, plannedMinutes: 12 },
        ],
      }),
    );
    expect(next.items.map((i) => [i.kind, i.branch?.code ?? i.title, i.plannedMinutes])).toEqual([
      ['other', '传达上级党委考核工作要求', 5],
      ['report', 'HG-02', 15],
      ['report', 'HG-01', 12],
    ]);
    expect(next.items[1]!.id).toBe(b!.id);
    const items = next.items.map((i) => ({ id: i.id, kind: i.kind, branchId: i.branch?.id ?? null, title: i.title, plannedMinutes: i.plannedMinutes }));
    expect(await s.invoke('meetings.saveAgenda', { meetingId: m.id, items: [...items, { kind: 'report', branchId: s.hg1 }] })).toMatchObject({
      ok: false,
      error: { message: '党支部“HG-01 化工一厂第一党支部”在议程中出现了两次' },
    });
    expect(await s.invoke('meetings.saveAgenda', { meetingId: m.id, items: [...items, { kind: 'report', branchId: s.gd1 }] })).toMatchObject({
      ok: false,
      error: { message: '议程第 4 项：党支部“GD-01 供电公司变电运维党支部”不在本考核周期中' },
    });
    expect(await s.invoke('meetings.saveAgenda', { meetingId: m.id, items: [...items, { kind: 'other', title: ' ' }] })).toMatchObject({
      ok: false,
      error: { message: '议程第 4 项请填写议程名称' },
    });
    // Once an item has been dealt with, it stays.
    ok(await s.invoke('meetings.start', { id: m.id }));
    expect(await s.invoke('meetings.saveAgenda', { meetingId: m.id, items: items.slice(1) })).toMatchObject({
      ok: false,
      error: { message: '“传达上级党委考核工作要求”已经进行过或已有记录，是会议记录的一部分，不能从议程中删除' },
    });
    expect(ok(await s.invoke('meetings.saveAgenda', { meetingId: m.id, items: items.slice(0, 2) })).items).toHaveLength(2);
  });

  it('refuses to start a meeting without an agenda', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s, { withAllBranches: false });
    expect(await s.invoke('meetings.start', { id: m.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('议程还是空的') } });
  });
});

describe('meetings: running the meeting', () => {
  it('starts on the first item, keeps each item’s time across visits, and closes', async () => {
    const c = clock();
    const s = await periodSetup({ now: c.now });
    const m = await createMeeting(s);
    const [a, b] = m.items;
    expect(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 1 })).toMatchObject({ ok: false, error: { message: '“2026年度考核会”还没有开始，请先开始会议' } });
    let d = ok(await s.invoke('meetings.start', { id: m.id }));
    expect(d).toMatchObject({ status: 'in_progress', currentItemId: a!.id, startedAt: c.now().toISOString() });
    c.advance(5 * 60);
    d = ok(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 1 }));
    expect(d.currentItemId).toBe(b!.id);
    expect(d.items[0]).toMatchObject({ spentSeconds: 300, resumedAt: null, endedAt: c.now().toISOString() });
    expect(d.items[1]).toMatchObject({ spentSeconds: 0, resumedAt: c.now().toISOString(), startedAt: c.now().toISOString() });
    c.advance(12 * 60);
    d = ok(await s.invoke('meetings.get', { id: m.id }));
    expect(itemElapsedSeconds(d.items[1]!, Date.parse(d.serverNow))).toBe(720);
    expect(clockState(720, d.items[1]!.plannedMinutes)).toBe('over');
    c.advance(60);
    // Back to the first item: its time continues from 5 minutes.
    ok(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 0 }));
    c.advance(60);
    d = ok(await s.invoke('meetings.get', { id: m.id }));
    expect(itemElapsedSeconds(d.items[0]!, Date.parse(d.serverNow))).toBe(360);
    expect(d.items[1]).toMatchObject({ spentSeconds: 780 });
    expect(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 2 })).toMatchObject({ ok: false, error: { message: '议程只有 2 项' } });
    d = ok(await s.invoke('meetings.close', { id: m.id }));
    // The meeting remembers where it stopped (continuing a closed meeting resumes there).
    expect(d).toMatchObject({ status: 'closed', currentItemId: a!.id, endedAt: c.now().toISOString() });
    expect(d.items[0]).toMatchObject({ spentSeconds: 360, resumedAt: null });
    const audit = ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'period' })).rows.map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['开始评审会“2026年度考核会”', '结束评审会“2026年度考核会”']));
  });

  it('the clock: orange past the plan, red a quarter (at least 2 minutes) beyond it', () => {
    expect(clockState(600, 10)).toBe('ok');
    expect(clockState(601, 10)).toBe('over');
    expect(clockState(600 + 150, 10)).toBe('over');
    expect(clockState(600 + 151, 10)).toBe('late');
    expect(clockState(3600 + 900, 60)).toBe('over');
    expect(clockState(3600 + 901, 60)).toBe('late');
    expect(clockState(99999, 0)).toBe('ok');
    expect(clockText(65)).toBe('01:05');
    expect(clockText(3725)).toBe('1:02:05');
  });
});

describe('meetings: the reveal and the blind rule', () => {
  it('refuses an item’s result before the reveal, shows it after — for that branch only — and audits the reveal', async () => {
    const s = await fivePanel();
    const m = await createMeeting(s);
    const [a, b] = m.items;
    // Live 述职评议: raters score HG-01 during the meeting through the normal scoring methods.
    const ratings = [18, 17, 16, 17, 9];
    for (const [i, raterId] of s.raters.entries()) {
      ok(await s.invoke('session.signInRater', { periodId: s.periodId, raterId }));
      // A rater may follow the meeting, and nothing more of it.
      if (i === 0) {
        expect(await s.invoke('meetings.current', { periodId: s.periodId })).toEqual({ ok: true, value: null });
        expect(await s.invoke('meetings.get', { id: m.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      ok(await s.invoke('scoring.save', { periodId: s.periodId, raterId, entries: sheet(s, s.hg1, ratings[i]!) }));
    }
    ok(await s.invoke('session.signInAdmin', {}));
    ok(await s.invoke('meetings.start', { id: m.id }));

    const before = await s.invoke('meetings.itemResult', { itemId: a!.id });
    expect(before).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('还没有揭晓') } });
    // Only the current item can be revealed; HG-02 has no scores yet.
    expect(await s.invoke('meetings.reveal', { itemId: b!.id })).toMatchObject({ ok: false, error: { message: '只能揭晓正在进行的议程：请先切换到这一项' } });
    const progress = ok(await s.invoke('meetings.get', { id: m.id })).items[0]!.progress;
    expect(progress).toEqual({ ratersDone: 5, ratersEligible: 5, cellsScored: 30, cellsExpected: 30 });

    const revealed = ok(await s.invoke('meetings.reveal', { itemId: a!.id }));
    expect(revealed.items[0]!.revealedAt).not.toBeNull();
    const result = ok(await s.invoke('meetings.itemResult', { itemId: a!.id }));
    expect(result.branch.code).toBe('HG-01');
    // 评分中: grade and rank depend on every branch, so they stay hidden; the whole period's results too.
    expect(result).toMatchObject({ grade: null, rank: null, vetoed: false, branchCount: 2 });
    expect(await s.invoke('results.get', { periodId: s.periodId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.tags.party.max).toBe(40);
    expect(result.raters.map((r) => [r.name, r.complete])).toEqual([
      ['王建国', true],
      ['李敏', true],
      ['张海燕', true],
      ['刘志强', true],
      ['陈卫东', true],
    ]);
    // Each rater's total differs by 1.5 × their rating (2.3 and 1.3 leaves); quantitative points are shared.
    const totals = result.raters.map((r) => r.total!);
    expect(totals[0]! - totals[4]!).toBeCloseTo(1.5 * 9, 6);
    expect(result.spread).toMatchObject({ raters: 5, range: 13.5, max: totals[0], min: totals[4] });
    expect(result.spread!.sd).toBeGreaterThan(0);
    const chen = result.raters.find((r) => r.name === '陈卫东')!;
    expect(chen.outlier).toBe(true);
    expect(chen.z!).toBeLessThanOrEqual(-1.5);
    expect(result.outlierRaterIds).toEqual([chen.raterId]);
    expect(result.farthestRaterId).toBe(chen.raterId);
    // The aggregate is the trimmed mean of the five (one highest and one lowest dropped): not the lowest rater's total.
    expect(result.total).toBeGreaterThan(chen.total!);

    // The other branch stays hidden, and cannot be revealed out of turn.
    expect(await s.invoke('meetings.itemResult', { itemId: b!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 1 }));
    expect(await s.invoke('meetings.reveal', { itemId: b!.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('还没有任何评分') } });

    const audit = ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'period', text: '揭晓' })).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '管理员', action: '评审会揭晓得分：HG-01 化工一厂第一党支部', branchId: s.hg1, new: { itemId: a!.id, total: result.total } });
  });

  it('counts each rater’s entries against what they are asked for: a rater with a 分工 scope is complete on it', async () => {
    const s = await fivePanel();
    const m = await createMeeting(s);
    // 陈卫东 scores only dimension 1 (1.1, 1.2, 1.3): three cells of HG-01, not six.
    const chen = s.raters[4]!;
    s.db.prepare('UPDATE rater SET scope_json = ? WHERE id = ?').run(JSON.stringify(['1']), chen);
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 17).filter((e) => e.indicatorId !== s.leaf('2.3').id && e.indicatorId !== s.leaf('3').id && e.indicatorId !== s.leaf('4').id).map((e) => ({ ...e, raterId: chen })) }));
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.reveal', { itemId: m.items[0]!.id }));
    const result = ok(await s.invoke('meetings.itemResult', { itemId: m.items[0]!.id }));
    expect(result.raters.find((r) => r.name === '陈卫东')).toMatchObject({ entries: 3, expected: 3, complete: true });
    expect(result.raters.find((r) => r.name === '张海燕')).toMatchObject({ entries: 0, expected: 6, complete: false });
  });

  it('does not name a rater as an outlier for a point or two in a tight panel, but says who is farthest from the median', async () => {
    const s = await fivePanel();
    const m = await createMeeting(s);
    for (const [i, raterId] of s.raters.entries()) {
      ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, i === 4 ? 16 : 17).map((e) => ({ ...e, raterId })) }));
    }
    ok(await s.invoke('meetings.start', { id: m.id }));
    const shown = ok(await s.invoke('meetings.reveal', { itemId: m.items[0]!.id }));
    const result = ok(await s.invoke('meetings.itemResult', { itemId: m.items[0]!.id }));
    const chen = result.raters.find((r) => r.name === '陈卫东')!;
    expect(chen.z).toBe(-2); // far in standard deviations …
    expect(chen.fromMedian).toBe(-1.5); // … but 1.5 points on 100: not an outlier
    expect(result.outlierRaterIds).toEqual([]);
    expect(result.farthestRaterId).toBe(chen.raterId);
    // The meeting's agenda carries the revealed total, and only that one.
    expect(shown.items.map((i) => i.revealedTotal)).toEqual([result.total, null]);
  });

  it('keeps the announced total on a revealed item and shows the total now beside it once scores change', async () => {
    const s = await fivePanel();
    const m = await createMeeting(s);
    for (const raterId of s.raters) ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 16).map((e) => ({ ...e, raterId })) }));
    ok(await s.invoke('meetings.start', { id: m.id }));
    const itemId = m.items[0]!.id;
    const shown = ok(await s.invoke('meetings.reveal', { itemId }));
    const announced = shown.items[0]!.revealedTotal!;
    expect(shown.items[0]!.totalNow).toBeNull();
    // A rater's sheet is corrected after the reveal: the agenda still says what the meeting saw, and what it is now.
    // (three of the five: the panel's trimmed mean would drop a single changed sheet)
    for (const raterId of s.raters.slice(0, 3)) ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 10).map((e) => ({ ...e, raterId })) }));
    const now = ok(await s.invoke('meetings.itemResult', { itemId })).total;
    expect(now).not.toBe(announced);
    const later = ok(await s.invoke('meetings.get', { id: m.id })).items[0]!;
    expect(later.revealedTotal).toBe(announced);
    expect(later.totalNow).toBe(now);
  });

  it('lets a rater follow the current item (no scores) and score it while the meeting runs', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s);
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 1 }));
    ok(await s.invoke('session.signInRater', { periodId: s.periodId, raterId: s.r1 }));
    const follow = ok(await s.invoke('meetings.current', { periodId: s.periodId }));
    expect(follow).toEqual({
      meetingId: m.id,
      title: '2026年度考核会',
      kind: 'assessment',
      status: 'in_progress',
      item: { id: m.items[1]!.id, index: 1, count: 2, kind: 'report', title: 'HG-02 化工一厂第二党支部述职评议', branch: { id: s.hg2, code: 'HG-02', name: '化工一厂第二党支部' }, plannedMinutes: 10 },
    });
    expect(ok(await s.invoke('scoring.save', { periodId: s.periodId, raterId: s.r1, entries: sheet(s, s.hg2, 16) })).saved).toBe(6);
    for (const method of ['meetings.reveal', 'meetings.itemResult'] as const) {
      expect(await s.invoke(method, { itemId: m.items[1]!.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 0 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows grade and rank once the period is 评审中', async () => {
    const s = await periodSetup();
    for (const raterId of [s.r1, s.r2]) ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 18).map((e) => ({ ...e, raterId })) }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试用，不要求齐全' }));
    const m = await createMeeting(s);
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.reveal', { itemId: m.items[0]!.id }));
    const result = ok(await s.invoke('meetings.itemResult', { itemId: m.items[0]!.id }));
    expect(result.grade).not.toBeNull();
    expect(result.rank).toBe(1);
    // Two raters: no z-scores, no "farthest" (every rater is as far from the median as the other).
    expect(result.spread).toMatchObject({ raters: 2, range: 0 });
    expect(result.outlierRaterIds).toEqual([]);
    expect(result.farthestRaterId).toBeNull();
  });
});

describe('meetings: a rater’s own total and the office’s records (考核组核定)', () => {
  it('counts the office-recorded points in each rater’s total, as in the panel’s', async () => {
    const s = await periodSetup({ status: 'draft' });
    // 1.1 (三会一课, 20 points, 0.5 off per occurrence) recorded by the office: the raters enter nothing there.
    const { id, code, name, criteria, evidence, tag, maxPoints, method } = s.leaf('1.1');
    if (method?.kind !== 'deduction') throw new Error('1.1 is a deduction');
    ok(await s.invoke('indicators.update', { id, fields: { code, name, criteria, evidence, tag, maxPoints, method: { ...method, entry: 'office' } } }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
    const m = await createMeeting(s);
    for (const raterId of [s.r1, s.r2]) {
      ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 16).filter((e) => e.indicatorId !== id).map((e) => ({ ...e, raterId })) }));
    }
    ok(await s.invoke('office.save', { periodId: s.periodId, rows: [{ branchId: s.hg1, indicatorId: id, value: 2, detail: ['7月未召开支委会', '9月党课未开展'], evidence: '组织部检查记录', evidenceDate: '2026-10-12' }] }));
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.reveal', { itemId: m.items[0]!.id }));
    const result = ok(await s.invoke('meetings.itemResult', { itemId: m.items[0]!.id }));
    // Two raters scoring alike: each one's total is the panel's, 19 points of 1.1 included.
    expect(result.raters.map((r) => r.complete)).toEqual([true, true]);
    for (const r of result.raters) expect(r.total!).toBeCloseTo(result.total!, 6);
    expect(result.spread).toMatchObject({ range: 0 });
  });
});

describe('meetings: decisions, minutes, publication', () => {
  it('drafts minutes with time, place, chair, attendance, every item with its decision, and the results summary', async () => {
    const c = clock();
    const s = await periodSetup({ now: c.now });
    for (const raterId of [s.r1, s.r2]) ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg1, 18).map((e) => ({ ...e, raterId })) }));
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: sheet(s, s.hg2, 12).map((e) => ({ ...e, raterId: s.r1 })) }));
    const m = await createMeeting(s);
    ok(
      await s.invoke('meetings.saveAttendees', {
        meetingId: m.id,
        attendees: [
          { raterId: s.r1, name: '王建国', title: '组织部部长' },
          { raterId: s.r2, name: '李敏', present: false, note: '出差' },
          { name: '周红梅', title: '纪委书记' },
        ],
      }),
    );
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.reveal', { itemId: m.items[0]!.id }));
    ok(await s.invoke('meetings.saveItem', { itemId: m.items[0]!.id, decision: '同意考评组意见，评为良好', notes: '安全生产台账需补充' }));
    c.advance(11 * 60);
    ok(await s.invoke('meetings.goTo', { id: m.id, itemIndex: 1 }));

    // While scoring is open, the minutes carry the revealed figure but no ranking.
    let text = ok(await s.invoke('meetings.draftMinutes', { id: m.id })).text;
    expect(text).toContain('2026年度考核会会议纪要');
    expect(text).toContain('时间：2026年11月21日 09:00');
    expect(text).toContain('地点：厂部三楼会议室');
    expect(text).toContain('主持人：王书记');
    expect(text).toContain('出席：王建国（组织部部长）（共 1 人）');
    expect(text).toContain('列席：周红梅（纪委书记）');
    expect(text).toContain('缺席：李敏（出差）');
    expect(text).toMatch(/1\. HG-01 化工一厂第一党支部述职评议\n {3}计划 10 分钟，实际约 11 分钟。\n {3}评议得分：\d+\.\d\d 分（党建 [\d.]+，业务 [\d.]+，融合 [\d.]+）/);
    expect(text).toContain('议定：同意考评组意见，评为良好');
    expect(text).toContain('记录：安全生产台账需补充');
    expect(text).toMatch(/2\. HG-02 化工一厂第二党支部述职评议\n[^\n]*\n {3}议定：（待填写）/);
    expect(text).not.toMatch(/HG-02[^\n]*\n[^\n]*\n {3}评议得分/); // not revealed: no figure
    expect(text).toContain('排名与等次待进入评审阶段后确定');

    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试用，不要求齐全' }));
    text = ok(await s.invoke('meetings.draftMinutes', { id: m.id })).text;
    expect(text).toContain('参评党支部 2 个（评分尚未全部录入，以下结果为暂定）');
    expect(text).toMatch(/排名：\n {3}第 1 名 HG-01 化工一厂第一党支部，[\d.]+ 分，\S+\n {3}第 2 名 HG-02/);
    expect(text).toMatch(/等次分布：优秀 \d 个，良好 \d 个，一般 \d 个，较差 \d 个。/);
    expect(text).toContain('一票否决：无。');

    // Finalised (through the gate, with a reason): the figures are final and the minutes no longer call them 暂定.
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: '测试用，不要求齐全' }));
    const final = ok(await s.invoke('meetings.draftMinutes', { id: m.id })).text;
    expect(final).toContain('参评党支部 2 个');
    expect(final).not.toContain('暂定');

    const saved = ok(await s.invoke('meetings.saveMinutes', { id: m.id, text: `${text}\n（已审阅）` }));
    expect(saved.minutesText.endsWith('（已审阅）')).toBe(true);
    expect(saved.minutesSavedAt).toBe(c.now().toISOString());
  });

  it('saves the publication: refused while scoring, marked in 评审中, changes and withdrawal audited', async () => {
    const s = await periodSetup();
    expect(ok(await s.invoke('periods.publication', { periodId: s.periodId }))).toEqual({
      periodId: s.periodId,
      publicityStart: null,
      publicityEnd: null,
      objectionContact: '',
      publishedAt: null,
      updatedAt: null,
    });
    const input = { periodId: s.periodId, start: '2026-11-25', end: '2026-12-01', objectionContact: '党委组织部 电话 8123 4567' };
    expect(await s.invoke('periods.publish', input)).toMatchObject({ ok: false, error: { message: '“2026年度”还在评分阶段，结果尚未评出，不能公示' } });
    expect(await s.invoke('periods.publish', { ...input, end: '2026-11-20' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('公示结束日期不能早于开始日期') } });
    // The settings can be prepared before.
    expect(ok(await s.invoke('periods.publish', { ...input, published: false }))).toMatchObject({ publicityStart: '2026-11-25', publishedAt: null });
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '测试用，不要求齐全' }));
    // Nobody has scored everything yet: publishing is gated (test/unit/gates.test.ts), so it takes a reason.
    expect(await s.invoke('periods.publish', input)).toMatchObject({ ok: false, error: { code: 'incomplete' } });
    const published = ok(await s.invoke('periods.publish', { ...input, override: '测试用，不要求齐全' }));
    expect(published).toMatchObject({ publicityStart: '2026-11-25', publicityEnd: '2026-12-01', objectionContact: '党委组织部 电话 8123 4567' });
    expect(published.publishedAt).not.toBeNull();
    ok(await s.invoke('periods.publish', { ...input, end: '2026-12-02' }));
    ok(await s.invoke('periods.publish', { ...input, published: false }));
    const actions = ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'period' })).rows.map((r) => r.action);
    expect(actions.slice(0, 3)).toEqual(['撤回结果公示', '修改公示安排', '结果公示（2026-11-25 至 2026-12-01）']);
  });

  it('deletes a meeting with its attendance and agenda; a held meeting’s deletion is audited', async () => {
    const s = await periodSetup();
    const m = await createMeeting(s);
    ok(await s.invoke('meetings.start', { id: m.id }));
    expect(ok(await s.invoke('meetings.delete', { id: m.id }))).toBeNull();
    expect(s.db.prepare('SELECT count(*) AS n FROM agenda_item').get()).toEqual({ n: 0 });
    expect(s.db.prepare('SELECT count(*) AS n FROM meeting_attendee').get()).toEqual({ n: 0 });
    expect(await s.invoke('meetings.get', { id: m.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const actions = ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'period' })).rows.map((r) => r.action);
    expect(actions[0]).toBe('删除评审会“2026年度考核会”');
  });
});


describe('a long agenda is said to be long', () => {
  it('says nothing up to half a day and names the hours beyond it (60 branches × 10 minutes)', async () => {
    const { longAgendaNote } = await import('../../shared/domain/meetings');
    expect(longAgendaNote(240)).toBeNull();
    expect(longAgendaNote(600)).toBe('共约 10 小时，超过半天：可按单位分场进行，或缩短每个支部的述职时间');
    expect(longAgendaNote(250)).toBe('共约 4.2 小时，超过半天：可按单位分场进行，或缩短每个支部的述职时间');
  });
});
