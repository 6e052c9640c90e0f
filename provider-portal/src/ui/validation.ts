/**
 * Checks made before anything is sent, so that an empty or clearly mistyped field is pointed out at
 * once. The API checks again and has the last word; its messages land on the same fields.
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** The API's minimum password length (docs/api.md: password-reset/confirm). */
export const PASSWORD_MIN_LENGTH = 10;
