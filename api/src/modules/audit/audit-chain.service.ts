import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface ChainBreak {
  chainSeq: string;
  auditEventId: string;
  reason: 'content_changed' | 'link_broken' | 'gap';
}

export interface ChainReport {
  sealed: number;
  unsealed: number;
  firstBreak: ChainBreak | null;
}

const GENESIS = '0'.repeat(64);

/**
 * The audit log's hash chain. Sealing runs in the database (one sealer at a time, in id order, only
 * committed rows); verifying recomputes every hash here, in order, from each row's content, so a row
 * changed behind the trigger's back — or removed — shows up as the first broken link.
 */
@Injectable()
export class AuditChainService {
  constructor(private readonly db: DataSource) {}

  /** Seals every committed row not yet in the chain; returns how many were sealed. */
  async seal(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = (await this.db.query(`SELECT audit_seal($1) AS n`, [batch])) as { n: number }[];
      total += n;
      if (n < batch) return total;
    }
  }

  async verify(batch = 5000): Promise<ChainReport> {
    let prevHash = GENESIS;
    let expectedSeq = 1n;
    let sealed = 0;
    for (;;) {
      const rows: { chain_seq: string; id: string; prev_hash: string | null; hash: string; content: string }[] = await this.db.query(
        `SELECT e.chain_seq, e.id, e.prev_hash, e.hash, audit_event_content(e) AS content FROM audit_event e
          WHERE e.chain_seq >= $1 ORDER BY e.chain_seq LIMIT $2`,
        [expectedSeq.toString(), batch],
      );
      for (const r of rows) {
        const at = { chainSeq: r.chain_seq, auditEventId: r.id };
        if (BigInt(r.chain_seq) !== expectedSeq) return this.report(sealed, { ...at, reason: 'gap' });
        if ((r.prev_hash ?? GENESIS) !== prevHash) return this.report(sealed, { ...at, reason: 'link_broken' });
        const hash = createHash('sha256').update(`${prevHash}\x1e${r.content}`, 'utf8').digest('hex');
        if (hash !== r.hash) return this.report(sealed, { ...at, reason: 'content_changed' });
        prevHash = r.hash;
        expectedSeq += 1n;
        sealed += 1;
      }
      if (rows.length < batch) return this.report(sealed, null);
    }
  }

  private async report(sealed: number, firstBreak: ChainBreak | null): Promise<ChainReport> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE chain_seq IS NULL`)) as { n: number }[];
    return { sealed, unsealed: n, firstBreak };
  }
}
