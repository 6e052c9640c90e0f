import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { RunStatus } from '../lifecycle.rules';

/**
 * One billing run: a month (Europe/Riga) and an optional scope. The job works provider by provider and
 * records its progress here, so a run restarted after a crash continues where it stopped.
 */
@Entity('billing_run')
@Index('ix_billing_run_month', ['month', 'createdAt'])
export class BillingRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** "2026-11" */
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) municipalityCode: string | null;
  @Column({ type: 'uuid', nullable: true }) providerOrganisationId: string | null;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'varchar', length: 12, default: 'queued' }) status: RunStatus;
  @Column({ type: 'uuid', nullable: true }) startedByUserId: string | null;
  @Column({ type: 'integer', default: 0 }) providersTotal: number;
  @Column({ type: 'integer', default: 0 }) providersDone: number;
  @Column({ type: 'integer', default: 0 }) linesCreated: number;
  @Column({ type: 'integer', default: 0 }) creditsCreated: number;
  /** Verified visits left unbilled (no basket line on the contract, or no committed money left). */
  @Column({ type: 'integer', default: 0 }) visitsSkipped: number;
  @CentsColumn({ default: 0 }) amountCents: number;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
