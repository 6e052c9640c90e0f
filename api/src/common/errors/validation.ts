import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** Flattens nested class-validator errors to `{ "a.b.0.c": "constraintKey" }`, first failed constraint per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const keys = Object.keys(e.constraints);
      out[field] = keys.includes('whitelistValidation') ? 'whitelistValidation' : keys[keys.length - 1];
    }
    if (e.children?.length) Object.assign(out, flattenValidationErrors(e.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new AppError('VALIDATION_FAILED', flattenValidationErrors(errors)),
  });
}
