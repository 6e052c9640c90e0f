import { canTakeCase, ManagerLoad, pickCaseManager } from './caseload.rules';

describe('caseload assignment', () => {
  it.each([
    [[], null, 'no case managers at all'],
    [[{ userId: 'a', load: 20, limit: 20 }], null, 'the only manager is full'],
    [[{ userId: 'a', load: 21, limit: 20 }], null, 'over the limit after it was lowered'],
    [[{ userId: 'a', load: 19, limit: 20 }], 'a', 'one place left'],
    [[{ userId: 'a', load: 10, limit: 20 }, { userId: 'b', load: 5, limit: 20 }], 'b', 'most free capacity'],
    [[{ userId: 'a', load: 10, limit: 30 }, { userId: 'b', load: 5, limit: 20 }], 'a', 'a higher personal limit gives more free places'],
    [[{ userId: 'b', load: 10, limit: 20 }, { userId: 'a', load: 10, limit: 20 }], 'a', 'a tie goes to the stable id order'],
    [[{ userId: 'a', load: 15, limit: 20 }, { userId: 'b', load: 5, limit: 10 }], 'b', 'equal free places: the smaller caseload'],
    [[{ userId: 'a', load: 20, limit: 20 }, { userId: 'b', load: 20, limit: 20 }], null, 'everyone full: the unassigned queue'],
  ] as [ManagerLoad[], string | null, string][])('%j → %p (%s)', (managers, expected) => expect(pickCaseManager(managers)).toBe(expected));

  it.each([
    [{ userId: 'a', load: 19, limit: 20 }, true],
    [{ userId: 'a', load: 20, limit: 20 }, false],
  ])('%j can take a case: %p', (m, expected) => expect(canTakeCase(m)).toBe(expected));
});
