import { DynamicModule, Module } from '@nestjs/common';
import { CaseDeadlinesService } from './case-deadlines.service';
import { CaseOpeningService } from './case-opening.service';
import { CasesController } from './cases.controller';
import { CasesProcessor } from './cases.processor';
import { CasesService } from './cases.service';

@Module({})
export class CasesModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: CasesModule,
      controllers: [CasesController],
      providers: [CasesService, CaseOpeningService, CaseDeadlinesService, ...(worker ? [CasesProcessor] : [])],
      exports: [CaseOpeningService, CaseDeadlinesService, CasesService],
    };
  }
}
