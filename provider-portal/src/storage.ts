/**
 * localStorage that never throws: some browsers refuse storage (private modes, strict settings),
 * and the portal must still work there — it simply forgets between visits.
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: keep working in memory only */
  }
}

export const STORAGE_KEYS = {
  tokens: 'lidz.portal.tokens',
  locale: 'lidz.portal.locale',
  localePending: 'lidz.portal.localePending',
} as const;
