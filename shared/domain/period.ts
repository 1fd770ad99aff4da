/** Assessment periods (考核周期), their panel and the rules they compute with. */
import { z } from 'zod';
import { t } from '../messages';
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

/** A period-settings rule broken: where (a path under the settings) and the message key saying what. */
export interface SettingsProblem {
  path: (string | number)[];
  key: 'settings.grades.tooFew' | 'settings.grades.duplicate' | 'settings.grades.order' | 'settings.quotas.duplicate' | 'settings.quotas.unknown';
  label?: string;
}

/**
 * The rules across grades and quotas, the one home of them: at least two
 * grades; labels unique; minimums falling from the top (the last grade's
 * minimum is ignored: it takes everything below the others); a quota at most
 * once per grade, and only for a grade that exists. The schema below applies
 * them (so creating and updating a period both do); the settings form asks the
 * same function while the user types.
 */
export function settingsProblems(grades: readonly { label?: string; min?: number | null }[], quotas: readonly { label?: string }[]): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const gradeLabels = grades.map((g) => g.label?.trim());
  if (grades.length < 2) out.push({ path: ['grades'], key: 'settings.grades.tooFew' });
  const dupGrade = gradeLabels.findIndex((l, i) => gradeLabels.indexOf(l) !== i);
  if (dupGrade >= 0) out.push({ path: ['grades', dupGrade, 'label'], key: 'settings.grades.duplicate' });
  for (let i = 1; i < grades.length - 1; i++) {
    if ((grades[i]?.min ?? 0) >= (grades[i - 1]?.min ?? 0)) {
      out.push({ path: ['grades', i, 'min'], key: 'settings.grades.order' });
      break;
    }
  }
  const quotaLabels = quotas.map((q) => q.label?.trim());
  const dupQuota = quotaLabels.findIndex((l, i) => quotaLabels.indexOf(l) !== i);
  if (dupQuota >= 0) out.push({ path: ['quotas', dupQuota, 'label'], key: 'settings.quotas.duplicate' });
  const unknown = quotaLabels.findIndex((l) => l && !gradeLabels.includes(l));
  if (unknown >= 0) out.push({ path: ['quotas', unknown, 'label'], key: 'settings.quotas.unknown', label: quotaLabels[unknown] });
  return out;
}

/**
 * How a period turns raters' scores into results. See docs/scoring-rules.md for
 * the exact rules each setting selects.
 *
 * Each setting's own rules: the shape on the wire (shared/api.ts) and of a
 * stored row, read as it is so that a period saved before the rules across
 * fields were checked on create still opens. Services take settings in through
 * `PeriodSettings` (all rules), whose refusal becomes an AppError naming the setting.
 */
export const PeriodSettingsFields = z.object({
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
  /**
   * The presenter view (the projector at the 评审会) names the raters beside their totals. Off by default:
   * the room sees 评委1, 评委2 … and the spread; names only on the chair's own screen.
   */
  presenterNames: z.boolean().default(false),
});

/** Settings as they come in (create, update, the form): each field's rules and the rules across fields. */
export const PeriodSettings = PeriodSettingsFields.superRefine((s, ctx) => {
  for (const p of settingsProblems(s.grades, s.quotas)) ctx.addIssue({ code: 'custom', path: p.path, message: settingsProblemInWords(p) });
});

/** A problem with where it is, for a message away from the form: “等次划分第 2 项：等次名称不能重复”. */
export function settingsProblemInWords(p: SettingsProblem): string {
  const message = t(p.key, { label: p.label ?? '' });
  if (p.key === 'settings.quotas.unknown') return message; // names the quota and the grades already
  const list = t(p.path[0] === 'grades' ? 'settings.grades' : 'settings.quotas');
  return typeof p.path[1] === 'number' ? t('settings.problemAt', { list, n: p.path[1] + 1, message }) : t('settings.problemIn', { list, message });
}
export type PeriodSettingsInput = z.input<typeof PeriodSettings>;
export type PeriodSettings = z.output<typeof PeriodSettings>;

export const defaultPeriodSettings = (): PeriodSettings => PeriodSettings.parse({});
