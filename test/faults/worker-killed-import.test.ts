import type { ChildProcess } from 'node:child_process';
import { startTestApp, TestApp } from '../support/app';
import { decisionRow, municipalityOrg } from '../support/children-factories';
import { userWithSession } from '../support/factories';
import { waitFor } from '../support/poll';
import { kill, startWorkerProcess } from '../support/processes';

const ROWS = 250;
const t0 = Date.now();
const phase = (m: string) => process.env.FAULT_DEBUG && console.log(`${Date.now() - t0} ms: ${m}`);

/** One import file: mostly good rows, every 25th broken, the same for both runs. */
function importFile(): Record<string, unknown>[] {
  return Array.from({ length: ROWS }, (_, i) => decisionRow(i % 25 === 7 ? { validFrom: 'vakar', number: `BAD-${i}` } : { number: `KILL-${String(i).padStart(5, '0')}` }));
}

async function outcome(t: TestApp) {
  const [imp] = await t.db.query(`SELECT status, total_rows, processed_rows, imported_rows, unchanged_rows, error_rows FROM decision_import`);
  const decisions: { number: string; code: string }[] = await t.db.query(`SELECT d.number, c.personal_code AS code FROM disability_decision d JOIN child c ON c.id = d.child_id ORDER BY d.number`);
  const [{ children }] = await t.db.query(`SELECT count(*)::int AS children FROM child`);
  const [{ cases }] = await t.db.query(`SELECT count(*)::int AS cases FROM child_case`);
  const [{ completed }] = await t.db.query(`SELECT count(*)::int AS completed FROM audit_event WHERE action = 'decision.import_completed'`);
  return { imp, decisions, children, cases, completed };
}

// The worker is killed (SIGKILL) in the middle of a decision import; after a restart the import
// finishes with exactly what an uninterrupted run produces.
describe('fault: worker killed during a decision import', () => {
  let killed: TestApp;
  let clean: TestApp;
  let worker: ChildProcess | null = null;
  const rows = importFile();

  afterAll(async () => {
    if (worker) await kill(worker);
    await killed?.close();
    await clean?.close();
  });

  it('finishes after a restart with the same result as a clean run', async () => {
    clean = await startTestApp({ worker: true });
    await municipalityOrg(clean.db, 'RIGA');
    const cleanAdmin = await userWithSession(clean, 'platform_admin');
    expect((await clean.http().post('/api/decisions/import').set(cleanAdmin.auth).send(rows)).status).toBe(202);
    await clean.flushOutbox();
    await waitFor(async () => (await clean.db.query(`SELECT status FROM decision_import`))[0]?.status === 'completed', 170_000, 500);
    phase('clean run done');
    const expected = await outcome(clean);
    expect(expected.imp.error_rows).toBe(ROWS / 25);

    killed = await startTestApp({ worker: false });
    await municipalityOrg(killed.db, 'RIGA');
    const admin = await userWithSession(killed, 'platform_admin');
    expect((await killed.http().post('/api/decisions/import').set(admin.auth).send(rows)).status).toBe(202);
    await killed.flushOutbox();
    phase('starting worker');
    worker = await startWorkerProcess(killed.env);
    phase('worker started');
    const progressed = await waitFor(async () => {
      const [r] = await killed.db.query(`SELECT processed_rows FROM decision_import`);
      return r.processed_rows >= 20 ? r.processed_rows : null;
    }, 120_000, 50);
    phase(`killing at ${progressed}`);
    await kill(worker);
    const [afterKill] = await killed.db.query(`SELECT status, processed_rows FROM decision_import`);
    expect(afterKill.status).not.toBe('completed');
    expect(afterKill.processed_rows).toBeLessThan(ROWS);
    expect(afterKill.processed_rows).toBeGreaterThanOrEqual(progressed);

    worker = await startWorkerProcess(killed.env);
    phase('second worker started');
    await waitFor(async () => (await killed.db.query(`SELECT status FROM decision_import`))[0]?.status === 'completed', 170_000, 500);
    expect(await outcome(killed)).toEqual(expected);
  }, 420_000);
});
