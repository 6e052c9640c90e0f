import type { AdminRole } from './roles';
import { isAdminRole } from './roles';

/**
 * What each admin role may do with each resource in this UI. The API is the authority and checks
 * every request again; this table only decides what the menu, buttons and pages show.
 */
export type Action = 'list' | 'show' | 'create' | 'edit' | 'retry' | 'resolve' | 'sign' | 'submit' | 'approve' | 'delete';
export type ResourceName = 'children' | 'decision-imports' | 'cases' | 'caseload-balance' | 'case-deputies' | 'case-managers' | 'users' | 'organisations' | 'jobs' | 'audit-events' | 'exceptions' | 'visits' | 'integrity' | 'benefits' | 'benefit-gaps' | 'assessments' | 'support-plans' | 'baskets' | 'catalogue' | 'providers' | 'contracts' | 'reports' | 'billing-runs' | 'invoices' | 'payment-batches' | 'reconciliation';

const ACCESS: Record<AdminRole, Partial<Record<ResourceName, readonly Action[]>>> = {
  platform_admin: {
    catalogue: ['list', 'show', 'edit'],
    providers: ['list', 'show', 'approve'],
    contracts: ['list', 'show'],
    children: ['list', 'show'],
    'decision-imports': ['list', 'show', 'create'],
    cases: ['list', 'show'],
    'caseload-balance': ['list'],
    'case-deputies': ['list', 'create', 'delete'],
    'case-managers': ['list'],
    assessments: ['list', 'show'],
    'support-plans': ['list', 'show'],
    baskets: ['list', 'show'],
    users: ['list', 'show', 'create', 'edit'],
    organisations: ['list', 'show', 'create', 'edit'],
    jobs: ['list', 'show', 'retry'],
    'audit-events': ['list'],
    exceptions: ['list', 'show', 'resolve'],
    visits: ['list', 'show'],
    integrity: ['list'],
    benefits: ['list', 'show', 'create', 'edit'],
    'benefit-gaps': ['list', 'show'],
    reports: ['list'],
    'billing-runs': ['list', 'show', 'create'],
    invoices: ['list', 'show', 'approve'],
    'payment-batches': ['list', 'show', 'create', 'approve'],
    reconciliation: ['list'],
  },
  // the API lets an officer read the users of their own municipality
  municipality_officer: { catalogue: ['list', 'show'], providers: ['list', 'show'], contracts: ['list', 'show'], children: ['list', 'show'], 'decision-imports': ['list', 'show', 'create'], cases: ['list', 'show'], 'caseload-balance': ['list'], assessments: ['list', 'show'], 'support-plans': ['list', 'show'], baskets: ['list', 'show', 'approve'], users: ['list', 'show'], exceptions: ['list', 'show', 'resolve'], visits: ['list', 'show'], integrity: ['list'], benefits: ['list', 'show'], 'benefit-gaps': ['list', 'show'], reports: ['list'], 'billing-runs': ['list', 'show', 'create'], invoices: ['list', 'show', 'approve'], 'payment-batches': ['list', 'show', 'create', 'approve'], reconciliation: ['list'] },
  ministry_analyst: { integrity: ['list'], reports: ['list'], invoices: ['list', 'show'], 'payment-batches': ['list', 'show'], reconciliation: ['list'] },
  case_manager: { contracts: ['list', 'show', 'approve'], catalogue: ['list', 'show'], providers: ['list', 'show'], children: ['list', 'show'], cases: ['list', 'show'], assessments: ['list', 'show', 'create', 'sign'], 'support-plans': ['list', 'show', 'edit'], baskets: ['list', 'show', 'edit', 'submit'], exceptions: ['list', 'show', 'resolve'], visits: ['list', 'show'], 'benefit-gaps': ['list', 'show'], benefits: ['list', 'show'] },
};

export function canAccess(role: unknown, resource: string, action: string): boolean {
  if (!isAdminRole(role)) return false;
  const allowed = ACCESS[role][resource as ResourceName];
  return allowed?.includes(action as Action) ?? false;
}
