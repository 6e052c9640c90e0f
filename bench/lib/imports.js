'use strict';
// Imports: a VDEĀVK file of disability decisions uploaded through the real API and worked through by the
// worker's `decisions` queue, against the floor — a plain COPY of the same file into a table shaped like it.
require('../ts-register');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { withClient } = require('./db');
const { checksumDigit } = require('../../api/src/modules/children/personal-code.rules');
const { DECISION_COLUMNS, MAX_IMPORT_ROWS } = require('../../api/src/modules/children/decision-import.rules');

const FIRST = [
  'Anna',
  'Jānis',
  'Marta',
  'Roberts',
  'Elīza',
  'Kārlis',
  'Sofija',
  'Mārtiņš',
  'Līga',
  'Artūrs',
  'Ieva',
  'Dāvis',
  'Emīlija',
  'Gustavs',
  'Katrīna',
  'Oskars',
];
const LAST = [
  'Bērziņš',
  'Kalniņa',
  'Ozols',
  'Liepiņa',
  'Jansons',
  'Krūmiņa',
  'Zariņš',
  'Vītola',
  'Kļaviņš',
  'Eglīte',
  'Pētersons',
  'Siliņa',
  'Grīnbergs',
  'Āboliņa',
];

/** Today's calendar date in Riga, "YYYY-MM-DD". */
function rigaToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Every date with a day of 1–28 (no 29 February birthdays, so an 18th birthday always exists) in [fromYear, toYear]. */
function birthDates(fromYear, toYear) {
  const out = [];
  for (let y = fromYear; y <= toYear; y++) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 28; d++) out.push(`${y}-${pad(m)}-${pad(d)}`);
  return out;
}

/**
 * Valid old-form personal codes (DDMMYY-CNNNK) of 2000s births with serials from 700 up. The scale
 * generator's codes carry a 0 where the century digit is, so the two ranges never meet; codes already in
 * `taken` (earlier runs, demo data) are skipped. Each candidate is used once, or never when its
 * checksum would be 10.
 */
function* personalCodes(dates, taken) {
  for (let k = 0; ; k++) {
    const serial = 700 + Math.floor(k / dates.length);
    if (serial > 999) throw new Error('ran out of personal codes in the benchmark range');
    const date = dates[k % dates.length];
    const first = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}${Number(date.slice(0, 4)) >= 2000 ? 2 : 1}${serial}`;
    const check = checksumDigit(first);
    if (check === 10) continue;
    const code = `${first.slice(0, 6)}-${first.slice(6)}${check}`;
    if (taken.has(code)) continue;
    yield { code, birthDate: date };
  }
}

/**
 * `rows` distinct, valid decisions for children nobody knows yet: nine in ten are children (kind
 * `child`, valid until the 18th birthday), one in ten young adults with a disability group (lifelong or
 * five years); nine in ten agreed to be contacted, so their cases open. Decided today, so the cases'
 * first-contact timers lie in the future as in real use.
 */
function makeDecisions(rows, { municipalities, takenCodes, numberPrefix, today = rigaToday() }) {
  const year = Number(today.slice(0, 4));
  const children = personalCodes(birthDates(year - 17, year - 1), takenCodes);
  const adults = personalCodes(birthDates(year - 23, year - 19), takenCodes);
  const out = [];
  for (let i = 0; i < rows; i++) {
    const adult = i % 10 === 9;
    const { code, birthDate } = (adult ? adults : children).next().value;
    const validTo = adult
      ? i % 20 === 19
        ? ''
        : `${year + 5}${today.slice(4)}`.replace('-02-29', '-02-28')
      : `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
    out.push({
      number: `${numberPrefix}${pad(i + 1, 6)}`,
      date: today,
      personalCode: code,
      firstName: FIRST[i % FIRST.length],
      lastName: LAST[(i * 7) % LAST.length],
      birthDate,
      municipality: municipalities[i % municipalities.length],
      kind: adult ? ['group_1', 'group_2', 'group_3'][i % 3] : 'child',
      specialCare: i % 7 === 0 ? 'true' : 'false',
      validFrom: today,
      validTo,
      consentToContact: i % 10 === 4 ? 'false' : 'true',
    });
  }
  return out;
}

