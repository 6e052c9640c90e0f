import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '@lidz/libs';

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: OrganisationKind;
  /** Registration number, municipality code or ministry abbreviation (LM, VM, IZM). */
  @Index('uq_organisation_code', { unique: true }) @Column({ type: 'varchar', length: 40, nullable: true }) code: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
