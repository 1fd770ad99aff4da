/**
 * Messages of the 考核组核定 workbook (issue 11 §3; part of the one catalogue):
 * its help sheet and the problems its import finds in a cell — and the
 * framework workbook's 录入方式 column, which decides which leaves the office
 * records. See docs/user/workbooks.md “考核组核定表”.
 */
export const officeWorkbookMessages = {
  // The 考核组核定 workbook: help sheet
  'workbook.office.help.1':
    '1. 本表由融评按考核周期写出：每个参加考核的党支部 × 每个由考核组核定的指标（指标体系中录入方式为“考核组核定”）占一行；支部编码、支部名称、指标编码、指标名称和评分方式已经填好，请不要修改。',
  'workbook.office.help.2': '2. 核定值：按“评分方式”一列填写——打分填分数；等次填等次名称；扣分填扣分次数（0 表示经检查没有应扣分的情形）；加分填项数；一票否决填“是”或“否”。',
  'workbook.office.help.3':
    '3. 原因（每条一行）：扣几次写几行原因，加几项写几行内容，一票否决为“是”时写明原因；同一格中换行按 Alt+Enter（WPS 同样）。每条至少 {min} 个字、最多 {max} 个字。',
  'workbook.office.help.4':
    '4. 依据（文件号/检查记录）：核定所依据的文件号或检查记录，如“党建办〔2026〕12号”“11月党建督查记录”，最多 {max} 个字。有扣分、加分或一票否决为“是”的，必须填写依据。',
  'workbook.office.help.5': '5. 依据日期：该文件或检查的日期，写成 2026-11-20（也可以写 2026/11/20 或 2026年11月20日）。',
  'workbook.office.help.6': '6. 核定值空着的行不导入，已核定的记录保持不变；要删除已核定的值，请在融评中操作。',
  'workbook.office.help.7': '7. 任何一处有错误时整个文件都不会导入，融评会列出每一处错误的行号、列和原因。',
  'workbook.office.help.8': '8. 每一处修改都记入操作记录（原值 → 新值）；评审阶段导入须写明原因。已定稿的考核周期不能导入。',
  'workbook.office.help.9': '9. 评委在评分表中只能查看这些核定值，不能修改。',
  'workbook.office.help.10': '10. 请不要修改第一行表头。',

  // The 考核组核定 workbook: problems in a cell
  'workbook.office.notALeaf': '“{indicator}”下面还有下级指标，请填写末级指标',
  'workbook.office.notOffice': '“{indicator}”的录入方式是“{mode}”，不由考核组核定；本表只填录入方式为“考核组核定”的指标',
  'workbook.office.mode.data': '业务数据（定量指标）',
  'workbook.office.mode.unset': '未设置评分方法',
  'workbook.office.valueRequired': '核定值不能为空：本行已填写了原因或依据，请填写核定值，或清空整行',
  'workbook.office.detail.deduction': '扣 {value} 次，应每次写一行原因（{need} 行），现有 {have} 行',
  'workbook.office.detail.bonus': '加分 {value} 项，应每项写一行内容（{need} 行），现有 {have} 行',
  'workbook.office.detail.vetoMissing': '一票否决为“是”，须写明原因',
  'workbook.office.detail.vetoUnneeded': '一票否决为“否”，但写了 {have} 行原因；请删除原因或改为“是”',
  'workbook.office.detail.tooLong': '第 {n} 行原因最多 {max} 个字，现有 {length} 个字',
  'workbook.office.detail.tooMany': '原因最多 {max} 行，现有 {have} 行',
  'workbook.office.evidenceRequired': '{value}须写明依据（文件号或检查记录），如“党建办〔2026〕12号”',
  'workbook.office.dateInvalid': '依据日期应为日期，如 2026-11-20，现为“{value}”',
  'workbook.office.duplicate': '“{branch}”的指标“{indicator}”在第 {row} 行已出现过',
  'error.office.noRows': '文件“{file}”中没有填写核定值（每行至少要有核定值）',

  // The 考核组核定 workbook: 细则 leaves, one row per finding (issue 11 §1)
  'workbook.office.help.rules.1':
    '11. 细则指标（评分方式为“细则扣分”或“细则加分”）逐条核定：发现一处问题占一行，支部编码、指标编码照抄；“细则序号”填该指标的第几条细则（见“{sheet}”表）；“次数”填发生次数，空着为 1 次，只扣（加）一次的细则只能填 1；“每次分值”空着即按细则规定的分值，细则分值为区间（如“扣1—2分”）的须在区间内填写；“原因”写这一处问题的具体情况。需要多记一条时，复制一行再改。',
  'workbook.office.help.rules.2':
    '12. 同一支部同一细则指标的各行合为一条核定，合计分值由融评按“次数×每次分值”计算（细则规定了最多扣几分的按最多计），细则行的“核定值”可以空着。经检查未发现问题的，只留一行，“细则序号”空着，“核定值”填 0。',
  'workbook.office.help.rules.3': '13. 细则指标的依据和依据日期写在该支部该指标的任意一行即可；几行都写时须一致。合计分值大于 0 时必须写依据。',
  'workbook.office.rules.ruleRequired': '细则指标请在“细则序号”填写是第几条细则（见“细则”表）；经检查未发现问题的，细则序号空着、核定值填 0',
  'workbook.office.rules.ruleNotNumber': '细则序号应为 1 到 {total} 的整数（见“细则”表），现为“{value}”',
  'workbook.office.rules.ruleUnknown': '指标 {indicator} 没有细则 {n}（共 {total} 条）',
  'workbook.office.rules.countInvalid': '次数应为 1 到 {max} 的整数（空着为 1 次），现为“{value}”',
  'workbook.office.rules.onceDeduct': '细则{rule}只扣一次，次数应为 1，现为 {count}',
  'workbook.office.rules.onceAdd': '细则{rule}只加一次，次数应为 1，现为 {count}',
  'workbook.office.rules.amountRequired': '细则{rule}{amount}，请在“每次分值”填写 {min} 到 {max} 之间的分值',
  'workbook.office.rules.amountInvalid': '每次分值应为数字，现为“{value}”',
  'workbook.office.rules.amountRange': '细则{rule}的分值应在 {min} 到 {max} 之间，现为 {value}',
  'workbook.office.rules.amountFixed': '细则{rule}的分值为 {min} 分，每次分值应为 {min} 或空着，现为 {value}',
  'workbook.office.rules.valueMismatch': '细则行的核定值按“次数×每次分值”计算，应为 {points} 或空着，现为“{value}”',
  'workbook.office.rules.reasonRequired': '细则{rule}：请写明原因（这一处的具体情况）',
  'workbook.office.rules.reasonTooLong': '原因最多 {max} 个字，现有 {length} 个字',
  'workbook.office.rules.noneWithReasons': '核定值 0 表示经检查未发现问题，不写原因；发现问题请填写细则序号，每处问题一行',
  'workbook.office.rules.noneAfterFindings': '“{branch}”的指标“{indicator}”从第 {row} 行起已逐条记录了细则问题，与本行“核定值 0（未发现问题）”矛盾；请删除本行',
  'workbook.office.rules.findingsAfterNone': '“{branch}”的指标“{indicator}”在第 {row} 行核定为 0（未发现问题），与本行记录的细则问题矛盾；请删除第 {row} 行',
  'workbook.office.rules.notRules': '“{indicator}”不是细则指标，细则序号、次数、每次分值不填；请清空本格',
  'workbook.office.rules.evidenceConflict': '同一支部同一指标的各行依据应一致：第 {row} 行为“{other}”',
  'workbook.office.rules.dateConflict': '同一支部同一指标的各行依据日期应一致：第 {row} 行为 {other}',
  'workbook.office.rules.tooMany': '“{branch}”的指标“{indicator}”最多记录 {max} 条细则问题，现有 {have} 条',

  // The framework workbook's 录入方式 column
  'workbook.framework.help.entry':
    '12. 录入方式：末级指标可填“评委评分”（每位评委各自打分，留空即是）或“考核组核定”（由考核组按文件号、检查记录为每个支部核定一个值，评委只能查看，见“考核组核定表”）；定量指标的数据来自业务数据，不填。',
  'workbook.framework.validation.entry': '录入方式请选择评委评分、考核组核定或业务数据触发',
  'workbook.framework.entryInvalid': '录入方式应为“评委评分”“考核组核定”或“业务数据触发”，现为“{value}”（留空即评委评分）',
  'workbook.framework.entryOnQuantitative': '定量指标的数据来自业务数据导入，不填录入方式；请清空本格',
  'workbook.framework.entryOnParent': '“{code}”下面还有下级指标，有下级的指标不填录入方式；请清空本格',
  'workbook.framework.entryWithoutMethod': '没有填写评分方法，录入方式用不上：请在 {column}选择评分方法，或清空本格',
} as const;
