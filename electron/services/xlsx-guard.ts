/**
 * The checks every imported workbook passes before anything parses it. An
 * .xlsx is a zip of XML parts; its declared sizes can lie, and a 1 MB file can
 * inflate to gigabytes or hold a million rows, which exceljs would build in
 * memory until the process dies (in Electron: the main process, with the
 * user's unsaved work). So the file is read once, within a size limit; every
 * part listed in its central directory is inflated as a stream and counted,
 * never kept; each worksheet's rows and cells are counted while inflating.
 * Only then are the parts the reader needs handed on — exactly the checked
 * bytes, in the order exceljs's streaming reader wants them.
 */
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { t } from '../../shared/messages';
import { AppError } from '../errors';

const MB = 1024 * 1024;

/**
 * Generous for real use: the largest real workbook (a self-assessment or
 * business-data sheet for 500 branches × 120 indicators) is about 60,000 rows
 * × 9 columns, 3 MB on disk and 25 MB of sheet XML; a rater's workbook is
 * 120 rows × 500 branch columns.
 */
export const IMPORT_LIMITS = {
  fileBytes: 30 * MB,
  /** Inflated size of any one part (a sheet, the shared strings). */
  partBytes: 60 * MB,
  /** Inflated size of all parts together, pictures included. */
  totalBytes: 200 * MB,
  parts: 5_000,
  rowsPerSheet: 80_000,
  cells: 1_000_000,
  merges: 1_000,
} as const;

/** What the checks learnt: each worksheet's name and merged ranges, and the parts for the reader. */
export interface CheckedWorkbook {
  /** The worksheets the reader will emit, in the order it emits them. */
  sheets: ScannedSheet[];
  /** The zip entries the reader needs, as one stream of local entries. */
  stream(): Readable;
}

export interface ScannedSheet {
  name: string;
  /** Merged ranges, as written: “E4:F4”. */
  merges: string[];
  /** Cells holding an error value (#DIV/0!, #N/A…): the streaming reader keeps a formula's error result only as NaN. */
  errorCells: Set<string>;
}

/** Error cells remembered per sheet; beyond this many, the first ones already say enough. */
const ERROR_CELLS_KEPT = 1000;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
  /** Where the compressed data starts, from the local header. */
  dataStart: number;
  /** End of the entry's bytes, data descriptor included. */
  end: number;
  /** The entry's central directory record. */
  record: Buffer;
}

const notXlsx = (file: string) => new AppError('validation', t('import.error.notXlsx', { file }));
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The central directory: every part, with where its bytes are. Anything unusual is refused as not a workbook. */
function centralDirectory(buf: Buffer, file: string): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx(file);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 markers: an .xlsx under the size limit never needs them.
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) throw notXlsx(file);
  if (count > IMPORT_LIMITS.parts) {
    throw new AppError('validation', t('import.limit.parts', { file, count, limit: IMPORT_LIMITS.parts }));
  }
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx(file);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const declaredSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const record = buf.subarray(p, p + 46 + nameLength + extraLength + commentLength);
    p += record.length;
    // Encrypted parts, other compression methods, zip64 sizes: not something Excel or WPS writes.
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || localOffset + 30 > cdOffset) throw notXlsx(file);
    if (buf.readUInt32LE(localOffset) !== 0x04034b50) throw notXlsx(file);
    // The reader goes by the local header: it must name the same part, and size it alike, or what was checked is not what is read.
    const localNameLength = buf.readUInt16LE(localOffset + 26);
    if (localOffset + 30 + localNameLength > cdOffset || buf.toString('utf8', localOffset + 30, localOffset + 30 + localNameLength) !== name) throw notXlsx(file);
    if (!(flags & 8) && buf.readUInt32LE(localOffset + 18) !== compressedSize) throw notXlsx(file);
    const dataStart = localOffset + 30 + localNameLength + buf.readUInt16LE(localOffset + 28);
    let end = dataStart + compressedSize;
    if (end > cdOffset) throw notXlsx(file);
    if (flags & 8) end += end + 4 <= cdOffset && buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12; // data descriptor
    if (end > cdOffset) throw notXlsx(file);
    entries.push({ name, method, flags, compressedSize, declaredSize, localOffset, dataStart, end, record });
  }
  return entries;
}

