export { BillingRun } from './billing-run.entity';
export { ClaimLine } from './claim-line.entity';
export { Invoice, InvoiceSequence } from './invoice.entity';
export { PayingAccount, Payment, PaymentBatch, StripeAccount, StripeEvent } from './payment.entity';

import { BillingRun } from './billing-run.entity';
import { ClaimLine } from './claim-line.entity';
import { Invoice, InvoiceSequence } from './invoice.entity';
import { PayingAccount, Payment, PaymentBatch, StripeAccount, StripeEvent } from './payment.entity';

export const BILLING_ENTITIES = [BillingRun, Invoice, InvoiceSequence, PaymentBatch, Payment, ClaimLine, PayingAccount, StripeAccount, StripeEvent];
