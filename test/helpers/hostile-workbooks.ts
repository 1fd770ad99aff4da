/**
 * Workbooks built to hurt an importer, made from a real workbook the app or
 * exceljs wrote: its sheet XML replaced by one that inflates to hundreds of
 * megabytes (with a declared size that lies), or that holds 100,000 rows.
 * Used by the hostile-file tests and `npm run bench`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import JSZip from 'jszip';

const MB = 1024 * 1024;

interface Part {
  name: string;
  /** The part's bytes, chunk by chunk (so a 300 MB part never sits in memory). */
  chunks: () => Iterable<Buffer>;
  /** The uncompressed size to write into the zip; the real one unless a test wants it to lie. */
  declaredSize?: number;
}

async function deflate(part: Part) {
  const deflater = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of part.chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await ended; // 'end', not end()'s callback: the last compressed bytes come after the writable side finishes
  return { data: Buffer.concat(out), crc, size };
}

/** Writes a plain zip (deflate, no data descriptors) of the parts. */
export async function writeZip(file: string, parts: Part[]): Promise<void> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflate(part);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(file, Buffer.concat([...locals, cd, end]));
}

/** The parts of a real workbook, with `replace` applied to some (name → new chunks). */
async function rewrite(base: string, out: string, replace: Record<string, (xml: string) => Omit<Part, 'name'>>): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(base));
  const parts: Part[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const bytes = await zip.file(name)!.async('nodebuffer');
    const change = replace[name];
    parts.push(change ? { name, ...change(bytes.toString('utf8')) } : { name, chunks: () => [bytes] });
  }
  await writeZip(out, parts);
}

/**
 * `base` with its first sheet padded to `inflatedMB` megabytes of blanks
 * between the rows (legal XML; 1.4 MB on disk for 300 MB, as in the field
 * report). With `declaredSize`, the zip claims the sheet is that small.
 */
export async function zipBomb(base: string, out: string, options: { inflatedMB: number; declaredSize?: number }): Promise<void> {
  await rewrite(base, out, {
    'xl/worksheets/sheet1.xml': (xml) => {
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      const blanks = Buffer.alloc(MB, 0x20);
      return {
        chunks: function* () {
          yield Buffer.from(xml.slice(0, at));
          for (let i = 0; i < options.inflatedMB; i++) yield blanks;
          yield Buffer.from(xml.slice(at));
        },
        ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
      };
    },
  });
}

/** `base` with its first sheet's rows after the header replaced by `rows` rows of `columns` text and number cells. */
export async function manyRows(base: string, out: string, rows: number, columns = 6): Promise<void> {
  await rewrite(base, out, {
    'xl/worksheets/sheet1.xml': (xml) => {
      const header = xml.indexOf('</row>');
      const open = header < 0 ? xml.indexOf('<sheetData>') + '<sheetData>'.length : header + '</row>'.length;
      const close = xml.indexOf('</sheetData>');
      const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      return {
        chunks: function* () {
          yield Buffer.from(xml.slice(0, open));
          for (let r = 2; r <= rows + 1; r += 1000) {
            let block = '';
            for (let k = r; k < Math.min(r + 1000, rows + 2); k++) {
              block += `<row r="${k}">`;
              for (let c = 0; c < columns; c++) {
                block += c % 2 ? `<c r="${letters[c]}${k}"><v>${k}</v></c>` : `<c r="${letters[c]}${k}" t="inlineStr"><is><t>B${k}-${c}</t></is></c>`;
              }
              block += '</row>';
            }
            yield Buffer.from(block);
          }
          yield Buffer.from(xml.slice(close));
        },
      };
    },
  });
}

/** `base` with its first sheet's XML edited as text (e.g. to write a formula with an empty saved value, as openpyxl does). */
export async function editSheetXml(base: string, out: string, edit: (xml: string) => string, sheet = 'xl/worksheets/sheet1.xml'): Promise<void> {
  await rewrite(base, out, { [sheet]: (xml) => ({ chunks: () => [Buffer.from(edit(xml))] }) });
}
