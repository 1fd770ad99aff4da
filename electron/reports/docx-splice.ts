/**
 * Body blocks written as WordprocessingML text (tables and pictures, see
 * ./style.ts), and how they get into the file docx packs.
 *
 * A `RawBlock` is a body child docx serialises as a placeholder element,
 * `<rp:raw id="7"/>`; its XML (and a picture's PNG) wait in a registry under
 * that id. `spliceRawBlocks` opens the packed .docx (a zip), puts each block's
 * XML in place of its placeholder in word/document.xml, adds the pictures
 * (stored, not compressed again: a PNG is compressed already) with their
 * relationships and content type, and writes the zip again; every other part
 * is copied byte for byte, still compressed. Only docx's public API is used:
 * `FileChild`, `XmlAttributeComponent` and the packed bytes; the zip is read
 * and written here with node:zlib. docx never sees the pictures, which saves
 * it hashing and deflating them (half the time of a chart-heavy batch).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { FileChild, XmlAttributeComponent } from 'docx';
import { stripXmlInvalid } from '../../shared/domain/text';

/** Text content of an element: & < > escaped; characters XML 1.0 cannot hold (lone surrogates too) dropped. */
export const xmlText = (s: string): string =>
  stripXmlInvalid(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** An attribute value in double quotes. */
export const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, '&quot;');

class RawAttributes extends XmlAttributeComponent<{ id: string }> {
  protected override readonly xmlKeys = { id: 'id' };
}

interface Media {
  /** Relationship id the XML refers to (r:embed). */
  rel: string;
  /** Part name under word/. */
  target: string;
  data: Buffer;
}
interface Registered {
  xml: string;
  media: Media[];
}

/** What placeholders stand for, until their blocks are collected. */
const registry = new Map<string, Registered>();
const forget = new FinalizationRegistry<string>((id) => registry.delete(id));
let nextId = 0;

/** A body block (a table, a picture) whose XML is already written. */
export class RawBlock extends FileChild {
  readonly rawId: string;
  constructor(xml: string, media: Media[] = []) {
    const id = String(++nextId);
    super('rp:raw');
    this.rawId = id;
    this.root.push(new RawAttributes({ id }));
    registry.set(id, { xml, media });
    forget.register(this, id);
  }
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/**
 * A paragraph holding one PNG inline (centred), `cx` × `cy` EMU, as Word
 * writes a picture: wp:inline, a:graphic, pic:pic with the blip embedded.
 */
export function rawPicture(png: Buffer, o: { cx: number; cy: number; name: string; descr: string; pPr: string }): RawBlock {
  const n = ++nextId;
  const rel = `rpImg${n}`;
  const target = `media/rp-chart${n}.png`;
  const name = xmlAttr(o.name);
  const xml =
    `<w:p>${o.pPr}<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${o.cx}" cy="${o.cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${n}" name="${name}" descr="${xmlAttr(o.descr)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${n}" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${o.cx}" cy="${o.cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  return new RawBlock(xml, [{ rel, target, data: png }]);
}

const PLACEHOLDER = /<rp:raw id="(\d+)"\/>/g;

interface ZipEntry {
  name: Buffer;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** The entries of a zip file, in its central directory's order, with their compressed data. */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== SIG_CENTRAL) throw new Error('zip central directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const compressedSize = zip.readUInt32LE(at + 20);
    if (zip.readUInt32LE(local) !== SIG_LOCAL) throw new Error('zip local header is damaged');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8) & ~0x0008,
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressedSize,
      size: zip.readUInt32LE(at + 24),
      data: zip.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip file of the entries (their data already compressed as `method` says). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressedSize, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(SIG_CENTRAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(e.flags, 8);
    head.writeUInt16LE(e.method, 10);
    head.writeUInt16LE(e.time, 12);
    head.writeUInt16LE(e.date, 14);
    head.writeUInt32LE(e.crc, 16);
    head.writeUInt32LE(e.compressedSize, 20);
    head.writeUInt32LE(e.size, 24);
    head.writeUInt16LE(e.name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, e.name);
    parts.push(local, e.name, e.data);
    offset += 30 + e.name.length + e.data.length;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

const textOf = (e: ZipEntry) => (e.method === 8 ? inflateRawSync(e.data) : e.data).toString('utf8');
/** Replaces an entry's content, deflated. */
function setText(e: ZipEntry, text: string) {
  const raw = Buffer.from(text, 'utf8');
  const data = deflateRawSync(raw, { level: 6 });
  Object.assign(e, { method: 8, crc: crc32(raw), size: raw.length, compressedSize: data.length, data });
}
const entryNamed = (entries: ZipEntry[], name: string) => entries.find((e) => e.name.toString('utf8') === name);

/** Puts every RawBlock's XML in place of its placeholder in word/document.xml of a packed .docx, and adds its pictures. */
export function spliceRawBlocks(docx: Buffer): Buffer {
  const entries = readZip(docx);
  const entry = entryNamed(entries, DOCUMENT);
  if (!entry) throw new Error(`${DOCUMENT} is missing from the packed document`);
  const xml = textOf(entry);
  if (!xml.includes('<rp:raw ')) return docx;
  const media: Media[] = [];
  const spliced = xml.replace(PLACEHOLDER, (_, id: string) => {
    const block = registry.get(id);
    if (!block) throw new Error(`a table or picture of the document was lost before it was written (block ${id})`);
    media.push(...block.media);
    return block.xml;
  });
  setText(entry, spliced);

  if (media.length) {
    const rels = entryNamed(entries, DOCUMENT_RELS);
    const types = entryNamed(entries, CONTENT_TYPES);
    if (!rels || !types) throw new Error('the packed document has no relationships or content types');
    setText(rels, textOf(rels).replace('</Relationships>', `${media.map((m) => `<Relationship Id="${m.rel}" Type="${IMAGE_REL}" Target="${m.target}"/>`).join('')}</Relationships>`));
    const typesXml = textOf(types);
    if (!/<Default Extension="png"/i.test(typesXml)) setText(types, typesXml.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>'));
    const now = entries[0]!;
    for (const m of media) {
      entries.push({ name: Buffer.from(`word/${m.target}`, 'utf8'), method: 0, flags: 0, time: now.time, date: now.date, crc: crc32(m.data), compressedSize: m.data.length, size: m.data.length, data: m.data });
    }
  }
  return writeZip(entries);
}
