/**
 * The review documents as Word files — 考核结果通报 and 支部考核反馈单 —
 * generated for a sample period through the contract, unzipped and read back:
 * page size and margins in twips, the fonts and sizes of title, body and
 * headings (East-Asian attributes on every run, no theme fonts), w:gridCol on
 * every table with header rows repeated and rows kept whole, the charts with
 * their extents, and the content against the engine: the bulletin's ranking
 * equals results.get, a feedback sheet's total, rank and grade equal the
 * branch's result and every reason recorded in the score table is printed.
 *
 * The files are also written to test/artifacts/ to be looked at:
 *   /work/shared/tools/render-docx test/artifacts/bulletin.docx test/artifacts/bulletin
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { PeriodResults } from '../../shared/domain/views';
import type { BranchResult } from '../../shared/engine';
import { setChartFont } from '../../electron/reports/charts';
import { GAP } from '../../electron/reports/style';
import { tempDir, tempServices } from '../helpers/tmp';
import { repoPath } from '../helpers/repo';

const ARTIFACTS = repoPath('test', 'artifacts');
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const A4 = { w: twips(210), h: twips(297) };
const PORTRAIT = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
const LANDSCAPE = { top: twips(28), bottom: twips(26), left: twips(35), right: twips(37) };
const TEXT_WIDTH = { portrait: A4.w - PORTRAIT.left - PORTRAIT.right, landscape: A4.h - LANDSCAPE.left - LANDSCAPE.right };
const EMU_PER_MM = 36000;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
const paragraphXml = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const rowsOf = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphXml(m[0]).map(textOf).join('\n'));
const attr = (s: string, name: string) => Number(s.match(new RegExp(`w:${name}="(\\d+)"`))![1]);

/** The parts of a .docx a test looks at; the body as paragraphs (with their XML) and tables, in order. */
async function openDocx(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = (name: string) => zip.file(name)!.async('string');
  const xml = await read('word/document.xml');
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read));
  const media = new Map(await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).map(async (n) => [n, await zip.file(n)!.async('nodebuffer')] as const)));
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const blocks: ({ kind: 'p'; text: string; xml: string } | { kind: 'table'; xml: string })[] = [];
  body.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).forEach((part, i) => {
    if (i % 2) blocks.push({ kind: 'table', xml: part });
    else for (const p of paragraphXml(part)) blocks.push({ kind: 'p', text: textOf(p), xml: p });
  });
  return {
    xml,
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    rels: await read('word/_rels/document.xml.rels'),
    contentTypes: await read('[Content_Types].xml'),
    footers,
    media,
    blocks,
    paragraphs: blocks.flatMap((b) => (b.kind === 'p' ? [b] : [])),
    tables: blocks.flatMap((b) => (b.kind === 'table' ? [b.xml] : [])),
    sections: [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]),
    text: textOf(xml),
  };
}
type Docx = Awaited<ReturnType<typeof openDocx>>;

/** The run look of the paragraph whose text is `text` (its first run). */
function lookOf(doc: Docx, test: (text: string) => boolean) {
  const p = doc.paragraphs.find((x) => test(x.text));
  if (!p) throw new Error('paragraph not found');
  const run = p.xml.match(/<w:r>[\s\S]*?<\/w:r>/)![0];
  return { font: run.match(/w:eastAsia="([^"]+)"/)![1], size: Number(run.match(/<w:sz w:val="(\d+)"\/>/)![1]) / 2, bold: run.includes('<w:b/>'), pPr: p.xml };
}