/**
 * Inflates one part as a stream, handing each chunk to `onChunk`, and stops
 * as soon as the part, or all parts together, pass their limit: the declared
 * size is not trusted.
 */
async function inflatePart(buf: Buffer, entry: Entry, file: string, budget: { total: number }, onChunk?: (chunk: Buffer) => void) {
  const tooBig = () => new AppError('validation', t('import.limit.part', { file, part: entry.name, limit: mb(IMPORT_LIMITS.partBytes) }));
  if (entry.declaredSize > IMPORT_LIMITS.partBytes) throw tooBig();
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const source = entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw());
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      budget.total += chunk.length;
      if (size > IMPORT_LIMITS.partBytes) throw tooBig();
      if (budget.total > IMPORT_LIMITS.totalBytes) {
        throw new AppError('validation', t('import.limit.total', { file, limit: mb(IMPORT_LIMITS.totalBytes) }));
      }
      onChunk?.(chunk);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notXlsx(file); // damaged deflate data
  } finally {
    source.destroy();
  }
}

async function partText(buf: Buffer, entry: Entry | undefined, file: string, budget: { total: number }): Promise<string> {
  if (!entry) return '';
  const chunks: Buffer[] = [];
  await inflatePart(buf, entry, file, budget, (c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8');
}

const xmlDecode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) found.set(m[1]!, xmlDecode(m[3] ?? m[4] ?? ''));
  return found;
}

/** Sheet part path → sheet name, from workbook.xml and its relationships. */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = a.get('Target');
    if (a.get('Id') && target) targets.set(a.get('Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = [...a].find(([k]) => k.endsWith(':id'))?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (part && a.get('name')) names.set(part, a.get('name')!);
  }
  return names;
}

/**
 * Counts a worksheet's rows (the highest row number, as Excel numbers them)
 * and cells, and collects its merged ranges, chunk by chunk. Text never holds
 * a raw `<`, so every `<` starts markup; a tag cut by a chunk boundary is
 * carried to the next chunk. Work per chunk stays bounded, whatever the
 * chunk holds (a bomb of blanks has no tags at all).
 */
