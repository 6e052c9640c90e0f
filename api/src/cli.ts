import 'reflect-metadata';
import { loadConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { AuditChainService } from './modules/audit/audit-chain.service';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './modules/demo/demo-data';
import { backupDatabase, restoreDatabase } from './modules/maintenance/backup';

/** Operations the start script and operators run: `migrate`, `seed-demo`, `demo-logins`, `audit-verify`, `backup FILE`, `restore FILE`. */
async function main(command: string | undefined, arg: string | undefined): Promise<void> {
  if (command === 'demo-logins') {
    process.stdout.write(JSON.stringify({ password: DEMO_PASSWORD, logins: DEMO_LOGINS }) + '\n');
    return;
  }
  const config = loadConfig();
  const db = createDataSource(config.databaseUrl, 2);
  await db.initialize();
  try {
    if (command === 'migrate') {
      const ran = await db.runMigrations({ transaction: 'each' });
      process.stdout.write(`migrations applied: ${ran.length}\n`);
    } else if (command === 'seed-demo') {
      const { seeded, report } = await seedDemo(db);
      process.stdout.write(seeded ? 'demo data loaded\n' : 'demo data already present\n');
      for (const line of report) process.stdout.write(`  ${line}\n`);
    } else if (command === 'audit-verify') {
      const report = await new AuditChainService(db).verify();
      process.stdout.write(`${JSON.stringify(report)}\n`);
      if (report.firstBreak) {
        process.stderr.write(`audit chain broken at position ${report.firstBreak.chainSeq} (event ${report.firstBreak.auditEventId}): ${report.firstBreak.reason}\n`);
        process.exitCode = 2;
      }
    } else if (command === 'backup' && arg) {
      const summary = await backupDatabase(config.databaseUrl, arg);
      process.stdout.write(`${JSON.stringify({ file: arg, ...summary })}\n`);
    } else if (command === 'restore' && arg) {
      await db.runMigrations({ transaction: 'each' });
      const summary = await restoreDatabase(config.databaseUrl, arg);
      process.stdout.write(`${JSON.stringify({ file: arg, ...summary })}\n`);
    } else {
      throw new Error('usage: cli migrate | seed-demo | demo-logins | audit-verify | backup FILE | restore FILE');
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2], process.argv[3]).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
