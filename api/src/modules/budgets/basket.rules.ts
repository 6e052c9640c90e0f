/**
 * The basket's lifecycle as a transition table (no framework imports).
 *
 *   draft ─submit→ submitted ─approve→ approved ─activate→ active ─close→ closed
 *                      └─return→ returned ─submit→ submitted
 *   approved | active ─amend→ draft (a new version; the money of the approved version stays live)
 */
export const BASKET_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'active', 'closed'] as const;
export type BasketStatus = (typeof BASKET_STATUSES)[number];

export const VERSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const BASKET_ACTIONS = ['submit', 'approve', 'return', 'activate', 'close', 'amend'] as const;
export type BasketAction = (typeof BASKET_ACTIONS)[number];

export const BASKET_TRANSITIONS: Record<BasketAction, { from: readonly BasketStatus[]; to: BasketStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  activate: { from: ['approved'], to: 'active' },
  close: { from: ['active', 'approved'], to: 'closed' },
  amend: { from: ['approved', 'active'], to: 'draft' },
};

/** The status after `action`, or null when the edge does not exist. */
export function nextBasketStatus(from: BasketStatus, action: BasketAction): BasketStatus | null {
  const t = BASKET_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Lines may be edited only while a version is being drafted or was returned for changes. */
export function linesEditable(status: BasketStatus): boolean {
  return status === 'draft' || status === 'returned';
}
