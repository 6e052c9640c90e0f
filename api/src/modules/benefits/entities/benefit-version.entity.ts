import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import type { AmountKind, AmountVariant, Frequency, ProviderKind } from '../benefits.rules';
import type { Condition } from '../conditions.rules';
import { Benefit } from './benefit.entity';

/**
 * One dated version of a benefit. Versions are never changed: every edit by the platform admin inserts
 * the next version with the day it takes effect (valid_from); retiring inserts a version with
 * active = false. The version in force on a day is the latest valid_from on or before it.
 */
@Entity('benefit_version')
@Index('uq_benefit_version', ['benefitCode', 'version'], { unique: true })
export class BenefitVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 60 }) benefitCode: string;
  @ManyToOne(() => Benefit, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'benefit_code' }) benefit?: Benefit;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'varchar', length: 20 }) providerKind: ProviderKind;
  /** For a municipality's own benefit: whose. */
  @Column({ type: 'varchar', length: 40, nullable: true }) municipalityCode: string | null;
  @Column({ type: 'varchar', length: 200 }) payerLv: string;
  @Column({ type: 'varchar', length: 200 }) payerEn: string;
  @Column({ type: 'varchar', length: 200 }) nameLv: string;
  @Column({ type: 'varchar', length: 200 }) nameEn: string;
  @Column({ type: 'text' }) summaryLv: string;
  @Column({ type: 'text' }) summaryEn: string;
  /** The amount (or its lower bound / approximation, per amount_kind); null for services in kind. */
  @CentsColumn({ nullable: true }) amountCents: number | null;
  @Column({ type: 'varchar', length: 10 }) amountKind: AmountKind;
  @Column({ type: 'varchar', length: 20 }) frequency: Frequency;
  @Column({ type: 'varchar', length: 300, nullable: true }) amountNoteLv: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) amountNoteEn: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) amountVariants: AmountVariant[];
  /** Who qualifies, in the expression form documented in conditions.rules.ts. */
  @Column({ type: 'jsonb' }) condition: Condition;
  @Column({ type: 'text' }) howToApplyLv: string;
  @Column({ type: 'text' }) howToApplyEn: string;
  @Column({ type: 'varchar', length: 300 }) legalBasis: string;
  @Column({ type: 'varchar', length: 500 }) officialUrl: string;
  /** Why this version was made (required for every version after the first). */
  @Column({ type: 'varchar', length: 500, nullable: true }) changeNote: string | null;
  @Column({ type: 'uuid', nullable: true }) createdByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
