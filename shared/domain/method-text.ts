/**
 * Scoring methods and categories as an office worker writes them in a
 * worksheet cell (the framework workbook's 类别、评分方法 and 方法参数 columns),
 * and back. Pure: the main process uses it for imports and exports, the
 * renderer can reuse it to show and edit a method as one line of text.
 *
 * 方法参数 syntax, per method (empty = the default where there is one):
 *   打分     步长0.5                         (empty → 步长0.5)
 *   等次     好=1,较好=0.8,一般=0.6,差=0      (empty → these four)
 *   扣分     每次0.5                         (required)
 *   加分     每项1                           (required)
 *   定量     越高越好,零分线0.8,超额20%       (超额 optional, default 0)
 *            越低越好,零分线1.1
 *   细则     扣分 / 加分 / 扣分,不设下限       (empty → 扣分; the rules themselves are rows of the 细则 sheet)
 *   一票否决 最高等次一般                     (empty → the lowest grade)
 * 扣分 and 一票否决 may end with a business-data trigger (由业务数据触发, issue 11 §4): “触发4.1.1<100%”, i.e.
 * triggered when the 完成率 of quantitative leaf 4.1.1 is below 100% — “每次2,触发4.1.1<90%”, “最高等次一般,触发4.1.1<100%”
 * (低于 for <, the threshold as 90% or 0.9).
 * Commas may be ASCII or Chinese (，、；), `=` may be `：`; numbers may carry 分.
 * `parseMethod(kind, formatMethod(m))` gives back `m` exactly; for 细则 the
 * rules come from elsewhere (the workbook's 细则 sheet), so they are passed in:
 * `parseMethod('rules', formatMethod(m), m.rules)`.
 */
import { DEFAULT_LEVELS, LeafMethod, dataTriggerOf, type DataTrigger, type EntryMode, type LeafRule, type MethodKind, type Tag } from './framework';

export const TAG_LABELS: Record<Tag, string> = { party: '党建', business: '业务', fusion: '融合' };

export const METHOD_LABELS: Record<MethodKind, string> = {
  rating: '打分',
  level: '等次',
  deduction: '扣分',
  bonus: '加分',
  rules: '细则',
  quantitative: '定量',
  veto: '一票否决',
};

/** The framework workbook's 录入方式 column: who records a (non-quantitative) leaf; empty = 评委评分. */
export const ENTRY_MODE_LABELS: Record<EntryMode, string> = { panel: '评委评分', office: '考核组核定' };

/**
 * The 录入方式 of a leaf triggered by business data (its 方法参数 carries the trigger): written by the export, and
 * accepted (or an empty cell) on import only when 方法参数 has a trigger.
 */
export const DATA_TRIGGER_ENTRY_LABEL = '业务数据触发';
/** 业务数据触发 / 由业务数据触发 / data → true. */
export const isDataTriggerEntryLabel = (text: string): boolean => ['业务数据触发', '由业务数据触发', 'data'].includes(text.trim().toLowerCase());

/** Examples of a trigger in 方法参数, as the template's instructions show them. */
export const TRIGGER_PARAM_EXAMPLES = { veto: '最高等次一般,触发4.1.1<100%', deduction: '每次2,触发4.1.1<90%' } as const;
export const METHOD_TRIGGER_HINT = '由业务数据触发的，在参数末尾加“,触发4.1.1<100%”（依据的定量指标编码和完成率门槛，门槛可写 90% 或 0.9，“<”也可写“低于”）';

/** One example of 方法参数 per method, as the template's instructions show it. */
export const METHOD_PARAM_EXAMPLES: Record<MethodKind, string> = {
  rating: '步长0.5',
  level: '好=1,较好=0.8,一般=0.6,差=0',
  deduction: '每次0.5',
  bonus: '每项1',
  rules: '扣分',
  quantitative: '越高越好,零分线0.8,超额20%',
  veto: '最高等次一般',
};

