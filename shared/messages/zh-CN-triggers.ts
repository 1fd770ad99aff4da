/**
 * Vetoes and deductions triggered by business data (由业务数据触发, issue 11 §4; part of the one catalogue): the
 * framework checks, the results screen's working, and the refusals of a rater's entry on such a leaf.
 * Rules: docs/scoring-rules.md “由业务数据触发”.
 */
export const triggersMessages = {
  // Framework checks (framework-validate.ts); {source} = the code the trigger names, with its name when it has one.
  'fw.trigger.self': '由业务数据触发：依据指标“{source}”就是本指标自身，应为一个定量指标',
  'fw.trigger.unknown': '由业务数据触发：依据指标的编码“{source}”在本指标体系中不存在',
  'fw.trigger.notQuantitative': '由业务数据触发：依据指标“{source}”不是定量指标（只有定量指标有目标值和实际值，才能算出完成率）',

  // Results: the rule of a triggered leaf (methodRule) and its working (CellDetail).
  'results.cell.rule.vetoTriggered': '由业务数据触发的一票否决：指标 {source} 的完成率低于 {below} 时否决，最高只能评为{cap}',
  'results.cell.rule.deductionTriggered': '由业务数据触发的扣分：满分 {max}，指标 {source} 的完成率低于 {below} 时扣 {per} 分',
  'results.pool.triggeredRule': '由业务数据触发，从扣分池“{pool}”（{max} 分）中扣分：指标 {source} 的完成率低于 {below} 时扣 {per} 分',
  'results.trigger.rate': '由业务数据触发：{source} 完成率 {rate}（{formula}）',
  'results.trigger.formula.higher': '实际 {actual} ÷ 目标 {target}',
  'results.trigger.formula.lower': '目标 {target} ÷ 实际 {actual}',
  'results.trigger.below': '，低于 {below}',
  'results.trigger.notBelow': '，不低于 {below}',
  'results.trigger.noRate': '由业务数据触发：{source} 目标 {target}、实际 {actual}，除数为 0 或负数，没有完成率，不触发',
  'results.trigger.noActual': '由业务数据触发：{source} 还没有实际值，暂不能判断（不按触发计）',
  'results.trigger.noSource': '由业务数据触发：依据指标“{source}”不是本指标体系中的定量指标，无法判断',
  'results.trigger.vetoYes': '否决（最高{cap}）',
  'results.trigger.vetoNo': '不否决',
  'results.trigger.deducted': '扣 {per} 分，本项得分 {value}',
  'results.trigger.notDeducted': '不扣分，本项得分 {value}',
  'results.trigger.deductedPool': '从扣分池中扣 {per} 分',
  'results.trigger.notDeductedPool': '不扣分',

  // The scoring sheet's side panel: the rule of a triggered leaf (a row nobody enters).
  'scoring.rule.triggeredVeto': '一票否决，由业务数据触发：指标 {source} 的完成率低于 {below} 时否决；评委不录入',
  'scoring.grid.triggered': '由业务数据触发',
  'scoring.refuse.triggered': '本项由业务数据触发（按定量指标的完成率判断），评委不录入',
  'scoring.rule.triggeredDeduction': '扣分，由业务数据触发：指标 {source} 的完成率低于 {below} 时扣 {per} 分；评委不录入',

  // Entries refused on a triggered leaf (nobody records it: the data decides).
  'error.entries.triggeredLeaf': '“{code} {name}”由业务数据触发，评委不录入',
  'workbook.scores.triggeredNotRated': '“{indicator}”由业务数据触发，评委不录入；请删除这一行',
} as const;
