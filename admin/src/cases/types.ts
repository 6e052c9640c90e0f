import type { RaRecord } from 'react-admin';

export interface CaseRecord extends RaRecord {
  id: string;
  childId: string;
  childName: string;
  municipalityCode: string;
  caseManagerUserId: string | null;
  caseManagerName: string | null;
  status: 'unassigned' | 'open' | 'closed';
  openedAt: string;
  firstContactDeadline: string | null;
  firstContactAt: string | null;
  firstContactChannel: string | null;
  firstContactOutcome: string | null;
  overdue: boolean;
  assignments?: { id: string; caseManagerName: string | null; reason: string; at: string }[];
}

export interface BalanceRecord {
  municipalityCode: string;
  managers: { userId: string; fullName: string; load: number; limit: number }[];
  unassigned: CaseRecord[];
}
