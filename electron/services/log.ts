import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The technical log: stack traces and unexpected failures go here, never to
 * the user's screen. The user finds the file from the help menu.
 */
export interface Logger {
  readonly file: string;
  error(context: string, error: unknown): void;
  info(message: string): void;
}

export function fileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'rongping.log');
  const write = (level: string, text: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, `${new Date().toISOString()} ${level} ${text}\n`);
    } catch {
      // Logging must never be the reason an operation fails.
    }
  };
  return {
    file,
    error: (context, error) =>
      write('ERROR', `${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    info: (message) => write('INFO', message),
  };
}
