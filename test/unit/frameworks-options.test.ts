/**
 * 扣分池（扣完为止） and 加分上限（分部） stored with the framework (issue 11 §2): migration 11, the frameworks
 * service, and the results that follow from them (docs/scoring-rules.md).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAuditFunctions } from '../../electron/db/audit-chain';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { openSqlite } from '../../electron/db/sqlite';
import { getIndicators } from '../../electron/services/frameworks';
import { buildEngineInput } from '../../electron/services/results';
import type { IndicatorFieldsInput } from '../../shared/domain/framework';
import { ok } from '../helpers/result';
import { tempDir, tempServices } from '../helpers/tmp';

describe('migration 11: indicator options', () => {
  it('adds options_json to a version-10 database: rows survive as they were, bad JSON is refused, a frozen framework stays frozen', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v10.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 10), { file, backupDir: dir });
    db.exec(`INSERT INTO framework (id, name, created_at, updated_at) VALUES (1, '融合考评', 'x', 'x'), (2, '已冻结', 'x', 'x');
             INSERT INTO indicator (id, framework_id, parent_id, position, code, name, tag, max_points, method_json)
               VALUES (1, 1, NULL, 0, '1', '基础工作', 'party', 20, NULL),
                      (2, 1, 1, 0, '1.1', '组织生活', 'party', 20, '{"kind":"deduction","perOccurrence":5}'),
                      (3, 2, NULL, 0, '1', '基础工作', 'party', 20, NULL);
             UPDATE framework SET frozen_at = 'x' WHERE id = 2;`);
    const before = db.prepare('SELECT * FROM indicator ORDER BY id').all();
    migrate(db, migrations.slice(0, 11), { file, backupDir: dir });

    const after = db.prepare<[], Record<string, unknown>>('SELECT * FROM indicator ORDER BY id').all();
    expect(after).toEqual((before as Record<string, unknown>[]).map((r) => ({ ...r, options_json: null })));
    const set = db.prepare('UPDATE indicator SET options_json = ? WHERE id = ?');
    set.run('{"pool":true,"bonusCap":null}', 1);
    expect(db.prepare('SELECT options_json FROM indicator WHERE id = 1').get()).toEqual({ options_json: '{"pool":true,"bonusCap":null}' });
    expect(() => set.run('{pool', 1)).toThrow(/CHECK/);
    expect(() => set.run('{"pool":true,"bonusCap":null}', 3)).toThrow(/framework_frozen/);
    expect(db.prepare('SELECT options_json FROM indicator WHERE id = 3').get()).toEqual({ options_json: null });
    db.close();
  });
});

const section = (code: string, name: string, maxPoints: number, extra: Partial<IndicatorFieldsInput> = {}): IndicatorFieldsInput => ({
  code,
  name,
  tag: 'party',
  maxPoints,
  method: null,
  ...extra,
});
const deduction = (code: string, name: string, perOccurrence: number): IndicatorFieldsInput => ({
  code,
  name,
  tag: 'party',
  maxPoints: 0,
  method: { kind: 'deduction', perOccurrence },
});

describe('frameworks: pools and section bonus caps', () => {
  it('stores options on 分部 through indicators.add/update, refuses them on a leaf, and keeps them on copies', async () => {
    const { invoke, ctx } = tempServices();
    const fw = ok(await invoke('frameworks.create', { name: '考核细则', source: { kind: 'empty' } }));
    const frameworkId = fw.id;
    // “本部分（基础工作）共20分，按下列细则扣分，扣完为止”: the section first, then its 0-point deduction items.
    const pool = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: section('1', '基础工作', 20, { options: { pool: true, bonusCap: null } }) }));
    expect(pool.options).toEqual({ pool: true, bonusCap: null });
    ok(await invoke('indicators.add', { frameworkId, parentId: pool.id, fields: deduction('1.1', '组织生活缺次', 5) }));
    ok(await invoke('indicators.add', { frameworkId, parentId: pool.id, fields: deduction('1.2', '台账不全', 2) }));
    const business = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: { code: '2', name: '生产经营', tag: 'business', maxPoints: 80, method: { kind: 'rating', step: 1 } } }));

    // A leaf (it has a method) cannot be a pool or carry a section cap; saying "neither" is fine.
    const refused = await invoke('indicators.update', {
      id: business.id,
      fields: { code: '2', name: '生产经营', tag: 'business', maxPoints: 80, method: { kind: 'rating', step: 1 }, options: { pool: false, bonusCap: 5 } },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '“2 生产经营”是末级指标（有评分方法）：只有分部（有下级指标的指标）才能设为扣分池或设本部分加分上限' },
    });
    const plainLeaf = ok(
      await invoke('indicators.update', {
        id: business.id,
        fields: { code: '2', name: '生产经营', tag: 'business', maxPoints: 80, method: { kind: 'rating', step: 1 }, options: { pool: false, bonusCap: null } },
      }),
    );
    // "Neither" is stored as nothing: the indicator reads as one made before options existed.
    expect(Object.keys(plainLeaf)).not.toContain('options');

    // Saving a section without saying anything about options keeps them; saying "neither" clears them.
    ok(await invoke('indicators.update', { id: pool.id, fields: section('1', '基础工作（党建）', 20) }));
    expect(getIndicators(ctx.db, frameworkId).find((i) => i.id === pool.id)!.options).toEqual({ pool: true, bonusCap: null });
    ok(await invoke('indicators.update', { id: pool.id, fields: section('1', '基础工作', 20, { options: { pool: true, bonusCap: 3 } }) }));

    const detail = ok(await invoke('frameworks.get', { id: frameworkId }));
    // The pool's children have no points of their own: no sum to check, no error.
    expect(detail.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(detail.indicators.find((i) => i.code === '1')!.options).toEqual({ pool: true, bonusCap: 3 });

    const copy = ok(await invoke('frameworks.create', { name: '复制', source: { kind: 'copy', frameworkId } }));
    const version = ok(await invoke('frameworks.newVersion', { id: frameworkId }));
    for (const id of [copy.id, version.id]) {
      expect(getIndicators(ctx.db, id).map((i) => [i.code, i.options ?? null])).toEqual([
        ['1', { pool: true, bonusCap: 3 }],
        ['2', null],
        ['1.1', null],
        ['1.2', null],
      ]);
    }

    ok(await invoke('indicators.update', { id: pool.id, fields: section('1', '基础工作', 20, { options: { pool: false, bonusCap: null } }) }));
    expect(ctx.db.prepare('SELECT options_json FROM indicator WHERE id = ?').get(pool.id)).toEqual({ options_json: null });
  });

  it('a pool floors at 0: the period’s results follow the stored options', async () => {
    const { invoke, ctx } = tempServices();
    const frameworkId = ok(await invoke('frameworks.create', { name: '考核细则', source: { kind: 'empty' } })).id;
    const pool = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: section('1', '基础工作', 20) }));
    const meetings = ok(await invoke('indicators.add', { frameworkId, parentId: pool.id, fields: deduction('1.1', '组织生活缺次', 5) }));
    const ledger = ok(await invoke('indicators.add', { frameworkId, parentId: pool.id, fields: deduction('1.2', '台账不全', 2) }));
    const work = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: { code: '2', name: '生产经营', tag: 'business', maxPoints: 80, method: { kind: 'rating', step: 1 } } }));
    // Made a pool afterwards, as an editor would: “本部分共20分，按下列细则扣分，扣完为止”.
    ok(await invoke('indicators.update', { id: pool.id, fields: section('1', '基础工作', 20, { options: { pool: true, bonusCap: null } }) }));

    const hg1 = ok(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' })).id;
    const hg2 = ok(await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' })).id;
    const periodId = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, branchIds: [hg1, hg2] })).id;
    const groupId = ok(await invoke('panel.saveGroup', { periodId, name: '考评组', weight: 1 })).id;
    const raterId = ok(await invoke('panel.saveRater', { periodId, groupId, name: '王建国' })).id;
    ok(await invoke('periods.advance', { id: periodId, to: 'scoring' }));
    const reasons = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}次检查发现`);
    const entry = (branchId: number, indicatorId: number, value: number, detail: string[] = []) => ({ raterId, branchId, indicatorId, value, detail });
    ok(
      await invoke('entries.save', {
        periodId,
        entries: [
          // HG-01: 3 × 5 + 4 × 2 = 23 deducted from 20 → the pool stops at 0, not −3.
          entry(hg1, meetings.id, 3, reasons(3)),
          entry(hg1, ledger.id, 4, reasons(4)),
          entry(hg1, work.id, 70),
          // HG-02: 1 × 5 + 2 × 2 = 9 → 11.
          entry(hg2, meetings.id, 1, reasons(1)),
          entry(hg2, ledger.id, 2, reasons(2)),
          entry(hg2, work.id, 75),
        ],
      }),
    );

    expect(buildEngineInput(ctx.db, periodId).indicators.find((i) => i.id === pool.id)!.options).toEqual({ pool: true, bonusCap: null });
    const engine = ctx.results.engine(ctx.db, periodId);
    const byBranch = new Map(engine.result.branches.map((b) => [b.branchId, b]));
    expect(byBranch.get(hg1)!.nodes[pool.id]!.points).toBe(0);
    expect(byBranch.get(hg1)!.total).toBe(70);
    expect(byBranch.get(hg2)!.nodes[pool.id]!.points).toBe(11);
    expect(byBranch.get(hg2)!.total).toBe(86);
    expect(engine.explainBranch(hg1)!.nodes.find((n) => n.indicatorId === pool.id)!.pool).toEqual({ deducted: 23, floored: true });
  });
});
