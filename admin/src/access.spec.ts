import { describe, expect, it } from '@jest/globals';
import { canAccess } from './access';

describe('canAccess', () => {
  it.each([
    ['platform_admin', 'users', 'edit', true],
    ['platform_admin', 'jobs', 'retry', true],
    ['platform_admin', 'audit-events', 'list', true],
    ['platform_admin', 'audit-events', 'edit', false],
    ['platform_admin', 'users', 'delete', false],
    ['municipality_officer', 'users', 'list', true],
    ['municipality_officer', 'users', 'edit', false],
    ['municipality_officer', 'jobs', 'list', false],
    ['case_manager', 'users', 'list', false],
    ['ministry_analyst', 'organisations', 'list', false],
    ['family', 'users', 'list', false],
    [undefined, 'users', 'list', false],
  ])('%s on %s/%s: %s', (role, resource, action, expected) => {
    expect(canAccess(role, resource, action)).toBe(expected);
  });
});
