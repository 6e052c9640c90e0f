import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import { Municipality } from './municipality.entity';

@Entity('child')
export class Child {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Normalised "DDMMYY-XNNNN" (old form) or "32XXXX-XXXXX" (new form); unique. */
  @Index('uq_child_personal_code', { unique: true }) @Column({ type: 'varchar', length: 12 }) personalCode: string;
  @Column({ type: 'varchar', length: 100 }) firstName: string;
  @Column({ type: 'varchar', length: 100 }) lastName: string;
  @Column({ type: 'date' }) birthDate: string;
  /** Declared residence of the legal representative (DESIGN §3.1). */
  @Index('ix_child_municipality') @Column({ type: 'varchar', length: 40 }) municipalityCode: string;
  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_code' }) municipality?: Municipality;
  @Column({ type: 'text', array: true }) languages: string[];
  /** The family users' household organisation; null until a family account exists. */
  @Index('ix_child_household') @Column({ type: 'uuid', nullable: true }) householdOrganisationId: string | null;
  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'household_organisation_id' }) household?: Organisation;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