/** What 方法参数 should look like, per method: the tail of every parse error. */
export const METHOD_PARAM_HINTS: Record<MethodKind, string> = {
  rating: '打分的参数应写成“步长0.5”（评委打分的最小单位），或留空（默认步长 0.5）',
  level: '等次的参数应写成“好=1,较好=0.8,一般=0.6,差=0”（等次名称=得分比例，比例在 0 到 1 之间，2 到 8 个等次），或留空（使用这四个默认等次）',
  deduction: '扣分的参数应写成“每次0.5”，即每发生一次扣几分',
  bonus: '加分的参数应写成“每项1”，即每一项加几分',
  rules: '细则的参数应写成“扣分”“加分”或“扣分,不设下限”（留空即扣分，扣完为止），每条细则写在“细则”表中',
  quantitative: '定量的参数应写成“越高越好,零分线0.8,超额20%”或“越低越好,零分线1.1”（零分线是目标值的倍数，超额可不写）',
  veto: '一票否决的参数应写成“最高等次一般”（被否决后最高只能评的等次），或留空（只能评最低等次）',
};

const bySynonym = <K extends string>(labels: Record<K, string>, text: string): K | null => {
  const s = text.trim();
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (s === label || s.toLowerCase() === key.toLowerCase()) return key;
  }
  return null;
};

/** 党建 / 业务 / 融合 (or party / business / fusion) → the tag; null when it is neither. */
export const parseTagLabel = (text: string): Tag | null => bySynonym(TAG_LABELS, text);

/** 打分 / 等次 / … (or rating / level / …) → the method kind; null when it is none of them. */
export const parseMethodLabel = (text: string): MethodKind | null => bySynonym(METHOD_LABELS, text);

/** 评委评分 / 考核组核定 (or panel / office) → the entry mode; null when it is neither. */
export const parseEntryModeLabel = (text: string): EntryMode | null => bySynonym(ENTRY_MODE_LABELS, text);

/** The shortest text that reads back as exactly `x`. */
const num = (x: number) => String(x);

/** A share as a percentage when that reads back exactly (0.2 → 20%), else as the plain number. */
function percent(x: number): string {
  const pretty = String(Number((x * 100).toPrecision(12)));
  return Number(pretty) / 100 === x ? `${pretty}%` : num(x);
}

/** The 方法参数 cell for a method: its parameters, then its business-data trigger if it has one. */
export function formatMethod(method: LeafMethod): string {
  const params = formatParams(method);
  const trigger = dataTriggerOf(method);
  if (!trigger) return params;
  return [params, formatTrigger(trigger)].filter((p) => p !== '').join(',');
}

/** “触发4.1.1<100%”: the threshold as a percentage when that reads back exactly, else as the plain share. */
export const formatTrigger = (trigger: DataTrigger): string => `触发${trigger.source}<${percent(trigger.below)}`;

function formatParams(method: LeafMethod): string {
  switch (method.kind) {
    case 'rating':
      return `步长${num(method.step)}`;
    case 'level':
      return method.levels.map((l) => `${l.label}=${num(l.fraction)}`).join(',');
    case 'deduction':
      return `每次${num(method.perOccurrence)}`;
    case 'bonus':
      return `每项${num(method.perItem)}`;
    case 'quantitative':
      return [
        method.direction === 'higher' ? '越高越好' : '越低越好',
        `零分线${num(method.floorRatio)}`,
        ...(method.excessCap > 0 ? [`超额${percent(method.excessCap)}`] : []),
      ].join(',');
    case 'rules':
      // 不设下限 only means something for deductions; an adding leaf's floorAtZero is never read (nor written).
      return method.effect === 'add' ? RULES_ADD : method.floorAtZero ? RULES_DEDUCT : `${RULES_DEDUCT},${RULES_NO_FLOOR}`;
    case 'veto':
      return method.capGrade === null ? '' : `最高等次${method.capGrade}`;
  }
}

