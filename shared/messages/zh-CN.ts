/**
 * The one message catalogue. Every user-facing string of the renderer, the
 * services' error messages and the CLI comes from here, so a second language
 * is one more file of the same shape.
 */
import { frameworkMessages } from './zh-CN-framework';
import { periodsMessages } from './zh-CN-periods';
import { resultsMessages } from './zh-CN-results';
import { scoringMessages } from './zh-CN-scoring';
import { meetingsMessages } from './zh-CN-meetings';
import { documentsMessages } from './zh-CN-documents';
import { dataMessages } from './zh-CN-data';
import { filesMessages } from './zh-CN-files';
import { backupsMessages } from './zh-CN-backups';
import { workbooksMessages } from './zh-CN-workbooks';
import { cliMessages } from './zh-CN-cli';
import { panelCliMessages } from './zh-CN-panel-cli';
import { trustMessages } from './zh-CN-trust';
import { shellMessages } from './zh-CN-shell';
import { officeWorkbookMessages } from './zh-CN-office-workbook';
import { officeMessages } from './zh-CN-office';
import { officeUiMessages } from './zh-CN-office-ui';
import { poolsUiMessages } from './zh-CN-pools-ui';
import { poolsMessages } from './zh-CN-pools';
import { rulesMessages } from './zh-CN-rules';
import { rulesUiMessages } from './zh-CN-rules-ui';
import { groupRulesUiMessages } from './zh-CN-group-rules-ui';
import { groupRulesMessages } from './zh-CN-group-rules';
import { rulesWorkbookMessages } from './zh-CN-rules-workbook';
import { triggersMessages } from './zh-CN-triggers';
import { triggersUiMessages } from './zh-CN-triggers-ui';
import { gradeSchemeMessages } from './zh-CN-grade-scheme';
import { categoriesResultsMessages } from './zh-CN-categories-results';
import { categoriesRaterMessages } from './zh-CN-categories-rater';
import { categoriesMessages } from './zh-CN-categories';
import { assignmentRaterMessages } from './zh-CN-assignment-rater';
import { assignmentMessages } from './zh-CN-assignment';
import { assignmentResultsMessages } from './zh-CN-assignment-results';

