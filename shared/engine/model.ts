/**
 * The scoring model of one period: holds the entries indexed by cell
 * (branch × leaf), computes every cell, rolls each branch up the tree, and
 * recomputes a single cell and its branch when one entry changes.
 * Office-recorded leaves (考核组核定) take the office's one value per branch instead of raters' entries.
 * Pools (扣分池) and section bonus caps (加分上限（分部）) are node options, applied in the roll-up.
 * Data-triggered vetoes and deductions (由业务数据触发) are decided by their source leaf's measurement.
 * Indicators that don't apply to a branch's category (不适用) have no value and are never missing; the branch's base
 * is rescaled to the full mark (applicable.ts).
 * Grades and ranks are assigned in grading.ts. Rules: docs/scoring-rules.md.
 */
import { JUDGMENT_METHODS, entryModeOf, type LeafMethod } from '../domain/framework';
import type { PeriodSettings } from '../domain/period';
import { indexApplicability, type BranchApplicability } from './applicable';
import { explainAssignment, indexAssignment, missingOn, type Assignment } from './assigned';
import { CellStore } from './cells';
import { normaliseFraction, panelNormalisation, type Normalisation } from './normalise';
import { combineEntries, combineValues, groupRule, type Entry, type Rule } from './combine';
import { entryPoints, poolEntryPoints, quantitativePoints } from './points';
import { NO_TRIGGER, indexTriggers, triggeredCell, type TriggerIndex } from './triggers';
import { indexFramework, type FrameworkIndex } from './tree';
import { rollUpBranch, type BranchRollup, type RollupSource } from './rollup';
import type {
  CellExplanation,
  EngineInput,
  EngineMeasurement,
  EngineOfficeRecord,
  EngineScore,
  GroupCombination,
  NodeExplanation,
  ScoreColumns,
  ScoreUse,
  VetoWorking,
} from './types';

export type { BranchRollup } from './rollup';

interface CellOutcome {
  value: number;
  missing: number;
  vetoTriggered: boolean;
  explanation?: CellExplanation;
}

export class ScoringModel {
  readonly fw: FrameworkIndex;
  readonly input: EngineInput;
  readonly settings: PeriodSettings;
  private readonly branchIndex: Map<number, number>;
  private readonly raterIndex: Map<number, number>;
  private readonly raterGroup: Int32Array;
  private readonly groupWeight: Float64Array;
  /** Per group: the rule its entries are combined by (its own, else the period's), resolved once. */
  private readonly groupRules: Rule[];
  /** branch × rater → 1 when the rater is recused from the branch. */
  private readonly recused: Uint8Array;
  private readonly recusalReason = new Map<number, string>();
  private readonly eligible: Int32Array;
  /** 分工评分 (assigned.ts): who is expected on which leaf; null when nobody has a scope. */
  readonly assignment: Assignment | null;
  /** Entries by cell (branch × leaf slot). */
  private readonly cells: CellStore;
  /** Scratch buffers for one cell: per group, the points of its entries. */
  private readonly groupBuffers: Float64Array[];
  private readonly groupCounts: Int32Array;
  private readonly measurements = new Map<number, EngineMeasurement>();
  /** Office-recorded values by cell (考核组核定); consulted only for leaves whose entry mode is 'office'. */
  private readonly office = new Map<number, EngineOfficeRecord>();
  /** Per leaf slot: 1 when its entry mode is 'office' (looked up once, not per cell). */
  private readonly officeSlot: Uint8Array;
  /** Per leaf slot, the quantitative leaf whose 完成率 triggers it (由业务数据触发), and per source what it triggers. */
  private readonly triggers: TriggerIndex;
  /** Per branch, what doesn't apply to its category (适用范围); null when everything applies to every branch. */
  private readonly applicability: (BranchApplicability | null)[] | null;
  private norm: Normalisation | null = null;
  private readonly cellValue: Float64Array;
  private readonly cellMissing: Int32Array;
  private readonly cellVeto: Uint8Array;
  readonly rollups: BranchRollup[] = [];

