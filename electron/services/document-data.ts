/**
 * What the documents are written from, loaded here so that electron/reports/
 * only renders: the review documents' data (the period, the engine's
 * results, the framework as a tree, the panel's average rate on every node,
 * and — from the score table, since the engine's explanations do not carry
 * them — the reasons raters recorded for deductions and vetoes and the items
 * of bonuses, each with how many raters recorded it; what is still missing
 * and the gated steps taken anyway), and the score sheets'.
 */
import { findingInWords, parseFindings } from '../../shared/domain/findings';
import { dataTriggerOf, entryModeOf, type Indicator, type LeafMethod } from '../../shared/domain/framework';
import type { TriggerWorking } from '../../shared/engine';
import type { Database } from '../db';
import { reviewData } from '../reports/review-data';
import type { Completeness, LeafRecord, MissingCounts, ReviewData, ScoreSheetEntry } from '../reports/view-models';
import { AppError } from '../errors';
import { t } from '../../shared/messages';
import { loadPeriodScope } from './period-scope';
import type { BranchScoreSheetInput, RaterScoreSheetInput } from '../reports/score-sheet';
import { listOverrides, periodReadiness } from './readiness';
import type { ResultsCache } from './results';

// 细则 leaves are always office-recorded: their findings come from office_record only.
const RECORDED_KINDS = new Set<LeafMethod['kind']>(['deduction', 'bonus', 'veto', 'rules']);

/**
 * Loads everything the documents need for a period (whose results the caller
 * has checked may be seen). `branchIds` narrows the reasons read from the
 * score table to those branches (one feedback sheet); averages always cover
 * every branch.
 */
/**
 * The office's findings on its recorded deduction, bonus, veto and 细则 leaves, with what each rests on (依据). A 细则
 * leaf's findings are quoted in words, each naming its rule: “①未按时召开支委会，扣1分：7月未召开支委会”.
 */
function addOfficeRecords(db: Database, periodId: number, leaves: readonly Indicator[], records: Map<number, Map<number, LeafRecord>>, only: Set<number> | null): void {
  const officeLeaves = new Map(leaves.filter((l) => l.method && RECORDED_KINDS.has(l.method.kind) && entryModeOf(l.method) === 'office').map((l) => [l.id, l.method!]));
  if (!officeLeaves.size) return;
  const rows = db
    .prepare<[number], { branch_id: number; indicator_id: number; value: number; detail_json: string | null; findings_json: string | null; evidence: string; evidence_date: string | null }>(
      'SELECT branch_id, indicator_id, value, detail_json, findings_json, evidence, evidence_date FROM office_record WHERE period_id = ?',
    )
    .all(periodId);
  for (const r of rows) {
    const method = officeLeaves.get(r.indicator_id);
    if (!method || (only && !only.has(r.branch_id))) continue;
    const detail = r.detail_json ? (JSON.parse(r.detail_json) as string[]) : [];
    const office = { evidence: r.evidence, evidenceDate: r.evidence_date };
    const texts = method.kind === 'rules' ? parseFindings(r.findings_json).map((f, i) => findingInWords(method, f, detail[i] ?? '')) : detail.map((d) => d.trim());
    const reasons = [...new Set(texts.filter(Boolean))].map((text) => ({ text, raters: 0, office }));
    if (r.value <= 0 && !reasons.length) continue;
    let perBranch = records.get(r.branch_id);
    if (!perBranch) records.set(r.branch_id, (perBranch = new Map()));
    perBranch.set(r.indicator_id, { flaggedBy: r.value > 0 ? 1 : 0, reasons });
  }
}

/** A share as the results screen prints it: 0.935 → “93.5%”, 1 → “100%”. */
const share = (x: number) => `${Math.round(x * 1_000_000) / 10_000}%`;
const figure = (x: number) => String(Math.round(x * 10_000) / 10_000);

