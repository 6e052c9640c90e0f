'use strict';
// The old-generation heap cap for the API and worker processes. Left to itself, V8 lets the heap grow
// far beyond what the process keeps alive when requests allocate fast (measured: an API at 355 MB peak
// RSS under the scan benchmark, 219 MB with a 160 MB cap and the same throughput). NODE_HEAP_MB
// overrides it; 0 leaves V8's own limit.
const DEFAULT_HEAP_MB = 192;

function heapFlags(env = process.env) {
  const mb = env.NODE_HEAP_MB === undefined ? DEFAULT_HEAP_MB : Number(env.NODE_HEAP_MB);
  return Number.isFinite(mb) && mb > 0 ? [`--max-old-space-size=${Math.round(mb)}`] : [];
}

module.exports = { heapFlags, DEFAULT_HEAP_MB };
