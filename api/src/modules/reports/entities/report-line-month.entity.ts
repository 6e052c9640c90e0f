import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';

/**
 * The reports' rollup: one row per basket line (so per child × category × source) per month, with the
 * month's money flows and visit counts. Reports read only this and child-sized tables, so their cost grows
 * with children × months, never with visits. Derived data: the refresh job rebuilds any month from the
 * ledger and the visits.
 *
 * Flows, not balances: allocated = allocate + transfer; committed = commit − release − spend + reverse;
 * spent = spend − reverse. Summing a line's months up to a date gives its balances on that date.
 */
@Entity('report_line_month')
@Index('ix_report_line_month_month', ['month', 'municipalityCode'])
@Index('ix_report_line_month_child', ['childId', 'month'])
export class ReportLineMonth {
  @PrimaryColumn({ type: 'uuid' }) basketLineId: string;
  /** First day of the month, Europe/Riga. */
  @PrimaryColumn({ type: 'date' }) month: string;
  @Column({ type: 'uuid' }) childId: string;
  @Column({ type: 'varchar', length: 40 }) municipalityCode: string;
  @Column({ type: 'varchar', length: 20 }) fundingSource: string;
  @Column({ type: 'varchar', length: 30 }) category: string;
  @CentsColumn({ default: 0 }) allocatedCents: number;
  @CentsColumn({ default: 0 }) committedCents: number;
  @CentsColumn({ default: 0 }) spentCents: number;
  @Column({ type: 'integer', default: 0 }) verifiedVisits: number;
  @Column({ type: 'integer', default: 0 }) exceptionVisits: number;
  /** The month's first verified visit on the line (for waiting times without reading visits). */
  @Column({ type: 'timestamptz', nullable: true }) firstVerifiedAt: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) refreshedAt: Date;
}