/** What every document must satisfy: the official layout, tables WPS shows as Word does, fonts named everywhere. */
function expectOfficialLayout(doc: Docx, fonts: { body: string; title: string; heading2?: string }, orientations: ('portrait' | 'landscape')[], o: { tables?: boolean } = {}) {
  expect(doc.sections.length).toBe(orientations.length);
  doc.sections.forEach((sect, i) => {
    const portrait = orientations[i] === 'portrait';
    const pgSz = sect.match(/<w:pgSz ([^>]*)\/>/)![1]!;
    const pgMar = sect.match(/<w:pgMar ([^>]*)\/>/)![1]!;
    expect({ w: attr(pgSz, 'w'), h: attr(pgSz, 'h') }).toEqual(portrait ? A4 : { w: A4.h, h: A4.w });
    expect({ top: attr(pgMar, 'top'), bottom: attr(pgMar, 'bottom'), left: attr(pgMar, 'left'), right: attr(pgMar, 'right') }).toEqual(portrait ? PORTRAIT : LANDSCAPE);
  });

  // Tables: an explicit grid filling the text width, fixed layout, header rows first and repeated, no row split.
  if (o.tables ?? true) expect(doc.tables.length).toBeGreaterThan(0);
  for (const table of doc.tables) {
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    expect(grid.length).toBeGreaterThan(1);
    expect([TEXT_WIDTH.portrait, TEXT_WIDTH.landscape]).toContain(grid.reduce((a, b) => a + b, 0));
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const rows = rowsOf(table);
    expect(rows[0]).toContain('<w:tblHeader/>');
    const firstBody = rows.findIndex((r) => !r.includes('<w:tblHeader/>'));
    expect(rows.slice(firstBody).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    // Every cell's width is the sum of the grid columns it spans.
    for (const row of rows) {
      let col = 0;
      for (const tc of row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
        const span = Number(tc[0].match(/<w:gridSpan w:val="(\d+)"\/>/)?.[1] ?? 1);
        expect(Number(tc[0].match(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/)![1])).toBe(grid.slice(col, col + span).reduce((a, b) => a + b, 0));
        col += span;
      }
      expect(col).toBe(grid.length);
    }
  }

  // Fonts: every run with text names its East-Asian font; no theme fonts anywhere.
  const runs = [...doc.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((r) => r[0]).filter((r) => r.includes('<w:t'));
  expect(runs.length).toBeGreaterThan(20);
  for (const run of runs) expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"/);
  for (const part of [doc.xml, doc.styles, ...doc.footers]) expect(part).not.toMatch(/Theme="/);
  expect(doc.styles).toMatch(new RegExp(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="${fonts.body}"`));
  for (const f of [fonts.body, fonts.title, fonts.heading2 ?? fonts.body, '黑体']) expect(doc.xml).toContain(`w:eastAsia="${f}"`);

  // Headings "一、": 黑体 3号.
  if (doc.paragraphs.some((p) => /^一、/.test(p.text))) expect(lookOf(doc, (t) => /^一、/.test(t))).toMatchObject({ font: '黑体', size: 16 });

  // Page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left; later sections inherit them.
  expect(doc.settings).toContain('<w:evenAndOddHeaders/>');
  expect(doc.footers.length).toBe(2);
  for (const footer of doc.footers) {
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(textOf(footer)).toBe('—  —');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
  }
  expect(doc.sections[0]).toContain('<w:footerReference w:type="default"');
  expect(doc.sections[0]).toContain('<w:footerReference w:type="even"');
}

/** The pictures: each drawing's extent, and its PNG in the package with the size in pixels the extent implies (2 × 96 dpi). */
function expectCharts(doc: Docx, sizesMm: { w: number; h: number }[]) {
  const drawings = [...doc.xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => m[0]);
  expect(drawings.map((d) => ({ cx: Number(d.match(/<wp:extent cx="(\d+)"/)![1]), cy: Number(d.match(/<wp:extent cx="\d+" cy="(\d+)"/)![1]) }))).toEqual(
    sizesMm.map((s) => ({ cx: Math.round(s.w * EMU_PER_MM), cy: Math.round(s.h * EMU_PER_MM) })),
  );
  expect(doc.contentTypes).toMatch(/<Default [^>]*Extension="png"/);
  drawings.forEach((d, i) => {
    const rel = d.match(/r:embed="([^"]+)"/)![1];
    const target = doc.rels.match(new RegExp(`<Relationship Id="${rel}" Type="[^"]+/image" Target="([^"]+)"/>`))![1]!;
    const png = doc.media.get(`word/${target}`)!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const px = (mm: number) => Math.round(mm * (96 / 25.4) * 2);
    expect({ w: png.readUInt32BE(16), h: png.readUInt32BE(20) }).toEqual({ w: px(sizesMm[i]!.w), h: px(sizesMm[i]!.h) });
  });
}

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function samplePeriod(options: { branches?: number } = {}) {
  const services = tempServices();
  const sample = await value(services.invoke('sample.create', { branches: options.branches ?? 8, raters: 7, seed: 7 }));
  const period = sample.period;
  const results: PeriodResults = await value(services.invoke('results.get', { periodId: period.id }));
  /** Every reason recorded in the score table for a branch, per leaf id (deduction, bonus, veto leaves). */
  const reasons = (branchId: number) => {
    const kinds = new Map(results.indicators.map((i) => [i.id, i.method?.kind]));
    const out = new Map<number, Set<string>>();
    for (const r of services.ctx.db
      .prepare<[number, number], { indicator_id: number; detail_json: string | null }>('SELECT indicator_id, detail_json FROM score WHERE period_id = ? AND branch_id = ?')
      .all(period.id, branchId)) {
      const detail = r.detail_json ? (JSON.parse(r.detail_json) as string[]) : [];
      if (!detail.length || !['deduction', 'veto', 'bonus'].includes(kinds.get(r.indicator_id) ?? '')) continue;
      const set = out.get(r.indicator_id) ?? new Set<string>();
      detail.forEach((d) => set.add(d));
      out.set(r.indicator_id, set);
    }
    return out;
  };
  return { ...services, period, results, reasons };
}
type Sample = Awaited<ReturnType<typeof samplePeriod>>;

/** Where a document to look at goes; the previous run's copy is removed (the services never replace a file unasked). */
function artifact(name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.docx`);
  rmSync(file, { force: true });
  return file;
}

const p2 = (x: number) => x.toFixed(2);

afterEach(() => setChartFont(null));

describe('考核结果通报 (results bulletin)', () => {
  it('is laid out as an official document, with the charts sized to the text width', async () => {
    const s = await samplePeriod();
    const file = artifact('bulletin');
    const written = await value(s.invoke('documents.bulletin', { periodId: s.period.id, path: file, fontScheme: 'gb2312', issuer: '中共示例公司委员会组织部', date: '2026-11-21' }));
    expect(written).toEqual({ path: file });
    const doc = await openDocx(file);

    // Portrait main text; the attachment on a landscape page of its own.
    expectOfficialLayout(doc, { body: '仿宋_GB2312', title: '方正小标宋简体', heading2: '楷体_GB2312' }, ['portrait', 'landscape']);
    const title = lookOf(doc, (t) => t.startsWith('关于'));
    expect(title).toMatchObject({ font: '方正小标宋简体', size: 22, bold: false });
    expect(title.pPr).toContain('<w:jc w:val="center"/>');
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text).join('')).toBe(`关于${s.period.name}结果的通报`);
    const body = lookOf(doc, (t) => t.startsWith('按照'));
    expect(body).toMatchObject({ font: '仿宋_GB2312', size: 16 });
    expect(body.pPr).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(body.pPr).toContain('<w:ind w:firstLine="640"/>');
    expect(lookOf(doc, (t) => /^（一）优秀/.test(t))).toMatchObject({ font: '楷体_GB2312', size: 16 });
    expect(doc.paragraphs.map((p) => p.text).filter((t) => /^[一二三四五六]、/.test(t))).toEqual([
      '一、总体情况',
      '二、等次名单',
      '三、党建业务融合情况',
      '四、一票否决情况',
      '五、各维度亮点与不足',
    ]);

    // The ranking chart (one bar per branch) and the fusion quadrant, each 156 mm: the text width.
    const barsMm = Math.round(28 + 8 * 6.5);
    expectCharts(doc, [
      { w: 156, h: barsMm },
      { w: 156, h: 105 },
    ]);
    expect(doc.text).toContain(`图1${GAP}各党支部总分排名`);
    expect(doc.text).toContain(`图2${GAP}党建业务融合象限`);

    // 附件说明 before the signature; issuer and date; then 附件1 in 黑体 on the landscape page.
    const texts = doc.paragraphs.map((p) => p.text);
    const note = texts.indexOf('附件：各党支部分维度得分情况');
    expect(note).toBeGreaterThan(0);
    expect(texts.slice(note + 1, note + 3)).toEqual(['中共示例公司委员会组织部', '2026年11月21日']);
    expect(lookOf(doc, (t) => t === '附件1')).toMatchObject({ font: '黑体', size: 16 });
    const label = doc.paragraphs.find((p) => p.text === '附件1')!;
    expect(doc.xml.indexOf(label.xml)).toBeGreaterThan(doc.xml.indexOf(doc.sections[0]!));
    // The date's paragraph sits four characters in from the right margin.
    expect(doc.paragraphs.find((p) => p.text === '2026年11月21日')!.xml).toMatch(/<w:ind [^>]*w:right="1280"/);
  });

  it('prints the engine’s ranking: names, totals, subtotals, grades and ranks equal results.get', async () => {
    const s = await samplePeriod({ branches: 12 });
    const file = artifact('bulletin-windows-fonts');
    await value(s.invoke('documents.bulletin', { periodId: s.period.id, path: file, fontScheme: 'windows' }));
    const doc = await openDocx(file);
    expectOfficialLayout(doc, { body: '仿宋', title: '宋体', heading2: '楷体' }, ['portrait', 'landscape']);
    // Without 小标宋, the title is 宋体 set bold.
    expect(lookOf(doc, (t) => t.startsWith('关于'))).toMatchObject({ font: '宋体', size: 22, bold: true });

    const ranking = doc.tables.find((t) => cellsOf(rowsOf(t)[0]!).join('|') === '名次|党支部|总分|党建|业务|融合|等次')!;
    const rows = rowsOf(ranking).slice(1).map(cellsOf);
    expect(rows).toEqual(
      s.results.result.branches.map((b: BranchResult) => [
        String(b.rank),
        b.name,
        p2(b.total),
        p2(b.tags.party.points),
        p2(b.tags.business.points),
        p2(b.tags.fusion.points),
        b.vetoed ? `${b.grade}\n（否决）` : b.grade,
      ]),
    );

    // The grade lists hold every branch once, under its grade.
    for (const [i, g] of s.results.period.settings.grades.entries()) {
      const holders = s.results.result.branches.filter((b) => b.grade === g.label);
      const at = doc.paragraphs.findIndex((p) => p.text === `（${['一', '二', '三', '四'][i]}）${g.label}（${holders.length}个）`);
      expect(at).toBeGreaterThan(0);
      expect(doc.paragraphs[at + 1]!.text).toBe(holders.length ? `${holders.map((b) => b.name).join('、')}。` : '无。');
    }

    // The summary names the highest and lowest and counts the grades; the quota is explained.
    const summary = doc.paragraphs.find((p) => p.text.startsWith('本次参评党支部'))!.text;
    const byTotal = [...s.results.result.branches].sort((a, b) => b.total - a.total);
    expect(summary).toContain(`本次参评党支部 12 个`);
    expect(summary).toContain(`最高 ${p2(byTotal[0]!.total)} 分（${byTotal[0]!.name}）`);
    expect(summary).toContain(`最低 ${p2(byTotal.at(-1)!.total)} 分（${byTotal.at(-1)!.name}）`);
    const quota = s.results.result.quotas[0]!;
    expect(summary).toContain(`优秀等次不超过参评党支部的 20%（${quota.allowed} 个）`);

    // 两张皮: every branch of the two off-diagonal quadrants is named.
    for (const q of ['党建强业务弱', '业务强党建弱'] as const) {
      const named = s.results.result.branches.filter((b) => b.quadrant === q);
      if (named.length) expect(doc.text).toContain(`${q}的有：${named.map((b) => b.name).join('、')}。`);
    }

    // The vetoed branch: named with the item and the reason raters recorded.
    const vetoed = s.results.result.branches.find((b) => b.vetoed)!;
    const item = s.results.indicators.find((i) => i.id === vetoed.vetoIndicatorIds[0])!;
    expect(doc.text).toContain(`${vetoed.name}因“${item.name}”被一票否决，总分 ${p2(vetoed.total)} 分，考核等次定为${vetoed.grade}。`);
    for (const reason of s.reasons(vetoed.branchId).get(item.id)!) expect(doc.text).toContain(reason);

    // The attachment: every branch's points per first-level dimension, in rank order.
    const attachment = doc.tables.at(-1)!;
    const dims = s.results.indicators.filter((i) => i.parentId === null && ['政治建设', '组织建设', '党员作用', '任务完成', '服务质量', '创新成效', '风险防控'].includes(i.name));
    const attRows = rowsOf(attachment).slice(1, 13).map(cellsOf);
    attRows.forEach((cells, i) => {
      const b = s.results.result.branches[i]!;
      expect(cells.slice(0, 2)).toEqual([String(b.rank), b.name]);
      expect(cells.slice(2, 2 + dims.length)).toEqual(dims.map((d) => p2(b.nodes[d.id]!.points!)));
      expect(cells[2 + dims.length + 1]).toBe(p2(b.total));
    });
  });

  it('without a Chinese font for the charts, is written without them and says why', async () => {
    const s = await samplePeriod({ branches: 3 });
    setChartFont(path.join(tempDir(), 'missing.ttf'));
    const file = path.join(tempDir(), 'b.docx');
    const written = await value(s.invoke('documents.bulletin', { periodId: s.period.id, path: file }));
    expect(written.warnings).toHaveLength(1);
    expect(written.warnings![0]).toContain('RONGPING_CHART_FONT');
    expect(written.warnings![0]).toContain('missing.ttf');
    const doc = await openDocx(file);
    expect(doc.xml).not.toContain('<w:drawing>');
    expect(doc.text).toContain('一、总体情况');
  });
});

describe('支部考核反馈单 (feedback sheet)', () => {
  async function feedback(s: Sample, branch: BranchResult, name: string) {
    const file = artifact(name);
    const written = await value(s.invoke('documents.feedback', { periodId: s.period.id, branchId: branch.branchId, path: file, fontScheme: 'gb2312', issuer: '党委组织部', date: '2026-11-21' }));
    expect(written).toEqual({ path: file });
    return openDocx(file);
  }

  it('gives the branch its total, rank and grade as the engine computed them, with every reason recorded for it', async () => {
    const s = await samplePeriod();
    const vetoed = s.results.result.branches.find((b) => b.vetoed)!;
    const doc = await feedback(s, vetoed, 'feedback-vetoed');
    expectOfficialLayout(doc, { body: '仿宋_GB2312', title: '方正小标宋简体', heading2: '楷体_GB2312' }, ['portrait']);
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text).join('')).toBe(`${s.period.name}党支部考核反馈单`);

    // 一、考核结果: the table and the sentence.
    const info = rowsOf(doc.tables[0]!).map(cellsOf);
    expect(info[0]).toEqual(['党支部', `${vetoed.code}${GAP}${vetoed.name}`]);
    expect(info).toContainEqual(['考核总分', `${p2(vetoed.total)} 分`, '综合排名', `第 ${vetoed.rank} 名（共 8 个）`]);
    expect(info).toContainEqual(['考核等次', vetoed.grade, '融合类型', vetoed.quadrant ?? '—']);
    expect(doc.text).toContain(`你支部在本次考核中得 ${p2(vetoed.total)} 分，在 8 个参评党支部中排第 ${vetoed.rank} 名，考核等次为“${vetoed.grade}”`);

    // 二、分项得分: every first-level dimension and the tag subtotals, as the engine has them.
    const dims = rowsOf(doc.tables[1]!).map(cellsOf);
    const dimensions = s.results.indicators.filter((i) => i.parentId === null && i.maxPoints > 0 && i.name !== '加分项');
    for (const d of dimensions) expect(dims).toContainEqual([expect.any(String), d.name, p2(vetoed.nodes[d.id]!.points!), String(d.maxPoints), expect.stringMatching(/%$/), expect.stringMatching(/%$/)]);
    expect(dims).toContainEqual(['', '党建小计', p2(vetoed.tags.party.points), String(vetoed.tags.party.max), expect.any(String), expect.any(String)]);
    expect(dims).toContainEqual(['', '总分', p2(vetoed.total), '', '', '']);
    // The radar: 120 × 84 mm.
    expectCharts(doc, [{ w: 120, h: 84 }]);

    // 三、四: every reason recorded on a deduction, bonus or veto leaf of this branch is printed.
    const recorded = s.reasons(vetoed.branchId);
    expect(recorded.size).toBeGreaterThan(0);
    for (const set of recorded.values()) for (const reason of set) expect(doc.text).toContain(reason);
    const vetoItem = s.results.indicators.find((i) => i.id === vetoed.vetoIndicatorIds[0])!;
    const vetoTable = doc.tables.find((t) => cellsOf(rowsOf(t)[0]!)[0] === '否决事项')!;
    expect(cellsOf(rowsOf(vetoTable)[1]!)[0]).toBe(`${vetoItem.code} ${vetoItem.name}`);

    // 问题清单: the veto first, then every deduction that cost points; 整改要求/责任人/完成时限 left blank.
    const problems = doc.tables.at(-1)!;
    const header = cellsOf(rowsOf(problems)[0]!);
    expect(header).toEqual(['序号', '问题', '指标', '整改要求', '责任人', '完成时限']);
    const rows = rowsOf(problems).slice(1).map(cellsOf);
    expect(rows[0]![2]).toBe(`${vetoItem.code} ${vetoItem.name}`);
    expect(rows[0]![1]).toMatch(/^触发一票否决/);
    for (const row of rows) expect(row.slice(3)).toEqual(['', '', '']);
    const deductionLeaves = s.results.indicators.filter((i) => i.method?.kind === 'deduction' && (vetoed.nodes[i.id]?.points ?? i.maxPoints) < i.maxPoints);
    for (const leaf of deductionLeaves) expect(rows.map((r) => r[2])).toContain(`${leaf.code} ${leaf.name}`);
    expect(rowsOf(problems).slice(1).every((r) => r.includes('w:hRule="atLeast"'))).toBe(true);

    // Signed off and received.
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts.slice(-3)).toEqual(['党委组织部', '2026年11月21日', `党支部书记签收：__________${GAP}${GAP}日期：____年__月__日`]);
  });

  it('compares the branch’s self-assessment with the panel when it has one', async () => {
    const s = await samplePeriod();
    const branch = s.results.result.branches[3]!;
    const view = await value(s.invoke('selfAssessment.get', { periodId: s.period.id, branchId: branch.branchId }));
    s.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(s.period.id);
    const ratings = view.items.filter((i) => i.method.kind === 'rating');
    await value(s.invoke('selfAssessment.save', { periodId: s.period.id, branchId: branch.branchId, entries: ratings.map((i) => ({ indicatorId: i.indicatorId, value: i.maxPoints, note: '' })) }));
    s.ctx.db.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(s.period.id);
    const compare = await value(s.invoke('selfAssessment.compare', { periodId: s.period.id, branchId: branch.branchId }));

    const doc = await feedback(s, branch, 'feedback-self-assessed');
    expect(doc.text).toContain('五、自评与考评对照');
    expect(doc.text).toContain(`你支部对 ${compare.totals.assessed} 项指标进行了自评，自评得分 ${p2(compare.totals.self)} 分，考评组在相同指标上评定 ${p2(compare.totals.panelSameLeaves)} 分`);
    const gaps = doc.tables.find((t) => cellsOf(rowsOf(t)[0]!).join('|') === '指标|自评|考评组评定|差距')!;
    const largest = compare.items.find((i) => i.gap !== null && i.gap !== 0)!;
    expect(cellsOf(rowsOf(gaps)[1]!)).toEqual([`${largest.code} ${largest.name}`, p2(largest.selfPoints!), p2(largest.panelPoints!), `${largest.gap! > 0 ? '+' : ''}${p2(largest.gap!)}`]);
    expect(doc.text).toContain('六、问题清单');

    // A branch without self-assessment has no such section, and its last heading is 五、问题清单.
    const other = await feedback(s, s.results.result.branches[0]!, 'feedback-top');
    expect(other.text).not.toContain('自评与考评对照');
    expect(other.text).toContain('五、问题清单');
  });
});

