// A billing worker that dies for real: it runs a billing run and SIGKILLs itself right after the
// given number of providers has committed — no cleanup, no rollback handlers, connections dropped.
//   node -r test/support/ts-register.js test/support/billing-crash-worker.ts <databaseUrl> <runId> <crashAfter>
import 'reflect-metadata';
import { createDataSource } from '../../api/src/database/data-source';
import { BillingRunner } from '../../api/src/modules/billing/billing-runner';
import { LedgerService } from '../../api/src/modules/budgets/ledger.service';

async function main(): Promise<void> {
  const [url, runId, crashAfter] = process.argv.slice(2);
  const db = createDataSource(url, 2);
  await db.initialize();
  const runner = new BillingRunner(db, new LedgerService());
  await runner.execute(runId, {
    afterProvider: (done) => {
      if (done === Number(crashAfter)) process.kill(process.pid, 'SIGKILL');
    },
  });
  process.stdout.write('finished without crashing\n');
  await db.destroy();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
