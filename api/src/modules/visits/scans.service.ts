import { Injectable } from '@nestjs/common';
import { isValidCardNumber, normaliseCardNumber, parseQrPayload, stepStart } from '@lidz/libs';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { Card } from './entities/card.entity';
import { FamilyDevice } from './entities/family-device.entity';
import { Scan, ScanKind, ScanVerdict } from './entities/scan.entity';
import { Visit } from './entities/visit.entity';
import { VisitVerifier } from './visit-verifier.service';
import type { ScanDto } from './visits.dto';
import { visitsRepository, type ContractRow } from './visits.repository';
import { judgeToken, withinLateEntryWindow } from './visits.rules';

export interface ScanResult {
  scanId: string;
  clientScanId: string;
  kind: ScanKind;
  verdict: ScanVerdict;
  effectiveAt: string;
  visitId: string | null;
  visitStatus: string | null;
  reasons: string[];
  durationMinutes: number | null;
}

const isUniqueViolation = (e: unknown, constraint: string) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505' && String((e as { constraint?: string }).constraint ?? '').includes(constraint);

/**
 * POST /api/visits/scan. A scan is judged by the time its token proves, paired with the matching
 * scan of the same specialist, child and contract (whatever order they arrive in), and the visit is
 * re-verified. The same clientScanId returns the stored answer.
 */
