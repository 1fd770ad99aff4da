/**
 * 由业务数据触发 (issue 11 §4; part of the one catalogue): the framework editor's fields, the framework workbook's
 * 方法参数 and 录入方式 for a triggered leaf, and the documents that quote a trigger's working.
 * Rules: docs/scoring-rules.md “由业务数据触发”.
 */
export const triggersUiMessages = {
  // The framework editor (TriggerFields.tsx): the third 录入方式 of a 扣分 or 一票否决 leaf and its two fields.
  'fw.entry.data': '由业务数据触发',
  'fw.entry.help.data.veto': '不由人录入：依据指标的完成率低于门槛时自动否决，该支部最高只能评为所选等次。',
  'fw.entry.help.data.deduction': '不由人录入：依据指标的完成率低于门槛时自动扣一次分（每次扣分见上）。',
  'fw.trigger.source': '依据指标',
  'fw.trigger.sourceHelp': '本指标体系中的定量指标；完成率 = 实际值 ÷ 目标值（越低越好的指标为目标值 ÷ 实际值）。',
  'fw.trigger.sourcePlaceholder': '选择定量指标',
  'fw.trigger.noSources': '本指标体系还没有定量指标：请先添加一个定量指标（如“利润完成率”），再设置由业务数据触发。',
  'fw.trigger.below': '完成率低于',
  'fw.trigger.belowHelp': '完成率低于此值即触发，如 100% 即未完成目标就触发。',
  'fw.trigger.invalid.source': '请选择依据的定量指标',
  'fw.trigger.invalid.below': '完成率门槛应为大于 0、不超过 1000 的百分数',
  'fw.trigger.tag': '数据触发',
  'fw.trigger.tagTip': '由业务数据触发：指标 {source} 的完成率低于 {below} 时{outcome}',
  'fw.trigger.tagTip.veto': '否决',
  'fw.trigger.tagTip.deduction': '扣 {per} 分',

  // The 考核组核定表 (office-xlsx.ts): a triggered leaf typed into it is nobody's to record.
  'workbook.office.mode.triggered': '由业务数据触发（按定量指标的完成率判断）',

  // The documents (document-data.ts): a triggered leaf's reason is its working, as the results screen shows it.
  'doc.trigger.working': '{source} 完成率 {rate}（{formula}），低于 {below}',

  // The framework workbook (framework-xlsx.ts): its instructions and the 录入方式 of a triggered leaf.
  'workbook.framework.help.7.trigger':
    '   由业务数据触发：扣分、一票否决的参数末尾可加触发条件，如“{veto}”（指标 4.1.1 的完成率低于 100% 时否决，最高只能评“一般”）、“{deduction}”（完成率低于 90% 时扣 2 分）。4.1.1 须是本表中的定量指标；完成率 = 实际值 ÷ 目标值（越低越好的指标为目标值 ÷ 实际值）；“<”也可写“低于”，门槛可写 90% 或 0.9。',
  'workbook.framework.help.entry.trigger':
    '    方法参数中写了触发条件的指标由业务数据决定，录入方式填“{label}”或留空，不能填评委评分或考核组核定。',
  'workbook.framework.entryDataWithoutTrigger':
    '录入方式“{value}”只用于由业务数据触发的扣分或一票否决指标：请在 {column}末尾写触发条件（如“触发4.1.1<100%”），或改填评委评分、考核组核定',
  'workbook.framework.entryWithTrigger':
    '方法参数中写了触发条件，本项由业务数据触发，录入方式不能是“{value}”：请填“业务数据触发”或留空，或删去 {column}中的触发条件',
} as const;
