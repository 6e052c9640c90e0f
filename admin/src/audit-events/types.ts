import type { RaRecord } from 'react-admin';

/** A row of /api/audit-events: append-only, never edited. */
export interface AuditEventRecord extends RaRecord {
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
}
