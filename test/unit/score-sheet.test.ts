/**
 * Score sheets as Word files: generated for a sample period through the
 * contract, unzipped, and checked in the XML for what Word and WPS need
 * (explicit grid, fixed layout, repeated header rows, rows kept whole,
 * East-Asian fonts on every run, no theme fonts) and for what the office
 * reads (title, every indicator, recusals, the values and reasons entered).
 *
 * The files are also written to test/artifacts/ to be looked at:
 *   /work/shared/tools/render-docx test/artifacts/score-sheet-rater-filled.docx test/artifacts/score-sheet-rater-filled
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import { chineseNumber, GAP } from '../../electron/reports/style';
import { tempDir, tempServices } from '../helpers/tmp';
import { repoPath } from '../helpers/repo';

const ARTIFACTS = repoPath('test', 'artifacts');
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const MARGINS = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
const A4 = { w: twips(210), h: twips(297) };

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
const rowsOf = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphsOf(m[0]).join('\n'));

/** The parts of a .docx a test looks at, and the body as paragraphs and tables in order. */
async function openDocx(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = (name: string) => zip.file(name)!.async('string');
  const xml = await read('word/document.xml');
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read));
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const blocks: ({ kind: 'p'; text: string } | { kind: 'table'; xml: string })[] = [];
  body.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).forEach((part, i) => {
    if (i % 2) blocks.push({ kind: 'table', xml: part });
    else for (const text of paragraphsOf(part)) blocks.push({ kind: 'p', text });
  });
  const tables = blocks.flatMap((b) => (b.kind === 'table' ? [b.xml] : []));
  return { xml, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers, blocks, tables, text: textOf(xml) };
}
type Docx = Awaited<ReturnType<typeof openDocx>>;

