import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Organisation } from '../modules/identity/entities/organisation.entity';
import { PasswordReset } from '../modules/identity/entities/password-reset.entity';
import { RefreshSession } from '../modules/identity/entities/refresh-session.entity';
import { User } from '../modules/identity/entities/user.entity';
import { OutboxMessage } from '../modules/jobs/outbox-message.entity';
import { EmailMessage } from '../modules/notifications/email-message.entity';
import { Notification } from '../modules/notifications/notification.entity';

/** Every entity of the platform; the migration drift check compares exactly this list to the schema. */
export const ENTITIES = [Organisation, User, RefreshSession, PasswordReset, AuditEvent, OutboxMessage, EmailMessage, Notification];