  constructor(input: EngineInput) {
    this.input = input;
    this.settings = input.settings;
    this.fw = indexFramework(input.indicators);
    this.applicability = indexApplicability(this.fw, input.branches);
    const B = input.branches.length;
    const R = input.raters.length;
    const L = this.fw.leaves.length;
    this.branchIndex = new Map(input.branches.map((b, i) => [b.id, i]));
    this.raterIndex = new Map(input.raters.map((r, i) => [r.id, i]));
    const groupIndex = new Map(input.groups.map((g, i) => [g.id, i]));
    this.groupWeight = Float64Array.from(input.groups, (g) => g.weight);
    this.groupRules = input.groups.map((g) => groupRule(g, input.settings));
    this.raterGroup = Int32Array.from(input.raters, (r) => groupIndex.get(r.groupId) ?? -1);

    this.recused = new Uint8Array(B * R);
    for (const r of input.recusals) {
      const b = this.branchIndex.get(r.branchId);
      const k = this.raterIndex.get(r.raterId);
      if (b === undefined || k === undefined) continue;
      this.recused[b * R + k] = 1;
      this.recusalReason.set(b * R + k, r.reason);
    }
    this.eligible = new Int32Array(B);
    for (let b = 0; b < B; b++) {
      let n = 0;
      for (let k = 0; k < R; k++) if (!this.recused[b * R + k] && this.raterGroup[k]! >= 0) n++;
      this.eligible[b] = n;
    }

    this.assignment = indexAssignment(this.fw, input, this.raterGroup);
    this.cells = this.storeEntries(input.scores);
    this.groupBuffers = input.groups.map(() => new Float64Array(Math.max(1, R)));
    this.groupCounts = new Int32Array(input.groups.length);
    for (const m of input.measurements) {
      const key = this.cellKey(m.branchId, m.indicatorId);
      if (key !== null) this.measurements.set(key, m);
    }
    this.officeSlot = Uint8Array.from(this.fw.leaves, (i) => {
      const method = this.fw.nodes[i]!.method;
      return method !== null && entryModeOf(method) === 'office' ? 1 : 0;
    });
    this.triggers = indexTriggers(this.fw);
    for (const r of input.office ?? []) {
      const key = this.cellKey(r.branchId, r.indicatorId);
      if (key !== null) this.office.set(key, r);
    }
    this.cellValue = new Float64Array(B * L);
    this.cellMissing = new Int32Array(B * L);
    this.cellVeto = new Uint8Array(B * L);
  }

  /** What rollUpBranch reads: the same arrays (filled in place), gathered once. */
  private get rollupSource(): RollupSource {
    return { fw: this.fw, settings: this.settings, cellValue: this.cellValue, cellMissing: this.cellMissing, cellVeto: this.cellVeto, applicability: this.applicability };
  }

  get branchCount(): number {
    return this.input.branches.length;
  }

  private cellKey(branchId: number, indicatorId: number): number | null {
    const b = this.branchIndex.get(branchId);
    const node = this.fw.indexOf.get(indicatorId);
    if (b === undefined || node === undefined) return null;
    const slot = this.fw.leafSlot[node]!;
    return slot < 0 ? null : b * this.fw.leaves.length + slot;
  }

  /** Indexes the entries by cell, from objects or from columns (the database loader's form). */
  private storeEntries(scores: EngineInput['scores']): CellStore {
    const cols = Array.isArray(scores) ? null : (scores as ScoreColumns);
    const list = Array.isArray(scores) ? (scores as EngineScore[]) : null;
    const n = cols ? cols.value.length : list!.length;
    const keys = new Int32Array(n);
    const raters = new Int32Array(n);
    const values = cols ? cols.value : Float64Array.from(list!, (e) => e.value);
    // Dense lookups: ids are small integers in practice; maps are the fallback.
    for (let i = 0; i < n; i++) {
      const raterId = cols ? cols.raterId[i]! : list![i]!.raterId;
      const branchId = cols ? cols.branchId[i]! : list![i]!.branchId;
      const indicatorId = cols ? cols.indicatorId[i]! : list![i]!.indicatorId;
      const key = this.cellKey(branchId, indicatorId);
      const k = this.raterIndex.get(raterId);
      keys[i] = key === null || k === undefined ? -1 : key;
      raters[i] = k ?? -1;
    }
    return new CellStore(this.input.branches.length * this.fw.leaves.length, keys, raters, values);
  }

