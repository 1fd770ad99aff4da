/**
 * 适用范围与折算 (issue 11 §7, docs/scoring-rules.md): which nodes of the framework apply to each branch, by its
 * 支部类别, what base it can earn on them (applicableMax), and the tag maxima its rates are taken against. Worked
 * out once per category when the model is built; null when every indicator applies to every branch, so the common
 * path pays one null check.
 */
import { notApplicableIds } from '../domain/applicability';
import type { Tag } from '../domain/framework';
import type { FrameworkIndex } from './tree';
import type { EngineBranch } from './types';

/** What applies to branches of one category (some node does not). */
export interface BranchApplicability {
  /** Per node index: 1 when the node is 不适用 (by its own or an ancestor's appliesTo, or every child is). */
  na: Uint8Array;
  /**
   * Per node index: 1 for a pool (扣分池) that applies but whose children all don't: nothing can deduct from
   * it, so it keeps its points. Null when there is none.
   */
  fullPool: Uint8Array | null;
  /**
   * Per node index: its applicable max, what an inner node's points are cut to instead of its max (quantitative
   * excess makes up only for what applies); 0 for a 不适用 node.
   */
  nodeMax: Float64Array;
  /** The base the branch can earn: Σ over the top-level non-bonus nodes of their applicable max. */
  applicableMax: number;
  /** The tag maxima without the leaves (and pools) that do not apply. */
  tagMax: Record<Tag, number>;
}

/** Per branch index: its applicability, or null when everything applies to it. Null overall when nothing varies. */
export function indexApplicability(fw: FrameworkIndex, branches: readonly EngineBranch[]): (BranchApplicability | null)[] | null {
  if (!branches.some((b) => b.category) || !fw.nodes.some((n) => n.appliesTo && n.appliesTo.length > 0)) return null;
  const byCategory = new Map<string, BranchApplicability | null>();
  const out = branches.map((b) => {
    if (!b.category) return null;
    if (!byCategory.has(b.category)) byCategory.set(b.category, forCategory(fw, b.category));
    return byCategory.get(b.category)!;
  });
  return out.some((a) => a !== null) ? out : null;
}

function forCategory(fw: FrameworkIndex, category: string): BranchApplicability | null {
  const excluded = notApplicableIds(fw.nodes, category);
  if (excluded.size === 0) return null;
  const N = fw.nodes.length;
  const na = new Uint8Array(N);
  const applicable = new Float64Array(N);
  /** Per node: 1 when something below it is 不适用 (else its applicable max is just its max). */
  const touched = new Uint8Array(N);
  let fullPool: Uint8Array | null = null;
  for (const i of fw.postOrder) {
    const node = fw.nodes[i]!;
    const kids = fw.children[i]!;
    if (excluded.has(node.id)) {
      na[i] = 1;
      continue;
    }
    if (kids.length === 0) {
      applicable[i] = node.maxPoints;
      continue;
    }
    const allNa = kids.every((c) => na[c] === 1);
    if (fw.pool !== null && fw.pool[i]) {
      // A pool that applies keeps its whole max: children that don't apply just deduct nothing.
      applicable[i] = node.maxPoints;
      if (allNa) (fullPool ??= new Uint8Array(N))[i] = 1;
      continue;
    }
    if (allNa) {
      na[i] = 1; // a section none of whose indicators apply is itself 不适用
      continue;
    }
    if (!kids.some((c) => na[c] === 1 || touched[c] === 1)) {
      applicable[i] = node.maxPoints;
      continue;
    }
    touched[i] = 1;
    let sum = 0;
    for (const c of kids) if (!(fw.bonus[c] && !fw.bonus[i])) sum += applicable[c]!;
    applicable[i] = Math.min(node.maxPoints, sum);
  }
  let applicableMax = 0;
  for (const r of fw.roots) if (!fw.bonus[r]) applicableMax += applicable[r]!;
  // As tree.ts: a tag's max is what its leaves can earn, a pool standing in for its children.
  const tagMax: Record<Tag, number> = { party: 0, business: 0, fusion: 0 };
  for (const l of fw.leaves) {
    const n = fw.nodes[l]!;
    if (!na[l] && !fw.bonus[l] && !(fw.poolSlot !== null && fw.poolSlot[fw.leafSlot[l]!])) tagMax[n.tag] += n.maxPoints;
  }
  if (fw.pool !== null) for (let i = 0; i < N; i++) if (fw.pool[i] && !fw.bonus[i] && !na[i]) tagMax[fw.nodes[i]!.tag] += fw.nodes[i]!.maxPoints;
  return { na, fullPool, nodeMax: applicable, applicableMax, tagMax };
}

/** The 折算 of a branch's base: factor = baseMax ÷ applicableMax when less than the full base applies, else none. */
export function rescale(baseMax: number, rawBase: number, a: BranchApplicability | null): { base: number; rescaled: { applicableMax: number; rawBase: number; factor: number } | null } {
  if (a === null || a.applicableMax >= baseMax - 1e-9) return { base: rawBase, rescaled: null };
  // Nothing applies (a category the framework checks refuse): no base to scale.
  if (a.applicableMax <= 0) return { base: 0, rescaled: { applicableMax: 0, rawBase, factor: 1 } };
  // × baseMax ÷ applicableMax, as a person works it (72 × 100 ÷ 80), not × a rounded factor.
  return { base: (rawBase * baseMax) / a.applicableMax, rescaled: { applicableMax: a.applicableMax, rawBase, factor: baseMax / a.applicableMax } };
}
