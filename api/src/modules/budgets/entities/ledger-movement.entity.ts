import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import type { MovementKind } from '../ledger.rules';
import { BasketLine } from './basket-line.entity';

/**
 * Append-only (a trigger refuses UPDATE and DELETE): every change of money on a basket line is one row.
 * `amountCents` is positive except for allocate and transfer, which may be negative (a reduced amendment,
 * money moved out). One movement per (line, ref_type, ref_id, kind): repeating a call is harmless.
 */
@Entity('ledger_movement')
@Index('uq_ledger_movement_ref', ['basketLineId', 'refType', 'refId', 'kind'], { unique: true })
@Index('ix_ledger_movement_ref', ['refType', 'refId'])
export class LedgerMovement {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) basketLineId: string;
  @ManyToOne(() => BasketLine, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'basket_line_id' }) basketLine?: BasketLine;
  @Column({ type: 'varchar', length: 20 }) kind: MovementKind;
  @CentsColumn() amountCents: number;
  @Column({ type: 'varchar', length: 40 }) refType: string;
  @Column({ type: 'varchar', length: 64 }) refId: string;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
