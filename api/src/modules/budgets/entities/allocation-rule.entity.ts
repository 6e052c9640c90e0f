import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentDomain } from '@lidz/libs';

/**
 * The configurable allocation table: a domain at or above a level proposes a catalogue service and a
 * number of units per month. Of several rows for one domain and service, the highest level reached wins.
 */
@Entity('allocation_rule')
@Index('uq_allocation_rule', ['domain', 'minLevel', 'serviceCode', 'validFrom'], { unique: true })
export class AllocationRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) domain: AssessmentDomain;
  @Column({ type: 'smallint' }) minLevel: number;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @Column({ type: 'integer' }) unitsPerMonth: number;
  /** Optional age range (inclusive) the row applies to, e.g. early intervention up to 6. */
  @Column({ type: 'smallint', nullable: true }) ageFrom: number | null;
  @Column({ type: 'smallint', nullable: true }) ageTo: number | null;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
