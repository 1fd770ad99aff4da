/**
 * A rater group's own combination rule where it is stored, imported and listed (issue 11 §5; part of the one
 * catalogue): the 评委名单 workbook's two columns and the CLI's panel listing. The 评委 screen's texts are
 * in zh-CN-group-rules-ui.ts. See docs/scoring-rules.md §4.
 */
export const groupRulesMessages = {
  // The rule as a workbook cell and a CLI column reads it (an empty cell = the period's setting)
  'groupRule.mean': '平均',
  'groupRule.trimmed': '去掉最高最低后平均',
  'groupRule.median': '中位数',
  'groupRule.period': '沿用周期设置',

  // The panel workbook: help sheet, drop-down list, problems in a cell
  'workbook.panel.help.8':
    '8. 组内汇总、去极值最少人数：同一评委组的各行必须相同。组内汇总可选“平均”“去掉最高最低后平均”“中位数”，留空即沿用考核周期的设置；去极值最少人数填 3～50 的整数（组内不少于这么多人打分时才去掉最高最低分，不足按平均），留空即沿用周期设置。人少的组（如 3 人的职工代表组）宜选“平均”或“中位数”。',
  'workbook.panel.validation.combine': '请选择“平均”“去掉最高最低后平均”或“中位数”，留空即沿用周期设置',
  'workbook.panel.validation.trimMinRaters': '去极值最少人数应为 3～50 的整数，留空即沿用周期设置',
  'workbook.panel.combineUnknown': '组内汇总应为“平均”“去掉最高最低后平均”或“中位数”（留空即沿用周期设置），现为“{value}”',
  'workbook.panel.trimMinRatersInvalid': '去极值最少人数应为 3～50 的整数（留空即沿用周期设置），现为“{value}”',
  'workbook.panel.ruleDiffers': '评委组“{group}”在第 {row} 行的{header}是“{first}”，这里是“{value}”；同一评委组各行必须相同',

  // The CLI's panel listing
  'cli.panel.column.combine': '组内汇总',
  'cli.panel.column.trimMinRaters': '去极值最少人数',
} as const;
