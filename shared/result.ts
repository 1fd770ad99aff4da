/**
 * Errors cross the process boundary as values, never as thrown exceptions:
 * every contract call answers `{ ok: true, value }` or `{ ok: false, error }`.
 */
export type ErrorCode =
  | 'invalid_input' // the call's input failed its schema
  | 'validation' // the input is well-formed but breaks a rule of the domain
  | 'not_found'
  | 'conflict' // e.g. a branch code that is already taken
  | 'db_newer' // the database was written by a newer version of the app
  | 'busy' // another process held the database's write lock past the busy timeout
  | 'read_only' // the database file cannot be written; the app is for viewing only
  | 'io' // a file could not be read or written
  | 'forbidden' // a call from an unexpected sender
  | 'incomplete' // a gated step (进入评审, 公示, 定稿) with something missing and no override reason
  | 'throttled' // too many wrong PINs in a row: every try is refused until `retryAfterSeconds` have passed
  | 'unknown_method'
  | 'internal';

/** One located problem, e.g. a bad cell of an imported workbook or a bad form field. */
export interface ErrorDetail {
  /** 1-based worksheet row, when the problem comes from a file. */
  row?: number;
  /** Worksheet column letter (A, B, …), when the problem comes from a file. */
  column?: string;
  /** The field the problem is about (contract field name). */
  field?: string;
  /** The user-facing text, already complete (names the row, column and reason). */
  message: string;
}

export interface AppErrorValue {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  /** With `throttled`: how long until the next try is heard. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorValue): Result<never> => ({ ok: false, error });
