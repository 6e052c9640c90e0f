#!/usr/bin/env node
// Writes a new migration with the SQL that brings a migrated database in line with the entities.
// Usage: npm run migration:generate -- AddCases   (uses DATABASE_URL, or the embedded server)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const name = (process.argv[2] || '').replace(/[^A-Za-z0-9]/g, '');
if (!name) {
  console.error('Give the migration a name: npm run migration:generate -- AddCases');
  process.exit(2);
}

async function main() {
  execFileSync('npx', ['tsc', '-b', 'libs/tsconfig.json', 'api/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  let stop = async () => {};
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const { startEmbeddedPostgres } = require('./lib/embedded-pg');
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', 'pg'), port: Number(process.env.EMBEDDED_PG_PORT || 54329) });
    baseUrl = pg.url;
    stop = pg.stop;
  }
  const scratch = `migration_scratch_${Date.now()}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(baseUrl);
  url.pathname = `/${scratch}`;
  try {
    const { createDataSource } = require(path.join(root, 'api/dist/api/src/database/data-source.js'));
    const ds = createDataSource(url.toString(), 2);
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const ts = Date.now();
    const q = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const cls = `${name}${ts}`;
    const file = path.join(root, 'migrations', `${ts}-${name}.ts`);
    fs.writeFileSync(file, `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`);
    console.log(`Wrote migrations/${path.basename(file)} — add ${cls} to migrations/index.ts and review it.`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
