/**
 * Issue 9 §3 "Nothing moves on incomplete": 进入评审, 标记为已公示 and 定稿
 * are refused while scores, business data or (for 定稿) agenda items are
 * missing, saying exactly what; with a reason they go on, and the override
 * is stored and audited. Real services on temporary folders.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion, verifyAuditChain } from '../../electron/db';
import { openSqlite } from '../../electron/db/sqlite';
import { migrate } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { registerAuditFunctions } from '../../electron/db/audit-chain';
import { cli } from '../helpers/cli';
import { fullSheet, measurementOf, periodSetup, type PeriodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';
import { tempDir } from '../helpers/tmp';


const sheet = fullSheet;
const measurement = measurementOf;

/**
 * 王建国 has scored HG-01 fully and 2 of HG-02's 6 cells; 李敏 (recused from
 * HG-02) nothing; business data: HG-01's 2.1 only (2.2 stored without an
 * actual value), none for HG-02.
 */
async function partlyDone() {
  const s = await periodSetup();
  ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...sheet(s, s.r1, s.hg1), ...sheet(s, s.r1, s.hg2, 2)] }));
  ok(await s.invoke('measurements.save', { periodId: s.periodId, rows: [measurement(s.hg1, s.leaf('2.1').id, 96), measurement(s.hg1, s.leaf('2.2').id, null)] }));
  return s;
}

/** Everything entered: both raters on every branch they score, every actual value. */
async function allDone() {
  const s = await periodSetup();
  ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...sheet(s, s.r1, s.hg1), ...sheet(s, s.r1, s.hg2), ...sheet(s, s.r2, s.hg1)] }));
  ok(
    await s.invoke('measurements.save', {
      periodId: s.periodId,
      rows: [s.hg1, s.hg2].flatMap((b) => [measurement(b, s.leaf('2.1').id, 96), measurement(b, s.leaf('2.2').id, 95)]),
    }),
  );
  return s;
}

const overrideRows = (s: PeriodSetup) => s.db.prepare('SELECT step, actor, reason, missing_json FROM period_override WHERE period_id = ? ORDER BY id').all(s.periodId);
const auditCount = (s: PeriodSetup) => s.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit').get()!.n;
const periodAudit = async (s: PeriodSetup) => ok(await s.invoke('audit.list', { periodId: s.periodId, entity: 'period' })).rows.map((r) => [r.action, r.reason] as const);
const publication = { start: '2026-12-01', end: '2026-12-07', objectionContact: '党委组织部 电话 6688' };

