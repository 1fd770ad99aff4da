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
  ) {
    super(message);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return this.details?.length
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
