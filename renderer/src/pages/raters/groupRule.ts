/** A rater group's 组内汇总 rule: its own, or the period's where it has none (issue 11 §5). */
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { RaterGroup } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';

export type Combine = PeriodSettings['combine'];

/** The rule in words: 平均 / 中位数 / 去掉最高最低后平均，5 人及以上. */
export function ruleInWords(combine: Combine, trimMinRaters: number): string {
  return combine === 'trimmed' ? t('panel.groupRule.trimmedFrom', { min: trimMinRaters }) : t(`panel.groupRule.${combine}`);
}

/** The rule a group's cells are actually combined by: each field the group leaves null falls back to the period's. */
export function effectiveRule(group: Pick<RaterGroup, 'combine' | 'trimMinRaters'>, period: Pick<PeriodSettings, 'combine' | 'trimMinRaters'>) {
  return { combine: group.combine ?? period.combine, trimMinRaters: group.trimMinRaters ?? period.trimMinRaters };
}

/**
 * The minimum a trimmed rule needs that this group's size never reaches, or null. With fewer raters
 * the engine never drops a score and takes the plain mean, so the chosen rule cannot bite.
 */
export function trimCannotBite(group: Pick<RaterGroup, 'combine' | 'trimMinRaters'>, period: Pick<PeriodSettings, 'combine' | 'trimMinRaters'>, raters: number): number | null {
  const rule = effectiveRule(group, period);
  // An empty group is still being set up: nothing to warn about yet.
  return rule.combine === 'trimmed' && raters > 0 && raters < rule.trimMinRaters ? rule.trimMinRaters : null;
}
