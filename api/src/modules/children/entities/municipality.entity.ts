import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of Latvia's 43 municipalities (reference data inserted by the migration). `code` equals the municipality organisation's code. */
@Entity('municipality')
export class Municipality {
  @PrimaryColumn({ type: 'varchar', length: 40 }) code: string;
  @Column({ type: 'varchar', length: 100 }) nameLv: string;
  @Column({ type: 'varchar', length: 100 }) nameEn: string;
}
