import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { DeliveryMode } from '../marketplace.rules';
import { CatalogueService } from './catalogue-service.entity';

/** A provider's price and terms for one catalogue service. */
@Entity('offer')
@Index('ix_offer_service', ['serviceCode', 'active'])
export class Offer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_offer_provider') @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @ManyToOne(() => CatalogueService, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'service_code' }) service?: CatalogueService;
  /** Price of one unit; never above the catalogue's maximum. */
  @CentsColumn() priceCents: number;
  @Column({ type: 'integer', nullable: true }) unitMinutes: number | null;
  @Column({ type: 'varchar', length: 12 }) deliveryMode: DeliveryMode;
  /** Participants of a group session (group services); 1 for individual. */
  @Column({ type: 'integer', default: 1 }) groupSize: number;
  /** Municipality codes served at the child's place. */
  @Column({ type: 'text', array: true, default: () => `'{}'` }) municipalities: string[];
  /** Delivered at the provider's own location. */
  @Column({ type: 'boolean', default: false }) atOurLocation: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) locationAddress: string | null;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) languages: string[];
  @Column({ type: 'date' }) earliestStart: string;
  /** How many more children the provider can take on. */
  @Column({ type: 'integer', default: 0 }) freeCapacity: number;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
