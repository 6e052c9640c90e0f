import type { RaRecord } from 'react-admin';

export interface ChildRecord extends RaRecord {
  id: string;
  personalCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  age: number;
  municipalityCode: string;
  languages: string[];
  consents?: Record<string, boolean>;
  decisions?: { id: string; number: string; decisionDate: string; kind: string; specialCare: boolean; validFrom: string; validTo: string | null }[];
  representatives?: { id: string; fullName: string; relation: string; phone: string | null; email: string | null }[];
  cases?: { id: string; status: string; caseManagerName: string | null; firstContactDeadline: string | null; firstContactAt: string | null }[];
}

export interface ImportRecord extends RaRecord {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  source: 'csv' | 'json';
  fileName: string | null;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  unchangedRows: number;
  errorRows: number;
  errors: { row: number; field: string; code: string }[];
  progress: number;
  createdAt: string;
}