  /** Full computation of every cell and branch. */
  computeAll(): void {
    this.norm = this.settings.normalize ? this.normalisation() : null;
    const L = this.fw.leaves.length;
    for (let b = 0; b < this.branchCount; b++) {
      for (let slot = 0; slot < L; slot++) this.storeCell(b, slot);
      this.rollups[b] = this.rollUp(b);
    }
  }

  /**
   * Changes one entry and recomputes what depends on it: the cell and its
   * branch (with normalisation on, a rater's entry moves their mean and
   * spread, so everything is recomputed).
   */
  setEntry(raterId: number, branchId: number, indicatorId: number, value: number | null): void {
    const key = this.cellKey(branchId, indicatorId);
    const k = this.raterIndex.get(raterId);
    if (key === null || k === undefined) return;
    this.cells.set(key, k, value);
    // An entry on a leaf not assigned to the rater (分工评分) counts nowhere, like one on an office leaf.
    if (!this.isAssigned(k, key % this.fw.leaves.length)) return;
    // An entry on an office-recorded leaf is kept (the mode may be switched back) but counts nowhere.
    // Nor does one on a data-triggered leaf: its source's measurement decides it.
    if (this.isOfficeSlot(key % this.fw.leaves.length) || this.isTriggeredSlot(key % this.fw.leaves.length)) return;
    if (this.settings.normalize) {
      this.computeAll();
      return;
    }
    const L = this.fw.leaves.length;
    const b = Math.floor(key / L);
    this.storeCell(b, key % L);
    this.rollups[b] = this.rollUp(b);
  }

  setMeasurement(m: EngineMeasurement): void {
    const key = this.cellKey(m.branchId, m.indicatorId);
    if (key === null) return;
    this.measurements.set(key, m);
    const L = this.fw.leaves.length;
    const b = Math.floor(key / L);
    this.storeCell(b, key % L);
    for (const slot of this.triggers.triggeredBy.get(key % L) ?? []) this.storeCell(b, slot);
    this.rollups[b] = this.rollUp(b);
  }

  /**
   * The office records, or clears (value null), the value of one office-recorded cell. Office leaves
   * take no part in normalisation, so only the cell and its branch are recomputed.
   */
  setOffice(record: EngineOfficeRecord | { branchId: number; indicatorId: number; value: null }): void {
    const key = this.cellKey(record.branchId, record.indicatorId);
    if (key === null) return;
    if (record.value === null) this.office.delete(key);
    else this.office.set(key, record);
    const L = this.fw.leaves.length;
    const b = Math.floor(key / L);
    this.storeCell(b, key % L);
    this.rollups[b] = this.rollUp(b);
  }

  /**
   * True when the leaf is a pool's deduction child (扣分池): its value is minus what its entries deduct
   * (combined like points), and the pool, not the leaf, floors at 0.
   */
  isPoolSlot(slot: number): boolean {
    const pooled = this.fw.poolSlot;
    return pooled !== null && pooled[slot] === 1;
  }

  /** True when the leaf's value is recorded by the office, so raters' entries on it never count. */
  isOfficeSlot(slot: number): boolean {
    return this.officeSlot[slot] === 1;
  }

  /** True when the leaf is assigned to rater k (分工评分; always, when nobody has a scope). */
  isAssigned(k: number, slot: number): boolean {
    return this.assignment === null || this.assignment.rater[k * this.fw.leaves.length + slot] === 1;
  }

