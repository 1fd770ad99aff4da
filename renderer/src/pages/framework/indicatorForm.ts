/**
 * The indicator form's values and their checks: every field is validated with
 * the very zod schemas the main process applies (IndicatorFields, LeafMethod);
 * the words come from the message catalogue.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import {
  DEFAULT_LEVELS,
  IndicatorFields,
  LeafMethod,
  NodeOptions,
  dataTriggerOf,
  type EntryMode,
  type Indicator,
  type IndicatorFieldsInput,
  type MethodKind,
  type Tag,
} from '../../../../shared/domain/framework';
import { t, type MessageKey } from '../../../../shared/messages';

/** Numbers as typed: 3 stays “3”, not “3.0” (the default pads to the step's decimals). */
export const plainNumber = (value: number | string | undefined, info: { userTyping: boolean; input: string }) =>
  info.userTyping ? info.input : value === undefined || value === null || value === '' ? '' : String(Number(value));

/** The veto's "lowest grade" choice (capGrade null) in the grade select. */
export const LOWEST_GRADE = '__lowest__';

export interface IndicatorFormValues {
  code: string;
  name: string;
  tag: Tag;
  maxPoints: number | null;
  criteria: string;
  evidence: string;
  kind?: MethodKind;
  step?: number | null;
  levels?: { label: string; fraction: number | null }[];
  perOccurrence?: number | null;
  perItem?: number | null;
  direction?: 'higher' | 'lower';
  floorRatio?: number | null;
  excessCap?: number | null;
  capGrade?: string;
  /** 细则 leaves: 扣分/加分, 扣完为止 and the rules as the form holds them (RuleFormRow). */
  effect?: 'deduct' | 'add';
  floorAtZero?: boolean;
  rules?: RuleFormRow[];
  /**
   * Who records the leaf (评委评分 / 考核组核定), or 'data' = 由业务数据触发 (扣分 and 一票否决 only, issue 11 §4);
   * not asked for quantitative or 细则 leaves.
   */
  entry?: EntryMode | 'data';
  /** 由业务数据触发: the source quantitative leaf's code, and the 完成率 threshold in percent (100 = 100%). */
  triggerSource?: string;
  triggerBelow?: number | null;
  /** Inner nodes only: 扣分池（扣完为止） and 加分上限（本部分）, the node's options (NodeOptions). */
  pool?: boolean;
  bonusCap?: number | null;
  /** 适用类别 (分类施策): the 支部类别 the node applies to; empty or absent = all. */
  appliesTo?: string[];
}

/**
 * One 细则 as the form holds it: `ranged` picks between one amount (min, sent as min = max) and a range
 * 下限—上限; `cap` null = no 最多扣（加）分.
 */
export interface RuleFormRow {
  text: string;
  basis: 'once' | 'each';
  ranged: boolean;
  min: number | null;
  max: number | null;
  cap: number | null;
}

/** A new, empty rule row: once, a fixed amount still to be typed. */
export const newRuleRow = (): RuleFormRow => ({ text: '', basis: 'once', ranged: false, min: null, max: null, cap: null });

type MethodParam = 'step' | 'levels' | 'perOccurrence' | 'perItem' | 'direction' | 'floorRatio' | 'excessCap' | 'capGrade';

/** Sensible starting parameters for each method (those of the built-in template). */
export const METHOD_DEFAULTS: Record<MethodKind, Partial<IndicatorFormValues>> = {
  rating: { step: 0.5 },
  level: { levels: DEFAULT_LEVELS.map((l) => ({ ...l })) },
  deduction: { perOccurrence: 0.5 },
  bonus: { perItem: 1 },
  quantitative: { direction: 'higher', floorRatio: 0.8, excessCap: 0 },
  veto: { capGrade: LOWEST_GRADE },
  rules: { effect: 'deduct', floorAtZero: true, rules: [newRuleRow()] },
};

/** The 完成率 threshold a new trigger starts with: 100%, i.e. triggered when the target is not met. */
export const TRIGGER_DEFAULT_BELOW = 100;

/** A stored trigger as the form holds it: 0.9 → 90 (without the float's 90.00000000000001). */
const triggerValues = (m: LeafMethod): Partial<IndicatorFormValues> => {
  const trigger = dataTriggerOf(m);
  return trigger ? { entry: 'data', triggerSource: trigger.source, triggerBelow: Number((trigger.below * 100).toPrecision(12)) } : {};
};

