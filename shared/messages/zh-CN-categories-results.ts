/**
 * 适用范围与折算 on the results screen (issue 11 §7; part of the one catalogue): a 不适用 indicator in the branch
 * drawer's tree and cell detail, and the 折算 of a branch's base. Rules: docs/scoring-rules.md “适用范围与折算”.
 */
export const categoriesResultsMessages = {
  'results.na.tag': '不适用',
  'results.na.tip': '本支部所属类别不考核此项：不计分，也不算缺评。',
  'results.na.tipApplies': '本项{applies}：本支部所属类别不考核此项，不计分，也不算缺评。',
  'results.na.cell': '不适用：本支部所属类别不考核此项，不计分，也不算缺评；如有人录入，也不计入。',
  'results.rescaled.sentence': '适用指标满分 {applicableMax} 分，得 {rawBase} 分，折算为 {rawBase} × {baseMax} ÷ {applicableMax} = {base} 分',
  'results.rescaled.none': '本支部所属类别没有适用的基本分指标，基本分为 0',
} as const;
