import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionKind } from '@lidz/libs';
import { Child } from './child.entity';

/** A VDEĀVK disability decision; idempotent by its number. */
@Entity('disability_decision')
export class DisabilityDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_disability_decision_number', { unique: true }) @Column({ type: 'varchar', length: 40 }) number: string;
  @Index('ix_disability_decision_child') @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'date' }) decisionDate: string;
  @Column({ type: 'varchar', length: 10 }) kind: DecisionKind;
  @Column({ type: 'boolean' }) specialCare: boolean;
  @Column({ type: 'date' }) validFrom: string;
  /** null = lifelong. */
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'boolean' }) consentToContact: boolean;
  @Column({ type: 'uuid', nullable: true }) importId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