export function valuesFromIndicator(n: Indicator): IndicatorFormValues {
  const base: IndicatorFormValues = {
    code: n.code,
    name: n.name,
    tag: n.tag,
    maxPoints: n.maxPoints,
    criteria: n.criteria,
    evidence: n.evidence,
    pool: n.options?.pool ?? false,
    bonusCap: n.options?.bonusCap ?? null,
    appliesTo: n.appliesTo ?? [],
  };
  const m = n.method;
  if (!m) return base;
  switch (m.kind) {
    case 'veto':
      return { ...base, kind: 'veto', capGrade: m.capGrade ?? LOWEST_GRADE, entry: m.entry ?? 'panel', ...triggerValues(m) };
    case 'deduction':
      return { ...base, kind: 'deduction', perOccurrence: m.perOccurrence, entry: m.entry ?? 'panel', ...triggerValues(m) };
    case 'level':
      return { ...base, kind: 'level', levels: m.levels.map((l) => ({ ...l })), entry: m.entry ?? 'panel' };
    case 'quantitative':
      return { ...base, ...m };
    case 'rules':
      return {
        ...base,
        kind: 'rules',
        effect: m.effect,
        floorAtZero: m.floorAtZero,
        rules: m.rules.map((r) => ({ text: r.text, basis: r.basis, ranged: r.min !== r.max, min: r.min, max: r.max, cap: r.cap })),
      };
    default:
      return { ...base, ...m, entry: m.entry ?? 'panel' };
  }
}

/**
 * The method as the form holds it, shaped for LeafMethod (unparsed). The entry mode is written only
 * when it is 考核组核定: absent means 评委评分, so a leaf left as it was stores exactly what it stored before.
 */
export function methodFromValues(v: IndicatorFormValues): unknown {
  const entry = v.entry === 'office' ? { entry: 'office' as const } : {};
  // 由业务数据触发 replaces the entry mode (nobody records the leaf); the threshold is typed in percent.
  const byData =
    v.entry === 'data'
      ? { trigger: { source: v.triggerSource ?? '', below: typeof v.triggerBelow === 'number' ? v.triggerBelow / 100 : v.triggerBelow } }
      : entry;
  switch (v.kind) {
    case undefined:
      return undefined;
    case 'rating':
      return { kind: 'rating', step: v.step, ...entry };
    case 'level':
      return { kind: 'level', levels: v.levels ?? [], ...entry };
    case 'deduction':
      return { kind: 'deduction', perOccurrence: v.perOccurrence, ...byData };
    case 'bonus':
      return { kind: 'bonus', perItem: v.perItem, ...entry };
    case 'quantitative':
      return { kind: 'quantitative', direction: v.direction, floorRatio: v.floorRatio, excessCap: v.excessCap ?? 0 };
    case 'veto':
      return { kind: 'veto', capGrade: !v.capGrade || v.capGrade === LOWEST_GRADE ? null : v.capGrade, ...byData };
    case 'rules':
      // Always office-recorded: no entry mode. 扣完为止 means nothing to a leaf that adds, so it stays at its default.
      return {
        kind: 'rules',
        effect: v.effect,
        floorAtZero: v.effect === 'add' ? true : v.floorAtZero !== false,
        rules: (v.rules ?? []).map((r) => ({
          text: r.text ?? '',
          basis: r.basis,
          min: r.min,
          max: r.ranged ? r.max : r.min,
          cap: typeof r.cap === 'number' ? r.cap : null,
        })),
      };
  }
}

/**
 * The fields to send: leaves carry a method, inner nodes none but their options (扣分池, 加分上限（本部分）),
 * always both, so switching one off clears it. Leaves send none: neither applies to a leaf.
 */
export function fieldsFromValues(v: IndicatorFormValues, isLeaf: boolean): IndicatorFieldsInput & { options?: NodeOptions } {
  return {
    ...(isLeaf ? {} : { options: { pool: v.pool === true, bonusCap: typeof v.bonusCap === 'number' ? v.bonusCap : null } }),
    code: v.code,
    name: v.name,
    tag: v.tag,
    maxPoints: v.maxPoints as number,
    criteria: v.criteria ?? '',
    evidence: v.evidence ?? '',
    method: isLeaf ? (methodFromValues(v) as IndicatorFieldsInput['method']) : null,
    // Sent as held (the indicator's own, or [] for a new one), so clearing the select makes it apply to all again.
    appliesTo: v.appliesTo ?? [],
  };
}

