import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import type { ManualReason, ReasonCode, ScanMethod, VisitStatus } from '../visits.rules';

/**
 * One visit: check-in and check-out of a specialist with a child under a contract. Only `verified`
 * visits are billable (issue 7 bills them and sets `billed`).
 */
@Entity('visit')
@Index('ix_visit_specialist_time', ['specialistId', 'checkInAt'])
@Index('ix_visit_contract_time', ['contractId', 'checkInAt'])
@Index('ix_visit_child_time', ['childId', 'checkInAt'])
@Index('ix_visit_provider_time', ['providerOrganisationId', 'checkInAt'])
@Index('ix_visit_status', ['status'])
export class Visit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) contractId: string;
  @Column({ type: 'uuid' }) childId: string;
  @Column({ type: 'uuid' }) specialistId: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @Column({ type: 'timestamptz', nullable: true }) checkInAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) checkOutAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) checkInScanId: string | null;
  @Column({ type: 'uuid', nullable: true }) checkOutScanId: string | null;
  @Column({ type: 'integer', nullable: true }) durationMinutes: number | null;
  @Column({ type: 'integer', default: 0 }) billableMinutes: number;
  /** This child's price for the visit (group sessions: unit price ÷ participants). */
  @CentsColumn({ default: 0 }) priceCents: number;
  @Column({ type: 'varchar', length: 12, default: 'open' }) status: VisitStatus;
  @Column({ type: 'varchar', length: 10 }) method: ScanMethod;
  @Column({ type: 'uuid', nullable: true }) groupSessionId: string | null;
  @Column({ type: 'integer', default: 1 }) groupSize: number;
  @Column({ type: 'boolean', default: false }) manual: boolean;
  @Column({ type: 'varchar', length: 30, nullable: true }) manualReason: ManualReason | null;
  @Column({ type: 'text', nullable: true }) manualNote: string | null;
  /** Reasons found on the scans themselves (expired or reused token). */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) scanReasons: ReasonCode[];
  @Column({ type: 'boolean', default: false }) forged: boolean;
  @Column({ type: 'boolean', default: false }) cardBlocked: boolean;
  /** The reasons of the last verification. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) reasons: ReasonCode[];
  @Column({ type: 'uuid', array: true, default: () => `'{}'` }) overlappingVisitIds: string[];
  /** Set once a case manager resolved an exception, so re-verification keeps the decision. */
  @Column({ type: 'varchar', length: 20, nullable: true }) resolution: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) disputedAt: Date | null;
  @Column({ type: 'text', nullable: true }) disputeNote: string | null;
  @Column({ type: 'boolean', default: false }) billed: boolean;
  @Column({ type: 'uuid', nullable: true }) createdByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
