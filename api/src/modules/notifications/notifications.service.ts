import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { EmailMessage } from './email-message.entity';
import { MailTransport } from './mail.transport';
import { Notification } from './notification.entity';
import { EmailTemplate, Locale, renderEmail } from './templates';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
  ) {}

  /** Queues an e-mail inside the caller's transaction; it is sent by a job after commit. */
  async queueEmail(manager: EntityManager, to: string, template: EmailTemplate, locale: Locale, params: Record<string, string>): Promise<string> {
    const { subject, body } = renderEmail(template, locale, params);
    const { identifiers } = await manager.insert(EmailMessage, { toAddress: to, template, subject, bodyText: body });
    const emailId = String(identifiers[0].id);
    await this.outbox.enqueue(manager, QUEUES.notifications, 'send-email', `email-${emailId}`, { emailId });
    return emailId;
  }

  /** Sends one queued e-mail at most once: the row is locked and `sent_at` is checked and set together. */
  async deliverEmail(emailId: string): Promise<'sent' | 'already-sent' | 'missing'> {
    let failure: unknown = null;
    const outcome = await this.db.transaction(async (m) => {
      const email = await m.getRepository(EmailMessage).findOne({ where: { id: emailId }, lock: { mode: 'pessimistic_write' } });
      if (!email) return 'missing' as const;
      if (email.sentAt) return 'already-sent' as const;
      try {
        await this.transport.send({ id: email.id, to: email.toAddress, subject: email.subject, text: email.bodyText });
      } catch (e) {
        failure = e;
        await m.update(EmailMessage, { id: email.id }, { attempts: email.attempts + 1, lastError: errorText(e) });
        return 'failed' as const;
      }
      await m.update(EmailMessage, { id: email.id }, { sentAt: new Date(), attempts: email.attempts + 1, lastError: null });
      return 'sent' as const;
    });
    // the attempt is recorded first; throwing afterwards lets the job retry with backoff
    if (outcome === 'failed') throw failure;
    return outcome;
  }

  async notify(manager: EntityManager, userId: string, kind: string, titleKey: string, params: Record<string, string | number> = {}): Promise<void> {
    await manager.insert(Notification, { userId, kind, titleKey, params });
  }

  listOwn(actor: Actor, unreadOnly: boolean): Promise<Notification[]> {
    return this.db.getRepository(Notification).find({ where: { userId: actor.userId, ...(unreadOnly ? { readAt: IsNull() } : {}) }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    const repo = this.db.getRepository(Notification);
    const n = await repo.findOne({ where: { id, userId: actor.userId } });
    if (!n) throw new AppError('NOT_FOUND');
    if (!n.readAt) {
      n.readAt = new Date();
      await repo.save(n);
    }
    return n;
  }
}

/** The error's message for the record; errors from Node's own modules may come from another realm, so no instanceof. */
function errorText(e: unknown): string {
  const message = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return message.slice(0, 500) || 'unknown';
}