type FieldName = 'code' | 'name' | 'maxPoints' | 'criteria' | 'evidence';

/** Schema messages that are already in the user's words (code, name); the rest come from the catalogue. */
const FIELD_MESSAGES: Partial<Record<FieldName, MessageKey>> = {
  maxPoints: 'fw.invalid.maxPoints',
  criteria: 'fw.invalid.criteria',
  evidence: 'fw.invalid.evidence',
};

/** 加分上限（本部分）: empty (none) or what NodeOptions accepts. */
export const bonusCapRule: Rule = {
  validator: async (_rule, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    if (!NodeOptions.shape.bonusCap.safeParse(value).success) throw new Error(t('fw.bonusCap.invalid'));
  },
};

export const fieldRule = (field: FieldName): Rule => ({
  validator: async (_rule, value: unknown) => {
    const result = IndicatorFields.shape[field].safeParse(value ?? undefined);
    if (!result.success) {
      if (field === 'maxPoints' && (value === null || value === undefined)) throw new Error(t('fw.invalid.required', { field: t('fw.field.maxPoints') }));
      const key = FIELD_MESSAGES[field];
      throw new Error(key ? t(key) : result.error.issues[0]?.message);
    }
  },
});

const PARAM_MESSAGES: Record<MethodParam, MessageKey> = {
  step: 'fw.invalid.step',
  levels: 'fw.invalid.levels',
  perOccurrence: 'fw.invalid.perOccurrence',
  perItem: 'fw.invalid.perItem',
  direction: 'fw.invalid.direction',
  floorRatio: 'fw.invalid.floorRatio',
  excessCap: 'fw.invalid.excessCap',
  capGrade: 'fw.invalid.method',
};

const PARAM_LABELS: Record<MethodParam, MessageKey> = {
  step: 'fw.field.step',
  levels: 'fw.field.levels',
  perOccurrence: 'fw.field.perOccurrence',
  perItem: 'fw.field.perItem',
  direction: 'fw.field.direction',
  floorRatio: 'fw.field.floorRatio',
  excessCap: 'fw.field.excessCap',
  capGrade: 'fw.field.capGrade',
};

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Checks one parameter of the method (or one cell of the levels list) by
 * parsing the whole method with LeafMethod and picking the issues at `path`.
 */
export const methodRule = (form: FormInstance<IndicatorFormValues>, path: readonly (string | number)[]): Rule => ({
  validator: methodValidator(form, path),
});

export const methodValidator =
  (form: FormInstance<IndicatorFormValues>, path: readonly (string | number)[]) =>
  async (): Promise<void> => {
    const values = form.getFieldsValue(true) as IndicatorFormValues;
    if (!values.kind) {
      if (path[0] === 'kind') throw new Error(t('fw.invalid.method'));
      return;
    }
    const result = LeafMethod.safeParse(methodFromValues(values));
    if (result.success) return;
    const issue = result.error.issues.find((i) => samePath(i.path, path));
    if (!issue) return;
    const value = path.reduce<unknown>(
      (v, k) => (v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[k]),
      values,
    );
    const blank = value === null || value === undefined || value === '';
    if (path[0] === 'rules' && path.length === 3) {
      if (path[2] === 'text') throw new Error(blank ? t('fw.invalid.required', { field: t('fw.rules.text') }) : issue.message);
      if (path[2] === 'cap') throw new Error(t('fw.rules.invalid.cap'));
      if (blank) throw new Error(t('fw.invalid.required', { field: t(path[2] === 'max' ? 'fw.rules.max' : 'fw.rules.amount') }));
      throw new Error(t('fw.rules.invalid.amount'));
    }
    if (path[0] === 'rules') throw new Error(issue.message);
    if (path[0] === 'levels' && path.length === 3) {
      if (blank) throw new Error(t('fw.invalid.required', { field: t(path[2] === 'label' ? 'fw.field.levelLabel' : 'fw.field.levelFraction') }));
      throw new Error(t(path[2] === 'label' ? 'fw.invalid.levelLabel' : 'fw.invalid.levelFraction'));
    }
    const param = path[0] as MethodParam;
    if (blank && PARAM_LABELS[param]) throw new Error(t('fw.invalid.required', { field: t(PARAM_LABELS[param]) }));
    throw new Error(t(PARAM_MESSAGES[param] ?? 'fw.invalid.method'));
  };
