/**
 * The one look of every Word document the app writes: the start of the
 * official-document format (GB/T 9704-2012, 党政机关公文格式) as far as a
 * report needs it.
 *
 *  - A4, portrait or landscape; margins top 37 mm, bottom 35 mm, left 28 mm,
 *    right 26 mm (the standard's 156 × 225 mm text block);
 *  - fonts named on every run, East-Asian attribute included, never a theme
 *    font (WPS substitutes theme fonts badly): body 仿宋 3号 on fixed 28.95 pt
 *    lines (22 lines a page), title 小标宋 2号 centred, first-level headings
 *    黑体 "一、", second-level 楷体 "（一）";
 *  - page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left,
 *    one character in from the edge of the text block;
 *  - tables with explicit column widths (w:gridCol) and fixed layout, header
 *    rows repeated on every page and rows never split across pages — what
 *    WPS needs to show a table as Word does and an office needs to file it.
 *
 * Sizes follow the Chinese type sizes (字号): 二号 22 pt, 三号 16 pt, 四号 14 pt,
 * 小四 12 pt, 五号 10.5 pt. Lengths are twips (1/20 pt) unless a name says mm.
 *
 * Tables and pictures are written here as WordprocessingML text rather than
 * as docx objects: docx builds and serialises some twenty objects per table
 * cell, which made a 60-row table cost ~60 ms, and hashes and deflates every
 * picture again; 500 feedback sheets took minutes. The XML is what docx (and
 * Word) write, element for element; `toBuffer` splices it into the package
 * docx packs (./docx-splice.ts).
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { FontScheme } from '../../shared/domain/documents';
import { RawBlock, rawPicture, spliceRawBlocks, xmlAttr, xmlText } from './docx-splice';
import { stripXmlInvalid } from '../../shared/domain/text';

export type { FontScheme };
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'justify';

/** The full-width space (全角空格) that separates items on one line. */
export const GAP = '\u3000';

/** Twips from millimetres. */
export const mm = (x: number): number => Math.round((x * 1440) / 25.4);

/** The Chinese type sizes, in points. */
export const SIZE = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;

export const A4 = { width: mm(210), height: mm(297) };
/** Portrait margins; `w:footer` puts the page number's top ≈ 7 mm below the text block. */
export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22) };
/**
 * Landscape pages (wide tables) keep the sheet's margins where they are on
 * paper, as GB/T 9704 turns a table page: the page is the portrait one turned
 * a quarter clockwise, so the binding edge (28 mm) is at the top and the text
 * block is the same 156 × 225 mm, lying on its side.
 */
export const LANDSCAPE_MARGINS = { top: mm(28), bottom: mm(26), left: mm(35), right: mm(37), footer: mm(13) };
/** Body lines: exactly 28.95 pt, so 22 lines fill the 225 mm text block. */
export const BODY_LINE = 579;

export const marginsFor = (orientation: Orientation = 'portrait') => (orientation === 'portrait' ? MARGINS : LANDSCAPE_MARGINS);

/** Width of the text block in twips: 156 mm portrait, 225 mm landscape. */
export function textWidth(orientation: Orientation = 'portrait'): number {
  const m = marginsFor(orientation);
  return (orientation === 'portrait' ? A4.width : A4.height) - m.left - m.right;
}

