import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CentsColumn } from '../../../database/columns';
import { CatalogueService } from './catalogue-service.entity';

/** A dated price version: the price valid from `validFrom` until the next version. Contracts copy the price they were signed at. */
@Entity('catalogue_price')
@Index('uq_catalogue_price_service_from', ['serviceCode', 'validFrom'], { unique: true })
export class CataloguePrice {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) serviceCode: string;
  @ManyToOne(() => CatalogueService, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'service_code' }) service?: CatalogueService;
  @Column({ type: 'date' }) validFrom: string;
  @CentsColumn() referencePriceCents: number;
  @CentsColumn() maxPriceCents: number;
  @Column({ type: 'uuid', nullable: true }) createdByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
