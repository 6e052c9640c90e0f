import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentDomain } from '@lidz/libs';
import { ChildCase } from '../../cases/entities/child-case.entity';
import { Child } from '../../children/entities/child.entity';
import type { AssessmentStatus, DomainScore } from '../assessment.rules';

/**
 * A needs assessment, one row per version. Levels and validity never change after creation; a change
 * is a new version. It counts once the case manager, a health specialist and the family have signed.
 */
@Entity('assessment')
@Index('uq_assessment_child_version', ['childId', 'version'], { unique: true })
@Index('ix_assessment_review', ['reviewReminderOn'], { where: `status = 'signed'` })
export class Assessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  @ManyToOne(() => ChildCase, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'case_id' }) case?: ChildCase;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'uuid', nullable: true }) previousId: string | null;
  @Column({ type: 'varchar', length: 20, default: 'awaiting_signatures' }) status: AssessmentStatus;
  @Column({ type: 'jsonb' }) domains: Partial<Record<AssessmentDomain, DomainScore>>;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date' }) validTo: string;
  @Column({ type: 'date' }) reviewReminderOn: string;
  @Column({ type: 'timestamptz', nullable: true }) reviewReminderSentAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) caseManagerUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) caseManagerSignedAt: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) healthSpecialistName: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) healthSpecialistRegistrationNumber: string | null;
  @Column({ type: 'timestamptz', nullable: true }) healthSpecialistSignedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) familyUserId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) familySignerRole: string | null;
  @Column({ type: 'timestamptz', nullable: true }) familySignedAt: Date | null;
  @Column({ type: 'uuid' }) createdByUserId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
