import { apiRequest, ApiError, readTokens } from '../../api/client';

export interface InvoiceRow {
  id: string;
  number: string | null;
  month: string;
  status: string;
  totalCents: number;
  issueDate: string | null;
}
export interface PaymentRow {
  id: string;
  amountCents: number;
  status: string;
  payerKey: string;
  rail: 'sepa' | 'stripe';
  executionDate: string | null;
  paidAt: string | null;
}
export interface StripeStatus {
  enabled: boolean;
  accountId: string | null;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

export const invoices = () => apiRequest<InvoiceRow[]>('/api/invoices?sort=["createdAt","DESC"]&range=[0,99]');
export const payments = () => apiRequest<PaymentRow[]>('/api/payments?sort=["createdAt","DESC"]&range=[0,99]');
export const stripeStatus = () => apiRequest<StripeStatus>('/api/stripe/account');
export const stripeOnboarding = () =>
  apiRequest<{ accountId: string; url: string }>('/api/stripe/onboarding', {
    method: 'POST',
    body: { returnUrl: `${window.location.origin}/portal/payments` },
  });

/** A file of the API (PDF, XML) downloaded with the session's token. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${readTokens()?.accessToken ?? ''}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    throw new ApiError(res.status, body.code ?? 'INTERNAL', `errors.${body.code ?? 'INTERNAL'}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
