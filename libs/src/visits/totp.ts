import { fromBase64Url, hmacSha256, utf8 } from './hmac';

/**
 * The rotating QR in the family's phone (TOTP-style, RFC 6238 shape with HMAC-SHA-256): the phone holds
 * a per-child secret provisioned by the portal and shows `LV1.<card number>.<time step>.<code>`, new
 * every 30 seconds, without needing the network. The API recomputes the code with the same function.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 8;
export const QR_PREFIX = 'LV1';

export function timeStep(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
}

export function stepStart(step: number): Date {
  return new Date(step * TOTP_STEP_SECONDS * 1000);
}

/** The code of one card in one time step; the card number is part of the signed message. */
export function visitCode(secretBase64Url: string, cardNumber: string, step: number): string {
  const mac = hmacSha256(fromBase64Url(secretBase64Url), utf8(`${cardNumber}:${step}`));
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

export interface QrToken {
  cardNumber: string;
  step: number;
  code: string;
}

export function formatQrPayload(t: QrToken): string {
  return `${QR_PREFIX}.${t.cardNumber}.${t.step}.${t.code}`;
}

/** Parses a scanned QR text; null when it is not ours (the scanner then says so). */
export function parseQrPayload(text: string): QrToken | null {
  const m = /^LV1\.(\d{12})\.(\d{1,12})\.(\d{8})$/.exec(text.trim());
  if (!m) return null;
  return { cardNumber: m[1], step: Number(m[2]), code: m[3] };
}

/** What the family's phone shows at a moment. */
export function qrPayloadAt(secretBase64Url: string, cardNumber: string, at: Date | number): string {
  const step = timeStep(at);
  return formatQrPayload({ cardNumber, step, code: visitCode(secretBase64Url, cardNumber, step) });
}

/** Constant-time comparison of two codes of equal length. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
