/**
 * Messages of the command line `rongping` (part of the one catalogue): its
 * help, the usage line and summary of every command in the table
 * (electron/cli/commands.ts), what each command prints, and the prose of
 * docs/cli.md, which `npm run docs:cli` writes from the same table.
 */
export const cliMessages = {
  // Printed by every command
  'cli.error': '错误：{message}',
  'cli.warning': '提醒：{message}',
  'cli.warning.row': '第 {row} 行，{message}',

  // A wrong command line (exit code 2, printed above the usage)
  'cli.usage.unknown': '未知命令“{command}”。运行 rongping help 查看用法。',
  'cli.usage.missingFile': '“{command}”需要一个文件路径',
  'cli.usage.missingFlag': '缺少 --{flag}',
  'cli.usage.notWholeNumber': '--{flag} 应为正整数，现为“{value}”',
  'cli.usage.oneOf': '--{flag} 应为 {choices}',
  'cli.usage.emptyFlag': '--{flag} 不能为空',

  // rongping help
  'cli.help.title': '融评 rongping — 命令行工具',
  'cli.help.usage': '用法: rongping <命令> [参数] [--data-dir 目录] [--json] [--force]',
  'cli.help.paths': '文件路径可写相对路径（相对于当前目录）。已存在的文件不会被覆盖，除非加 --force。',
  'cli.help.dataDir': '数据目录默认与桌面程序相同；可用 --data-dir 或环境变量 RONGPING_DATA_DIR 指定。',

  // The command table: usage lines (where they name things in words) and summaries
  'cli.cmd.help.summary': '显示本说明',
  'cli.cmd.info.summary': '程序版本、数据结构版本、数据目录和数据统计',
  'cli.cmd.branchesList.summary': '列出党支部（--archived 同时列出已归档的）',
  'cli.cmd.branchesImport.usage': 'branches import 文件.xlsx',
  'cli.cmd.branchesImport.summary': '从 Excel 导入党支部（有任何错误则全部不导入）',
  'cli.cmd.branchesTemplate.usage': 'branches template 文件.xlsx',
  'cli.cmd.branchesTemplate.summary': '写出党支部导入模板',
  'cli.cmd.frameworkList.summary': '列出指标体系（各版本）',
  'cli.cmd.frameworkTemplate.usage': 'framework template 文件.xlsx',
  'cli.cmd.frameworkTemplate.summary': '写出指标体系导入模板',
  'cli.cmd.frameworkExport.usage': 'framework export 文件.xlsx --id 编号',
  'cli.cmd.frameworkExport.summary': '把一个指标体系导出为 Excel（可改后再导入）',
  'cli.cmd.frameworkImport.usage': 'framework import 文件.xlsx [--name 名称]',
  'cli.cmd.frameworkImport.summary': '从 Excel 新建一个指标体系（有任何错误则不导入）',
  'cli.cmd.periodList.summary': '列出考核周期',
  'cli.cmd.periodCreate.usage': 'period create --name 名称 --framework 编号 [--year 年] [--kind annual|half|quarter]',
  'cli.cmd.periodCreate.summary': '新建考核周期（默认包含全部在用的党支部；等次划分取指标体系设定的等次，没有设定时用默认等次）',
  'cli.cmd.periodAdvance.usage': 'period advance --period 编号 --to scoring|review|finalised [--override 原因]',
  'cli.cmd.periodAdvance.summary': '把考核周期推进一步（准备中 → 评分中 → 评审中 → 已定稿）；',
  'cli.cmd.periodAdvance.override': '进入评审和定稿前检查评分、业务数据（定稿还查会议议程）是否齐全；有缺项时拒绝，确需继续须用 --override 写明原因（记入操作记录）',
  'cli.cmd.periodFinalise.usage': 'period finalise --period 编号 [--override 原因]',
  'cli.cmd.periodFinalise.summary': '定稿（评审中 → 已定稿；定稿后评分、业务数据和自评都不能再改）',
  'cli.cmd.periodReadiness.usage': 'period readiness --period 编号 --step review|publish|finalise',
  'cli.cmd.periodReadiness.summary': '列出进入评审（review）、标记为已公示（publish）或定稿（finalise）前还缺什么',
  'cli.cmd.periodReopen.usage': 'period reopen --period 编号 --reason 原因',
  'cli.cmd.periodReopen.summary': '重新开启已定稿的周期（已定稿 → 评审中，记入操作记录）',
  'cli.cmd.scoresTemplate.usage': 'scores template 文件.xlsx --period 编号 --rater 编号',
  'cli.cmd.scoresTemplate.summary': '写出一位评委的评分表（纸质录入或评委在自己电脑上填写）',
  'cli.cmd.scoresImport.usage': 'scores import 文件.xlsx --period 编号 [--reason 原因]',
  'cli.cmd.scoresImport.summary': '导入评委评分表（有任何错误则全部不导入；评审阶段须写原因）',
  'cli.cmd.scoresExport.usage': 'scores export 文件.xlsx --period 编号',
  'cli.cmd.scoresExport.summary': '把全部评分导出为一张明细表（评审开始后才能导出）',
  'cli.cmd.measurementsTemplate.usage': 'measurements template 文件.xlsx --period 编号',
  'cli.cmd.measurementsTemplate.summary': '写出业务数据表（已填好每个支部的每个定量指标）',
  'cli.cmd.measurementsImport.usage': 'measurements import 文件.xlsx --period 编号',
  'cli.cmd.measurementsImport.summary': '导入业务数据（有任何错误则全部不导入）',
  'cli.cmd.officeTemplate.usage': 'office template 文件.xlsx --period 编号',
  'cli.cmd.officeTemplate.summary': '写出考核组核定表（已填好每个党支部的每个考核组核定指标和已核定的值）',
  'cli.cmd.officeImport.usage': 'office import 文件.xlsx --period 编号 [--reason 原因]',
  'cli.cmd.officeImport.summary': '导入考核组核定表（有任何错误则全部不导入；评审阶段须写原因）',
  'cli.cmd.officeList.usage': 'office list --period 编号',
  'cli.cmd.officeList.summary': '列出考核组核定的值、原因和依据',
  'cli.cmd.auditExport.usage': 'audit export 文件.xlsx --period 编号',
  'cli.cmd.auditExport.summary': '把考核周期的操作记录导出为 Excel',
  'cli.cmd.auditVerify.summary': '校验操作记录的哈希链：被改动、插入或删除的记录会被指出（发现问题时退出码为 1）',
  'cli.cmd.compute.usage': 'compute --period 编号',
  'cli.cmd.compute.summary': '计算考核结果（--json 输出全部结果和每个分数的来历）',
  'cli.cmd.exportScoresheet.usage': 'export scoresheet --period 编号 (--rater 编号 | --branch 编码) --out 文件.docx [--filled]',
  'cli.cmd.exportScoresheet.summary': '评分表 Word 文档：一位评委的（全部支部），或一个支部的（全体评委）；默认空白',
  'cli.cmd.exportBulletin.usage': 'export bulletin --period 编号 --out 文件.docx',
  'cli.cmd.exportBulletin.summary': '考核结果通报（排名、等次、融合象限、一票否决、各维度亮点与不足）',
  'cli.cmd.exportFeedback.usage': 'export feedback --period 编号 [--branch 编码] --out 文件.docx|文件夹',
  'cli.cmd.exportFeedback.summary': '支部考核反馈单：指定 --branch 写一个支部；否则写全部支部——',
  'cli.cmd.exportFeedback.summary2': '--out 以 .docx 结尾时合为一个文件，否则每个支部一个文件写入该文件夹',
  'cli.cmd.exportMeetingPack.usage': 'export meeting-pack|minutes --period 编号 [--meeting 编号] --out 文件.docx',
  'cli.cmd.exportMeetingPack.summary': '评审会材料（议程、签到表、每个述职支部一页）或会议纪要；默认本周期最近的考核会',
  'cli.cmd.exportPublication.usage': 'export publication --period 编号 --out 文件.docx',
  'cli.cmd.exportPublication.summary': '考核结果公示（须先设置公示期和异议受理方式）',
  'cli.cmd.export.note': '（export 的共同参数：--fonts gb2312|windows 字体方案，--issuer 发文机关署名，--date YYYY-MM-DD 成文日期）',
  'cli.cmd.sample.summary': '用内置指标体系生成一个完整的示例考核周期',
  'cli.cmd.backup.usage': 'backup 文件.db',
  'cli.cmd.backup.summary': '把数据库完整备份到一个新文件',
  'cli.cmd.backupList.summary': '列出自动和手动备份（每日首次启动、导入、定稿、重新开启前自动备份）',
  'cli.cmd.backupCreate.summary': '立即备份到备份文件夹',
  'cli.cmd.backupRestore.usage': 'backup restore 备份文件名',
  'cli.cmd.backupRestore.summary': '用一份备份替换当前数据库（先校验备份，并先把当前数据库另存一份备份）',

  // info, branches
  'cli.info.version': '程序版本',
  'cli.info.schema': '数据结构版本',
  'cli.info.dataDir': '数据目录',
  'cli.info.database': '数据文件',
  'cli.info.branches': '党支部',
  'cli.info.branchesValue': '{active} 个在用，{archived} 个已归档',
  'cli.branches.none': '还没有党支部。可用 “rongping branches template 文件.xlsx” 生成导入模板。',
  'cli.template.done': '导入模板已写入 {path}',
  'cli.import.done': '已导入 {file}：新增 {created} 个，更新 {updated} 个',

  // framework
  'cli.framework.none': '还没有指标体系。可用 “rongping framework template 文件.xlsx” 生成导入模板，填好后用 “rongping framework import” 导入。',
  'cli.framework.column.id': '编号',
  'cli.framework.column.name': '名称',
  'cli.framework.column.version': '版本',
  'cli.framework.column.indicators': '指标',
  'cli.framework.column.leaves': '末级指标',
  'cli.framework.column.status': '状态',
  'cli.framework.column.periods': '使用的考核周期',
  'cli.framework.version': '第{version}版',
  'cli.framework.frozen': '已冻结',
  'cli.framework.editable': '可修改',
  'cli.framework.count': '共 {count} 个',
  'cli.framework.templateDone': '指标体系导入模板已写入 {path}',
  'cli.framework.exported': '已把“{name}”第 {version} 版（{indicators} 个指标）导出到 {path}',
  'cli.framework.imported': '已导入 {file}：新建指标体系 {id}“{name}”，共 {indicators} 个指标',

  // period
  'cli.period.none': '还没有考核周期。可用 “rongping sample” 生成示例周期，或 “rongping period create”。',
  'cli.period.column.id': '编号',
  'cli.period.column.name': '名称',
  'cli.period.column.year': '年度',
  'cli.period.column.framework': '指标体系',
  'cli.period.column.status': '状态',
  'cli.period.column.branches': '支部',
  'cli.period.column.raters': '评委',
  'cli.period.column.entries': '评分条数',
  'cli.period.framework': '{name} 第{version}版',
  'cli.period.created': '已新建考核周期 {id}“{name}”：{branches} 个党支部，指标体系“{framework}”第 {version} 版',
  'cli.period.finalised': '已定稿：{id}“{name}”。评分、业务数据和自评都已锁定；如确需修改，用 rongping period reopen --period {id} --reason 原因',
  'cli.period.reasonRequired': '缺少 --reason（重新开启须写明原因）',
  'cli.period.advanced': '已推进：{id}“{name}”现为“{status}”',
  'cli.period.readinessComplete': '{id}“{name}”没有缺项，可以直接{step}',
  'cli.period.readinessMissing': '{id}“{name}”{step}前还有 {missing}：',
  'cli.period.reopened': '已重新开启：{id}“{name}”现为“{status}”，原因已记入操作记录',

  // scores, measurements, audit
  'cli.scores.templateDone': '已写出评委“{rater}”的评分表：{indicators} 个指标 × {branches} 个党支部{recused}{prefilled}\n{path}',
  'cli.scores.templateRecused': '（回避 {count} 个）',
  'cli.scores.templatePrefilled': '，已填入已有评分 {count} 条',
  'cli.scores.imported': '已导入 {file}（评委“{rater}”）：保存 {saved} 条评分，{unchanged} 条未变',
  'cli.scores.exported': '已导出 {rows} 条评分到 {path}',
  'cli.measurements.templateDone': '已写出业务数据表（{rows} 行：每个党支部的每个定量指标）到 {path}',
  'cli.measurements.imported': '已导入 {file}：保存 {saved} 条业务数据，{unchanged} 条未变{skipped}',
  'cli.measurements.skipped': '，{count} 行未填写',
  'cli.office.templateDone': '已写出考核组核定表（{rows} 行：每个党支部的每个考核组核定指标）到 {path}',
  'cli.office.imported': '已导入 {file}：保存 {saved} 条考核组核定，{unchanged} 条未变{skipped}',
  'cli.office.none': '本周期没有由考核组核定的指标（在指标体系的“录入方式”列中把指标设为“考核组核定”）',
  'cli.office.notRecorded': '（未核定）',
  'cli.office.detailSeparator': '；',
  'cli.office.footer': '已核定 {recorded} / {total} 项',
  'cli.office.column.branch': '党支部',
  'cli.office.column.indicator': '指标',
  'cli.office.column.value': '核定值',
  'cli.office.column.detail': '原因',
  'cli.office.column.evidence': '依据',
  'cli.office.column.date': '依据日期',
  'cli.office.column.by': '核定人',
  'cli.audit.exported': '已导出 {rows} 条操作记录到 {path}',

  // compute
  'cli.results.heading': '{name}（{status}）',
  'cli.results.column.rank': '名次',
  'cli.results.column.code': '编码',
  'cli.results.column.branch': '党支部',
  'cli.results.column.total': '总分',
  'cli.results.column.party': '党建',
  'cli.results.column.business': '业务',
  'cli.results.column.fusion': '融合',
  'cli.results.column.bonus': '加分',
  'cli.results.column.grade': '等次',
  'cli.results.column.quadrant': '融合象限',
  'cli.results.column.notes': '说明',
  'cli.results.vetoed': '一票否决',
  'cli.results.missing': '缺 {count} 项评分',
  'cli.results.footer': '基本分满分 {baseMax}；{quotas}',
  'cli.results.quota': '{label}名额 {allowed} 个',
  'cli.results.noQuota': '无名额限制',
  'cli.results.provisional': '注意：评分尚不完整，结果为暂定。',

  // export
  'cli.export.written': '已写出{what}：{path}',
  'cli.export.missingOut': '缺少 --out（写到哪个文件或文件夹）',
  'cli.export.badDate': '--date 应为 YYYY-MM-DD',
  'cli.export.branchNotFound': '找不到编码为“{code}”的党支部',
  'cli.export.scoresheetTarget': '评分表须指定 --rater 编号 或 --branch 编码（二者选一）',
  'cli.export.noMeeting': '本考核周期还没有评审会：请先在“评审会”中安排',
  'cli.export.what.scoresheetFilled': '评分表（已填）',
  'cli.export.what.scoresheetBlank': '评分表（空白）',
  'cli.export.what.meetingPack': '评审会材料',
  'cli.export.what.minutes': '会议纪要',
  'cli.export.what.publication': '考核结果公示',
  'cli.export.what.bulletin': '考核结果通报',
  'cli.export.what.feedback': '支部考核反馈单',
  'cli.export.feedbackProgress': '正在写反馈单：{done}/{total}',
  'cli.export.feedbackUnfinished': '反馈单没有写完',
  'cli.export.feedbackSingle': '已把 {count} 个党支部的反馈单写入 {file}',
  'cli.export.feedbackFolder': '已写出 {count} 份反馈单到 {folder}',

  // sample, backups
  'cli.sample.done': '已生成示例考核周期 {id}“{name}”：{branches} 个党支部，{raters} 位评委，{entries} 条评分，{measurements} 条业务数据。\n查看结果：rongping compute --period {id}',
  'cli.backup.done': '已备份到 {path}（{size}）',
  'cli.backup.none': '还没有备份（备份文件夹：{folder}）',
  'cli.backup.folder': '备份文件夹：{folder}；自动备份保留最近 {keep} 份',
  'cli.backup.restored': '已从备份 {name} 恢复；恢复前的数据库已备份为 {safety}',
  'cli.backup.column.file': '备份文件',
  'cli.backup.column.time': '时间',
  'cli.backup.column.reason': '原因',
  'cli.backup.column.size': '大小',

  // docs/cli.md (npm run docs:cli): the prose around the command table
  'cli.docs.intro': `# 命令行 rongping

<!-- 由 \`npm run docs:cli\` 从 electron/cli/commands.ts 生成，请勿手改。 Generated from the command table: do not edit. -->

命令行工具与桌面程序使用同一套服务，不需要 Electron：在源码目录中用 \`npm run cli -- <命令>\`，
或用打包后的 \`rongping\`（\`node dist/electron/cli.cjs\`）。默认输出供人阅读；加 \`--json\` 输出供脚本使用。

The same services without Electron. Output is human-readable; add \`--json\` for scripts.

- 退出码 Exit codes：0 完成；1 操作失败（消息说明原因）；2 命令行有误（同时显示用法）。
- 文件路径可写相对路径（相对于当前目录）。已存在的文件不会被覆盖，除非加 \`--force\`。
  Every file is written to a temporary name beside it and then renamed, so a failed write never leaves half a file.
- 数据目录默认与桌面程序相同；可用 \`--data-dir 目录\` 或环境变量 \`RONGPING_DATA_DIR\` 指定。

## 用法 Usage（\`rongping help\`）

\`\`\`text
{usage}
\`\`\`

## 各命令 Commands
`,
  'cli.docs.globalOptions': '通用参数 Global options：{flags}。',
  'cli.docs.options': '参数 Options：{flags}',
  'cli.docs.noOptions': '无（只有通用参数）',
  'cli.docs.flagValue': '值',
  'cli.docs.examples': `## 示例 Examples

A demo in two commands:

\`\`\`text
$ npm run cli -- sample --branches 8 --raters 5
已生成示例考核周期 1“2026年度党建业务一体化考评（示例）”：8 个党支部，5 位评委，1560 条评分，72 条业务数据。
$ npm run cli -- compute --period 1
名次  编码    党支部                    总分   党建   业务   融合   加分  等次  融合象限      说明
1     SL-008  机械制造厂生产运行党支部  95.51  30.88  29.00  35.29  0.75  优秀  双强
…
基本分满分 100；优秀名额 1 个
\`\`\`

A refused import names every problem and imports nothing:

\`\`\`text
$ npm run cli -- branches import 名单.xlsx --data-dir /tmp/demo
错误：“名单.xlsx”中有 1 处错误，未导入任何数据
  - 第 3 行，B 列（支部名称）：支部名称不能为空
\`\`\`
`,
} as const;
