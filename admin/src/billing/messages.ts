/** Billing runs, invoices, payment batches and reconciliation: spread into `resources` and `errors` of en.ts and lv.ts. */
const runStatus = {
  en: { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed' },
  lv: { queued: 'Rindā', running: 'Notiek', completed: 'Pabeigts', failed: 'Neizdevās' },
};
const invoiceStatus = {
  en: { draft: 'Draft', approved: 'Approved', partly_paid: 'Partly paid', paid: 'Paid', closed: 'Closed' },
  lv: { draft: 'Melnraksts', approved: 'Apstiprināts', partly_paid: 'Daļēji apmaksāts', paid: 'Apmaksāts', closed: 'Slēgts' },
};
const batchStatus = {
  en: { draft: 'Draft', approved: 'Approved', sent: 'Sent', settled: 'Settled', cancelled: 'Cancelled' },
  lv: { draft: 'Melnraksts', approved: 'Apstiprināts', sent: 'Nosūtīts', settled: 'Nokārtots', cancelled: 'Atcelts' },
};
const paymentStatus = {
  en: { pending: 'Pending', sent: 'Sent', paid: 'Paid', failed: 'Failed', reversed: 'Reversed' },
  lv: { pending: 'Gaida', sent: 'Nosūtīts', paid: 'Samaksāts', failed: 'Neizdevās', reversed: 'Atsaukts' },
};

export const en = {
  resources: {
    'billing-runs': {
      name: 'Billing run |||| Billing runs',
      fields: { month: 'Month', municipalityCode: 'Municipality', providerOrganisationId: 'Provider', status: 'State', percent: 'Progress', providersDone: 'Providers done', providersTotal: 'Providers', linesCreated: 'Claim lines', creditsCreated: 'Credits', visitsSkipped: 'Visits left unbilled', amountCents: 'Amount', attempts: 'Attempts', lastError: 'Last error', createdAt: 'Started', finishedAt: 'Finished' },
      status: runStatus.en,
      actions: { start: 'Start billing run', resume: 'Resume', done: 'Done', progress: '%{done} of %{total} providers' },
    },
    invoices: {
      name: 'Invoice |||| Invoices',
      fields: { number: 'Number', providerName: 'Provider', month: 'Month', status: 'State', totalCents: 'Total', lineCount: 'Lines', issueDate: 'Issued', dueDate: 'Due', approvedAt: 'Approved', createdAt: 'Created', bySource: 'By funding source', lines: 'Lines', paidCents: 'Paid' },
      line: { date: 'Date', service: 'Service', child: 'Child', source: 'Paid by', minutes: 'Minutes', amount: 'Amount', kind: 'Kind', credit: 'Credit', claim: 'Claim', payment: 'Payment' },
      status: invoiceStatus.en,
      actions: { approve: 'Approve invoice', pdf: 'Download PDF', ubl: 'Download e-invoice (UBL)', draftNumber: 'Draft — numbered on approval' },
    },
    'payment-batches': {
      name: 'Payment batch |||| Payment batches',
      fields: { payerKey: 'Paying source', rail: 'Rail', status: 'State', totalCents: 'Total', paymentCount: 'Payments', executionDate: 'Execution date', createdAt: 'Created', approvedAt: 'Approved', payments: 'Payments' },
      payment: { provider: 'Provider', amount: 'Amount', status: 'State', iban: 'IBAN', transfer: 'Stripe transfer' },
      rails: { sepa: 'SEPA file', stripe: 'Stripe Connect' },
      status: batchStatus.en,
      paymentStatus: paymentStatus.en,
      actions: { approve: 'Approve batch', sepa: 'Download SEPA file', executed: 'Mark as executed by the bank' },
    },
    reconciliation: {
      name: 'Reconciliation',
      fields: { from: 'From', to: 'To', ledgerNetSpendCents: 'Spent on the ledger', claimLinesCents: 'Claim lines', invoicedCents: 'On issued invoices', uninvoicedCents: 'Not yet invoiced', paidCents: 'Paid', outstandingCents: 'Outstanding' },
      checks: { ledger_vs_claims: 'Ledger = claim lines', claims_vs_invoices: 'Claim lines = invoiced + not yet invoiced', invoices_vs_payments: 'Invoiced = paid + outstanding' },
      actions: { show: 'Reconcile' },
      balanced: 'Everything adds up to the cent.',
      unbalanced: 'There is a difference.',
      difference: 'Difference',
      mismatches: 'Lines behind the difference',
    },
  },
  errors: {
    BILLING_INVALID_TRANSITION: 'This is not possible in the current state.',
    BILLING_MAKER_CHECKER: 'Someone other than the person who prepared it must approve it.',
    BILLING_NOTHING_TO_PAY: 'There is nothing to pay for this source.',
    BILLING_BANK_DETAILS_MISSING: 'Bank details are missing.',
    BILLING_NOT_ISSUED: 'The invoice has not been issued yet.',
    STRIPE_NOT_CONFIGURED: 'Stripe is not configured.',
    STRIPE_SIGNATURE_INVALID: 'The Stripe signature is not valid.',
    STRIPE_ACCOUNT_MISSING: 'The provider has no Stripe account yet.',
  },
};

export const lv: typeof en = {
  resources: {
    'billing-runs': {
      name: 'Norēķinu palaišana |||| Norēķinu palaišanas',
      fields: { month: 'Mēnesis', municipalityCode: 'Pašvaldība', providerOrganisationId: 'Sniedzējs', status: 'Stāvoklis', percent: 'Progress', providersDone: 'Apstrādāti sniedzēji', providersTotal: 'Sniedzēji', linesCreated: 'Rēķina rindas', creditsCreated: 'Kredīti', visitsSkipped: 'Neapmaksāti apmeklējumi', amountCents: 'Summa', attempts: 'Mēģinājumi', lastError: 'Pēdējā kļūda', createdAt: 'Sākts', finishedAt: 'Pabeigts' },
      status: runStatus.lv,
      actions: { start: 'Sākt norēķinus', resume: 'Turpināt', done: 'Gatavs', progress: '%{done} no %{total} sniedzējiem' },
    },
    invoices: {
      name: 'Rēķins |||| Rēķini',
      fields: { number: 'Numurs', providerName: 'Sniedzējs', month: 'Mēnesis', status: 'Stāvoklis', totalCents: 'Kopā', lineCount: 'Rindas', issueDate: 'Izrakstīts', dueDate: 'Apmaksas termiņš', approvedAt: 'Apstiprināts', createdAt: 'Izveidots', bySource: 'Pa finansējuma avotiem', lines: 'Rindas', paidCents: 'Samaksāts' },
      line: { date: 'Datums', service: 'Pakalpojums', child: 'Bērns', source: 'Maksā', minutes: 'Minūtes', amount: 'Summa', kind: 'Veids', credit: 'Kredīts', claim: 'Pieprasījums', payment: 'Maksājums' },
      status: invoiceStatus.lv,
      actions: { approve: 'Apstiprināt rēķinu', pdf: 'Lejupielādēt PDF', ubl: 'Lejupielādēt e-rēķinu (UBL)', draftNumber: 'Melnraksts — numuru piešķir apstiprinot' },
    },
    'payment-batches': {
      name: 'Maksājumu pakete |||| Maksājumu paketes',
      fields: { payerKey: 'Maksātājs', rail: 'Kanāls', status: 'Stāvoklis', totalCents: 'Kopā', paymentCount: 'Maksājumi', executionDate: 'Izpildes datums', createdAt: 'Izveidota', approvedAt: 'Apstiprināta', payments: 'Maksājumi' },
      payment: { provider: 'Sniedzējs', amount: 'Summa', status: 'Stāvoklis', iban: 'IBAN', transfer: 'Stripe pārskaitījums' },
      rails: { sepa: 'SEPA fails', stripe: 'Stripe Connect' },
      status: batchStatus.lv,
      paymentStatus: paymentStatus.lv,
      actions: { approve: 'Apstiprināt paketi', sepa: 'Lejupielādēt SEPA failu', executed: 'Atzīmēt kā bankas izpildītu' },
    },
    reconciliation: {
      name: 'Salīdzināšana',
      fields: { from: 'No', to: 'Līdz', ledgerNetSpendCents: 'Iztērēts virsgrāmatā', claimLinesCents: 'Rēķinu rindas', invoicedCents: 'Izrakstītajos rēķinos', uninvoicedCents: 'Vēl nav rēķinā', paidCents: 'Samaksāts', outstandingCents: 'Nesamaksāts' },
      checks: { ledger_vs_claims: 'Virsgrāmata = rēķinu rindas', claims_vs_invoices: 'Rindas = rēķinos + vēl nav rēķinā', invoices_vs_payments: 'Rēķinos = samaksāts + nesamaksāts' },
      actions: { show: 'Salīdzināt' },
      balanced: 'Viss sakrīt līdz centam.',
      unbalanced: 'Ir atšķirība.',
      difference: 'Atšķirība',
      mismatches: 'Rindas, kas rada atšķirību',
    },
  },
  errors: {
    BILLING_INVALID_TRANSITION: 'Pašreizējā stāvoklī tas nav iespējams.',
    BILLING_MAKER_CHECKER: 'Apstiprināt drīkst tikai cits cilvēks, ne sagatavotājs.',
    BILLING_NOTHING_TO_PAY: 'Šim avotam nav ko maksāt.',
    BILLING_BANK_DETAILS_MISSING: 'Trūkst bankas rekvizītu.',
    BILLING_NOT_ISSUED: 'Rēķins vēl nav izrakstīts.',
    STRIPE_NOT_CONFIGURED: 'Stripe nav iestatīts.',
    STRIPE_SIGNATURE_INVALID: 'Stripe paraksts nav derīgs.',
    STRIPE_ACCOUNT_MISSING: 'Sniedzējam vēl nav Stripe konta.',
  },
};
