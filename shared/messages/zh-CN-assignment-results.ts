/**
 * 分工评分 on the results screen (issue 11 §6; part of the one catalogue): the cell detail's note naming the groups
 * that score a leaf when assignment leaves some out, and each group's renormalised share. Rules: docs/scoring-rules.md
 * “分工评分”.
 */
export const assignmentResultsMessages = {
  'results.assignment.by': '本项由{groups}评分（分工），权重按参评各组重新折算',
  'results.assignment.nobody': '本项未分工给任何评委组，无人评分',
  'results.assignment.share': '（本项占 {share}）',
} as const;
