import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import { CatalogueService } from './catalogue-service.entity';

/** A provider's accreditation for one catalogue service: the register entry and its validity. */
@Entity('accreditation')
@Index('ix_accreditation_provider_service', ['providerOrganisationId', 'serviceCode'])
export class Accreditation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @ManyToOne(() => CatalogueService, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'service_code' }) service?: CatalogueService;
  @Column({ type: 'varchar', length: 60 }) registerNumber: string;
  @Column({ type: 'date' }) validFrom: string;
  /** Null: no end date. */
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
