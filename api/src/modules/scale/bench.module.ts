import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { BenchController } from './bench.controller';

/** Benchmark-only routes, present only when BENCH_ROUTES=true (refused in production by the config). */
@Module({})
export class BenchModule {
  static register(config: Pick<AppConfig, 'benchRoutes'>): DynamicModule {
    return { module: BenchModule, controllers: config.benchRoutes ? [BenchController] : [] };
  }
}