  /** True when the node (by index) is 不适用 to the branch's category: no value, never missing, no input counts. */
  notApplicable(b: number, node: number): boolean {
    const a = this.applicability === null ? null : this.applicability[b]!;
    return a !== null && a.na[node] === 1;
  }

  /** True when business data decides the leaf (由业务数据触发), so nobody's entries on it count. */
  isTriggeredSlot(slot: number): boolean {
    return this.triggers.source[slot] !== NO_TRIGGER;
  }

  private storeCell(b: number, slot: number): void {
    const key = b * this.fw.leaves.length + slot;
    const out = this.evaluateCell(b, slot, false);
    this.cellValue[key] = out.value;
    this.cellMissing[key] = out.missing;
    this.cellVeto[key] = out.vetoTriggered ? 1 : 0;
  }

  /** Per-rater and panel mean and spread of judgment fractions (docs/scoring-rules.md §3). */
  private normalisation(): Normalisation {
    const R = this.input.raters.length;
    const L = this.fw.leaves.length;
    const assigned = this.assignment === null ? null : this.assignment.rater;
    return panelNormalisation(R, (add) => {
      for (let b = 0; b < this.branchCount; b++) {
        for (let slot = 0; slot < L; slot++) {
          const node = this.fw.nodes[this.fw.leaves[slot]!]!;
          if (!node.method || !JUDGMENT_METHODS.includes(node.method.kind) || node.maxPoints <= 0) continue;
          if (this.officeSlot[slot]) continue; // office-recorded: a fact, not a rater's judgment
          if (this.notApplicable(b, this.fw.leaves[slot]!)) continue; // 不适用: stray entries are nobody's judgment
          const method = node.method;
          this.cells.forEach(b * L + slot, (k, value) => {
            if (this.recused[b * R + k] || this.raterGroup[k]! < 0) return;
            if (assigned !== null && assigned[k * L + slot] === 0) return; // 分工评分: not this rater's leaf
            add(k, entryPoints(method, node.maxPoints, value) / node.maxPoints);
          });
        }
      }
    });
  }

