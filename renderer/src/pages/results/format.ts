/**
 * Pure helpers of the results screen: number formats, the indicator tree and the plain-Chinese sentences built from the engine's
 * explanations. No React here, so they stay easy to read and test.
 */
import { appliesToInWords } from '../../../../shared/domain/applicability';
import { findingInWords, ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import { dataTriggerOf, isDeductMethod, type Indicator, type LeafMethod, type Tag } from '../../../../shared/domain/framework';
import type { PeriodSettings } from '../../../../shared/domain/period';
import { roundPoints, type BranchExplanation, type BranchResult, type CellExplanation, type EngineResult, type NodeExplanation } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';

/** Points as printed everywhere: rounded once (half away from zero, as the engine does), 2 decimals. */
export const fmtPoints = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : roundPoints(x).toFixed(2));

/** An intermediate figure in a working (group means, weights): up to 4 decimals, no trailing zeros. */
export const fmtExact = (x: number): string => {
  const r = Math.round(x * 10_000) / 10_000;
  return String(r === 0 ? 0 : r);
};

/** A rate (0…1, already rounded to 0.0001 by the engine) as a percentage with 2 decimals. */
export const fmtRate = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);

/** A share such as 0.2 as "20%". */
export const fmtShare = (x: number): string => `${fmtExact(x * 100)}%`;

// ---- Colours: grades, quadrants and tags live in ../../charts/palette.ts (one palette for screens and charts) ----

export const TAG_KEYS: Record<Tag, 'results.tag.party' | 'results.tag.business' | 'results.tag.fusion'> = {
  party: 'results.tag.party',
  business: 'results.tag.business',
  fusion: 'results.tag.fusion',
};

// ---- The indicator tree ----

export interface IndicatorTree {
  byId: Map<number, Indicator>;
  roots: Indicator[];
  children: Map<number, Indicator[]>;
  /** Depth-first, siblings by position. */
  ordered: Indicator[];
  /** Ids of the node and all its ancestors, root first. */
  pathOf(id: number): number[];
}

export function buildTree(indicators: Indicator[]): IndicatorTree {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const children = new Map<number, Indicator[]>();
  const roots: Indicator[] = [];
  for (const i of indicators) {
    if (i.parentId === null || !byId.has(i.parentId)) roots.push(i);
    else children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  }
  const byPosition = (a: Indicator, b: Indicator) => a.position - b.position || a.id - b.id;
  roots.sort(byPosition);
  for (const list of children.values()) list.sort(byPosition);
  const ordered: Indicator[] = [];
  const walk = (i: Indicator) => {
    ordered.push(i);
    for (const c of children.get(i.id) ?? []) walk(c);
  };
  roots.forEach(walk);
  return {
    byId,
    roots,
    children,
    ordered,
    pathOf(id) {
      const path: number[] = [];
      for (let cur = byId.get(id); cur; cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) path.unshift(cur.id);
      return path;
    },
  };
}

// ---- Entries ----

/** A rater's raw entry in the words of its method: "2.5 分", "较好", "扣 2 次", "加 1 项", "是". */
export function entryText(method: LeafMethod | null, raw: number): string {
  switch (method?.kind) {
    case 'level':
      return method.levels[Math.round(raw)]?.label ?? t('results.entry.unknownLevel', { index: raw });
    case 'deduction':
      return raw > 0 ? t('results.entry.deduction', { count: raw }) : t('results.entry.noDeduction');
    case 'bonus':
      return raw > 0 ? t('results.entry.bonus', { count: raw }) : t('results.entry.noBonus');
    case 'rules':
      // The office's total of its findings: what they deducted or added.
      if (raw <= 0) return t('results.entry.rulesNone');
      return t(method.effect === 'deduct' ? 'results.entry.rulesDeduct' : 'results.entry.rulesAdd', { points: fmtExact(raw) });
    case 'veto':
      return raw >= 1 ? t('results.entry.vetoYes') : t('results.entry.vetoNo');
    default:
      return t('results.entry.points', { value: fmtExact(raw) });
  }
}

/** How many eligible raters have not scored this cell (0 for a quantitative leaf). */
export const missingRaters = (cell: CellExplanation): number => cell.groups.reduce((n, g) => n + g.missingRaterIds.length, 0);