/** What every document must satisfy, whatever it holds. */
function expectOfficialLayout(doc: Docx, orientation: 'portrait' | 'landscape', fonts: { body: string; title: string }) {
  // Page size and margins in twips (a landscape page is the portrait one turned: binding edge on top).
  const pgSz = doc.xml.match(/<w:pgSz ([^>]*)\/>/)![1]!;
  const pgMar = doc.xml.match(/<w:pgMar ([^>]*)\/>/)![1]!;
  const attr = (s: string, name: string) => Number(s.match(new RegExp(`w:${name}="(\\d+)"`))![1]);
  const m = orientation === 'portrait' ? MARGINS : { top: MARGINS.left, bottom: MARGINS.right, left: MARGINS.bottom, right: MARGINS.top };
  expect({ w: attr(pgSz, 'w'), h: attr(pgSz, 'h') }).toEqual(orientation === 'portrait' ? A4 : { w: A4.h, h: A4.w });
  if (orientation === 'landscape') expect(pgSz).toContain('w:orient="landscape"');
  expect({ top: attr(pgMar, 'top'), bottom: attr(pgMar, 'bottom'), left: attr(pgMar, 'left'), right: attr(pgMar, 'right') }).toEqual(m);
  const textWidth = (orientation === 'portrait' ? A4.w : A4.h) - m.left - m.right;

  // Tables: explicit grid filling the text width, fixed layout, header rows repeated first, no row split.
  expect(doc.tables.length).toBeGreaterThan(0);
  for (const table of doc.tables) {
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    expect(grid.length).toBeGreaterThan(1);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const rows = rowsOf(table);
    expect(rows[0]).toContain('<w:tblHeader/>');
    const headerRows = rows.findIndex((r) => !r.includes('<w:tblHeader/>'));
    expect(rows.slice(headerRows).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
  }

  // Fonts: every run with text names its East-Asian font; nothing anywhere uses a theme font.
  const runs = [...doc.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((r) => r[0]).filter((r) => r.includes('<w:t'));
  expect(runs.length).toBeGreaterThan(10);
  for (const run of runs) expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
  expect(doc.xml).toContain(`w:eastAsia="${fonts.body}"`);
  expect(doc.xml).toContain(`w:eastAsia="${fonts.title}"`);
  expect(doc.styles).toMatch(new RegExp(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="${fonts.body}"`));
  for (const part of [doc.xml, doc.styles, ...doc.footers]) expect(part).not.toMatch(/Theme="/);

  // Page numbers "— 1 —" in 宋体, odd pages right and even pages left.
  expect(doc.settings).toContain('<w:evenAndOddHeaders/>');
  expect(doc.footers.length).toBe(2);
  for (const footer of doc.footers) {
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(textOf(footer)).toBe('—  —');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
  }
}

async function samplePeriod(options: { branches?: number } = {}) {
  const services = tempServices();
  const sample = await services.invoke('sample.create', { branches: options.branches ?? 6, raters: 7, seed: 7 });
  if (!sample.ok) throw new Error(sample.error.message);
  const period = sample.value.period;
  const panel = await services.invoke('panel.get', { periodId: period.id });
  const framework = await services.invoke('frameworks.get', { id: period.frameworkId });
  const got = await services.invoke('periods.get', { id: period.id });
  const branches = await services.invoke('branches.list', {});
  if (!panel.ok || !framework.ok || !got.ok || !branches.ok) throw new Error('sample not readable');
  const inScope = branches.value.filter((b) => got.value.branchIds.includes(b.id)).sort((a, b) => a.code.localeCompare(b.code));
  const leaves = framework.value.indicators.filter((i) => i.method !== null);
  const entries = (raterId: number, branchId: number) =>
    services.ctx.db
      .prepare<[number, number, number], { indicator_id: number; value: number; detail_json: string | null }>(
        'SELECT indicator_id, value, detail_json FROM score WHERE period_id = ? AND rater_id = ? AND branch_id = ?',
      )
      .all(period.id, raterId, branchId)
      .map((e) => ({ leaf: leaves.find((l) => l.id === e.indicator_id)!, value: e.value, detail: e.detail_json ? (JSON.parse(e.detail_json) as string[]) : [] }));
  return { ...services, period, panel: panel.value, leaves, branches: inScope, entries };
}

async function write(services: Awaited<ReturnType<typeof samplePeriod>>, name: string, input: { raterId?: number; branchId?: number; filled: boolean; fontScheme?: 'gb2312' | 'windows' }) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.docx`);
  // The previous run's copy: the services never replace a file unasked.
  rmSync(file, { force: true });
  const result = await services.invoke('documents.scoreSheet', { periodId: services.period.id, path: file, ...input });
  expect(result).toEqual({ ok: true, value: { path: file } });
  return openDocx(file);
}

/** The tables of a rater's sheet by branch: each follows its "一、SL-001 …" heading (code and name apart by a full-width space). */
function sectionsByBranch(doc: Docx) {
  const sections = new Map<string, string>();
  let heading: string | null = null;
  for (const block of doc.blocks) {
    if (block.kind === 'p' && /^[一二三四五六七八九十百]+、/.test(block.text)) heading = block.text;
    else if (block.kind === 'table' && heading) {
      sections.set(heading, block.xml);
      heading = null;
    }
  }
  return sections;
}
const rowFor = (table: string, code: string) => rowsOf(table).map(cellsOf).find((cells) => cells[0] === code);

describe('score sheets as Word documents', () => {
  it('a rater’s blank sheet: official layout, every indicator, recused branch listed once and skipped', async () => {
    const s = await samplePeriod();
    const rater = s.panel.raters.find((r) => r.recusals.length > 0)!;
    const recused = s.branches.find((b) => b.id === rater.recusals[0]!.branchId)!;
    const doc = await write(s, 'score-sheet-rater-blank', { raterId: rater.id, filled: false });

    expectOfficialLayout(doc, 'portrait', { body: '仿宋', title: '宋体' });
    const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
    expect(paragraphs.slice(0, 2).join('')).toBe(`${s.period.name}评分表`);
    expect(paragraphs[2]).toContain(`评委：${rater.name}`);
    // Every leaf of the framework is named: scored leaves in the tables, quantitative ones in the note.
    for (const leaf of s.leaves) expect(doc.text).toContain(leaf.name);
    expect(paragraphs.some((p) => p.startsWith('6. 以下定量指标由业务数据计算，不在本表评分：'))).toBe(true);
    const quantitative = s.leaves.filter((l) => l.method?.kind === 'quantitative');
    const tables = sectionsByBranch(doc);
    for (const table of tables.values()) for (const q of quantitative) expect(rowFor(table, q.code)).toBeUndefined();

    // Recused: named once at the start with the reason, and no section of its own.
    expect(paragraphs).toContain(`回避：${recused.code} ${recused.name}（本支部成员）`);
    expect(doc.text.split(recused.name).length - 1).toBe(1);
    const headings = [...tables.keys()];
    expect(headings).toEqual(s.branches.filter((b) => b.id !== recused.id).map((b, i) => `${chineseNumber(i + 1)}、${b.code}${GAP}${b.name}`));
    expect(doc.tables.length).toBe(s.branches.length - 1);

    // Blank: tick boxes for levels and vetoes, a line for counts; signature and date after every branch.
    const first = [...tables.values()][0]!;
    expect(rowsOf(first)[0]!.includes('<w:tblHeader/>') && cellsOf(rowsOf(first)[0]!)).toEqual(['序号', '指标', '评分细则', '分值', '评分', '扣分/加分\n说明']);
    const level = s.leaves.find((l) => l.method?.kind === 'level')!;
    expect(rowFor(first, level.code)![4]).toBe('□好\n□较好\n□一般\n□差');
    const deduction = s.leaves.find((l) => l.method?.kind === 'deduction')!;
    expect(rowFor(first, deduction.code)!.slice(4)).toEqual(['扣____次', '']);
    expect(rowFor(first, '1')).toEqual(['1', '政治建设', '13', '']);
    expect(paragraphs.filter((p) => p === `评委签字：__________${GAP}${GAP}日期：____年__月__日`)).toHaveLength(s.branches.length - 1);
    expect(paragraphs.filter((p) => p.startsWith('基本分满分 100 分'))).toHaveLength(s.branches.length - 1);
  });

  it('a rater’s filled sheet shows their level labels, deduction counts and reasons, in the gb2312 fonts', async () => {
    const s = await samplePeriod();
    const rater = s.panel.raters.find((r) => r.recusals.length === 0)!;
    const doc = await write(s, 'score-sheet-rater-filled', { raterId: rater.id, filled: true, fontScheme: 'gb2312' });
    expectOfficialLayout(doc, 'portrait', { body: '仿宋_GB2312', title: '方正小标宋简体' });
    expect(doc.xml).toContain('w:eastAsia="黑体"');

    const tables = sectionsByBranch(doc);
    expect(tables.size).toBe(s.branches.length);
    let checkedReason = false;
    s.branches.forEach((branch, i) => {
      const table = tables.get(`${chineseNumber(i + 1)}、${branch.code}${GAP}${branch.name}`)!;
      for (const e of s.entries(rater.id, branch.id)) {
        const row = rowFor(table, e.leaf.code)!;
        const m = e.leaf.method!;
        if (m.kind === 'level') expect(row[4]).toBe(m.levels[e.value]!.label);
        if (m.kind === 'deduction') {
          expect(row[4]).toBe(`扣${e.value}次`);
          for (const reason of e.detail) expect(row[5]).toContain(reason);
          checkedReason ||= e.detail.length > 0;
        }
        if (m.kind === 'veto') expect(row[4]).toBe(e.value ? '是' : '否');
      }
    });
    expect(checkedReason).toBe(true);
    // The vetoed sample branch shows the veto and its reason.
    expect(doc.text).toContain('经调查认定负有责任');
  });

  it('a branch’s sheet: landscape, one column per rater under their groups, recused rater marked, reasons listed', async () => {
    const s = await samplePeriod();
    const recusedRater = s.panel.raters.find((r) => r.recusals.length > 0)!;
    const branch = s.branches.find((b) => b.id === recusedRater.recusals[0]!.branchId)!;
    const doc = await write(s, 'score-sheet-branch-filled', { branchId: branch.id, filled: true });
    expectOfficialLayout(doc, 'landscape', { body: '仿宋', title: '宋体' });
    expect(doc.text).toContain(`${s.period.name}评分汇总表`);
    expect(doc.text).toContain(`被考核党支部：${branch.code}${GAP}${branch.name}`);
    for (const leaf of s.leaves) expect(doc.text).toContain(leaf.name);

    const [scores, reasons] = doc.tables as [string, string];
    const header = rowsOf(scores).slice(0, 2).map(cellsOf);
    expect(rowsOf(scores).slice(0, 2).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    expect(header[0]!.slice(0, 7)).toEqual(['序号', '指标', '评分方法', '分值', '考评组', '上级党委', '职工代表']);
    // The leading headers span both rows: the second row starts with their merged-away cells.
    expect(header[1]!.slice(4)).toEqual(s.panel.raters.map((r) => (r.id === recusedRater.id ? `${r.name}\n（回避）` : r.name)));

    const rater = s.panel.raters.find((r) => r.recusals.length === 0)!;
    const column = 4 + s.panel.raters.indexOf(rater);
    const level = s.entries(rater.id, branch.id).find((e) => e.leaf.method?.kind === 'level')!;
    const row = rowFor(scores, level.leaf.code)!;
    expect(row[column]).toBe((level.leaf.method as Extract<Indicator['method'], { kind: 'level' }>).levels[level.value]!.label);
    expect(row[4 + s.panel.raters.indexOf(recusedRater)]).toBe('—');
    const quantitative = s.leaves.find((l) => l.method?.kind === 'quantitative')!;
    expect(rowFor(scores, quantitative.code)![4]).toMatch(/^目标 [\d.]+，实际 [\d.]+，得 [\d.]+ 分$/);

    const withReason = s.panel.raters
      .filter((r) => r.id !== recusedRater.id)
      .flatMap((r) => s.entries(r.id, branch.id).filter((e) => e.detail.length).map((e) => ({ r, e })))[0]!;
    const reasonRows = rowsOf(reasons).map(cellsOf);
    expect(reasonRows).toContainEqual([withReason.e.leaf.code, withReason.e.leaf.name, withReason.r.name, expect.stringContaining(withReason.e.detail[0]!)]);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'p', text: `记录人：__________${GAP}${GAP}考评组组长：__________${GAP}${GAP}日期：____年__月__日` });

    const blank = await write(s, 'score-sheet-branch-blank', { branchId: branch.id, filled: false });
    expectOfficialLayout(blank, 'landscape', { body: '仿宋', title: '宋体' });
    expect(rowFor(blank.tables[0]!, level.leaf.code)![column]).toBe('');
    expect(rowFor(blank.tables[0]!, quantitative.code)![4]).toBe('由业务数据计算');
  });

  it('the contract: one of rater or branch, admin only, filled branch sheets not while scoring', async () => {
    const s = await samplePeriod({ branches: 3 });
    const dir = tempDir();
    let n = 0;
    const rater = s.panel.raters[0]!;
    const branch = s.branches[0]!;
    // A new file each call: the services never replace an existing file unasked.
    const call = (input: Record<string, unknown>) =>
      s.invoke('documents.scoreSheet', { periodId: s.period.id, filled: false, path: path.join(dir, `x${++n}.docx`), ...input } as never);

    expect(await call({ raterId: rater.id, branchId: branch.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({ raterId: null, branchId: null })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({ raterId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call({ branchId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call({ raterId: rater.id, path: path.join(tempDir(), 'missing', 'x.docx') })).toMatchObject({ ok: false, error: { code: 'io' } });

    // While scoring, the panel's values are hidden: a filled branch sheet waits; blank sheets and a rater's own are fine for the admin.
    s.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(s.period.id);
    expect(await call({ branchId: branch.id, filled: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ branchId: branch.id })).toMatchObject({ ok: true });
    expect(await call({ raterId: rater.id, filled: true })).toMatchObject({ ok: true });

    // A rater at the shared PC cannot print sheets, not even their own.
    expect(await s.invoke('session.signInRater', { periodId: s.period.id, raterId: rater.id })).toMatchObject({ ok: true });
    expect(await call({ raterId: rater.id, filled: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('numbers headings in Chinese', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 1000, 1010].map(chineseNumber)).toEqual([
      '一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一千', '一千零一十',
    ]);
  });
});
