import type { InvoicePdfLabels } from './documents/invoice-pdf';

/** Texts the API itself renders for people (the invoice PDF), in Latvian and English. */
export const INVOICE_PDF_LABELS: Record<'lv' | 'en', InvoicePdfLabels> = {
  lv: {
    title: 'Rēķins',
    draft: 'MELNRAKSTS',
    number: 'Nr.',
    issueDate: 'Izrakstīts',
    period: 'Periods',
    seller: 'Pakalpojumu sniedzējs',
    buyer: 'Maksātājs',
    date: 'Datums',
    service: 'Pakalpojums',
    child: 'Bērns',
    source: 'Avots',
    amount: 'Summa',
    totalBySource: 'Kopā pa finansējuma avotiem',
    total: 'Kopā apmaksai',
    credit: 'Kredīts',
  },
  en: {
    title: 'Invoice',
    draft: 'DRAFT',
    number: 'No.',
    issueDate: 'Issued',
    period: 'Period',
    seller: 'Provider',
    buyer: 'Payer',
    date: 'Date',
    service: 'Service',
    child: 'Child',
    source: 'Source',
    amount: 'Amount',
    totalBySource: 'Totals by funding source',
    total: 'Total due',
    credit: 'Credit',
  },
};
