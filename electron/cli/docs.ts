/**
 * docs/cli.md, produced from the command table (npm run docs:cli writes it;
 * test/unit/cli-docs.test.ts fails when the file and the table differ).
 */
import { FLAG_OPTIONS, GLOBAL_FLAGS, type CliCommand } from './command';
import { COMMANDS, usageText } from './commands';

const INTRO = `# 命令行 rongping

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
${usageText()}
\`\`\`

## 各命令 Commands
`;

const EXAMPLES = `## 示例 Examples

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
`;

const flagList = (names: readonly string[]) =>
  names.map((n) => `\`--${n}\`${FLAG_OPTIONS[n as keyof typeof FLAG_OPTIONS].type === 'boolean' ? '' : ' 值'}`).join('、');

function section(c: CliCommand): string {
  const spelled = [c.name, ...(c.also ?? [])].map((n) => `\`rongping ${n}\``).join(' / ');
  return [
    `### ${spelled}`,
    '',
    '```text',
    `rongping ${c.usage}`,
    '```',
    '',
    c.summary.join(''),
    ...(c.note ? ['', c.note] : []),
    '',
    `参数 Options：${c.flags.length === 0 ? '无（只有通用参数）' : flagList(c.flags)}`,
    '',
  ].join('\n');
}

export function cliMarkdown(): string {
  return `${INTRO}\n通用参数 Global options：${flagList(GLOBAL_FLAGS)}。\n\n${COMMANDS.map(section).join('\n')}\n${EXAMPLES}`;
}
