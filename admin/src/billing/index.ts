import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import PaymentsIcon from '@mui/icons-material/Payments';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { BillingRunCreate, BillingRunList, BillingRunShow } from './BillingRuns';
import { InvoiceList, InvoiceShow } from './Invoices';
import { PaymentBatchCreate, PaymentBatchList, PaymentBatchShow } from './PaymentBatches';
import { ReconciliationPage } from './Reconciliation';

export const billingRuns: ResourceProps = {
  name: 'billing-runs',
  icon: PlayCircleIcon,
  list: BillingRunList,
  show: BillingRunShow,
  create: BillingRunCreate,
  recordRepresentation: 'month',
};
export const invoices: ResourceProps = { name: 'invoices', icon: ReceiptLongIcon, list: InvoiceList, show: InvoiceShow, recordRepresentation: 'number' };
export const paymentBatches: ResourceProps = {
  name: 'payment-batches',
  icon: PaymentsIcon,
  list: PaymentBatchList,
  show: PaymentBatchShow,
  create: PaymentBatchCreate,
};
export const reconciliation: ResourceProps = { name: 'reconciliation', icon: AccountBalanceIcon, list: ReconciliationPage };
