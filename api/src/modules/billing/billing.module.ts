import { DynamicModule, Module } from '@nestjs/common';
import { BillingRunsController, InvoicesController, PaymentsController, StripeWebhookController } from './billing.controller';
import { BillingProcessor } from './billing.processor';
import { BillingRunner } from './billing-runner';
import { BillingRunsService } from './billing-runs.service';
import { InvoicesService } from './invoices.service';
import { PaymentsService } from './payments.service';
import { ReconciliationService } from './reconciliation.service';
import { StripeGateway } from './stripe/stripe.gateway';
import { StripeWebhooksService } from './stripe/stripe-webhooks.service';

/** Billing and payments: runs, claim lines, invoices, payment batches, Stripe and SEPA, reconciliation. */
@Module({})
export class BillingModule {
  static register(worker: boolean): DynamicModule {
    return {
      module: BillingModule,
      controllers: [BillingRunsController, InvoicesController, PaymentsController, StripeWebhookController],
      providers: [
        BillingRunner,
        BillingRunsService,
        InvoicesService,
        PaymentsService,
        ReconciliationService,
        StripeGateway,
        StripeWebhooksService,
        ...(worker ? [BillingProcessor] : []),
      ],
      exports: [BillingRunner, InvoicesService, PaymentsService],
    };
  }
}
