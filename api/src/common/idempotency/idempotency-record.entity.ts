import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a request sent with an `Idempotency-Key` header, kept so that a retry with the
 * same key gets the same answer instead of doing the work twice.
 */
@Entity('idempotency_record')
@Index('ix_idempotency_record_created', ['createdAt'])
export class IdempotencyRecord {
  /** The caller: a user id, or "public" for routes without login. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) scope: string;
  @PrimaryColumn({ type: 'varchar', length: 200 }) key: string;
  /** sha-256 of method, route and body: the same key with another request is refused. */
  @Column({ type: 'char', length: 64 }) requestHash: string;
  @Column({ type: 'integer', nullable: true }) statusCode: number | null;
  @Column({ type: 'jsonb', nullable: true }) response: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