const RULES_DEDUCT = '扣分';
const RULES_ADD = '加分';
const RULES_NO_FLOOR = '不设下限';

/** What a 细则 leaf's 方法参数 cell says: whether its rules deduct or add, and whether deductions stop at 0. */
export type RulesParams = Pick<Extract<LeafMethod, { kind: 'rules' }>, 'effect' | 'floorAtZero'>;

/**
 * Reads the 方法参数 cell of a 细则 leaf: 扣分 (empty too), 加分, or 扣分,不设下限 (扣完为止 is the default and may
 * be written out). The rules are not in this cell: the caller brings them (parseMethod's third argument).
 */
export function parseRulesParams(text: string): RulesParams | { error: string } {
  const s = normalise(text);
  const problem = (p: string) => ({ error: `${p}；${METHOD_PARAM_HINTS.rules}` });
  let effect: RulesParams['effect'] | null = null;
  let floorAtZero: boolean | null = null;
  for (const part of s === '' ? [] : s.split(',')) {
    if (part === RULES_DEDUCT || part === RULES_ADD) {
      const next = part === RULES_DEDUCT ? 'deduct' : 'add';
      if (effect !== null && effect !== next) return problem('“扣分”和“加分”只能写一个');
      effect = next;
    } else if (part === RULES_NO_FLOOR || part === '扣完为止') {
      floorAtZero = part === '扣完为止';
    } else {
      return problem(`无法识别“${part}”`);
    }
  }
  if (effect === 'add' && floorAtZero !== null) return problem(`加分的细则不用写“${floorAtZero ? '扣完为止' : RULES_NO_FLOOR}”`);
  return { effect: effect ?? 'deduct', floorAtZero: floorAtZero ?? true };
}

/** The 细则 sheet's 计分方式 column: a rule applied once, or per occurrence; empty = 一次. */
export const RULE_BASIS_LABELS: Record<LeafRule['basis'], string> = { once: '一次', each: '每次' };
const BASIS_SYNONYMS: Record<LeafRule['basis'], readonly string[]> = { once: ['一次', 'once'], each: ['每次', '每项', '每处', '每个', '每条', 'each'] };

/** 一次 / 每次 (or once / each, 每项, 每处, …) → the basis; null when it is neither. */
export function parseRuleBasis(text: string): LeafRule['basis'] | null {
  const s = text.replace(/[\s\u3000]/g, '').toLowerCase();
  for (const [basis, words] of Object.entries(BASIS_SYNONYMS) as [LeafRule['basis'], readonly string[]][]) if (words.includes(s)) return basis;
  return null;
}

/** The 细则 sheet's 分值 cell: the fixed amount (2), or the range the recorder picks within (1-2). */
export const formatRuleAmount = (rule: Pick<LeafRule, 'min' | 'max'>): string | number =>
  rule.min === rule.max ? rule.min : `${num(rule.min)}-${num(rule.max)}`;

/**
 * Reads a 细则's 分值: “2”, “2分”, or a range “1-2”, “1—2”, “1~2”, “1至2分”. Null when it is neither a number
 * nor a range; the amounts are returned as written (whether they are positive and in order is the caller's check).
 */
export function parseRuleAmount(value: string | number): { min: number; max: number } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { min: value, max: value } : null;
  const s = normalise(value).replace(/^[扣加]/, '');
  const one = numberIn(s, new RegExp(`^(${NUMBER})分?$`));
  if (one !== null) return { min: one, max: one };
  const range = new RegExp(`^(${NUMBER})分?(?:-|－|—|–|―|~|～|〜|至|到)+(${NUMBER})分?$`).exec(s);
  return range ? { min: Number(range[1]), max: Number(range[2]) } : null;
}

export type ParsedMethod = { method: LeafMethod } | { error: string };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const numberIn = (text: string, pattern: RegExp): number | null => {
  const m = pattern.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
};

