import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceCategory } from '@lidz/libs';
import type { CatalogueDeliveryMode, UnitKind } from '../marketplace.rules';

/** One service of the catalogue (DESIGN §4). The code is one of libs SERVICE_CODES. */
@Entity('catalogue_service')
export class CatalogueService {
  @PrimaryColumn({ type: 'varchar', length: 40 }) code: string;
  @Column({ type: 'varchar', length: 200 }) nameLv: string;
  @Column({ type: 'varchar', length: 200 }) nameEn: string;
  @Column({ type: 'varchar', length: 40 }) category: ServiceCategory;
  @Column({ type: 'varchar', length: 10 }) unitKind: UnitKind;
  /** Length of one unit in minutes (session 40/45/60, hour 60, day 480); null for items. */
  @Column({ type: 'integer', nullable: true }) unitMinutes: number | null;
  @Column({ type: 'varchar', length: 12 }) deliveryMode: CatalogueDeliveryMode;
  /** Who may deliver it, e.g. 'speech_therapist' (a specialist's qualification). */
  @Column({ type: 'varchar', length: 60, nullable: true }) qualification: string | null;
  @Column({ type: 'boolean', default: false }) cancellationClaimable: boolean;
  @Column({ type: 'boolean', default: false }) travelClaimable: boolean;
  @Column({ type: 'boolean', default: false }) needsQuote: boolean;
  /** Youngest age the service is meant for (mentor: 13). */
  @Column({ type: 'integer', nullable: true }) minAge: number | null;
  /** A monthly cap in units (companion: 15 hours). */
  @Column({ type: 'integer', nullable: true }) monthlyUnitCap: number | null;
  /** How many months unused units carry over (companion: 6). */
  @Column({ type: 'integer', nullable: true }) carryOverMonths: number | null;
  /** The deliverer may not be the child's parent or sibling (companion). */
  @Column({ type: 'boolean', default: false }) excludesRelatives: boolean;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
