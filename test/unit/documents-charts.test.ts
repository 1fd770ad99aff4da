/**
 * The pieces under the documents: charts (font, sizes, palette, PNG), the
 * font-collection face extraction, and the zip splice that puts tables and
 * pictures into the package docx packs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ensureChartFont, fontFace, gradeColor, GRADE_COLORS, quadrantChart, radarChart, rankingChart, RANKING_BARS_MAX } from '../../electron/reports/charts';
import { readZip, writeZip } from '../../electron/reports/docx-splice';
import { officialStyle, toBuffer } from '../../electron/reports/style';

const pngSize = (png: Buffer) => ({ w: png.readUInt32BE(16), h: png.readUInt32BE(20) });
const px = (mm: number) => Math.round(mm * (96 / 25.4) * 2);
const GRADES = ['优秀', '良好', '一般', '较差'];
const bars = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `第${i + 1}党支部`, rank: i + 1, total: 98 - i * 0.7, grade: GRADES[Math.min(3, Math.floor(i / 5))]!, vetoed: false }));

describe('charts', () => {
  it('register a CJK font and draw at twice 96 dpi for their size on paper', async () => {
    expect(existsSync(ensureChartFont().file)).toBe(true);
    const ranking = await rankingChart(bars(12), GRADES);
    expect(ranking.widthMm).toBe(156);
    expect(pngSize(ranking.png)).toEqual({ w: px(156), h: px(ranking.heightMm) });
    // Many branches: a distribution of totals, not a bar each.
    const many = await rankingChart(bars(RANKING_BARS_MAX + 1), GRADES);
    expect(many.heightMm).toBe(100);
    const quadrant = await quadrantChart(
      bars(20).map((b, i) => ({ ...b, party: 0.7 + (i % 7) / 25, business: 0.72 + (i % 5) / 20 })),
      { party: 0.85, business: 0.84 },
      GRADES,
    );
    expect(pngSize(quadrant.png)).toEqual({ w: px(156), h: px(105) });
    const radar = await radarChart(['政治建设', '组织建设', '党员作用'].map((name, i) => ({ name, branch: 0.8 + i / 20, average: 0.85 })));
    expect(pngSize(radar.png)).toEqual({ w: px(120), h: px(84) });
  });

  it('draw on white, not on a transparent background', async () => {
    const { png } = await radarChart(['甲', '乙', '丙'].map((name) => ({ name, branch: 0.9, average: 0.8 })));
    // IDAT data → first pixel of the first row (after the filter byte) is opaque white.
    let at = 8;
    const chunks: Buffer[] = [];
    while (at < png.length) {
      const len = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    const raw = inflateRawSync(Buffer.concat(chunks).subarray(2));
    expect([...raw.subarray(1, 5)]).toEqual([255, 255, 255, 255]);
  });

  it('colour grades as the results screen does; other labels by their place', () => {
    expect(GRADES.map((g) => gradeColor(g, GRADES))).toEqual([GRADE_COLORS.优秀, GRADE_COLORS.良好, GRADE_COLORS.一般, GRADE_COLORS.较差]);
    const three = ['好', '合格', '不合格'];
    expect(three.map((g) => gradeColor(g, three))).toEqual([GRADE_COLORS.优秀, GRADE_COLORS.一般, GRADE_COLORS.较差]);
  });

  it('take one face out of a font collection', () => {
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    if (!existsSync(noto)) return;
    const data = readFileSync(noto);
    const face = fontFace(data, 2);
    expect(face.readUInt32BE(0)).toBe(0x4f54544f); // 'OTTO': a CFF OpenType font on its own
    expect(face.length).toBeLessThan(data.length);
    // Its name table names the Simplified Chinese face (UTF-16BE in the name table).
    expect(face.includes(Buffer.from('Noto Sans CJK SC', 'utf16le').swap16())).toBe(true);
    expect(() => fontFace(data, 99)).toThrow();
  });
});

describe('the zip splice', () => {
  it('reads and writes a zip byte for byte, entries still compressed', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'hello 你好'.repeat(50), { compression: 'DEFLATE' });
    zip.file('b.bin', Buffer.from([1, 2, 3]), { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name.toString())).toEqual(['a.txt', 'b.bin']);
    expect(inflateRawSync(entries[0]!.data).toString()).toBe('hello 你好'.repeat(50));
    const again = await JSZip.loadAsync(writeZip(entries));
    expect(await again.file('a.txt')!.async('string')).toBe('hello 你好'.repeat(50));
    expect([...(await again.file('b.bin')!.async('uint8array'))]).toEqual([1, 2, 3]);
  });

  it('puts tables in place of their placeholders and leaves a document without any as docx packed it', async () => {
    const s = officialStyle();
    const plain = await Packer.toBuffer(s.document([s.section([s.paragraph('只有正文')])], { title: 't' }));
    const same = await toBuffer(s.document([s.section([s.paragraph('只有正文')])], { title: 't' }));
    expect(readZip(same).map((e) => [e.name.toString(), e.size])).toEqual(readZip(plain).map((e) => [e.name.toString(), e.size]));
    const withTable = await toBuffer(s.document([s.section([s.table([{ header: '甲', width: 1 }, { header: '乙&<', width: 1 }], [['1', '2']])])], { title: 't' }));
    const xml = await (await JSZip.loadAsync(withTable)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('rp:raw');
    expect(xml).toContain('<w:tbl><w:tblPr><w:tblW w:type="dxa"');
    expect(xml).toContain('乙&amp;&lt;');
  });
});
