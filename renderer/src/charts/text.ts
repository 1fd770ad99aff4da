/** Text helpers of the charts: short names, number formats, line wrapping by estimated width. */
import { roundPoints } from '../../../shared/engine';
import { CHART_FONT_FAMILY } from './setup';

/**
 * A branch's short name for chart labels: without the 中共 prefix and the 党支部 / 支部 suffix
 * (every bar is a Party branch), cut to `max` characters.
 */
export function shortName(name: string, max = 12): string {
  let s = name.trim().replace(/^中共/, '');
  const stripped = s.replace(/(党总支部|党总支|党支部委员会|党支部|支部委员会|支部)$/, '');
  if (stripped.length >= 2) s = stripped;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Points with 2 decimals, rounded as the engine rounds. */
export const points2 = (x: number): string => roundPoints(x).toFixed(2);

/** A rate 0…1 as a percentage with `digits` decimals. */
export const percent = (rate: number, digits = 1): string => `${(rate * 100).toFixed(digits)}%`;

/** Signed percentage points with a real minus sign: +3.12 / −1.20. */
export const signedPp = (pp: number, digits = 2): string => {
  const v = Math.abs(pp).toFixed(digits);
  return Number(v) === 0 ? v : `${pp > 0 ? '+' : '−'}${v}`;
};

let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * Width of text in px in the charts' font: measured on a canvas (as the chart will draw it), else
 * estimated (CJK and full-width characters ≈ 1 em, others ≈ 0.58 em).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  if (measurer === undefined) measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (measurer) {
    measurer.font = `${bold ? '600 ' : ''}${fontSize}px ${CHART_FONT_FAMILY}`;
    return measurer.measureText(text).width;
  }
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.58;
  return w * fontSize * (bold ? 1.05 : 1);
}

/**
 * Wraps text into lines no wider than `width` (estimated), at most `maxLines` (the last cut with …).
 * Prefers breaking after Chinese punctuation; otherwise breaks anywhere (Chinese has no spaces).
 */
export function wrapText(text: string, fontSize: number, width: number, maxLines = 3, bold = false): string[] {
  const total = textWidth(text, fontSize, bold);
  if (total <= width) return [text];
  const greedy = wrapGreedy(text, fontSize, width, maxLines, bold);
  if (greedy.length < 2 || greedy[greedy.length - 1]!.endsWith('…')) return greedy;
  if (textWidth(greedy[greedy.length - 1]!, fontSize, bold) > width * 0.4) return greedy;
  // Lines of even length read better than a full line and an orphan ("考评" / "评").
  const balanced = wrapGreedy(text, fontSize, Math.min(width, total / greedy.length + fontSize * 1.5), maxLines, bold);
  return balanced.length === greedy.length && !balanced[balanced.length - 1]!.endsWith('…') ? balanced : greedy;
}

function wrapGreedy(text: string, fontSize: number, width: number, maxLines: number, bold: boolean): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines) {
    if (textWidth(rest, fontSize, bold) <= width) {
      lines.push(rest);
      rest = '';
      break;
    }
    // The longest prefix that fits…
    let n = 0;
    let w = 0;
    for (const ch of rest) {
      const cw = textWidth(ch, fontSize, bold);
      if (w + cw > width) break;
      w += cw;
      n += ch.length;
    }
    n = Math.max(1, n);
    // …moved back to just after a punctuation mark if one is in its second half.
    const prefix = rest.slice(0, n);
    const cut = Math.max(...['，', '：', '；', '、', '（', '）'].map((p) => (p === '（' ? prefix.lastIndexOf(p) : prefix.lastIndexOf(p) + 1)));
    const at = cut > n / 2 ? cut : n;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) {
    const last = lines[lines.length - 1] ?? '';
    lines[lines.length - 1] = `${last.slice(0, Math.max(1, last.length - 1))}…`;
  }
  return lines;
}
