/**
 * The unified framework (考核指标体系): one tree of indicators that scores
 * Party-building and business work together. Leaves carry a scoring method.
 */
import { z } from 'zod';
import { GradeRule, settingsProblemInWords, settingsProblems, type SettingsProblem } from './period';
import { text } from './text';

/** party = 党建, business = 业务, fusion = 融合 (党建+业务 joint work). */
export const TAGS = ['party', 'business', 'fusion'] as const;
export type Tag = (typeof TAGS)[number];

export const DEFAULT_LEVELS = [
  { label: '好', fraction: 1 },
  { label: '较好', fraction: 0.8 },
  { label: '一般', fraction: 0.6 },
  { label: '差', fraction: 0 },
];

/**
 * Who records a leaf (issue 11 §3): `panel` = 评委评分 (each rater enters a value; the panel's values are
 * combined per group), `office` = 考核组核定 (the organising office records one value per branch from the
 * evidence it holds — a 文件号, a 检查记录 — and raters see it read-only). Quantitative leaves come from
 * business data and carry no entry mode.
 */
export const ENTRY_MODES = ['panel', 'office'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];
// Absent = 'panel': frameworks stored before entry modes existed read unchanged; read it through entryModeOf.
const entryMode = z.enum(ENTRY_MODES).optional();

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);

/**
 * 由业务数据触发 (issue 11 §4): “未完成年度生产经营主要指标的，不得评为优秀” — a veto (a grade cap) or a deduction
 * decided by a quantitative leaf's measurement instead of being recorded by anyone. The source is named by its
 * indicator code (stable across framework versions and in the workbook). The 完成率 is actual ÷ target for a
 * “越高越好” source and target ÷ actual for “越低越好”; the leaf is triggered when it is below `below` (1 = 100%).
 * A triggered deduction counts one occurrence. Absent = recorded as the entry mode says (frameworks stored before
 * triggers read unchanged, and their fingerprints with them).
 */
export const DataTrigger = z.object({
  source: z.string().trim().min(1, { error: '请填写触发依据的定量指标编码' }).max(20),
  below: z.number().finite().positive().max(10),
});
export type DataTrigger = z.output<typeof DataTrigger>;

/** A 支部类别 as a scheme names it: 生产、机关、科研、后勤 …; at most 10 characters. */
export const CategoryLabel = text('支部类别').trim().min(1, { error: '支部类别不能为空' }).max(10, { error: '支部类别最多 10 个字' });
/** The most 支部类别 one framework may distinguish. */
export const MAX_CATEGORIES = 12;

/** The most 细则 one leaf may hold. */
export const MAX_RULES = 30;

/**
 * One 细则 of a leaf (issue 11 §1), as the scheme writes it:
 * - “未建立台账扣2分” → { basis: 'once', min: 2, max: 2 } (fixed, once)
 * - “未按时召开支委会，每次扣1分” → { basis: 'each', min: 1, max: 1 } (per occurrence)
 * - “组织生活会质量不高的，扣1—2分” → { basis: 'once', min: 1, max: 2 } (a range the recorder picks within, once)
 * - “每发现一处问题扣0.5—1分” → { basis: 'each', min: 0.5, max: 1 } (a range per occurrence)
 * `cap` = “最多扣N分” for this rule alone. min > max is caught by validateFramework (naming the rule), not here,
 * so an imported workbook's mistakes are reported with the others instead of as a parse failure.
 */
export const LeafRule = z.object({
  text: text('细则内容').trim().min(1, { error: '细则内容不能为空' }).max(200, { error: '细则内容最多 200 个字符' }),
  basis: z.enum(['once', 'each']),
  min: positive.max(1000),
  max: positive.max(1000),
  cap: positive.max(1000).nullable().default(null),
});
export type LeafRule = z.output<typeof LeafRule>;

/**
 * How a leaf is scored. What a rater enters (the raw value) per method:
 * rating → points; level → index into `levels`; deduction → number of
 * occurrences (each with a reason); bonus → number of items (each with a
 * description); veto → 1 triggered / 0 not; rules → the points its findings
 * deduct or add in total (findingsTotal in findings.ts: one finding per rule
 * applied, with count, amount and reason). Quantitative leaves are scored
 * from the branch's measurement (target and actual), not by raters.
 */