describe('the documents contract', () => {
  it('refuses documents with results while scoring, unknown branches and unwritable paths, in plain words', async () => {
    const s = await samplePeriod({ branches: 3 });
    const dir = tempDir();
    const branch = s.results.result.branches[0]!;
    s.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(s.period.id);
    const hidden = { ok: false, error: { code: 'forbidden', message: expect.stringContaining('正在评分') } };
    expect(await s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'b.docx') })).toMatchObject(hidden);
    expect(await s.invoke('documents.feedback', { periodId: s.period.id, branchId: branch.branchId, path: path.join(dir, 'f.docx') })).toMatchObject(hidden);
    expect(await s.invoke('documents.startBatch', { periodId: s.period.id, mode: 'perBranch', path: dir })).toMatchObject(hidden);
    s.ctx.db.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(s.period.id);

    expect(await s.invoke('documents.feedback', { periodId: s.period.id, branchId: 9999, path: path.join(dir, 'f.docx') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'missing', 'b.docx') })).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'b.docx'), date: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'b.docx'), date: '21/11/2026' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await s.invoke('documents.jobStatus', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The issuer and fonts given are remembered for the next document.
    expect(await value(s.invoke('documents.defaults', {}))).toEqual({ issuer: '党委组织部', fontScheme: 'windows' });
    await value(s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'b.docx'), issuer: '中共示例公司委员会', fontScheme: 'gb2312' }));
    expect(await value(s.invoke('documents.defaults', {}))).toEqual({ issuer: '中共示例公司委员会', fontScheme: 'gb2312' });

    // A rater at the shared PC cannot print them.
    const panel = await value(s.invoke('panel.get', { periodId: s.period.id }));
    await value(s.invoke('session.signInRater', { periodId: s.period.id, raterId: panel.raters[0]!.id }));
    expect(await s.invoke('documents.bulletin', { periodId: s.period.id, path: path.join(dir, 'b.docx') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the review meeting’s documents: 评审会材料, 会议纪要, 公示', () => {
  async function heldMeeting(s: Sample) {
    const meeting = await value(
      s.invoke('meetings.save', {
        periodId: s.period.id,
        kind: 'assessment',
        title: `${s.period.name}考核会`,
        date: '2026-11-20',
        startTime: '09:00',
        place: '办公楼三楼会议室',
        chair: '王建国',
        recorder: '李海燕',
        withPanel: true,
        withAllBranches: true,
        reportMinutes: 8,
      }),
    );
    await value(s.invoke('meetings.start', { id: meeting.id }));
    await value(s.invoke('meetings.reveal', { itemId: meeting.items[0]!.id }));
    await value(s.invoke('meetings.saveItem', { itemId: meeting.items[0]!.id, decision: '同意考评组评分意见', notes: '' }));
    await value(s.invoke('meetings.close', { id: meeting.id }));
    return value(s.invoke('meetings.get', { id: meeting.id }));
  }

  it('the meeting pack: arrangements, agenda, a sign-in list, one page per branch with its results', async () => {
    const s = await samplePeriod();
    const meeting = await heldMeeting(s);
    const file = artifact('meeting-pack');
    await value(s.invoke('documents.meetingPack', { meetingId: meeting.id, path: file, fontScheme: 'gb2312' }));
    const doc = await openDocx(file);
    expectOfficialLayout(doc, { body: '仿宋_GB2312', title: '方正小标宋简体', heading2: '楷体_GB2312' }, ['portrait']);
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text).join('')).toBe(`${meeting.title}材料`);
    expect(doc.text).toContain('（会议材料，注意保密，会后收回）');

    const agenda = doc.tables.find((t) => cellsOf(rowsOf(t)[0]!).join('|') === '序号|议程|述职人|时长（分钟）')!;
    expect(rowsOf(agenda).slice(1, -1).map((r) => cellsOf(r)[1])).toEqual(meeting.items.map((i) => `${i.branch!.code} ${i.branch!.name}述职评议`));
    expect(cellsOf(rowsOf(agenda).at(-1)!)).toEqual(['', '合计', '', String(8 * meeting.items.length)]);
    const signIn = doc.tables.find((t) => cellsOf(rowsOf(t)[0]!).join('|') === '序号|姓名|职务|所在组|签到|备注')!;
    expect(rowsOf(signIn).slice(1).map((r) => cellsOf(r)[1])).toEqual(meeting.attendees.map((a) => a.name));
    expect(rowsOf(signIn).slice(1).every((r) => cellsOf(r)[4] === '')).toBe(true);

    // One page per branch in agenda order; the results as the engine has them.
    const pages = doc.paragraphs.filter((p) => /^（\d+）SL-\d+/.test(p.text));
    expect(pages.map((p) => p.text)).toEqual(meeting.items.map((i, k) => `（${k + 1}）${i.branch!.code}${GAP}${i.branch!.name}`));
    expect(pages.slice(1).every((p) => p.xml.includes('<w:pageBreakBefore/>'))).toBe(true);
    for (const b of s.results.result.branches) {
      expect(doc.text).toContain(`考核总分 ${p2(b.total)} 分（基本分 ${p2(b.base)} 分，加分 ${p2(b.bonus)} 分），在 8 个参评党支部中排第 ${b.rank} 名，等次${b.grade}`);
    }
    expect(doc.tables.filter((t) => cellsOf(rowsOf(t)[0]!).join('|') === '评议意见')).toHaveLength(8);
  });

  it('while scoring, the pack shows how far each branch is scored, never a score', async () => {
    const s = await samplePeriod({ branches: 3 });
    const meeting = await value(
      s.invoke('meetings.save', { periodId: s.period.id, kind: 'assessment', title: '考核会', date: '2026-11-20', withPanel: true, withAllBranches: true }),
    );
    s.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(s.period.id);
    const file = path.join(tempDir(), 'pack.docx');
    await value(s.invoke('documents.meetingPack', { meetingId: meeting.id, path: file }));
    const doc = await openDocx(file);
    expect(doc.text).toMatch(/评分进度：\d+ \/ 7 位评委已完成评分/);
    expect(doc.text).not.toContain('考核总分');
    for (const b of s.results.result.branches) expect(doc.text).not.toContain(p2(b.total));
    expect(doc.text).not.toContain('注意保密');
  });

  it('the minutes: the text saved at the meeting, set as a document to sign', async () => {
    const s = await samplePeriod();
    const meeting = await heldMeeting(s);
    // Without saved minutes: the draft from the record.
    const draftFile = path.join(tempDir(), 'draft.docx');
    await value(s.invoke('documents.minutes', { meetingId: meeting.id, path: draftFile }));
    expect((await openDocx(draftFile)).text).toContain('议定：同意考评组评分意见');

    const draft = await value(s.invoke('meetings.draftMinutes', { id: meeting.id }));
    const edited = draft.text.replace('一、会议议程及议定事项', '一、会议议程及议定事项\n会议由王建国同志主持，全体评委出席。');
    await value(s.invoke('meetings.saveMinutes', { id: meeting.id, text: edited }));
    const file = artifact('minutes');
    await value(s.invoke('documents.minutes', { meetingId: meeting.id, path: file, fontScheme: 'gb2312' }));
    const doc = await openDocx(file);
    expectOfficialLayout(doc, { body: '仿宋_GB2312', title: '方正小标宋简体' }, ['portrait'], { tables: false });
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text).join('')).toBe(`${meeting.title}会议纪要`);
    expect(doc.text).toContain('会议由王建国同志主持，全体评委出席。');
    expect(lookOf(doc, (t) => t === '二、考核结果')).toMatchObject({ font: '黑体', size: 16 });
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts.at(-1)).toBe(`主持人签字：__________${GAP}${GAP}记录人签字：__________`);
    expect(texts.at(-2)).toBe('2026年11月20日');
    expect(doc.paragraphs.at(-2)!.xml).toContain('<w:jc w:val="right"/>');
  });

  it('the publication: refused until its period and contact are set, then every branch with its grade', async () => {
    const s = await samplePeriod();
    const file = artifact('publication');
    expect(await s.invoke('documents.publication', { periodId: s.period.id, path: file })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('公示期') } });
    await value(s.invoke('periods.publish', { periodId: s.period.id, start: '2026-11-21', end: '2026-11-27', objectionContact: '党委组织部（电话 1234567）' }));
    await value(s.invoke('documents.publication', { periodId: s.period.id, path: file, fontScheme: 'gb2312', issuer: '中共示例公司委员会' }));
    const doc = await openDocx(file);
    expectOfficialLayout(doc, { body: '仿宋_GB2312', title: '方正小标宋简体' }, ['portrait']);
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text).join('')).toBe(`关于${s.period.name}结果的公示`);
    expect(doc.text).toContain('公示期：2026年11月21日至2026年11月27日。公示期间，对考核结果如有异议，请向党委组织部（电话 1234567）反映。');
    const table = doc.tables[0]!;
    expect(rowsOf(table).slice(1).map(cellsOf)).toEqual(s.results.result.branches.map((b) => [String(b.rank), b.name, p2(b.total), b.grade]));
    // Dated the first day of publicity unless told otherwise.
    expect(doc.paragraphs.slice(-2).map((p) => p.text)).toEqual(['中共示例公司委员会', '2026年11月21日']);
  });
});
