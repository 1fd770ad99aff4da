/**
 * The 评委 screen's per-group aggregation rule (issue 11 §5): the 组内汇总 control of the group form and
 * the rule shown beside each group's weight (part of the one catalogue).
 */
export const groupRulesUiMessages = {
  'panel.groupRule.label': '组内汇总',
  'panel.groupRule.inherit': '沿用周期设置（{rule}）',
  'panel.groupRule.inheritShort': '沿用周期设置',
  'panel.groupRule.mean': '平均',
  'panel.groupRule.trimmed': '去掉最高最低后平均',
  'panel.groupRule.median': '中位数',
  'panel.groupRule.trimmedFrom': '去掉最高最低后平均，{min} 人及以上',
  'panel.groupRule.help': '人少的组宜选平均或中位数：3 人打分时去掉最高最低只剩 1 人',
  'panel.groupRule.minLabel': '去极值最少人数',
  'panel.groupRule.minPlaceholder': '周期设置 {min}',
  'panel.groupRule.minHelp': '不少于这么多人打分才去掉最高最低分；留空按周期设置（{min} 人）',
  'panel.groupRule.minRange': '应为 3～50 的整数，或留空',
  'panel.groupRule.shown': '组内汇总：{rule}',
  'panel.groupRule.inheritTooltip': '本周期的设置：{rule}（在“考核周期”的评分规则中修改）',
  'panel.groupRule.tooFew': '人数不足 {min} 人，实际按平均计算',
} as const;
