/**
 * 分工评分 (issue 11 §6): a rater group — or one rater within it — may be limited to parts of the framework
 * (“安全环保部只评安全环保类指标”). A scope is a list of indicator codes, each naming a node and its subtree;
 * [] = the whole framework. A rater scores a leaf when it lies under their group's scope and under their own.
 * The one home of the rule: the engine (who is expected on a cell, which groups' weights are renormalised), the
 * rater's sheet, workbook and paper, the write path and progress all ask here (docs/scoring-rules.md “分工评分”).
 */
import type { Indicator } from './framework';

type Node = Pick<Indicator, 'id' | 'parentId' | 'code'>;

/** The most codes one scope may name. */
export const MAX_SCOPE_CODES = 50;

/**
 * The ids of the nodes a scope covers (each named node and everything below it); null for [] — everything.
 * Codes that name no node cover nothing (the panel checks refuse them when saved).
 */
export function scopeIds(nodes: readonly Node[], scope: readonly string[] | undefined): Set<number> | null {
  if (!scope || scope.length === 0) return null;
  const named = new Set(scope);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Set<number>();
  const covered = (n: Node, depth = 0): boolean => {
    if (named.has(n.code) || out.has(n.id)) return true;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    return parent !== undefined && depth < 64 && covered(parent, depth + 1);
  };
  for (const n of nodes) if (covered(n)) out.add(n.id);
  return out;
}

/** What a rater may score: their group's scope ∩ their own (null = everything). */
export function assignedIds(nodes: readonly Node[], groupScope: readonly string[] | undefined, raterScope: readonly string[] | undefined): Set<number> | null {
  const g = scopeIds(nodes, groupScope);
  const r = scopeIds(nodes, raterScope);
  if (g === null) return r;
  if (r === null) return g;
  return new Set([...g].filter((id) => r.has(id)));
}

/** Whether an id is in an assignment (null = everything). */
export const isAssigned = (assigned: ReadonlySet<number> | null, id: number): boolean => assigned === null || assigned.has(id);

/** A scope in words for lists: “只评 3 安全环保、5.2 …”; '' for the whole framework. */
export function scopeInWords(scope: readonly string[] | undefined, nodes: readonly Pick<Indicator, 'code' | 'name'>[]): string {
  if (!scope || scope.length === 0) return '';
  const named = scope.map((c) => {
    const n = nodes.find((x) => x.code === c);
    return n ? `${n.code} ${n.name}` : c;
  });
  return `只评 ${named.join('、')}`;
}
