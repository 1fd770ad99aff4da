/**
 * npx tsx test/bench/documents.ts — the Word documents' speed targets, on a
 * real database file through the services, as the app writes them:
 *
 *  1. a 30-branch 考核结果通报 (two charts) — goal < 2 s;
 *  2. 500 支部考核反馈单 with a radar chart each, one file per branch — goal < 30 s;
 *  3. the same 500 sheets as one file (page breaks between them) — goal < 30 s.
 *
 * Wall time and the process's CPU time are both printed: on a shared machine
 * the wall time also counts other processes. BENCH_DOC_BRANCHES changes 500.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services';
import { waitForJob } from '../../electron/services/documents';

const SHEETS = Number(process.env.BENCH_DOC_BRANCHES ?? 500);

const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-bench-docs-'));
const out = path.join(dir, 'out');
const services = createServices({ dataDir: path.join(dir, 'data') });

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function measure(run: () => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

const rows: string[][] = [];
const record = (name: string, goal: number, m: { wall: number; cpu: number }, extra: string) =>
  rows.push([name, `${m.wall.toFixed(2)} s`, `${m.cpu.toFixed(2)} s`, `< ${goal} s`, m.wall < goal ? 'ok' : 'SLOW', extra]);

try {
  console.log(`Preparing sample periods (30 and ${SHEETS} branches)…`);
  const small = await value(services.invoke('sample.create', { branches: 30, raters: 7, seed: 1 }));
  const large = await value(services.invoke('sample.create', { branches: SHEETS, raters: 7, seed: 2 }));
  // Warm-up: load the fonts, chart.js and docx once, as the app has done after its first document.
  await value(services.invoke('documents.bulletin', { periodId: small.period.id, path: path.join(dir, 'warm.docx') }));

  const bulletin = path.join(dir, 'bulletin.docx');
  const b = await measure(() => value(services.invoke('documents.bulletin', { periodId: small.period.id, path: bulletin })));
  record('考核结果通报, 30 个党支部', 2, b, `${(statSync(bulletin).size / 1024).toFixed(0)} KB`);

  const perBranch = await measure(async () => {
    const job = await value(services.invoke('documents.startBatch', { periodId: large.period.id, mode: 'perBranch', path: out }));
    const done = await waitForJob(services.ctx, job.jobId);
    if (done.state !== 'done') throw new Error(`batch ${done.state}: ${done.error?.message ?? ''}`);
  });
  const files = readdirSync(out);
  const bytes = files.reduce((s, f) => s + statSync(path.join(out, f)).size, 0);
  record(`反馈单 ${SHEETS} 份, 每支部一个文件`, 30, perBranch, `${files.length} 个文件, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  const single = path.join(dir, 'all.docx');
  const one = await measure(async () => {
    const job = await value(services.invoke('documents.startBatch', { periodId: large.period.id, mode: 'single', path: single }));
    const done = await waitForJob(services.ctx, job.jobId);
    if (done.state !== 'done') throw new Error(`batch ${done.state}: ${done.error?.message ?? ''}`);
  });
  record(`反馈单 ${SHEETS} 份, 合为一个文件`, 30, one, `${(statSync(single).size / 1024 / 1024).toFixed(1)} MB`);

  const header = ['文档 Document', 'wall', 'CPU', 'goal', '', 'output'];
  const widths = header.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i]!)].map((c) => [...c].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (c: string, w: number) => c + ' '.repeat(Math.max(0, w - [...c].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  for (const r of [header, ...rows]) console.log(r.map((c, i) => pad(c, widths[i]!)).join('  '));
} finally {
  services.close();
  rmSync(dir, { recursive: true, force: true });
}
