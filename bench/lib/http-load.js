'use strict';
// A small load generator over keep-alive HTTP: closed-loop workers (as fast as the server answers) or an
// open-loop fixed rate. Latencies in milliseconds; percentiles by nearest rank.
const http = require('node:http');

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 10) / 10;
}

function summarise(latencies, seconds, errors, statuses) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors,
    statuses,
  };
}

function client(baseUrl) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const u = new URL(baseUrl);
  return function request(method, path, body, token) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: u.hostname,
          port: u.port,
          method,
          path,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json = null;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {
              json = null;
            }
            resolve({ status: res.statusCode, body: json, text });
          });
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  };
}

/**
 * Runs `workers` loops for `seconds`; each loop calls `step(workerIndex)` which returns
 * `{ ok: boolean, status: number }` and is timed.
 */
async function closedLoop({ workers, seconds, step }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        const r = await step(w).catch((e) => ({ ok: false, status: `error:${e.code || e.message}` }));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (!r.ok) errors += 1;
      }
    }),
  );
  return summarise(latencies, Number(process.hrtime.bigint() - started) / 1e9, errors, statuses);
}

/** Starts `step` at a fixed rate regardless of answers (open loop), for `seconds`. */
async function fixedRate({ perSecond, seconds, workers, step }) {
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const total = Math.max(1, Math.round(perSecond * seconds));
  const interval = 1000 / perSecond;
  const started = Date.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = process.hrtime.bigint();
    inflight.push(
      step(i % workers)
        .catch((e) => ({ ok: false, status: `error:${e.code || e.message}` }))
        .then((r) => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (!r.ok) errors += 1;
        }),
    );
  }
  await Promise.all(inflight);
  return summarise(latencies, (Date.now() - started) / 1000, errors, statuses);
}

module.exports = { client, closedLoop, fixedRate, percentile };
