import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/**
 * A specialist is ONE identity across every provider they work for (the professional registration
 * number is unique), so overlap checks on visits see all of a specialist's work.
 */
@Entity('specialist')
export class Specialist {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_specialist_user', { unique: true }) @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'user_id' }) user?: User;
  @Column({ type: 'varchar', length: 200 }) fullName: string;
  @Index('uq_specialist_registration_number', { unique: true }) @Column({ type: 'varchar', length: 40 }) registrationNumber: string;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) qualifications: string[];
  @Column({ type: 'text', array: true, default: () => `'{}'` }) languages: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
