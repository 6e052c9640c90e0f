'use strict';
// Helper process for embedded-pg.test.js (not a test itself).
//   node child.js <embedded-pg module> hold <dataDir> <port>  start, print one JSON line, then wait to be killed
//   node child.js <embedded-pg module> once <dataDir> <port>  start, query, stop, print one JSON line, exit
const fs = require('node:fs');
const { Client } = require('pg');

const [modulePath, mode, dataDir, port] = process.argv.slice(2);
const { startEmbeddedPostgres, embeddedBinDir } = require(modulePath);

function serverPid(dir) {
  return Number(fs.readFileSync(`${dir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

function uidOf(pid) {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'));
  return Number(line.split(/\s+/)[1]);
}

async function main() {
  const logs = [];
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), fast: true, log: (l) => logs.push(l) });
  const pid = serverPid(pg.dataDir);
  const info = { url: pg.url, dataDir: pg.dataDir, binDir: embeddedBinDir(), logs, pid, serverUid: uidOf(pid), uid: process.getuid() };
  if (mode === 'hold') {
    process.stdout.write(`${JSON.stringify(info)}\n`);
    setInterval(() => {}, 1 << 30);
    return;
  }
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  const { rows } = await client.query('select 1 as one, current_user as role');
  await client.end();
  await pg.stop();
  process.stdout.write(`${JSON.stringify({ ...info, rows })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
