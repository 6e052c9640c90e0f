import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const CARD_STATUSES = ['active', 'lost', 'blocked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** A child's physical card. Lost or blocked cards stop verifying at once; a replacement names the card it replaces. */
@Entity('card')
@Index('uq_card_child_active', ['childId'], { unique: true, where: `status = 'active'` })
export class Card {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_card_child') @Column({ type: 'uuid' }) childId: string;
  /** 12 digits, the last a Luhn check digit. */
  @Index('uq_card_number', { unique: true }) @Column({ type: 'varchar', length: 12 }) number: string;
  @Column({ type: 'varchar', length: 10, default: 'active' }) status: CardStatus;
  @Column({ type: 'uuid', nullable: true }) replacesCardId: string | null;
  @ManyToOne(() => Card, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'replaces_card_id' }) replaces?: Card;
  @Column({ type: 'uuid', nullable: true }) issuedByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt: Date | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) statusReason: string | null;
}
