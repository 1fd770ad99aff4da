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
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { FontScheme } from '../../shared/domain/documents';

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

const SHADE = { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const OUTER = { style: BorderStyle.SINGLE, size: 8, color: '000000' };

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
      text,
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
      ...((o.indent ?? true) ? { indent: { firstLine: Math.round(size * 2 * 20) } } : {}),
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

  const cellParagraphs = (spec: CellSpec, defaults: { size: number; align: Align; role: FontRole; bold: boolean }): Paragraph[] => {
    const size = spec.size ?? defaults.size;
    const look: ParagraphOptions = {
      role: spec.role ?? defaults.role,
      size,
      bold: spec.bold ?? defaults.bold,
      align: spec.align ?? defaults.align,
      indent: false,
      line: lineFor(size),
    };
    if (spec.runs) return [paragraph(spec.runs, look)];
    return (spec.text ?? '').split('\n').map((line) => paragraph(line, look));
  };

  /**
   * A table filling the text width: explicit column widths (scaled from the
   * columns' shares), fixed layout, the header row(s) repeated on every page,
   * no row split across pages. Rows are arrays of cells or RowSpecs; a cell
   * spanning columns says `span`.
   */
  const table = (columns: ColumnSpec[], rows: (CellInput[] | RowSpec)[], o: TableOptions = {}): Table => {
    const total = textWidth(o.orientation);
    const shares = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => Math.floor((c.width / shares) * total));
    widths[widths.length - 1]! += total - widths.reduce((s, w) => s + w, 0);
    const bodySize = o.size ?? SIZE.小四;

    // Rows still covered, per column, by a cell above spanning down (rowSpan): their cells are not given.
    const covered = columns.map(() => 0);
    const makeRow = (row: RowSpec, header: boolean): TableRow => {
      const skip = covered.map((n) => n > 0);
      covered.forEach((n, i) => (covered[i] = Math.max(0, n - 1)));
      let col = 0;
      const cells = row.cells.map((input) => {
        const spec: CellSpec = typeof input === 'string' ? { text: input } : input;
        while (skip[col]) col++;
        const column = columns[col];
        const span = spec.span ?? 1;
        for (let c = col; c < col + span && spec.rowSpan; c++) covered[c] = spec.rowSpan - 1;
        col += span;
        const role = spec.role ?? row.role;
        const paragraphs = cellParagraphs(
          { ...spec, shade: spec.shade ?? row.shade, ...(role ? { role } : {}) },
          {
            size: row.size ?? (header ? SIZE.小四 : (column?.size ?? bodySize)),
            align: header ? 'center' : (column?.align ?? 'left'),
            role: header ? 'heading1' : 'body',
            bold: row.bold ?? false,
          },
        );
        return new TableCell({
          children: paragraphs,
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(column?.tight && span === 1 ? { margins: { left: 28, right: 28, top: 45, bottom: 45 } } : {}),
          ...(spec.rowSpan && spec.rowSpan > 1 ? { rowSpan: spec.rowSpan } : {}),
          verticalAlign: (spec.valign ?? (header ? 'center' : (column?.valign ?? 'center'))) === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          ...((spec.shade ?? row.shade ?? header) ? { shading: SHADE } : {}),
        });
      });
      return new TableRow({
        children: cells,
        cantSplit: true,
        ...(header ? { tableHeader: true } : {}),
        ...(row.minHeightMm ? { height: { value: mm(row.minHeightMm), rule: HeightRule.ATLEAST } } : {}),
      });
    };

    const headerRows = o.headerRows ?? [columns.map((c) => c.header ?? '')];
    return new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: { top: 45, bottom: 45, left: 85, right: 85 },
      borders: { top: OUTER, bottom: OUTER, left: OUTER, right: OUTER, insideHorizontal: THIN, insideVertical: THIN },
      rows: [
        ...headerRows.map((cells) => makeRow({ cells }, true)),
        ...rows.map((r) => makeRow(Array.isArray(r) ? { cells: r } : r, false)),
      ],
    });
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

  /** A section: A4 in the given orientation, the standard margins, page numbers. */
  const section = (children: ISectionOptions['children'], o: { orientation?: Orientation } = {}): ISectionOptions => ({
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: o.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...marginsFor(o.orientation), header: mm(15), gutter: 0 },
      },
    },
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
    children,
  });

  /** The document: body font and size as the defaults, so nothing falls back to a theme font. */
  const document = (sections: ISectionOptions[], meta: { title: string; subject?: string }): Document =>
    new Document({
      creator: '融评',
      title: meta.title,
      ...(meta.subject ? { subject: meta.subject } : {}),
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: { font: fontOf('body'), size: halfPoints(SIZE.三号), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          },
        },
      },
      sections,
    });

  return { fonts, fontOf, run, paragraph, title, subtitle, heading1, heading2, signatureLines, table, section, document };
}
export type OfficialStyle = ReturnType<typeof officialStyle>;

/** The .docx file's bytes. */
export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);
