/**
 * A rater's (or a branch's own) raw entry as an office worker writes it in a
 * worksheet cell, and back: points for 打分, the level's label for 等次, the
 * number of occurrences / items for 扣分 / 加分, 是 / 否 for 一票否决. Pure:
 * the score and self-assessment workbooks use it, the renderer may too.
 * The raw values are those of `LeafMethod` (see framework.ts); reading a
 * cell back is entry.ts's `parseEntry`.
 */
import type { LeafMethod } from './framework';

/** A number as people write it: no float noise, no trailing zeros. */
export const num = (x: number) => String(Number(x.toPrecision(12)));

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
    case 'rules':
      return method.effect === 'deduct' ? '细则扣分（由考核组逐条核定）' : '细则加分（由考核组逐条核定）';
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
    case 'rules':
      return `${method.effect === 'deduct' ? '扣' : '加'} ${num(value)} 分`;
    case 'quantitative':
      return num(value);
    default:
      return String(formatEntry(method, value));
  }
}
