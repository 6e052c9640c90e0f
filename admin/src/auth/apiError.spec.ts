import { describe, expect, it } from '@jest/globals';
import { HttpError } from 'ra-core';
import { toAppError } from './apiError';

describe('toAppError', () => {
  it('turns the API error body into translation keys react-admin forms understand', () => {
    const body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'errors.VALIDATION_FAILED', errors: { email: 'isEmail', 'address.city': 'isString' }, requestId: 'r-1' };
    const error = toAppError(new HttpError('errors.VALIDATION_FAILED', 400, body)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('errors.VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ ...body, errors: { email: 'validation.isEmail', 'address.city': 'validation.isString' } });
  });

  it('keeps a body without field errors free of an errors key', () => {
    const error = toAppError(new HttpError('x', 423, { statusCode: 423, code: 'AUTH_LOCKED', message: 'errors.AUTH_LOCKED', requestId: 'r' })) as HttpError;
    expect(error.message).toBe('errors.AUTH_LOCKED');
    expect(error.body.errors).toBeUndefined();
  });

  it('gives a generic key to answers without the API body', () => {
    expect((toAppError(new HttpError('Bad Gateway', 502, undefined)) as HttpError).message).toBe('errors.INTERNAL');
    expect((toAppError(new HttpError('Teapot', 418, undefined)) as HttpError).message).toBe('ra.notification.http_error');
  });

  it('names an unreachable server and lets aborts through', () => {
    expect((toAppError(new TypeError('Failed to fetch')) as HttpError).message).toBe('errors.NETWORK');
    const abort = new DOMException('aborted', 'AbortError');
    expect(toAppError(abort)).toBe(abort);
  });
});
