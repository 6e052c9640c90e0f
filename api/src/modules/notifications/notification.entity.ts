import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification for one user; the text is an i18n key with parameters. */
@Entity('notification')
@Index('ix_notification_user', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 60 }) kind: string;
  @Column({ type: 'varchar', length: 100 }) titleKey: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) params: Record<string, string | number>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
}
