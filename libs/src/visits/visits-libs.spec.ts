import { createHmac, createHash, randomBytes } from 'node:crypto';
import { formatCardNumber, isValidCardNumber, luhnCheckDigit, makeCardNumber, normaliseCardNumber } from './card-number';
import { fromBase64Url, hmacSha256, sha256, utf8 } from './hmac';
import { formatQrPayload, parseQrPayload, qrPayloadAt, sameCode, stepStart, timeStep, visitCode } from './totp';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256 / hmac (shared by phone and API)', () => {
  it.each([0, 1, 55, 56, 63, 64, 65, 119, 128, 1000])('matches Node for a %i-byte message', (len) => {
    const data = randomBytes(len);
    expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
  });
  it.each([1, 32, 64, 65, 200])('HMAC matches Node for a %i-byte key', (keyLen) => {
    const key = randomBytes(keyLen);
    const msg = randomBytes(77);
    expect(hex(hmacSha256(key, msg))).toBe(createHmac('sha256', key).update(msg).digest('hex'));
  });
  it('encodes UTF-8 like Node', () => {
    for (const s of ['', 'abc', 'Jānis Bērziņš', '€ 413,43', '😀 ok']) expect(Buffer.from(utf8(s)).toString('hex')).toBe(Buffer.from(s, 'utf8').toString('hex'));
  });
  it('decodes base64url like Node', () => {
    for (let i = 0; i < 20; i++) {
      const b = randomBytes(i + 1);
      expect(hex(fromBase64Url(b.toString('base64url')))).toBe(b.toString('hex'));
    }
  });
});

describe('visit code (TOTP-style)', () => {
  const secret = randomBytes(32).toString('base64url');
  it('is RFC 4226 dynamic truncation of HMAC-SHA-256 over "card:step", 8 digits', () => {
    const mac = createHmac('sha256', Buffer.from(secret, 'base64url')).update('940000000012:59000000').digest();
    const off = mac[mac.length - 1] & 0xf;
    const expected = String((mac.readUInt32BE(off) & 0x7fffffff) % 1e8).padStart(8, '0');
    expect(visitCode(secret, '940000000012', 59000000)).toBe(expected);
  });
  it('changes every 30 seconds and with the card', () => {
    expect(timeStep(new Date('2026-12-01T10:00:29.999Z'))).toBe(timeStep(new Date('2026-12-01T10:00:00Z')));
    expect(timeStep(new Date('2026-12-01T10:00:30Z'))).toBe(timeStep(new Date('2026-12-01T10:00:00Z')) + 1);
    expect(stepStart(timeStep(new Date('2026-12-01T10:00:45Z'))).toISOString()).toBe('2026-12-01T10:00:30.000Z');
    expect(visitCode(secret, '940000000012', 1)).not.toBe(visitCode(secret, '940000000012', 2));
    expect(visitCode(secret, '940000000012', 1)).not.toBe(visitCode(secret, '940000000020', 1));
  });
  it('round-trips the QR payload and refuses anything else', () => {
    const text = qrPayloadAt(secret, '940000000012', new Date('2026-12-01T10:00:00Z'));
    const parsed = parseQrPayload(text)!;
    expect(parsed).toEqual({ cardNumber: '940000000012', step: timeStep(new Date('2026-12-01T10:00:00Z')), code: visitCode(secret, '940000000012', parsed.step) });
    expect(formatQrPayload(parsed)).toBe(text);
    expect(parseQrPayload('https://evil.example')).toBeNull();
    expect(parseQrPayload('LV1.94000000001.1.12345678')).toBeNull();
    expect(parseQrPayload('LV1.940000000012.1.1234567')).toBeNull();
  });
  it('compares codes exactly', () => {
    expect(sameCode('12345678', '12345678')).toBe(true);
    expect(sameCode('12345678', '12345679')).toBe(false);
    expect(sameCode('1234567', '12345678')).toBe(false);
  });
});

describe('card number check digit (Luhn)', () => {
  it.each([
    ['7992739871', 3],
    ['94000000001', 5],
    ['00000000000', 0],
  ])('check digit of %s is %i', (body, digit) => expect(luhnCheckDigit(body)).toBe(digit));
  it('accepts a made number with spaces, refuses a changed digit and swapped neighbours', () => {
    const n = makeCardNumber('94123456789');
    expect(isValidCardNumber(n)).toBe(true);
    expect(isValidCardNumber(formatCardNumber(n))).toBe(true);
    expect(formatCardNumber(n)).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(normaliseCardNumber('9412-3456 7890')).toBe('941234567890');
    for (let i = 0; i < 12; i++) {
      const changed = n.slice(0, i) + String((Number(n[i]) + 1) % 10) + n.slice(i + 1);
      expect(isValidCardNumber(changed)).toBe(false);
    }
    for (let i = 0; i < 11; i++) {
      if (n[i] === n[i + 1] || (n[i] === '0' && n[i + 1] === '9') || (n[i] === '9' && n[i + 1] === '0')) continue;
      const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
      expect(isValidCardNumber(swapped)).toBe(false);
    }
    expect(isValidCardNumber('12345')).toBe(false);
    expect(() => makeCardNumber('123')).toThrow();
  });
});
