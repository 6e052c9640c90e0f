import { Injectable } from '@nestjs/common';
import { addCents, assertCents, type Cents } from '@lidz/libs';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import type { ErrorCode } from '../../common/errors/error-codes';
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

/**
 * What one item of a batched spend came to: the movement `spend` would have returned (`repeated` when it
 * already existed), or the code of the error `spend` would have thrown for it.
 */
export type SpendOutcome = { ok: true; movement: LedgerMovement; repeated: boolean } | { ok: false; code: ErrorCode };

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

interface MovementRow {
  id: string;
  basket_line_id: string;
  kind: MovementKind;
  amount_cents: string;
  ref_type: string;
  ref_id: string;
  actor_user_id: string | null;
  reason: string | null;
  at: Date;
}

const MOVEMENT_COLUMNS = ['id', 'basket_line_id', 'kind', 'amount_cents', 'ref_type', 'ref_id', 'actor_user_id', 'reason', 'at'];

function movementOf(r: MovementRow): LedgerMovement {
  return Object.assign(new LedgerMovement(), {
    id: String(r.id),
    basketLineId: r.basket_line_id,
    kind: r.kind,
    amountCents: Number(r.amount_cents),
    refType: r.ref_type,
    refId: r.ref_id,
    actorUserId: r.actor_user_id,
    reason: r.reason,
    at: r.at,
  });
}

/** A line id as PostgreSQL returns it (uuid text is lower case), to match inputs with rows. */
const lineOf = (input: MovementInput) => input.basketLineId.toLowerCase();

/** The idempotency key of a movement of one kind: (line, ref type, ref id). */
const refKey = (basketLineId: string, refType: string, refId: string) => `${basketLineId}\u0000${refType}\u0000${refId}`;

