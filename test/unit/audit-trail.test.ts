/**
 * Issue 10 §2: the audit trail can't be erased or rewritten — through the
 * app's own services, or against the raw file with another SQLite tool.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/db';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { openAsForeignTool, openSqlite } from '../../electron/db/sqlite';
import { periodSetup } from '../helpers/period-setup';
import { tempDir } from '../helpers/tmp';
import { ok } from '../helpers/result';


/** A finalised period with a few scores and their history. */
async function finalisedPeriod() {
  const s = await periodSetup();
  const { invoke, periodId, hg1, hg2, r1 } = s;
  const leaf = s.leaf('1.3');
  ok(await invoke('scoring.save', { periodId, raterId: r1, entries: [{ branchId: hg1, indicatorId: leaf.id, value: 8 }, { branchId: hg2, indicatorId: leaf.id, value: 9 }] }));
  ok(await invoke('periods.advance', { id: periodId, to: 'review', override: '测试用，不要求齐全' }));
  ok(await invoke('periods.advance', { id: periodId, to: 'finalised', override: '测试用，不要求齐全' }));
  return { ...s, leafId: leaf.id };
}

const auditCount = (db: ReturnType<typeof openSqlite>) => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit').get()!.n;

describe('the audit trail through the app', () => {
  it('keeps a period’s history when the admin reopens, clears every score and deletes it: the period is archived, not deleted', async () => {
    const { invoke, db, periodId, hg1, hg2, r1, leafId } = await finalisedPeriod();
    ok(await invoke('periods.reopen', { id: periodId, reason: '更正' }));
    ok(await invoke('entries.save', { periodId, reason: '清空', entries: [hg1, hg2].map((branchId) => ({ raterId: r1, branchId, indicatorId: leafId, value: null })) }));
    const before = auditCount(db);
    const maxId = db.prepare<[], { m: number }>('SELECT max(id) AS m FROM audit').get()!.m;
    expect(ok(await invoke('periods.delete', { id: periodId }))).toEqual({ archived: true });
    expect(auditCount(db)).toBe(before);
    expect(db.prepare('SELECT count(*) AS n FROM period WHERE id = ?').get(periodId)).toEqual({ n: 1 });
    expect(ok(await invoke('periods.list', {})).map((p) => p.id)).not.toContain(periodId);
    expect(ok(await invoke('periods.list', { includeArchived: true })).find((p) => p.id === periodId)?.archivedAt).toBeTruthy();
    // Kept for its history only: no further changes.
    expect(await invoke('periods.advance', { id: periodId, to: 'finalised' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已归档') } });
    expect(await invoke('entries.save', { periodId, reason: '补录', entries: [{ raterId: r1, branchId: hg1, indicatorId: leafId, value: 5 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('已归档') },
    });
    // New rows never take an old id.
    ok(await invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: ok(await invoke('frameworks.list', {}))[0]!.id }));
    const next = await invoke('sample.create', {});
    expect(next.ok).toBe(true);
    expect(db.prepare<[number], { m: number }>('SELECT min(id) AS m FROM audit WHERE id > ?').get(maxId)!.m).toBe(maxId + 1);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('deletes a draft period that has no history at all', async () => {
    const { invoke, periodId } = await periodSetup({ status: 'draft' });
    // periodSetup's panel is history (who sat on it, with what weight): a second period with nothing done is not.
    const bare = ok(await invoke('periods.create', { name: '误建的周期', year: 2026, kind: 'annual', frameworkId: ok(await invoke('periods.get', { id: periodId })).frameworkId }));
    expect(ok(await invoke('periods.delete', { id: bare.id }))).toEqual({ archived: false });
    expect(ok(await invoke('periods.list', { includeArchived: true })).map((p) => p.id)).not.toContain(bare.id);
  });

  it('logs every change to the panel and the settings, old → new, so a period with them is archived, not deleted', async () => {
    const { invoke, periodId, db } = await periodSetup({ status: 'draft' });
    const panel = ok(await invoke('panel.get', { periodId }));
    const group = panel.groups[0]!;
    const wang = panel.raters.find((r) => r.name === '王建国')!;
    const logged = () => db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM audit WHERE period_id = ? AND entity IN ('panel', 'period')").get(periodId)!.n;
    const setup = logged(); // periodSetup's own group and raters
    expect(setup).toBe(3);
    ok(await invoke('panel.saveGroup', { periodId, id: group.id, name: group.name, weight: 2 }));
    ok(await invoke('panel.saveGroup', { periodId, id: group.id, name: group.name, weight: 2 })); // no change: no row
    ok(await invoke('panel.saveRater', { periodId, id: wang.id, groupId: group.id, name: '王建国', title: '组长', branchId: null, recusals: [] }));
    const extra = ok(await invoke('panel.saveRater', { periodId, groupId: group.id, name: '赵六' }));
    ok(await invoke('panel.deleteRater', { periodId, id: extra.id }));
    const period = ok(await invoke('periods.get', { id: periodId }));
    const grades = period.settings.grades.map((g, i) => (i === 0 ? { ...g, min: (g.min ?? 0) + 1 } : g));
    ok(await invoke('periods.update', { id: periodId, name: period.name, year: period.year, kind: period.kind, settings: { ...period.settings, grades } }));
    ok(await invoke('periods.update', { id: periodId, name: period.name, year: period.year, kind: period.kind, settings: { ...period.settings, grades } })); // no change: no row

    const rows = db
      .prepare<[number], { actor: string; entity: string; action: string; old_json: string | null; new_json: string | null }>(
        "SELECT actor, entity, action, old_json, new_json FROM audit WHERE period_id = ? AND entity IN ('panel', 'period') ORDER BY id",
      )
      .all(periodId);
    expect(rows.slice(setup).map((r) => [r.actor, r.entity, r.action])).toEqual([
      ['管理员', 'panel', '修改评委组“考评组”'],
      ['管理员', 'panel', '修改评委 王建国'],
      ['管理员', 'panel', '新增评委 赵六'],
      ['管理员', 'panel', '删除评委 赵六'],
      ['管理员', 'period', '修改考核周期“2026年度”：计算规则（grades）'],
    ]);
    expect(JSON.parse(rows[setup]!.old_json!)).toEqual({ name: '考评组', weight: 1 });
    expect(JSON.parse(rows[setup]!.new_json!)).toEqual({ name: '考评组', weight: 2 });
    expect(JSON.parse(rows[setup + 1]!.new_json!)).toMatchObject({ name: '王建国', title: '组长', group: '考评组' });
    const settingsRow = rows.at(-1)!;
    expect(JSON.parse(settingsRow.old_json!)).toEqual({ settings: { grades: period.settings.grades } });
    expect(JSON.parse(settingsRow.new_json!)).toEqual({ settings: { grades } });
    expect(verifyAuditChain(db).ok).toBe(true);
    // The panel is history now: “delete” keeps the record and archives it.
    expect(ok(await invoke('periods.delete', { id: periodId }))).toEqual({ archived: true });
  });

  it('refuses UPDATE, DELETE, REPLACE, reused ids and back-dated rows even with the app’s own functions', async () => {
    const { db } = await finalisedPeriod();
    const last = db.prepare<[], Record<string, unknown>>('SELECT * FROM audit ORDER BY id DESC LIMIT 1').get()!;
    expect(() => db.prepare('UPDATE audit SET reason = ?').run('改写')).toThrow(/audit_append_only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/audit_append_only/);
    const cols = 'id, at, period_id, actor_kind, actor, entity, action, reason, hash';
    expect(() =>
      db.prepare(`INSERT OR REPLACE INTO audit (${cols}) VALUES (?, ?, ?, 'admin', '管理员', 'period', '伪造', '', ?)`).run(last.id, last.at, last.period_id, last.hash),
    ).toThrow(/audit_append_only/);
    expect(() =>
      db.prepare(`INSERT INTO audit (${cols}) VALUES (1, ?, ?, 'admin', '管理员', 'period', '伪造', '', ?)`).run(last.at, last.period_id, last.hash),
    ).toThrow(/audit_append_only/);
    expect(() =>
      db.prepare(`INSERT INTO audit (at, period_id, actor_kind, actor, entity, action, reason, hash) VALUES ('2020-01-01T00:00:00.000Z', ?, 'admin', '管理员', 'period', '补记', '', ?)`).run(last.period_id, 'a'.repeat(64)),
    ).toThrow(/audit_backdated/);
    expect(() =>
      db.prepare(`INSERT INTO audit (at, period_id, actor_kind, actor, entity, action, reason, hash) VALUES ('2999-01-01T00:00:00.000Z', ?, 'admin', '管理员', 'period', '补记', '', ?)`).run(last.period_id, 'a'.repeat(64)),
    ).toThrow(/audit_chain/);
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('refuses, from another SQLite tool, any audit insert and the silent unlock of a finalised period', async () => {
    const { services, db, periodId } = await finalisedPeriod();
    const file = services.ctx.databaseFile;
    const foreign = openAsForeignTool(file);
    try {
      expect(() => foreign.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(periodId)).toThrow(/rp_audit/);
      expect(() =>
        foreign.prepare(`INSERT INTO audit (at, period_id, actor_kind, actor, entity, action, reason, hash) VALUES ('2999-01-01T00:00:00.000Z', ?, 'admin', '管理员', 'period', '补记', '', ?)`).run(periodId, 'a'.repeat(64)),
      ).toThrow(/rp_audit/);
      expect(() => foreign.prepare('DELETE FROM audit').run()).toThrow(/audit_append_only/);
    } finally {
      foreign.close();
    }
    expect(db.prepare('SELECT status FROM period WHERE id = ?').get(periodId)).toEqual({ status: 'finalised' });
  });

  it('writes its own audit row when a period’s status changes, whoever changes it', async () => {
    const { db, periodId } = await finalisedPeriod();
    db.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(periodId);
    const row = db.prepare('SELECT actor_kind, actor, entity, action, old_json, new_json FROM audit ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ actor_kind: 'system', actor: '系统', entity: 'period', action: '重新开启（已定稿 → 评审中）', old_json: '"finalised"', new_json: '"review"' });
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});

describe('the hash chain finds what was changed behind the triggers’ back', () => {
  /** Drops the guards as an attacker with the raw file would, then does `tamper`. */
  async function tampered(tamper: (db: ReturnType<typeof openSqlite>) => void) {
    const s = await finalisedPeriod();
    const file = s.services.ctx.databaseFile;
    s.services.close();
    const raw = openAsForeignTool(file);
    raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_append_check;');
    tamper(raw);
    raw.close();
    const db = openSqlite(file);
    const report = verifyAuditChain(db);
    db.close();
    return report;
  }

  it('an edited row', async () => {
    const report = await tampered((db) => db.prepare("UPDATE audit SET new_json = '{\"value\":10,\"detail\":[]}' WHERE id = 3").run());
    expect(report).toMatchObject({ ok: false, brokenAt: { id: 3 } });
  });

  it('a row removed from the middle', async () => {
    const report = await tampered((db) => db.prepare('DELETE FROM audit WHERE id = 2').run());
    expect(report).toMatchObject({ ok: false, brokenAt: { id: 3 } });
  });

  it('rows cut off the end', async () => {
    const report = await tampered((db) => db.prepare('DELETE FROM audit WHERE id >= (SELECT max(id) - 1 FROM audit)').run());
    expect(report.ok).toBe(false);
    expect(report.brokenAt?.problem).toMatch(/已被删除/);
  });

  it('a back-dated row slipped in between', async () => {
    const report = await tampered((db) => {
      const row = db.prepare<[], Record<string, unknown>>('SELECT * FROM audit WHERE id = 2').get()!;
      db.prepare('DELETE FROM audit WHERE id = 2').run();
      db.prepare('INSERT INTO audit (id, at, period_id, actor_kind, actor, entity, action, reason, hash) VALUES (2, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        row.at, row.period_id, row.actor_kind, row.actor, 'period', '补记', '', row.hash,
      );
    });
    expect(report).toMatchObject({ ok: false, brokenAt: { id: 2 } });
  });
});

describe('migration 6 chains the history written before it', () => {
  it('keeps every earlier row, in order, with a chain that verifies, and drops the cascade from periods', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v5.db');
    const db = openSqlite(file);
    migrate(db, migrations.slice(0, 5), { file, backupDir: dir });
    db.exec(`
      INSERT INTO framework (id, name, version, created_at, updated_at) VALUES (1, '体系', 1, 'x', 'x');
      INSERT INTO period (id, name, year, kind, framework_id, settings_json, created_at, updated_at) VALUES (1, '2025年度', 2025, 'annual', 1, '{}', 'x', 'x');
      INSERT INTO audit (at, period_id, actor_kind, actor, entity, action) VALUES ('2025-01-01T00:00:00.000Z', 1, 'admin', '管理员', 'period', '准备中 → 评分中');
      INSERT INTO audit (at, period_id, actor_kind, actor, entity, action, new_json) VALUES ('2025-01-02T00:00:00.000Z', 1, 'rater', '王建国', 'score', '评分', '{"value":1}');
    `);
    migrate(db, migrations, { file, backupDir: dir });
    expect(db.prepare('SELECT id, actor, action FROM audit ORDER BY id').all()).toEqual([
      { id: 1, actor: '管理员', action: '准备中 → 评分中' },
      { id: 2, actor: '王建国', action: '评分' },
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 2, brokenAt: null });
    // No cascade: the history outlives the period row.
    db.prepare('DELETE FROM period WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 2 });
    db.close();
  });
});
