/**
 * npm run bench — the speed targets, measured on a real database file.
 *
 *  1. bulk insert: 900,000 entries (500 branches × 120 leaves × 15 raters)
 *     through the service (checked, one transaction) vs raw prepared inserts
 *     into the same table — goal ≥ 50% of the raw rate;
 *  2. full recompute: load every entry from SQLite and compute the period
 *     (totals, grades, ranks) vs a bare SQL GROUP BY over the same rows —
 *     goal ≤ 2× and under 1 s;
 *  3. one edited entry → updated total and rank — goal < 16 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IndicatorDraft } from '../../shared/domain/framework';
import { Engine } from '../../shared/engine';
import { createServices } from '../../electron/services';
import { saveEntries, type EntryInput } from '../../electron/services/entries';
import { createFrameworkFromDraft, getIndicators } from '../../electron/services/frameworks';
import { saveGroup, saveRater } from '../../electron/services/panel';
import { SYSTEM } from '../../electron/services/actor';
import { createPeriod } from '../../electron/services/periods';
import { advancePeriod } from '../../electron/services/period-steps';
import { buildEngineInput } from '../../electron/services/results';

const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 500);
const LEAVES = 120;
const RATERS = 15;

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const TAG_CYCLE = ['party', 'business', 'fusion'] as const;

function frameworkDraft(): IndicatorDraft[] {
  // 10 dimensions × 12 rating leaves of 10/12 points: 100 points, 120 leaves.
  return Array.from({ length: 10 }, (_, d) => ({
    code: String(d + 1),
    name: `维度${d + 1}`,
    tag: TAG_CYCLE[d % 3]!,
    maxPoints: 10,
    children: Array.from({ length: LEAVES / 10 }, (_, l) => ({
      code: `${d + 1}.${l + 1}`,
      name: `指标${d + 1}.${l + 1}`,
      tag: TAG_CYCLE[d % 3]!,
      maxPoints: 10 / 12,
      method: { kind: 'rating' as const, step: 10 / 12 / 4 },
    })),
  }));
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-bench-'));
const services = createServices({ dataDir: dir });
const { db } = services.ctx;
const now = new Date();
const rows: [string, string, string][] = [];

try {
  const insertBranch = db.prepare("INSERT INTO branch (code, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
  db.transaction(() => {
    for (let b = 0; b < BRANCHES; b++) insertBranch.run(`B${String(b + 1).padStart(4, '0')}`, `第${b + 1}党支部`);
  })();
  const frameworkId = createFrameworkFromDraft(db, { name: '基准体系', description: '', indicators: frameworkDraft() }, now);
  const period = createPeriod(db, { name: '基准周期', year: 2026, kind: 'annual', frameworkId, branchIds: null, settings: { combine: 'trimmed' } }, now);
  const by = { actor: SYSTEM, now };
  const group = saveGroup(db, period.id, { name: '考评组', weight: 1 }, by);
  const raters = Array.from({ length: RATERS }, (_, i) => saveRater(db, period.id, { groupId: group.id, name: `评委${i + 1}`, title: '', branchId: null, recusals: [] }, by).id);
  const leaves = getIndicators(db, frameworkId).filter((n) => n.method);
  advancePeriod(db, period.id, 'scoring', now);
  const branchIds = db.prepare<[], { id: number }>('SELECT id FROM branch ORDER BY id').all().map((r) => r.id);
  const step = 10 / 12 / 4;
  const entries: EntryInput[] = [];
  let seed = 1;
  for (const raterId of raters)
    for (const branchId of branchIds)
      for (const leaf of leaves) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        entries.push({ raterId, branchId, indicatorId: leaf.id, value: (seed % 5) * step });
      }
  const n = entries.length;

  // 1. Bulk insert: raw prepared inserts, then the service path, into the same empty table.
  const raw = db.prepare('INSERT INTO score (period_id, rater_id, branch_id, indicator_id, value, entered_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const stamp = now.toISOString();
  let t0 = performance.now();
  db.transaction(() => {
    for (const e of entries) raw.run(period.id, e.raterId, e.branchId, e.indicatorId, e.value, 'import', stamp);
  })();
  const rawMs = ms(t0);
  db.prepare('DELETE FROM score').run();
  t0 = performance.now();
  saveEntries(db, period.id, entries, { now, actor: { kind: 'import', name: 'bench' } });
  const serviceMs = ms(t0);
  const insertRatio = rawMs / serviceMs;
  rows.push(['bulk insert, raw better-sqlite3', `${(n / rawMs * 1000).toFixed(0)} rows/s`, `${rawMs.toFixed(0)} ms for ${n}`]);
  rows.push(['bulk insert, saveEntries (checked)', `${(n / serviceMs * 1000).toFixed(0)} rows/s`, `${(insertRatio * 100).toFixed(0)}% of raw (goal ≥ 50%) ${insertRatio >= 0.5 ? 'OK' : 'MISSED'}`]);

  // 2. Full recompute vs a bare GROUP BY over the same rows (best of 3 each).
  const groupBy = db.prepare('SELECT branch_id, indicator_id, avg(value) AS v FROM score WHERE period_id = ? GROUP BY branch_id, indicator_id');
  const sqlRuns: number[] = [];
  const engineRuns: number[] = [];
  let engine: Engine | null = null;
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    groupBy.all(period.id);
    sqlRuns.push(ms(t0));
    t0 = performance.now();
    engine = new Engine(buildEngineInput(db, period.id));
    engineRuns.push(ms(t0));
  }
  // Where the time goes (one more run, split by phase).
  t0 = performance.now();
  const loaded = buildEngineInput(db, period.id);
  const loadMs = ms(t0);
  t0 = performance.now();
  new Engine(loaded);
  const computeMs = ms(t0);
  const sqlMs = Math.min(...sqlRuns);
  const engineMs = Math.min(...engineRuns);
  rows.push(['  of which: load entries from SQLite', `${loadMs.toFixed(0)} ms`, '']);
  rows.push(['  of which: compute (cells, roll-up, grades)', `${computeMs.toFixed(0)} ms`, '']);
  rows.push(['SQL GROUP BY (avg per cell)', `${sqlMs.toFixed(0)} ms`, `${n} rows → ${BRANCHES * LEAVES} cells`]);
  rows.push([
    'full recompute (load + engine)',
    `${engineMs.toFixed(0)} ms`,
    `${(engineMs / sqlMs).toFixed(2)}× GROUP BY (goal ≤ 2×, < 1 s) ${engineMs / sqlMs <= 2 && engineMs < 1000 ? 'OK' : 'MISSED'}`,
  ]);

  // 3. One edited entry → updated total and rank.
  const edits: number[] = [];
  for (let i = 0; i < 200; i++) {
    const e = entries[(i * 7919) % n]!;
    t0 = performance.now();
    const result = engine!.setEntry(e.raterId, e.branchId, e.indicatorId, ((i % 4) + 1) * step);
    void result.branches[0]!.rank;
    edits.push(ms(t0));
  }
  const edit = median(edits);
  rows.push(['one edited entry → total and rank', `${edit.toFixed(2)} ms`, `median of 200 (p95 ${[...edits].sort((a, b) => a - b)[190]!.toFixed(2)} ms; goal < 16 ms) ${edit < 16 ? 'OK' : 'MISSED'}`]);
} finally {
  services.close();
  rmSync(dir, { recursive: true, force: true });
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
console.log(`\n融评 benchmark — ${BRANCHES} branches × ${LEAVES} leaves × ${RATERS} raters, Node ${process.version}\n`);
for (const r of rows) console.log(`${r[0].padEnd(widths[0]!)}  ${r[1].padStart(widths[1]!)}  ${r[2]}`);