describe('readiness: exactly what is missing', () => {
  it('lists unscored cells per rater and branch (not counting a recusal) and missing actual values, in panel and code order', async () => {
    const s = await partlyDone();
    const r = ok(await s.invoke('periods.readiness', { periodId: s.periodId, step: 'review' }));
    expect(r).toEqual({
      periodId: s.periodId,
      step: 'review',
      scores: [
        { raterId: s.r1, raterName: '王建国', branchId: s.hg2, branchCode: 'HG-02', branchName: '化工一厂第二党支部', cells: 4 },
        // 李敏 is recused from HG-02: only HG-01 is hers to score.
        { raterId: s.r2, raterName: '李敏', branchId: s.hg1, branchCode: 'HG-01', branchName: '化工一厂第一党支部', cells: 6 },
      ],
      missingCells: 10,
      measurements: [
        { branchId: s.hg1, branchCode: 'HG-01', branchName: '化工一厂第一党支部', indicatorId: s.leaf('2.2').id, indicatorCode: '2.2', indicatorName: '单位能耗' },
        { branchId: s.hg2, branchCode: 'HG-02', branchName: '化工一厂第二党支部', indicatorId: s.leaf('2.1').id, indicatorCode: '2.1', indicatorName: '产量完成率' },
        { branchId: s.hg2, branchCode: 'HG-02', branchName: '化工一厂第二党支部', indicatorId: s.leaf('2.2').id, indicatorCode: '2.2', indicatorName: '单位能耗' },
      ],
      office: [],
      agenda: [],
      complete: false,
    });
    // Publishing checks the same; an unknown period is not found.
    expect(ok(await s.invoke('periods.readiness', { periodId: s.periodId, step: 'publish' }))).toMatchObject({ missingCells: 10, complete: false });
    expect(await s.invoke('periods.readiness', { periodId: 999, step: 'review' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await s.invoke('periods.overrides', { periodId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('is complete when every eligible cell and every actual value is in', async () => {
    const s = await allDone();
    expect(ok(await s.invoke('periods.readiness', { periodId: s.periodId, step: 'review' }))).toEqual({
      periodId: s.periodId,
      step: 'review',
      scores: [],
      missingCells: 0,
      measurements: [],
      office: [],
      agenda: [],
      complete: true,
    });
  });
});

describe('进入评审 with something missing', () => {
  it('is refused in words, listing what is missing, and changes nothing', async () => {
    const s = await partlyDone();
    const before = auditCount(s);
    const refused = await s.invoke('periods.advance', { id: s.periodId, to: 'review' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'incomplete',
        message: '还有 2 位评委的 10 项评分、3 项业务数据未录入。如确需进入评审，请写明原因。',
        details: [
          { message: '王建国：HG-02 化工一厂第二党支部 还有 4 项未评分' },
          { message: '李敏：HG-01 化工一厂第一党支部 还有 6 项未评分' },
          { message: 'HG-01 化工一厂第一党支部：“2.2 单位能耗”的业务数据（实际值）未录入' },
          { message: 'HG-02 化工一厂第二党支部：“2.1 产量完成率”的业务数据（实际值）未录入' },
          { message: 'HG-02 化工一厂第二党支部：“2.2 单位能耗”的业务数据（实际值）未录入' },
        ],
      },
    });
    // A reason of one character is no reason.
    expect(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: ' 好 ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ok(await s.invoke('periods.get', { id: s.periodId })).status).toBe('scoring');
    expect(overrideRows(s)).toEqual([]);
    expect(auditCount(s)).toBe(before);
  });

  it('goes on with a reason: the override is stored, listed, and audited with the status change', async () => {
    const s = await partlyDone();
    const reason = '李敏出差，经党委同意先行评审';
    expect(ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: `  ${reason} ` })).status).toBe('review');
    expect(ok(await s.invoke('periods.overrides', { periodId: s.periodId }))).toEqual([
      { id: expect.any(Number), periodId: s.periodId, step: 'review', at: expect.any(String), actor: '管理员', reason, missing: { cells: 10, measurements: 3, agendaItems: 0 } },
    ]);
    expect((await periodAudit(s)).slice(0, 2)).toEqual([
      ['评分中 → 评审中', reason],
      ['进入评审（仍缺 10 项评分、3 项业务数据）', reason],
    ]);
    expect(verifyAuditChain(s.db)).toMatchObject({ ok: true });
  });

  it('a long list names the first 20 and counts the rest', async () => {
    const s = await periodSetup({ status: 'draft' });
    const groupId = ok(await s.invoke('panel.get', { periodId: s.periodId })).groups[0]!.id;
    for (let i = 1; i <= 20; i++) ok(await s.invoke('panel.saveRater', { periodId: s.periodId, groupId, name: `评委${i}` }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' }));
    const refused = await s.invoke('periods.advance', { id: s.periodId, to: 'review' });
    // 22 raters: 王建国 and the 20 new ones on two branches, 李敏 on one: 43 rows; 4 actual values.
    expect(refused).toMatchObject({ ok: false, error: { code: 'incomplete', message: '还有 22 位评委的 258 项评分、4 项业务数据未录入。如确需进入评审，请写明原因。' } });
    if (refused.ok) return;
    expect(refused.error.details).toHaveLength(21);
    expect(refused.error.details!.at(-1)).toEqual({ message: '……另有 27 项未列出' });
  });
});

describe('a complete period', () => {
  it('moves on without a reason, ignores one given, and stores no override', async () => {
    const s = await allDone();
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '不需要的原因' }));
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised' }));
    expect(ok(await s.invoke('periods.overrides', { periodId: s.periodId }))).toEqual([]);
    expect(overrideRows(s)).toEqual([]);
    const actions = await periodAudit(s);
    expect(actions.filter(([action]) => action.includes('仍缺'))).toEqual([]);
    expect(actions).toContainEqual(['评分中 → 评审中', '']);
  });
});

describe('标记为已公示', () => {
  it('is refused while something is missing, then goes on with a reason; changing the dates later does not ask again', async () => {
    const s = await partlyDone();
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '先行评审，评分后补' }));
    const input = { periodId: s.periodId, ...publication };
    expect(await s.invoke('periods.publish', input)).toMatchObject({
      ok: false,
      error: { code: 'incomplete', message: '还有 2 位评委的 10 项评分、3 项业务数据未录入。如确需标记为已公示，请写明原因。' },
    });
    expect(ok(await s.invoke('periods.publication', { periodId: s.periodId })).publishedAt).toBeNull();
    // Saving the settings only is not gated.
    ok(await s.invoke('periods.publish', { ...input, published: false }));
    const published = ok(await s.invoke('periods.publish', { ...input, override: '公示期不能再推迟' }));
    expect(published.publishedAt).not.toBeNull();
    ok(await s.invoke('periods.publish', { ...input, end: '2026-12-08' }));
    expect(ok(await s.invoke('periods.overrides', { periodId: s.periodId })).map((o) => [o.step, o.reason, o.missing])).toEqual([
      ['review', '先行评审，评分后补', { cells: 10, measurements: 3, agendaItems: 0 }],
      ['publish', '公示期不能再推迟', { cells: 10, measurements: 3, agendaItems: 0 }],
    ]);
    expect((await periodAudit(s)).slice(0, 3)).toEqual([
      ['修改公示安排', ''],
      ['结果公示（2026-12-01 至 2026-12-07）', '公示期不能再推迟'],
      ['标记为已公示（仍缺 10 项评分、3 项业务数据）', '公示期不能再推迟'],
    ]);
  });
});

