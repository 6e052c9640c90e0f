import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';
import { Child } from '../../children/entities/child.entity';
import { DisabilityDecision } from '../../children/entities/disability-decision.entity';
import { Municipality } from '../../children/entities/municipality.entity';

export const CASE_STATUSES = ['unassigned', 'open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CONTACT_CHANNELS = ['phone', 'email', 'visit', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** A child's case in a municipality. At most one case per child is not closed. */
@Entity('child_case')
@Index('uq_child_case_active', ['childId'], { unique: true, where: `status <> 'closed'` })
@Index('ix_child_case_manager', ['caseManagerUserId', 'status'])
@Index('ix_child_case_municipality', ['municipalityCode', 'status'])
export class ChildCase {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'varchar', length: 40 }) municipalityCode: string;
  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_code' }) municipality?: Municipality;
  /** null while the case waits in the municipality's unassigned queue. */
  @Column({ type: 'uuid', nullable: true }) caseManagerUserId: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'case_manager_user_id' }) caseManager?: User;
  @Column({ type: 'varchar', length: 20 }) status: CaseStatus;
  @Column({ type: 'uuid', nullable: true }) decisionId: string | null;
  @ManyToOne(() => DisabilityDecision, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'decision_id' }) decision?: DisabilityDecision;
  @CreateDateColumn({ type: 'timestamptz' }) openedAt: Date;
  /** 10 Latvian working days after the decision date. */
  @Column({ type: 'date', nullable: true }) firstContactDeadline: string | null;
  @Column({ type: 'date', nullable: true }) firstContactAt: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) firstContactChannel: ContactChannel | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) firstContactOutcome: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reminderSentAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) overdueAlertedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
