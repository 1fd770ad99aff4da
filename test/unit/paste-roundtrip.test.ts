/**
 * Issue 9 §2 “pastes land where they belong”: every block a rater can copy
 * from the app's own score workbook — with and without the code / name / max
 * / hint columns, with and without the header row — pasted into the grid
 * through the grid's own pure plan and store, saved with 'scoring.save' on a
 * real SQLite file, lands each value on its indicator. The framework has two
 * quantitative leaves between 1.3 and 2.3 (the grid shows them, the workbook
 * and the paper sheet do not): the rows where pastes used to slip.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultPeriodSettings } from '../../shared/domain/period';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import { cellRefusal } from '../../renderer/src/pages/scoring/gridNavigation';
import { buildRows } from '../../renderer/src/pages/scoring/model';
import { pastePlan } from '../../renderer/src/pages/scoring/pastePlan';
import { SheetStore } from '../../renderer/src/pages/scoring/sheetStore';
import { periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
});
afterEach(() => vi.unstubAllGlobals());

/** What a rater fills in, per leaf code and branch column (HG-01, HG-02): different on every row, so a value on the wrong row shows. */
const FILLED: Record<string, [string | number, string | number]> = {
  '1.1': [0, 1], // 扣分: 0 is saved, 1 time waits for its reason (a draft)
  '1.2': ['较好', '一般'],
  '1.3': [7.5, 8],
  '2.3': [16.5, 12],
  '3': [0, 2], // 加分: 2 items wait for their descriptions
  '4': ['否', '否'],
};
/** What the database must then hold, by leaf code and branch code (drafts are not sent). */
const STORED: Record<string, number> = { '1.1|HG-01': 0, '1.2|HG-01': 1, '1.2|HG-02': 2, '1.3|HG-01': 7.5, '1.3|HG-02': 8, '2.3|HG-01': 16.5, '2.3|HG-02': 12, '3|HG-01': 0, '4|HG-01': 0, '4|HG-02': 0 };
const DRAFTS = ['1.1|HG-02', '3|HG-02'];

