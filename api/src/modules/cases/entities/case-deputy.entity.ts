import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/** During [validFrom, validTo] (Riga dates, inclusive) the deputy sees and acts on the case manager's caseload. */
@Entity('case_deputy')
export class CaseDeputy {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_case_deputy_manager') @Column({ type: 'uuid' }) caseManagerUserId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_manager_user_id' }) caseManager?: User;
  @Index('ix_case_deputy_deputy') @Column({ type: 'uuid' }) deputyUserId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'deputy_user_id' }) deputy?: User;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date' }) validTo: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
