/**
 * A rater's (or a branch's own) raw entry as an office worker writes it in a
 * worksheet cell, and back: points for 打分, the level's label for 等次, the
 * number of occurrences / items for 扣分 / 加分, 是 / 否 for 一票否决. Pure:
 * the score and self-assessment workbooks use it, the renderer may too.
 * The raw values are those of `LeafMethod` (see framework.ts).
 */
import { checkEntry } from '../engine/points';
import type { LeafMethod } from './framework';

const YES = ['是', 'Y', 'y', 'yes', 'Yes', 'YES', '√', '✓'];
const NO = ['否', 'N', 'n', 'no', 'No', 'NO', '×', '✗'];

const num = (x: number) => String(Number(x.toPrecision(12)));

/** What to type in the cell, in a few words: “打分（0–3 分，步长 0.5）”. */
export function entryHint(method: LeafMethod, max: number): string {
  switch (method.kind) {
    case 'rating':
      return `打分（0–${num(max)} 分，步长 ${num(method.step)}）`;
    case 'level':
      return `等次（填${method.levels.map((l) => l.label).join('/')}）`;
    case 'deduction':
      return `扣分（填次数，每次扣 ${num(method.perOccurrence)} 分）`;
    case 'bonus':
      return `加分（填项数，每项 ${num(method.perItem)} 分，最多 ${num(max)} 分）`;
    case 'veto':
      return '一票否决（填是/否）';
    case 'quantitative':
      return '定量（由业务数据计算）';
  }
}

/** The cell for a stored raw value: a number, or the level's label, or 是/否. */
export function formatEntry(method: LeafMethod, value: number): string | number {
  switch (method.kind) {
    case 'level':
      return method.levels[Math.round(value)]?.label ?? String(value);
    case 'veto':
      return value === 1 ? '是' : '否';
    default:
      return value;
  }
}

/** A stored raw value with its unit, for lists and logs: “较好”, “扣 2 次”, “3.5 分”. */
export function describeEntry(method: LeafMethod, value: number): string {
  switch (method.kind) {
    case 'rating':
      return `${num(value)} 分`;
    case 'deduction':
      return `扣 ${num(value)} 次`;
    case 'bonus':
      return `加分 ${num(value)} 项`;
    case 'quantitative':
      return num(value);
    default:
      return String(formatEntry(method, value));
  }
}

/**
 * Reads a cell: the raw value, or the problem in the user's words. Numbers
 * typed as text are accepted (with 分 / 次 / 项 after them), level labels
 * exactly as listed, 是/否 (or √/×) for a veto.
 */
export function parseEntry(method: LeafMethod, max: number, cell: string | number | boolean): { value: number } | { error: string } {
  const text = typeof cell === 'string' ? cell.replace(/[\s\u3000]/g, '') : '';
  const asNumber = (suffix: RegExp): number | undefined => {
    if (typeof cell === 'number') return cell;
    const s = text.replace(/[，,]/g, '').replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replace(suffix, '');
    return /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s) ? Number(s) : undefined;
  };
  const checked = (value: number) => {
    const problem = checkEntry(method, max, value);
    return problem ? { error: problem } : { value };
  };
  switch (method.kind) {
    case 'rating': {
      const v = asNumber(/分$/);
      return v === undefined ? { error: `应填写分数（0 到 ${num(max)}），现为“${String(cell)}”` } : checked(v);
    }
    case 'level': {
      const index = method.levels.findIndex((l) => l.label === text);
      return index >= 0 ? { value: index } : { error: `请填写等次：${method.levels.map((l) => l.label).join('、')}（现为“${String(cell)}”）` };
    }
    case 'deduction': {
      const v = asNumber(/次$/);
      return v === undefined ? { error: `应填写扣分次数（0 或正整数），现为“${String(cell)}”` } : checked(v);
    }
    case 'bonus': {
      const v = asNumber(/项$/);
      return v === undefined ? { error: `应填写加分项数（0 或正整数），现为“${String(cell)}”` } : checked(v);
    }
    case 'veto':
      if (cell === true || YES.includes(text)) return { value: 1 };
      if (cell === false || NO.includes(text)) return { value: 0 };
      return { error: `一票否决请填“是”或“否”，现为“${String(cell)}”` };
    case 'quantitative':
      return { error: '定量指标由业务数据计算，不由评委打分' };
  }
}
