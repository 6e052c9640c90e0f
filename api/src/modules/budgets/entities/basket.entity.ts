import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import type { BasketStatus } from '../basket.rules';

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
  @Column({ type: 'uuid', nullable: true }) caseId: string | null;
  /** The child's municipality when the basket was drafted; its officer approves. */
  @Column({ type: 'varchar', length: 20 }) municipalityCode: string;
  /** The signed assessment that backs the basket (required before submission). */
  @Column({ type: 'uuid', nullable: true }) assessmentId: string | null;
  @Column({ type: 'uuid', nullable: true }) supportPlanId: string | null;
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
