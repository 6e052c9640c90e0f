import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { log } from '../../../common/http/logger';
import { Payment } from '../entities/payment.entity';
import { PaymentsService } from '../payments.service';
import { StripeGateway } from './stripe.gateway';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * Stripe's webhooks, verified with the signing secret and processed once each: the event id is
 * recorded in the same transaction as its effect, so a repeated delivery (or a race of two) changes
 * nothing.
 */
@Injectable()
export class StripeWebhooksService {
  constructor(
    private readonly db: DataSource,
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsService,
  ) {}

  async handle(rawBody: Buffer | string | undefined, signature: string | undefined): Promise<{ received: true; outcome: WebhookOutcome }> {
    const event = this.stripe.verifyWebhook(rawBody ?? '', signature);
    const outcome = await this.db.transaction(async (m) => {
      const first: unknown[] = await m.query(
        `INSERT INTO stripe_event (id, type, outcome) VALUES ($1, $2, 'processing') ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type],
      );
      if (!first.length) return 'duplicate' as const;
      const result = await this.apply(m, event);
      await m.query(`UPDATE stripe_event SET outcome = $2 WHERE id = $1`, [event.id, result]);
      return result;
    });
    log('info', 'stripe.webhook', { eventId: event.id, type: event.type, outcome });
    return { received: true, outcome };
  }

  private async apply(m: EntityManager, event: Stripe.Event): Promise<WebhookOutcome> {
    const obj = event.data.object as unknown as Record<string, unknown>;
    switch (event.type) {
      case 'account.updated': {
        const res = await m.query(`UPDATE stripe_account SET payouts_enabled = $2, details_submitted = $3, updated_at = now() WHERE account_id = $1`, [
          obj.id,
          Boolean(obj.payouts_enabled),
          Boolean(obj.details_submitted),
        ]);
        return rowCount(res) ? 'processed' : 'ignored';
      }
      case 'transfer.created':
      case 'transfer.reversed': {
        const p = await this.paymentOfTransfer(m, obj);
        if (!p) return 'ignored';
        if (event.type === 'transfer.created') {
          if (!p.stripeTransferId) await m.update(Payment, { id: p.id }, { stripeTransferId: String(obj.id) });
          return (await this.payments.movePayment(m, p, 'sent')) || p.status === 'sent' ? 'processed' : 'ignored';
        }
        return (await this.payments.movePayment(m, p, 'reversed', 'transfer_reversed')) ? 'processed' : 'ignored';
      }
      case 'payout.paid':
      case 'payout.failed': {
        // a payout is the connected account's own bank payout: it settles what we transferred to it
        const account = event.account;
        if (!account) return 'ignored';
        const sent = await m.query(
          `SELECT p.id FROM payment p JOIN stripe_account sa ON sa.provider_organisation_id = p.provider_organisation_id
            WHERE sa.account_id = $1 AND p.status = 'sent' AND p.created_at <= to_timestamp($2) ORDER BY p.id FOR UPDATE OF p`,
          [account, event.created],
        );
        for (const { id } of sent as { id: string }[]) {
          const p = await m.getRepository(Payment).findOneByOrFail({ id });
          if (event.type === 'payout.paid') await this.payments.movePayment(m, p, 'paid');
          else await m.update(Payment, { id }, { failureReason: `payout_failed:${String(obj.failure_code ?? 'unknown').slice(0, 60)}` });
        }
        return sent.length ? 'processed' : 'ignored';
      }
      default:
        return 'ignored';
    }
  }

  private async paymentOfTransfer(m: EntityManager, transfer: Record<string, unknown>): Promise<Payment | null> {
    const metadata = (transfer.metadata ?? {}) as Record<string, string>;
    const repo = m.getRepository(Payment);
    const byTransfer =
      typeof transfer.id === 'string' ? await repo.findOne({ where: { stripeTransferId: transfer.id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (byTransfer) return byTransfer;
    const id = metadata.paymentId;
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}

function rowCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
