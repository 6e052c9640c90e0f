import { API_URL, httpClient } from '../auth/httpClient';
import { session } from '../auth/session';
import { saveBlob } from '../common/saveBlob';

export const REPORT_KINDS = ['spend', 'needs', 'unmet', 'waiting-times', 'overlaps', 'caseloads', 'integrity'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type Cell = number | string | null;
export type Row = Record<string, Cell>;

export interface ReportResult {
  report: string;
  filters: Record<string, string | undefined>;
  columns: string[];
  rows: Row[];
  totals?: Row;
  allSources?: Row;
}

export type ReportFilters = Partial<Record<'from' | 'to' | 'municipality' | 'fundingSource' | 'category' | 'ageBand' | 'decisionKind' | 'groupBy', string>>;

/** The measure each report's chart draws. */
export const CHART_MEASURE: Record<ReportKind, string> = {
  spend: 'totalCents',
  needs: 'spentCents',
  unmet: 'withoutCase',
  'waiting-times': 'decisionToFirstContact.medianDays',
  overlaps: 'therapy',
  caseloads: 'children',
  integrity: 'integrityScore',
};

export function query(filters: ReportFilters, format?: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (format) params.set('format', format);
  return params.toString();
}

export async function fetchReport(kind: ReportKind, filters: ReportFilters): Promise<ReportResult> {
  const { json } = await httpClient(`${API_URL}/reports/${kind}?${query(filters)}`);
  return json as ReportResult;
}

/** Downloads the report file with the signed-in user's token (a plain link would carry none). */
export async function downloadReport(kind: ReportKind, filters: ReportFilters, format: 'csv' | 'xlsx'): Promise<void> {
  const res = await fetch(`${API_URL}/reports/${kind}?${query(filters, format)}`, { headers: { Authorization: `Bearer ${session.accessToken ?? ''}` } });
  if (!res.ok) throw new Error(String(res.status));
  saveBlob(await res.blob(), `${kind}.${format}`);
}
