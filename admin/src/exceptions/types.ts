import type { RaRecord } from 'react-admin';

export interface VisitRecord extends RaRecord {
  id: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  durationMinutes: number | null;
  billableMinutes: number;
  priceCents: number;
  status: 'open' | 'verified' | 'exception' | 'rejected';
  method: string;
  manual: boolean;
  reasons: string[];
  serviceCode: string;
  groupSize: number;
  overlappingVisitIds: string[];
  scans?: { id: string; kind: string; method: string; verdict: string; scannedAt: string; effectiveAt: string; receivedAt: string }[];
  overlapping?: { id: string; checkInAt: string; checkOutAt: string; status: string }[];
}

export interface ExceptionRecord extends RaRecord {
  id: string;
  visitId: string;
  reasonCode: string;
  reasonCodes: string[];
  status: 'open' | 'resolved';
  resolutionAction: string | null;
  resolutionCode: string | null;
  note: string | null;
  visit?: VisitRecord;
}

/** Which resolution codes fit which action (the API checks the same table). */
export const RESOLUTION_CODES: Record<string, string[]> = {
  accept: ['EVIDENCE_SUFFICIENT', 'FAMILY_CONFIRMED', 'TECHNICAL_FAULT'],
  adjust_duration: ['DURATION_CORRECTED', 'PARTIAL_SERVICE'],
  convert_group: ['WAS_GROUP_SESSION'],
  reject: ['NOT_DELIVERED', 'DUPLICATE', 'SUSPECTED_FRAUD', 'OUTSIDE_CONTRACT'],
};
