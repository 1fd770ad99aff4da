/**
 * What one CLI command is (a row of the table in ./commands.ts) and the few
 * helpers every command's `run` shares: printing a result, reading a file
 * argument or a whole-number option, and the usage error (exit code 2).
 */
import path from 'node:path';
import { t } from '../../shared/messages';
import type { AppErrorValue, Result } from '../../shared/result';
import type { Services } from '../services';

/** A wrong command line: main prints the message and the usage, exit code 2. */
export class UsageError extends Error {}

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Every option the CLI reads, as node:util parseArgs takes them. The global
 * ones (--data-dir, --json, --force, --help) apply to every command; the
 * others are listed by the commands that read them.
 */
export const FLAG_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  archived: { type: 'boolean', default: false },
  id: { type: 'string' },
  period: { type: 'string' },
  name: { type: 'string' },
  framework: { type: 'string' },
  year: { type: 'string' },
  kind: { type: 'string' },
  branches: { type: 'string' },
  raters: { type: 'string' },
  seed: { type: 'string' },
  rater: { type: 'string' },
  reason: { type: 'string' },
  branch: { type: 'string' },
  out: { type: 'string' },
  file: { type: 'string' },
  filled: { type: 'boolean', default: false },
  fonts: { type: 'string' },
  issuer: { type: 'string' },
  date: { type: 'string' },
  meeting: { type: 'string' },
  to: { type: 'string' },
  step: { type: 'string' },
  override: { type: 'string' },
  force: { type: 'boolean', default: false },
  clear: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type FlagName = keyof typeof FLAG_OPTIONS;
export const GLOBAL_FLAGS: readonly FlagName[] = ['data-dir', 'json', 'force', 'help'];

/** The parsed options: booleans always set (they have defaults), strings when given. */
export type Flags = {
  [K in FlagName]: (typeof FLAG_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

export interface CommandCall {
  /** Opened on first use, so `help` never touches the data folder. */
  services: () => Services;
  /** Standard input, whole. */
  input: () => Promise<string>;
  positionals: string[];
  flags: Flags;
  o: Output;
}

export interface CliCommand {
  /** The words that pick the command: `info`, `branches import`; `also` for a second spelling of one usage line. */
  name: string;
  also?: string[];
  /** The usage line as `rongping help` prints it, without the program name. */
  usage: string;
  /** What it does, one help line each. */
  summary: string[];
  /** A line printed after the entry, indented (the export commands' common options). */
  note?: string;
  /** The options it reads besides the global ones. */
  flags: FlagName[];
  run: (call: CommandCall) => Promise<number>;
}

export function printError(error: AppErrorValue, o: Output): void {
  if (o.json) {
    o.out(JSON.stringify({ ok: false, error }, null, 2));
    return;
  }
  o.err(t('cli.error', { message: error.message }));
  for (const d of error.details ?? []) o.err(`  - ${d.message}`);
}

/** Prints a result; returns the exit code. */
export function report<T>(result: Result<T>, o: Output, human: (value: T) => string): number {
  if (!result.ok) {
    printError(result.error, o);
    return 1;
  }
  o.out(o.json ? JSON.stringify(result.value, null, 2) : human(result.value));
  return 0;
}

/** Prints a failed result (or an error made here); exit code 1. */
export const fail = (result: Result<unknown> | AppErrorValue, o: Output): number =>
  'ok' in result ? report(result, o, () => '') : report({ ok: false, error: result }, o, () => '');

/** A file argument, resolved here against the CLI's working directory: the services take absolute paths only. */
export function fileArg(positionals: string[], index: number, command: string): string {
  const file = positionals[index];
  if (!file) throw new UsageError(t('cli.usage.missingFile', { command }));
  return path.resolve(file);
}

/** A whole-number option, or a usage error naming it. */
export function intFlag(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(t('cli.usage.missingFlag', { flag: name }));
  }
  if (!/^\d+$/.test(value)) throw new UsageError(t('cli.usage.notWholeNumber', { flag: name, value }));
  return Number(value);
}

/** The file (third word) and --period of a command that writes or reads one file of a period. */
export const periodFile = ({ positionals, flags }: CommandCall, command: string) => {
  const file = fileArg(positionals, 2, command);
  return { periodId: intFlag(flags.period, 'period'), path: file };
};

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
