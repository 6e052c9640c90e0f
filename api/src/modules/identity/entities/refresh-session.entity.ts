import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token. Tokens rotate: each refresh marks the presented token used and issues a new one in
 * the same family. A used token presented again means it was stolen, so the whole family is revoked.
 */
@Entity('refresh_session')
export class RefreshSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_refresh_session_user') @Column({ type: 'uuid' }) userId: string;
  @Index('ix_refresh_session_family') @Column({ type: 'uuid' }) familyId: string;
  /** sha256 of the secret part of the token; the token itself is never stored. */
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) revokedReason: string | null;
}
