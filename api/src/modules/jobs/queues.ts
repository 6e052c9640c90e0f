/** Every queue and job name of the platform, in one place. Payloads carry ids only. */
export const QUEUES = {
  notifications: 'notifications',
  maintenance: 'maintenance',
  budgets: 'budgets',
  decisions: 'decisions',
  cases: 'cases',
  billing: 'billing',
  visits: 'visits',
  reports: 'reports',
  marketplace: 'marketplace',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

export interface JobPayloads {
  'billing-run': { runId: string };
  'payment-batch-dispatch': { batchId: string };
  'send-email': { emailId: string };
  'outbox-sweep': Record<string, never>;
  'assessment-review-reminder': { assessmentId: string };
  'assessment-review-sweep': Record<string, never>;
  'basket-period-sweep': Record<string, never>;
  'decision-import': { importId: string };
  'case-deadline': { caseId: string; kind: 'reminder' | 'overdue' };
  'transition-review-sweep': Record<string, never>;
  'audit-seal': Record<string, never>;
  'retention-anonymise': Record<string, never>;
  /** Rebuild the report rollups for the last `recentMonths` months, or all months when null. */
  'report-rollup-refresh': { recentMonths: number | null };
  'visit-no-check-out-sweep': Record<string, never>;
  /** Approved contracts whose start date has come become active. */
  'contract-activation-sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
