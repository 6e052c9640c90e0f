import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { AppError } from '../../../common/errors/app-error';

export interface StripeSettings {
  secretKey: string | null;
  webhookSecret: string | null;
  apiBase: string | null;
}

/**
 * The platform's only door to Stripe: the real SDK, configured from settings. Without a secret key
 * Stripe is off and payments go out as SEPA files. Every money-moving call carries an idempotency key
 * derived from our own id, so a retried job can never pay twice.
 */
export class StripeClient {
  private readonly stripe: Stripe | null;

  constructor(private readonly settings: StripeSettings) {
    if (!settings.secretKey) {
      this.stripe = null;
      return;
    }
    const base = settings.apiBase ? new URL(settings.apiBase) : null;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(base
        ? {
            host: base.hostname,
            port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
            protocol: base.protocol.replace(':', '') as 'http' | 'https',
          }
        : {}),
    });
  }

  get enabled(): boolean {
    return this.stripe !== null;
  }

  private api(): Stripe {
    if (!this.stripe) throw new AppError('STRIPE_NOT_CONFIGURED');
    return this.stripe;
  }

  /** A connected (Express) account for a provider; the same provider always gets the same account. */
  async createConnectedAccount(providerOrganisationId: string, email: string | null, name: string): Promise<string> {
    const account = await this.api().accounts.create(
      {
        type: 'express',
        country: 'LV',
        ...(email ? { email } : {}),
        capabilities: { transfers: { requested: true } },
        business_profile: { name },
        metadata: { providerOrganisationId },
      },
      { idempotencyKey: `account-${providerOrganisationId}` },
    );
    return account.id;
  }

  async createOnboardingLink(accountId: string, refreshUrl: string, returnUrl: string): Promise<string> {
    const link = await this.api().accountLinks.create({ account: accountId, type: 'account_onboarding', refresh_url: refreshUrl, return_url: returnUrl });
    return link.url;
  }

  /** One transfer per provider payment; the idempotency key is the payment id. */
  async createTransfer(input: { paymentId: string; batchId: string; amountCents: number; destination: string; description: string }): Promise<string> {
    const transfer = await this.api().transfers.create(
      {
        amount: input.amountCents,
        currency: 'eur',
        destination: input.destination,
        transfer_group: `batch_${input.batchId}`,
        description: input.description,
        metadata: { paymentId: input.paymentId, batchId: input.batchId },
      },
      { idempotencyKey: `transfer-${input.paymentId}` },
    );
    return transfer.id;
  }

  /** Verifies the signature of a webhook against the signing secret; throws on anything wrong. */
  verifyWebhook(rawBody: Buffer | string, signature: string | undefined): Stripe.Event {
    if (!this.settings.webhookSecret) throw new AppError('STRIPE_NOT_CONFIGURED');
    if (!signature) throw new AppError('STRIPE_SIGNATURE_INVALID');
    try {
      // a stateless helper: it needs no key and makes no request
      return Stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch {
      throw new AppError('STRIPE_SIGNATURE_INVALID');
    }
  }
}

@Injectable()
export class StripeGateway extends StripeClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ secretKey: config.stripeSecretKey, webhookSecret: config.stripeWebhookSecret, apiBase: config.stripeApiBase });
  }
}
