import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FundingSource } from '@lidz/libs';
import { CentsColumn } from '../../../database/columns';
import { BasketLine } from '../../budgets/entities/basket-line.entity';
import { Organisation } from '../../identity/entities/organisation.entity';
import { Contract } from '../../marketplace/entities/contract.entity';
import type { UnitKind } from '../claim.rules';
import { Invoice } from './invoice.entity';
import { Payment } from './payment.entity';

export type ClaimLineKind = 'claim' | 'credit';

/**
 * One verified visit billed (kind 'claim'), or the credit for a billed visit rejected later (kind
 * 'credit', the exact negative, pointing at the line it cancels). A visit has at most one of each: the
 * unique index is what makes a re-run or a resumed run create nothing twice.
 *
 * `visit_id` carries no foreign key on purpose: claim lines are financial records that must outlive
 * any change in the visit context's tables.
 */
@Entity('claim_line')
@Index('uq_claim_line_visit_kind', ['visitId', 'kind'], { unique: true })
@Index('ix_claim_line_provider_date', ['providerOrganisationId', 'serviceDate'])
@Index('ix_claim_line_invoice', ['invoiceId'])
@Index('ix_claim_line_payment', ['paymentId'])
@Index('ix_claim_line_payer', ['payerKey', 'providerOrganisationId'])
export class ClaimLine {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 6 }) kind: ClaimLineKind;
  @Column({ type: 'uuid' }) visitId: string;
  @Column({ type: 'uuid', nullable: true }) creditsLineId: string | null;
  @ManyToOne(() => ClaimLine, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'credits_line_id' }) credits?: ClaimLine;
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
  @Column({ type: 'uuid' }) contractId: string;
  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'contract_id' }) contract?: Contract;
  @Index('ix_claim_line_child') @Column({ type: 'uuid' }) childId: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'uuid' }) basketLineId: string;
  @ManyToOne(() => BasketLine, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'basket_line_id' }) basketLine?: BasketLine;
  @Column({ type: 'varchar', length: 20 }) fundingSource: FundingSource;
  /** Who pays the line: a ministry or EU code, or MUNICIPALITY:<code> for the child's municipality. */
  @Column({ type: 'varchar', length: 60 }) payerKey: string;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  /** The visit's date in Europe/Riga (a credit keeps the date of the visit it cancels). */
  @Column({ type: 'date' }) serviceDate: string;
  @Column({ type: 'varchar', length: 10 }) unitKind: UnitKind;
  @Column({ type: 'integer' }) unitMinutes: number;
  @CentsColumn() unitPriceCents: number;
  @Column({ type: 'integer' }) verifiedMinutes: number;
  @Column({ type: 'integer' }) billedMinutes: number;
  @Column({ type: 'integer' }) quantityMilli: number;
  @Column({ type: 'integer', default: 1 }) participants: number;
  @CentsColumn() amountCents: number;
  @Column({ type: 'uuid', nullable: true }) invoiceId: string | null;
  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'invoice_id' }) invoice?: Invoice;
  @Column({ type: 'uuid', nullable: true }) paymentId: string | null;
  @ManyToOne(() => Payment, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'payment_id' }) payment?: Payment;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
