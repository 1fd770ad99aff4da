/**
 * 分类施策 checks (issue 11 §7): what is wrong with a framework's 支部类别 and its indicators' 适用类别, in the
 * editor's words. Run wherever validateFramework is (the editor, the framework workbook, 开始评分); an error keeps
 * a period from starting to score. The rule itself (which node applies to which category) is applicability.ts'.
 */
import { t } from '../messages';
import { notApplicableIds } from './applicability';
import { dataTriggerOf, type Indicator } from './framework';
import { bonusNodes, childrenOf, type FrameworkIssue } from './framework-validate';

const labels = (list: readonly string[]) => list.join('、');

/**
 * - an appliesTo label that is not one of `categories` (error, naming the indicator and the label);
 * - a category for which no base points apply at all (error: its branches could score nothing, the 折算 would
 *   divide by zero);
 * - appliesTo on a node whose ancestors already restrict it to a disjoint set (warning: it applies to no one);
 * - a leaf triggered by business data that applies to a category its source doesn't (error: those branches have
 *   no measurement to judge, so the leaf would stay missing for them).
 */
export function categoryIssues(indicators: readonly Indicator[], categories: readonly string[]): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const about = (n: Indicator, severity: FrameworkIssue['severity'], message: string) =>
    issues.push({ indicatorId: n.id, code: n.code, severity, message: `${n.code} ${n.name}：${message}` });
  const known = new Set(categories);
  const byId = new Map(indicators.map((n) => [n.id, n]));
  const parentOf = (n: Indicator) => (n.parentId === null ? undefined : byId.get(n.parentId));

  for (const n of indicators) {
    const own = n.appliesTo ?? [];
    for (const label of own) {
      if (!known.has(label)) {
        about(n, 'error', categories.length === 0 ? t('fw.category.noCategories', { label }) : t('fw.category.unknown', { label, categories: labels(categories) }));
      }
    }
    if (own.length === 0) continue;
    // The categories the ancestors leave open (their lists intersected), the nearest restriction named in the warning.
    const restricting: Indicator[] = [];
    for (let p = parentOf(n), depth = 0; p && depth < 64; p = parentOf(p), depth++) if (p.appliesTo?.length) restricting.push(p);
    const nearest = restricting[0];
    if (!nearest) continue;
    const open = restricting.reduce<string[]>((acc, p) => acc.filter((c) => p.appliesTo!.includes(c)), [...nearest.appliesTo!]);
    if (!own.some((c) => open.includes(c))) {
      about(n, 'warning', t('fw.category.disjoint', { own: labels(own), parent: `${nearest.code} ${nearest.name}`, open: open.length ? labels(open) : t('fw.category.nothing') }));
    }
  }

  for (const n of indicators) {
    const trigger = n.method ? dataTriggerOf(n.method) : null;
    const source = trigger ? indicators.find((i) => i.code === trigger.source) : undefined;
    if (!source) continue;
    const uncovered = categories.filter((c) => !notApplicableIds(indicators, c).has(n.id) && notApplicableIds(indicators, c).has(source.id));
    if (uncovered.length) about(n, 'error', t('fw.category.triggerWider', { source: `${source.code} ${source.name}`, categories: labels(uncovered) }));
  }

  if (indicators.length === 0) return issues;
  const bonus = bonusNodes(indicators);
  const hasChildren = new Set([...childrenOf(indicators).keys()].filter((id): id is number => id !== null));
  // What a branch can earn in the base: a non-bonus leaf, or a pool (扣分池, which keeps its points), with points.
  const earning = indicators.filter((n) => !bonus.has(n.id) && n.maxPoints > 0 && (!hasChildren.has(n.id) || n.options?.pool === true));
  for (const category of categories) {
    const excluded = notApplicableIds(indicators, category);
    if (excluded.size > 0 && earning.every((n) => excluded.has(n.id))) {
      issues.push({ indicatorId: null, code: null, severity: 'error', message: t('fw.category.nothingApplies', { category }) });
    }
  }
  return issues;
}
