/**
 * Text every file the app writes can carry. Word (.docx) and Excel (.xlsx)
 * files are XML, and XML 1.0 cannot hold some characters at all: C0 control
 * characters other than tab and line breaks, U+FFFE/U+FFFF, and lone halves
 * of a surrogate pair. One such character in a branch name makes every
 * document and workbook that prints the name unreadable to Word, WPS and
 * LibreOffice. So every text field of the contract refuses them (`text`), and
 * the writers strip them (`stripXmlInvalid`) as a second line for text that
 * reached the database some other way.
 */
import { z } from 'zod';
import { t } from '../messages';

/** One character XML 1.0 cannot hold (tab, line feed and carriage return can be held). */
// With the u flag a surrogate pair is one code point, so the surrogate range matches only lone halves.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const XML_INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const XML_INVALID_ALL = new RegExp(XML_INVALID.source, 'gu');

/** `s` without the characters XML cannot hold; everything else unchanged. */
export const stripXmlInvalid = (s: string): string => (XML_INVALID.test(s) ? s.replace(XML_INVALID_ALL, '') : s);

/** The first character of `s` XML cannot hold: its 1-based position (in characters, as a person counts) and "U+FFFE". */
export function firstXmlInvalid(s: string): { position: number; code: string } | null {
  const m = XML_INVALID_ALL.exec(s);
  XML_INVALID_ALL.lastIndex = 0;
  if (!m) return null;
  const position = Array.from(s.slice(0, m.index)).length + 1;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { position, code };
}

/** The message naming the field, the character and where it is: "名称含有文件无法保存的字符 U+FFFE（第 3 个字符）". */
export function xmlInvalidMessage(field: string, s: string): string | null {
  const bad = firstXmlInvalid(s);
  return bad ? t('text.xmlInvalid', { field, ...bad }) : null;
}

/** A refinement for any string schema: refuses text with characters XML cannot hold, naming `field`. */
export const xmlSafe =
  (field: string) =>
  (s: string, ctx: z.RefinementCtx): void => {
    const message = xmlInvalidMessage(field, s);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

/**
 * A text field of the contract: a string that every file format can carry.
 * Chain `.trim().min().max()` as with `z.string()`; `params` are z.string's
 * (e.g. the message for a missing value).
 */
export const text = (field: string, params?: Parameters<typeof z.string>[0]) => z.string(params).superRefine(xmlSafe(field));
