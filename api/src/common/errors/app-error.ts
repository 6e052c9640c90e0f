import { ERROR_STATUS, ErrorCode } from './error-codes';

/** A domain or request error with a stable code; the filter turns it into the one error body. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly errors?: Record<string, string>,
    detail?: string,
  ) {
    super(detail ?? code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const fieldError = (field: string, key: string) => new AppError('VALIDATION_FAILED', { [field]: key });
