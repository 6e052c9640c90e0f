import { randomBytes } from 'node:crypto';
import * as path from 'node:path';

/**
 * The only place that reads process.env. The process refuses to start on a bad variable and names it.
 * Every variable is listed, with its meaning, in .env.example.
 */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string;
  dbPoolSize: number;
  redisUrl: string | null;
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  authRateLimit: number;
  authRateWindowSeconds: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  smtpUrl: string | null;
  mailFrom: string;
  mailDir: string;
  publicUrl: string;
  webRoot: string | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** LOG_FILE: append the JSON log lines to this file instead of stdout/stderr. */
  logFile: string | null;
  outboxPollMs: number;
  /** Child documents: a local folder by default; S3-compatible storage when S3_BUCKET is set. */
  documentsDir: string;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
  /** Requests per window per IP on public, unauthenticated routes that do work (the benefits finder). */
  publicRateLimit: number;
  publicRateWindowSeconds: number;
  /** Stripe Connect pays providers when a secret key is set; otherwise payments go out as SEPA files. */
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  /** Where the Stripe SDK sends requests (tests and the demo point it at a local fake). */
  stripeApiBase: string | null;
  /** Benchmark-only routes (the one-INSERT baseline of `npm run bench`); never in production. */
  benchRoutes: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, name: string, protocols: string[], required: boolean): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    if (required) throw new ConfigError(name, 'is required');
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must start with ${protocols.join(' or ')}`);
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function benchRoutes(env: Env, mode: string): boolean {
  const on = oneOf(env, 'BENCH_ROUTES', ['true', 'false'] as const, 'false') === 'true';
  if (on && mode === 'production') throw new ConfigError('BENCH_ROUTES', 'must not be true in production');
  return on;
}

/** S3-compatible document storage: all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, or none. */
function s3Config(env: Env): AppConfig['s3'] {
  if (!env.S3_BUCKET) return null;
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:'], true)!;
  for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) if (!env[name]) throw new ConfigError(name, 'is required when S3_BUCKET is set');
  return { endpoint: endpoint.replace(/\/+$/, ''), bucket: env.S3_BUCKET, region: env.S3_REGION || 'us-east-1', accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const mode = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    if (mode === 'production') throw new ConfigError('JWT_SECRET', 'is required in production');
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  const dataDir = env.DATA_DIR || path.resolve('.data');
  return {
    env: mode,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], true)!,
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], false),
    queuePrefix: env.QUEUE_PREFIX || 'lidz',
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 20, 1, 100_000),
    authRateWindowSeconds: int(env, 'AUTH_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 15, 1, 1440),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'], false),
    mailFrom: env.MAIL_FROM || 'Līdz.Vērtīgs <no-reply@lidz-vertigs.lv>',
    mailDir: env.MAIL_DIR || path.join(dataDir, 'mail'),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], false) ?? 'http://localhost:3000',
    webRoot: env.WEB_ROOT || null,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    logFile: env.LOG_FILE ? path.resolve(env.LOG_FILE) : null,
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 50, 600_000),
    documentsDir: env.DOCUMENTS_DIR || path.join(dataDir, 'documents'),
    s3: s3Config(env),
    publicRateLimit: int(env, 'PUBLIC_RATE_LIMIT', 30, 1, 100_000),
    publicRateWindowSeconds: int(env, 'PUBLIC_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    stripeSecretKey: env.STRIPE_SECRET_KEY || null,
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || null,
    stripeApiBase: url(env, 'STRIPE_API_BASE', ['http:', 'https:'], false),
    benchRoutes: benchRoutes(env, mode),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
