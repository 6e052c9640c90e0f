import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job to enqueue, written in the same transaction as the change that wants it. A dispatcher moves
 * it to BullMQ after commit (job id = business key, so a second dispatch is a no-op).
 */
@Entity('outbox_message')
@Index('ix_outbox_message_pending', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 60 }) queue: string;
  @Column({ type: 'varchar', length: 60 }) jobName: string;
  @Column({ type: 'varchar', length: 200 }) jobId: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'integer', nullable: true }) delayMs: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) lastError: string | null;
}
