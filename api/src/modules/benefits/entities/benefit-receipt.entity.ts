import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Child } from '../../children/entities/child.entity';
import { Benefit } from './benefit.entity';

/** A benefit the child already receives (recorded by the family or the case manager). */
@Entity('benefit_receipt')
@Index('uq_benefit_receipt_child_benefit', ['childId', 'benefitCode'], { unique: true })
export class BenefitReceipt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Index('ix_benefit_receipt_benefit') @Column({ type: 'varchar', length: 60 }) benefitCode: string;
  @ManyToOne(() => Benefit, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'benefit_code' }) benefit?: Benefit;
  @Column({ type: 'date', nullable: true }) since: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
