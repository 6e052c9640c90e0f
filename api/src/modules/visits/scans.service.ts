import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isValidCardNumber, normaliseCardNumber, parseQrPayload, stepStart } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, fieldError, notFound } from '../../common/errors/app-error';
import { preparedQuery } from '../../database/prepared';
import { AuditService } from '../audit/audit.service';
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

  /**
   * One scan, in about ten statements: card lock with the caller's specialist and any stored answer;
   * one context query (specialist lock, contracts, device secrets, the code's first use); pairing;
   * one facts query and one update for the verification; the scan row with its answer; the audit row.
   */
  private async scanInTransaction(m: EntityManager, actor: Actor, dto: ScanDto, cardNumber: string, scannedAt: Date, now: Date): Promise<ScanResult> {
    // the card row lock serialises every scan of one card: a code can be used once, even concurrently
    const [head]: { specialist_id: string | null; stored_actor: string | null; stored_result: ScanResult | null; card_id: string | null; child_id: string | null; card_status: string | null }[] =
      await preparedQuery(
        m,
        'scan-head-v1',
        `SELECT (SELECT sp.id FROM specialist sp WHERE sp.user_id = $2) AS specialist_id,
                st.actor_user_id AS stored_actor, st.result AS stored_result, c.id AS card_id, c.child_id, c.status AS card_status
           FROM (SELECT 1) one
           LEFT JOIN scan st ON st.client_scan_id = $3
           LEFT JOIN LATERAL (SELECT id, child_id, status FROM card WHERE number = $1 FOR UPDATE) c ON true`,
        [cardNumber, actor.userId, dto.clientScanId],
      );
    if (head.stored_actor) {
      if (head.stored_actor !== actor.userId) throw new AppError('CONFLICT', { clientScanId: 'taken' });
      return head.stored_result!;
    }
    const specialistId = head.specialist_id;
    if (!specialistId) throw new AppError('VISIT_NOT_A_SPECIALIST');
    if (!head.card_id) {
      if (dto.method === 'card') throw new AppError('VISIT_CARD_UNKNOWN', { cardNumber: 'unknown' });
      return this.recordForgedWithoutVisit(m, actor, dto, specialistId, scannedAt);
    }
    const card = { id: head.card_id, childId: head.child_id!, status: head.card_status! };
    const token = dto.method === 'qr' ? parseQrPayload(dto.code!)! : null;
    const ctx = await visitsRepository.scanContext(m, {
      specialistId,
      childId: card.childId,
      providerOrganisationId: actor.organisationId,
      contractId: dto.contractId ?? null,
      checkOut: dto.kind === 'check_out',
      cardId: card.id,
      tokenStep: token?.step ?? null,
      // a device revoked after the code was shown still vouches for that code (offline scans sync later)
      shownAt: token ? stepStart(token.step) : null,
    });
    const contract = this.chooseContract(actor, dto, card.childId, specialistId, ctx.contracts);

    let verdict: ScanVerdict;
    let effectiveAt = scannedAt;
    const firstUseOfToken = ctx.firstUse;
    if (token) {
      const j = judgeToken({ text: dto.code!, secrets: ctx.secrets, scannedAt, alreadyUsed: !!firstUseOfToken }, this.verifier.config);
      verdict = j.verdict === 'unreadable' ? 'forged' : j.verdict;
      effectiveAt = j.at;
    } else {
      verdict = 'card';
    }
    if (card.status !== 'active' && verdict !== 'forged') verdict = 'card_blocked';

    const scanId = randomUUID();
    if (verdict === 'forged') {
      await this.audit.record(m, actor, { action: 'security.visit_code_forged', subjectType: 'scan', subjectId: scanId, childId: card.childId, details: { cardId: card.id, contractId: contract.id, specialistId, step: token?.step ?? null } });
    }

    let visit: Visit;
    // a double tap (the same code, same kind, same specialist) is the same scan, not a new visit
    if (verdict === 'reused' && firstUseOfToken && firstUseOfToken.kind === dto.kind && firstUseOfToken.specialistId === specialistId && firstUseOfToken.visitId) {
      visit = await m.getRepository(Visit).findOneByOrFail({ id: firstUseOfToken.visitId });
    } else {
      const visitId = await this.pair(m, actor, { scanId, kind: dto.kind, at: effectiveAt, contract, specialistId, method: dto.method === 'qr' ? 'qr' : 'card' });
      visit = await this.verifier.reverify(m, visitId, now, { contract, pendingScan: { id: scanId, verdict } });
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
    // the scan row is written last, with its answer: the unique clientScanId still settles a race
    await m.insert(Scan, {
      id: scanId,
      clientScanId: dto.clientScanId,
      kind: dto.kind,
      method: dto.method,
      actorUserId: actor.userId,
      specialistId,
      providerOrganisationId: actor.organisationId,
      contractId: contract.id,
      cardId: card.id,
      childId: card.childId,
      tokenStep: token?.step ?? null,
      tokenFirstUse: verdict === 'genuine',
      verdict,
      scannedAt,
      effectiveAt,
      location: dto.location ? { lat: dto.location.lat, lng: dto.location.lng, accuracy: dto.location.accuracy } : null,
      visitId: visit.id,
      result: result as never,
    });
    await this.audit.record(m, actor, { action: 'visit.scanned', subjectType: 'visit', subjectId: visit.id, childId: card.childId, details: { scanId, kind: dto.kind, method: dto.method, verdict, status: visit.status } });
    return result;
  }

  /** A QR naming no card we issued: nothing to verify, but it is recorded and raised as a security event. */
  private async recordForgedWithoutVisit(m: EntityManager, actor: Actor, dto: ScanDto, specialistId: string, scannedAt: Date): Promise<ScanResult> {
    const token = parseQrPayload(dto.code!)!;
    const effectiveAt = stepStart(token.step);
    const scanId = randomUUID();
    const result: ScanResult = { scanId, clientScanId: dto.clientScanId, kind: dto.kind, verdict: 'forged', effectiveAt: effectiveAt.toISOString(), visitId: null, visitStatus: 'rejected', reasons: [], durationMinutes: null };
    await m.insert(Scan, { id: scanId, clientScanId: dto.clientScanId, kind: dto.kind, method: dto.method, actorUserId: actor.userId, specialistId, providerOrganisationId: actor.organisationId, verdict: 'forged', tokenStep: token.step, scannedAt, effectiveAt, result: result as never });
    await this.audit.record(m, actor, { action: 'security.visit_code_forged', subjectType: 'scan', subjectId: scanId, details: { specialistId, unknownCard: true } });
    return result;
  }

  /**
   * The contract the scan is for: the one named (it must be this provider's contract with this child,
   * or it does not exist for the caller); for a check-out, the contract of the specialist's open visit;
   * else the single active contract naming this specialist.
   */
  private chooseContract(actor: Actor, dto: ScanDto, childId: string, specialistId: string, contracts: (ContractRow & { openVisit: boolean; candidate: boolean })[]): ContractRow {
    if (dto.contractId) {
      const c = contracts[0];
      if (!c || c.providerOrganisationId !== actor.organisationId || c.childId !== childId) throw notFound();
      if (actor.role === 'specialist' && !c.specialistIds.includes(specialistId)) throw notFound();
      return c;
    }
    const open = dto.kind === 'check_out' ? contracts.find((c) => c.openVisit) : undefined;
    if (open) return open;
    const candidates = contracts.filter((c) => c.candidate);
    if (candidates.length === 0) throw new AppError('VISIT_NO_CONTRACT', { contractId: 'noContract' });
    if (candidates.length > 1) throw fieldError('contractId', 'ambiguous');
    return candidates[0];
  }

  /**
   * Pairs a scan with the visit it belongs to, whatever order scans arrive in: a check-in takes the
   * nearest later lone check-out, a check-out the nearest earlier lone check-in (within 12 h); a scan
   * that falls inside an already paired visit splits it, so the final pairs are those of time order.
   */
  private async pair(m: EntityManager, actor: Actor, s: { scanId: string; kind: ScanKind; at: Date; contract: ContractRow; specialistId: string; method: 'qr' | 'card' }): Promise<string> {
    const maxMs = this.verifier.config.maxVisitMs;
    const key = { contractId: s.contract.id, specialistId: s.specialistId, childId: s.contract.childId };
    const from = new Date(s.at.getTime() - maxMs);
    const to = new Date(s.at.getTime() + maxMs);
    // one lookup: the lone opposite scan's visit (preferred; the nearest in time) or a visit the scan falls inside
    const checkIn = s.kind === 'check_in';
    const [hit]: { id: string; check_out_at: Date | null; check_out_scan_id: string | null; lone: boolean }[] = await m.query(
      `SELECT v.id, v.check_out_at, v.check_out_scan_id, ${checkIn ? 'v.check_in_at IS NULL' : 'v.check_out_at IS NULL'} AS lone
         FROM visit v
        WHERE v.contract_id = $1 AND v.specialist_id = $2 AND v.child_id = $3
          AND v.status <> 'rejected' AND v.resolution IS NULL AND NOT v.billed AND NOT v.manual
          AND (${checkIn ? 'v.check_in_at IS NULL AND v.check_out_at > $4 AND v.check_out_at <= $5' : 'v.check_out_at IS NULL AND v.check_in_at < $4 AND v.check_in_at >= $5'}
               OR (v.check_in_at < $4 AND v.check_out_at > $4))
        ORDER BY 4 DESC, ${checkIn ? 'v.check_out_at ASC' : 'v.check_in_at DESC'}, v.id
        LIMIT 1`,
      [key.contractId, key.specialistId, key.childId, s.at, checkIn ? to : from],
    );
    if (checkIn) {
      if (hit?.lone) {
        await m.update(Visit, { id: hit.id }, { checkInAt: s.at, checkInScanId: s.scanId });
        return hit.id;
      }
      if (hit) {
        await m.update(Visit, { id: hit.id }, { checkOutAt: null, checkOutScanId: null });
        const id = await this.newVisit(m, actor, s, { checkInAt: s.at, checkInScanId: s.scanId, checkOutAt: hit.check_out_at, checkOutScanId: hit.check_out_scan_id });
        await m.update(Scan, { id: hit.check_out_scan_id! }, { visitId: id });
        await this.verifier.reverify(m, hit.id, new Date());
        return id;
      }
      return this.newVisit(m, actor, s, { checkInAt: s.at, checkInScanId: s.scanId });
    }
    if (hit?.lone) {
      await m.update(Visit, { id: hit.id }, { checkOutAt: s.at, checkOutScanId: s.scanId });
      return hit.id;
    }
    if (hit) {
      await m.update(Visit, { id: hit.id }, { checkOutAt: s.at, checkOutScanId: s.scanId });
      const id = await this.newVisit(m, actor, s, { checkOutAt: hit.check_out_at, checkOutScanId: hit.check_out_scan_id });
      await m.update(Scan, { id: hit.check_out_scan_id! }, { visitId: id });
      await this.verifier.reverify(m, id, new Date());
      return hit.id;
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
