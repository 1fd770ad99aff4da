/**
 * A branch's history: its total, grade and rank in every period whose results
 * may be seen (评审中 or 已定稿 — never while raters are still scoring, see
 * assertResultsVisible), each computed by the engine like the results screen.
 */
import type { TrendPoint } from '../../shared/api';
import type { Database } from '../db';
import { getBranch } from './branches';
import type { ResultsCache } from './results';

export function branchTrend(db: Database, cache: ResultsCache, branchId: number): TrendPoint[] {
  getBranch(db, branchId); // not_found, in the user's words, for an unknown branch
  const periods = db
    .prepare<[number], { id: number; name: string; year: number }>(
      `SELECT p.id, p.name, p.year
         FROM period p JOIN period_branch pb ON pb.period_id = p.id
        WHERE pb.branch_id = ? AND p.status NOT IN ('draft', 'scoring')
        ORDER BY p.year, p.created_at, p.id`,
    )
    .all(branchId);
  const points: TrendPoint[] = [];
  for (const p of periods) {
    const result = cache.engine(db, p.id).result;
    const b = result.branches.find((x) => x.branchId === branchId);
    if (!b) continue;
    points.push({
      periodId: p.id,
      name: p.name,
      year: p.year,
      total: b.total,
      grade: b.grade,
      rank: b.rank,
      of: result.branches.length,
      vetoed: b.vetoed,
      baseMax: result.baseMax,
    });
  }
  return points;
}
