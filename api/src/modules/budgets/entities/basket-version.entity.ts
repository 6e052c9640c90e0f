import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import type { VersionStatus } from '../basket.rules';
import { Basket } from './basket.entity';

export interface VersionLine {
  category: string;
  fundingSource: string;
  plannedCents: number;
  indicativeCents: number;
  transferable: boolean;
  reason: string | null;
}

/** One version of a basket as submitted and decided: its lines, who decided, and the comment. Never edited after the decision. */
@Entity('basket_version')
@Index('uq_basket_version', ['basketId', 'version'], { unique: true })
export class BasketVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) basketId: string;
  @ManyToOne(() => Basket, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'basket_id' }) basket?: Basket;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'varchar', length: 20 }) status: VersionStatus;
  @Column({ type: 'jsonb', default: () => "'[]'" }) lines: VersionLine[];
  @CentsColumn({ default: 0 }) totalCents: number;
  @Column({ type: 'uuid', nullable: true }) submittedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) decidedByUserId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
