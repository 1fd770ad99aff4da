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
import { ADMIN_PIN_ENV } from './cli/pin';
import { signInAdmin } from './services/session';

/** Where the CLI reads what it must not take as an argument (a shell keeps arguments in its history). */
export interface CliIo extends Pick<Output, 'out' | 'err'> {
  /** Standard input, whole (a new PIN for `pin`). */
  input?: () => Promise<string>;
  /** The environment (RONGPING_ADMIN_PIN when an admin PIN is set). */
  env?: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
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
    const open = () => {
      if (services) return services;
      services = createServices({ dataDir: resolveDataDir({ flag: flags['data-dir'] }), paths: 'trusted', overwrite: flags.force });
      signInFromEnv(services, io.env ?? process.env);
      return services;
    };
    return await command.run({ services: open, positionals, flags, o, input: io.input ?? readStdin });
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

/**
 * The CLI acts as the admin. Where the office set an admin PIN (the shared PC's guard), the CLI asks for it
 * too — from RONGPING_ADMIN_PIN, never from an argument — through the same throttled check as the sign-in screen.
 */
function signInFromEnv(services: Services, env: NodeJS.ProcessEnv): void {
  if (services.ctx.session.kind === 'admin') return;
  const pin = env[ADMIN_PIN_ENV];
  if (!pin) throw new AppError('forbidden', t('cli.pin.required', { env: ADMIN_PIN_ENV }));
  services.ctx.session = signInAdmin(services.ctx.db, pin, services.ctx.now());
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
