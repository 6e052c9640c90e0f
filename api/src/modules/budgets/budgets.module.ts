import { Global, Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';

/** Assessments, support plans, baskets and the ledger. Global: contracts and billing move money through LedgerService. */
@Global()
@Module({
  providers: [LedgerService],
  exports: [LedgerService],
})
export class BudgetsModule {}
