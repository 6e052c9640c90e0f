import { createHash } from 'node:crypto';

/** Keys are what clients generate: UUIDs or similar tokens; anything else is refused before any work. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** A request left in progress longer than this (a crashed process) may be taken over by a retry. */
export const STALE_IN_PROGRESS_MS = 60_000;

/** Stable JSON: object keys sorted, so the same body in another key order is the same request. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
}

export type StoredAttempt = { requestHash: string; statusCode: number | null; createdAt: Date };
export type IdempotencyDecision = { kind: 'replay' } | { kind: 'mismatch' } | { kind: 'in_progress' } | { kind: 'take_over' };

/** What to do when a key has been seen before. */
export function decideOnExisting(existing: StoredAttempt, hash: string, now: Date): IdempotencyDecision {
  if (existing.requestHash !== hash) return { kind: 'mismatch' };
  if (existing.statusCode !== null) return { kind: 'replay' };
  return now.getTime() - existing.createdAt.getTime() > STALE_IN_PROGRESS_MS ? { kind: 'take_over' } : { kind: 'in_progress' };
}
