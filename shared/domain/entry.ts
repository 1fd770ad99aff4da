/**
 * What a rater (or a branch, in its self-assessment) may enter for a leaf, and
 * what reasons an entry needs: the one home of both rules. The scoring grid
 * (typed or pasted text), the score and self-assessment workbooks (cells) and
 * the write path (`entries.save`) all read entries and check reasons here.
 *
 * One vocabulary, the union of what the grid and the workbooks accepted before
 * they were merged. Where they disagreed, the decision (tested in
 * test/unit/entry-rules.test.ts):
 * - a level by its 1-based number (“2” = the second level) or by a prefix that
 *   names exactly one level (“较好” from “较”) is accepted in a workbook too,
 *   not only in the grid: the grid's hint teaches raters to type numbers, and
 *   they then type them in the workbook. An exact label wins over a number.
 * - counts (扣分次数, 加分项数) take 次, 项 or 个 after them, “+3” and “3.0”, in
 *   both places; “1.5” or “-1” are refused as out of range (each caller
 *   words it); more than MAX_COUNT is refused in both places (the workbooks
 *   took 51 before), because each occurrence needs a reason and no more than
 *   MAX_COUNT reasons can be stored.
 * - 是/否 also as 1/0 (a number cell too), y/n, yes/no, √/✓, ×/✗, s/f, x, in any case.
 * - Full-width digits and punctuation (中文输入法), spaces anywhere, thousands
 *   separators (, ，) and 分 after points are accepted in both places.
 */
import { checkEntry } from '../engine/points';
import { num } from './entry-text';
import type { LeafMethod } from './framework';
// The counting rules of reasons live in reasons.ts (findings.ts reads them too, without this module's engine import).
import { MAX_COUNT, reasonTooShort } from './reasons';

export { MAX_COUNT, MIN_REASON_CHARS, reasonTooShort } from './reasons';

const YES = ['是', '1', 'y', 'yes', '√', '✓', 's'];
const NO = ['否', '0', 'n', 'no', '×', '✗', 'x', 'f'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Why an entry was refused, for the caller to put in its own words (grid hint or workbook cell). */
export type EntryRefusal =
  /** Not a number (rating) / not a count (deduction, bonus) / not 是 or 否 / not a level. */
  | { kind: 'number' | 'count' | 'veto' | 'level' | 'quantitative' }
  /** A 细则 leaf takes findings (rule, count, amount, reason), not a typed number — except 0 (checked, nothing found). */
  | { kind: 'findings' }
  | { kind: 'tooMany'; max: number }
  /** A value of the right form outside the method's range: the rule's own words. */
  | { kind: 'range'; message: string };

export type EntryReading = { value: number | null } | { refused: EntryRefusal };

/** Full-width digits and punctuation to ASCII, 。 to a point, every space (and thousands separator in numbers) dropped. */
export function normalizeEntryText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .replace(/[\s\u3000]/g, '');
}

const asNumber = (text: string, unit: RegExp): number | undefined => {
  const s = text.replace(/[,，]/g, '').replace(unit, '');
  return NUMBER.test(s) ? Number(s) : undefined;
};

function levelIndex(labels: readonly string[], text: string): number {
  const exact = labels.indexOf(text);
  if (exact >= 0) return exact;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= labels.length ? n - 1 : -1;
  }
  const starts = labels.flatMap((l, i) => (text !== '' && l.startsWith(text) ? [i] : []));
  return starts.length === 1 ? starts[0]! : -1;
}

/**
 * Reads what was entered for a leaf: a raw value (see `LeafMethod`), null for
 * nothing (an empty cell or text), or why it is refused.
 */
export function readEntry(method: LeafMethod, max: number, entered: string | number | boolean | null): EntryReading {
  if (entered === null) return { value: null };
  const text = typeof entered === 'string' ? normalizeEntryText(entered) : typeof entered === 'number' ? String(entered) : '';
  if (typeof entered === 'string' && text === '') return { value: null };
  const checked = (value: number): EntryReading => {
    const problem = checkEntry(method, max, value);
    return problem ? { refused: { kind: 'range', message: problem } } : { value };
  };
  switch (method.kind) {
    case 'rating': {
      const v = typeof entered === 'number' ? entered : asNumber(text, /分$/);
      return v === undefined || typeof entered === 'boolean' ? { refused: { kind: 'number' } } : checked(v);
    }
    case 'level': {
      const index = typeof entered === 'boolean' ? -1 : levelIndex(method.levels.map((l) => l.label), text);
      return index >= 0 ? { value: index } : { refused: { kind: 'level' } };
    }
    case 'deduction':
    case 'bonus': {
      const v = typeof entered === 'number' ? entered : asNumber(text, /[次项个]$/);
      if (v === undefined || typeof entered === 'boolean') return { refused: { kind: 'count' } };
      const read = checked(v);
      return 'value' in read && v > MAX_COUNT ? { refused: { kind: 'tooMany', max: MAX_COUNT } } : read;
    }
    case 'veto': {
      const v = text.toLowerCase();
      if (entered === true || YES.includes(v)) return { value: 1 };
      if (entered === false || NO.includes(v)) return { value: 0 };
      return { refused: { kind: 'veto' } };
    }
    case 'rules': {
      const v = typeof entered === 'number' ? entered : asNumber(text, /分$/);
      return v === 0 || (typeof entered === 'string' && text === '无') ? { value: 0 } : { refused: { kind: 'findings' } };
    }
    case 'quantitative':
      return { refused: { kind: 'quantitative' } };
  }
}

