/**
 * A framework's grade scheme (issue 11 §8): the 等次 its 考核细则 state, set in the framework's dialog and in the
 * workbook's 等次 sheet. The rules across grades speak through the period settings' keys (settings.grades.*),
 * so all three places say the same words.
 */
export const gradeSchemeMessages = {
  // The framework's dialog (重命名: name, description and grade scheme)
  'gradeScheme.dialog.title': '指标体系名称、说明与等次',
  'gradeScheme.title': '等次划分',
  'gradeScheme.help': '考核细则规定的综合等次。在本体系上新建考核周期时按此划分等次，已有的考核周期不受影响。',
  'gradeScheme.defaults': '使用融评默认等次：{grades}',
  'gradeScheme.defaults.grade': '{label} ≥{min}',
  'gradeScheme.defaults.quota': '{label}不超过 {percent}%',
  'gradeScheme.customise': '按考核细则设置',
  'gradeScheme.useDefaults': '使用默认等次',
  'gradeScheme.column.label': '等次',
  'gradeScheme.column.min': '最低分',
  'gradeScheme.column.quota': '名额上限（%）',
  'gradeScheme.quota.none': '不限',
  'gradeScheme.add': '添加等次',
  'gradeScheme.remove': '删除此等次',

  // The workbook's 等次 sheet
  'workbook.framework.help.grades':
    '16. “等次”表：指标体系规定的综合等次，从高到低每个等次占一行，在本体系上新建考核周期时按此划分等次。没有“等次”表、或表中没有任何等次时，使用融评默认的等次（模板中已填好，可照考核细则修改）。',
  'workbook.framework.help.grades.columns':
    '   等次：等次名称，最多 10 个字，如“好”“达标”；最低分：总分不低于此分数即评为该等次，应从上到下依次降低，最后一个等次收纳其余所有支部（可留空）；名额上限：该等次最多占本周期支部数的比例，如“20%”或“0.2”，留空即不限名额。',
  'workbook.framework.help.grades.example':
    '   例如考核细则写“90分以上为好，80至89分为较好，60至79分为一般，60分以下为差，评为好的不超过20%”，写四行：好 | 90 | 20%；较好 | 80；一般 | 60；差。',
  'workbook.framework.validation.gradeMin': '最低分应为不小于 0 的数',
  'workbook.framework.validation.gradeQuota': '名额上限应为 0 到 100% 之间的比例，如 20%；留空即不限名额',
  'workbook.framework.grade.minRequired': '请填写最低分（只有最后一个等次可以留空）',
  'workbook.framework.grade.minInvalid': '最低分应为不小于 0 的数，现为“{value}”',
  'workbook.framework.grade.quotaInvalid': '名额上限应为比例，如“20%”或“0.2”，现为“{value}”（留空即不限名额）',
  'workbook.framework.grade.quotaAbove': '名额上限不能超过 100%，现为“{value}”（20% 请写“20%”或“0.2”）',
  'workbook.framework.grade.tooMany': '最多 {max} 个等次，这是第 {count} 个',
  'workbook.framework.grade.orderBelow': '{message}：应低于上一等次“{label}”的 {min} 分',
  'workbook.framework.grade.duplicateOf': '{message}（与第 {row} 行相同）',
  'error.frameworkXlsx.gradesHeader': '文件“{file}”的“等次”表第 1 行缺少“{header}”列，请使用导入模板',  'fw.import.grades': '等次划分（“等次”表）：{grades}；名额：{quotas}',
  'fw.import.noQuotas': '不限',
  'fw.import.gradesDefault': '文件没有设定等次，使用默认等次（优秀≥90、良好≥80、一般≥60、较差；优秀不超过 20%）',
  'fw.import.categories': '支部类别：{categories}',
} as const;
