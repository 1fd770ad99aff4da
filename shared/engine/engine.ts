/**
 * The engine's public face. `new Engine(input)` computes a period;
 * `setEntry` / `setMeasurement` / `setOffice` change one figure and return the updated
 * results (only the touched cell and branch are recomputed, then grades and
 * ranks); `explainBranch` answers "where does this number come from?".
 */
import { grade, roundedRescale, type Graded } from './grading';
import { ScoringModel, type BranchRollup } from './model';
import { panelStatistics, type PanelStatistics } from './panel';
import { roundPoints } from './round';
import type { BranchExplanation, EngineInput, EngineMeasurement, EngineOfficeRecord, EngineResult, NodeValue } from './types';

export class Engine {
  private readonly model: ScoringModel;
  private graded: Graded;
  private readonly nodeCache = new WeakMap<BranchRollup, Record<number, NodeValue>>();

  constructor(input: EngineInput) {
    this.model = new ScoringModel(input);
    this.model.computeAll();
    this.graded = this.regrade();
  }

  get result(): EngineResult {
    return this.graded.result;
  }

  private regrade(): Graded {
    return grade(this.model, this.nodeCache as unknown as Map<BranchRollup, Record<number, NodeValue>>);
  }

  /** One rater's entry changed (null: removed). */
  setEntry(raterId: number, branchId: number, indicatorId: number, value: number | null): EngineResult {
    this.model.setEntry(raterId, branchId, indicatorId, value);
    this.graded = this.regrade();
    return this.graded.result;
  }

  setMeasurement(m: EngineMeasurement): EngineResult {
    this.model.setMeasurement(m);
    this.graded = this.regrade();
    return this.graded.result;
  }

  /** The office recorded (or, with value null, cleared) one value of an office-recorded leaf (考核组核定). */
  setOffice(record: EngineOfficeRecord | { branchId: number; indicatorId: number; value: null }): EngineResult {
    this.model.setOffice(record);
    this.graded = this.regrade();
    return this.graded.result;
  }

  panel(options: { disputed?: number } = {}): PanelStatistics {
    return panelStatistics(this.model, options);
  }

  explainBranch(branchId: number): BranchExplanation | null {
    const b = this.model.indexOfBranch(branchId);
    if (b === undefined) return null;
    const rollup = this.model.rollups[b]!;
    const row = this.graded.result.branches.find((r) => r.branchId === branchId)!;
    const { cells, nodes } = this.model.explainCells(b);
    return {
      branchId,
      cells,
      nodes,
      totals: {
        base: row.base,
        bonusRaw: roundPoints(rollup.bonusRaw),
        ...(this.model.fw.bonusCap !== null ? { bonusSections: roundPoints(rollup.bonusSections) } : {}),
        bonusCap: this.model.settings.bonusCap,
        bonus: row.bonus,
        total: row.total,
        ...(rollup.rescaled ? { rescaled: { baseMax: roundPoints(this.model.fw.baseMax), ...roundedRescale(rollup.rescaled) } } : {}),
      },
      grade: this.graded.gradeSteps.get(branchId)!,
      rank: {
        rank: row.rank,
        keys: { total: row.total, business: row.tags.business.points, party: row.tags.party.points, deducted: row.deducted },
        vetoed: row.vetoed,
      },
    };
  }
}

export const computeResults = (input: EngineInput): EngineResult => new Engine(input).result;
