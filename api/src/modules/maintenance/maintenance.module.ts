import { DynamicModule, Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor';

@Module({})
export class MaintenanceModule {
  static register(worker: boolean): DynamicModule {
    return { module: MaintenanceModule, providers: worker ? [MaintenanceProcessor] : [] };
  }
}
