import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { RequestWithActor } from '../auth/decorators';
import { AppError } from '../errors/app-error';
import { decideOnExisting, IDEMPOTENCY_KEY, requestHash } from './idempotency.rules';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key` for every changing request: the first request with a key runs and its answer is
 * kept; a retry with the same key and the same request gets that answer again (header
 * `Idempotent-Replayed: true`) without running anything; the same key with another request is refused
 * (409). A request that fails keeps nothing, so it may be retried with the same key.
 *
 * The record and the work are separate transactions: if a process dies between them, the key stays
 * "in progress" until it is stale, and a retry then runs the request again — so use cases that create
 * things also carry their own business key (a scan's clientScanId, a billing run's month).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<RequestWithActor>();
    const raw = req.headers['idempotency-key'];
    if (!MUTATING.has(req.method) || raw === undefined) return next.handle();
    return from(this.run(ctx, next, req, Array.isArray(raw) ? raw[0] : raw));
  }

  private async run(ctx: ExecutionContext, next: CallHandler, req: RequestWithActor, key: string): Promise<unknown> {
    if (!IDEMPOTENCY_KEY.test(key)) throw new AppError('VALIDATION_FAILED', { 'Idempotency-Key': 'invalidIdempotencyKey' });
    const scope = req.actor?.userId ?? 'public';
    const hash = requestHash(req.method, req.url, req.body);
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO idempotency_record (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (claimed.length === 0) {
      const replay = await this.onExisting(ctx, scope, key, hash);
      if (replay) return replay.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.db.query(`DELETE FROM idempotency_record WHERE scope = $1 AND key = $2 AND status_code IS NULL`, [scope, key]);
      throw error;
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    await this.db.query(`UPDATE idempotency_record SET status_code = $3, response = $4::jsonb, completed_at = now() WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
    return body;
  }

  /** Returns the stored answer to replay, or nothing when this request may run (a stale attempt taken over). */
  private async onExisting(ctx: ExecutionContext, scope: string, key: string, hash: string): Promise<{ body: unknown } | null> {
    const rows: { request_hash: string; status_code: number | null; response: unknown; created_at: Date }[] = await this.db.query(
      `SELECT request_hash, status_code, response, created_at FROM idempotency_record WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (rows.length === 0) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    const existing = rows[0];
    const decision = decideOnExisting({ requestHash: existing.request_hash, statusCode: existing.status_code, createdAt: new Date(existing.created_at) }, hash, new Date());
    switch (decision.kind) {
      case 'mismatch':
        throw new AppError('IDEMPOTENCY_KEY_REUSED');
      case 'in_progress':
        throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      case 'replay': {
        const reply = ctx.switchToHttp().getResponse<FastifyReply>();
        void reply.status(existing.status_code as number).header('Idempotent-Replayed', 'true');
        return { body: existing.response };
      }
      case 'take_over': {
        const taken: unknown[] = await this.db.query(
          `UPDATE idempotency_record SET created_at = now() WHERE scope = $1 AND key = $2 AND status_code IS NULL AND created_at = $3 RETURNING key`,
          [scope, key, existing.created_at],
        );
        if (taken.length === 0) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
        return null;
      }
    }
  }
}
