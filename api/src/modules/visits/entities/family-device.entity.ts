import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/**
 * A family phone provisioned to show a child's rotating QR: it holds the secret, the API keeps the same
 * secret to check codes. Revoking the device makes its codes forged from that moment.
 */
@Entity('family_device')
export class FamilyDevice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_family_device_child') @Column({ type: 'uuid' }) childId: string;
  @Index('ix_family_device_user') @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: User;
  @Column({ type: 'varchar', length: 100 }) label: string;
  /** 32 random bytes, base64url. */
  @Column({ type: 'varchar', length: 64 }) secret: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
