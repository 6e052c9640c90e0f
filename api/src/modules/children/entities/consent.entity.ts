import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Child } from './child.entity';

export const CONSENT_PURPOSES = ['contact_by_social_service', 'share_with_providers', 'share_with_school'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Append-only consent history: the current state of a purpose is its latest row (highest id). */
@Entity('consent')
@Index('ix_consent_child_purpose', ['childId', 'purpose', 'id'])
export class Consent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'varchar', length: 40 }) purpose: ConsentPurpose;
  @Column({ type: 'boolean' }) granted: boolean;
  @Column({ type: 'uuid', nullable: true }) givenByUserId: string | null;
  /** Who gave or withdrew it when there is no login (e.g. the import: "VDEĀVK decision 123"). */
  @Column({ type: 'varchar', length: 200, nullable: true }) givenByName: string | null;
  @Column({ type: 'varchar', length: 20 }) source: 'import' | 'portal' | 'admin';
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
