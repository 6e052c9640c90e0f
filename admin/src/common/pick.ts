/**
 * Keeps only the fields a form may send. react-admin sends the whole record back on save; sending
 * only what the API accepts keeps read-only fields (ids, timestamps, lockouts) out of every request.
 */
export function pick<T extends Record<string, unknown>>(data: T, fields: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (data[field] !== undefined) out[field] = data[field];
  }
  return out as Partial<T>;
}
