/**
 * The framework workbook's 细则 sheet (issue 11 §1): the help lines that explain it, its drop-down lists, and the
 * problems found in its cells or in a 细则 leaf's row of the 指标体系 sheet.
 */
export const rulesWorkbookMessages = {
  'workbook.framework.help.7.rules':
    '   细则：填“扣分”“加分”或“扣分,不设下限”（留空即扣分）。扣分的细则默认扣完为止（本项最低 0 分）；写“不设下限”则可扣过本项分值，继续从所在部分中扣减。每条细则写在“细则”表中，见第 15 条。',
  'workbook.framework.help.rules': '15. “细则”表：评分方法为“细则”的指标，每条细则占一行，同一指标的细则按行的先后排列：',
  'workbook.framework.help.rules.columns':
    '   指标编码：该指标的编码；细则内容：照考核细则原文写，最多 200 个字；计分方式：“一次”（留空即是）或“每次”（每发生一次计一次）；分值：固定分值如“2”，或区间如“1-2”（考核组在区间内酌情确定）；最多扣（加）分：本条最多扣（加）几分，留空即不设；序号只供查看，导入时不读取。',
  'workbook.framework.help.rules.example':
    '   例如考核细则写“未建立台账扣2分；台账不完整的每项扣0.5分，最多扣2分；组织生活会质量不高的扣1—2分；每发现一处问题扣0.5—1分”，评分方法填“细则”，方法参数填“扣分”，“细则”表中写四行：',
  'workbook.framework.help.rules.example.1': '   未建立台账 | 一次 | 2',
  'workbook.framework.help.rules.example.2': '   台账不完整 | 每次 | 0.5 | 最多扣 2',
  'workbook.framework.help.rules.example.3': '   组织生活会质量不高 | 一次 | 1-2',
  'workbook.framework.help.rules.example.4': '   发现问题 | 每次 | 0.5-1',
  'workbook.framework.help.rules.office':
    '   细则指标由考核组逐条核定（录入方式填“考核组核定”或留空），每条写明原因和依据。没有“细则”表的旧表格照常导入。',
  'workbook.framework.validation.ruleBasis': '计分方式请选择一次或每次（留空即一次）',
  'workbook.framework.validation.ruleCap': '最多扣（加）分应为大于 0 的数，留空即不设',

  // Problems on a 细则 leaf's row of the 指标体系 sheet
  'workbook.framework.rulesEntryPanel': '细则指标由考核组逐条核定，录入方式应为“考核组核定”或留空，现为“{value}”',
  'workbook.framework.rulesMissing': '评分方法为“细则”，但“细则”表中没有编码为“{code}”的细则：请在“细则”表中逐条填写（每条一行），或改选其他评分方法',
  'workbook.framework.rulesSheetMissing': '评分方法为“细则”，但文件中没有“细则”表：请使用导入模板，在“细则”表中逐条填写（每条一行），或改选其他评分方法',

  // Problems in a cell of the 细则 sheet
  'workbook.framework.rule.codeUnknown': '指标体系表中没有编码为“{code}”的指标',
  'workbook.framework.rule.notRulesLeaf': '指标“{code}”（指标体系表第 {row} 行）的评分方法是“{method}”，不是“细则”：请把它的评分方法改为“细则”，或删除本行',
  'workbook.framework.rule.noMethod': '指标“{code}”（指标体系表第 {row} 行）没有填写评分方法：细则只能写给评分方法为“细则”的末级指标',
  'workbook.framework.rule.basisInvalid': '计分方式应为“一次”或“每次”，现为“{value}”（留空即一次）',
  'workbook.framework.rule.amountRequired': '分值不能为空：填固定分值如“2”，或区间如“1-2”',
  'workbook.framework.rule.amountInvalid': '分值应为数字（如“2”）或区间（如“1-2”），现为“{value}”',
  'workbook.framework.rule.amountNotPositive': '分值应大于 0，现为“{value}”',
  'workbook.framework.rule.amountTooLarge': '分值最多 1000，现为“{value}”',
  'workbook.framework.rule.amountReversed': '区间下限 {min} 大于上限 {max}',
  'workbook.framework.rule.capInvalid': '最多扣（加）分应为大于 0 的数，现为“{value}”（留空即不设）',
  'workbook.framework.rule.tooMany': '指标“{code}”最多 {max} 条细则，这是第 {count} 条',
  'error.frameworkXlsx.rulesHeader': '文件“{file}”的“细则”表第 1 行缺少“{header}”列，请使用导入模板',
} as const;
