import { Injectable } from '@nestjs/common';
import { assertCents, type Cents } from '@lidz/libs';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { LedgerMovement } from './entities/ledger-movement.entity';
import { Balances, balancesOf, checkMovement, MovementKind } from './ledger.rules';

/** What caused a movement: a basket version, a contract, a claim line, a transfer … */
export interface MovementInput {
  basketLineId: string;
  amountCents: Cents;
  refType: string;
  refId: string;
  reason?: string | null;
}

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The only way money changes on a basket line. Every call locks the line row (SELECT … FOR UPDATE) in
 * the caller's transaction (or its own), derives the balances from the movements, refuses a move that
 * would break `committed + spent ≤ allocated`, and inserts one movement. A repeated call with the same
 * (line, refType, refId, kind) returns the first movement instead of moving money twice.
 *
 * Other contexts call it: contracts commit on approval and release at the end; billing spends per claim
 * line and reverses a voided one.
 */
@Injectable()
export class LedgerService {
  /** available → committed. Throws BUDGET_INSUFFICIENT_FUNDS rather than overspend. */
  commit(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'commit', input);
  }

  /** committed → available (a contract ended or shrank). */
  release(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'release', input);
  }

  /** committed → spent (a claim line was billed). */
  spend(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'spend', input);
  }

  /** spent → committed (a claim line was voided; release afterwards to free the money). */
  reverse(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'reverse', input);
  }

  /** Changes the line's allocation by a signed amount (basket approval records only the difference). */
  allocate(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'allocate', input);
  }

  /** One side of a transfer between flexible lines; BasketsService pairs them. */
  transfer(manager: EntityManager, actor: Actor | null, input: MovementInput): Promise<LedgerMovement> {
    return this.move(manager, actor, 'transfer', input);
  }

  /** Balances derived from the line's movements (no lock; inside a locked use case they are exact). */
  async balances(manager: EntityManager, basketLineId: string): Promise<Balances> {
    const rows: { kind: MovementKind; amount: string }[] = await manager.query(
      `SELECT kind, sum(amount_cents)::text AS amount FROM ledger_movement WHERE basket_line_id = $1 GROUP BY kind`,
      [basketLineId],
    );
    return balancesOf(rows.map((r) => ({ kind: r.kind, amountCents: Number(r.amount) })));
  }

  /** Balances of many lines at once, for lists and the basket page. */
  async balancesOfLines(manager: EntityManager, lineIds: string[]): Promise<Map<string, Balances>> {
    const out = new Map<string, Balances>();
    if (lineIds.length === 0) return out;
    const rows: { line: string; kind: MovementKind; amount: string }[] = await manager.query(
      `SELECT basket_line_id AS line, kind, sum(amount_cents)::text AS amount FROM ledger_movement WHERE basket_line_id = ANY($1::uuid[]) GROUP BY basket_line_id, kind`,
      [lineIds],
    );
    for (const id of lineIds) out.set(id, balancesOf(rows.filter((r) => r.line === id).map((r) => ({ kind: r.kind, amountCents: Number(r.amount) }))));
    return out;
  }

  private move(manager: EntityManager, actor: Actor | null, kind: MovementKind, input: MovementInput): Promise<LedgerMovement> {
    const run = (m: EntityManager) => this.moveLocked(m, actor, kind, input);
    // a row lock only holds inside a transaction: join the caller's, or open one
    return manager.queryRunner?.isTransactionActive ? run(manager) : manager.transaction(run);
  }

  private async moveLocked(m: EntityManager, actor: Actor | null, kind: MovementKind, input: MovementInput): Promise<LedgerMovement> {
    try {
      assertCents(input.amountCents);
    } catch {
      throw new AppError('BUDGET_AMOUNT_INVALID', { amountCents: 'isInt' });
    }
    if (!input.refType || !input.refId) throw new AppError('VALIDATION_FAILED', { refId: 'isNotEmpty' });
    const locked: { id: string; status: string }[] = await m.query(
      `SELECT l.id, b.status FROM basket_line l JOIN basket b ON b.id = l.basket_id WHERE l.id = $1 FOR UPDATE OF l`,
      [input.basketLineId],
    );
    if (locked.length === 0) throw new AppError('NOT_FOUND');
    const refId = String(input.refId);
    const repo = m.getRepository(LedgerMovement);
    const earlier = await repo.findOne({ where: { basketLineId: input.basketLineId, refType: input.refType, refId, kind } });
    if (earlier) {
      if (earlier.amountCents !== input.amountCents) throw new AppError('BUDGET_MOVEMENT_CONFLICT');
      return earlier;
    }
    if (kind === 'commit' && locked[0].status === 'closed') throw new AppError('BUDGET_BASKET_CLOSED');
    const refusal = checkMovement(await this.balances(m, input.basketLineId), kind, input.amountCents);
    if (refusal) throw new AppError(refusal);
    const { identifiers } = await m.insert(LedgerMovement, {
      basketLineId: input.basketLineId,
      kind,
      amountCents: input.amountCents,
      refType: input.refType,
      refId,
      actorUserId: actor && actor.userId !== SYSTEM_USER ? actor.userId : null,
      reason: input.reason ?? null,
    });
    if (kind === 'allocate' || kind === 'transfer') {
      await m.query(`UPDATE basket_line SET allocated_cents = allocated_cents + $2 WHERE id = $1`, [input.basketLineId, input.amountCents]);
    }
    return repo.findOneByOrFail({ id: String(identifiers[0].id) });
  }
}
