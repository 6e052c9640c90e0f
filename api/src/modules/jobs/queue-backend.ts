import { createPostgresBackend, createRedisBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '../../config/config';

export type QueueBackend = 'postgres' | 'redis';

/**
 * BullMQ runs on Redis when REDIS_URL is set, otherwise on its PostgreSQL backend in the app's own
 * database (schema `bullmq`), so the embedded default needs no Redis. The backend is chosen
 * process-wide before any queue or worker is created.
 */
export function configureQueueBackend(config: AppConfig): { backend: QueueBackend; connection: Record<string, unknown> } {
  if (config.redisUrl) {
    setDefaultBackendFactory(createRedisBackend);
    const u = new URL(config.redisUrl);
    return {
      backend: 'redis',
      connection: {
        host: u.hostname,
        port: Number(u.port || 6379),
        username: u.username || undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
        tls: u.protocol === 'rediss:' ? {} : undefined,
        maxRetriesPerRequest: null,
      },
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return { backend: 'postgres', connection: { connectionString: config.databaseUrl, migrate: true, max: 4 } };
}
