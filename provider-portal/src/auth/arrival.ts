import type { SignedOutReason } from './context';

/** What the login page was told by whoever sent the user there (router location state). */
export interface Arrival {
  /** The page to return to after signing in (an in-app path). */
  from?: string;
  reason?: SignedOutReason;
  /** An e-mail address to start with, e.g. carried from the login form to the reset form. */
  email?: string;
}

export function arrivalOf(state: unknown): Arrival {
  if (typeof state !== 'object' || state === null) return {};
  const s = state as Record<string, unknown>;
  const out: Arrival = {};
  // only paths inside the portal: never an address elsewhere
  if (typeof s.from === 'string' && s.from.startsWith('/') && !s.from.startsWith('//')) out.from = s.from;
  if (s.reason === 'expired' || s.reason === 'logged-out') out.reason = s.reason;
  if (typeof s.email === 'string') out.email = s.email;
  return out;
}