/**
 * Whether a veto leaf stands triggered for the branch. An office-recorded veto (考核组核定) has no raters' working:
 * the office's record triggers it at 1 or more; a data-triggered one (由业务数据触发) its source's 完成率; otherwise
 * the raters' combination decides.
 */
export const cellVetoTriggered = (cell: CellExplanation): boolean =>
  cell.trigger ? cell.method === 'veto' && cell.trigger.triggered : cell.office ? (cell.office.value ?? 0) >= 1 : (cell.veto?.triggered ?? false);

/**
 * A data-triggered leaf's working in one line (docs/scoring-rules.md 由业务数据触发):
 * "由业务数据触发：2.1 利润完成 完成率 93.5%（实际 935 ÷ 目标 1000），低于 100% → 否决（最高良好）"; null for any other leaf.
 */
export function triggerSentence(cell: CellExplanation, pool: Indicator | null = null): string | null {
  const w = cell.trigger;
  if (!w) return null;
  if (w.source.indicatorId === null || w.direction === null) return t('results.trigger.noSource', { source: w.source.code });
  const source = `${w.source.code} ${w.source.name}`;
  if (w.actual === null || w.target === null) return t('results.trigger.noActual', { source });
  const per = fmtExact(w.perOccurrence ?? 0);
  const value = fmtPoints(cell.value);
  const outcome =
    cell.method === 'veto'
      ? w.triggered
        ? t('results.trigger.vetoYes', { cap: w.capGrade ?? '' })
        : t('results.trigger.vetoNo')
      : pool
        ? w.triggered
          ? t('results.trigger.deductedPool', { per })
          : t('results.trigger.notDeductedPool')
        : t(w.triggered ? 'results.trigger.deducted' : 'results.trigger.notDeducted', { per, value });
  const figures = { actual: fmtExact(w.actual), target: fmtExact(w.target) };
  if (w.rate === null) return `${t('results.trigger.noRate', { source, ...figures })} → ${outcome}`;
  const formula = t(w.direction === 'lower' ? 'results.trigger.formula.lower' : 'results.trigger.formula.higher', figures);
  const head = t('results.trigger.rate', { source, rate: fmtShare(w.rate), formula });
  return `${head}${t(w.triggered ? 'results.trigger.below' : 'results.trigger.notBelow', { below: fmtShare(w.below) })} → ${outcome}`;
}

// ---- Pools (扣分池) and section bonus caps (加分上限（本部分）), docs/scoring-rules.md ----

/** The pool a leaf deducts from: its parent when that is a pool and the leaf a deduction (as the engine reads it). */
export function poolOf(tree: IndicatorTree, ind: Indicator): Indicator | null {
  const parent = ind.parentId === null ? undefined : tree.byId.get(ind.parentId);
  return parent?.options?.pool && isDeductMethod(ind.method) ? parent : null;
}

/** A figure inside a sentence: rounded as printed, without trailing zeros ("20", "17", "2.5"). */
const said = (x: number) => fmtExact(roundPoints(x));

/** A pool's working in one line: "本部分 20 分，扣 23 分，扣完为止 → 0 分" or "本部分 20 分，扣 3 分：20 − 3 = 17 分". */
export function poolSentence(node: NodeExplanation): string | null {
  if (!node.pool || node.points === null) return null;
  const max = said(node.maxPoints);
  const deducted = said(node.pool.deducted);
  if (node.pool.floored) return t('results.pool.floored', { max, deducted });
  if (roundPoints(node.pool.deducted) === 0) return t('results.pool.none', { max });
  return t('results.pool.working', { max, deducted, points: said(node.points) });
}

/** A section's bonus against its cap: "加分 6 分，本部分上限 5 分 → 5 分" (or within the cap). */
export function bonusCapSentence(node: NodeExplanation): string | null {
  if (!node.bonusCap) return null;
  const { raw, cap, capped } = node.bonusCap;
  return t(capped ? 'results.bonusCap.capped' : 'results.bonusCap.within', { raw: said(raw), cap: said(cap) });
}

/**
 * How the bonus was counted, for the totals line: the bonus leaves added up, then (when some section has a cap
 * and it cut something) the section-capped bonus, then the period's cap.
 */
