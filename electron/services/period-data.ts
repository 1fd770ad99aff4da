/**
 * What the period workbooks (business data, self-assessment, scores, audit)
 * share: the period's branches and leaves in the order people read them,
 * and local timestamps as an office worker writes them.
 */
import type { Leaf } from '../../shared/domain/rater-leaves';
import type { Database } from '../db';

export interface PeriodBranch {
  id: number;
  code: string;
  name: string;
}

export type { Leaf };

/** The period's branches, by code. */
export function periodBranches(db: Database, periodId: number): PeriodBranch[] {
  return db
    .prepare<[number], PeriodBranch>(
      'SELECT b.id, b.code, b.name FROM period_branch pb JOIN branch b ON b.id = pb.branch_id WHERE pb.period_id = ? ORDER BY b.code',
    )
    .all(periodId);
}

/** Every branch by code (upper case), for reading codes typed in a workbook. */
export function branchesByCode(db: Database): Map<string, PeriodBranch> {
  return new Map(
    db.prepare<[], PeriodBranch>('SELECT id, code, name FROM branch').all().map((b) => [b.code.toUpperCase(), b]),
  );
}

// The leaves a rater enters and their order: one rule for the grid, the workbooks and the paper sheet.
export { isRaterScored, leavesInOrder, normaliseCode } from '../../shared/domain/rater-leaves';

/** An ISO timestamp as local time, “2026-11-21 14:03:05”. */
export function localTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Consecutive cells of one row or column that share a validation, as ranges
 * (`E5:H5`), so each is written once with addRangeValidation — never cell by
 * cell (see xlsx.ts on exceljs #2820).
 */
export function runsOf<K>(cells: readonly { index: number; key: K | null }[]): { from: number; to: number; key: K }[] {
  const runs: { from: number; to: number; key: K }[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (c.key === null) continue;
    if (last && last.to === c.index - 1 && last.key === c.key) last.to = c.index;
    else runs.push({ from: c.index, to: c.index, key: c.key });
  }
  return runs;
}
