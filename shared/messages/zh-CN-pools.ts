/**
 * 扣分池（扣完为止）and 加分上限（分部）where they are stored and imported (issue 11 §2; part of the one
 * catalogue): the refusal of the frameworks service and the framework workbook's two columns.
 * See docs/user/workbooks.md “指标体系”.
 */
export const poolsMessages = {
  // The frameworks service
  'error.frameworks.optionsOnLeaf':
    '“{code} {name}”是末级指标（有评分方法）：只有分部（有下级指标的指标）才能设为扣分池或设本部分加分上限',

  // The framework workbook: help sheet and drop-down lists
  'workbook.framework.help.pool':
    '13. 扣分池：有下级指标的指标（分部）可填“是”，对应考核细则中“本部分共20分，按下列细则扣分，扣完为止”的写法——本行分值就是本部分的分数，下级指标都是分值为 0 的扣分项（评分方法选“扣分”，方法参数写每次扣几分），各项扣分从本部分分值中扣减，扣完为止（最低 0 分）。留空即“否”；末级指标不填。',
  'workbook.framework.help.bonusCap':
    '14. 加分上限：有下级指标的指标（分部）可填一个不小于 0 的数，对应考核细则中“本部分加分最多不超过5分”的写法——本部分（含各级下级）的加分项合计最多计这么多分，再计入考核周期的加分上限。留空即不设；末级指标不填（末级加分项的上限就是它的分值）。',
  'workbook.framework.validation.pool': '扣分池请选择“是”或“否”（留空即否）',
  'workbook.framework.validation.bonusCap': '加分上限应为 0 到 1000 之间的数，留空即不设',

  // The framework workbook: problems in a cell
  'workbook.framework.poolInvalid': '扣分池应填“是”或“否”（留空即否），现为“{value}”',
  'workbook.framework.bonusCapInvalid': '加分上限应为数字，现为“{value}”（留空即不设）',
  'workbook.framework.bonusCapOutOfRange': '加分上限应在 0 到 1000 之间，现为 {value}',
  'workbook.framework.poolOnLeaf':
    '“{code}”下面没有下级指标：只有分部（有下级指标的指标）才能设为扣分池；请清空本格或填“否”',
  'workbook.framework.bonusCapOnLeaf':
    '“{code}”下面没有下级指标：只有分部（有下级指标的指标）才能设加分上限（末级加分项的上限就是它的分值）；请清空本格',
} as const;
