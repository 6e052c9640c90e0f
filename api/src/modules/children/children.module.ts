import { DynamicModule, Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ChildAccessService } from './child-access.service';
import { ChildrenController } from './children.controller';
import { ChildrenService } from './children.service';
import { ConsentService } from './consent.service';
import { DecisionImportService } from './decision-import.service';
import { DecisionsProcessor } from './decisions.processor';
import { DocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/**
 * Children, representatives, consents and decisions, with cases and caseloads. Global: every context
 * checks child access through ChildAccessService and consents through ConsentService.
 */
@Global()
@Module({})
export class ChildrenModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: ChildrenModule,
      global: true,
      imports: [CasesModule.register(worker)],
      controllers: [ChildrenController, DocumentsController],
      providers: [ChildAccessService, ConsentService, ChildrenService, DecisionImportService, DocumentsService, DocumentStorage, ...(worker ? [DecisionsProcessor] : [])],
      exports: [ChildAccessService, ConsentService],
    };
  }
}
