import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A benefit or service of the catalogue: a stable code; what it says lives in its versions. */
@Entity('benefit')
export class Benefit {
  /** Stable code, e.g. FAMILY_BENEFIT_SUPPLEMENT. */
  @PrimaryColumn({ type: 'varchar', length: 60 }) code: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
