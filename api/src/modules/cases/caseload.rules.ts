/** Caseload assignment (DESIGN §5: default limit 20; assignment never exceeds a limit). */

export const DEFAULT_CASELOAD_LIMIT = 20;

export interface ManagerLoad {
  userId: string;
  /** Cases currently open in the manager's caseload. */
  load: number;
  limit: number;
}

/**
 * The case manager with the most free capacity; ties go to the smaller caseload, then a stable id
 * order. null when everyone is at (or over) their limit: the case then waits in the municipality's
 * unassigned queue.
 */
export function pickCaseManager(managers: readonly ManagerLoad[]): string | null {
  const free = managers.filter((m) => m.limit - m.load > 0);
  if (free.length === 0) return null;
  const sorted = [...free].sort((a, b) => b.limit - b.load - (a.limit - a.load) || a.load - b.load || a.userId.localeCompare(b.userId));
  return sorted[0].userId;
}

/** A manual reassignment may not take a manager over their limit either. */
export function canTakeCase(manager: ManagerLoad): boolean {
  return manager.load < manager.limit;
}
