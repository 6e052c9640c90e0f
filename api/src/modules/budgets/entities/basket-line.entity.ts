import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FundingSource, ServiceCategory } from '@lidz/libs';
import { CentsColumn } from '../../../database/columns';
import { Child } from '../../children/entities/child.entity';
import { Basket } from './basket.entity';

/**
 * One line of a basket: service category × funding source. `allocatedCents` mirrors the sum of the
 * line's allocate and transfer movements (kept in the same transaction); committed, spent and available
 * are always derived from the ledger. `plannedCents` is the amount of the version being drafted.
 */
@Entity('basket_line')
@Index('uq_basket_line_category_source', ['basketId', 'category', 'fundingSource'], { unique: true })
export class BasketLine {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) basketId: string;
  @ManyToOne(() => Basket, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'basket_id' }) basket?: Basket;
  @Index('ix_basket_line_child') @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'varchar', length: 30 }) category: ServiceCategory;
  @Column({ type: 'varchar', length: 20 }) fundingSource: FundingSource;
  @CentsColumn({ default: 0 }) allocatedCents: number;
  @CentsColumn({ default: 0 }) plannedCents: number;
  /** What the allocation table and funding rules proposed for this line. */
  @CentsColumn({ default: 0 }) indicativeCents: number;
  /** Why the case manager's amount differs from the indicative one (required when it does). */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** Flexible line: money may move to and from other flexible lines of the same source. */
  @Column({ type: 'boolean', default: false }) transferable: boolean;
}