const core = {
  'app.name': '融评',
  'app.subtitle': '党建业务融合考评',

  // Areas of the app (sidebar)
  'nav.home': '首页',
  'nav.periods': '考核周期',
  'nav.framework': '指标体系',
  'nav.branches': '党支部',
  'nav.raters': '评委',
  'nav.scoring': '评分',
  'nav.data': '业务数据',
  'nav.results': '结果',
  'nav.meetings': '评审会',
  'nav.rectification': '整改',
  'nav.reports': '报告',
  'header.period': '当前周期',
  'header.noPeriod': '尚未建立考核周期',
  'header.home': '首页',
  'session.admin': '管理员',
  'session.rater': '评委：{name}',
  'session.none': '未选择身份',
  'session.switch': '切换身份',
  'session.switchHint': '评委在“评分”中选择自己的姓名后打分；管理员可查看进度和代录纸质评分表',

  'notYet.title': '尚未提供',
  'notYet.body': '“{area}”功能正在开发中，当前版本尚未提供。请先在“党支部”中维护支部名单。',
  'notYet.goBranches': '前往党支部',

  // Branches
  'branch.title': '党支部',
  'branch.intro': '维护参加考核的党支部名单。支部编码在全厂唯一，导入、评分和报告都以编码识别支部。',
  'branch.field.code': '支部编码',
  'branch.field.name': '支部名称',
  'branch.field.unit': '所属单位',
  'branch.field.secretary': '支部书记',
  'branch.field.memberCount': '党员人数',
  'branch.field.note': '备注',
  'branch.field.status': '状态',
  'branch.status.active': '在用',
  'branch.status.archived': '已归档',
  'branch.search.placeholder': '搜索编码、名称、单位、类别或书记',
  'branch.showArchived': '显示已归档',
  'branch.action.create': '新建党支部',
  'branch.action.edit': '编辑',
  'branch.action.archive': '归档',
  'branch.action.restore': '恢复',
  'branch.action.import': '从 Excel 导入',
  'branch.action.template': '下载导入模板',
  'branch.action.actions': '操作',
  'branch.archive.confirm': '归档“{name}”？归档后它不再出现在新的考核周期中，已有的评分和历史记录全部保留，可随时恢复。',
  'branch.archived.ok': '已归档“{name}”',
  'branch.restored.ok': '已恢复“{name}”',
  'branch.created.ok': '已新建“{name}”',
  'branch.updated.ok': '已保存“{name}”',
  'branch.form.createTitle': '新建党支部',
  'branch.form.editTitle': '编辑党支部',
  'branch.form.save': '保存',
  'branch.form.cancel': '取消',
  'branch.form.codeHelp': '字母、数字、“-”“_”“.”，最多 32 位，如 HG-01',
  'branch.empty.title': '还没有党支部',
  'branch.empty.body': '新建一个党支部，或下载导入模板、填好后从 Excel 一次导入全部支部。',
  'branch.empty.noMatch': '没有符合“{query}”的党支部',
  'branch.count': '共 {count} 个支部',

  // Validation of a branch (form fields and workbook cells alike)
  'branch.code.required': '支部编码不能为空',
  'branch.code.tooLong': '支部编码最多 32 个字符',
  'branch.code.pattern': '支部编码只能包含字母、数字和“-”“_”“.”，且以字母或数字开头',
  'branch.code.taken': '支部编码“{code}”已被“{name}”使用',
  'branch.name.required': '支部名称不能为空',
  'branch.name.tooLong': '支部名称最多 60 个字符',
  'branch.text.tooLong': '{field}最多 {max} 个字符',
  'branch.memberCount.integer': '党员人数应为 0 到 10000 之间的整数',
  'branch.notFound': '找不到这个党支部（编号 {id}），它可能已被删除',

  // Import of a branches workbook
  'import.title': '从 Excel 导入党支部',
  'import.choose': '选择 Excel 文件',
  'import.pickHint': '请使用“下载导入模板”得到的表格：第一行是表头，从第二行起每行一个支部。编码已存在的支部会按表格内容更新。',
  'import.file': '文件',
  'import.previewOk': '检查通过：新增 {created} 个，更新 {updated} 个。',
  'import.previewBad': '发现 {count} 处错误，整个文件都不会导入。请在 Excel 中改正后重新选择文件。',
  'import.confirm': '确认导入 {count} 个支部',
  'import.done': '导入完成：新增 {created} 个，更新 {updated} 个',
  'import.action.create': '新增',
  'import.action.update': '更新',
  'import.column.row': '行号',
  'import.column.action': '处理',
  'import.error.cell': '第 {row} 行，{column} 列（{header}）：{reason}',
  'import.error.rowGeneric': '第 {row} 行：{reason}',
  'import.error.duplicateInFile': '支部编码“{code}”在第 {firstRow} 行已出现过',
  'import.error.noSheet': '文件“{file}”中没有工作表',
  'import.error.missingHeader': '文件“{file}”第 1 行缺少“{header}”列，请使用导入模板',
  'import.error.noRows': '文件“{file}”中没有支部数据（从第 2 行起填写）',
  'import.error.notXlsx': '无法读取“{file}”：它不是有效的 Excel（.xlsx）文件',
  'import.error.unreadable': '无法读取文件“{file}”：{reason}',
  'import.error.formula': '请填写数值，而不是公式',
  'import.errorsFound': '“{file}”中有 {count} 处错误，未导入任何数据',
  'template.sheet': '党支部',
  'template.helpSheet': '填写说明',
  'template.help.1': '1. 每行填写一个党支部，带 * 的列必须填写。',
  'template.help.2': '2. 支部编码在全厂唯一，只能包含字母、数字和“-”“_”“.”，如 HG-01。',
  'template.help.3': '3. 导入时编码已存在的支部按表中内容更新，新编码的支部新增。',
  'template.help.4': '4. 任何一行有错误时整个文件都不会导入，融评会列出每一处错误的行号和列。',
  'template.help.5': '5. 请勿修改第一行表头。',
  'template.saved': '模板已保存到 {path}',
  'file.showInFolder': '打开所在文件夹',
  'file.xlsxFilter': 'Excel 工作簿',

  // Generic errors
  'error.invalidInput': '输入不正确：{detail}',
  'text.xmlInvalid': '{field}含有文件无法保存的字符 {code}（第 {position} 个字符），请删除后再试',
  'error.foreignKey': '操作没有完成：输入中引用的党支部、指标、评委或其他记录不存在（可能已被删除）。请刷新后重试。',
  'error.internal': '操作没有完成：程序内部出错。详细信息已写入日志文件 {log}',
  'error.busy': '操作没有完成：数据文件正被另一个程序（例如命令行工具，或另一个融评窗口）写入，等了 {seconds} 秒仍未结束。刚才的内容没有保存，请稍后再试。',
  'error.readOnly': '操作没有完成：数据文件 {file} 是只读的（文件、文件夹或磁盘不允许写入），现在只能查看。请检查文件权限，或把数据文件夹复制到可写的位置。',
  'error.auditGuard': '操作没有完成：操作记录只能追加，不能修改或删除。',
  'error.dbReadOnlyOld': '数据文件 {file} 是只读的，而且来自旧版本（数据结构版本 {found}，需要升级到 {known}）。只读文件无法升级：请把它复制到可写的位置后再打开。',
  'error.dbEmpty': '数据文件 {file} 是空的（0 字节），可能是复制中断或磁盘出错。为免把它当作新数据库覆盖掉原有数据，本程序不会打开它。请从“备份”中恢复（备份在 {backups}），或把正确的数据文件放回原处。',
  'error.dbNotSqlite': '数据文件 {file} 不是融评的数据文件，或已损坏（{reason}）。本程序不会打开它，以免覆盖。请从备份中恢复（备份在 {backups}）。',
  'error.unknownMethod': '未知的操作：{method}',
  'error.forbidden': '拒绝来自未知页面的请求',
  'error.dbNewer': '数据文件 {file} 由更新版本的融评创建（数据结构版本 {found}，本程序只支持到 {known}）。为避免损坏数据，本程序不会打开它。请安装最新版本的融评后再打开。',
  'error.dbOpen': '无法打开数据文件 {file}：{reason}',
  'error.io': '无法读写文件 {file}：{reason}',
  'error.network': '无法连接到融评后台服务：{reason}',
  'error.title': '操作失败',

  // Backups and the audit chain (the CLI's messages are in zh-CN-cli.ts)
  'backup.error.damaged': '备份 {name} 无法使用：{detail}。当前数据没有改变。',
  'backup.error.notFound': '在备份文件夹中找不到备份 {name}',
  'backup.error.inUse': '另一个程序（例如命令行工具）正打开着数据文件，现在不能恢复。请关闭它后再试；当前数据没有改变。',
  'audit.chain.broken': '操作记录的校验链在第 {id} 条处断开：{problem}。这说明数据文件曾在融评之外被改动。',
  'audit.chain.ok': '操作记录完整：共 {rows} 条，校验链无断点。',

  // Errors the dispatcher returns before a handler runs
  'error.dispatch.raterForbidden': '评委身份不能进行这项操作，请切换到管理员',
  'error.dispatch.noSession': '请先选择身份（评委或管理员）',
  'error.dispatch.frameworkFrozen': '该指标体系已用于评分并已冻结，不能修改。请“另存为新版本”后修改。',
  'error.dispatch.periodFinalised': '该考核周期已定稿，评分、业务数据和自评都不能再修改。如确需修改，请先由管理员重新开启。',
} as const;

/** The whole catalogue: core messages plus one file per area (so areas can grow without colliding). */
export const zhCN = { ...core, ...frameworkMessages, ...periodsMessages, ...resultsMessages, ...scoringMessages, ...meetingsMessages, ...documentsMessages, ...dataMessages, ...filesMessages, ...backupsMessages, ...workbooksMessages, ...cliMessages, ...panelCliMessages, ...trustMessages, ...shellMessages, ...officeMessages, ...officeUiMessages, ...officeWorkbookMessages, ...poolsUiMessages, ...poolsMessages, ...groupRulesUiMessages, ...groupRulesMessages, ...rulesMessages, ...rulesUiMessages, ...rulesWorkbookMessages, ...triggersMessages, ...triggersUiMessages, ...gradeSchemeMessages, ...categoriesResultsMessages, ...categoriesRaterMessages, ...categoriesMessages, ...assignmentRaterMessages, ...assignmentMessages, ...assignmentResultsMessages } as const;

export type MessageKey = keyof typeof zhCN;
