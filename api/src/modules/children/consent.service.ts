import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { currentConsents } from './children.rules';
import { Consent, CONSENT_PURPOSES, ConsentPurpose } from './entities/consent.entity';

/**
 * Consent per purpose. History is append-only; the current state is the latest row. Anything that
 * needs a consent calls `assertConsent` first: no row, or a withdrawal, means no (fail closed).
 */
@Injectable()
export class ConsentService {
  constructor(private readonly audit: AuditService) {}

  async current(m: EntityManager, childId: string): Promise<Record<ConsentPurpose, boolean>> {
    const rows: { id: string; purpose: string; granted: boolean }[] = await m.query(
      `SELECT DISTINCT ON (purpose) id, purpose, granted FROM consent WHERE child_id = $1 ORDER BY purpose, id DESC`,
      [childId],
    );
    return currentConsents(CONSENT_PURPOSES, rows);
  }

  async hasConsent(m: EntityManager, childId: string, purpose: ConsentPurpose): Promise<boolean> {
    return (await this.current(m, childId))[purpose];
  }

  async assertConsent(m: EntityManager, childId: string, purpose: ConsentPurpose): Promise<void> {
    if (!(await this.hasConsent(m, childId, purpose))) throw new AppError('CONSENT_REQUIRED', { consent: purpose });
  }

  async record(m: EntityManager, actor: Actor | null, childId: string, purpose: ConsentPurpose, granted: boolean, source: Consent['source'], givenByName: string | null = null): Promise<string> {
    const { identifiers } = await m.insert(Consent, { childId, purpose, granted, source, givenByUserId: actor && actor.userId !== '00000000-0000-0000-0000-000000000000' ? actor.userId : null, givenByName });
    await this.audit.record(m, actor, { action: granted ? 'consent.given' : 'consent.withdrawn', subjectType: 'consent', subjectId: String(identifiers[0].id), childId, details: { purpose, source } });
    return String(identifiers[0].id);
  }
}