describe('定稿', () => {
  /** A complete period in review with a held 考核会: HG-01 revealed and decided, HG-02 never revealed, and an 'other' item without a decision; plus a meeting never held. */
  async function heldMeeting() {
    const s = await allDone();
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));
    const base = { periodId: s.periodId, kind: 'assessment' as const, date: '2026-11-21', withPanel: true, withAllBranches: true };
    const m = ok(await s.invoke('meetings.save', { ...base, title: '2026年度考核会' }));
    const agenda = ok(
      await s.invoke('meetings.saveAgenda', {
        meetingId: m.id,
        items: [...m.items.map((i) => ({ id: i.id, kind: i.kind, branchId: i.branch?.id ?? null, title: i.title })), { kind: 'other' as const, title: '审议评优名单' }],
      }),
    );
    const [hg1Item, hg2Item, other] = agenda.items;
    ok(await s.invoke('meetings.start', { id: m.id }));
    ok(await s.invoke('meetings.reveal', { itemId: hg1Item!.id }));
    ok(await s.invoke('meetings.saveItem', { itemId: hg1Item!.id, decision: '同意考评组意见', notes: '' }));
    ok(await s.invoke('meetings.saveItem', { itemId: hg2Item!.id, decision: '同意考评组意见', notes: '' }));
    ok(await s.invoke('meetings.close', { id: m.id }));
    // A meeting only planned is not checked: it never took place.
    ok(await s.invoke('meetings.save', { ...base, title: '2026年度考核会（备用）' }));
    return { ...s, meetingId: m.id, hg2Item: hg2Item!, other: other! };
  }

  it('lists the held meeting’s unrevealed and undecided items, refuses without a reason, and goes on with one', async () => {
    const s = await heldMeeting();
    // 进入评审 and 公示 do not look at the agenda.
    expect(ok(await s.invoke('periods.readiness', { periodId: s.periodId, step: 'publish' })).complete).toBe(true);
    expect(ok(await s.invoke('periods.readiness', { periodId: s.periodId, step: 'finalise' })).agenda).toEqual([
      { meetingId: s.meetingId, meetingTitle: '2026年度考核会', itemId: s.hg2Item.id, title: 'HG-02 化工一厂第二党支部述职评议', problem: 'unrevealed' },
      { meetingId: s.meetingId, meetingTitle: '2026年度考核会', itemId: s.other.id, title: '审议评优名单', problem: 'undecided' },
    ]);
    expect(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised' })).toEqual({
      ok: false,
      error: {
        code: 'incomplete',
        message: '还有 2 个议程事项未揭晓或未作决定。如确需定稿，请写明原因。',
        details: [
          { message: '2026年度考核会：“HG-02 化工一厂第二党支部述职评议”的评分未揭晓' },
          { message: '2026年度考核会：“审议评优名单”未记录议定事项' },
        ],
      },
    });
    expect(ok(await s.invoke('periods.get', { id: s.periodId })).status).toBe('review');
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: '评优名单已由党委会另行审议' }));
    expect(ok(await s.invoke('periods.overrides', { periodId: s.periodId })).map((o) => [o.step, o.missing])).toEqual([
      ['finalise', { cells: 0, measurements: 0, agendaItems: 2 }],
    ]);
    expect((await periodAudit(s)).slice(0, 2)).toEqual([
      ['评审中 → 已定稿', '评优名单已由党委会另行审议'],
      ['定稿（仍缺 2 个议程事项）', '评优名单已由党委会另行审议'],
    ]);
  });

  it('needs no reason once the items are dealt with', async () => {
    const s = await heldMeeting();
    ok(await s.invoke('meetings.saveItem', { itemId: s.other.id, decision: '同意', notes: '' }));
    // The unrevealed 述职评议 remains: deleting the item from the agenda is the office's other way out.
    ok(await s.invoke('meetings.start', { id: s.meetingId }));
    ok(await s.invoke('meetings.goTo', { id: s.meetingId, itemIndex: 1 }));
    ok(await s.invoke('meetings.reveal', { itemId: s.hg2Item.id }));
    ok(await s.invoke('meetings.close', { id: s.meetingId }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised' }));
    expect(overrideRows(s)).toEqual([]);
  });
});

