import { canonicalJson, decideOnExisting, IDEMPOTENCY_KEY, requestHash, STALE_IN_PROGRESS_MS } from './idempotency.rules';

describe('idempotency rules', () => {
  it('hashes the same body in any key order alike, and another body or route differently', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(requestHash('POST', '/api/x', { a: 1, b: 2 })).toBe(requestHash('post', '/api/x', { b: 2, a: 1 }));
    expect(requestHash('POST', '/api/x', { a: 1 })).not.toBe(requestHash('POST', '/api/x', { a: 2 }));
    expect(requestHash('POST', '/api/x', { a: 1 })).not.toBe(requestHash('POST', '/api/y', { a: 1 }));
  });

  it.each([
    ['3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60', true],
    ['order-2026-12-01:17', true],
    ['short', false],
    ['has space in it', false],
    ['x'.repeat(201), false],
    ["'; drop table x;--", false],
  ])('key %s is acceptable: %s', (key, ok) => {
    expect(IDEMPOTENCY_KEY.test(key)).toBe(ok);
  });

  it('replays a finished request, refuses another body, waits on a live one and takes over a stale one', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const fresh = new Date(now.getTime() - 1000);
    const stale = new Date(now.getTime() - STALE_IN_PROGRESS_MS - 1);
    expect(decideOnExisting({ requestHash: 'h', statusCode: 201, createdAt: fresh }, 'h', now).kind).toBe('replay');
    expect(decideOnExisting({ requestHash: 'h', statusCode: 201, createdAt: fresh }, 'other', now).kind).toBe('mismatch');
    expect(decideOnExisting({ requestHash: 'h', statusCode: null, createdAt: fresh }, 'h', now).kind).toBe('in_progress');
    expect(decideOnExisting({ requestHash: 'h', statusCode: null, createdAt: stale }, 'h', now).kind).toBe('take_over');
    expect(decideOnExisting({ requestHash: 'h', statusCode: null, createdAt: stale }, 'x', now).kind).toBe('mismatch');
  });
});