export function bonusNote(totals: BranchExplanation['totals']): string {
  const { bonusRaw, bonusSections, bonusCap } = totals;
  if (bonusSections === undefined || bonusSections >= bonusRaw) {
    if (bonusCap === null) return t('results.drawer.bonusNoCap', { raw: fmtPoints(bonusRaw) });
    return bonusRaw > bonusCap
      ? t('results.drawer.bonusCapped', { raw: fmtPoints(bonusRaw), cap: fmtExact(bonusCap) })
      : t('results.drawer.bonusWithin', { raw: fmtPoints(bonusRaw), cap: fmtExact(bonusCap) });
  }
  const sections = t('results.bonusCap.sections', { raw: fmtPoints(bonusRaw), sections: fmtPoints(bonusSections) });
  if (bonusCap === null) return sections + t('results.bonusCap.periodNone');
  return sections + t(bonusSections > bonusCap ? 'results.bonusCap.periodCapped' : 'results.bonusCap.periodWithin', { cap: fmtExact(bonusCap) });
}

/** A pool child's points are minus its deduction: printed with a true minus sign ("−3.00"). */
/** 折算 in words (适用范围与折算): “适用指标满分 80 分，得 72 分，折算为 72 × 100 ÷ 80 = 90 分”; null when everything applies. */
export function rescaleSentence(totals: BranchExplanation['totals']): string | null {
  const r = totals.rescaled;
  if (!r) return null;
  if (r.applicableMax <= 0) return t('results.rescaled.none');
  return t('results.rescaled.sentence', {
    applicableMax: fmtExact(r.applicableMax),
    rawBase: fmtExact(r.rawBase),
    baseMax: fmtExact(r.baseMax),
    base: fmtExact(totals.base),
  });
}

/** Why a 不适用 node doesn't apply: the nearest 适用类别 on its path (“本项仅机关：…”), else the plain note. */
export function notApplicableTip(tree: IndicatorTree, ind: Indicator): string {
  const path = tree.pathOf(ind.id).reverse();
  const own = path.map((id) => appliesToInWords(tree.byId.get(id)?.appliesTo)).find((w) => w !== '');
  return own ? t('results.na.tipApplies', { applies: own }) : t('results.na.tip');
}

export const fmtDeduction = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : roundPoints(x) < 0 ? `−${fmtPoints(-x)}` : fmtPoints(Math.abs(x));

/** A 细则 leaf's rules as the scheme words them: "①未建立台账（扣2分）；②…". */
const rulesList = (m: Extract<LeafMethod, { kind: 'rules' }>): string =>
  m.rules.map((r, i) => `${ruleNumber(i)}${r.text}（${ruleAmountInWords(r, m.effect)}）`).join('；');

/**
 * The office's findings on a 细则 leaf, one line each ("②台账不完整×3，扣1.5分：缺3月记录"); empty for any other leaf
 * or when the explanation carries none.
 */
export function findingLines(method: LeafMethod | null, cell: CellExplanation): string[] {
  const findings = cell.office?.findings;
  if (method?.kind !== 'rules' || !findings) return [];
  return findings.map((f, i) => findingInWords(method, f, cell.office?.reasons?.[i] ?? ''));
}

