import { appendFileSync } from 'node:fs';

/**
 * Structured JSON logs, one line each. Callers pass ids, codes and durations — never names, personal
 * codes or anything about a child's health. Values that look like a Latvian personal code are masked
 * as a last line of defence.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
let threshold: Level | 'silent' = 'info';
let file: string | null = null;

/** The level, and optionally a file the lines go to instead of stdout/stderr (for collectors, and tests that read the logs). */
export function setLogLevel(level: Level | 'silent', logFile: string | null = null): void {
  threshold = level;
  file = logFile;
}

const PERSONAL_CODE = /\b(\d{6})-?(\d{5})\b/g;

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }).replace(PERSONAL_CODE, '******-*****');
  if (file) appendFileSync(file, line + '\n');
  else (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}
