/**
 * Results of a period: the engine fed from the database. The main process
 * is the engine's authority; it keeps one computed engine per period and
 * drops it whenever the period's data changes.
 */
import { Engine, type BranchExplanation, type EngineInput, type PanelStatistics, type ScoreColumns } from '../../shared/engine';
import type { PeriodResults } from '../../shared/domain/views';
import { dataVersion, type Database } from '../db';
import { resultsFingerprint } from './fingerprint';
import { officeEngineRecords } from './office';
import { loadPeriodScope, panelEngineInput } from './period-scope';

/**
 * All entries of a period as columns. SQLite concatenates each rater's
 * entries for a branch into one string (in primary-key order, so without a
 * sort), which is several times faster than one JS row per entry; %.17g
 * keeps every value's exact binary value.
 */
function loadEntries(db: Database, periodId: number): ScoreColumns {
  const rows = db
    .prepare<[number], [number, number, number, string]>(
      `SELECT rater_id, branch_id, count(*), group_concat(indicator_id || ' ' || printf('%.17g', value), ' ')
         FROM score WHERE period_id = ? GROUP BY rater_id, branch_id`,
    )
    .raw(true)
    .all(periodId);
  let total = 0;
  for (const r of rows) total += r[2];
  const cols: ScoreColumns = {
    raterId: new Int32Array(total),
    branchId: new Int32Array(total),
    indicatorId: new Int32Array(total),
    value: new Float64Array(total),
  };
  let i = 0;
  for (const [raterId, branchId, , packed] of rows) {
    const parts = packed.split(' ');
    for (let p = 0; p < parts.length; p += 2, i++) {
      cols.raterId[i] = raterId;
      cols.branchId[i] = branchId;
      cols.indicatorId[i] = Number(parts[p]);
      cols.value[i] = Number(parts[p + 1]);
    }
  }
  return cols;
}

export function buildEngineInput(db: Database, periodId: number): EngineInput {
  const scope = loadPeriodScope(db, periodId);
  const measurements = db
    .prepare<[number], { branch_id: number; indicator_id: number; target: number; actual: number | null; floor: number | null }>(
      'SELECT branch_id, indicator_id, target, actual, floor FROM measurement WHERE period_id = ?',
    )
    .all(periodId)
    .map((m) => ({ branchId: m.branch_id, indicatorId: m.indicator_id, target: m.target, actual: m.actual, floor: m.floor }));
  // 考核组核定: the office's one value per branch on office-recorded leaves (absent = none).
  const office = officeEngineRecords(db, scope);
  return { ...panelEngineInput(scope, loadEntries(db, periodId), measurements), ...(office.length ? { office } : {}) };
}

/**
 * One computed engine per period, dropped whenever the period's data changes:
 * by this process (the handlers declare what they make stale) or by another
 * one — the CLI, a second window, a restore. SQLite's `data_version` changes
 * exactly when another connection has committed to the file, so it is read
 * before every cached answer and any foreign write drops every engine.
 */
export class ResultsCache {
  private readonly engines = new Map<number, { engine: Engine; fingerprint: string }>();
  private seenVersion: number | null = null;

  private computed(db: Database, periodId: number) {
    const version = dataVersion(db);
    if (version !== this.seenVersion) {
      this.engines.clear();
      this.seenVersion = version;
    }
    let computed = this.engines.get(periodId);
    if (!computed) {
      const input = buildEngineInput(db, periodId);
      computed = { engine: new Engine(input), fingerprint: resultsFingerprint(input) };
      this.engines.set(periodId, computed);
    }
    return computed;
  }

  engine(db: Database, periodId: number): Engine {
    return this.computed(db, periodId).engine;
  }

  /** The fingerprint of what the period's current results are computed from (fingerprint.ts). */
  fingerprint(db: Database, periodId: number): string {
    return this.computed(db, periodId).fingerprint;
  }

  invalidate(periodId?: number): void {
    if (periodId === undefined) this.engines.clear();
    else this.engines.delete(periodId);
  }
}


export function periodResults(db: Database, cache: ResultsCache, periodId: number): PeriodResults {
  const engine = cache.engine(db, periodId);
  const scope = loadPeriodScope(db, periodId);
  return {
    period: scope.period,
    result: engine.result,
    fingerprint: cache.fingerprint(db, periodId),
    indicators: scope.indicators,
    raters: scope.raters.map((r) => ({ id: r.id, name: r.name, groupId: r.groupId })),
    groups: scope.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight })),
  };
}

export function explainBranch(db: Database, cache: ResultsCache, periodId: number, branchId: number): BranchExplanation | null {
  return cache.engine(db, periodId).explainBranch(branchId);
}

export function panelStatistics(db: Database, cache: ResultsCache, periodId: number): PanelStatistics {
  return cache.engine(db, periodId).panel();
}
