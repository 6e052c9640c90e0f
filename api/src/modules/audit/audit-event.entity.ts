import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: rows are inserted in the transaction of the act they describe and never changed. */
@Entity('audit_event')
@Index('ix_audit_event_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_event_unsealed', ['id'], { where: 'chain_seq IS NULL' })
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Index('ix_audit_event_at') @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) actorRole: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) subjectType: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) subjectId: string | null;
  /** Set whenever the act touches a child's data, so a family can later see who looked. */
  @Index('ix_audit_event_child') @Column({ type: 'uuid', nullable: true }) childId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  /** Hash chain, filled when the row is sealed after commit (see the AuditHashChain migration). */
  @Index('uq_audit_event_chain_seq', { unique: true }) @Column({ type: 'bigint', nullable: true }) chainSeq: string | null;
  @Column({ type: 'char', length: 64, nullable: true }) prevHash: string | null;
  @Column({ type: 'char', length: 64, nullable: true }) hash: string | null;
}