  /** One cell, with or without its explanation (one function, so the two can never disagree). */
  evaluateCell(b: number, slot: number, explain: boolean): CellOutcome {
    const fw = this.fw;
    const L = fw.leaves.length;
    const R = this.input.raters.length;
    const key = b * L + slot;
    const node = fw.nodes[fw.leaves[slot]!]!;
    const method = node.method;
    const branchId = this.input.branches[b]!.id;
    const base: CellExplanation = {
      kind: 'cell',
      indicatorId: node.id,
      branchId,
      method: method?.kind ?? 'rating',
      maxPoints: node.maxPoints,
      groups: [],
      recused: [],
      value: null,
      complete: false,
    };
    if (this.notApplicable(b, fw.leaves[slot]!)) {
      // 不适用: no value, never missing; entries, office records and measurements on it are kept but never read.
      if (explain) Object.assign(base, { notApplicable: true, complete: true });
      return { value: Number.NaN, missing: 0, vetoTriggered: false, ...(explain ? { explanation: base } : {}) };
    }
    if (!method) return { value: Number.NaN, missing: 0, vetoTriggered: false, ...(explain ? { explanation: base } : {}) };

    if (method.kind === 'quantitative') {
      const m = this.measurements.get(key);
      if (!m) return { value: Number.NaN, missing: 1, vetoTriggered: false, ...(explain ? { explanation: base } : {}) };
      const q = quantitativePoints(method, node.maxPoints, m);
      const value = q.points ?? Number.NaN;
      const missing = q.points === null ? 1 : 0;
      if (explain) Object.assign(base, { quantitative: q.working, value: q.points, complete: missing === 0 });
      return { value, missing, vetoTriggered: false, ...(explain ? { explanation: base } : {}) };
    }

    if (this.isTriggeredSlot(slot)) return this.triggeredCell(b, slot, method, node.maxPoints, base, explain);
    if (this.officeSlot[slot]) return this.officeCell(key, method, node.maxPoints, this.isPoolSlot(slot), base, explain);

    const G = this.input.groups.length;
    // Explanations keep each entry; the fast path only fills the per-group buffers.
    const perGroup: Entry[][] | null = explain ? Array.from({ length: G }, () => []) : null;
    const raw = explain ? new Map<number, number>() : null;
    const counts = this.groupCounts.fill(0);
    let answered = 0;
    let flags = 0;
    const flaggedBy: number[] = [];
    const judgment = this.norm !== null && JUDGMENT_METHODS.includes(method.kind) && node.maxPoints > 0;
    const isVeto = method.kind === 'veto';
    const pooled = this.isPoolSlot(slot);
    const assigned = this.assignment === null ? null : this.assignment.rater;
    this.cells.forEach(key, (k, value) => {
      const g = this.raterGroup[k]!;
      if (this.recused[b * R + k] || g < 0) return; // a recused rater's entry never counts
      if (assigned !== null && assigned[k * L + slot] === 0) return; // nor one on a leaf not assigned to them (分工评分)
      answered++;
      if (isVeto) {
        if (value >= 1) {
          flags++;
          if (explain) flaggedBy.push(this.input.raters[k]!.id);
        }
        return;
      }
      let points = pooled ? poolEntryPoints(method, value) : entryPoints(method, node.maxPoints, value);
      if (judgment) points = normaliseFraction(this.norm!, k, points / node.maxPoints) * node.maxPoints;
      this.groupBuffers[g]![counts[g]!++] = points;
      if (perGroup) {
        const raterId = this.input.raters[k]!.id;
        perGroup[g]!.push({ raterId, value: points });
        raw!.set(raterId, value);
      }
    });
    const missing = this.assignment === null ? this.eligible[b]! - answered : missingOn(this.assignment, this.recused, b, slot, R, L, answered);

    if (method.kind === 'veto') {
      const triggered = this.settings.vetoRule === 'any' ? flags > 0 : answered > 0 && flags * 2 >= answered;
      if (explain) {
        const veto: VetoWorking = {
          rule: this.settings.vetoRule,
          flaggedBy,
          answered,
          triggered,
          capGrade: method.capGrade ?? this.settings.grades[this.settings.grades.length - 1]!.label,
        };
        Object.assign(base, { veto, value: answered > 0 ? 0 : null, complete: missing === 0 });
        base.recused = this.recusalsOf(b);
      }
      return { value: answered > 0 ? 0 : Number.NaN, missing, vetoTriggered: triggered, ...(explain ? { explanation: base } : {}) };
    }

    let weighted = 0;
    let weights = 0;
    const groups: GroupCombination[] = [];
    for (let g = 0; g < G; g++) {
      const n = counts[g]!;
      if (n > 0) {
        const value = combineValues(this.groupBuffers[g]!, n, this.groupRules[g]!);
        weighted += value * this.groupWeight[g]!;
        weights += this.groupWeight[g]!;
      }
      if (perGroup && this.takesPart(g, slot)) groups.push(this.explainGroup(b, slot, g, perGroup[g]!, combineEntries(perGroup[g]!, this.groupRules[g]!), raw!, method, node.maxPoints, judgment, pooled));
    }
    const value = weights > 0 ? weighted / weights : Number.NaN;
    if (explain) {
      Object.assign(base, { groups, value: Number.isNaN(value) ? null : value, complete: missing === 0 });
      base.recused = this.recusalsOf(b);
      if (this.assignment !== null) explainAssignment(base, groups, this.input.groups.length);
    }
    return { value, missing, vetoTriggered: false, ...(explain ? { explanation: base } : {}) };
  }

  /** Whether group g takes part in the leaf (分工评分): always, when nobody has a scope. */
  private takesPart(g: number, slot: number): boolean {
    return this.assignment === null || this.assignment.group[g * this.fw.leaves.length + slot] === 1;
  }

