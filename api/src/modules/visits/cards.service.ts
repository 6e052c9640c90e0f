import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatCardNumber, makeCardNumber } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { cardPdf } from './card-pdf';
import { Card } from './entities/card.entity';
import { FamilyDevice } from './entities/family-device.entity';
import type { BlockCardDto, ProvisionDeviceDto } from './visits.dto';

export const CARD_LIST = { sortable: ['issuedAt', 'status', 'number'], defaultSort: ['issuedAt', 'DESC'] as [string, 'DESC'], filters: ['id', 'childId', 'status', 'number'] };

const cardView = (c: Card) => ({ id: c.id, childId: c.childId, number: c.number, numberFormatted: formatCardNumber(c.number), status: c.status, replacesCardId: c.replacesCardId, issuedAt: c.issuedAt, statusChangedAt: c.statusChangedAt, statusReason: c.statusReason });
const deviceView = (d: FamilyDevice) => ({ id: d.id, childId: d.childId, label: d.label, createdAt: d.createdAt, revokedAt: d.revokedAt });

/** Child cards (issue, block, replace, print) and the family phones that show the rotating QR. */
@Injectable()
export class CardsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly children: ChildAccessService,
  ) {}

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ReturnType<typeof cardView>[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, CARD_LIST);
    return this.db.transaction(async (m) => {
      const { where, params } = this.children.whereVisible(actor, 'cc');
      const qb = m.getRepository(Card).createQueryBuilder('k').where(`EXISTS (SELECT 1 FROM child cc WHERE cc.id = k.child_id AND ${where})`, params);
      const columns: Record<string, string> = { id: 'id', childId: 'child_id', status: 'status', number: 'number' };
      for (const [key, column] of Object.entries(columns)) if (q.filter[key] !== undefined) qb.andWhere(`k.${column}::text IN (:...f_${key})`, { [`f_${key}`]: [q.filter[key]].flat().map(String) });
      const sort: Record<string, string> = { issuedAt: 'issued_at', status: 'status', number: 'number' };
      const [rows, total] = await qb.orderBy(`k.${sort[q.sortField]}`, q.sortOrder).addOrderBy('k.id').skip(q.skip).take(q.take).getManyAndCount();
      await this.audit.record(m, actor, { action: 'card.list', subjectType: 'card', details: { count: rows.length, childIds: [...new Set(rows.map((r) => r.childId))] } });
      return { rows: rows.map(cardView), total, q };
    });
  }

  async get(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const card = await this.visibleCard(m, actor, id);
      await this.audit.record(m, actor, { action: 'card.read', subjectType: 'card', subjectId: id, childId: card.childId });
      return cardView(card);
    });
  }

  async issue(actor: Actor, childId: string) {
    return this.db.transaction(async (m) => {
      await this.children.assertCanRead(m, actor, childId);
      const card = await this.issueIn(m, actor, childId, null);
      return cardView(card);
    });
  }

  async block(actor: Actor, id: string, dto: BlockCardDto) {
    return this.db.transaction(async (m) => {
      const card = await this.visibleCard(m, actor, id, true);
      // a family may report its card lost; blocking for other reasons is the case manager's
      if ((actor.role === 'family' || actor.role === 'participant') && dto.status !== 'lost') throw forbidden();
      if (card.status !== 'active') throw new AppError('CARD_NOT_ACTIVE');
      await m.update(Card, { id }, { status: dto.status, statusChangedAt: new Date(), statusReason: dto.reason ?? dto.status });
      await this.audit.record(m, actor, { action: 'card.blocked', subjectType: 'card', subjectId: id, childId: card.childId, details: { status: dto.status, reason: dto.reason } });
      return cardView(await m.getRepository(Card).findOneByOrFail({ id }));
    });
  }

  /** A new card for the same child; an old card still active is blocked first (it stops verifying at once). */
  async replace(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const old = await this.visibleCard(m, actor, id, true);
      if (old.status === 'active') await m.update(Card, { id }, { status: 'blocked', statusChangedAt: new Date(), statusReason: 'replaced' });
      const card = await this.issueIn(m, actor, old.childId, old.id);
      return cardView(card);
    });
  }

  async pdf(actor: Actor, id: string): Promise<{ file: Buffer; number: string }> {
    return this.db.transaction(async (m) => {
      const card = await this.visibleCard(m, actor, id);
      const rows: { first_name: string; last_name: string }[] = await m.query(`SELECT first_name, last_name FROM child WHERE id = $1`, [card.childId]);
      const initials = rows[0] ? `${rows[0].first_name[0]}. ${rows[0].last_name[0]}.` : '';
      await this.audit.record(m, actor, { action: 'card.printed', subjectType: 'card', subjectId: id, childId: card.childId });
      return { file: cardPdf(card.number, initials), number: card.number };
    });
  }

  // --- family devices -------------------------------------------------------------------------

  /** Provisions a secret to this phone for the child's rotating QR; the child gets a card if it has none. */
  async provisionDevice(actor: Actor, dto: ProvisionDeviceDto) {
    return this.db.transaction(async (m) => {
      await this.children.assertCanRead(m, actor, dto.childId);
      let card = await m.getRepository(Card).findOneBy({ childId: dto.childId, status: 'active' });
      card ??= await this.issueIn(m, actor, dto.childId, null);
      const secret = randomBytes(32).toString('base64url');
      const { identifiers } = await m.insert(FamilyDevice, { childId: dto.childId, userId: actor.userId, label: dto.label, secret });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'family_device.provisioned', subjectType: 'family_device', subjectId: id, childId: dto.childId });
      return { ...deviceView(await m.getRepository(FamilyDevice).findOneByOrFail({ id })), secret, cardNumber: card.number };
    });
  }

  async listDevices(actor: Actor) {
    const rows = await this.db.getRepository(FamilyDevice).find({ where: { userId: actor.userId }, order: { createdAt: 'DESC' } });
    return rows.map(deviceView);
  }

  /** The card number the device should show now (it changes when a card is replaced). */
  async deviceCard(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const d = await m.getRepository(FamilyDevice).findOneBy({ id, userId: actor.userId });
      if (!d || d.revokedAt) throw notFound();
      const card = await m.getRepository(Card).findOneBy({ childId: d.childId, status: 'active' });
      await this.audit.record(m, actor, { action: 'family_device.read', subjectType: 'family_device', subjectId: id, childId: d.childId });
      return { ...deviceView(d), cardNumber: card?.number ?? null };
    });
  }

  async revokeDevice(actor: Actor, id: string) {
    return this.db.transaction(async (m) => {
      const d = await m.getRepository(FamilyDevice).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d || (d.userId !== actor.userId && !(await this.children.canRead(m, actor, d.childId)))) throw notFound();
      if (!d.revokedAt) await m.update(FamilyDevice, { id }, { revokedAt: new Date() });
      await this.audit.record(m, actor, { action: 'family_device.revoked', subjectType: 'family_device', subjectId: id, childId: d.childId });
      return deviceView(await m.getRepository(FamilyDevice).findOneByOrFail({ id }));
    });
  }

  async issueIn(m: EntityManager, actor: Actor, childId: string, replacesCardId: string | null): Promise<Card> {
    if (await m.getRepository(Card).existsBy({ childId, status: 'active' })) throw new AppError('CONFLICT', { childId: 'hasActiveCard' });
    for (let attempt = 0; ; attempt++) {
      const body = `94${String(randomInt(0, 1e9)).padStart(9, '0')}`;
      const number = makeCardNumber(body);
      if (await m.getRepository(Card).existsBy({ number })) {
        if (attempt > 5) throw new Error('could not draw a free card number');
        continue;
      }
      const { identifiers } = await m.insert(Card, { childId, number, replacesCardId, issuedByUserId: actor.userId === '00000000-0000-0000-0000-000000000000' ? null : actor.userId });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: replacesCardId ? 'card.replaced' : 'card.issued', subjectType: 'card', subjectId: id, childId, details: { replacesCardId } });
      return m.getRepository(Card).findOneByOrFail({ id });
    }
  }

  private async visibleCard(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Card> {
    const card = await m.getRepository(Card).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!card || !(await this.children.canRead(m, actor, card.childId))) throw notFound();
    return card;
  }
}
