import 'reflect-metadata';
import { loadConfig } from './config/config';
import { createHttpApp, listen } from './bootstrap/http';
import { log } from './common/http/logger';

/** The HTTP API. Jobs run in the separate worker process (worker.ts) unless RUN_WORKER_IN_API=true. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config, { worker: process.env.RUN_WORKER_IN_API === 'true' });
  const url = await listen(app, config);
  log('info', 'api.listening', { url, env: config.env, queue: config.redisUrl ? 'redis' : 'postgres' });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
