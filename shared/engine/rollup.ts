/**
 * Rolling one branch up the tree (docs/scoring-rules.md §5): leaf values to sections (pools, section bonus caps,
 * 不适用 and 折算), the base, bonus, tags and deductions — from the cell values the scoring model keeps.
 */
import { isDeductMethod, type Tag } from '../domain/framework';
import type { PeriodSettings } from '../domain/period';
import { rescale, type BranchApplicability } from './applicable';
import type { FrameworkIndex } from './tree';

/** One branch rolled up: unrounded figures, before grades and ranks. */
export interface BranchRollup {
  branchIndex: number;
  /** Per node index; NaN where nothing below was scored. */
  points: Float64Array;
  complete: Uint8Array;
  capped: Uint8Array;
  childrenSum: Float64Array;
  base: number;
  bonusRaw: number;
  /** Bonus after section caps (= bonusRaw when no node has one), before the period's cap. */
  bonusSections: number;
  /** Per node: bonus points within its subtree after section caps; null when no node has a section cap. */
  bonusBelow: Float64Array | null;
  bonus: number;
  tags: Record<Tag, number>;
  /** The tag maxima the branch's rates are taken against: the framework's, less what doesn't apply to it. */
  tagMax: Record<Tag, number>;
  deducted: number;
  vetoSlots: number[];
  missing: number;
  /** Per node: 1 when 不适用 to this branch; null when everything applies. */
  na: Uint8Array | null;
  /** 折算: base = rawBase × factor; null when everything that counts applies. */
  rescaled: { applicableMax: number; rawBase: number; factor: number } | null;
}

/** What a roll-up reads of the scoring model: its framework, settings and per-cell arrays (branch × leaf slot). */
export interface RollupSource {
  fw: FrameworkIndex;
  settings: PeriodSettings;
  cellValue: Float64Array;
  cellMissing: Int32Array;
  cellVeto: Uint8Array;
  applicability: (BranchApplicability | null)[] | null;
}

/** Rolls branch `b` up the tree. */
export function rollUpBranch(src: RollupSource, b: number): BranchRollup {
  const fw = src.fw;
  const N = fw.nodes.length;
  const L = fw.leaves.length;
  const points = new Float64Array(N).fill(Number.NaN);
  const complete = new Uint8Array(N);
  const capped = new Uint8Array(N);
  const childrenSum = new Float64Array(N).fill(Number.NaN);
  const tags: Record<Tag, number> = { party: 0, business: 0, fusion: 0 };
  let bonusRaw = 0;
  let deducted = 0;
  let missing = 0;
  const vetoSlots: number[] = [];
  // Node options (docs/scoring-rules.md 扣分池, 加分上限（分部）): all null for a framework without them.
  const { pool, poolSlot, bonusCap } = fw;
  const bonusBelow = bonusCap === null ? null : new Float64Array(N);
  const applies = src.applicability === null ? null : src.applicability[b]!;
  const na = applies === null ? null : applies.na;
  for (const i of fw.postOrder) {
    const node = fw.nodes[i]!;
    const slot = fw.leafSlot[i]!;
    if (na !== null && na[i]) {
      complete[i] = 1; // 不适用 is never missing; its points stay NaN, so nothing above counts it
      continue;
    }
    if (slot >= 0) {
      const key = b * L + slot;
      const v = src.cellValue[key]!;
      points[i] = v;
      complete[i] = src.cellMissing[key] === 0 && (!Number.isNaN(v) || node.method?.kind === 'veto') ? 1 : 0;
      missing += src.cellMissing[key]!;
      if (src.cellVeto[key]) vetoSlots.push(slot);
      if (!Number.isNaN(v)) {
        if (fw.bonus[i]) {
          bonusRaw += v;
          if (bonusBelow !== null) bonusBelow[i] = v;
        } else if (poolSlot !== null && poolSlot[slot]) {
          // A pool's child: no points of its own; the pool counts for the tag and the deductions.
        } else {
          tags[node.tag] += v;
          if (isDeductMethod(node.method)) deducted += node.maxPoints - v;
        }
      }
      continue;
    }
    let sum = 0;
    let any = false;
    let allComplete = true;
    for (const c of fw.children[i]!) {
      if (!complete[c]) allComplete = false;
      if (fw.bonus[c] && !fw.bonus[i]) continue; // bonus counts outside the base
      const v = points[c]!;
      if (!Number.isNaN(v)) {
        sum += v;
        any = true;
      }
    }
    complete[i] = allComplete ? 1 : 0;
    let sectionCap = Number.NaN;
    if (bonusBelow !== null) {
      // Bottom-up: a nested section's cap is already in its own bonusBelow.
      let below = 0;
      for (const c of fw.children[i]!) below += bonusBelow[c]!;
      sectionCap = bonusCap![i]!;
      bonusBelow[i] = below > sectionCap ? sectionCap : below;
    }
    // A pool whose children all don't apply: nothing deducts from it, it keeps its points.
    if (!any && applies?.fullPool?.[i]) any = true;
    if (!any) continue;
    childrenSum[i] = sum;
    if (pool !== null && pool[i]) {
      // 扣完为止: the children's values are minus their deductions; the pool floors at 0.
      const left = Math.min(node.maxPoints, Math.max(0, node.maxPoints + sum));
      points[i] = left;
      if (!fw.bonus[i]) {
        tags[node.tag] += left;
        deducted += node.maxPoints - left; // as applied: what the pool actually lost
      }
      continue;
    }
    // Cut to the node's max, or to what of it applies to the branch (applicable.ts).
    const max = applies === null ? node.maxPoints : applies.nodeMax[i]!;
    capped[i] = sum > max + 1e-9 ? 1 : 0;
    const p = Math.min(max, Math.max(0, sum));
    // An all-bonus section shows its bonus after its own cap.
    points[i] = fw.bonus[i] && p > sectionCap ? sectionCap : p;
  }
  let rawBase = 0;
  for (const r of fw.roots) if (!fw.bonus[r] && !Number.isNaN(points[r]!)) rawBase += points[r]!;
  const { base, rescaled } = applies === null ? { base: rawBase, rescaled: null } : rescale(fw.baseMax, rawBase, applies);
  let bonusSections = bonusRaw;
  if (bonusBelow !== null) {
    bonusSections = 0;
    for (const r of fw.roots) bonusSections += bonusBelow[r]!;
  }
  const cap = src.settings.bonusCap;
  const bonus = cap === null ? bonusSections : Math.min(cap, bonusSections);
  const tagMax = applies === null ? fw.tagMax : applies.tagMax;
  for (const t of Object.keys(tags) as Tag[]) tags[t] = Math.min(tags[t], tagMax[t]);
  return { branchIndex: b, points, complete, capped, childrenSum, base, bonusRaw, bonusSections, bonusBelow, bonus, tags, tagMax, deducted, vetoSlots, missing, na, rescaled };
}

/** Every cell and node of one branch, explained. */
