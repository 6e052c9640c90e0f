import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Child } from '../../children/entities/child.entity';
import { Assessment } from './assessment.entity';

export interface PlanService {
  serviceCode: string;
  /** What the allocation table proposed (0 when the case manager added the service). */
  proposedUnitsPerMonth: number;
  unitsPerMonth: number;
  /** Required whenever unitsPerMonth differs from the proposal; shown to the family. */
  reason: string | null;
  /** The family's wish to keep one named specialist. */
  continuitySpecialist: string | null;
  /** Index into goals: the goal this service serves. */
  goal: number | null;
}

export interface PlanGoal {
  /** In the family's words: what should change. */
  text: string;
}

/** The support plan: goals and the services that serve them, proposed from a signed assessment. */
@Entity('support_plan')
@Index('ix_support_plan_child', ['childId'])
export class SupportPlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'uuid' }) assessmentId: string;
  @ManyToOne(() => Assessment, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'assessment_id' }) assessment?: Assessment;
  @Column({ type: 'jsonb', default: () => "'[]'" }) goals: PlanGoal[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) services: PlanService[];
  @Column({ type: 'uuid' }) createdByUserId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
