/**
 * npx tsx test/bench/imports.ts — what an import costs in memory and time,
 * for the largest real workbook and for each hostile one. Goal: the process
 * grows by less than ~200 MB for any file, and a hostile file is refused in
 * seconds (the field report: a 1.4 MB zip bomb took 2.9 GB and 30 s, a
 * 100,000-row workbook 2.9 GB and 40 s).
 *
 * Each import runs in a fresh child process (this file, with `measure`), so
 * its peak resident memory is its own: growth = peak RSS − RSS just before
 * the import. BENCH_IMPORT_BASELINE=1 also measures exceljs's full document
 * reader on each file — what every import did before — for comparison (the
 * bomb then needs ~3 GB and half a minute).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { IndicatorDraft } from '../../shared/domain/framework';
import { createServices } from '../../electron/services';
import { importBranches } from '../../electron/services/branches-xlsx';
import { createFrameworkFromDraft } from '../../electron/services/frameworks';
import { createPeriod } from '../../electron/services/periods';
import { importSelf, previewSelfImport, writeSelfTemplate } from '../../electron/services/self-assessment';
import { editSheetXml, manyRows, zipBomb } from '../helpers/hostile-workbooks';
import { writeBranchesWorkbook } from '../helpers/workbooks';

const BRANCHES = 500;
const LEAVES = 120;
const STEP = 10 / 12 / 4;

interface Measured {
  ms: number;
  rssMB: number;
  heapMB: number;
  outcome: string;
}

// ---------------------------------------------------------------- child: one import, measured

async function measure(dataDir: string, kind: string, file: string, baseline: boolean): Promise<Measured> {
  const services = createServices({ dataDir });
  const { db } = services.ctx;
  const periodId = db.prepare<[], { id: number }>('SELECT id FROM period ORDER BY id DESC LIMIT 1').get()?.id ?? 0;
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = rss0;
  let heapPeak = heap0;
  const sample = () => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  let outcome: string;
  try {
    if (baseline) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      outcome = `read ${wb.worksheets.map((s) => s.rowCount).join('+')} rows`;
    } else if (kind === 'self-preview') {
      const r = await previewSelfImport(db, periodId, file);
      outcome = `checked: ${r.rows.length} rows to store, ${r.errors.length} errors`;
    } else if (kind === 'self' || kind === 'self-import') {
      const r = await importSelf(db, periodId, file, new Date());
      outcome = `imported ${r.saved} entries`;
    } else {
      const r = await importBranches(db, file, new Date());
      outcome = `imported ${r.created + r.updated} branches`;
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    outcome = `refused: ${message.length > 70 ? `${message.slice(0, 70)}…` : message}`;
  }
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  services.close();
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  return { ms: Math.round(ms), rssMB: mb(Math.max(rssPeak, maxRss) - rss0), heapMB: mb(heapPeak - heap0), outcome };
}

// ---------------------------------------------------------------- parent: the files, then one child each

function frameworkDraft(): IndicatorDraft[] {
  return Array.from({ length: 10 }, (_, d) => ({
    code: String(d + 1),
    name: `维度${d + 1}`,
    tag: 'party' as const,
    maxPoints: 10,
    children: Array.from({ length: LEAVES / 10 }, (_, l) => ({
      code: `${d + 1}.${l + 1}`,
      name: `指标${d + 1}.${l + 1}`,
      tag: 'party' as const,
      maxPoints: 10 / 12,
      method: { kind: 'rating' as const, step: STEP },
    })),
  }));
}

/** The largest real workbook: every branch × leaf self-assessed (and a copy where half the values are formulas a script never calculated). */
async function selfWorkbooks(dataDir: string, dir: string) {
  const services = createServices({ dataDir });
  const { db } = services.ctx;
  const insert = db.prepare("INSERT INTO branch (code, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
  db.transaction(() => {
    for (let b = 0; b < BRANCHES; b++) insert.run(`B${String(b + 1).padStart(4, '0')}`, `第${b + 1}党支部`);
  })();
  const now = new Date();
  const frameworkId = createFrameworkFromDraft(db, { name: '基准体系', description: '', indicators: frameworkDraft() }, now);
  const period = createPeriod(db, { name: '基准周期', year: 2026, kind: 'annual', frameworkId, branchIds: null, settings: {} }, now);
  const legit = path.join(dir, `自评-${BRANCHES}x${LEAVES}.xlsx`);
  const formulas = path.join(dir, '自评-半数公式无结果.xlsx');
  await writeSelfTemplate(db, period.id, legit);
  services.close();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(legit);
  const sheet = wb.getWorksheet('自评')!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    sheet.getCell(r, 7).value = (r % 5) * STEP;
    if (r % 3 === 0) sheet.getCell(r, 8).value = `第${r}行的说明：按期召开支委会，台账齐全`;
  }
  await wb.xlsx.writeFile(legit);
  for (let r = 2; r <= sheet.rowCount; r += 2) sheet.getCell(r, 7).value = { formula: `${(r % 5) * STEP}+0` } as unknown as ExcelJS.CellValue;
  await wb.xlsx.writeFile(formulas);
  return { legit, formulas };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-bench-imports-'));
  try {
    const dataDir = path.join(dir, 'data');
    const { legit, formulas } = await selfWorkbooks(dataDir, dir);
    const branches = path.join(dir, '党支部.xlsx');
    await writeBranchesWorkbook(branches, [['HG-01', '化工一厂第一党支部', '化工一厂', '张三', 30, null]]);
    const bomb = path.join(dir, 'zip-bomb.xlsx');
    await zipBomb(branches, bomb, { inflatedMB: 300 });
    const lyingBomb = path.join(dir, 'zip-bomb-lying.xlsx');
    await zipBomb(branches, lyingBomb, { inflatedMB: 300, declaredSize: 2000 });
    const rows100k = path.join(dir, '十万行.xlsx');
    await manyRows(branches, rows100k, 100_000, 8);
    const merged = path.join(dir, '合并单元格.xlsx');
    await editSheetXml(branches, merged, (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>'));

    // [file, what runs, the file, also measure the old full reader on it]
    const cases: [string, string, string, boolean][] = [
      ['largest real workbook (500 × 120 self-assessment, 60,000 rows): read and check', 'self-preview', legit, true],
      ['largest real workbook: whole import (read, check, 60,000 rows and audit records written)', 'self-import', legit, false],
      ['same, half the values formulas without results', 'self', formulas, true],
      ['zip bomb: 1.4 MB, sheet inflates to 300 MB', 'branches', bomb, true],
      ['zip bomb, its size declared as 2 KB', 'branches', lyingBomb, true],
      ['100,000 rows × 8 columns', 'branches', rows100k, true],
      ['merged cells', 'branches', merged, false],
    ];
    const baseline = process.env.BENCH_IMPORT_BASELINE === '1';
    const self = fileURLToPath(import.meta.url);
    const rows: string[][] = [['file', 'size', 'mode', 'time', 'RSS growth', 'heap growth', 'outcome']];
    let worst = 0;
    for (const [label, kind, file, compare] of cases) {
      for (const mode of baseline && compare ? ['exceljs full reader (before)', 'import (now)'] : ['import (now)']) {
        const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', self, 'measure', dataDir, kind, file, mode.startsWith('import') ? '' : 'baseline'], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        });
        const line = child.stdout.trim().split('\n').pop() ?? '';
        let m: Measured;
        try {
          m = JSON.parse(line) as Measured;
        } catch {
          m = { ms: 0, rssMB: 0, heapMB: 0, outcome: `child failed (${child.signal ?? child.status}): ${child.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
        }
        if (mode.startsWith('import') && kind !== 'self-import') worst = Math.max(worst, m.rssMB);
        rows.push([label, `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`, mode, `${m.ms} ms`, `${m.rssMB} MB`, `${m.heapMB} MB`, m.outcome]);
      }
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`\n融评 import benchmark — Node ${process.version}\n`);
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
    console.log(`\nlargest growth reading and checking any file: ${worst} MB (goal < ~200 MB) ${worst < 200 ? 'OK' : 'MISSED'}`);
    console.log('(the whole import of the largest workbook adds what writing 60,000 entries and their audit records costs)\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'measure') {
  const [, , , dataDir, kind, file, baseline] = process.argv;
  console.log(JSON.stringify(await measure(dataDir!, kind!, file!, baseline === 'baseline')));
} else {
  await main();
}
