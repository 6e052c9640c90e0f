import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Child } from '../../children/entities/child.entity';

/**
 * Facts the finder needs that the child's record does not hold: whether the child lives at home and
 * attends school. Null = not known (the result then says "maybe").
 */
@Entity('child_benefit_facts')
export class ChildBenefitFacts {
  @PrimaryColumn({ type: 'uuid' }) childId: string;
  @OneToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'boolean', nullable: true }) livesAtHome: boolean | null;
  @Column({ type: 'boolean', nullable: true }) attendsSchool: boolean | null;
  @Column({ type: 'uuid', nullable: true }) updatedByUserId: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
