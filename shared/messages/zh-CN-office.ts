/** Messages of 考核组核定 (office-recorded facts, issue 11 §3; part of the one catalogue). */
export const officeMessages = {
  // Checks of one record (the save and the workbook import share them)
  'office.where': '{branch}，“{indicator}”',
  'office.whereLeaf': '“{indicator}”',
  'office.error.notOffice': '{where}：该指标不是考核组核定指标，不能在这里录入',
  'office.error.notALeaf': '指标（编号 {id}）不是本周期指标体系的末级指标',
  'office.error.branchNotInPeriod': '党支部（编号 {id}）不在本周期的考核范围内',
  'office.error.value': '{where}：{problem}',
  'office.error.tooMany': '最多记录 {max} 次（项），现为 {value}',
  'office.error.evidenceRequired': '{where}：核定为 {value} 须写明依据（文件号或检查记录）',
  'office.error.evidenceRequiredPoints': '{where}：核定合计 {value} 分，须写明依据（文件号或检查记录）',
  'office.error.findingsNotRules': '{where}：该指标不是细则指标，不能按细则逐条记录',
  'office.error.duplicate': '{where}：同一批中出现了两次',
  'office.error.invalid': '有 {count} 条核定记录不符合要求，全部未保存。{first}',
  'office.error.row': '第 {row} 条：{problem}',
  'office.error.reviewReason': '评审阶段修改考核组核定须写明原因',

  // Audit log
  'office.importActor': '导入（考核组核定表）',
  'office.audit.recorded': '考核组核定',
  'office.audit.changed': '修改考核组核定',
  'office.audit.removed': '删除考核组核定',
  'office.audit.batch': '考核组核定：批量保存 {count} 条',
  'workbook.audit.entity.office': '考核组核定',
  'workbook.audit.entity.panel': '评委名单',
  'workbook.audit.value.evidence': '依据：{evidence}{date}',

  // Rater entries on an office leaf
  'error.entries.officeLeaf': '“{code} {name}”由考核组核定，评委不录入',
  'workbook.scores.officeNotRated': '“{indicator}”由考核组核定，评委不录入；请删除这一行',

  // Gates (进入评审, 定稿)
  'gate.missing.office': '{count} 项考核组核定',
  'gate.detail.office': '{code} {branch}：“{indicatorCode} {indicator}”的考核组核定未录入',
} as const;
