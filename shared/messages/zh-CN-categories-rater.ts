/**
 * 分类施策 on the rater's surfaces (issue 11 §7; part of the one catalogue): a cell whose indicator does not apply
 * to the branch's 支部类别 — the scoring grid, the write path, the rater's score workbook, the paper score sheet and
 * the branch self-assessment. 不适用 is not missing: nobody scores it. Rules: docs/scoring-rules.md “适用范围与折算”.
 */
export const categoriesRaterMessages = {
  // What such a cell shows, on screen, in the workbook and on paper (also what an import reads back as blank).
  'categories.na': '不适用',
  'categories.naNote': '“不适用”：该指标不适用于此类别的支部，不评分，也不计为漏评；该支部的得分按其适用指标折算。',
  // The write path, the grid's refusal, a workbook cell with a value.
  'error.entries.notApplicable': '{branch} 是{category}支部，指标 {code} {name} 不适用，不评分',
  'scoring.refuse.notApplicable': '{branch} 是{category}支部，指标 {code} {name} 不适用，不评分',
  'scoring.grid.notApplicableTip': '{category}支部不适用此指标，不评分',
  'scoring.paste.note.notApplicable': '{count} 个单元格落在不适用的指标上（该支部类别不评此项），未填入',
  'workbook.scores.notApplicable': '{branch} 是{category}支部，指标 {code} {name} 不适用，不评分（请清空或保留“不适用”）',
  'workbook.scores.help.notApplicable': '灰色写着“不适用”的格子：该指标不适用于这一类别的党支部，不评分，已锁定。',
  // The self-assessment: leaves that don't apply to the branch are left out.
  'self.notApplicableNote': '本支部为{category}支部，{count} 项指标不适用，未列出',
} as const;
