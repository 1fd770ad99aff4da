/**
 * 分工评分 on the rater's surfaces (issue 11 §6; part of the one catalogue): a rater (or their group) limited to parts
 * of the framework scores only those — the sheet, the write path, the score workbook and the paper sheet.
 * A leaf outside the assignment is not missing: the rater is not asked for it. Rule: shared/domain/assignment.ts.
 */
export const assignmentRaterMessages = {
  // The write path: a value on a leaf outside the rater's assignment (clearing one stays allowed).
  'error.entries.notAssigned': '{rater}（{group}）{scope}，指标 {code} {name} 不在其评分范围内',
  // The rater's score workbook: a row for such a leaf in an imported file.
  'workbook.scores.notAssigned': '指标 {code} {name} 不在 {rater} 的评分范围内（{scope}），请删除此行或清空其分数',
  'workbook.scores.help.assigned': '本表只列出您的评分范围：{scope}。',
  // The paper sheets: the rater's own lists only their leaves; the branch's review sheet marks the cells they don't score.
  'report.scoreSheet.assigned': '评分范围：{scope}',
  'report.scoreSheet.notAssignedCell': '—（分工）',
  'report.scoreSheet.notAssignedNote': '“—（分工）”：该评委按分工不评此项，不计为漏评。',
} as const;
