/**
 * Issue 10 §1: two processes writing one database at once (the app and the
 * CLI, two CLI runs) wait for each other; neither fails, every write lands.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { periodSetup } from '../helpers/period-setup';
import { repoPath } from '../helpers/repo';

const WRITES_PER_PROCESS = 300;

function writer(args: string[]): Promise<{ acknowledged: number; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(repoPath('node_modules', '.bin', 'tsx'), [repoPath('test', 'helpers', 'writer-process.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

describe('concurrent writers', () => {
  it('two processes writing hundreds of times each at once: no failure, every write present', async () => {
    const { services, periodId, hg1, hg2, r1, r2, leaf } = await periodSetup();
    const dataDir = services.ctx.dataDir;
    const leaves = [leaf('1.3').id, leaf('2.3').id];
    // 李敏 (r2) is recused from HG-02: her cells are HG-01's only.
    const cells1 = [hg1, hg2].flatMap((branchId) => leaves.map((indicatorId) => ({ branchId, indicatorId })));
    const cells2 = leaves.map((indicatorId) => ({ branchId: hg1, indicatorId }));
    const [a, b] = await Promise.all([
      writer([dataDir, String(periodId), String(r1), JSON.stringify(cells1), String(WRITES_PER_PROCESS)]),
      writer([dataDir, String(periodId), String(r2), JSON.stringify(cells2), String(WRITES_PER_PROCESS)]),
    ]);
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    expect(a.acknowledged + b.acknowledged).toBe(2 * WRITES_PER_PROCESS);
    const { db } = services.ctx;
    // Every change is in the audit log, and each cell holds the value of its last write.
    const audited = (raterId: number) => db.prepare<[number, number], { n: number }>("SELECT count(*) AS n FROM audit WHERE period_id = ? AND rater_id = ? AND entity = 'score'").get(periodId, raterId)!.n;
    expect(audited(r1)).toBe(WRITES_PER_PROCESS);
    expect(audited(r2)).toBe(WRITES_PER_PROCESS);
    const lastValue = (cells: { branchId: number; indicatorId: number }[], cellIndex: number) => {
      let last = -1;
      for (let i = 0; i < WRITES_PER_PROCESS; i++) if (i % cells.length === cellIndex) last = i;
      return (last % 20) * 0.5;
    };
    for (const [raterId, cells] of [[r1, cells1], [r2, cells2]] as const) {
      cells.forEach((c, i) => {
        const row = db.prepare<[number, number, number, number], { value: number }>('SELECT value FROM score WHERE period_id = ? AND rater_id = ? AND branch_id = ? AND indicator_id = ?').get(periodId, raterId, c.branchId, c.indicatorId);
        expect(row?.value).toBe(lastValue(cells, i));
      });
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
