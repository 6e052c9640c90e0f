import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per provider and month: visit counts for the integrity report, rebuilt by the same refresh job. */
@Entity('report_provider_month')
export class ReportProviderMonth {
  @PrimaryColumn({ type: 'uuid' }) providerOrganisationId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @Column({ type: 'integer', default: 0 }) visits: number;
  @Column({ type: 'integer', default: 0 }) verifiedVisits: number;
  @Column({ type: 'integer', default: 0 }) rejectedVisits: number;
  @Column({ type: 'integer', default: 0 }) exceptionVisits: number;
  @Column({ type: 'integer', default: 0 }) manualVisits: number;
  @Column({ type: 'integer', default: 0 }) scannedVisits: number;
  /** Exceptions opened in the month by reason code: { CODE: n }. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) reasonCounts: Record<string, number>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) refreshedAt: Date;
}
