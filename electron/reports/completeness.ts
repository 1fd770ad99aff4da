/**
 * What the documents say about missing scores, business data and office
 * records, in one place (the results screen says the same in the catalogue's
 * words: 暂定, 还缺 N 项评分, N 项业务数据, N 项考核组核定):
 *
 *  - a period not yet finalised with something missing: “目前还缺 46 项评分、
 *    5 项业务数据（缺项未计入总分），结果为暂定。” — a missing figure is
 *    missing, never 0 — followed by the gated steps taken anyway (进入评审,
 *    公示), each once, with the reason given;
 *  - a finalised period never says 暂定: if it was finalised with something
 *    missing, it says so once — when, what was missing then, that the
 *    administrator confirmed it, and why;
 *  - nothing missing (or finalised complete): nothing at all.
 */
import type { GateOverride, GateStep } from '../../shared/domain/readiness';
import { documentDate } from './style';
import type { Completeness, MissingCounts } from './view-models';

const NONE: MissingCounts = { cells: 0, measurements: 0, office: 0 };

/**
 * “46 项评分、5 项业务数据、3 项考核组核定” — the parts that apply. Office
 * records are counted apart from scores: one per branch, recorded by the
 * office, not by raters. (An override recorded before office leaves existed has no `office`.)
 */
export function missingText(m: Omit<MissingCounts, 'office'> & { office?: number }): string {
  const parts: string[] = [];
  if (m.cells > 0) parts.push(`${m.cells} 项评分`);
  if (m.measurements > 0) parts.push(`${m.measurements} 项业务数据`);
  if ((m.office ?? 0) > 0) parts.push(`${m.office} 项考核组核定`);
  return parts.join('、');
}

const isMissing = (m: MissingCounts) => m.cells > 0 || m.measurements > 0 || m.office > 0;
const periodCounts = (c: Completeness): MissingCounts => ({ cells: c.missingCells, measurements: c.missingMeasurements, office: c.missingOffice });
const branchCounts = (c: Completeness, branchId: number): MissingCounts => c.perBranch.get(branchId) ?? NONE;
/** The reason as a clause of our sentence: without the full stop the office may have typed. */
const reasonClause = (reason: string) => reason.trim().replace(/[。．.；;，,！!\s]+$/u, '');

/** How each gated step reads in a document: who it concerns, what was done, and what the administrator agreed to. */
const STEP_WORDS: Record<GateStep, { subject: string; done: string; agreed: string }> = {
  review: { subject: '本周期', done: '进入评审', agreed: '进入评审' },
  publish: { subject: '本结果', done: '公示', agreed: '先行公示' },
  finalise: { subject: '本结果', done: '定稿', agreed: '按已有评分定稿' },
};

/**
 * “本结果于2026年12月20日定稿。定稿时尚缺 46 项评分、5 项业务数据，经管理员确认按已有评分定稿，原因：……。”
 * `what` replaces the period's counts when a branch's page says what that branch lacked.
 */
export function overrideSentence(o: GateOverride, what?: string): string {
  const words = STEP_WORDS[o.step];
  const entries = missingText(o.missing);
  const clauses: string[] = [];
  if (what !== undefined) clauses.push(what);
  else if (entries) clauses.push(`尚缺 ${entries}`);
  if (o.missing.agendaItems > 0) clauses.push(`${o.missing.agendaItems} 个议程事项未办结`);
  // With only agenda items open there were no missing scores to finalise without.
  const agreed = o.step === 'finalise' && !entries ? '定稿' : words.agreed;
  return `${words.subject}于${documentDate(new Date(o.at))}${words.done}。${words.done}时${clauses.join('，')}，经管理员确认${agreed}，原因：${reasonClause(o.reason)}。`;
}

/** The latest override of each step, in step order (a step may be taken again, e.g. 公示 marked anew). */
function latestOverrides(c: Completeness, steps: GateStep[]): GateOverride[] {
  const latest = new Map<GateStep, GateOverride>();
  for (const o of c.overrides) latest.set(o.step, o);
  return steps.flatMap((s) => latest.get(s) ?? []);
}

const provisional = (who: string, m: MissingCounts) => `${who}目前还缺 ${missingText(m)}（缺项未计入总分），结果为暂定。`;

/** What a document about the whole period (通报, 公示, 评审会材料) says; '' when nothing is missing. */
export function periodCompletenessText(c: Completeness): string {
  const missing = periodCounts(c);
  if (c.finalised) {
    const finalise = latestOverrides(c, ['finalise'])[0];
    if (finalise) return overrideSentence(finalise);
    // Finalised before the gate existed, with something missing: said plainly, never as 暂定.
    return isMissing(missing) ? `本结果定稿时尚缺 ${missingText(missing)}，按已有评分定稿（缺项未计入总分）。` : '';
  }
  if (!isMissing(missing)) return '';
  return [provisional('', missing), ...latestOverrides(c, ['review', 'publish']).map((o) => overrideSentence(o))].join('');
}

export interface BranchCompletenessOptions {
  /** How the page names the branch: “你支部” in its feedback sheet, “该支部” in the meeting's papers. */
  who: string;
  /** Whether to state the gated steps taken anyway (false where the document states them once for the period). */
  overrides: boolean;
}

/**
 * What one branch's page says: that branch's own missing counts when it has
 * any; when only other branches lack something, its total stands but its
 * rank and grade are 暂定 until they are entered. '' when nothing is missing.
 */
export function branchCompletenessText(c: Completeness, branchId: number, o: BranchCompletenessOptions): string {
  const own = branchCounts(c, branchId);
  const all = periodCounts(c);
  const others: MissingCounts = { cells: all.cells - own.cells, measurements: all.measurements - own.measurements, office: all.office - own.office };
  if (c.finalised) {
    const finalise = latestOverrides(c, ['finalise'])[0];
    // Scores are locked once finalised, so what the branch lacks now is what it lacked then.
    const what = isMissing(own) ? `${o.who}尚缺 ${missingText(own)}` : isMissing(all) ? `各党支部共缺 ${missingText(all)}（${o.who}无缺项）` : '';
    if (finalise && o.overrides) return overrideSentence(finalise, what || undefined);
    if (finalise || !what) return '';
    return `本结果定稿时${what}，按已有评分定稿（缺项未计入总分）。`;
  }
  if (!isMissing(all)) return '';
  const head = isMissing(own)
    ? provisional(o.who, own)
    : `${o.who}评分和业务数据已齐全；其他党支部还缺 ${missingText(others)}，名次和等次为暂定。`;
  return [head, ...(o.overrides ? latestOverrides(c, ['review', 'publish']).map((x) => overrideSentence(x)) : [])].join('');
}
