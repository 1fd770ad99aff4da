import type { AppErrorValue, ErrorCode, ErrorDetail } from '../shared/result';

/**
 * A failure the user can act on. Services throw it; the dispatcher turns it
 * into an error value, so nothing thrown ever crosses the contract.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** With `throttled`: seconds until another try is heard (the sign-in screen counts them down). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return {
      code: this.code,
      message: this.message,
      ...(this.details?.length ? { details: this.details } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}