/** “4.1.1 利润完成率 完成率 93.5%（实际 935 ÷ 目标 1000），低于 100%” — the working the results screen shows, for a document. */
export function triggerWorkingText(w: TriggerWorking): string {
  const source = `${w.source.code} ${w.source.name}`.trim();
  const figures = { actual: figure(w.actual ?? 0), target: figure(w.target ?? 0) };
  const formula = t(w.direction === 'lower' ? 'results.trigger.formula.lower' : 'results.trigger.formula.higher', figures);
  return t('doc.trigger.working', { source, rate: w.rate === null ? '—' : share(w.rate), formula, below: share(w.below) });
}

/**
 * 由业务数据触发 (issue 11 §4): a triggered veto or deduction has no rater and no office record; its one reason is
 * the working that triggered it, from the engine's explanation (the figures the results screen shows), flagged
 * `data`. A leaf its data did not trigger records nothing, like a rater who recorded nothing.
 */
function addTriggerRecords(
  engine: { explainBranch(branchId: number): { cells: { indicatorId: number; trigger?: TriggerWorking }[] } | null },
  branchIds: readonly number[],
  leaves: readonly Indicator[],
  records: Map<number, Map<number, LeafRecord>>,
  only: Set<number> | null,
): void {
  const triggered = new Set(leaves.filter((l) => l.method && dataTriggerOf(l.method)).map((l) => l.id));
  if (!triggered.size) return;
  for (const branchId of branchIds) {
    if (only && !only.has(branchId)) continue;
    for (const cell of engine.explainBranch(branchId)?.cells ?? []) {
      if (!cell.trigger?.triggered || !triggered.has(cell.indicatorId)) continue;
      let perBranch = records.get(branchId);
      if (!perBranch) records.set(branchId, (perBranch = new Map()));
      perBranch.set(cell.indicatorId, { flaggedBy: 1, reasons: [{ text: triggerWorkingText(cell.trigger), raters: 0, data: true }] });
    }
  }
}

export function loadReviewData(db: Database, cache: ResultsCache, periodId: number, o: { branchIds?: number[] } = {}): ReviewData {
  const scope = loadPeriodScope(db, periodId);
  const { period, indicators } = scope;
  const result = cache.engine(db, periodId).result;
  const leaves = scope.leaves;

  // Reasons, items and veto flags from the score table: only the leaves that record them, only entries that say something.
  // Office-recorded leaves (考核组核定) take the office's finding instead: raters' entries there count for nothing.
  const recordedLeaves = leaves.filter((l) => l.method && RECORDED_KINDS.has(l.method.kind) && entryModeOf(l.method) === 'panel').map((l) => l.id);
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

  addOfficeRecords(db, periodId, leaves, records, o.branchIds ? new Set(o.branchIds) : null);
  addTriggerRecords(cache.engine(db, periodId), scope.branches.map((b) => b.id), leaves, records, o.branchIds ? new Set(o.branchIds) : null);

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

  return reviewData({
    period,
    result,
    indicators,
    leaves,
    branches: scope.branches.map((b) => ({ id: b.id, code: b.code, name: b.name, secretary: b.secretary, unit: b.unit })),
    raterCount: scope.raters.length,
    records,
    measurements,
    selfAssessed,
    completeness: loadCompleteness(db, periodId, period.status === 'finalised'),
  });
}

/**
 * What is missing, as the gates count it, over the period and per branch
 * (every branch, whatever `branchIds` narrows: a sheet also says what the
 * others lack), and the gated steps taken anyway.
 */
export function loadCompleteness(db: Database, periodId: number, finalised: boolean): Completeness {
  // Scores, business data and office records count the same before every step; the agenda (定稿 only) is the meeting's, not the results'.
  const readiness = periodReadiness(db, periodId, 'review');
  const perBranch = new Map<number, MissingCounts>();
  const of = (branchId: number) => {
    let m = perBranch.get(branchId);
    if (!m) perBranch.set(branchId, (m = { cells: 0, measurements: 0, office: 0 }));
    return m;
  };
  for (const s of readiness.scores) of(s.branchId).cells += s.cells;
  for (const m of readiness.measurements) of(m.branchId).measurements++;
  for (const o of readiness.office) of(o.branchId).office++;
  return {
    finalised,
    missingCells: readiness.missingCells,
    missingMeasurements: readiness.measurements.length,
    missingOffice: readiness.office.length,
    perBranch,
    overrides: listOverrides(db, periodId),
  };
}

