/**
 * What a rater types in a scoring cell and what a cell shows
 * (renderer/src/pages/scoring/model): parsing per method, refusals in the
 * user's words, values in the rater's terms, and blocks pasted from Excel.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, LeafMethod } from '../../shared/domain/framework';
import {
  buildRows,
  detailNeeded,
  displayValue,
  editText,
  fmt,
  methodHint,
  normalizeInput,
  parseClipboardBlock,
  parseInput,
} from '../../renderer/src/pages/scoring/model';
import { raterLeavesInOrder } from '../../shared/domain/rater-leaves';
import { LEAF, sheetIndicators } from '../helpers/rater-sheet';

const indicators = sheetIndicators();
const leaf = (id: number): Indicator => indicators.find((i) => i.id === id)!;
const method = (id: number): LeafMethod => leaf(id).method!;
const parse = (id: number, raw: string) => parseInput(leaf(id), method(id), raw);

describe('fmt', () => {
  it('writes points as people do: no trailing zeros, at most two decimals', () => {
    expect(fmt(2.5)).toBe('2.5');
    expect(fmt(3)).toBe('3');
    expect(fmt(0.25)).toBe('0.25');
    expect(fmt(2.0)).toBe('2');
    expect(fmt(1 / 3)).toBe('0.33');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
  });
});

describe('displayValue and editText', () => {
  it('show a stored value in the rater’s terms', () => {
    expect(displayValue(method(LEAF.rating), 2.5)).toBe('2.5');
    expect(displayValue(method(LEAF.level), 1)).toBe('较好');
    expect(displayValue(method(LEAF.level), 9)).toBe('9'); // a level that no longer exists: its number
    expect(displayValue(method(LEAF.deduction), 2)).toBe('2 次');
    expect(displayValue(method(LEAF.bonus), 1)).toBe('1 项');
    expect(displayValue(method(LEAF.veto1), 1)).toBe('是');
    expect(displayValue(method(LEAF.veto1), 0)).toBe('否');
    expect(displayValue(method(LEAF.quant), 5)).toBe('');
  });

  it('start an edit from what the rater would type, which parses back to the same value', () => {
    const cases: [number, number, string][] = [
      [LEAF.rating, 2.5, '2.5'],
      [LEAF.level, 2, '一般'],
      [LEAF.deduction, 2, '2'],
      [LEAF.bonus, 1, '1'],
      [LEAF.veto1, 1, '是'],
      [LEAF.veto1, 0, '否'],
    ];
    for (const [id, value, text] of cases) {
      expect(editText(method(id), value)).toBe(text);
      expect(parse(id, text)).toEqual({ value });
    }
    expect(editText(method(LEAF.level), 9)).toBe('');
  });
});

describe('parseInput', () => {
  it('reads a rating, with 分 and full-width digits, and refuses one off the range or the step', () => {
    expect(parse(LEAF.rating, '2.5')).toEqual({ value: 2.5 });
    expect(parse(LEAF.rating, '３分')).toEqual({ value: 3 });
    expect(parse(LEAF.rating, '２。５')).toEqual({ value: 2.5 });
    expect(parse(LEAF.rating, '.5')).toEqual({ value: 0.5 });
    expect(parse(LEAF.rating, '3.5')).toEqual({ error: '分值应在 0 到 3 之间' });
    expect(parse(LEAF.rating, '1.2')).toEqual({ error: '分值应为 0.5 的整数倍（0 到 3）' });
    expect(parse(LEAF.rating, '好')).toEqual({ error: '请输入数字：0 到 3 分，步长 0.5' });
    expect(parse(LEAF.rating, '1e1')).toEqual({ error: '请输入数字：0 到 3 分，步长 0.5' });
  });

  it('reads a level by number, by name, or by the start of exactly one name', () => {
    expect(parse(LEAF.level, '1')).toEqual({ value: 0 });
    expect(parse(LEAF.level, '４')).toEqual({ value: 3 });
    expect(parse(LEAF.level, '一般')).toEqual({ value: 2 });
    expect(parse(LEAF.level, '较')).toEqual({ value: 1 });
    const refusal = { error: '请输入 1 到 4 的序号或等次名称：1 好、2 较好、3 一般、4 差' };
    expect(parse(LEAF.level, '0')).toEqual(refusal);
    expect(parse(LEAF.level, '5')).toEqual(refusal);
    expect(parse(LEAF.level, '优')).toEqual(refusal);
    // A whole name wins before any prefix is looked at.
    const overlapping = { kind: 'level' as const, levels: [{ label: '好转', fraction: 0.9 }, { label: '好', fraction: 1 }] };
    expect(parseInput(leaf(LEAF.level), overlapping, '好')).toEqual({ value: 1 });
    const ambiguous = { kind: 'level' as const, levels: [{ label: '较好', fraction: 0.8 }, { label: '较差', fraction: 0.2 }] };
    expect(parseInput(leaf(LEAF.level), ambiguous, '较')).toEqual({ error: '请输入 1 到 2 的序号或等次名称：1 较好、2 较差' });
  });

  it('reads counts of deductions and bonus items, with 次 / 项, up to 50', () => {
    expect(parse(LEAF.deduction, '2次')).toEqual({ value: 2 });
    expect(parse(LEAF.deduction, '0')).toEqual({ value: 0 });
    expect(parse(LEAF.bonus, '3 项')).toEqual({ value: 3 });
    expect(parse(LEAF.deduction, '50')).toEqual({ value: 50 });
    expect(parse(LEAF.deduction, '51')).toEqual({ error: '最多记录 50 次' });
    expect(parse(LEAF.deduction, '1.5')).toEqual({ error: '请输入 0 或正整数' });
    expect(parse(LEAF.bonus, '-1')).toEqual({ error: '请输入 0 或正整数' });
  });

  it('reads a veto as yes or no in the ways people write them', () => {
    for (const yes of ['是', '1', 'Y', 'yes', '√', 's']) expect(parse(LEAF.veto1, yes)).toEqual({ value: 1 });
    for (const no of ['否', '0', 'n', 'No', '×', 'x', 'F']) expect(parse(LEAF.veto1, no)).toEqual({ value: 0 });
    expect(parse(LEAF.veto1, '2')).toEqual({ error: '请输入“是”或“否”（1 或 0）' });
  });

  it('takes empty text (also full-width spaces) as clearing the cell, and refuses any value for a quantitative leaf', () => {
    expect(parse(LEAF.rating, '  ')).toEqual({ value: null });
    expect(parse(LEAF.veto1, '\u3000')).toEqual({ value: null });
    expect(parse(LEAF.quant, '5')).toEqual({ error: '定量指标由业务数据计算，评委不打分' });
    expect(parse(LEAF.quant, '')).toEqual({ value: null });
  });

  it('normalises full-width input before reading it', () => {
    expect(normalizeInput(' ２．５\u3000')).toBe('2.5');
    expect(normalizeInput('１２。３')).toBe('12.3');
  });
});

describe('detailNeeded', () => {
  it('asks one reason per deduction, one description per bonus item, one reason for a triggered veto', () => {
    expect(detailNeeded(method(LEAF.deduction), 3)).toBe(3);
    expect(detailNeeded(method(LEAF.deduction), 0)).toBe(0);
    expect(detailNeeded(method(LEAF.bonus), 2)).toBe(2);
    expect(detailNeeded(method(LEAF.veto1), 1)).toBe(1);
    expect(detailNeeded(method(LEAF.veto1), 0)).toBe(0);
    expect(detailNeeded(method(LEAF.rating), 3)).toBe(0);
    expect(detailNeeded(method(LEAF.level), 2)).toBe(0);
  });
});

describe('methodHint', () => {
  it('says what to type for each method, with the leaf’s own numbers', () => {
    expect(methodHint(leaf(LEAF.rating), method(LEAF.rating))).toBe('输入 0 到 3 之间的分数，步长 0.5');
    expect(methodHint(leaf(LEAF.level), method(LEAF.level))).toBe('输入序号或等次名称，或点选：');
    expect(methodHint(leaf(LEAF.deduction), method(LEAF.deduction))).toBe('输入扣分次数（每次 1 分），按 Enter 后逐次写原因');
    expect(methodHint(leaf(LEAF.bonus), { kind: 'bonus', perItem: 0.5 })).toBe('输入加分项数（每项 0.5 分），按 Enter 后逐项写内容');
    expect(methodHint(leaf(LEAF.veto1), method(LEAF.veto1))).toBe('输入“是”(1) 或“否”(0)');
  });
});

describe('parseClipboardBlock', () => {
  it('splits rows by line (any line ending) and cells by tab, dropping one trailing line break', () => {
    expect(parseClipboardBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseClipboardBlock('a\rb\nc')).toEqual([['a'], ['b'], ['c']]);
    expect(parseClipboardBlock('\t\n')).toEqual([['', '']]);
  });

  it('keeps a single value as one cell, and inner empty lines as empty rows', () => {
    expect(parseClipboardBlock('2.5')).toEqual([['2.5']]);
    expect(parseClipboardBlock('')).toEqual([['']]);
    expect(parseClipboardBlock('1\n\n2\n')).toEqual([['1'], [''], ['2']]);
  });
});

describe('buildRows', () => {
  it('puts each first-level dimension before its leaves, depth-first, and marks what raters score', () => {
    const shuffled = [...indicators].reverse();
    const rows = buildRows(shuffled);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.node.code}]` : `${r.leaf.code}:${r.depth}:${r.rated ? 'r' : 'q'}`))).toEqual([
      '[1]',
      '1.1:1:r',
      '1.2:1:r',
      '1.3:1:r',
      '1.4:1:q',
      '1.5:1:r',
      '[2]',
      '2.1:1:r',
      '2.2:1:r',
      '3:0:r',
    ]);
  });
});

describe('the rows a rater enters', () => {
  it('are the shared sequence of the score workbook and the paper sheet, whatever order the framework comes in', () => {
    const shuffled = [...sheetIndicators()].reverse();
    const rated = buildRows(shuffled).flatMap((r) => (r.kind === 'leaf' && r.rated ? [r.leaf.code] : []));
    expect(rated).toEqual(raterLeavesInOrder(shuffled).map((l) => l.code));
    expect(rated).toEqual(['1.1', '1.2', '1.3', '1.5', '2.1', '2.2', '3']); // 1.4 is quantitative
  });
});
