import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FundingSource, ServiceCategory } from '@lidz/libs';

/**
 * Reference data: which source pays which service category, from which date. Where two sources share
 * a category, each has a share in percent; the shares of one category and date add up to 100.
 */
@Entity('funding_rule')
@Index('uq_funding_rule', ['category', 'fundingSource', 'validFrom'], { unique: true })
export class FundingRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 30 }) category: ServiceCategory;
  @Column({ type: 'varchar', length: 20 }) fundingSource: FundingSource;
  @Column({ type: 'integer', default: 100 }) sharePercent: number;
  @Column({ type: 'boolean', default: false }) transferable: boolean;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
