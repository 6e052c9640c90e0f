import { systemActor } from '../../api/src/common/auth/actor';
import { AuditChainService } from '../../api/src/modules/audit/audit-chain.service';
import { AuditService } from '../../api/src/modules/audit/audit.service';
import { startTestApp, TestApp } from '../support/app';

describe('audit log hash chain', () => {
  let t: TestApp;
  let chain: AuditChainService;
  const write = async (n: number, from = 0) => {
    const audit = t.app.get(AuditService);
    for (let i = 0; i < n; i++) {
      await t.db.transaction((m) => audit.record(m, systemActor(), { action: 'child.read', subjectType: 'child', subjectId: `c-${from + i}`, details: { i: from + i, note: 'ā ē ī' } }));
    }
  };

  beforeEach(async () => {
    t = await startTestApp();
    chain = t.app.get(AuditChainService);
  });
  afterEach(() => t.close());

  it('seals committed rows in order, each carrying the previous hash, and verifies the whole chain', async () => {
    await write(25);
    expect((await chain.verify()).unsealed).toBe(25);
    expect(await chain.seal(10)).toBe(25);
    await write(3, 25);
    expect(await chain.seal()).toBe(3);
    const report = await chain.verify(7);
    expect(report).toEqual({ sealed: 28, unsealed: 0, firstBreak: null });
    const rows: { chain_seq: string; prev_hash: string | null; hash: string }[] = await t.db.query(`SELECT chain_seq, prev_hash, hash FROM audit_event ORDER BY chain_seq`);
    expect(rows[0].prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await chain.seal()).toBe(0);
  });

  it('refuses to change or remove a row, and to seal a row with a forged hash', async () => {
    await write(2);
    await expect(t.db.query(`UPDATE audit_event SET action = 'nothing.happened'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE audit_event SET chain_seq = 99, hash = repeat('a', 64)`)).rejects.toThrow(/append-only/);
    await chain.seal();
    await expect(t.db.query(`UPDATE audit_event SET chain_seq = chain_seq + 100`)).rejects.toThrow(/append-only/);
    expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n)).toBe(2);
  });

  it('reports the first broken link when a row is changed or removed behind the trigger', async () => {
    await write(10);
    await chain.seal();
    const [victim] = await t.db.query(`SELECT id, chain_seq FROM audit_event ORDER BY chain_seq OFFSET 4 LIMIT 1`);
    // what an attacker with the owner's rights could do: switch the guard off and edit history
    await t.db.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`);
    await t.db.query(`UPDATE audit_event SET details = '{"i": 999}' WHERE id = $1`, [victim.id]);
    expect((await chain.verify()).firstBreak).toEqual({ chainSeq: String(victim.chain_seq), auditEventId: String(victim.id), reason: 'content_changed' });

    await t.db.query(`UPDATE audit_event SET details = '{"i": 4, "note": "ā ē ī"}' WHERE id = $1`, [victim.id]);
    expect((await chain.verify()).firstBreak).toBeNull();
    await t.db.query(`DELETE FROM audit_event WHERE id = $1`, [victim.id]);
    expect((await chain.verify()).firstBreak).toMatchObject({ reason: 'gap', chainSeq: String(Number(victim.chain_seq) + 1) });
    await t.db.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change`);
  });
});