/** Full-width punctuation to ASCII, no spaces: 「好＝1，较好：0.8」→「好=1,较好=0.8」. */
const normalise = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/[，、；;]/g, ',')
    .replace(/[＝：:]/g, '=')
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/,+$/, '');

/** A share written as 20% or as 0.2; null when it is neither. */
function share(text: string): number | null {
  const pct = numberIn(text, new RegExp(`^(${NUMBER})%$`));
  if (pct !== null) return pct / 100;
  return numberIn(text, new RegExp(`^(${NUMBER})$`));
}

const fail = (kind: MethodKind, problem?: string): ParsedMethod => ({
  error: problem ? `${problem}；${METHOD_PARAM_HINTS[kind]}` : METHOD_PARAM_HINTS[kind],
});

/** Reads the 方法参数 cell of a leaf whose 评分方法 is `kind`; a 细则 leaf's rules are passed in (see parseRulesParams). */
export function parseMethod(kind: MethodKind, text: string, rules: readonly LeafRule[] = []): ParsedMethod {
  const s = normalise(text);
  const result = kind === 'rules' ? rulesMethod(text, rules) : parseNormalised(kind, s, text.trim());
  // How to write a trigger only for a cell that tries one: every other 扣分 / 一票否决 error stays short.
  if ('error' in result) return (kind === 'deduction' || kind === 'veto') && text.includes('触发') ? { error: `${result.error}；${METHOD_TRIGGER_HINT}` } : result;
  // The schema is the last word (e.g. at most 8 levels); its message is technical, so ours is shown.
  const checked = LeafMethod.safeParse(result.method);
  return checked.success ? { method: checked.data } : fail(kind, `“${text.trim()}”不符合要求`);
}

function rulesMethod(text: string, rules: readonly LeafRule[]): ParsedMethod {
  const params = parseRulesParams(text);
  if ('error' in params) return params;
  if (rules.length === 0) return fail('rules', '没有细则');
  return { method: { kind: 'rules', ...params, rules: rules.map((r) => ({ ...r })) } };
}

