import { DynamicModule, Global, Module } from '@nestjs/common';
import { ChildAccessService } from './child-access.service';

/** Children, representatives, consents and decisions. Global: every context checks child access through ChildAccessService. */
@Global()
@Module({})
export class ChildrenModule {
  static register(_worker: boolean): DynamicModule {
    return {
      module: ChildrenModule,
      providers: [ChildAccessService],
      exports: [ChildAccessService],
    };
  }
}
