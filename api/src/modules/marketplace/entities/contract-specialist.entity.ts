import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Contract } from './contract.entity';
import { Specialist } from './specialist.entity';

/** The specialists named on a contract; only they may register its visits. */
@Entity('contract_specialist')
export class ContractSpecialist {
  @PrimaryColumn({ type: 'uuid' }) contractId: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contract_id' }) contract?: Contract;
  @Index('ix_contract_specialist_specialist') @PrimaryColumn({ type: 'uuid' }) specialistId: string;
  @ManyToOne(() => Specialist, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'specialist_id' }) specialist?: Specialist;
}