/**
 * The only way money changes on a basket line. Every call locks the line row (SELECT … FOR UPDATE) in
 * the caller's transaction (or its own), derives the balances from the movements, refuses a move that
 * would break `committed + spent ≤ allocated`, and inserts one movement. A repeated call with the same
 * (line, refType, refId, kind) returns the first movement instead of moving money twice.
 *
 * Other contexts call it: contracts commit on approval and release at the end; billing spends a
 * provider's claim lines in one batch (`spendMany`, the same rules with a fixed number of statements) and
 * reverses a voided one.
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

  /**
   * Many spends with a fixed number of statements, with exactly the outcome of calling `spend` once per
   * item, in the given order, each in its own savepoint: the same movements (same columns, inserted in
   * that order), the same repeat rule per (line, ref, kind), the same refusals. An item that `spend`
   * would refuse (money gone, an invalid amount, a conflicting repeat, an unknown line) moves nothing
   * and its outcome carries the error code; the items after it still go through when they fit — the
   * earlier items of a line get its money first.
   *
   * Three statements: the lines are locked in one `SELECT … FOR UPDATE` in id order (two batches sharing
   * lines cannot deadlock); the balances and the earlier movements are read AFTER the lock, in a
   * statement of their own, so they include whatever a transaction we waited for had committed; the new
   * movements go in with one INSERT. `newRefs`: the refs were made by the caller just now (no earlier
   * movement can carry them), so they are not looked up.
   */
  spendMany(manager: EntityManager, actor: Actor | null, items: readonly MovementInput[], opts: { newRefs?: boolean } = {}): Promise<SpendOutcome[]> {
    if (items.length === 0) return Promise.resolve([]);
    const run = (m: EntityManager) => this.spendManyLocked(m, actor, items, opts.newRefs === true);
    return manager.queryRunner?.isTransactionActive ? run(manager) : manager.transaction(run);
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

  private async spendManyLocked(m: EntityManager, actor: Actor | null, items: readonly MovementInput[], newRefs: boolean): Promise<SpendOutcome[]> {
    const outcomes: SpendOutcome[] = new Array(items.length);
    // the checks `moveLocked` makes before it reads anything
    const valid: number[] = [];
    items.forEach((input, i) => {
      if (!Number.isSafeInteger(input.amountCents)) outcomes[i] = { ok: false, code: 'BUDGET_AMOUNT_INVALID' };
      else if (!input.refType || !input.refId) outcomes[i] = { ok: false, code: 'VALIDATION_FAILED' };
      else valid.push(i);
    });
    if (valid.length === 0) return outcomes;

    const wanted = [...new Set(valid.map((i) => items[i].basketLineId))].sort();
    const locked: { id: string }[] = await m.query(`SELECT id FROM basket_line WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [wanted]);
    const lines = locked.map((r) => r.id);
    // per line, the sum of its movements per kind: the balances follow from them (ledger.rules)
    const sums = new Map<string, Map<MovementKind, number>>(lines.map((id) => [id, new Map()]));
    const earlier = new Map<string, LedgerMovement>();
    if (lines.length) {
      const refs = new Map<string, [string, string, string]>();
      for (const i of valid) {
        const { refType, refId } = items[i];
        const line = lineOf(items[i]);
        if (sums.has(line)) refs.set(refKey(line, refType, String(refId)), [line, refType, String(refId)]);
      }
      // refs the caller has just made (billing's new claim-line ids) cannot have moved money before: no
      // lookup for them (the unique index on line, ref and kind still refuses a double)
      const k = newRefs ? [] : [...refs.values()];
      // one statement, after the lock: the sums per kind (rows without an id) and the earlier spends of the same refs
      const rows: (Omit<MovementRow, 'id'> & { id: string | null })[] = await m.query(
        `SELECT NULL::bigint AS id, basket_line_id, kind, sum(amount_cents)::text AS amount_cents,
                NULL::varchar AS ref_type, NULL::varchar AS ref_id, NULL::uuid AS actor_user_id, NULL::text AS reason, NULL::timestamptz AS at
           FROM ledger_movement WHERE basket_line_id = ANY($1::uuid[]) GROUP BY basket_line_id, kind
         UNION ALL
         SELECT ${MOVEMENT_COLUMNS.map((c) => (c === 'amount_cents' ? 'lm.amount_cents::text' : `lm.${c}`)).join(', ')}
           FROM unnest($2::uuid[], $3::varchar[], $4::varchar[]) AS k(line, ref_type, ref_id)
           JOIN ledger_movement lm ON lm.basket_line_id = k.line AND lm.ref_type = k.ref_type AND lm.ref_id = k.ref_id AND lm.kind = 'spend'`,
        [lines, k.map((x) => x[0]), k.map((x) => x[1]), k.map((x) => x[2])],
      );
      for (const r of rows) {
        if (r.id === null) sums.get(r.basket_line_id)!.set(r.kind, Number(r.amount_cents));
        else earlier.set(refKey(r.basket_line_id, r.ref_type, r.ref_id), movementOf({ ...r, id: r.id }));
      }
    }

    // each item in the given order, decided as `moveLocked` decides; an accepted one counts for those after it
    const accepted = new Map<string, number>(); // key → amount, for spends of this batch
    const pending: { i: number; key: string; repeated: boolean }[] = [];
    const toInsert: number[] = [];
    for (const i of valid) {
      const input = items[i];
      const lineSums = sums.get(lineOf(input));
      if (!lineSums) {
        outcomes[i] = { ok: false, code: 'NOT_FOUND' };
        continue;
      }
      const key = refKey(lineOf(input), input.refType, String(input.refId));
      const before = earlier.get(key);
      const priorAmount = before ? before.amountCents : accepted.get(key);
      if (priorAmount !== undefined) {
        if (priorAmount !== input.amountCents) outcomes[i] = { ok: false, code: 'BUDGET_MOVEMENT_CONFLICT' };
        else if (before) outcomes[i] = { ok: true, movement: before, repeated: true };
        else pending.push({ i, key, repeated: true });
        continue;
      }
      const balances = balancesOf([...lineSums].map(([kind, amountCents]) => ({ kind, amountCents })));
      const refusal = checkMovement(balances, 'spend', input.amountCents);
      if (refusal) {
        outcomes[i] = { ok: false, code: refusal };
        continue;
      }
      lineSums.set('spend', addCents(lineSums.get('spend') ?? 0, input.amountCents));
      accepted.set(key, input.amountCents);
      pending.push({ i, key, repeated: false });
      toInsert.push(i);
    }

    if (toInsert.length) {
      const rows = toInsert.map((i) => items[i]);
      // one statement; the ids follow the items' order, as one `spend` after another would have them
      const inserted: MovementRow[] = await m.query(
        `INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id, actor_user_id, reason)
         SELECT u.line, 'spend', u.amount, u.ref_type, u.ref_id, $6::uuid, u.reason
           FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[], $5::text[]) WITH ORDINALITY AS u(line, amount, ref_type, ref_id, reason, n)
          ORDER BY u.n
         RETURNING ${MOVEMENT_COLUMNS.join(', ')}`,
        [
          rows.map((r) => r.basketLineId),
          rows.map((r) => r.amountCents),
          rows.map((r) => r.refType),
          rows.map((r) => String(r.refId)),
          rows.map((r) => r.reason ?? null),
          actor && actor.userId !== SYSTEM_USER ? actor.userId : null,
        ],
      );
      for (const r of inserted) earlier.set(refKey(r.basket_line_id, r.ref_type, r.ref_id), movementOf(r));
    }
    for (const { i, key, repeated } of pending) outcomes[i] = { ok: true, movement: earlier.get(key)!, repeated };
    return outcomes;
  }
}
