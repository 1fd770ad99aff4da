/**
 * 分类施策 where it is set up (issue 11 §7; part of the one catalogue): a branch's 支部类别, a framework's 支部类别
 * and an indicator's 适用类别 — the forms, the workbooks, the framework checks and the refusal at 开始评分.
 * Rules: docs/scoring-rules.md “适用范围与折算”.
 */
export const categoriesMessages = {
  // Branches: form, list, template.
  'branch.field.category': '支部类别',
  'branch.category.placeholder': '如 生产、机关、科研；不填则评全部指标',
  'branch.category.help': '按指标体系的“支部类别”填写；部分指标只适用于某些类别，其他类别的支部不评该项，得分按适用指标折算。',
  'branch.category.none': '未分类',
  'branch.category.filter': '按类别筛选',
  'template.help.category': '6. 支部类别可不填（评全部指标）；填写时应为指标体系中定义的类别，如“生产”“机关”“科研”。不含此列的文件导入时，已有支部的类别保持不变。',

  // Framework checks (framework-categories.ts).
  'fw.category.unknown': '适用类别“{label}”不是本指标体系的支部类别（{categories}）',
  'fw.category.noCategories': '适用类别“{label}”不是本指标体系的支部类别（本指标体系还没有设置支部类别，请在“名称与等次”中设置）',
  'fw.category.disjoint': '适用类别（{own}）与上级“{parent}”的适用范围（{open}）没有交集，本项对任何支部都不适用',
  'fw.category.nothing': '无',
  'fw.category.nothingApplies': '支部类别“{category}”没有任何适用的基本分指标，该类别的支部无法得分',
  'fw.category.triggerWider': '由业务数据触发，但依据指标 {source} 不适用于{categories}支部：这些支部没有业务数据可判断，请把本项的适用类别限定在依据指标的范围内',

  // The framework service's refusals.
  'error.frameworks.appliesToUnknown': '{code} {name}：适用类别“{labels}”不是本指标体系的支部类别（{categories}）',
  'error.frameworks.appliesToNoCategories': '{code} {name}：本指标体系还没有设置支部类别，请先在“名称与等次”中设置支部类别，再选择适用类别',
  'error.frameworks.tooManyCategories': '支部类别最多 {max} 个',
  'error.frameworks.categoryInUse': '支部类别“{labels}”仍被 {count} 个指标的适用类别使用（{indicators}），请先修改这些指标的适用类别',

  // 开始评分 refused (period-steps.ts).
  'error.period.notReady.branchCategory': '党支部 {branches} 的类别“{category}”不是指标体系的支部类别（{categories}）',
  'error.period.notReady.branchCategoryMore': ' 等 {count} 个',

  // The framework workbook (framework-xlsx.ts): the 适用类别 column, the 框架信息 sheet's 支部类别 row, the help.
  'workbook.framework.info.categories': '支部类别',
  'workbook.framework.appliesToUnknown': '“{value}”不是本指标体系的支部类别（{categories}）',
  'workbook.framework.appliesToNoCategories': '“{value}”不是本指标体系的支部类别（{sheet}表的“{label}”一行没有填写任何类别）',
  'workbook.framework.categoryBad': '“{value}”：{reason}',
  'workbook.framework.categoriesTooMany': '支部类别最多 {max} 个，现有 {count} 个',
  'workbook.framework.help.categories':
    '分类施策（可选）：在“框架信息”表“支部类别”一行填写本指标体系区分的支部类别，用顿号分隔，如“生产、机关、科研”；在“指标体系”表“适用类别”列填写某项指标只适用的类别，留空表示适用于全部支部。不适用的指标不评分、不算漏评，该支部的得分按适用指标折算。',
  'workbook.framework.help.categories.example': '例：“适用类别”填“生产”的指标，机关、科研支部不评；填在分部上时对其下全部指标有效。',

  // The framework dialog (名称与等次) and the indicator drawer.
  'fw.categories.label': '支部类别',
  'fw.categories.placeholder': '如 生产、机关、科研（输入后回车）；不分类可不填',
  'fw.categories.help': '分类施策：列出本指标体系区分的支部类别，指标可设“适用类别”。党支部的类别须为其中之一，否则不能开始评分。',
  'fw.categories.tooMany': '支部类别最多 {max} 个',
  'fw.appliesTo.label': '适用类别',
  'fw.appliesTo.placeholder': '全部类别',
  'fw.appliesTo.help': '留空表示适用于全部支部。其他类别的支部不评此项（不算漏评），得分按适用指标折算；设在分部上时对其下全部指标有效。',
  'fw.appliesTo.tagTip': '仅适用于{labels}支部；其他类别的支部不评此项',
} as const;
