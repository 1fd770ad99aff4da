/**
 * What the review documents (考核结果通报, 支部考核反馈单) are written from,
 * loaded once per document or per batch: the period, the engine's results,
 * the framework as a tree, the panel's average rate on every node, and — from
 * the score table, since the engine's explanations do not carry them — the
 * reasons raters recorded for deductions and vetoes and the items of bonuses,
 * each with how many raters recorded it.
 */
import type { Indicator, LeafMethod, Tag } from '../../shared/domain/framework';
import { bonusNodes, childrenOf } from '../../shared/domain/framework-validate';
import type { PeriodSettings } from '../../shared/domain/period';
import type { Period } from '../../shared/domain/views';
import type { BranchResult, EngineResult } from '../../shared/engine';
import type { Database } from '../db';
import { AppError } from '../services/errors';
import { getIndicators } from '../services/frameworks';
import { getPanel } from '../services/panel';
import { getPeriod } from '../services/periods';
import type { ResultsCache } from '../services/results';

/** One reason (or bonus item) recorded on a leaf for a branch, and by how many raters. */
export interface RecordedReason {
  text: string;
  raters: number;
}

/** What the raters recorded on one deduction, bonus or veto leaf of one branch. */
export interface LeafRecord {
  /** Raters who recorded at least one occurrence / item / a veto. */
  flaggedBy: number;
  /** Distinct reasons, most raters first. */
  reasons: RecordedReason[];
}

export interface BranchInfo {
  id: number;
  code: string;
  name: string;
  secretary: string;
  unit: string;
}

export interface ReviewData {
  period: Period;
  settings: PeriodSettings;
  result: EngineResult;
  indicators: Indicator[];
  byId: Map<number, Indicator>;
  children: Map<number | null, Indicator[]>;
  /** Every leaf in tree order. */
  leaves: Indicator[];
  bonus: Set<number>;
  /** First-level dimensions that score points (not bonus, not veto): the radar's axes. */
  dimensions: Indicator[];
  /** First-level bonus nodes (加分项). */
  bonusRoots: Indicator[];
  branches: Map<number, BranchInfo>;
  /** Results by branch id. */
  resultOf: Map<number, BranchResult>;
  raterCount: number;
  /** Mean rate (points / max) over the branches that have points on the node; null when none has. */
  averageRate: Map<number, number | null>;
  /** Mean rate of each tag subtotal. */
  averageTagRate: Record<Tag, number | null>;
  averageTotal: number;
  /** branch id → leaf id → what raters recorded there (deduction, bonus and veto leaves only). */
  records: Map<number, Map<number, LeafRecord>>;
  /** `${branchId}:${indicatorId}` → business data of quantitative leaves. */
  measurements: Map<string, { target: number; actual: number | null }>;
  /** Branches that entered a self-assessment. */
  selfAssessed: Set<number>;
}

export const TAGS_IN_ORDER: Tag[] = ['party', 'business', 'fusion'];
export const TAG_LABELS: Record<Tag, string> = { party: '党建', business: '业务', fusion: '融合' };

const RECORDED_KINDS = new Set<LeafMethod['kind']>(['deduction', 'bonus', 'veto']);

/**
 * Loads everything the documents need for a period (whose results the caller
 * has checked may be seen). `branchIds` narrows the reasons read from the
 * score table to those branches (one feedback sheet); averages always cover
 * every branch.
 */