  /**
   * An office-recorded cell (docs/scoring-rules.md, 考核组核定): one value per branch, from the office's record;
   * raters' entries are not read. Missing is 1 while nothing is recorded, however many raters there are.
   */
  private officeCell(key: number, method: LeafMethod, max: number, pooled: boolean, base: CellExplanation, explain: boolean): CellOutcome {
    const record = this.office.get(key);
    const isVeto = method.kind === 'veto';
    // A veto cell is worth 0 points once answered, like a panel veto; it acts through the grade cap.
    const value =
      record === undefined ? Number.NaN : isVeto ? 0 : pooled ? poolEntryPoints(method, record.value) : entryPoints(method, max, record.value);
    const vetoTriggered = isVeto && record !== undefined && record.value >= 1;
    const missing = record === undefined ? 1 : 0;
    if (!explain) return { value, missing, vetoTriggered };
    base.office = record ? { value: record.value, evidence: record.evidence, evidenceDate: record.evidenceDate } : { value: null, evidence: '', evidenceDate: null };
    // A 细则 leaf's value is its findings' total: the explanation lists them (value = what they deducted or added).
    if (record?.findings) Object.assign(base.office, { findings: record.findings, reasons: record.reasons ?? [] });
    base.value = Number.isNaN(value) ? null : value;
    base.complete = missing === 0;
    return { value, missing, vetoTriggered, explanation: base };
  }

  /** A data-triggered cell (triggers.ts): its source's measurement decides it; nobody's entries are read. */
  private triggeredCell(b: number, slot: number, method: LeafMethod, max: number, base: CellExplanation, explain: boolean): CellOutcome {
    const L = this.fw.leaves.length;
    const sourceSlot = this.triggers.source[slot]!;
    const source = sourceSlot >= 0 ? this.fw.nodes[this.fw.leaves[sourceSlot]!]! : null;
    const m = sourceSlot >= 0 ? this.measurements.get(b * L + sourceSlot) : undefined;
    const lowest = this.settings.grades[this.settings.grades.length - 1]!.label;
    const out = triggeredCell(method, max, this.isPoolSlot(slot), source, m, lowest);
    if (!explain) return { value: out.value, missing: out.missing, vetoTriggered: out.vetoTriggered };
    Object.assign(base, { trigger: out.working, value: Number.isNaN(out.value) ? null : out.value, complete: out.missing === 0 });
    return { value: out.value, missing: out.missing, vetoTriggered: out.vetoTriggered, explanation: base };
  }

  private explainGroup(
    b: number,
    slot: number,
    g: number,
    entries: Entry[],
    c: ReturnType<typeof combineEntries>,
    raw: Map<number, number>,
    method: LeafMethod,
    max: number,
    judgment: boolean,
    pooled: boolean,
  ): GroupCombination {
    const group = this.input.groups[g]!;
    const R = this.input.raters.length;
    const scores: ScoreUse[] = entries.map((e) => {
      const rawValue = raw.get(e.raterId)!;
      const dropped = c?.dropped ? (c.dropped[0] === e.raterId ? 'lowest' : c.dropped[1] === e.raterId ? 'highest' : null) : null;
      return {
        raterId: e.raterId,
        raw: rawValue,
        points: pooled ? poolEntryPoints(method, rawValue) : entryPoints(method, max, rawValue),
        normalized: judgment ? e.value : null,
        used: dropped === null,
        dropped,
      };
    });
    const answered = new Set(entries.map((e) => e.raterId));
    const missingRaterIds = this.input.raters
      .filter((r, k) => this.raterGroup[k] === g && !this.recused[b * R + k] && this.isAssigned(k, slot) && !answered.has(r.id))
      .map((r) => r.id);
    return {
      groupId: group.id,
      weight: group.weight,
      rule: this.groupRules[g]!.combine,
      trimmed: c?.trimmed ?? false,
      scores,
      value: c?.value ?? null,
      missingRaterIds,
    };
  }

