/**
 * The review documents' view model (考核结果通报, 支部考核反馈单, 评审会材料,
 * 公示: see ./view-models.ts, loaded by electron/services/document-data.ts)
 * and how its numbers and sentences are printed.
 */
import type { Indicator, Tag } from '../../shared/domain/framework';
import { bonusNodes, childrenOf } from '../../shared/domain/framework-validate';
import type { PeriodSettings } from '../../shared/domain/period';
import type { BranchResult } from '../../shared/engine';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import type { BranchInfo, OfficeBasis, RecordedReason, ReviewData, ReviewSource } from './view-models';

export type { BranchInfo, Completeness, LeafRecord, MissingCounts, RecordedReason, ReviewData, ReviewSource } from './view-models';

export const TAGS_IN_ORDER: Tag[] = ['party', 'business', 'fusion'];
export const TAG_LABELS: Record<Tag, string> = { party: '党建', business: '业务', fusion: '融合' };

/**
 * The review documents' view model from what was loaded: the period, the
 * engine's results, the framework (every indicator, and the leaves in tree
 * order), the branches and what raters recorded. Derives the tree, the radar's
 * dimensions and the panel averages, so that a document can be built from
 * hand-made values as well as from a database.
 */
export function reviewData(src: ReviewSource): ReviewData {
  const { period, result, indicators, leaves } = src;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const children = childrenOf(indicators);
  const bonus = bonusNodes(indicators);
  const leavesUnder = (node: Indicator): Indicator[] => (node.method ? [node] : (children.get(node.id) ?? []).flatMap(leavesUnder));
  const roots = children.get(null) ?? [];
  const dimensions = roots.filter((r) => !bonus.has(r.id) && r.maxPoints > 0 && !leavesUnder(r).every((l) => l.method?.kind === 'veto'));
  const bonusRoots = roots.filter((r) => bonus.has(r.id));

  const resultOf = new Map(result.branches.map((b) => [b.branchId, b]));
  const branches = new Map(src.branches.filter((b) => resultOf.has(b.id)).map((b) => [b.id, b]));

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
    raterCount: src.raterCount,
    averageRate,
    averageTagRate,
    averageTotal,
    records: src.records,
    measurements: src.measurements,
    selfAssessed: src.selfAssessed,
    completeness: src.completeness,
  };
}

export function branchOf(data: ReviewData, branchId: number): { info: BranchInfo; result: BranchResult } {
  const info = data.branches.get(branchId);
  const result = data.resultOf.get(branchId);
  if (!info || !result) throw new AppError('not_found', t('error.period.branchNotInScope'));
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

/** “考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12” — who recorded a fact and on what. */
export const officeBasisText = (o: OfficeBasis): string => `考核组核定${o.evidence ? `，依据：${o.evidence}${o.evidenceDate ? `，${o.evidenceDate}` : ''}` : ''}`;

/** Whether these reasons are the office's finding (考核组核定) rather than raters' notes. */
export const byOffice = (reasons: readonly RecordedReason[]): boolean => reasons.some((r) => r.office);
/** Whether these reasons are a business-data trigger's working (由业务数据触发) rather than anyone's record. */
export const byData = (reasons: readonly RecordedReason[]): boolean => reasons.some((r) => r.data);

/**
 * "未按期召开（3位评委）；记录不完整（1位评委）" — or, for a fact the office recorded, its findings and what they
 * rest on: "7月未召开支委会；9月党课未按计划开展（考核组核定，依据：组织部检查记录〔2026〕15号，2026-10-12）".
 * On a 细则 leaf each reason is a finding in words, naming its rule (findingInWords, loaded so by
 * electron/services/document-data.ts): "①未按时召开支委会×2，扣2分：3月、5月未召开支委会（考核组核定，依据：…）".
 * `numbered` puts "1. " before each of several reasons (a table cell with one per line).
 */
export function reasonsText(reasons: readonly RecordedReason[], sep = '；', numbered = false): string {
  const office = reasons.find((r) => r.office)?.office;
  const data = byData(reasons);
  const lines = reasons.map((r, k) => `${numbered && reasons.length > 1 ? `${k + 1}. ` : ''}${r.text}${office || data ? '' : `（${r.raters}位评委）`}`);
  return lines.join(sep) + (office ? `（${officeBasisText(office)}）` : data ? '（业务数据触发）' : '');
}

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
