import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildCase } from './child-case.entity';

/** A transition review, opened 6 months before the 18th (to adulthood) and 25th (ageing out) birthday. */
@Entity('case_review')
@Index('uq_case_review_child_kind', ['childId', 'kind'], { unique: true })
export class CaseReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_case_review_case') @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => ChildCase, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) case?: ChildCase;
  @Column({ type: 'uuid' }) childId: string;
  @Column({ type: 'varchar', length: 20 }) kind: 'transition_18' | 'transition_25';
  /** The birthday the review prepares for. */
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'varchar', length: 20, default: 'open' }) status: 'open' | 'done';
  @CreateDateColumn({ type: 'timestamptz' }) openedAt: Date;
}