function csvCell(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The file as a municipality would upload it: a header row, comma-separated, LF line ends, UTF-8. */
function toCsv(decisions) {
  const lines = [DECISION_COLUMNS.join(',')];
  for (const d of decisions) lines.push(DECISION_COLUMNS.map((c) => csvCell(d[c])).join(','));
  return `${lines.join('\n')}\n`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const round = (x, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/**
 * Uploads `decisions` as one CSV file. When the API refuses the file for its size (413: larger than the
 * request body limit; 400 `rows: maxRows`: more rows than one import takes) it is split into the fewest
 * even parts of at most the largest accepted row count (halves when only the body limit was in the way),
 * and each refusal is recorded.
 */
async function upload(api, token, decisions, { fileName, refusals, accepted }) {
  const res = await api.request('POST', '/api/decisions/import/csv', { fileName, csv: toCsv(decisions) }, token);
  if (res.status === 202 || res.status === 201) {
    accepted.push({ id: res.body.id, rows: decisions.length });
    return;
  }
  const tooManyRows = res.status === 400 && res.body?.errors?.rows === 'maxRows';
  const tooLarge = res.status === 413;
  if ((!tooManyRows && !tooLarge) || decisions.length < 2) throw new Error(`decision import upload: ${res.status} ${res.text.slice(0, 300)}`);
  refusals.push({
    rows: decisions.length,
    status: res.status,
    reason: tooManyRows ? `more than ${MAX_IMPORT_ROWS} rows` : 'larger than the request body limit',
  });
  const parts = Math.max(2, Math.ceil(decisions.length / MAX_IMPORT_ROWS));
  const size = Math.ceil(decisions.length / parts);
  for (let i = 0; i < parts; i++) {
    await upload(api, token, decisions.slice(i * size, (i + 1) * size), { fileName: fileName.replace(/\.csv$/, `-${i + 1}.csv`), refusals, accepted });
  }
}

/** The imports' progress from the list route (its answer leaves out the stored rows, which one import's own route loads). */
async function importViews(api, token, ids) {
  const filter = encodeURIComponent(JSON.stringify({ id: ids }));
  const r = await api.request(
    'GET',
    `/api/decision-imports?filter=${filter}&range=${encodeURIComponent(JSON.stringify([0, ids.length - 1]))}`,
    undefined,
    token,
  );
  if (r.status !== 200 || !Array.isArray(r.body) || r.body.length !== ids.length) throw new Error(`decision imports: ${r.status} ${r.text.slice(0, 200)}`);
  return r.body;
}

/**
 * The floor: the same file into a table shaped like it. Server-side COPY from the file (the server must
 * run on this machine and the role be a superuser or hold pg_read_server_files), else COPY FROM PROGRAM
 * 'cat …', else one multi-row INSERT … SELECT FROM unnest(…). The median of `repeat` loads.
 */
async function baseline(dbUrl, decisions, { repeat, log }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-import-bench-'));
  const file = path.join(dir, 'decisions.csv');
  // the database server reads the file as its own OS user
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(file, toCsv(decisions), { mode: 0o644 });
  const table = `bench_import_copy_${crypto.randomBytes(4).toString('hex')}`;
  const columns = DECISION_COLUMNS.map((c) => c.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`));
  const types = { date: 'date', birth_date: 'date', valid_from: 'date', valid_to: 'date', special_care: 'boolean', consent_to_contact: 'boolean' };
  const quoted = file.replace(/'/g, "''");
  const copyOptions = `(FORMAT csv, HEADER true, DELIMITER ',', ENCODING 'UTF8')`;
  const attempts = [
    { method: 'copy', source: 'file', sql: `COPY ${table} (${columns.join(', ')}) FROM '${quoted}' WITH ${copyOptions}` },
    // the temporary directory's path is plain (letters, digits, / . _ -), so it needs no shell quoting
    ...(/^[\w/.-]+$/.test(file)
      ? [{ method: 'copy', source: 'program', sql: `COPY ${table} (${columns.join(', ')}) FROM PROGRAM 'cat ${file}' WITH ${copyOptions}` }]
      : []),
  ];
  const arrays = columns.map((c, i) =>
    decisions.map((d) => {
      const v = d[DECISION_COLUMNS[i]];
      return v === '' ? null : String(v);
    }),
  );
  const unnest = {
    method: 'unnest',
    source: 'parameters',
    sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ')})`,
    params: arrays,
  };
  try {
    return await withClient(dbUrl, async (c) => {
      await c.query(`CREATE TEMP TABLE ${table} (${columns.map((c2) => `${c2} ${types[c2] ?? 'text'}`).join(', ')})`);
      let chosen = null;
      const refused = [];
      for (const a of [...attempts, unnest]) {
        try {
          await c.query(a.sql, a.params);
          chosen = a;
          break;
        } catch (e) {
          refused.push(`${a.method} from ${a.source}: ${e.message.slice(0, 120)}`);
        }
      }
      if (!chosen) throw new Error(`no baseline load worked: ${refused.join('; ')}`);
      if (refused.length) log(`baseline: ${refused.join('; ')} — using ${chosen.method} from ${chosen.source}`);
      const times = [];
      for (let i = 0; i < repeat; i++) {
        await c.query(`TRUNCATE ${table}`);
        const t0 = process.hrtime.bigint();
        const r = await c.query(chosen.sql, chosen.params);
        times.push(seconds(t0));
        if (r.rowCount !== decisions.length) throw new Error(`baseline loaded ${r.rowCount} of ${decisions.length} rows`);
      }
      await c.query(`DROP TABLE ${table}`);
      times.sort((a, b) => a - b);
      const s = times[Math.floor(times.length / 2)];
      return { method: chosen.method, source: chosen.source, seconds: round(s, 4), rowsPerSecond: Math.round(decisions.length / s), repeat, refused };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `rows` new disability decisions as one CSV file through POST /api/decisions/import/csv, as `token`'s
 * user (a platform admin: every municipality; a municipality officer may import only their own), timed
 * from the upload to the moment every import it made reports `completed` (the worker's `decisions`
 * queue does the work, row by row). The baseline is a plain COPY of the same file; `ratio` is the
 * import's rows per second over COPY's.
 */
async function importBenchmark(
  dbUrl,
  api,
  { rows = 16000, token, log = () => {}, pollMs = 250, timeoutMs = 60 * 60_000, baselineRepeat = 3, municipalities: only = null } = {},
) {
  if (!token) throw new Error('importBenchmark needs the token of a user who may import decisions');
  const numberPrefix = `VDEAVK-BENCH-${Date.now().toString(36).toUpperCase()}-`;
  const { municipalities, takenCodes, settings } = await withClient(dbUrl, async (c) => {
    const m = (await c.query(`SELECT code FROM municipality ORDER BY code`)).rows.map((r) => r.code).filter((code) => !only || only.includes(code));
    const taken = (await c.query(`SELECT personal_code FROM child WHERE personal_code ~ '^[0-9]{6}-2[0-9]{4}$'`)).rows.map((r) => r.personal_code);
    const clash = (await c.query(`SELECT count(*)::int AS n FROM disability_decision WHERE number LIKE $1`, [`${numberPrefix}%`])).rows[0].n;
    if (clash) throw new Error(`decision numbers ${numberPrefix}… already exist`);
    // settings that change what the figure means: without autovacuum the queue's tables are never
    // analysed as they grow; synchronous commit is a flush per row transaction
    const [settings] = (
      await c.query(
        `SELECT current_setting('autovacuum') AS autovacuum, current_setting('synchronous_commit') AS "synchronousCommit", current_setting('fsync') AS fsync`,
      )
    ).rows;
    return { municipalities: m, takenCodes: new Set(taken), settings };
  });
  if (!municipalities.length) throw new Error('no municipalities in the database');
  const decisions = makeDecisions(rows, { municipalities, takenCodes, numberPrefix });
  const codes = decisions.map((d) => d.personalCode);
  if (new Set(codes).size !== rows) throw new Error('generated personal codes are not distinct');
  log(`imports: ${rows} decisions over ${municipalities.length} municipalities, CSV ${Math.round(Buffer.byteLength(toCsv(decisions)) / 1024)} KB`);

  // ---- the import, through the API and the worker
  const refusals = [];
  const accepted = [];
  const t0 = process.hrtime.bigint();
  await upload(api, token, decisions, { fileName: `vdeavk-${rows}.csv`, refusals, accepted });
  const uploadSeconds = seconds(t0);
  if (refusals.length)
    log(`imports: the file was refused (${refusals.map((r) => `${r.rows} rows: ${r.status} ${r.reason}`).join('; ')}), uploaded as ${accepted.length} files`);
  const ids = accepted.map((a) => a.id);
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  let views;
  for (;;) {
    views = await importViews(api, token, ids);
    if (views.some((v) => v.status === 'failed')) throw new Error(`a decision import failed: ${JSON.stringify(views.filter((v) => v.status === 'failed'))}`);
    if (views.every((v) => v.status === 'completed')) break;
    if (Date.now() > deadline)
      throw new Error(`the decision imports did not finish in ${timeoutMs / 1000} s: ${JSON.stringify(views.map((v) => [v.status, v.processedRows]))}`);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const done = views.reduce((s, v) => s + v.processedRows, 0);
      log(`imports: ${done}/${rows} rows processed after ${seconds(t0).toFixed(0)} s`);
    }
    await sleep(pollMs);
  }
  const wall = seconds(t0);
  const sum = (k) => views.reduce((s, v) => s + v[k], 0);
  const imported = sum('importedRows');
  const failed = sum('errorRows');
  const unchanged = sum('unchangedRows');
  const errors = views.flatMap((v) => v.errors ?? []).slice(0, 10);
  log(`imports: ${imported} imported, ${unchanged} unchanged, ${failed} failed in ${wall.toFixed(1)} s (${Math.round(rows / wall)} rows/s)`);

  // ---- what the database holds afterwards
  const check = await withClient(dbUrl, async (c) => {
    const [r] = (
      await c.query(
        `SELECT (SELECT count(*)::int FROM child WHERE personal_code = ANY($1::varchar[])) AS children,
                (SELECT count(*)::int FROM disability_decision WHERE import_id = ANY($2::uuid[])) AS decisions,
                (SELECT count(*)::int FROM child_case cc JOIN disability_decision d ON d.id = cc.decision_id WHERE d.import_id = ANY($2::uuid[])) AS cases,
                (SELECT extract(epoch FROM max(finished_at) - min(created_at))::float8 FROM decision_import WHERE id = ANY($2::uuid[])) AS server_seconds`,
        [codes, ids],
      )
    ).rows;
    return r;
  });

  // ---- the floor
  const base = await baseline(dbUrl, decisions, { repeat: baselineRepeat, log });
  log(`imports baseline (${base.method} from ${base.source}): ${rows} rows in ${base.seconds} s (${base.rowsPerSecond} rows/s)`);

  const rowsPerSecond = Math.round((rows / wall) * 10) / 10;
  return {
    rows,
    seconds: round(wall, 2),
    rowsPerSecond,
    accepted: imported,
    failed,
    unchanged,
    errors,
    files: accepted.length,
    fileRows: accepted.map((a) => a.rows),
    refusals,
    uploadSeconds: round(uploadSeconds, 2),
    serverSeconds: round(check.server_seconds, 2),
    database: { children: check.children, decisions: check.decisions, casesOpened: check.cases },
    server: settings,
    baseline: base,
    ratio: round(rowsPerSecond / base.rowsPerSecond, 5),
  };
}

module.exports = { importBenchmark, makeDecisions, toCsv, rigaToday };