describe('overrides and the period’s history', () => {
  it('a period with an override but no entries is archived, not deleted, and keeps its override rows', async () => {
    const s = await periodSetup();
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review', override: '试运行周期，不评分' }));
    expect(ok(await s.invoke('periods.delete', { id: s.periodId }))).toEqual({ archived: true });
    expect(overrideRows(s)).toHaveLength(1);
  });

  it('migration 8 adds period_override to a version-7 database; the rows need a known step and a reason and go with their period', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v7.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 7), { file, backupDir: dir });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'period_override'").get()).toBeUndefined();
    migrate(db, migrations, { file, backupDir: dir });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    const stamp = '2026-11-21T00:00:00.000Z';
    db.prepare("INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO period (id, name, year, kind, framework_id, status, settings_json, created_at, updated_at) VALUES (1, '2026年度', 2026, 'annual', 1, 'review', '{}', ?, ?)").run(stamp, stamp);
    const insert = db.prepare("INSERT INTO period_override (period_id, step, at, actor_kind, actor, reason, missing_json) VALUES (1, ?, ?, 'admin', '管理员', ?, ?)");
    insert.run('review', stamp, '先行评审', '{"cells":1,"measurements":0,"agendaItems":0}');
    expect(() => insert.run('archive', stamp, '原因', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('review', stamp, '  ', '{}')).toThrow(/CHECK/);
    expect(() => insert.run('review', stamp, '原因', 'not json')).toThrow(/CHECK/);
    db.prepare('DELETE FROM period WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM period_override').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('CLI: period readiness and advance --override', () => {
  it('prints what is missing, refuses to move on without --override and moves on with it', async () => {
    const s = await partlyDone();
    const dir = s.services.ctx.dataDir;
    const id = String(s.periodId);
    s.services.close();

    const readiness = await cli('period', 'readiness', '--period', id, '--step', 'review', '--data-dir', dir);
    expect(readiness.code).toBe(0);
    expect(readiness.out.split('\n')).toEqual([
      `${id}“2026年度”进入评审前还有 2 位评委的 10 项评分、3 项业务数据未录入：`,
      '  - 王建国：HG-02 化工一厂第二党支部 还有 4 项未评分',
      '  - 李敏：HG-01 化工一厂第一党支部 还有 6 项未评分',
      '  - HG-01 化工一厂第一党支部：“2.2 单位能耗”的业务数据（实际值）未录入',
      '  - HG-02 化工一厂第二党支部：“2.1 产量完成率”的业务数据（实际值）未录入',
      '  - HG-02 化工一厂第二党支部：“2.2 单位能耗”的业务数据（实际值）未录入',
    ]);
    const json = await cli('period', 'readiness', '--period', id, '--step', 'finalise', '--json', '--data-dir', dir);
    expect(JSON.parse(json.out)).toMatchObject({ step: 'finalise', missingCells: 10, complete: false });

    const refused = await cli('period', 'advance', '--period', id, '--to', 'review', '--data-dir', dir);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('错误：还有 2 位评委的 10 项评分、3 项业务数据未录入。如确需进入评审，请写明原因。') });
    expect(refused.err).toContain('  - 李敏：HG-01 化工一厂第一党支部 还有 6 项未评分');
    expect(await cli('period', 'advance', '--period', id, '--to', 'review', '--override', ' ', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--override 不能为空') });
    expect(await cli('period', 'advance', '--period', id, '--to', 'done', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('--to 应为 draft|scoring|review|finalised') });
    expect(await cli('period', 'readiness', '--period', id, '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --step') });

    const moved = await cli('period', 'advance', '--period', id, '--to', 'review', '--override', '李敏出差，先行评审', '--data-dir', dir);
    expect(moved).toMatchObject({ code: 0, out: `已推进：${id}“2026年度”现为“评审中”` });
    expect(await cli('period', 'finalise', '--period', id, '--data-dir', dir)).toMatchObject({ code: 1, err: expect.stringContaining('如确需定稿，请写明原因') });
    expect(await cli('period', 'finalise', '--period', id, '--override', '评分不全，经党委会同意定稿', '--data-dir', dir)).toMatchObject({ code: 0 });
    const overrides = await cli('period', 'readiness', '--period', id, '--step', 'publish', '--data-dir', dir);
    expect(overrides.out).toMatch(/^\d+“2026年度”标记为已公示前还有/);
  });

  it('says when nothing is missing', async () => {
    const s = await allDone();
    const dir = s.services.ctx.dataDir;
    s.services.close();
    expect(await cli('period', 'readiness', '--period', String(s.periodId), '--step', 'review', '--data-dir', dir)).toEqual({
      code: 0,
      out: `${s.periodId}“2026年度”没有缺项，可以直接进入评审`,
      err: '',
    });
  });
});
