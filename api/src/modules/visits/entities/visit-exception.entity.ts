import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReasonCode, ResolutionAction } from '../visits.rules';
import { Visit } from './visit.entity';

/** A visit that failed a rule, waiting for (or decided by) the case manager. One open exception per visit. */
@Entity('visit_exception')
@Index('uq_visit_exception_open', ['visitId'], { unique: true, where: `status = 'open'` })
export class VisitException {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_visit_exception_visit') @Column({ type: 'uuid' }) visitId: string;
  @ManyToOne(() => Visit, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_id' }) visit?: Visit;
  @Column({ type: 'uuid' }) childId: string;
  @Column({ type: 'uuid' }) providerOrganisationId: string;
  /** The first reason, for sorting and filtering; all of them in reason_codes. */
  @Column({ type: 'varchar', length: 40 }) reasonCode: ReasonCode;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) reasonCodes: ReasonCode[];
  @Index('ix_visit_exception_status') @Column({ type: 'varchar', length: 10, default: 'open' }) status: 'open' | 'resolved';
  @CreateDateColumn({ type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'varchar', length: 20, nullable: true }) resolutionAction: ResolutionAction | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) resolutionCode: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'integer', nullable: true }) adjustedMinutes: number | null;
  @Column({ type: 'uuid', nullable: true }) decidedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
