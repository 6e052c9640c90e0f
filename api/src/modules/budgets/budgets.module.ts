import { DynamicModule, Global, Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service';
import { BasketsService } from './baskets.service';
import { AssessmentsController, BasketsController, FundingRulesController, SupportPlansController } from './budgets.controller';
import { FundingRulesService } from './funding-rules.service';
import { BudgetsProcessor } from './budgets.processor';
import { LedgerService } from './ledger.service';
import { SupportPlansService } from './support-plans.service';

/**
 * Assessments, support plans, baskets and the ledger. Global: contracts and billing move money
 * through LedgerService. The review-reminder processor runs only in the worker.
 */
@Global()
@Module({})
export class BudgetsModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: BudgetsModule,
      controllers: [AssessmentsController, SupportPlansController, BasketsController, FundingRulesController],
      providers: [LedgerService, AssessmentsService, SupportPlansService, BasketsService, FundingRulesService, ...(worker ? [BudgetsProcessor] : [])],
      exports: [LedgerService, AssessmentsService],
    };
  }
}
