/**
 * 分工评分 in the engine (docs/scoring-rules.md “分工评分”): which rater is expected on which leaf, and which groups
 * take part in a leaf. Built once per model; null when no group or rater has a scope, so a panel without assignment
 * pays one null check per entry and nothing else. The rule of what a scope covers lives in shared/domain/assignment.ts.
 */
import { assignedIds } from '../domain/assignment';
import type { FrameworkIndex } from './tree';
import type { CellExplanation, EngineInput, GroupCombination } from './types';

export interface Assignment {
  /** rater × leaf slot (k * L + slot) → 1 when the leaf is assigned to the rater. */
  readonly rater: Uint8Array;
  /** group × leaf slot (g * L + slot) → 1 when at least one of the group's raters is assigned to the leaf. */
  readonly group: Uint8Array;
  /** Per leaf slot: how many groups take part (0 = nobody scores it: missing once per branch). */
  readonly groupsOn: Int32Array;
}

/**
 * The assignment of a panel over the framework's leaves; null when nobody has a scope (everyone scores everything).
 * `raterGroup[k]` is rater k's group index (-1 for a rater in no group, who scores nothing).
 */
export function indexAssignment(fw: FrameworkIndex, input: EngineInput, raterGroup: Int32Array): Assignment | null {
  const scoped = (s: readonly string[] | undefined) => s !== undefined && s.length > 0;
  if (!input.groups.some((g) => scoped(g.scope)) && !input.raters.some((r) => scoped(r.scope))) return null;
  const L = fw.leaves.length;
  const G = input.groups.length;
  const rater = new Uint8Array(input.raters.length * L);
  const group = new Uint8Array(G * L);
  const groupsOn = new Int32Array(L);
  input.raters.forEach((r, k) => {
    const g = raterGroup[k]!;
    if (g < 0) return;
    const ids = assignedIds(fw.nodes, input.groups[g]!.scope, r.scope);
    for (let slot = 0; slot < L; slot++) {
      if (ids !== null && !ids.has(fw.nodes[fw.leaves[slot]!]!.id)) continue;
      rater[k * L + slot] = 1;
      group[g * L + slot] = 1;
    }
  });
  for (let g = 0; g < G; g++) for (let slot = 0; slot < L; slot++) groupsOn[slot]! += group[g * L + slot]!;
  return { rater, group, groupsOn };
}

/**
 * Raters still missing on a panel cell: those expected (assigned the leaf, not recused from the branch; `recused`:
 * branch × rater) minus those who answered. A leaf no group takes part in is missing once per branch: nobody can
 * complete it (开始评分 refuses such a panel).
 */
export function missingOn(a: Assignment, recused: Uint8Array, b: number, slot: number, raterCount: number, leafCount: number, answered: number): number {
  if (a.groupsOn[slot] === 0) return 1;
  let n = 0;
  for (let k = 0; k < raterCount; k++) if (a.rater[k * leafCount + slot] && !recused[b * raterCount + k]) n++;
  return n - answered;
}

/**
 * Each listed group's share of the leaf's value: w_g ÷ Σ w over the listed groups that have a value (null for a
 * group without one) — the weights the combination in model.ts actually used.
 */
export function shares(groups: readonly { weight: number; value: number | null }[]): (number | null)[] {
  let total = 0;
  for (const g of groups) if (g.value !== null) total += g.weight;
  return groups.map((g) => (g.value !== null && total > 0 ? g.weight / total : null));
}

/** The explanation under 分工评分: each listed group's share, and which groups take part when some group is left out. */
export function explainAssignment(cell: CellExplanation, groups: GroupCombination[], groupCount: number): void {
  const s = shares(groups);
  groups.forEach((g, i) => (g.share = s[i]!));
  if (groups.length < groupCount) cell.assignedGroupIds = groups.map((g) => g.groupId);
}