/** The rule of a leaf in one line ("满分 3，每发生 1 次扣 0.5 分，扣完为止"); a pool's child names its pool. */
export function methodRule(ind: Indicator, settings: PeriodSettings, pool: Indicator | null = null): string {
  const m = ind.method;
  const max = fmtExact(ind.maxPoints);
  const trigger = m ? dataTriggerOf(m) : null;
  if (trigger) {
    // 由业务数据触发: the rule is the source's 完成率, not the panel's vote nor anyone's count.
    const named = { source: trigger.source, below: fmtShare(trigger.below) };
    if (m?.kind === 'veto') return t('results.cell.rule.vetoTriggered', { ...named, cap: m.capGrade ?? settings.grades[settings.grades.length - 1]!.label });
    if (m?.kind === 'deduction') {
      const per = fmtExact(m.perOccurrence);
      return pool ? t('results.pool.triggeredRule', { ...named, pool: pool.name, max: fmtExact(pool.maxPoints), per }) : t('results.cell.rule.deductionTriggered', { ...named, max, per });
    }
  }
  if (pool && m?.kind === 'deduction') return t('results.pool.rule', { pool: pool.name, per: fmtExact(m.perOccurrence), max: fmtExact(pool.maxPoints) });
  if (pool && m?.kind === 'rules') return t('results.pool.rulesRule', { pool: pool.name, max: fmtExact(pool.maxPoints), rules: rulesList(m) });
  switch (m?.kind) {
    case 'rating':
      return t('results.cell.rule.rating', { step: fmtExact(m.step), max });
    case 'level':
      return t('results.cell.rule.level', {
        levels: m.levels.map((l) => t('results.cell.rule.levelItem', { label: l.label, percent: fmtShare(l.fraction) })).join(t('results.summary.sep')),
        max,
      });
    case 'deduction':
      return t('results.cell.rule.deduction', { max, per: fmtExact(m.perOccurrence) });
    case 'bonus':
      return t('results.cell.rule.bonus', { per: fmtExact(m.perItem), max });
    case 'rules':
      if (m.effect === 'add') return t('results.cell.rule.rulesAdd', { max, rules: rulesList(m) });
      return t('results.cell.rule.rulesDeduct', { max, rules: rulesList(m), floor: t(m.floorAtZero ? 'results.cell.rule.rulesFloor' : 'results.cell.rule.rulesNoFloor') });
    case 'veto':
      return t('results.cell.rule.veto', {
        cap: m.capGrade ?? settings.grades[settings.grades.length - 1]!.label,
        rule: t(settings.vetoRule === 'any' ? 'results.veto.rule.any' : 'results.veto.rule.majority'),
      });
    case 'quantitative':
      return t('results.cell.rule.quantitative', {
        direction: t(m.direction === 'higher' ? 'results.quant.direction.higher' : 'results.quant.direction.lower'),
        max,
      });
    default:
      return '';
  }
}

// ---- Grade and rank in plain Chinese ----

const quote = (names: string[]) => names.join('”“');

/** The steps by which a branch got its grade, one sentence each, built from the engine's explanation. */
export function gradeSentences(
  explanation: BranchExplanation,
  branch: BranchResult,
  settings: PeriodSettings,
  quotas: EngineResult['quotas'],
  indicatorName: (id: number) => string,
): string[] {
  const g = explanation.grade;
  const grades = settings.grades;
  const out: string[] = [];
  const lowest = grades[grades.length - 1]!.label;
  if (g.byThreshold === lowest && grades.length > 1) {
    const next = grades[grades.length - 2]!;
    out.push(t('results.grade.thresholdLowest', { total: fmtPoints(g.total), next: next.label, nextMin: fmtExact(next.min), grade: g.byThreshold }));
  } else {
    out.push(t('results.grade.threshold', { total: fmtPoints(g.total), grade: g.byThreshold, min: fmtExact(g.thresholdMin) }));
  }
  if (g.veto) {
    const base = t('results.grade.veto', { items: quote(g.veto.indicatorIds.map(indicatorName)), cap: g.veto.capGrade });
    out.push(
      base +
        (g.afterVeto !== g.byThreshold
          ? t('results.grade.vetoLowered', { from: g.byThreshold, to: g.afterVeto })
          : t('results.grade.vetoNoChange', { cap: g.veto.capGrade })),
    );
    out.push(t('results.grade.vetoRank'));
  }
  if (g.quota) {
    out.push(t('results.grade.quotaMoved', { label: g.quota.label, allowed: g.quota.allowed, rank: branch.rank, to: g.quota.movedTo }));
  } else if (!branch.vetoed) {
    // Holding a quota grade: say that the branch is within the quota.
    const quota = quotas.find((q) => q.label === g.grade);
    if (quota) out.push(t('results.grade.quotaKept', { label: quota.label, allowed: quota.allowed, rank: branch.rank }));
  }
  out.push(t('results.grade.final', { grade: g.grade }));
  return out;
}

/** Branches sharing this branch's rank (same vetoed state), by name. */
export function tiedWith(result: EngineResult, branch: BranchResult): string[] {
  return result.branches.filter((b) => b.branchId !== branch.branchId && b.rank === branch.rank && b.vetoed === branch.vetoed).map((b) => b.name);
}
