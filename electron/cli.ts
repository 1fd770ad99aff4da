/**
 * rongping — the app's services on the command line, without Electron.
 * Human-readable output by default, `--json` for scripts; exit code 0 on
 * success, 1 when the operation failed, 2 when the command line is wrong.
 * The commands are rows of one table (electron/cli/commands.ts), from which
 * the help text and docs/cli.md are produced.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from './paths';
import { AppError } from './errors';
import { t } from '../shared/messages';
import { createServices, type Services } from './services';
import { printError, UsageError, type Flags, type Output } from './cli/command';
import { findCommand, parseOptions, usageText } from './cli/commands';

export async function main(argv: string[], io: Pick<Output, 'out' | 'err'> = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: parseOptions() });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${usageText()}`);
    return 2;
  }
  const { positionals } = parsed;
  const flags = parsed.values as Flags;
  const o: Output = { ...io, json: flags.json };
  const command = flags.help || positionals.length === 0 ? findCommand(['help']) : findCommand(positionals);
  let services: Services | null = null;
  try {
    if ('unknown' in command) throw new UsageError(command.unknown);
    // Paths on the command line are the caller's choice (resolved against the cwd by fileArg and --out):
    // any absolute path, an existing file replaced only with --force.
    const open = () => (services ??= createServices({ dataDir: resolveDataDir({ flag: flags['data-dir'] }), paths: 'trusted', overwrite: flags.force }));
    return await command.run({ services: open, positionals, flags, o });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${usageText()}`);
      return 2;
    }
    if (e instanceof AppError) {
      printError(e.toValue(), o);
      return 1;
    }
    io.err(t('cli.error', { message: e instanceof Error ? e.message : String(e) }));
    return 1;
  } finally {
    (services as Services | null)?.close();
  }
}

const defaultIo = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};

// Run when executed directly (tsx electron/cli.ts, or the bundled bin), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|cjs|js)$/.test(entry)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
