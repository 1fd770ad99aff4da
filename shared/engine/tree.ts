/**
 * An indexed view of a framework tree for fast, repeated computation:
 * dense indexes instead of ids, children lists, a post-order walk,
 * which nodes count outside the base (bonus), and the node options (pools, section bonus caps).
 */
import { isBonusMethod, isDeductMethod, type Tag } from '../domain/framework';
import type { EngineIndicator } from './types';

export interface FrameworkIndex {
  nodes: EngineIndicator[];
  indexOf: Map<number, number>;
  children: number[][];
  parent: Int32Array;
  /** Children before parents. */
  postOrder: number[];
  roots: number[];
  /** Node indexes of leaves (nodes without children). */
  leaves: number[];
  /** Position of a node in `leaves`, or -1 for inner nodes. */
  leafSlot: Int32Array;
  /** A bonus leaf, or an inner node whose children are all bonus: counted outside the base. */
  bonus: Uint8Array;
  /**
   * Per node: 1 for a pool (扣分池, options.pool on an inner node). Null when the framework has none, so a
   * framework without options pays one null check per node and nothing else.
   */
  pool: Uint8Array | null;
  /** Per leaf slot: 1 for a deduction (or deducting 细则) leaf directly under a pool (its entries deduct from the pool). Null with no pool. */
  poolSlot: Uint8Array | null;
  /** Per node: its section bonus cap (options.bonusCap), NaN for none. Null when no node has one. */
  bonusCap: Float64Array | null;
  baseMax: number;
  tagMax: Record<Tag, number>;
}

export function indexFramework(indicators: readonly EngineIndicator[]): FrameworkIndex {
  const nodes = [...indicators].sort((a, b) => a.position - b.position || a.id - b.id);
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  const children: number[][] = nodes.map(() => []);
  const parent = new Int32Array(nodes.length).fill(-1);
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    const p = n.parentId === null ? undefined : indexOf.get(n.parentId);
    if (p === undefined) roots.push(i);
    else {
      children[p]!.push(i);
      parent[i] = p;
    }
  });

  const postOrder: number[] = [];
  const visit = (i: number, depth: number) => {
    if (depth > 64) throw new Error('framework tree is too deep or has a cycle');
    for (const c of children[i]!) visit(c, depth + 1);
    postOrder.push(i);
  };
  roots.forEach((r) => visit(r, 0));

  const leaves: number[] = [];
  const leafSlot = new Int32Array(nodes.length).fill(-1);
  const bonus = new Uint8Array(nodes.length);
  for (const i of postOrder) {
    const kids = children[i]!;
    if (kids.length === 0) {
      leafSlot[i] = leaves.length;
      leaves.push(i);
      bonus[i] = isBonusMethod(nodes[i]!.method) ? 1 : 0;
    } else {
      bonus[i] = kids.every((c) => bonus[c] === 1) ? 1 : 0;
    }
  }

  let pool: Uint8Array | null = null;
  let poolSlot: Uint8Array | null = null;
  let bonusCap: Float64Array | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.options?.pool && children[i]!.length > 0) {
      pool ??= new Uint8Array(nodes.length);
      poolSlot ??= new Uint8Array(leaves.length);
      pool[i] = 1;
      for (const c of children[i]!) if (leafSlot[c]! >= 0 && isDeductMethod(nodes[c]!.method)) poolSlot[leafSlot[c]!] = 1;
    }
    const cap = n.options?.bonusCap;
    if (cap !== undefined && cap !== null) {
      bonusCap ??= new Float64Array(nodes.length).fill(Number.NaN);
      bonusCap[i] = cap;
    }
  }

  // A tag's max is what its leaves can earn; a pool's children earn nothing of their own, so the pool
  // (its points are what is left of it) stands in for them under its own tag.
  const tagMax: Record<Tag, number> = { party: 0, business: 0, fusion: 0 };
  for (const l of leaves) {
    const n = nodes[l]!;
    if (!bonus[l] && !(poolSlot !== null && poolSlot[leafSlot[l]!])) tagMax[n.tag] += n.maxPoints;
  }
  if (pool !== null) for (let i = 0; i < nodes.length; i++) if (pool[i] && !bonus[i]) tagMax[nodes[i]!.tag] += nodes[i]!.maxPoints;
  const baseMax = roots.filter((r) => !bonus[r]).reduce((s, r) => s + nodes[r]!.maxPoints, 0);
  return { nodes, indexOf, children, parent, postOrder, roots, leaves, leafSlot, bonus, pool, poolSlot, bonusCap, baseMax, tagMax };
}
