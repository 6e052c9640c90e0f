import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { AppError } from './app-error';
import { ERROR_STATUS, ErrorCode } from './error-codes';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: Record<string, string>;
  requestId: string;
}

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own errors (body parsing, content type, size) carry a status and an FST_ code. */
function isFrameworkError(e: unknown): e is { statusCode: number; code?: string } {
  return typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number';
}

/** Maps anything thrown to the one error body. Unknown errors never leak their message. */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  let code: ErrorCode = 'INTERNAL';
  let errors: Record<string, string> | undefined;
  if (exception instanceof AppError) {
    code = exception.code;
    errors = exception.errors;
  } else if (exception instanceof ThrottlerException) {
    code = 'RATE_LIMITED';
  } else if (exception instanceof HttpException) {
    code = STATUS_CODE[exception.getStatus()] ?? (exception.getStatus() >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    // the framework re-throws body-parser failures as a bare 400 with this text
    if (exception.getStatus() === 400 && /not valid JSON|empty/i.test(exception.message)) {
      code = 'VALIDATION_FAILED';
      errors = { body: 'invalidJson' };
    }
  } else if (isFrameworkError(exception) && exception.statusCode >= 400 && exception.statusCode < 500) {
    code = STATUS_CODE[exception.statusCode] ?? 'BAD_REQUEST';
    if (exception.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') code = 'UNSUPPORTED_MEDIA_TYPE';
    if (exception.code === 'FST_ERR_CTP_BODY_TOO_LARGE') code = 'PAYLOAD_TOO_LARGE';
    if (exception.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      code = 'VALIDATION_FAILED';
      errors = { body: 'invalidJson' };
    }
    if (exception instanceof SyntaxError) {
      code = 'VALIDATION_FAILED';
      errors = { body: 'invalidJson' };
    }
  } else if (isDatabaseUnavailable(exception)) {
    code = 'SERVICE_UNAVAILABLE';
  }
  const body: ErrorBody = { statusCode: ERROR_STATUS[code] ?? HttpStatus.INTERNAL_SERVER_ERROR, code, message: `errors.${code}`, requestId };
  if (errors) body.errors = errors;
  return body;
}

const UNAVAILABLE = ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '53300', 'ETIMEDOUT'];

export function isDatabaseUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code ?? (e as { driverError?: { code?: unknown } }).driverError?.code;
  const message = String((e as { message?: unknown }).message ?? '');
  // a transaction whose connection broke: TypeORM has released its query runner under the use case
  const name = (e as { name?: unknown }).name;
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  return (
    (typeof code === 'string' && UNAVAILABLE.includes(code)) ||
    /Connection terminated|connection timeout|terminating connection/i.test(message)
  );
}
