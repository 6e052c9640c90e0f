import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import { Specialist } from './specialist.entity';

/** A specialist working for a provider (one specialist may work for several). */
@Entity('provider_specialist')
@Index('uq_provider_specialist', ['providerOrganisationId', 'specialistId'], { unique: true })
export class ProviderSpecialist {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'provider_organisation_id' }) provider?: Organisation;
  @Index('ix_provider_specialist_specialist') @Column({ type: 'uuid' }) specialistId: string;
  @ManyToOne(() => Specialist, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'specialist_id' }) specialist?: Specialist;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
