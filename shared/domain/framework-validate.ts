/**
 * Checks a framework tree and says, in the user's words, everything that is
 * wrong with it. The editor shows these live; a period cannot start scoring
 * while any `error` remains.
 */
import { t } from '../messages';
import { ruleNumber } from './findings';
import { dataTriggerOf, isBonusMethod, isDeductMethod, type DataTrigger, type Indicator, type LeafMethod } from './framework';

export interface FrameworkIssue {
  /** The indicator the issue is about; null for the framework as a whole. */
  indicatorId: number | null;
  code: string | null;
  severity: 'error' | 'warning';
  message: string;
}

const EPS = 0.005;
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** A bonus leaf, or an inner node whose children are all bonus: counted outside the base. */
export function bonusNodes(indicators: readonly Indicator[]): Set<number> {
  const children = childrenOf(indicators);
  const bonus = new Set<number>();
  const visit = (n: Indicator): boolean => {
    const kids = children.get(n.id) ?? [];
    const isBonus = kids.length === 0 ? isBonusMethod(n.method) : kids.map(visit).every(Boolean);
    if (isBonus) bonus.add(n.id);
    return isBonus;
  };
  (children.get(null) ?? []).forEach(visit);
  return bonus;
}

export function childrenOf(indicators: readonly Indicator[]): Map<number | null, Indicator[]> {
  const map = new Map<number | null, Indicator[]>();
  for (const n of indicators) {
    const list = map.get(n.parentId) ?? [];
    list.push(n);
    map.set(n.parentId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  return map;
}

/**
 * `gradeLabels`: the grades a veto's 最高等次 must be one of — the period's when a period starts scoring, the
 * framework's own scheme (gradeSource 'framework') in the editor; absent = not checked.
 */
export function validateFramework(
  indicators: readonly Indicator[],
  options: { gradeLabels?: readonly string[]; gradeSource?: 'period' | 'framework' } = {},
): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const error = (n: Indicator | null, message: string) =>
    issues.push({ indicatorId: n?.id ?? null, code: n?.code ?? null, severity: 'error', message: n ? `${n.code} ${n.name}：${message}` : message });
  const warn = (n: Indicator | null, message: string) =>
    issues.push({ indicatorId: n?.id ?? null, code: n?.code ?? null, severity: 'warning', message: n ? `${n.code} ${n.name}：${message}` : message });

  if (indicators.length === 0) {
    error(null, '指标体系还没有任何指标');
    return issues;
  }
  const byId = new Map(indicators.map((n) => [n.id, n]));
  const children = childrenOf(indicators);
  const bonus = bonusNodes(indicators);

  const seen = new Map<string, Indicator>();
  for (const n of indicators) {
    const other = seen.get(n.code);
    if (other) error(n, `编码与“${other.code} ${other.name}”重复`);
    else seen.set(n.code, n);
    if (n.parentId !== null && !byId.has(n.parentId)) error(n, '上级指标不存在');
  }

  for (const n of indicators) {
    const kids = children.get(n.id) ?? [];
    const parent = n.parentId === null ? null : byId.get(n.parentId);
    const inPool = parent?.options?.pool === true;
    checkOptions(n, kids, bonus, children, error, warn);
    // Codes follow the tree: 1 → 1.2 → 1.2.3.
    if (parent && !n.code.startsWith(`${parent.code}.`)) error(n, `编码应以上级编码“${parent.code}.”开头`);
    if (parent && n.code.split('.').length !== parent.code.split('.').length + 1) error(n, '编码层级与所在层级不符');
    if (!parent && n.code.includes('.')) error(n, '一级指标的编码应为 1、2、3 这样的单个数字');

    if (kids.length > 0) {
      if (n.method) error(n, '有下级指标的节点不能设置评分方法');
      // A pool's children have no points of their own (they deduct from the pool): nothing to add up.
      if (n.options?.pool) continue;
      const counted = kids.filter((k) => bonus.has(n.id) || !bonus.has(k.id));
      const sum = counted.reduce((s, k) => s + k.maxPoints, 0);
      if (Math.abs(sum - n.maxPoints) > EPS) error(n, `下级指标分值合计 ${fmt(sum)} 分，与本指标的 ${fmt(n.maxPoints)} 分不一致`);
      continue;
    }
    const m = n.method;
    if (!m) {
      error(n, '末级指标必须选择评分方法');
      continue;
    }
    const trigger = dataTriggerOf(m);
    if (trigger) checkTrigger(n, trigger, seen, children, error);
    switch (m.kind) {
      case 'rating': {
        const steps = n.maxPoints / m.step;
        if (n.maxPoints <= 0) error(n, '分值应大于 0');
        else if (Math.abs(steps - Math.round(steps)) > 1e-9) error(n, `分值 ${fmt(n.maxPoints)} 不是步长 ${m.step} 的整数倍，评委无法打满分`);
        break;
      }
      case 'level':
        if (n.maxPoints <= 0) error(n, '分值应大于 0');
        if (!m.levels.some((l) => l.fraction === 1)) warn(n, '没有得满分的等次');
        if (new Set(m.levels.map((l) => l.label)).size !== m.levels.length) error(n, '等次名称重复');
        break;
      case 'deduction':
        if (inPool) {
          if (n.maxPoints !== 0) error(n, `属于扣分池“${parent!.code} ${parent!.name}”，本身不计分，分值应为 0（扣分从扣分池的 ${fmt(parent!.maxPoints)} 分中扣除）`);
          else if (m.perOccurrence > parent!.maxPoints) error(n, `每次扣 ${fmt(m.perOccurrence)} 分，超过扣分池“${parent!.code} ${parent!.name}”的 ${fmt(parent!.maxPoints)} 分`);
        } else if (n.maxPoints <= 0) error(n, '扣分项的分值应大于 0');
        else if (m.perOccurrence > n.maxPoints) error(n, `每次扣 ${fmt(m.perOccurrence)} 分，超过本项分值 ${fmt(n.maxPoints)} 分`);
        break;
      case 'bonus':
        if (n.maxPoints <= 0) error(n, '加分项的分值（加分上限）应大于 0');
        else if (m.perItem > n.maxPoints) error(n, `每项加 ${fmt(m.perItem)} 分，超过加分上限 ${fmt(n.maxPoints)} 分`);
        if (parent && !bonus.has(parent.id)) warn(n, '加分项放在普通指标之下：它计入加分，不计入上级指标的分值');
        break;
      case 'rules':
        checkRules(n, m, inPool ? parent! : null, parent !== undefined && parent !== null && !bonus.has(parent.id), error, warn);
        break;
      case 'quantitative':
        if (n.maxPoints <= 0) error(n, '分值应大于 0');
        if (m.direction === 'higher' && m.floorRatio >= 1) error(n, `“越高越好”的指标，零分线比例应小于 1（现为 ${m.floorRatio}）`);
        if (m.direction === 'lower' && m.floorRatio <= 1) error(n, `“越低越好”的指标，零分线比例应大于 1（现为 ${m.floorRatio}）`);
        break;
      case 'veto':
        if (n.maxPoints !== 0) error(n, '一票否决项不计分，分值应为 0');
        if (m.capGrade !== null && options.gradeLabels && !options.gradeLabels.includes(m.capGrade)) {
          error(n, `否决后的最高等次“${m.capGrade}”不在${options.gradeSource === 'framework' ? '指标体系设定' : '本周期'}的等次中（${options.gradeLabels.join('、')}）`);
        }
        break;
    }
  }

  const roots = children.get(null) ?? [];
  const base = roots.filter((r) => !bonus.has(r.id)).reduce((s, r) => s + r.maxPoints, 0);
  if (Math.abs(base - 100) > EPS) warn(null, `基本分合计 ${fmt(base)} 分（通常为 100 分，加分项另计）`);
  return issues;
}

type Report = (n: Indicator | null, message: string) => void;

/**
 * A 细则 leaf (docs/scoring-rules.md “细则”): each rule's range, its single amount against what the leaf (or, for a
 * pool's child, the pool) can give or take, and its cap. Every message names the rule (①…) and quotes it.
 */
function checkRules(
  n: Indicator,
  m: Extract<LeafMethod, { kind: 'rules' }>,
  pool: Indicator | null,
  underBase: boolean,
  error: Report,
  warn: Report,
): void {
  const deduct = m.effect === 'deduct';
  const verb = deduct ? '扣' : '加';
  // A pool's child has no points of its own: its rules are measured against the pool (an adding child is
  // reported by the pool's own check).
  const limit = pool && deduct ? pool.maxPoints : n.maxPoints;
  const poolName = pool ? `${pool.code} ${pool.name}` : '';
  if (pool && deduct) {
    if (n.maxPoints !== 0) error(n, t('fw.rules.poolChildPoints', { pool: poolName, max: fmt(pool.maxPoints) }));
  } else if (n.maxPoints <= 0) {
    error(n, t(deduct ? 'fw.rules.deductNoPoints' : 'fw.rules.addNoPoints'));
    return;
  }
  if (!deduct && underBase) warn(n, t('fw.rules.bonusUnderBase'));
  if (deduct && !m.floorAtZero && !pool && n.parentId === null) warn(n, t('fw.rules.noFloorAtRoot'));
  m.rules.forEach((rule, i) => {
    const named = { rule: ruleNumber(i), text: rule.text, verb };
    if (rule.min > rule.max) {
      error(n, t('fw.rules.rangeReversed', { ...named, min: fmt(rule.min), max: fmt(rule.max) }));
      return;
    }
    if (rule.max > limit + 1e-9) {
      error(
        n,
        pool && deduct
          ? t('fw.rules.abovePool', { ...named, amount: fmt(rule.max), pool: poolName, max: fmt(limit) })
          : t('fw.rules.aboveItem', { ...named, amount: fmt(rule.max), max: fmt(limit) }),
      );
    }
    if (rule.cap === null) return;
    if (rule.cap < rule.min - 1e-9) error(n, t('fw.rules.capBelowMin', { ...named, cap: fmt(rule.cap), min: fmt(rule.min) }));
    // A cap at or above what the leaf (the pool) can lose or give never cuts anything: the leaf's own limit does
    // (unless the leaf is not floored, when its deductions may run past its points).
    else if (rule.cap >= limit - 1e-9 && (m.floorAtZero || !deduct || pool !== null))
      warn(
        n,
        pool && deduct
          ? t('fw.rules.capNeverBitesPool', { ...named, cap: fmt(rule.cap), pool: poolName, max: fmt(limit) })
          : t('fw.rules.capNeverBites', { ...named, cap: fmt(rule.cap), max: fmt(limit) }),
      );
  });
}

/**
 * A veto or deduction triggered by business data (docs/scoring-rules.md 由业务数据触发): its source code must name a
 * quantitative leaf other than itself — the one whose target and actual give the 完成率. Each message names the code.
 */
function checkTrigger(n: Indicator, trigger: DataTrigger, byCode: ReadonlyMap<string, Indicator>, children: Map<number | null, Indicator[]>, error: Report): void {
  const source = byCode.get(trigger.source);
  if (trigger.source === n.code) error(n, t('fw.trigger.self', { source: trigger.source }));
  else if (!source) error(n, t('fw.trigger.unknown', { source: trigger.source }));
  else if ((children.get(source.id) ?? []).length > 0 || source.method?.kind !== 'quantitative')
    error(n, t('fw.trigger.notQuantitative', { source: `${source.code} ${source.name}` }));
}

/** Node options (NodeOptions): 扣分池（扣完为止） and 加分上限（分部）, docs/scoring-rules.md. */
function checkOptions(
  n: Indicator,
  kids: readonly Indicator[],
  bonus: ReadonlySet<number>,
  children: Map<number | null, Indicator[]>,
  error: Report,
  warn: Report,
): void {
  const options = n.options;
  if (!options) return;
  if (options.pool) {
    if (kids.length === 0) error(n, '设为扣分池（扣完为止），但没有下级扣分细则');
    else if (n.maxPoints <= 0) error(n, '扣分池的分值应大于 0（扣分从这个分值中扣除）');
    for (const k of kids) {
      const isLeaf = (children.get(k.id) ?? []).length === 0;
      // 细则 that deduct deduct from the pool as a deduction leaf does (issue 11 §1).
      if (!isLeaf || !isDeductMethod(k.method)) {
        error(k, `属于扣分池“${n.code} ${n.name}”，只能是评分方法为“扣分”的末级指标`);
      }
    }
  }
  if (options.bonusCap !== null) {
    if (kids.length === 0) {
      warn(n, `末级指标不适用本部分加分上限（${fmt(options.bonusCap)} 分），不起作用；加分项的上限即其分值`);
      return;
    }
    // The bonus leaves below, and what they could add at most.
    let count = 0;
    let most = 0;
    const visit = (x: Indicator) => {
      const below = children.get(x.id) ?? [];
      if (below.length === 0 && bonus.has(x.id)) {
        count++;
        most += x.maxPoints;
      }
      below.forEach(visit);
    };
    kids.forEach(visit);
    if (count === 0) warn(n, `设置了本部分加分上限 ${fmt(options.bonusCap)} 分，但其下没有加分项，不起作用`);
    else if (options.bonusCap >= most - EPS) {
      warn(n, `本部分加分上限 ${fmt(options.bonusCap)} 分不小于其下加分项上限合计 ${fmt(most)} 分，不起作用`);
    }
  }
}

export const hasErrors = (issues: readonly FrameworkIssue[]) => issues.some((i) => i.severity === 'error');
