/** Assessment periods (考核周期), their panel and the rules they compute with. */
import { z } from 'zod';
import { text } from './text';

export const PERIOD_KINDS = ['annual', 'half', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { annual: '年度', half: '半年', quarter: '季度' };

/** draft → scoring → review → finalised; each step only forward, except a logged reopen. */
export const PERIOD_STATUSES = ['draft', 'scoring', 'review', 'finalised'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  draft: '准备中',
  scoring: '评分中',
  review: '评审中',
  finalised: '已定稿',
};

export const GradeRule = z.object({ label: text('等次名称').trim().min(1).max(10), min: z.number().finite().min(0) });
export type GradeRule = z.output<typeof GradeRule>;

export const DEFAULT_GRADES: GradeRule[] = [
  { label: '优秀', min: 90 },
  { label: '良好', min: 80 },
  { label: '一般', min: 60 },
  { label: '较差', min: 0 },
];

/**
 * How a period turns raters' scores into results. See README "评分规则" for
 * the exact rules each setting selects.
 */
export const PeriodSettings = z.object({
  /** Per leaf, across the raters of one group. */
  combine: z.enum(['mean', 'trimmed', 'median']).default('trimmed'),
  /** Trimmed mean drops one highest and one lowest score only when a group has at least this many. */
  trimMinRaters: z.number().int().min(3).max(50).default(5),
  /** Per-rater z-score normalisation of judgment scores (rating, level). */
  normalize: z.boolean().default(false),
  /** A veto counts when any rater flags it, or when at least half of those who answered do. */
  vetoRule: z.enum(['majority', 'any']).default('majority'),
  /** Cap on all bonus points together (加分上限); null: only each bonus item's own cap. */
  bonusCap: z.number().finite().min(0).max(100).nullable().default(5),
  /** Highest first; the last one's min is ignored (everything below the others). */
  grades: z.array(GradeRule).min(2).max(8).default(DEFAULT_GRADES),
  /** At most this share of the period's branches (rounded down) may hold the grade. */
  quotas: z
    .array(z.object({ label: text('等次名称').trim().min(1).max(10), maxShare: z.number().min(0).max(1) }))
    .max(8)
    .default([{ label: '优秀', maxShare: 0.2 }]),
  /** Where party and business rates split strong from weak: the period's mean rates, or a fixed rate. */
  fusionSplit: z
    .object({ mode: z.enum(['mean', 'fixed']), value: z.number().min(0).max(1).default(0.85) })
    .default({ mode: 'mean', value: 0.85 }),
});
export type PeriodSettingsInput = z.input<typeof PeriodSettings>;
export type PeriodSettings = z.output<typeof PeriodSettings>;

export const defaultPeriodSettings = (): PeriodSettings => PeriodSettings.parse({});