function sheetScanner() {
  const state = { rows: 0, cells: 0, merges: [] as string[], errorCells: new Set<string>() };
  let carry = '';
  let lastRow = 0;
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell)(?=[\s>/])([^>]*)>/g;
  const feed = (chunk: Buffer) => {
    const text = carry + chunk.toString('latin1');
    const open = text.lastIndexOf('<');
    const cut = open > text.lastIndexOf('>') ? open : text.length;
    // An unfinished tag goes on to the next chunk: its start (name, r=…) is all that is counted.
    carry = text.slice(cut, cut + 4096);
    for (const m of text.slice(0, cut).matchAll(tag)) {
      if (m[1] === 'c') {
        state.cells++;
        if (state.errorCells.size < ERROR_CELLS_KEPT && /\st\s*=\s*["']e["']/.test(m[2]!)) {
          const ref = /\sr\s*=\s*["']([A-Za-z]+\d+)/.exec(m[2]!);
          if (ref) state.errorCells.add(ref[1]!.toUpperCase());
        }
      } else if (m[1] === 'row') {
        const r = /\sr\s*=\s*["'](\d+)/.exec(m[2]!);
        lastRow = r ? Number(r[1]) : lastRow + 1;
        state.rows = Math.max(state.rows, lastRow);
      } else {
        const ref = /\sref\s*=\s*["']([A-Za-z0-9:$]+)/.exec(m[2]!);
        if (ref) state.merges.push(ref[1]!.replace(/\$/g, '').toUpperCase());
      }
    }
  };
  return { state, feed };
}

/** The parts exceljs's streaming reader looks at; every other part is checked but not handed on. */
const READER_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** Checks `file` within the import limits; refuses it with a message that states the limit it passed. */
export async function checkWorkbookFile(file: string, displayName: string): Promise<CheckedWorkbook> {
  const info = await stat(file).catch((e: unknown) => {
    throw new AppError('io', t('import.error.unreadable', { file: displayName, reason: e instanceof Error ? e.message : String(e) }));
  });
  // A folder (or a device) picked where a workbook was expected.
  if (!info.isFile()) throw new AppError('validation', t('import.error.unreadable', { file: displayName, reason: t('error.xlsx.notAFile') }));
  const size = info.size;
  if (size > IMPORT_LIMITS.fileBytes) {
    throw new AppError('validation', t('import.limit.file', { file: displayName, size: mb(size), limit: mb(IMPORT_LIMITS.fileBytes) }));
  }
  const buf = await readFile(file);
  if (buf.length < 22) throw notXlsx(displayName);
  const entries = centralDirectory(buf, displayName);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = { total: 0 };
  const workbookXml = await partText(buf, byName.get('xl/workbook.xml'), displayName, budget);
  const relsXml = await partText(buf, byName.get('xl/_rels/workbook.xml.rels'), displayName, budget);
  if (workbookXml === '') throw notXlsx(displayName);
  const names = sheetNames(workbookXml, relsXml);
  const order = [...names.keys()];

  let cells = 0;
  let merges = 0;
  const scanned = new Map<string, ScannedSheet>();
  for (const entry of entries) {
    if (entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels') continue;
    if (!SHEET_PART.test(entry.name)) {
      await inflatePart(buf, entry, displayName, budget);
      continue;
    }
    const name = names.get(entry.name) ?? entry.name;
    const scan = sheetScanner();
    await inflatePart(buf, entry, displayName, budget, scan.feed);
    const { rows } = scan.state;
    if (rows > IMPORT_LIMITS.rowsPerSheet) {
      throw new AppError('validation', t('import.limit.rows', { file: displayName, sheet: name, rows, limit: IMPORT_LIMITS.rowsPerSheet }));
    }
    cells += scan.state.cells;
    merges += scan.state.merges.length;
    if (cells > IMPORT_LIMITS.cells) {
      throw new AppError('validation', t('import.limit.cells', { file: displayName, limit: IMPORT_LIMITS.cells }));
    }
    if (merges > IMPORT_LIMITS.merges) {
      throw new AppError('validation', t('import.limit.merges', { file: displayName, limit: IMPORT_LIMITS.merges }));
    }
    scanned.set(entry.name, { name, merges: scan.state.merges, errorCells: scan.state.errorCells });
  }

  // Sheets in workbook order (as Excel shows them), then any the workbook does not list.
  const sheetParts = entries
    .filter((e) => scanned.has(e.name))
    .sort((a, b) => rank(order, a.name) - rank(order, b.name));
  const handedOn = [...READER_PARTS.map((n) => byName.get(n)).filter((e): e is Entry => e !== undefined), ...sheetParts];
  return {
    sheets: sheetParts.map((e) => scanned.get(e.name)!),
    stream: () => Readable.from(zipOf(buf, handedOn)),
  };
}

/**
 * A zip of just these entries, their bytes as checked: the local entries,
 * then a central directory pointing at them (the reader wants one to end on).
 */
function zipOf(buf: Buffer, entries: Entry[]): Buffer[] {
  const locals: Buffer[] = [];
  const records: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = buf.subarray(e.localOffset, e.end);
    const record = Buffer.from(e.record);
    record.writeUInt32LE(offset, 42);
    locals.push(local);
    records.push(record);
    offset += local.length;
  }
  const size = records.reduce((n, r) => n + r.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...locals, ...records, end];
}

const rank = (order: string[], part: string) => {
  const i = order.indexOf(part);
  return i < 0 ? order.length : i;
};
