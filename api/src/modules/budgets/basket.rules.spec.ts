import { BASKET_ACTIONS, BASKET_STATUSES, BasketAction, BasketStatus, linesEditable, nextBasketStatus } from './basket.rules';

const allowed: [BasketStatus, BasketAction, BasketStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['approved', 'activate', 'active'],
  ['approved', 'close', 'closed'],
  ['active', 'close', 'closed'],
  ['approved', 'amend', 'draft'],
  ['active', 'amend', 'draft'],
];

describe('basket lifecycle', () => {
  it.each(allowed)('%s --%s--> %s', (from, action, to) => expect(nextBasketStatus(from, action)).toBe(to));

  const forbidden = BASKET_STATUSES.flatMap((from) => BASKET_ACTIONS.map((action) => [from, action] as [BasketStatus, BasketAction])).filter(
    ([from, action]) => !allowed.some(([f, a]) => f === from && a === action),
  );
  it.each(forbidden)('%s --%s--> is forbidden', (from, action) => expect(nextBasketStatus(from, action)).toBeNull());

  it('lists every edge exactly once (allowed + forbidden = all)', () => expect(allowed.length + forbidden.length).toBe(BASKET_STATUSES.length * BASKET_ACTIONS.length));

  it.each<[BasketStatus, boolean]>([
    ['draft', true], ['returned', true], ['submitted', false], ['approved', false], ['active', false], ['closed', false],
  ])('lines editable in %s: %s', (s, ok) => expect(linesEditable(s)).toBe(ok));
});
