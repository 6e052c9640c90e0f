import { DynamicModule, Module } from '@nestjs/common';
import { PublicReportsController, ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RollupService } from './rollup.service';

@Module({})
export class ReportsModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [ReportsController, PublicReportsController],
      providers: [ReportsService, ReportsRepository, RollupService, ...(worker ? [ReportsProcessor] : [])],
      exports: [RollupService],
    };
  }
}