export function loadReviewData(db: Database, cache: ResultsCache, periodId: number, o: { branchIds?: number[] } = {}): ReviewData {
  const period = getPeriod(db, periodId);
  const result = cache.engine(db, periodId).result;
  const indicators = getIndicators(db, period.frameworkId);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const children = childrenOf(indicators);
  const bonus = bonusNodes(indicators);
  const leaves: Indicator[] = [];
  const walk = (parent: number | null) => {
    for (const n of children.get(parent) ?? []) {
      if (n.method) leaves.push(n);
      else walk(n.id);
    }
  };
  walk(null);
  const leavesUnder = (node: Indicator): Indicator[] => (node.method ? [node] : (children.get(node.id) ?? []).flatMap(leavesUnder));
  const roots = children.get(null) ?? [];
  const dimensions = roots.filter((r) => !bonus.has(r.id) && r.maxPoints > 0 && !leavesUnder(r).every((l) => l.method?.kind === 'veto'));
  const bonusRoots = roots.filter((r) => bonus.has(r.id));

  const branches = new Map(
    db
      .prepare<[], BranchInfo>('SELECT id, code, name, secretary, unit FROM branch')
      .all()
      .filter((b) => result.branches.some((r) => r.branchId === b.id))
      .map((b) => [b.id, b]),
  );
  const resultOf = new Map(result.branches.map((b) => [b.branchId, b]));

  // Panel averages: per node, over the branches with points there.
  const sums = new Map<number, { sum: number; n: number }>();
  for (const b of result.branches) {
    for (const ind of indicators) {
      const v = b.nodes[ind.id]?.points;
      if (v === null || v === undefined || ind.maxPoints <= 0) continue;
      const s = sums.get(ind.id) ?? { sum: 0, n: 0 };
      s.sum += v / ind.maxPoints;
      s.n++;
      sums.set(ind.id, s);
    }
  }
  const averageRate = new Map(indicators.map((i) => {
    const s = sums.get(i.id);
    return [i.id, s && s.n ? s.sum / s.n : null] as const;
  }));
  const tagMean = (tag: Tag) => {
    const rates = result.branches.map((b) => b.tags[tag].rate).filter((r): r is number => r !== null);
    return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  };
  const averageTagRate = { party: tagMean('party'), business: tagMean('business'), fusion: tagMean('fusion') };
  const averageTotal = result.branches.length ? result.branches.reduce((s, b) => s + b.total, 0) / result.branches.length : 0;

  // Reasons, items and veto flags from the score table: only the leaves that record them, only entries that say something.
  const recordedLeaves = leaves.filter((l) => l.method && RECORDED_KINDS.has(l.method.kind)).map((l) => l.id);
  const records = new Map<number, Map<number, LeafRecord>>();
  if (recordedLeaves.length) {
    const only = o.branchIds ? new Set(o.branchIds) : null;
    const rows = db
      .prepare<[number], { rater_id: number; branch_id: number; indicator_id: number; value: number; detail_json: string | null }>(
        `SELECT rater_id, branch_id, indicator_id, value, detail_json FROM score
          WHERE period_id = ? AND indicator_id IN (${recordedLeaves.join(',')})
            AND (value > 0 OR (detail_json IS NOT NULL AND detail_json <> '[]'))`,
      )
      .all(periodId);
    const tally = new Map<string, { flaggedBy: number; reasons: Map<string, number> }>();
    for (const r of rows) {
      if (only && !only.has(r.branch_id)) continue;
      const key = `${r.branch_id}:${r.indicator_id}`;
      let t = tally.get(key);
      if (!t) tally.set(key, (t = { flaggedBy: 0, reasons: new Map() }));
      if (r.value > 0) t.flaggedBy++;
      const detail = r.detail_json ? (JSON.parse(r.detail_json) as string[]) : [];
      for (const text of new Set(detail.map((d) => d.trim()).filter(Boolean))) t.reasons.set(text, (t.reasons.get(text) ?? 0) + 1);
    }
    for (const [key, t] of tally) {
      const [branchId, leafId] = key.split(':').map(Number) as [number, number];
      let perBranch = records.get(branchId);
      if (!perBranch) records.set(branchId, (perBranch = new Map()));
      // Most raters first; equal counts keep the order they were first met (the score table's).
      const reasons = [...t.reasons].map(([text, raters], order) => ({ text, raters, order })).sort((a, b) => b.raters - a.raters || a.order - b.order);
      perBranch.set(leafId, { flaggedBy: t.flaggedBy, reasons: reasons.map(({ text, raters }) => ({ text, raters })) });
    }
  }

  const measurements = new Map(
    db
      .prepare<[number], { branch_id: number; indicator_id: number; target: number; actual: number | null }>(
        'SELECT branch_id, indicator_id, target, actual FROM measurement WHERE period_id = ?',
      )
      .all(periodId)
      .map((m) => [`${m.branch_id}:${m.indicator_id}`, { target: m.target, actual: m.actual }]),
  );
  const selfAssessed = new Set(
    db.prepare<[number], { branch_id: number }>('SELECT DISTINCT branch_id FROM self_assessment WHERE period_id = ?').all(periodId).map((r) => r.branch_id),
  );

  return {
    period,
    settings: period.settings,
    result,
    indicators,
    byId,
    children,
    leaves,
    bonus,
    dimensions,
    bonusRoots,
    branches,
    resultOf,
    raterCount: getPanel(db, periodId).raters.length,
    averageRate,
    averageTagRate,
    averageTotal,
    records,
    measurements,
    selfAssessed,
  };
}

