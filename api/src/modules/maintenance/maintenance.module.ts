import { DynamicModule, Module } from '@nestjs/common';
import { PrivacyModule } from '../privacy/privacy.module';
import { MaintenanceProcessor } from './maintenance.processor';

@Module({})
export class MaintenanceModule {
  static register(worker: boolean): DynamicModule {
    return { module: MaintenanceModule, imports: [PrivacyModule], providers: worker ? [MaintenanceProcessor] : [] };
  }
}
