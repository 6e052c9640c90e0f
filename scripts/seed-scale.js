#!/usr/bin/env node
// `npm run seed:scale -- --children 16000 --months 12 [--visits-factor 10] [--providers N] [--case-managers N]
//   [--unbilled-months 1] [--seed N] [--database NAME]`
// Fills a migrated database with the national-scale population (api/src/modules/scale/seed-scale.ts).
// Uses DATABASE_URL (its database, or --database NAME on that server, created when absent), else the
// embedded PostgreSQL of `npm start` (./.data/pg).
'use strict';
require('../bench/ts-register');
const { parseArgs, openDatabase } = require('../bench/lib/db');

async function main() {
  const args = parseArgs(process.argv.slice(2), { children: 16000, months: 12, 'visits-factor': 1, 'unbilled-months': 1 });
  // without DATABASE_URL: the database `lidz_scale` on the embedded server, beside (not inside) `npm start`'s own
  const database = args.database ?? (process.env.DATABASE_URL ? undefined : 'lidz_scale');
  const { url, stop } = await openDatabase({ database, fresh: Boolean(database) && Boolean(args.fresh) });
  const { seedScaleAt } = require('../bench/lib/seed');
  try {
    const stats = await seedScaleAt(url, {
      children: Number(args.children),
      months: Number(args.months),
      visitsFactor: Number(args['visits-factor']),
      unbilledMonths: Number(args['unbilled-months']),
      providers: args.providers ? Number(args.providers) : undefined,
      caseManagers: args['case-managers'] ? Number(args['case-managers']) : undefined,
      seed: args.seed ? Number(args.seed) : undefined,
      log: (l) => console.log(`[seed:scale] ${l}`),
    });
    console.log(
      `[seed:scale] done: ${JSON.stringify({ visits: stats.visits, totalRows: stats.totalRows, rowsPerSecond: stats.rowsPerSecond, seconds: stats.seconds })}`,
    );
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
