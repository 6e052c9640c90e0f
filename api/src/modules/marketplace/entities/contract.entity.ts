import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import { BasketLine } from '../../budgets/entities/basket-line.entity';
import { Child } from '../../children/entities/child.entity';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { ContractStatus, DeliveryMode } from '../marketplace.rules';
import { CatalogueService } from './catalogue-service.entity';
import { Offer } from './offer.entity';

/**
 * The service agreement between a family and a provider. It keeps the unit price it was signed at;
 * approval commits `valueCents` on the basket line, ending early releases what is left.
 */
@Entity('contract')
@Index('ix_contract_child', ['childId', 'status'])
@Index('ix_contract_provider', ['providerOrganisationId', 'status'])
export class Contract {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'uuid', nullable: true }) offerId: string | null;
  @ManyToOne(() => Offer, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'offer_id' }) offer?: Offer;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @ManyToOne(() => CatalogueService, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'service_code' }) service?: CatalogueService;
  /** The basket line the money is committed on (chosen at approval at the latest). */
  @Index('ix_contract_basket_line') @Column({ type: 'uuid', nullable: true }) basketLineId: string | null;
  @ManyToOne(() => BasketLine, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'basket_line_id' }) basketLine?: BasketLine;
  @Column({ type: 'integer', nullable: true }) unitMinutes: number | null;
  /** Price of one unit as signed (the offer's price at proposal). */
  @CentsColumn() unitPriceCents: number;
  @Column({ type: 'integer' }) unitsPerMonth: number;
  @Column({ type: 'varchar', length: 12 }) deliveryMode: DeliveryMode;
  /** Participants of a group session; each child is charged unit price ÷ group size. */
  @Column({ type: 'integer', default: 1 }) groupSize: number;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date' }) validTo: string;
  @Column({ type: 'varchar', length: 12, default: 'proposed' }) status: ContractStatus;
  /** Working days of notice below which a cancelled visit is claimable. */
  @Column({ type: 'integer', default: 2 }) cancellationNoticeWorkingDays: number;
  /** Share (percent) of the unit price claimable for a late-cancelled or no-show visit. */
  @Column({ type: 'integer', default: 0 }) cancellationFeePercent: number;
  /** The whole contract value: child's unit price × units per month × months. */
  @CentsColumn({ default: 0 }) valueCents: number;
  @CentsColumn({ default: 0 }) committedCents: number;
  @CentsColumn({ default: 0 }) releasedCents: number;
  @Column({ type: 'uuid' }) proposedByUserId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) proposedAt: Date;
  @Column({ type: 'uuid', nullable: true }) acceptedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) approvedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) endReason: string | null;
  @Column({ type: 'uuid', nullable: true }) endedByUserId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