export const LeafMethod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rating'), step: positive.default(0.5), entry: entryMode }),
  z.object({
    kind: z.literal('level'),
    entry: entryMode,
    levels: z
      .array(z.object({ label: text('等次名称').trim().min(1).max(10), fraction: z.number().min(0).max(1) }))
      .min(2)
      .max(8)
      .default(DEFAULT_LEVELS),
  }),
  z.object({ kind: z.literal('deduction'), perOccurrence: positive, entry: entryMode, trigger: DataTrigger.optional() }),
  z.object({ kind: z.literal('bonus'), perItem: positive, entry: entryMode }),
  z.object({
    kind: z.literal('quantitative'),
    direction: z.enum(['higher', 'lower']),
    /** Where points reach zero when a measurement gives no floor: target × floorRatio (higher: < 1, lower: > 1). */
    floorRatio: nonNegative,
    /** Extra share of max earned beyond the target, e.g. 0.2 → up to 120% of max (then capped by the parent). */
    excessCap: nonNegative.max(1).default(0),
  }),
  z.object({
    kind: z.literal('rules'),
    /** deduct = 扣分 (the leaf starts at its points and its findings take them off); add = 加分 (a bonus leaf: findings add, up to its points). */
    effect: z.enum(['deduct', 'add']),
    rules: z.array(LeafRule).min(1, { error: '至少要有一条细则' }).max(MAX_RULES, { error: `一个指标最多 ${MAX_RULES} 条细则` }),
    /** 扣完为止: a deduct leaf never goes below 0. false = its deductions may take points off its section beyond its own. */
    floorAtZero: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('veto'),
    entry: entryMode,
    /** The highest grade a branch can get when this veto is triggered; null → the lowest grade. */
    capGrade: text('最高等次').trim().min(1).max(10).nullable().default(null),
    trigger: DataTrigger.optional(),
  }),
]);
export type LeafMethod = z.output<typeof LeafMethod>;
export type MethodKind = LeafMethod['kind'];
export const METHOD_KINDS: readonly MethodKind[] = ['rating', 'level', 'deduction', 'bonus', 'rules', 'quantitative', 'veto'];
/**
 * Who records a leaf: 'data' for quantitative leaves and data-triggered ones (business data), 'office' for 细则 leaves, else the method's
 * entry mode. 细则 are facts checked against the scheme's rules (a missed meeting, an incomplete 台账): the office
 * records each finding once, with its evidence, rather than every rater typing the same findings (issue 11).
 */
export const entryModeOf = (method: LeafMethod): EntryMode | 'data' =>
  method.kind === 'quantitative' || dataTriggerOf(method) ? 'data' : method.kind === 'rules' ? 'office' : (method.entry ?? 'panel');
/** The business-data trigger of a veto or deduction leaf (issue 11 §4), or null when people record it. */
export const dataTriggerOf = (method: LeafMethod): DataTrigger | null =>
  (method.kind === 'veto' || method.kind === 'deduction') && method.trigger ? method.trigger : null;
/** A leaf that counts outside the base (加分): a bonus leaf, or a 细则 leaf that adds. */
export const isBonusMethod = (method: LeafMethod | null | undefined): boolean =>
  method?.kind === 'bonus' || (method?.kind === 'rules' && method.effect === 'add');
/** A leaf whose entries take points off (a pool's children deduct from the pool): deduction, or 细则 that deduct. */
export const isDeductMethod = (method: LeafMethod | null | undefined): boolean =>
  method?.kind === 'deduction' || (method?.kind === 'rules' && method.effect === 'deduct');

/**
 * How an inner node rolls up, beyond "the sum of its children cut to its max" (issue 11 §2: 考核细则 as they
 * are written). `pool` = 扣分池（扣完为止）: "本部分共20分，按下列细则扣分，扣完为止" — the node's points are a pool
 * its children (deduction leaves of 0 points) deduct from, floored at 0. `bonusCap` = 加分上限（分部）:
 * "本部分加分最多不超过5分" — the bonus points within the node's subtree are capped at it before the period's
 * cap applies. Absent = { pool: false, bonusCap: null }, so frameworks stored before options existed read unchanged.
 */
export const NodeOptions = z.object({
  pool: z.boolean().default(false),
  bonusCap: z.number().finite().min(0).max(1000).nullable().default(null),
});
export type NodeOptions = z.output<typeof NodeOptions>;

/** Methods scored by the panel's judgment: the ones z-scores and panel statistics look at. */
export const JUDGMENT_METHODS: readonly MethodKind[] = ['rating', 'level'];

