import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChildCase } from '../../cases/entities/child-case.entity';
import { Child } from '../../children/entities/child.entity';
import { CentsColumn } from '../../../database/columns';
import type { BasketStatus } from '../basket.rules';
import { Assessment } from './assessment.entity';
import { SupportPlan } from './support-plan.entity';

/**
 * A child's funding basket for one period. The row is the basket's stable identity: its lines (and the
 * money committed on them by contracts) survive amendments. `version` counts the versions; each one is
 * kept in `basket_version` with its line amounts and decision, so an amendment never edits history.
 */
@Entity('basket')
@Index('ix_basket_child', ['childId', 'periodStart'])
@Index('ix_basket_municipality_status', ['municipalityCode', 'status'])
export class Basket {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => ChildCase, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'case_id' }) case?: ChildCase;
  /** The child's municipality when the basket was drafted; its officer approves. */
  @Column({ type: 'varchar', length: 40 }) municipalityCode: string;
  /** The signed assessment that backs the basket (required before submission). */
  @Column({ type: 'uuid', nullable: true }) assessmentId: string | null;
  @ManyToOne(() => Assessment, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'assessment_id' }) assessment?: Assessment;
  @Column({ type: 'uuid', nullable: true }) supportPlanId: string | null;
  @ManyToOne(() => SupportPlan, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'support_plan_id' }) supportPlan?: SupportPlan;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ type: 'varchar', length: 20, default: 'draft' }) status: BasketStatus;
  @Column({ type: 'date' }) periodStart: string;
  @Column({ type: 'date' }) periodEnd: string;
  /** What the allocation table proposed for the whole period (sum of the lines' indicative amounts). */
  @CentsColumn({ default: 0 }) indicativeCents: number;
  @Column({ type: 'text', nullable: true }) returnComment: string | null;
  @Column({ type: 'uuid' }) createdByUserId: string;
  @Column({ type: 'uuid', nullable: true }) approvedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