// ---------------------------------------------------------------- 评分表

/** A period's entries, those of one rater or of one branch, with their reasons. */
function sheetEntries(db: Database, periodId: number, where: { raterId: number } | { branchId: number }): ScoreSheetEntry[] {
  const [column, id] = 'raterId' in where ? ['rater_id', where.raterId] : ['branch_id', where.branchId];
  return db
    .prepare<[number, number], { rater_id: number; branch_id: number; indicator_id: number; value: number; detail_json: string | null }>(
      `SELECT rater_id, branch_id, indicator_id, value, detail_json FROM score WHERE period_id = ? AND ${column} = ?`,
    )
    .all(periodId, id)
    .map((r) => ({ raterId: r.rater_id, branchId: r.branch_id, indicatorId: r.indicator_id, value: r.value, detail: r.detail_json ? (JSON.parse(r.detail_json) as string[]) : [] }));
}

const sheetRater = (r: { id: number; name: string; groupId: number; recusals: { branchId: number; reason: string }[]; scope?: string[] }) => ({
  id: r.id,
  name: r.name,
  groupId: r.groupId,
  recusals: r.recusals,
  // 分工评分: the sheets print only what the rater scores (score-sheet.ts).
  ...(r.scope?.length ? { scope: r.scope } : {}),
});

/** One rater's score sheet, blank or with the entries recorded for them. */
export function raterScoreSheetData(db: Database, input: { periodId: number; raterId: number; filled: boolean }): RaterScoreSheetInput {
  const scope = loadPeriodScope(db, input.periodId);
  const rater = scope.raterById.get(input.raterId);
  if (!rater) throw new AppError('not_found', t('error.panel.raterNotFound'));
  return {
    period: { name: scope.period.name, settings: scope.period.settings },
    indicators: scope.indicators,
    rater: sheetRater(rater),
    groupName: scope.groupById.get(rater.groupId)?.name ?? '',
    ...(scope.groupById.get(rater.groupId)?.scope?.length ? { groupScope: scope.groupById.get(rater.groupId)!.scope } : {}),
    // 支部类别 for the paper sheet's 不适用 cells (score-sheet.ts RaterScoreSheetInput).
    branches: scope.branches.map((b) => ({ id: b.id, code: b.code, name: b.name, category: b.category })),
    filled: input.filled,
    entries: input.filled ? sheetEntries(db, input.periodId, { raterId: rater.id }) : [],
  };
}

/** One branch's score sheet (every rater side by side), blank or filled; callers check the blind rule for filled ones. */
export function branchScoreSheetData(db: Database, input: { periodId: number; branchId: number; filled: boolean }): BranchScoreSheetInput {
  const scope = loadPeriodScope(db, input.periodId);
  const branch = scope.branchById.get(input.branchId);
  if (!branch) throw new AppError('not_found', t('error.period.branchNotInScope'));
  const measurements = db
    .prepare<[number, number], { indicator_id: number; target: number; actual: number | null; floor: number | null }>(
      'SELECT indicator_id, target, actual, floor FROM measurement WHERE period_id = ? AND branch_id = ?',
    )
    .all(input.periodId, branch.id)
    .map((m) => ({ indicatorId: m.indicator_id, target: m.target, actual: m.actual, floor: m.floor }));
  return {
    period: { name: scope.period.name, settings: scope.period.settings },
    indicators: scope.indicators,
    groups: scope.groups.map((g) => ({ id: g.id, name: g.name, ...(g.scope?.length ? { scope: g.scope } : {}) })),
    raters: scope.raters.map(sheetRater),
    // 支部类别 for the sheet's 不适用 rows (score-sheet.ts BranchScoreSheetInput).
    branch: { id: branch.id, code: branch.code, name: branch.name, secretary: branch.secretary, category: branch.category },
    filled: input.filled,
    entries: input.filled ? sheetEntries(db, input.periodId, { branchId: branch.id }) : [],
    measurements,
  };
}