function parseNormalised(kind: Exclude<MethodKind, 'rules'>, s: string, original: string): ParsedMethod {
  const quoted = `“${original}”`;
  switch (kind) {
    case 'rating': {
      if (s === '') return { method: { kind, step: 0.5 } };
      const step = numberIn(s, new RegExp(`^(?:步长=?)?(${NUMBER})分?$`));
      if (step === null) return fail(kind, `无法识别${quoted}`);
      if (!(step > 0)) return fail(kind, '步长应大于 0');
      return { method: { kind, step } };
    }
    case 'level': {
      if (s === '') return { method: { kind, levels: DEFAULT_LEVELS.map((l) => ({ ...l })) } };
      const levels: { label: string; fraction: number }[] = [];
      for (const part of s.split(',')) {
        const m = /^(.+?)=(.+)$/.exec(part);
        if (!m) return fail(kind, `无法识别“${part}”`);
        const label = m[1]!;
        const fraction = share(m[2]!);
        if (fraction === null) return fail(kind, `等次“${label}”的得分比例“${m[2]}”不是数字`);
        if (fraction < 0 || fraction > 1) return fail(kind, `等次“${label}”的得分比例 ${m[2]} 不在 0 到 1 之间`);
        if (label.length > 10) return fail(kind, `等次名称“${label}”太长（最多 10 个字）`);
        if (levels.some((l) => l.label === label)) return fail(kind, `等次“${label}”写了两次`);
        levels.push({ label, fraction });
      }
      if (levels.length < 2 || levels.length > 8) return fail(kind, `写了 ${levels.length} 个等次`);
      return { method: { kind, levels } };
    }
    case 'deduction': {
      const split = splitTrigger(s);
      if ('error' in split) return fail(kind, split.error);
      const { rest, trigger } = split;
      if (rest === '') return fail(kind, '没有填写每次扣几分');
      const per = numberIn(rest, new RegExp(`^(?:每[次处项个]=?)?扣?(${NUMBER})分?$`));
      if (per === null) return fail(kind, `无法识别${trigger ? `“${rest}”` : quoted}`);
      if (!(per > 0)) return fail(kind, '每次扣分应大于 0');
      return { method: { kind, perOccurrence: per, ...(trigger ? { trigger } : {}) } };
    }
    case 'bonus': {
      if (s === '') return fail(kind, '没有填写每项加几分');
      const per = numberIn(s, new RegExp(`^(?:每[项次个]=?)?加?(${NUMBER})分?$`));
      if (per === null) return fail(kind, `无法识别${quoted}`);
      if (!(per > 0)) return fail(kind, '每项加分应大于 0');
      return { method: { kind, perItem: per } };
    }
    case 'quantitative': {
      if (s === '') return fail(kind, '没有填写定量指标的计分方式');
      let direction: 'higher' | 'lower' | null = null;
      let floorRatio: number | null = null;
      let excessCap = 0;
      for (const part of s.split(',')) {
        if (part === '越高越好' || part === '越低越好') {
          direction = part === '越高越好' ? 'higher' : 'lower';
          continue;
        }
        const floor = /^零分线=?(.+)$/.exec(part);
        if (floor) {
          floorRatio = share(floor[1]!);
          if (floorRatio === null || floorRatio < 0) return fail(kind, `零分线“${floor[1]}”不是目标值的倍数（如 0.8 或 80%）`);
          continue;
        }
        const excess = /^超额=?(.+)$/.exec(part);
        if (excess) {
          const cap = share(excess[1]!);
          if (cap === null || cap < 0 || cap > 1) return fail(kind, `超额“${excess[1]}”应为 0% 到 100% 之间的百分数`);
          excessCap = cap;
          continue;
        }
        return fail(kind, `无法识别“${part}”`);
      }
      if (direction === null) return fail(kind, '没有写明“越高越好”还是“越低越好”');
      if (floorRatio === null) return fail(kind, '没有写零分线');
      return { method: { kind, direction, floorRatio, excessCap } };
    }
    case 'veto': {
      const split = splitTrigger(s);
      if ('error' in split) return fail(kind, split.error);
      const { rest, trigger } = split;
      const withTrigger = trigger ? { trigger } : {};
      if (rest === '') return { method: { kind, capGrade: null, ...withTrigger } };
      const m = /^最高(?:等次)?(?:为|是|评)?=?(.+)$/.exec(rest);
      if (!m) return fail(kind, `无法识别${trigger ? `“${rest}”` : quoted}`);
      return { method: { kind, capGrade: m[1]!, ...withTrigger } };
    }
  }
}

/**
 * Takes the trigger part (“触发4.1.1<100%”, “触发4.1.1完成率低于0.9”) out of a normalised 方法参数 of 扣分 or 一票否决:
 * the other parts (joined back) and the trigger, or null when there is none.
 */
function splitTrigger(s: string): { rest: string; trigger: DataTrigger | null } | { error: string } {
  const parts = s === '' ? [] : s.split(',');
  const marked = parts.filter((p) => p.startsWith('触发'));
  if (marked.length === 0) return { rest: s, trigger: null };
  if (marked.length > 1) return { error: '触发条件只能写一个' };
  const part = marked[0]!;
  const m = /^触发=?(\d+(?:\.\d+)*)(?:的)?(?:完成率)?(?:<|＜|低于|小于)(.+)$/.exec(part);
  if (!m) return { error: `无法识别触发条件“${part}”` };
  const below = share(m[2]!);
  if (below === null || !(below > 0) || below > 10) return { error: `触发条件“${part}”的完成率门槛“${m[2]}”应为大于 0 的百分数（如 100% 或 0.9）` };
  return { rest: parts.filter((p) => p !== part).join(','), trigger: { source: m[1]!, below } };
}