/** A cell as Excel puts it on the clipboard: its shown text, quoted when it holds a line break. */
function clip(value: ExcelJS.CellValue): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' && 'richText' in value ? value.richText.map((r) => r.text).join('') : String(value);
  return /[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text Excel copies from a range of the 评分 sheet (1-based, inclusive). */
function copyRange(sheet: ExcelJS.Worksheet, rows: [number, number], cols: [number, number]): string {
  const lines: string[] = [];
  for (let r = rows[0]; r <= rows[1]; r++) {
    const cells: string[] = [];
    for (let c = cols[0]; c <= cols[1]; c++) cells.push(clip(sheet.getRow(r).getCell(c).value));
    lines.push(cells.join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A period, the rater's workbook written by the app and filled as a rater would, and the grid's view of the sheet. */
async function filledWorkbook(who: 'r1' | 'r2' = 'r1') {
  const setup = await periodSetup();
  const s = { ...setup, rater: setup[who] };
  const file = path.join(s.dir, '评分表.xlsx');
  ok(await s.invoke('scores.writeTemplate', { periodId: s.periodId, raterId: s.rater, path: file }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('评分')!;
  const last = sheet.actualRowCount;
  for (let r = 2; r <= last; r++) {
    const code = String(sheet.getRow(r).getCell(1).value);
    const [a, b] = FILLED[code]!;
    sheet.getRow(r).getCell(5).value = a;
    // A recused branch's column keeps the 回避 the workbook wrote.
    if (sheet.getRow(r).getCell(6).value !== '回避') sheet.getRow(r).getCell(6).value = b;
  }
  return { ...s, sheet, last, file };
}

/** Pastes `text` with the focus on `focus` (leaf code, branch code) the way the grid does, saves what it plans, and reads the database back. */
async function paste(s: Awaited<ReturnType<typeof filledWorkbook>>, text: string, focus: { leaf: string; branch: string }) {
  const sheet = ok(await s.invoke('scoring.sheet', { periodId: s.periodId, raterId: s.rater }));
  const store = new SheetStore(sheet, defaultPeriodSettings(), async (entries, reason) => ok(await s.invoke('scoring.save', { periodId: s.periodId, raterId: s.rater, entries, ...(reason ? { reason } : {}) })));
  const rows = buildRows(sheet.indicators);
  const plan = pastePlan({
    text,
    indicators: sheet.indicators,
    rows,
    branches: sheet.branches,
    focusRow: rows.findIndex((r) => r.kind === 'leaf' && r.leaf.code === focus.leaf),
    focusBranchId: sheet.branches.find((b) => b.code === focus.branch)!.id,
    current: (b, i) => store.get(b, i),
    refusal: (row, branch) => cellRefusal(row, branch, null, () => null),
  });
  store.apply(plan.changes);
  await store.idle();
  const codeOf = new Map(sheet.indicators.map((i) => [i.id, i.code]));
  const branchOf = new Map(sheet.branches.map((b) => [b.id, b.code]));
  const stored = Object.fromEntries(
    s.db
      .prepare<[number, number], { indicator_id: number; branch_id: number; value: number }>('SELECT indicator_id, branch_id, value FROM score WHERE period_id = ? AND rater_id = ?')
      .all(s.periodId, s.rater)
      .map((e) => [`${codeOf.get(e.indicator_id)}|${branchOf.get(e.branch_id)}`, e.value]),
  );
  const drafts = store.drafts().map((d) => `${d.leaf.leaf.code}|${d.branch.code}`);
  return { plan, stored, drafts, failed: store.failedCount };
}

describe('pasting what the score workbook holds', () => {
  // [what is copied, its rows and columns, where the focus is]: codes and headers land wherever the focus is.
  const blocks: [string, (last: number) => { rows: [number, number]; cols: [number, number] }, { leaf: string; branch: string }, { rows: boolean; columns: boolean }][] = [
    ['the whole table: header, code, name, max, hint and values', (last) => ({ rows: [1, last], cols: [1, 6] }), { leaf: '4', branch: 'HG-02' }, { rows: true, columns: true }],
    ['code to values without the header', (last) => ({ rows: [2, last], cols: [1, 6] }), { leaf: '2.3', branch: 'HG-01' }, { rows: true, columns: false }],
    ['the values with their branch header', (last) => ({ rows: [1, last], cols: [5, 6] }), { leaf: '1.1', branch: 'HG-02' }, { rows: false, columns: true }],
    ['the values only, from the first row the rater enters', (last) => ({ rows: [2, last], cols: [5, 6] }), { leaf: '1.1', branch: 'HG-01' }, { rows: false, columns: false }],
    ['name, max and hint with the values and header (no code)', (last) => ({ rows: [1, last], cols: [2, 6] }), { leaf: '1.1', branch: 'HG-01' }, { rows: false, columns: true }],
  ];

  for (const [what, range, focus, byCode] of blocks) {
    it(`puts every value on its indicator: ${what}`, async () => {
      const s = await filledWorkbook();
      const { rows, cols } = range(s.last);
      const result = await paste(s, copyRange(s.sheet, rows, cols), focus);
      expect(result.plan.byCode).toEqual(byCode);
      expect(result.plan.problems).toEqual([]);
      // A block running down past the quantitative rows asks first, naming them.
      if (!byCode.rows) expect(result.plan.skipped).toEqual(['2.1 产量完成率', '2.2 单位能耗']);
      expect(result.plan.confirm).toBe(true);
      expect(result.failed).toBe(0);
      expect(result.stored).toEqual(STORED);
      expect(result.drafts).toEqual(DRAFTS);
    });
  }

  it('a single row copied without codes lands on the focused row; a clean block saves without asking', async () => {
    const s = await filledWorkbook();
    const row23 = [...Array(s.last).keys()].map((i) => i + 1).find((r) => s.sheet.getRow(r).getCell(1).value === '2.3')!;
    const result = await paste(s, copyRange(s.sheet, [row23, row23], [5, 6]), { leaf: '2.3', branch: 'HG-01' });
    expect(result.plan.confirm).toBe(false);
    expect(result.stored).toEqual({ '2.3|HG-01': 16.5, '2.3|HG-02': 12 });
  });

  it('a recused rater’s whole table: the 回避 column is no value, the rest lands by code', async () => {
    const s = await filledWorkbook('r2');
    const result = await paste(s, copyRange(s.sheet, [1, s.last], [1, 6]), { leaf: '1.1', branch: 'HG-01' });
    expect(result.plan.problems).toEqual([]);
    expect(result.stored).toEqual(Object.fromEntries(Object.entries(STORED).filter(([k]) => k.endsWith('HG-01'))));
    expect(result.drafts).toEqual([]);
  });

  it('the workbook, the paper score sheet and the grid list the leaves a rater enters in one order', async () => {
    const s = await filledWorkbook();
    const workbookCodes = [...Array(s.last - 1).keys()].map((i) => String(s.sheet.getRow(i + 2).getCell(1).value));
    const sheet = ok(await s.invoke('scoring.sheet', { periodId: s.periodId, raterId: s.rater }));
    const gridCodes = buildRows(sheet.indicators).flatMap((r) => (r.kind === 'leaf' && r.rated ? [r.leaf.code] : []));
    expect(gridCodes).toEqual(['1.1', '1.2', '1.3', '2.3', '3', '4']);
    expect(workbookCodes).toEqual(gridCodes);
    expect(raterLeavesInOrder(sheet.indicators).map((l) => l.code)).toEqual(gridCodes);
    // The blank paper sheet: the first cell of each table row that is a leaf's code, in document order.
    const doc = path.join(s.dir, '评分表.docx');
    ok(await s.invoke('documents.scoreSheet', { periodId: s.periodId, raterId: s.rater, filled: false, path: doc }));
    const xml = await (await JSZip.loadAsync(readFileSync(doc))).file('word/document.xml')!.async('string');
    const leafCodes = new Set(sheet.indicators.filter((i) => i.method).map((i) => i.code));
    const firstCells = xml.split('<w:tr').slice(1).map((tr) => [...(tr.split('</w:tc>')[0] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    // One table per branch the rater scores (HG-01, HG-02), each listing the leaves in the grid's order.
    expect(firstCells.filter((c) => leafCodes.has(c))).toEqual([...gridCodes, ...gridCodes]);
  });
});
