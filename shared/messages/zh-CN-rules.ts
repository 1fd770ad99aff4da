/** 细则 leaves (method kind 'rules', issue 11 §1): labels shared by the framework editor, scoring and results. */
export const rulesMessages = {
  'fw.method.rules': '细则',
  'fw.method.help.rules':
    '按考核细则逐条扣分或加分：每条细则写明内容和分值（固定分值、每次、或在区间内酌情），可设本条最多扣（加）几分。由考核组逐条核定，每条写明原因和依据；扣分项默认扣完为止。',
  'results.method.rules': '细则',
  'scoring.method.rules': '细则',
} as const;
