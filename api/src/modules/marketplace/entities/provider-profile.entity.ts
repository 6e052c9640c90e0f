import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import type { ProviderKind, ProviderStatus } from '../marketplace.rules';

export interface ProviderLocation {
  name: string;
  address: string;
  municipalityCode: string;
}

/** The marketplace side of a provider organisation: registry data, bank account, approval state. */
@Entity('provider_profile')
export class ProviderProfile {
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @OneToOne(() => Organisation, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organisation_id' }) organisation?: Organisation;
  /** Company register number (equals the organisation's code). */
  @Column({ type: 'varchar', length: 40 }) registrationNumber: string;
  @Column({ type: 'varchar', length: 12 }) kind: ProviderKind;
  /** Validated (ISO 13616 mod-97), stored without spaces, upper case. */
  @Column({ type: 'varchar', length: 34, nullable: true }) iban: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) contactEmail: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) contactPhone: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) locations: ProviderLocation[];
  @Column({ type: 'text', array: true, default: () => `'{}'` }) languages: string[];
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'varchar', length: 12, default: 'pending' }) status: ProviderStatus;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedByUserId: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
