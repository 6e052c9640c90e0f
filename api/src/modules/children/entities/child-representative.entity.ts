import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';
import { Child } from './child.entity';

export const REPRESENTATIVE_RELATIONS = ['parent', 'guardian', 'self'] as const;
export type RepresentativeRelation = (typeof REPRESENTATIVE_RELATIONS)[number];

/** A legal representative (parent, guardian) of a child; several per child. */
@Entity('child_representative')
export class ChildRepresentative {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_child_representative_child') @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  /** The representative's login, when they have one. */
  @Index('ix_child_representative_user') @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'user_id' }) user?: User;
  @Column({ type: 'varchar', length: 200 }) fullName: string;
  @Column({ type: 'varchar', length: 20 }) relation: RepresentativeRelation;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  /** Set by a young person of 18+ who lets this former representative keep access; cleared to revoke. */
  @Column({ type: 'timestamptz', nullable: true }) adultAccessGrantedAt: Date | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
