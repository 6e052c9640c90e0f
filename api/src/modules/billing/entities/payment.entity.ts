import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FundingSource } from '@lidz/libs';
import { CentsColumn } from '../../../database/columns';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { BatchStatus, PaymentStatus } from '../lifecycle.rules';

export type PaymentRail = 'stripe' | 'sepa';

/** What one paying source (a ministry, a municipality, an EU project) pays in one go. */
@Entity('payment_batch')
@Index('ix_payment_batch_payer', ['payerKey', 'createdAt'])
export class PaymentBatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 60 }) payerKey: string;
  @Column({ type: 'varchar', length: 20 }) fundingSource: FundingSource;
  @Column({ type: 'varchar', length: 40, nullable: true }) municipalityCode: string | null;
  @Column({ type: 'varchar', length: 6 }) rail: PaymentRail;
  @Column({ type: 'varchar', length: 12, default: 'draft' }) status: BatchStatus;
  @CentsColumn({ default: 0 }) totalCents: number;
  @Column({ type: 'integer', default: 0 }) paymentCount: number;
  @Column({ type: 'date' }) executionDate: string;
  @Column({ type: 'uuid', nullable: true }) createdByUserId: string | null;
  @Column({ type: 'uuid', nullable: true }) approvedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) settledAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** One provider's money in a batch: a Stripe transfer or one line of the SEPA file. */
@Entity('payment')
@Index('uq_payment_batch_provider', ['batchId', 'providerOrganisationId'], { unique: true })
@Index('ix_payment_provider', ['providerOrganisationId', 'createdAt'])
export class Payment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) batchId: string;
  @ManyToOne(() => PaymentBatch, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'batch_id' }) batch?: PaymentBatch;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @CentsColumn() amountCents: number;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: PaymentStatus;
  @Column({ type: 'varchar', length: 34, nullable: true }) creditorIban: string | null;
  @Index('uq_payment_stripe_transfer', { unique: true }) @Column({ type: 'varchar', length: 100, nullable: true }) stripeTransferId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) failureReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** The treasury account a paying source pays from (the SEPA file's debtor). */
@Entity('paying_account')
export class PayingAccount {
  @PrimaryColumn({ type: 'varchar', length: 60 }) payerKey: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 34 }) iban: string;
  @Column({ type: 'varchar', length: 11 }) bic: string;
}

/** A provider's Stripe Connect account and what Stripe last told us about it. */
@Entity('stripe_account')
export class StripeAccount {
  @PrimaryColumn({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Index('uq_stripe_account_account', { unique: true }) @Column({ type: 'varchar', length: 100 }) accountId: string;
  @Column({ type: 'boolean', default: false }) payoutsEnabled: boolean;
  @Column({ type: 'boolean', default: false }) detailsSubmitted: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** Every Stripe event processed, by its id: a repeated delivery changes nothing. */
@Entity('stripe_event')
export class StripeEvent {
  @PrimaryColumn({ type: 'varchar', length: 100 }) id: string;
  @Column({ type: 'varchar', length: 60 }) type: string;
  @Column({ type: 'varchar', length: 20 }) outcome: string;
  @CreateDateColumn({ type: 'timestamptz' }) receivedAt: Date;
}