  private recusalsOf(b: number): { raterId: number; reason: string }[] {
    const R = this.input.raters.length;
    const out: { raterId: number; reason: string }[] = [];
    for (let k = 0; k < R; k++) {
      if (this.recused[b * R + k]) out.push({ raterId: this.input.raters[k]!.id, reason: this.recusalReason.get(b * R + k) ?? '' });
    }
    return out;
  }

  /** Rolls one branch up the tree (docs/scoring-rules.md §5): rollup.ts, on this model's cells. */
  private rollUp(b: number): BranchRollup {
    return rollUpBranch(this.rollupSource, b);
  }

  explainCells(b: number): { cells: CellExplanation[]; nodes: NodeExplanation[] } {
    const fw = this.fw;
    const rollup = this.rollups[b]!;
    const branchId = this.input.branches[b]!.id;
    const cells = fw.leaves.map((_, slot) => this.evaluateCell(b, slot, true).explanation!);
    const value = (i: number) => (Number.isNaN(rollup.points[i]!) ? null : rollup.points[i]!);
    const nodes: NodeExplanation[] = [];
    for (const i of fw.postOrder) {
      if (fw.leafSlot[i]! >= 0) continue;
      const node = fw.nodes[i]!;
      const explanation: NodeExplanation = {
        kind: 'node',
        indicatorId: node.id,
        branchId,
        maxPoints: node.maxPoints,
        childrenSum: Number.isNaN(rollup.childrenSum[i]!) ? null : rollup.childrenSum[i]!,
        points: value(i),
        capped: rollup.capped[i] === 1,
        bonus: fw.bonus[i] === 1,
        complete: rollup.complete[i] === 1,
        children: fw.children[i]!.map((c) => ({ indicatorId: fw.nodes[c]!.id, points: value(c), bonus: fw.bonus[c] === 1 })),
      };
      if (rollup.na !== null && rollup.na[i]) explanation.notApplicable = true;
      if (fw.pool !== null && fw.pool[i] && !Number.isNaN(rollup.childrenSum[i]!)) {
        const deducted = -rollup.childrenSum[i]!;
        explanation.pool = { deducted, floored: deducted > node.maxPoints + 1e-9 };
      }
      const cap = fw.bonusCap === null ? Number.NaN : fw.bonusCap[i]!;
      if (!Number.isNaN(cap)) {
        let raw = 0;
        for (const c of fw.children[i]!) raw += rollup.bonusBelow![c]!;
        explanation.bonusCap = { raw, cap, capped: raw > cap };
      }
      nodes.push(explanation);
    }
    return { cells, nodes };
  }

  /** The points of every eligible (and, under 分工评分, assigned) rater's entry in one cell (raw, before normalisation). */
  cellEntries(b: number, slot: number): { raterIndex: number; points: number }[] {
    const L = this.fw.leaves.length;
    const R = this.input.raters.length;
    const node = this.fw.nodes[this.fw.leaves[slot]!]!;
    const out: { raterIndex: number; points: number }[] = [];
    if (!node.method || this.officeSlot[slot] || this.isTriggeredSlot(slot)) return out; // the office's value, or the data's, is nobody's entry
    if (this.notApplicable(b, this.fw.leaves[slot]!)) return out;
    const method = node.method;
    const pooled = this.isPoolSlot(slot);
    this.cells.forEach(b * L + slot, (k, value) => {
      if (this.recused[b * R + k] || this.raterGroup[k]! < 0 || !this.isAssigned(k, slot)) return;
      out.push({ raterIndex: k, points: pooled ? poolEntryPoints(method, value) : entryPoints(method, node.maxPoints, value) });
    });
    return out;
  }

  isRecused(b: number, raterIndex: number): boolean {
    return this.recused[b * this.input.raters.length + raterIndex] === 1;
  }

  indexOfBranch(branchId: number): number | undefined {
    return this.branchIndex.get(branchId);
  }
}
