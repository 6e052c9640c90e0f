import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { AllocationRule } from '../modules/budgets/entities/allocation-rule.entity';
import { Basket } from '../modules/budgets/entities/basket.entity';
import { BasketLine } from '../modules/budgets/entities/basket-line.entity';
import { BasketVersion } from '../modules/budgets/entities/basket-version.entity';
import { FundingRule } from '../modules/budgets/entities/funding-rule.entity';
import { LedgerMovement } from '../modules/budgets/entities/ledger-movement.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Organisation } from '../modules/identity/entities/organisation.entity';
import { PasswordReset } from '../modules/identity/entities/password-reset.entity';
import { RefreshSession } from '../modules/identity/entities/refresh-session.entity';
import { User } from '../modules/identity/entities/user.entity';
import { OutboxMessage } from '../modules/jobs/outbox-message.entity';
import { EmailMessage } from '../modules/notifications/email-message.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { CaseAssignment } from '../modules/cases/entities/case-assignment.entity';
import { CaseDeputy } from '../modules/cases/entities/case-deputy.entity';
import { CaseManagerSetting } from '../modules/cases/entities/case-manager-setting.entity';
import { CaseReview } from '../modules/cases/entities/case-review.entity';
import { ChildCase } from '../modules/cases/entities/child-case.entity';
import { Child } from '../modules/children/entities/child.entity';
import { ChildRepresentative } from '../modules/children/entities/child-representative.entity';
import { Consent } from '../modules/children/entities/consent.entity';
import { DecisionImport } from '../modules/children/entities/decision-import.entity';
import { DisabilityDecision } from '../modules/children/entities/disability-decision.entity';
import { Municipality } from '../modules/children/entities/municipality.entity';

/** Every entity of the platform; the migration drift check compares exactly this list to the schema. */
export const ENTITIES = [Organisation, User, RefreshSession, IdempotencyRecord, PasswordReset, AuditEvent, OutboxMessage, EmailMessage, Notification, Basket, BasketVersion, BasketLine, LedgerMovement, FundingRule, AllocationRule, Municipality, Child, ChildRepresentative, Consent, DisabilityDecision, DecisionImport, ChildCase, CaseAssignment, CaseManagerSetting, CaseDeputy, CaseReview];
