import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadConfig } from './config/config';
import { log, setLogLevel } from './common/http/logger';

/** The BullMQ worker: the same code as the API, without HTTP, with every job processor. */
async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel, config.logFile);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, worker: true }), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  log('info', 'worker.started', { queue: config.redisUrl ? 'redis' : 'postgres' });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
