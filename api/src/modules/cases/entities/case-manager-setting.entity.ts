import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/** Per case manager settings; a manager without a row has the default caseload limit (20). */
@Entity('case_manager_setting')
export class CaseManagerSetting {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @OneToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: User;
  @Column({ type: 'integer', default: 20 }) caseloadLimit: number;
}
