/**
 * Issue 10, done-when: kill -9 at random moments while scoring and importing.
 * Twenty runs of a child process that writes as fast as it can; after each
 * kill, every acknowledged write is present (the one in flight is either
 * wholly there or wholly absent), the file passes integrity_check and the
 * audit chain verifies.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/db';
import { openSqlite } from '../../electron/db/sqlite';
import { crashStep, type CrashPlan } from '../helpers/crash-plan';
import { periodSetup } from '../helpers/period-setup';
import { repoPath } from '../helpers/repo';

const RUNS = 20;

/** Runs the writer until a random moment, kills it, and returns the last acknowledged step. */
function runAndKill(dataDir: string, plan: CrashPlan, killAfterMs: number): Promise<number> {
  const loader = pathToFileURL(repoPath('node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, repoPath('test', 'helpers', 'crash-writer.ts'), dataDir, JSON.stringify(plan)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastAck = plan.from - 1;
  let buffer = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) lastAck = Number(line.slice(4));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastAck) : reject(new Error(`writer ended on its own: ${err}`))));
  });
}

async function fillWorkbook(file: string, target: string, values: Record<string, number>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [cell, value] of Object.entries(values)) wb.getWorksheet('评分')!.getCell(cell).value = value;
  await wb.xlsx.writeFile(target);
}

describe('kill -9 while scoring and importing', () => {
  it(`loses no acknowledged write and leaves a sound database, ${RUNS} times`, async () => {
    const { services, invoke, dir, periodId, hg1, hg2, r1, r2, leaf } = await periodSetup();
    const dataDir = services.ctx.dataDir;
    const leaves = [leaf('1.3').id, leaf('2.3').id];
    const template = path.join(dir, '李敏.xlsx');
    const written = await invoke('scores.writeTemplate', { periodId, raterId: r2, path: template });
    expect(written.ok).toBe(true);
    // Rows 4 and 5 are 1.3 and 2.3; column E is HG-01 (李敏 is recused from HG-02).
    const files: [string, string] = [path.join(dir, 'A.xlsx'), path.join(dir, 'B.xlsx')];
    await fillWorkbook(template, files[0], { E4: 5, E5: 15 });
    await fillWorkbook(template, files[1], { E4: 6, E5: 16 });
    services.close();

    const plan: CrashPlan = { periodId, raterId: r1, cells: [hg1, hg2].flatMap((branchId) => leaves.map((indicatorId) => ({ branchId, indicatorId }))), files, from: 0 };
    const importValues = [[5, 15], [6, 16]] as const;
    // What each cell may hold after a kill: the last acknowledged step's value, or the in-flight step's.
    const allowed = (lastAck: number) => {
      const r1Cells = new Map<string, Set<number | null>>(plan.cells.map((c) => [`${c.branchId}:${c.indicatorId}`, new Set<number | null>([null])]));
      let imported: Set<0 | 1 | null> = new Set([null]);
      for (let i = 0; i <= lastAck + 1; i++) {
        const step = crashStep(plan, i);
        const inFlight = i === lastAck + 1;
        if (step.kind === 'save') {
          const key = `${step.cell.branchId}:${step.cell.indicatorId}`;
          r1Cells.set(key, inFlight ? new Set([...r1Cells.get(key)!, step.value]) : new Set([step.value]));
        } else imported = inFlight ? new Set([...imported, step.which]) : new Set([step.which]);
      }
      return { r1Cells, imported };
    };

    let seed = 20261203;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
    let steps = 0;
    let importsDone = 0;
    let killedInImport = 0;
    for (let run = 0; run < RUNS; run++) {
      const lastAck = await runAndKill(dataDir, plan, 100 + Math.floor(random() * 500));
      steps += lastAck + 1 - plan.from;
      if (crashStep(plan, lastAck + 1).kind === 'import') killedInImport++;
      const db = openSqlite(path.join(dataDir, 'rongping.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(verifyAuditChain(db)).toMatchObject({ ok: true });
        const value = (raterId: number, branchId: number, indicatorId: number) =>
          db.prepare<[number, number, number, number], { value: number }>('SELECT value FROM score WHERE period_id = ? AND rater_id = ? AND branch_id = ? AND indicator_id = ?').get(periodId, raterId, branchId, indicatorId)?.value ?? null;
        const expected = allowed(lastAck);
        for (const c of plan.cells) expect(expected.r1Cells.get(`${c.branchId}:${c.indicatorId}`)!.has(value(r1, c.branchId, c.indicatorId)), `run ${run}, cell ${c.branchId}:${c.indicatorId}`).toBe(true);
        // An import is all or nothing: both of 李敏's cells come from the same workbook.
        const pair = [value(r2, hg1, leaves[0]!), value(r2, hg1, leaves[1]!)];
        const which = pair[0] === null && pair[1] === null ? null : importValues.findIndex((v) => v[0] === pair[0] && v[1] === pair[1]);
        expect(which, `run ${run}: 李敏's cells ${JSON.stringify(pair)}`).not.toBe(-1);
        expect(expected.imported.has(which as 0 | 1 | null), `run ${run}: workbook ${which}`).toBe(true);
        if (which !== null) importsDone++;
      } finally {
        db.close();
      }
      plan.from = lastAck + 1;
    }
    console.log(`crash test: ${RUNS} kills, ${steps} acknowledged steps, ${killedInImport} kills while an import was in flight`);
    // The runs really did score and import (not just start up and die).
    expect(steps).toBeGreaterThan(RUNS * 5);
    expect(importsDone).toBeGreaterThan(0);
  }, 180_000);
});
