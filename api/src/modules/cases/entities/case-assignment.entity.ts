import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildCase } from './child-case.entity';

/** Append-only history of who held a case (reassignment keeps history). */
@Entity('case_assignment')
export class CaseAssignment {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Index('ix_case_assignment_case') @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => ChildCase, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: ChildCase;
  /** null = moved to the unassigned queue. */
  @Column({ type: 'uuid', nullable: true }) caseManagerUserId: string | null;
  @Column({ type: 'uuid', nullable: true }) assignedByUserId: string | null;
  @Column({ type: 'varchar', length: 40 }) reason: 'auto' | 'queue' | 'reassign';
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
