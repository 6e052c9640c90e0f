/**
 * Every stable error code of the API and its HTTP status. Codes are grouped by context; the message
 * sent to clients is the i18n key `errors.<CODE>`. Add a code here before throwing it.
 */
export const ERROR_STATUS = {
  // common
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  // identity
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_LOCKED: 423,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  AUTH_RESET_INVALID: 400,
  USER_EMAIL_TAKEN: 409,
  USER_ROLE_ORGANISATION_MISMATCH: 400,
  ORGANISATION_CODE_TAKEN: 409,
  // jobs
  JOB_NOT_RETRYABLE: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
