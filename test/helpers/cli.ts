import { main } from '../../electron/cli';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...args: string[]) {
  return cliWith({}, ...args);
}

/** The same, with standard input and environment variables given. */
export async function cliWith(options: { input?: string; env?: NodeJS.ProcessEnv }, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    input: () => Promise.resolve(options.input ?? ''),
    env: options.env ?? {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