@Injectable()
export class ScansService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly verifier: VisitVerifier,
  ) {}

  async scan(actor: Actor, dto: ScanDto, now = new Date()): Promise<ScanResult> {
    const scannedAt = new Date(dto.scannedAt);
    if (scannedAt.getTime() > now.getTime() + 5 * 60_000) throw fieldError('scannedAt', 'inFuture');
    if (!withinLateEntryWindow(scannedAt, now, this.verifier.config)) throw new AppError('VISIT_LATE_ENTRY', { scannedAt: 'lateEntry' });
    let cardNumber: string;
    if (dto.method === 'qr') {
      const token = dto.code ? parseQrPayload(dto.code) : null;
      if (!token) throw fieldError('code', dto.code ? 'unreadable' : 'required');
      cardNumber = token.cardNumber;
    } else {
      if (!dto.cardNumber) throw fieldError('cardNumber', 'required');
      if (!isValidCardNumber(dto.cardNumber)) throw fieldError('cardNumber', 'checkDigit');
      cardNumber = normaliseCardNumber(dto.cardNumber);
    }
    try {
      return await this.db.transaction((m) => this.scanInTransaction(m, actor, dto, cardNumber, scannedAt, now));
    } catch (e) {
      // the same clientScanId raced in from two requests: the first one's answer is the answer
      if (isUniqueViolation(e, 'uq_scan_client_scan_id')) {
        const stored = await this.db.getRepository(Scan).findOneBy({ clientScanId: dto.clientScanId });
        if (stored && stored.actorUserId === actor.userId) return stored.result as unknown as ScanResult;
      }
      throw e;
    }
  }

  private async scanInTransaction(m: EntityManager, actor: Actor, dto: ScanDto, cardNumber: string, scannedAt: Date, now: Date): Promise<ScanResult> {
    const replay = await this.storedResult(m, actor, dto.clientScanId);
    if (replay) return replay;
    const specialistId = await visitsRepository.findSpecialistIdOfUser(m, actor.userId);
    if (!specialistId) throw new AppError('VISIT_NOT_A_SPECIALIST');

    // the card row lock serialises every scan of one card: a code can be used once, even concurrently
    const card = await m.getRepository(Card).findOne({ where: { number: cardNumber }, lock: { mode: 'pessimistic_write' } });
    if (!card) {
      if (dto.method === 'card') throw new AppError('VISIT_CARD_UNKNOWN', { cardNumber: 'unknown' });
      return this.recordForgedWithoutVisit(m, actor, dto, specialistId, scannedAt);
    }
    const again = await this.storedResult(m, actor, dto.clientScanId);
    if (again) return again;

    const contract = await this.resolveContract(m, actor, dto, card.childId, specialistId);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('visit-specialist:' || $1))`, [specialistId]);

    let verdict: ScanVerdict;
    let effectiveAt = scannedAt;
    let tokenStep: number | null = null;
    let firstUseOfToken: Scan | null = null;
    if (dto.method === 'qr') {
      const token = parseQrPayload(dto.code!)!;
      tokenStep = token.step;
      // a device revoked after the code was shown still vouches for that code (offline scans sync later)
      const devices = await m.getRepository(FamilyDevice).createQueryBuilder('d')
        .where('d.child_id = :child', { child: card.childId })
        .andWhere('(d.revoked_at IS NULL OR d.revoked_at > :shown)', { shown: stepStart(token.step) })
        .getMany();
      firstUseOfToken = await m.getRepository(Scan).findOneBy({ cardId: card.id, tokenStep: token.step, tokenFirstUse: true });
      const j = judgeToken({ text: dto.code!, secrets: devices.map((d) => d.secret), scannedAt, alreadyUsed: !!firstUseOfToken }, this.verifier.config);
      verdict = j.verdict === 'unreadable' ? 'forged' : j.verdict;
      effectiveAt = j.at;
    } else {
      verdict = 'card';
    }
    if (card.status !== 'active' && verdict !== 'forged') verdict = 'card_blocked';

    const { identifiers } = await m.insert(Scan, {
      clientScanId: dto.clientScanId,
      kind: dto.kind,
      method: dto.method,
      actorUserId: actor.userId,
      specialistId,
      providerOrganisationId: actor.organisationId,
      contractId: contract.id,
      cardId: card.id,
      childId: card.childId,
      tokenStep,
      tokenFirstUse: verdict === 'genuine',
      verdict,
      scannedAt,
      effectiveAt,
      location: dto.location ? { lat: dto.location.lat, lng: dto.location.lng, accuracy: dto.location.accuracy } : null,
    });
    const scanId = String(identifiers[0].id);

    if (verdict === 'forged') {
      await this.audit.record(m, actor, { action: 'security.visit_code_forged', subjectType: 'scan', subjectId: scanId, childId: card.childId, details: { cardId: card.id, contractId: contract.id, specialistId, step: tokenStep } });
    }

    let visit: Visit;
    // a double tap (the same code, same kind, same specialist) is the same scan, not a new visit
    if (verdict === 'reused' && firstUseOfToken && firstUseOfToken.kind === dto.kind && firstUseOfToken.specialistId === specialistId && firstUseOfToken.visitId) {
      visit = await m.getRepository(Visit).findOneByOrFail({ id: firstUseOfToken.visitId });
    } else {
      const visitId = await this.pair(m, actor, { scanId, kind: dto.kind, at: effectiveAt, contract, specialistId, method: dto.method === 'qr' ? 'qr' : 'card' });
      visit = await this.verifier.reverify(m, visitId, now);
    }
    const result: ScanResult = {
      scanId,
      clientScanId: dto.clientScanId,
      kind: dto.kind,
      verdict,
      effectiveAt: effectiveAt.toISOString(),
      visitId: visit.id,
      visitStatus: visit.status,
      reasons: visit.reasons,
      durationMinutes: visit.durationMinutes,
    };
    await m.update(Scan, { id: scanId }, { visitId: visit.id, result: result as never });
    await this.audit.record(m, actor, { action: 'visit.scanned', subjectType: 'visit', subjectId: visit.id, childId: card.childId, details: { scanId, kind: dto.kind, method: dto.method, verdict, status: visit.status } });
    return result;
  }

  private async storedResult(m: EntityManager, actor: Actor, clientScanId: string): Promise<ScanResult | null> {
    const stored = await m.getRepository(Scan).findOneBy({ clientScanId });
    if (!stored) return null;
    if (stored.actorUserId !== actor.userId) throw new AppError('CONFLICT', { clientScanId: 'taken' });
    return stored.result as unknown as ScanResult;
  }

  /** A QR naming no card we issued: nothing to verify, but it is recorded and raised as a security event. */
  private async recordForgedWithoutVisit(m: EntityManager, actor: Actor, dto: ScanDto, specialistId: string, scannedAt: Date): Promise<ScanResult> {
    const token = parseQrPayload(dto.code!)!;
    const effectiveAt = stepStart(token.step);
    const { identifiers } = await m.insert(Scan, { clientScanId: dto.clientScanId, kind: dto.kind, method: dto.method, actorUserId: actor.userId, specialistId, providerOrganisationId: actor.organisationId, verdict: 'forged', tokenStep: token.step, scannedAt, effectiveAt });
    const scanId = String(identifiers[0].id);
    const result: ScanResult = { scanId, clientScanId: dto.clientScanId, kind: dto.kind, verdict: 'forged', effectiveAt: effectiveAt.toISOString(), visitId: null, visitStatus: 'rejected', reasons: [], durationMinutes: null };
    await m.update(Scan, { id: scanId }, { result: result as never });
    await this.audit.record(m, actor, { action: 'security.visit_code_forged', subjectType: 'scan', subjectId: scanId, details: { specialistId, unknownCard: true } });
    return result;
  }

  /**
   * The contract the scan is for: the one named (it must be this provider's contract with this child,
   * or it does not exist for the caller), or the single active contract naming this specialist.
   */
  private async resolveContract(m: EntityManager, actor: Actor, dto: ScanDto, childId: string, specialistId: string): Promise<ContractRow> {
    if (dto.contractId) {
      const c = await visitsRepository.findContract(m, dto.contractId);
      if (!c || c.providerOrganisationId !== actor.organisationId || c.childId !== childId) throw notFound();
      if (actor.role === 'specialist' && !c.specialistIds.includes(specialistId)) throw notFound();
      return c;
    }
    if (dto.kind === 'check_out') {
      const open = await m.getRepository(Visit).findOne({ where: { childId, specialistId, providerOrganisationId: actor.organisationId, checkInAt: Not(IsNull()), checkOutAt: IsNull(), status: Not('rejected') }, order: { checkInAt: 'DESC' } });
      if (open) return (await visitsRepository.findContract(m, open.contractId))!;
    }
    const ids = await visitsRepository.findScanContracts(m, childId, actor.organisationId, specialistId);
    if (ids.length === 0) throw new AppError('VISIT_NO_CONTRACT', { contractId: 'noContract' });
    if (ids.length > 1) throw fieldError('contractId', 'ambiguous');
    return (await visitsRepository.findContract(m, ids[0]))!;
  }

  /**
   * Pairs a scan with the visit it belongs to, whatever order scans arrive in: a check-in takes the
   * nearest later lone check-out, a check-out the nearest earlier lone check-in (within 12 h); a scan
   * that falls inside an already paired visit splits it, so the final pairs are those of time order.
   */
  private async pair(m: EntityManager, actor: Actor, s: { scanId: string; kind: ScanKind; at: Date; contract: ContractRow; specialistId: string; method: 'qr' | 'card' }): Promise<string> {
    const maxMs = this.verifier.config.maxVisitMs;
    const key = { contractId: s.contract.id, specialistId: s.specialistId, childId: s.contract.childId };
    const qb = () => m.getRepository(Visit).createQueryBuilder('v')
      .where('v.contract_id = :contractId AND v.specialist_id = :specialistId AND v.child_id = :childId', key)
      .andWhere(`v.status <> 'rejected' AND v.resolution IS NULL AND NOT v.billed AND NOT v.manual`);
    const from = new Date(s.at.getTime() - maxMs);
    const to = new Date(s.at.getTime() + maxMs);
    if (s.kind === 'check_in') {
      const lone = await qb().andWhere('v.check_in_at IS NULL AND v.check_out_at > :at AND v.check_out_at <= :to', { at: s.at, to }).orderBy('v.check_out_at', 'ASC').getOne();
      if (lone) {
        await m.update(Visit, { id: lone.id }, { checkInAt: s.at, checkInScanId: s.scanId });
        return lone.id;
      }
      const around = await qb().andWhere('v.check_in_at < :at AND v.check_out_at > :at', { at: s.at }).getOne();
      if (around) {
        await m.update(Visit, { id: around.id }, { checkOutAt: null, checkOutScanId: null });
        const id = await this.newVisit(m, actor, s, { checkInAt: s.at, checkInScanId: s.scanId, checkOutAt: around.checkOutAt, checkOutScanId: around.checkOutScanId });
        await m.update(Scan, { id: around.checkOutScanId! }, { visitId: id });
        await this.verifier.reverify(m, around.id, new Date());
        return id;
      }
      return this.newVisit(m, actor, s, { checkInAt: s.at, checkInScanId: s.scanId });
    }
    const lone = await qb().andWhere('v.check_out_at IS NULL AND v.check_in_at < :at AND v.check_in_at >= :from', { at: s.at, from }).orderBy('v.check_in_at', 'DESC').getOne();
    if (lone) {
      await m.update(Visit, { id: lone.id }, { checkOutAt: s.at, checkOutScanId: s.scanId });
      return lone.id;
    }
    const around = await qb().andWhere('v.check_in_at < :at AND v.check_out_at > :at', { at: s.at }).getOne();
    if (around) {
      await m.update(Visit, { id: around.id }, { checkOutAt: s.at, checkOutScanId: s.scanId });
      const id = await this.newVisit(m, actor, s, { checkOutAt: around.checkOutAt, checkOutScanId: around.checkOutScanId });
      await m.update(Scan, { id: around.checkOutScanId! }, { visitId: id });
      await this.verifier.reverify(m, id, new Date());
      return around.id;
    }
    return this.newVisit(m, actor, s, { checkOutAt: s.at, checkOutScanId: s.scanId });
  }

  private async newVisit(m: EntityManager, actor: Actor, s: { contract: ContractRow; specialistId: string; method: 'qr' | 'card' }, times: Partial<Visit>): Promise<string> {
    const { identifiers } = await m.insert(Visit, {
      contractId: s.contract.id,
      childId: s.contract.childId,
      specialistId: s.specialistId,
      providerOrganisationId: s.contract.providerOrganisationId,
      serviceCode: s.contract.serviceCode,
      method: s.method,
      createdByUserId: actor.userId,
      ...times,
    });
    return String(identifiers[0].id);
  }
}
