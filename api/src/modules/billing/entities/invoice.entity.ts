import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { InvoiceStatus } from '../lifecycle.rules';

/**
 * A provider's invoice for a month. Drafts collect the run's lines; approval (by someone other than the
 * run's starter) gives the next gap-free number of the provider and freezes it for good.
 */
@Entity('invoice')
@Index('uq_invoice_provider_number', ['providerOrganisationId', 'sequence'], { unique: true })
@Index('uq_invoice_draft_provider_month', ['providerOrganisationId', 'month'], { unique: true, where: `status = 'draft'` })
@Index('ix_invoice_status', ['status', 'month'])
export class Invoice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'varchar', length: 7 }) month: string;
  /** The run that made the draft (its starter may not approve). */
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
  @Column({ type: 'uuid', nullable: true }) makerUserId: string | null;
  @Column({ type: 'varchar', length: 12, default: 'draft' }) status: InvoiceStatus;
  @Column({ type: 'integer', nullable: true }) sequence: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) number: string | null;
  @CentsColumn({ default: 0 }) totalCents: number;
  @Column({ type: 'integer', default: 0 }) lineCount: number;
  @Column({ type: 'date', nullable: true }) issueDate: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'uuid', nullable: true }) approvedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The last number given to each provider's invoices; locked while the next one is taken. */
@Entity('invoice_sequence')
export class InvoiceSequence {
  @PrimaryColumn({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'integer', default: 0 }) lastNumber: number;
}
