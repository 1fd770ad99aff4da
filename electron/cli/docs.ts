/**
 * docs/cli.md, produced from the command table (npm run docs:cli writes it;
 * test/unit/cli-docs.test.ts fails when the file and the table differ). The
 * prose around the table is in the catalogue ('cli.docs.*').
 */
import { t } from '../../shared/messages';
import { FLAG_OPTIONS, GLOBAL_FLAGS, type CliCommand } from './command';
import { COMMANDS, usageText } from './commands';

const flagList = (names: readonly string[]) =>
  names.map((n) => `\`--${n}\`${FLAG_OPTIONS[n as keyof typeof FLAG_OPTIONS].type === 'boolean' ? '' : ` ${t('cli.docs.flagValue')}`}`).join('、');

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
    t('cli.docs.options', { flags: c.flags.length === 0 ? t('cli.docs.noOptions') : flagList(c.flags) }),
    '',
  ].join('\n');
}

export function cliMarkdown(): string {
  const intro = t('cli.docs.intro', { usage: usageText() });
  return `${intro}\n${t('cli.docs.globalOptions', { flags: flagList(GLOBAL_FLAGS) })}\n\n${COMMANDS.map(section).join('\n')}\n${t('cli.docs.examples')}`;
}
