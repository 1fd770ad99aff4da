/**
 * 分工评分 where the panel is set up (issue 11 §6; part of the one catalogue): the checks of a group's and a
 * rater's 评分范围 on save and at 开始评分, the 评委名单 workbook's two columns, the CLI listing and the 评委 page.
 * Rule: shared/domain/assignment.ts. The rater's own surfaces are in zh-CN-assignment-rater.ts.
 */
export const assignmentMessages = {
  // Saving a group or a rater
  'error.panel.scopeUnknownCode': '评分范围中的“{codes}”不是本周期指标体系中的指标编码',
  'error.panel.scopeOutsideGroup': '{name} 的评分范围中的“{codes}”不在评委组“{group}”的评分范围（{groupScope}）之内',
  'error.panel.scopeGroupNarrowed': '评委组“{group}”的新评分范围（{scope}）不含评委 {name} 的评分范围中的“{codes}”；请先修改该评委的评分范围',
  // 开始评分: a rater-scored leaf nobody is assigned to
  'error.period.notReady.leafUnassigned': '指标 {code} {name} 没有评委评分：各评委组的分工都不含此项',
  'error.period.notReady.leafUnassignedMore': '另有 {more} 项指标没有评委评分',
  // The audit (操作记录): a scope in words; the whole framework is not written out (entries before 分工 read as always)
  'data.audit.panel.scope': '评分范围：{scope}',
  // The 评委名单 workbook
  'workbook.panel.scopeUnknown': '“{codes}”不是本周期指标体系中的指标编码（多个编码用“、”或逗号分隔，留空即全部指标）',
  'workbook.panel.scopeTooMany': '评分范围最多 {max} 个指标编码，现有 {count} 个',
  'workbook.panel.scopeDiffers': '评委组“{group}”在第 {row} 行的组评分范围是“{first}”，这里是“{value}”；同一评委组各行必须相同',
  'workbook.panel.scopeOutsideGroup': '“{codes}”不在评委组“{group}”的评分范围（{groupScope}）之内',
  'workbook.panel.help.scope':
    '9. 组评分范围、评委评分范围（分工评分）：填写该评委组或该评委只评的指标编码，一个编码包含其下的全部指标（如 3 即第 3 类全部指标），多个编码用“、”或逗号分隔；留空即全部指标。同一评委组各行的组评分范围必须相同；评委评分范围必须在本组范围之内。',
  'workbook.panel.allScope': '全部指标',
  // CLI panel list
  'cli.panel.column.scope': '评分范围',
  // The 评委 page
  'panel.scope.label': '评分范围',
  'panel.scope.all': '全部指标',
  'panel.scope.groupHelp': '分工评分：本组只评所选指标（选一类即含其下全部指标）；不选即全部指标',
  'panel.scope.raterHelp': '在本组范围（{scope}）内再限定；不选即本组的全部范围',
  'panel.scope.placeholder': '全部指标',
  'panel.scope.sameAsGroup': '同本组',
} as const;