/** One indicator as stored: leaves have a method, inner nodes have none. */
export interface Indicator {
  id: number;
  parentId: number | null;
  /** Order among siblings, 0-based. */
  position: number;
  code: string;
  name: string;
  /** 评分细则 */
  criteria: string;
  /** 佐证材料 */
  evidence: string;
  tag: Tag;
  maxPoints: number;
  method: LeafMethod | null;
  /** Pool / section bonus cap (NodeOptions); absent = neither. */
  options?: NodeOptions;
  /**
   * 分类施策 (issue 11 §7): the 支部类别 this indicator (and everything under it) applies to; absent or empty = all.
   * For a branch of another category the indicator is 不适用 — not missing, not scored — and the branch's base is
   * rescaled to the full mark (docs/scoring-rules.md “适用范围与折算”). Each label is one of Framework.categories.
   */
  appliesTo?: string[];
}

export const IndicatorFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: '指标编码不能为空' })
    .max(20, { error: '指标编码最多 20 个字符' })
    .regex(/^\d+(\.\d+)*$/, { error: '指标编码应为 1、1.2、1.2.3 这样的数字编号' }),
  name: text('指标名称').trim().min(1, { error: '指标名称不能为空' }).max(80, { error: '指标名称最多 80 个字符' }),
  criteria: text('评分细则').trim().max(2000).default(''),
  evidence: text('佐证材料').trim().max(1000).default(''),
  tag: z.enum(TAGS),
  maxPoints: nonNegative.max(1000),
  method: LeafMethod.nullable().default(null),
  /**
   * Only for 分部 (nodes with children). Absent on update = keep the stored options; { pool: false,
   * bonusCap: null } clears them.
   */
  options: NodeOptions.optional(),
  /** 适用类别 (see Indicator.appliesTo). Absent on update = keep; [] = applies to all. */
  appliesTo: z.array(CategoryLabel).max(MAX_CATEGORIES).optional(),
});
export type IndicatorFieldsInput = z.input<typeof IndicatorFields>;
export type IndicatorFieldsValue = z.output<typeof IndicatorFields>;

/**
 * The 等次 a published 考核细则 states with its indicators (issue 11 §8): any labels and minimums, highest first
 * (好/较好/一般/差 at 90/80/60, 达标/基本达标/不达标 …), and quotas only where the scheme has them (“优秀不超过20%”;
 * [] = none). A period made on the framework starts with it. Each field's rules here (those of a period's
 * grades and quotas); the rules across them are settingsProblems' (period.ts), so the framework's dialog, its
 * workbook and the period settings form say the same words — see gradeSchemeProblems.
 */
export const GradeQuota = z.object({ label: text('等次名称').trim().min(1).max(10), maxShare: z.number().min(0).max(1) });
export type GradeQuota = z.output<typeof GradeQuota>;
/** The most grades a scheme holds: as many as a period's settings take. */
export const MAX_GRADES = 8;
export const GradeScheme = z.object({
  // No .min(2) here: fewer than two grades is settingsProblems' 'settings.grades.tooFew', in its words.
  grades: z.array(GradeRule).max(MAX_GRADES),
  quotas: z.array(GradeQuota).max(MAX_GRADES).default([]),
});
export type GradeScheme = z.output<typeof GradeScheme>;
export type GradeSchemeInput = z.input<typeof GradeScheme>;

/** The rules across a scheme's grades and quotas broken, each with its message in the settings form's words. */
export const gradeSchemeProblems = (scheme: { grades: readonly GradeRule[]; quotas: readonly { label: string }[] }): (SettingsProblem & { message: string })[] =>
  settingsProblems(scheme.grades, scheme.quotas).map((p) => ({ ...p, message: settingsProblemInWords(p) }));

/** A framework version. Frozen once a period using it has scores: changes then make a new version. */
export interface Framework {
  id: number;
  name: string;
  description: string;
  /** Versions of one framework share a lineage (the id of the first version). */
  lineageId: number;
  version: number;
  frozenAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The scheme's 等次 and quotas; null = the app's defaults (DEFAULT_GRADES, 优秀 20%). */
  gradeScheme: GradeScheme | null;
  /**
   * 支部类别 the scheme distinguishes (分类施策, issue 11 §7), e.g. ['生产', '机关', '科研']; [] = none (every
   * indicator applies to every branch). Indicators' appliesTo and branches' category name these labels.
   */
  categories: string[];
}

export interface FrameworkWithIndicators extends Framework {
  indicators: Indicator[];
}

/** A node of a framework before it is stored: the shape of templates and imports. */
export interface IndicatorDraft extends Omit<IndicatorFieldsInput, 'code'> {
  code: string;
  children?: IndicatorDraft[];
}

export interface FrameworkDraft {
  name: string;
  description: string;
  indicators: IndicatorDraft[];
  /** Absent or null = the app's defaults. */
  gradeScheme?: GradeScheme | null;
  /** 支部类别 (Framework.categories); absent = none. */
  categories?: string[];
}