/**
 * How many reasons (or item descriptions) a value needs: one per occurrence,
 * one per item, one for a triggered veto, none otherwise.
 */
export function detailRequired(method: LeafMethod, value: number): number {
  if (method.kind === 'deduction' || method.kind === 'bonus') return value;
  if (method.kind === 'veto') return value === 1 ? 1 : 0;
  return 0;
}

/** What is wrong with the reasons given for a value, counting non-blank ones. */
export type DetailProblem =
  | { kind: 'deduction' | 'bonus'; need: number; have: number }
  | { kind: 'vetoMissing' }
  | { kind: 'vetoUnneeded'; have: number }
  /** A reason of one character (“1”, “无”): what a digit typed into the wrong field leaves, not a reason. */
  | { kind: 'tooShort'; text: string };


/**
 * The reasons an entry carries must match it exactly: one per deduction, one
 * per bonus item, one for a triggered veto and none for a veto not triggered.
 * More reasons than occurrences are refused as well as fewer (the workbook
 * import always did; `entries.save` used to accept extra ones): a user who
 * wrote three reasons for two deductions has the count or the reasons wrong,
 * and silently storing reasons the score does not count would mislead whoever
 * reads the score sheet. A rating or level carries no reasons and is not
 * checked here (the grid never sends any). A reason of one character is
 * refused too: fast transcription of a paper sheet used to leave the next
 * digit typed as the reason.
 */
export function detailProblem(method: LeafMethod, value: number, detail: readonly string[]): DetailProblem | null {
  const have = detail.filter((d) => d.trim() !== '').length;
  const need = detailRequired(method, value);
  if (method.kind === 'deduction' || method.kind === 'bonus') {
    if (have !== need) return { kind: method.kind, need, have };
  } else if (method.kind === 'veto') {
    if (need === 1 && have === 0) return { kind: 'vetoMissing' };
    if (need === 0 && have > 0) return { kind: 'vetoUnneeded', have };
  } else return null;
  const short = detail.find(reasonTooShort);
  return short === undefined ? null : { kind: 'tooShort', text: short.trim() };
}

/**
 * Reads a worksheet cell (score or self-assessment workbook): the raw value,
 * or the problem in the user's words with what the cell holds.
 */
export function parseEntry(method: LeafMethod, max: number, cell: string | number | boolean): { value: number } | { error: string } {
  const read = readEntry(method, max, cell);
  if ('value' in read && read.value !== null) return { value: read.value };
  const refusal: EntryRefusal = 'refused' in read ? read.refused : { kind: method.kind === 'rating' ? 'number' : method.kind === 'level' ? 'level' : method.kind === 'veto' ? 'veto' : 'count' };
  const now = String(cell);
  switch (refusal.kind) {
    case 'range':
      return { error: refusal.message };
    case 'number':
      return { error: `应填写分数（0 到 ${num(max)}），现为“${now}”` };
    case 'level':
      return { error: `请填写等次：${method.kind === 'level' ? method.levels.map((l) => l.label).join('、') : ''}（现为“${now}”）` };
    case 'count':
      return { error: method.kind === 'bonus' ? `应填写加分项数（0 或正整数），现为“${now}”` : `应填写扣分次数（0 或正整数），现为“${now}”` };
    case 'tooMany':
      return { error: `最多记录 ${refusal.max} ${method.kind === 'bonus' ? '项' : '次'}，现为“${now}”` };
    case 'veto':
      return { error: `一票否决请填“是”或“否”，现为“${now}”` };
    case 'quantitative':
      return { error: '定量指标由业务数据计算，不由评委打分' };
    case 'findings':
      return { error: `细则${method.kind === 'rules' && method.effect === 'add' ? '加分' : '扣分'}请逐条记录（哪条细则、几次、原因），没有问题填 0（现为“${now}”）` };
  }
}
