/**
 * The leaves a rater enters, in the one order every rater-facing surface
 * shows them: the scoring grid (and what a pasted block runs down), the
 * rater's score workbook and the printed paper score sheet. Depth first,
 * siblings by position; quantitative leaves are left out because they come
 * from business data, office-recorded ones (考核组核定) because the office
 * records them. Keeping the rule here is what lets a block copied from the
 * workbook or typed from the paper sheet land on the same indicators in the
 * grid.
 */
import { entryModeOf, type Indicator, type LeafMethod } from './framework';
import { childrenOf } from './framework-validate';

export type Leaf = Indicator & { method: LeafMethod };

/** The leaves of a framework in tree order (depth first, siblings by position). */
export function leavesInOrder(indicators: readonly Indicator[]): Leaf[] {
  const children = childrenOf(indicators);
  const out: Leaf[] = [];
  const walk = (parentId: number | null) => {
    for (const node of children.get(parentId) ?? []) {
      if (children.has(node.id)) walk(node.id);
      else if (node.method) out.push(node as Leaf);
    }
  };
  walk(null);
  return out;
}

/**
 * Scored by the panel: every leaf but quantitative ones (those come from business data) and office-recorded
 * ones (考核组核定: the office records one value per branch; raters see it read-only).
 */
export const isRaterScored = (leaf: Pick<Indicator, 'method'>): boolean => leaf.method !== null && entryModeOf(leaf.method) === 'panel';

/** The leaves a rater enters, in order: the rows of the score workbook and the paper sheet, and the grid's enterable rows. */
export const raterLeavesInOrder = (indicators: readonly Indicator[]): Leaf[] => leavesInOrder(indicators).filter(isRaterScored);

/** Codes as typed in WPS/Excel with a Chinese keyboard: １．２ → 1.2, spaces dropped. */
export const normaliseCode = (text: string): string =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
