import 'reflect-metadata';
import { loadConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './modules/demo/demo-data';

/** Operations the start script and operators run: `migrate`, `seed-demo`, `demo-logins`. */
async function main(command: string | undefined): Promise<void> {
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
    } else {
      throw new Error('usage: cli migrate | seed-demo | demo-logins');
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
