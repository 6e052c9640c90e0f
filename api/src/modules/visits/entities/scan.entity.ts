import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ScanMethod } from '../visits.rules';

export type ScanKind = 'check_in' | 'check_out';
/** How the scan was judged: genuine token, plain card, or why not. */
export type ScanVerdict = 'genuine' | 'forged' | 'expired' | 'reused' | 'unreadable' | 'card' | 'card_blocked' | 'unknown_card' | 'manual';

/**
 * One scan as the specialist's phone sent it. `client_scan_id` makes a re-send return the stored
 * result; (card, time step) of a first-used QR token is unique, so a code works once.
 * Location is kept only for the check-in and check-out themselves.
 */
@Entity('scan')
@Index('uq_scan_token', ['cardId', 'tokenStep'], { unique: true, where: 'token_first_use' })
export class Scan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_scan_client_scan_id', { unique: true }) @Column({ type: 'uuid' }) clientScanId: string;
  @Column({ type: 'varchar', length: 10 }) kind: ScanKind;
  @Column({ type: 'varchar', length: 10 }) method: ScanMethod;
  @Column({ type: 'uuid' }) actorUserId: string;
  @Column({ type: 'uuid', nullable: true }) specialistId: string | null;
  @Column({ type: 'uuid', nullable: true }) providerOrganisationId: string | null;
  @Column({ type: 'uuid', nullable: true }) contractId: string | null;
  @Column({ type: 'uuid', nullable: true }) cardId: string | null;
  @Column({ type: 'uuid', nullable: true }) childId: string | null;
  @Column({ type: 'integer', nullable: true }) tokenStep: number | null;
  @Column({ type: 'boolean', default: false }) tokenFirstUse: boolean;
  @Column({ type: 'varchar', length: 14 }) verdict: ScanVerdict;
  /** When the phone says it scanned. */
  @Column({ type: 'timestamptz' }) scannedAt: Date;
  /** The time the scan counts for (the token's time for QR). */
  @Column({ type: 'timestamptz' }) effectiveAt: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ type: 'jsonb', nullable: true }) location: { lat: number; lng: number; accuracy?: number } | null;
  @Index('ix_scan_visit') @Column({ type: 'uuid', nullable: true }) visitId: string | null;
  /** The answer given, returned again for the same client_scan_id. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) result: Record<string, unknown>;
}
