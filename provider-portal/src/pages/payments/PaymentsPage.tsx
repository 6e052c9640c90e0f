import { useEffect, useState } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import {
  download,
  invoices as fetchInvoices,
  payments as fetchPayments,
  stripeOnboarding,
  stripeStatus,
  type InvoiceRow,
  type PaymentRow,
  type StripeStatus,
} from './api';

/** A provider's issued invoices (PDF and e-invoice), its payments and their state, and Stripe onboarding. */
export function PaymentsPage() {
  const { t, money, date } = useI18n();
  const { user } = useAuth();
  const [invoices, setInvoices] = useState<InvoiceRow[] | null>(null);
  const [payments, setPayments] = useState<PaymentRow[]>([]);
  const [stripe, setStripe] = useState<StripeStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    fetchInvoices().then(setInvoices, setError);
    fetchPayments().then(setPayments, setError);
    if (user?.role === 'provider_admin') stripeStatus().then(setStripe, () => setStripe(null));
  }, [user]);
  if (!invoices) return error ? <ErrorNotice error={error} /> : <Loading />;
  const get = (path: string, filename: string) => download(path, filename).catch(setError);
  const connect = async () => {
    setPending(true);
    try {
      const { url } = await stripeOnboarding();
      window.location.assign(url);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  };
  return (
    <>
      <PageHeading title={t('payments.title')} />
      {error ? <ErrorNotice error={error} /> : null}
      <section aria-labelledby="invoices">
        <h2 id="invoices">{t('payments.invoices.title')}</h2>
        {invoices.length === 0 ? (
          <p>{t('payments.invoices.none')}</p>
        ) : (
          invoices.map((inv) => (
            <article className="card" key={inv.id} data-testid="invoice" aria-labelledby={`inv-${inv.id}`}>
              <h3 id={`inv-${inv.id}`}>{t('payments.invoices.line', { number: inv.number ?? '—', month: inv.month, total: money(inv.totalCents) })}</h3>
              <p data-testid="invoice-status">{t(`payments.invoices.status.${inv.status}` as MessageKey)}</p>
              <button type="button" onClick={() => get(`/api/invoices/${inv.id}/pdf`, `${inv.number ?? inv.id}.pdf`)}>
                {t('payments.invoices.pdf')}
              </button>{' '}
              {inv.number && (
                <button type="button" onClick={() => get(`/api/invoices/${inv.id}/ubl`, `${inv.number}.xml`)}>
                  {t('payments.invoices.ubl')}
                </button>
              )}
            </article>
          ))
        )}
      </section>
      <section aria-labelledby="payments">
        <h2 id="payments">{t('payments.list.title')}</h2>
        {payments.length === 0 ? (
          <p>{t('payments.list.none')}</p>
        ) : (
          <ul>
            {payments.map((p) => (
              <li key={p.id} data-testid="payment">
                {t('payments.list.line', {
                  amount: money(p.amountCents),
                  payer: p.payerKey.replace('MUNICIPALITY:', ''),
                  rail: t(`payments.rail.${p.rail}` as MessageKey),
                })}{' '}
                — <strong>{t(`payments.list.status.${p.status}` as MessageKey)}</strong>
                {p.paidAt ? ` (${date(p.paidAt)})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {user?.role === 'provider_admin' && stripe && (
        <section className="card" aria-labelledby="stripe">
          <h2 id="stripe">{t('payments.stripe.title')}</h2>
          {!stripe.enabled ? (
            <p>{t('payments.stripe.off')}</p>
          ) : stripe.payoutsEnabled ? (
            <p>{t('payments.stripe.ready')}</p>
          ) : (
            <>
              <p>{t('payments.stripe.intro')}</p>
              <button type="button" onClick={connect} disabled={pending}>
                {t(stripe.accountId ? 'payments.stripe.continue' : 'payments.stripe.connect')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