/** How wide a text is in em: CJK and full-width characters 1, ASCII ½. */
export const textEms = (text: string): number => [...text].reduce((s, c) => s + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/** What a piece of text is, which decides its font. */
export type FontRole = 'body' | 'title' | 'heading1' | 'heading2' | 'pageNumber';

export const FONT_SCHEMES: Record<FontScheme, Record<FontRole, string>> = {
  gb2312: { body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
  windows: { body: '仿宋', title: '宋体', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' },
};

/** 1 → 一, 12 → 十二, 105 → 一百零五 (for "一、" headings; up to 9999). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const parts = String(n).split('').map(Number).reverse();
  let out = '';
  let zero = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const d = parts[i]!;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += digits[d]! + units[i]!;
  }
  return out;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const halfPoints = (pt: number) => Math.round(pt * 2);

export interface RunOptions {
  role?: FontRole;
  /** Points; default 三号. */
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

export interface ParagraphOptions extends RunOptions {
  align?: Align;
  /** First-line indent of two characters (the body's default; headings too). */
  indent?: boolean;
  /** Exact line height in twips; default BODY_LINE for 三号, else ≈ 1.6 × the size. */
  line?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Explicit indents in twips (replaces the two-character first-line indent). */
  indentTwips?: { left?: number; right?: number; hanging?: number; firstLine?: number };
}

/** A piece of a paragraph with its own look (e.g. a bold label before plain text). */
export interface RunSpec extends RunOptions {
  text: string;
}

/** A table cell: its text ('\n' starts a new paragraph) and how it looks. */
export interface CellSpec extends RunOptions {
  text?: string;
  /** Several runs on one line, for mixed looks; '\n' inside a run's text is not split. */
  runs?: RunSpec[];
  /** Columns this cell spans. */
  span?: number;
  /** Rows this cell spans; the rows below leave that column out. */
  rowSpan?: number;
  align?: Align;
  valign?: 'top' | 'center';
  shade?: boolean;
}
export type CellInput = string | CellSpec;

export interface RowSpec {
  cells: CellInput[];
  /** Applies to every cell of the row that does not say otherwise. */
  role?: FontRole;
  bold?: boolean;
  size?: number;
  shade?: boolean;
  /** Room to write by hand: the row is at least this tall. */
  minHeightMm?: number;
}

export interface ColumnSpec {
  /** The header cell; ignored when the table gives `headerRows`. */
  header?: CellInput;
  /** A share of the text width (e.g. millimetres on the page): the widths are scaled to fill it exactly. */
  width: number;
  align?: Align;
  /** Points for this column's body cells (e.g. 五号 for long criteria). */
  size?: number;
  valign?: 'top' | 'center';
  /** Narrow cell margins (0.5 mm a side) for many narrow columns. */
  tight?: boolean;
}

export interface TableOptions {
  orientation?: Orientation;
  /** Points for body cells; default 小四. */
  size?: number;
  /** Header rows when one row of column headers is not enough (spans, two levels). */
  headerRows?: CellInput[][];
}

export interface StyleOptions {
  fontScheme?: FontScheme;
}

/** Exact line height for a size: 三号 keeps the body grid, 四号 ≈ 1.55×, table sizes 1.25× (dense but clear). */
export function lineFor(sizePt: number): number {
  if (sizePt >= SIZE.三号) return Math.round((BODY_LINE * sizePt) / SIZE.三号);
  if (sizePt >= SIZE.四号) return Math.round(sizePt * 1.55 * 20);
  return Math.round(sizePt * 1.25 * 20);
}

/** Table look: header and group rows shaded light grey; thin inner rules inside a heavier frame. */
const SHADE_XML = '<w:shd w:fill="EDEDED" w:color="auto" w:val="clear"/>';
const TABLE_BORDERS_XML =
  '<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="8"/><w:left w:val="single" w:color="000000" w:sz="8"/>' +
  '<w:bottom w:val="single" w:color="000000" w:sz="8"/><w:right w:val="single" w:color="000000" w:sz="8"/>' +
  '<w:insideH w:val="single" w:color="000000" w:sz="4"/><w:insideV w:val="single" w:color="000000" w:sz="4"/></w:tblBorders>';
const TABLE_CELL_MARGINS_XML =
  '<w:tblCellMar><w:top w:type="dxa" w:w="45"/><w:left w:type="dxa" w:w="85"/><w:bottom w:type="dxa" w:w="45"/><w:right w:type="dxa" w:w="85"/></w:tblCellMar>';
const TIGHT_MARGINS_XML = '<w:tcMar><w:top w:type="dxa" w:w="45"/><w:left w:type="dxa" w:w="28"/><w:bottom w:type="dxa" w:w="45"/><w:right w:type="dxa" w:w="28"/></w:tcMar>';
const JC_XML = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

/** "2026年11月21日": the 成文日期 as GB/T 9704-2012 writes it (Arabic numerals, no leading zeros). */
export const documentDate = (d: Date): string => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

/** EMU per millimetre (what w:drawing's extents count in). */
export const EMU_PER_MM = 36000;

/**
 * The building blocks of a document, bound to one font scheme. Every
 * document builds from these, so the look changes in one place.
 */
export function officialStyle(options: StyleOptions = {}) {
  const fonts = FONT_SCHEMES[options.fontScheme ?? 'windows'];
  const fontOf = (role: FontRole) => {
    const name = fonts[role];
    return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
  };
  // 宋体 standing in for 小标宋 is set bold, as offices do without the font.
  const titleBold = fonts.title === '宋体';

  const run = (text: string, o: RunOptions = {}): TextRun =>
    new TextRun({
      // The one place docx text runs are made: text that reached the database past the contract's check is stripped here.
      text: stripXmlInvalid(text),
      font: fontOf(o.role ?? 'body'),
      size: halfPoints(o.size ?? SIZE.三号),
      ...(o.bold ? { bold: true } : {}),
      ...(o.underline ? { underline: {} } : {}),
    });

  const runsOf = (content: string | RunSpec[], o: RunOptions): TextRun[] =>
    typeof content === 'string' ? [run(content, o)] : content.map((r) => run(r.text, { ...o, ...r }));

  /** A paragraph; body text by default (三号 仿宋, two-character indent, fixed lines). */
  const paragraph = (content: string | RunSpec[], o: ParagraphOptions = {}): Paragraph => {
    const size = o.size ?? SIZE.三号;
    return new Paragraph({
      children: runsOf(content, o),
      alignment: ALIGN[o.align ?? 'justify'],
      spacing: { line: o.line ?? lineFor(size), lineRule: LineRuleType.EXACT, before: o.spacingBefore ?? 0, after: o.spacingAfter ?? 0 },
      ...(o.indentTwips ? { indent: o.indentTwips } : (o.indent ?? true) ? { indent: { firstLine: Math.round(size * 2 * 20) } } : {}),
      ...(o.keepNext ? { keepNext: true } : {}),
      ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    });
  };

  /**
   * The document title: 2号 小标宋, centred, one empty line below. Given as
   * pieces (e.g. [period name, '评分表']), it breaks between pieces rather
   * than leave a character or two alone on the last line.
   */
  const title = (text: string | string[], o: { orientation?: Orientation } = {}): Paragraph[] => {
    const perLine = Math.floor(textWidth(o.orientation) / (SIZE.二号 * 20)) - 1;
    const lines: string[] = [];
    for (const piece of typeof text === 'string' ? [text] : text) {
      const last = lines.length - 1;
      if (last >= 0 && textEms(lines[last]! + piece) <= perLine) lines[last] += piece;
      else lines.push(piece);
    }
    return lines.map((line, i) =>
      paragraph(line, {
        role: 'title',
        size: SIZE.二号,
        bold: titleBold,
        align: 'center',
        indent: false,
        line: mm(12),
        spacingAfter: i === lines.length - 1 ? BODY_LINE : 0,
        keepNext: true,
      }),
    );
  };

  /** A centred line under the title (who, which period …), in 楷体. */
  const subtitle = (text: string): Paragraph => paragraph(text, { role: 'heading2', align: 'center', indent: false, keepNext: true });

  /** 黑体 "一、…" heading; `number` adds the Chinese numeral. */
  const heading1 = (text: string, o: { number?: number; pageBreakBefore?: boolean } = {}): Paragraph =>
    paragraph(`${o.number ? `${chineseNumber(o.number)}、` : ''}${text}`, { role: 'heading1', keepNext: true, pageBreakBefore: o.pageBreakBefore ?? false });

  /** 楷体 "（一）…" heading. */
  const heading2 = (text: string, o: { number?: number } = {}): Paragraph =>
    paragraph(`${o.number ? `（${chineseNumber(o.number)}）` : ''}${text}`, { role: 'heading2', keepNext: true });

  /**
   * Signature and date lines, right-aligned, e.g. "评委签字：__________ 日期：____年__月__日"
   * (two full-width spaces between items).
   * Each item is a label (followed by a line to sign on) or 'date'.
   */
  const signatureLines = (items: (string | 'date')[] = ['签字', 'date'], o: { size?: number; spacingBefore?: number } = {}): Paragraph =>
    paragraph(items.map((item) => (item === 'date' ? '日期：____年__月__日' : `${item}：__________`)).join(GAP + GAP), {
      size: o.size ?? SIZE.三号,
      align: 'right',
      indent: false,
      spacingBefore: o.spacingBefore ?? BODY_LINE,
    });

  // ---- Tables, written as XML (see the note at the top) ----

  /** `<w:rPr>` of a run, as docx writes it: fonts with the East-Asian hint, bold, size, underline. */
  const rPrCache = new Map<string, string>();
  const runPropsXml = (o: RunOptions): string => {
    const key = `${o.role ?? 'body'}|${o.size ?? SIZE.三号}|${o.bold ? 1 : 0}|${o.underline ? 1 : 0}`;
    let xml = rPrCache.get(key);
    if (xml === undefined) {
      const name = xmlAttr(fonts[o.role ?? 'body']);
      const sz = halfPoints(o.size ?? SIZE.三号);
      xml =
        `<w:rPr><w:rFonts w:ascii="${name}" w:cs="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:hint="eastAsia"/>` +
        `${o.bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>${o.underline ? '<w:u w:val="single"/>' : ''}</w:rPr>`;
      rPrCache.set(key, xml);
    }
    return xml;
  };
  const runXml = (text: string, o: RunOptions): string => `<w:r>${runPropsXml(o)}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;

  /** A cell's paragraphs: exact lines for the size, no indent. */
  const cellParagraphsXml = (spec: CellSpec, defaults: { size: number; align: Align; role: FontRole; bold: boolean }): string => {
    const size = spec.size ?? defaults.size;
    const look: RunOptions = { role: spec.role ?? defaults.role, size, bold: spec.bold ?? defaults.bold };
    const pPr = `<w:pPr><w:spacing w:after="0" w:before="0" w:line="${lineFor(size)}" w:lineRule="exact"/><w:jc w:val="${JC_XML[spec.align ?? defaults.align]}"/></w:pPr>`;
    if (spec.runs) return `<w:p>${pPr}${spec.runs.map((r) => runXml(r.text, { ...look, ...r })).join('')}</w:p>`;
    return (spec.text ?? '')
      .split('\n')
      .map((line) => `<w:p>${pPr}${runXml(line, look)}</w:p>`)
      .join('');
  };

  /**
   * A table filling the text width: explicit column widths (scaled from the
   * columns' shares), fixed layout, the header row(s) repeated on every page,
   * no row split across pages. Rows are arrays of cells or RowSpecs; a cell
   * spanning columns says `span`, one spanning rows `rowSpan` (the rows below
   * leave that column out).
   */
  const table = (columns: ColumnSpec[], rows: (CellInput[] | RowSpec)[], o: TableOptions = {}): FileChild => {
    const total = textWidth(o.orientation);
    const shares = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => Math.floor((c.width / shares) * total));
    widths[widths.length - 1]! += total - widths.reduce((s, w) => s + w, 0);
    const bodySize = o.size ?? SIZE.小四;
    const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0) || widths[widths.length - 1]!;

    // Per column: the cell above still spanning down over it (rowSpan), and for how many more rows.
    const covered: ({ left: number; span: number; tcPr: string } | null)[] = columns.map(() => null);
    const out: string[] = [];
    const makeRow = (row: RowSpec, header: boolean) => {
      const skip = covered.map((c) => c !== null && c.left > 0);
      const continued = covered.map((c) => (c && c.left > 0 ? c : null));
      covered.forEach((c) => c && (c.left -= 1));
      out.push(
        `<w:tr><w:trPr><w:cantSplit/>${row.minHeightMm ? `<w:trHeight w:val="${mm(row.minHeightMm)}" w:hRule="atLeast"/>` : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>`,
      );
      let col = 0;
      const continueCells = () => {
        while (col < columns.length && skip[col]) {
          const c = continued[col]!;
          out.push(`<w:tc><w:tcPr>${c.tcPr.replace('<!--vMerge-->', '<w:vMerge w:val="continue"/>')}</w:tcPr><w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p></w:tc>`);
          col += c.span;
        }
      };
      for (const input of row.cells) {
        continueCells();
        const spec: CellSpec = typeof input === 'string' ? { text: input } : input;
        const column = columns[col];
        const span = spec.span ?? 1;
        const role = spec.role ?? row.role;
        const paragraphs = cellParagraphsXml(
          { ...spec, ...(role ? { role } : {}) },
          {
            size: row.size ?? (header ? SIZE.小四 : (column?.size ?? bodySize)),
            align: header ? 'center' : (column?.align ?? 'left'),
            role: header ? 'heading1' : 'body',
            bold: row.bold ?? false,
          },
        );
        const shaded = spec.shade ?? row.shade ?? header;
        const valign = (spec.valign ?? (header ? 'center' : (column?.valign ?? 'center'))) === 'top' ? 'top' : 'center';
        // tcPr in schema order; the vMerge mark is filled in for the cell that starts a row span and its continuations.
        const tcPr =
          `<w:tcW w:type="dxa" w:w="${spanWidth(col, span)}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<!--vMerge-->` +
          `${shaded ? SHADE_XML : ''}${column?.tight && span === 1 ? TIGHT_MARGINS_XML : ''}<w:vAlign w:val="${valign}"/>`;
        const rowSpan = spec.rowSpan ?? 1;
        if (rowSpan > 1) covered[col] = { left: rowSpan - 1, span, tcPr };
        out.push(`<w:tc><w:tcPr>${tcPr.replace('<!--vMerge-->', rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '')}</w:tcPr>${paragraphs}</w:tc>`);
        col += span;
      }
      continueCells();
      out.push('</w:tr>');
    };

    out.push(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:jc w:val="center"/>${TABLE_BORDERS_XML}<w:tblLayout w:type="fixed"/>${TABLE_CELL_MARGINS_XML}</w:tblPr>`,
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    );
    for (const cells of o.headerRows ?? [columns.map((c) => c.header ?? '')]) makeRow({ cells }, true);
    for (const r of rows) makeRow(Array.isArray(r) ? { cells: r } : r, false);
    out.push('</w:tbl>');
    return new RawBlock(out.join(''));
  };

  /** "— 1 —", 4号 宋体, one character in from the outer edge: odd pages right, even pages left. */
  const pageNumberFooter = (align: 'left' | 'right' | 'center'): Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: ALIGN[align],
          indent: align === 'right' ? { right: 280 } : align === 'left' ? { left: 280 } : {},
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: fontOf('pageNumber'),
              size: halfPoints(SIZE.四号),
            }),
          ],
        }),
      ],
    });

  // One pair of footers for the whole document: later sections inherit them (see `document`).
  const footers = { default: pageNumberFooter('right'), even: pageNumberFooter('left') };

  /**
   * A section: A4 in the given orientation, the standard margins, page
   * numbers. `restartNumbering` starts its pages again at "— 1 —" (one
   * branch's sheet in a file holding every branch's).
   */
  const section = (children: ISectionOptions['children'], o: { orientation?: Orientation; restartNumbering?: boolean } = {}): ISectionOptions => ({
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: o.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...marginsFor(o.orientation), header: mm(15), gutter: 0 },
        ...(o.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    footers,
    children,
  });

  /**
   * The document: body font and size as the defaults, so nothing falls back
   * to a theme font. Sections after the first leave their footers out, so
   * they inherit the first one's (Word, WPS and LibreOffice all do): a file of
   * 500 sheets keeps two footer parts, not a thousand.
   */
  const document = (sections: ISectionOptions[], meta: { title: string; subject?: string }): Document =>
    new Document({
      creator: '融评',
      title: stripXmlInvalid(meta.title),
      ...(meta.subject ? { subject: stripXmlInvalid(meta.subject) } : {}),
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: { font: fontOf('body'), size: halfPoints(SIZE.三号), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          },
        },
      },
      sections: sections.map((sec, i) => (i > 0 && sec.footers === footers ? { ...sec, footers: undefined } : sec)),
    });

  /**
   * A picture (a chart) centred on its own line, `widthMm` × `heightMm` on
   * paper; with a caption (楷体 4号) below it, kept on the same page.
   */
  const image = (png: Buffer, o: { widthMm: number; heightMm: number; caption?: string; spacingBefore?: number }): FileChild[] => {
    const pPr = `<w:pPr>${o.caption ? '<w:keepNext/>' : ''}<w:keepLines/><w:spacing w:before="${o.spacingBefore ?? 120}" w:after="${o.caption ? 0 : 120}"/><w:jc w:val="center"/></w:pPr>`;
    const picture = rawPicture(png, {
      cx: Math.round(o.widthMm * EMU_PER_MM),
      cy: Math.round(o.heightMm * EMU_PER_MM),
      name: o.caption ?? '图',
      descr: o.caption ?? '',
      pPr,
    });
    if (!o.caption) return [picture];
    return [picture, paragraph(o.caption, { role: 'heading2', size: SIZE.四号, align: 'center', indent: false, spacingAfter: 120 })];
  };

  /**
   * 附件说明 after the body (GB/T 9704 7.3.3): "附件：1．名称", the names after
   * the first lined up under it.
   */
  const attachmentNote = (names: string[]): Paragraph[] => {
    const ch = SIZE.三号 * 20;
    return names.map((name, i) => {
      const label = names.length > 1 ? `${i + 1}．${name}` : name;
      return i === 0
        ? paragraph(`附件：${label}`, { indent: false, indentTwips: { left: 5 * ch, hanging: 3 * ch }, spacingBefore: BODY_LINE })
        : paragraph(label, { indent: false, indentTwips: { left: 5 * ch } });
    });
  };

  /** "附件1" in 黑体 at the top left of the attachment's first page. */
  const attachmentLabel = (n: number | null, o: { pageBreakBefore?: boolean } = {}): Paragraph =>
    paragraph(n === null ? '附件' : `附件${n}`, { role: 'heading1', indent: false, align: 'left', keepNext: true, pageBreakBefore: o.pageBreakBefore ?? false });

  /**
   * 发文机关署名 and 成文日期 at the end of the body (GB/T 9704 7.3.5.2, without a
   * seal): the date right-aligned four characters in from the margin, the
   * issuing body centred above it; one empty line before.
   */
  const signOff = (issuer: string, date: Date): Paragraph[] => {
    const ch = SIZE.三号 * 20;
    const dateText = documentDate(date);
    const dateRight = 4 * ch;
    // Centre the issuer over the date; a longer issuer keeps at least two characters from the margin.
    const issuerRight = Math.max(2 * ch, Math.round(dateRight + ((textEms(dateText) - textEms(issuer)) / 2) * ch));
    return [
      paragraph(issuer, { align: 'right', indent: false, indentTwips: { right: issuerRight }, spacingBefore: BODY_LINE * 2, keepNext: true }),
      paragraph(dateText, { align: 'right', indent: false, indentTwips: { right: dateRight } }),
    ];
  };

  return {
    fonts,
    fontOf,
    run,
    paragraph,
    title,
    subtitle,
    heading1,
    heading2,
    signatureLines,
    table,
    section,
    document,
    image,
    attachmentNote,
    attachmentLabel,
    signOff,
  };
}
export type OfficialStyle = ReturnType<typeof officialStyle>;

/** The .docx file's bytes: docx packs the document, then the tables written as XML take their places. */
export const toBuffer = async (doc: Document): Promise<Buffer> => spliceRawBlocks(await Packer.toBuffer(doc));
