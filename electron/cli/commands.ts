/**
 * The one table of CLI commands, in the order `rongping help` lists them.
 * The help text and docs/cli.md (`npm run docs:cli`) are produced from it;
 * main (electron/cli.ts) picks the row that the first words name.
 */
import { t } from '../../shared/messages';
import { displayWidth, pad } from '../cli-format';
import { BACKUP_COMMANDS } from './backup';
import { FLAG_OPTIONS, GLOBAL_FLAGS, type CliCommand, type FlagName } from './command';
import { EXPORT_COMMANDS } from './export';
import { SCORING_COMMANDS } from './scoring';
import { OFFICE_COMMANDS } from './office';
import { PIN_COMMANDS } from './pin';
import { PANEL_COMMANDS } from './panel';
import { SETUP_COMMANDS } from './setup';

const HELP: CliCommand = {
  name: 'help',
  usage: 'help',
  summary: [t('cli.cmd.help.summary')],
  flags: [],
  run: ({ o }) => {
    o.out(usageText());
    return Promise.resolve(0);
  },
};

export const COMMANDS: readonly CliCommand[] = [...SETUP_COMMANDS, ...PANEL_COMMANDS, ...SCORING_COMMANDS, ...OFFICE_COMMANDS, ...EXPORT_COMMANDS, ...BACKUP_COMMANDS, ...PIN_COMMANDS, HELP];

export const USAGE_HEAD = [t('cli.help.title'), '', t('cli.help.usage')];
export const USAGE_FOOT = [t('cli.help.paths'), t('cli.help.dataDir')];

/** The usage column: a usage line that does not fit (with two spaces after it) puts its summary on the next line. */
const COLUMN = 31;
const INDENT = ' '.repeat(2 + COLUMN);

function usageLines(c: CliCommand): string[] {
  const [first = '', ...rest] = c.summary;
  const head = displayWidth(c.usage) <= COLUMN - 2 ? [`  ${pad(c.usage, COLUMN)}${first}`] : [`  ${c.usage}`, `${INDENT}${first}`];
  return [...head, ...rest.map((line) => `${INDENT}${line}`), ...(c.note ? [`    ${c.note}`] : [])];
}

/** What `rongping help` prints (and a wrong command line under its message). */
export function usageText(): string {
  return [...USAGE_HEAD, '', ...COMMANDS.flatMap(usageLines), '', ...USAGE_FOOT].join('\n');
}

/** The parseArgs options: the global ones and every one a command reads. */
export function parseOptions(): Partial<typeof FLAG_OPTIONS> {
  const names = new Set<FlagName>([...GLOBAL_FLAGS, ...COMMANDS.flatMap((c) => c.flags)]);
  return Object.fromEntries([...names].map((name) => [name, FLAG_OPTIONS[name]]));
}

const names = (c: CliCommand) => [c.name, ...(c.also ?? [])];

/**
 * The command the first words name: `branches import` before `backup` (whose
 * second word is a file). A usage error names the words not understood: the
 * group and its word when the group exists (“framework frobnicate”), else the first word.
 */
export function findCommand(positionals: string[]): CliCommand | { unknown: string } {
  const [first = '', second] = positionals;
  const two = `${first} ${second ?? ''}`.trim();
  const found = COMMANDS.find((c) => names(c).includes(two)) ?? COMMANDS.find((c) => names(c).includes(first));
  if (found) return found;
  const isGroup = COMMANDS.some((c) => names(c).some((n) => n.startsWith(`${first} `)));
  return { unknown: t('cli.usage.unknown', { command: isGroup ? two : first }) };
}
