import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { fieldError, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { integrityScore, quarterOf } from './visits.rules';

const QUARTER = /^\d{4}-Q[1-4]$/;
const quarterSql = `to_char(COALESCE(v.check_in_at, v.check_out_at) AT TIME ZONE 'Europe/Riga', 'YYYY-"Q"Q')`;
const countsSql = `count(*) FILTER (WHERE v.status IN ('verified','exception','rejected'))::int AS total,
  count(*) FILTER (WHERE v.status = 'verified')::int AS verified,
  count(*) FILTER (WHERE v.status = 'verified' AND NOT v.manual)::int AS verified_scanned,
  count(*) FILTER (WHERE v.status = 'rejected')::int AS rejected`;

/** Provider integrity per quarter: 60% × scanned share of accepted visits + 40% × share not rejected. */
@Injectable()
export class IntegrityService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private quarter(raw: unknown): string {
    const q = raw === undefined || raw === '' ? quarterOf(new Date()) : String(raw);
    if (!QUARTER.test(q)) throw fieldError('quarter', 'isQuarter');
    return q;
  }

  /** Every provider's score (back office list), highest risk first. */
  async list(actor: Actor, rawQuarter: unknown) {
    const quarter = this.quarter(rawQuarter);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT o.id, o.name, o.code, ${countsSql}
         FROM organisation o JOIN visit v ON v.provider_organisation_id = o.id AND ${quarterSql} = $1
        WHERE o.kind = 'provider' ${actor.role === 'provider_admin' ? 'AND o.id = $2' : ''}
        GROUP BY o.id ORDER BY o.name`,
      actor.role === 'provider_admin' ? [quarter, actor.organisationId] : [quarter],
    );
    return rows
      .map((r) => ({ id: String(r.id), providerOrganisationId: String(r.id), name: r.name, code: r.code, quarter, ...integrityScore({ total: Number(r.total), verified: Number(r.verified), verifiedScanned: Number(r.verified_scanned), rejected: Number(r.rejected) }) }))
      .sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
  }

  /** One provider's score with the visits behind it (manual and rejected ones) for drill-down. */
  async forProvider(actor: Actor, providerId: string, rawQuarter: unknown) {
    const quarter = this.quarter(rawQuarter);
    if ((actor.role === 'provider_admin' || actor.role === 'specialist') && actor.organisationId !== providerId) throw notFound();
    return this.db.transaction(async (m) => {
      const org: { id: string; name: string }[] = await m.query(`SELECT id, name FROM organisation WHERE id = $1 AND kind = 'provider'`, [providerId]);
      if (!org[0]) throw notFound();
      const [c]: Record<string, unknown>[] = await m.query(`SELECT ${countsSql} FROM visit v WHERE v.provider_organisation_id = $1 AND ${quarterSql} = $2`, [providerId, quarter]);
      const score = integrityScore({ total: Number(c.total), verified: Number(c.verified), verifiedScanned: Number(c.verified_scanned), rejected: Number(c.rejected) });
      // who the visits were with stays with the provider itself and the platform; ministries get the numbers
      const drill = actor.role === 'provider_admin' || actor.role === 'platform_admin';
      const visits = drill
        ? ((await m.query(
            `SELECT v.id, v.status, v.manual, v.manual_reason, v.reasons, v.check_in_at, v.check_out_at, v.service_code FROM visit v
              WHERE v.provider_organisation_id = $1 AND ${quarterSql} = $2 AND (v.manual OR v.status = 'rejected') ORDER BY v.check_in_at DESC NULLS LAST LIMIT 200`,
            [providerId, quarter],
          )) as Record<string, unknown>[]).map((r) => ({ id: r.id, status: r.status, manual: r.manual, manualReason: r.manual_reason, reasons: r.reasons, checkInAt: r.check_in_at, checkOutAt: r.check_out_at, serviceCode: r.service_code }))
        : undefined;
      await this.audit.record(m, actor, { action: 'provider.integrity_read', subjectType: 'organisation', subjectId: providerId, details: { quarter } });
      return { providerOrganisationId: providerId, name: org[0].name, quarter, ...score, visits };
    });
  }
}
