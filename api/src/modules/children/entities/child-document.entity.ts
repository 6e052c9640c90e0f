import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';
import { Child } from './child.entity';

export const DOCUMENT_KINDS = ['decision', 'specialist_report', 'commission_opinion', 'signed_plan', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A file attached to a child, kept through the storage adapter. `restricted` documents (specialists'
 * assessments) reach only the child's case manager, the author and those it was explicitly shared with.
 */
@Entity('child_document')
export class ChildDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_child_document_child') @Column({ type: 'uuid' }) childId: string;
  @ManyToOne(() => Child, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'child_id' }) child?: Child;
  @Column({ type: 'varchar', length: 30 }) kind: DocumentKind;
  @Column({ type: 'varchar', length: 200 }) fileName: string;
  @Column({ type: 'varchar', length: 100 }) contentType: string;
  @Column({ type: 'integer' }) sizeBytes: number;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  @Column({ type: 'varchar', length: 200 }) storageKey: string;
  @Column({ type: 'uuid' }) authorUserId: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'author_user_id' }) author?: User;
  @Column({ type: 'varchar', length: 20 }) visibility: 'case_team' | 'restricted';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** An explicit share of a restricted document with one user. */
@Entity('child_document_share')
export class ChildDocumentShare {
  @PrimaryColumn({ type: 'uuid' }) documentId: string;
  @ManyToOne(() => ChildDocument, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'document_id' }) document?: ChildDocument;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: User;
  @Column({ type: 'uuid' }) sharedByUserId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
