/**
 * 分类施策 (issue 11 §7): which indicators apply to a branch of a given 支部类别. An indicator applies when its own
 * appliesTo and every ancestor's are empty or name the category; a branch without a category is assessed on
 * everything. The one home of the rule: the engine, the rater sheets, workbooks and paper, the write path and the
 * documents all ask here (docs/scoring-rules.md “适用范围与折算”).
 */
import type { Indicator } from './framework';

type Node = Pick<Indicator, 'id' | 'parentId' | 'appliesTo'>;

/** Whether one node's own list admits the category (empty list or no category: yes). */
export const admits = (appliesTo: readonly string[] | undefined, category: string | undefined): boolean =>
  !category || !appliesTo || appliesTo.length === 0 || appliesTo.includes(category);

/**
 * The ids of the nodes that do NOT apply to a branch of `category` (a node excluded excludes its subtree). Empty
 * for a branch without a category or a framework without appliesTo anywhere — the common case costs one pass.
 */
export function notApplicableIds(nodes: readonly Node[], category: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!category || !nodes.some((n) => n.appliesTo && n.appliesTo.length > 0)) return out;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const excluded = (n: Node, depth = 0): boolean => {
    if (out.has(n.id)) return true;
    if (!admits(n.appliesTo, category)) return true;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    return parent !== undefined && depth < 64 && excluded(parent, depth + 1);
  };
  for (const n of nodes) if (excluded(n)) out.add(n.id);
  return out;
}

/** A node's applicability in words for lists and tags: “仅机关、科研”; '' when it applies to all. */
export const appliesToInWords = (appliesTo: readonly string[] | undefined): string =>
  appliesTo && appliesTo.length > 0 ? `仅${appliesTo.join('、')}` : '';
