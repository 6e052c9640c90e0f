import type { AdminRole } from './roles';
import { isAdminRole } from './roles';

/**
 * What each admin role may do with each resource in this UI. The API is the authority and checks
 * every request again; this table only decides what the menu, buttons and pages show.
 */
export type Action = 'list' | 'show' | 'create' | 'edit' | 'retry' | 'resolve';
export type ResourceName = 'users' | 'organisations' | 'jobs' | 'audit-events' | 'exceptions' | 'visits' | 'integrity';

const ACCESS: Record<AdminRole, Partial<Record<ResourceName, readonly Action[]>>> = {
  platform_admin: {
    users: ['list', 'show', 'create', 'edit'],
    organisations: ['list', 'show', 'create', 'edit'],
    jobs: ['list', 'show', 'retry'],
    'audit-events': ['list'],
    exceptions: ['list', 'show', 'resolve'],
    visits: ['list', 'show'],
    integrity: ['list'],
  },
  // the API lets an officer read the users of their own municipality
  municipality_officer: { users: ['list', 'show'], exceptions: ['list', 'show', 'resolve'], visits: ['list', 'show'], integrity: ['list'] },
  ministry_analyst: { integrity: ['list'] },
  case_manager: { exceptions: ['list', 'show', 'resolve'], visits: ['list', 'show'] },
};

export function canAccess(role: unknown, resource: string, action: string): boolean {
  if (!isAdminRole(role)) return false;
  const allowed = ACCESS[role][resource as ResourceName];
  return allowed?.includes(action as Action) ?? false;
}