export function branchOf(data: ReviewData, branchId: number): { info: BranchInfo; result: BranchResult } {
  const info = data.branches.get(branchId);
  const result = data.resultOf.get(branchId);
  if (!info || !result) throw new AppError('not_found', '这个党支部不在本周期的考核范围内');
  return { info, result };
}

// ---------------------------------------------------------------- numbers as printed

/** Points as the results screen prints them: 2 decimals. */
export const points = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
/** A max or a step: no trailing zeros (13, 1.5). */
export const plain = (x: number): string => String(Math.round(x * 100) / 100);
/** A rate as a percentage with one decimal: 0.8625 → "86.3%". */
export const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** A node's rate for a branch (points / max), null when not scored or worth nothing. */
export function rateOf(data: ReviewData, branch: BranchResult, node: Indicator): number | null {
  const p = branch.nodes[node.id]?.points;
  return p === null || p === undefined || node.maxPoints <= 0 ? null : p / node.maxPoints;
}

/** "未按期召开（3位评委）；记录不完整（1位评委）" */
export const reasonsText = (reasons: RecordedReason[], sep = '；'): string => reasons.map((r) => `${r.text}（${r.raters}位评委）`).join(sep);

/** The grade a total reaches by the thresholds alone, before vetoes and quotas. */
export function thresholdGrade(settings: PeriodSettings, total: number): string {
  const grades = settings.grades;
  for (let g = 0; g < grades.length - 1; g++) if (total >= grades[g]!.min) return grades[g]!.label;
  return grades[grades.length - 1]!.label;
}

/** Sentences saying how a branch's grade came about (threshold, veto cap, quota). */
export function gradeStory(data: ReviewData, branch: BranchResult): string {
  const byThreshold = thresholdGrade(data.settings, branch.total);
  const parts: string[] = [];
  if (branch.vetoed) {
    const items = branch.vetoIndicatorIds.map((id) => `“${data.byId.get(id)?.name ?? id}”`).join('、');
    parts.push(`因触发一票否决事项${items}，考核等次定为${branch.grade}${byThreshold !== branch.grade ? `（按分数应为${byThreshold}）` : ''}，排在未被否决的党支部之后`);
  } else {
    const quota = data.result.quotas.find((q) => q.movedBranchIds.includes(branch.branchId));
    if (quota) {
      parts.push(`按分数应为${quota.label}，因${quota.label}名额限制（不超过参评党支部的 ${plain(quota.maxShare * 100)}%，即 ${quota.allowed} 个）调整为${branch.grade}`);
    }
  }
  return parts.join('；');
}

/** Chinese numbers for headings ("一、") are in ./style.ts; this counts items in a sentence: 1 → "1个". */
export const count = (n: number, unit = '个') => `${n}${unit}`;
