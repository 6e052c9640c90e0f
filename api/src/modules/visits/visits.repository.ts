import { EntityManager } from 'typeorm';
import type { ContractFacts, OtherVisit } from './visits.rules';

/** The contract as visits need it; read by plain SQL from the marketplace's tables. */
export interface ContractRow extends ContractFacts {
  id: string;
  childId: string;
  providerOrganisationId: string;
  serviceCode: string;
  deliveryMode: string;
  committedCents: number;
}

/** Named queries of the visits context over its own and neighbouring tables. */
export const visitsRepository = {
  async findContract(m: EntityManager, contractId: string): Promise<ContractRow | null> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT c.id, c.child_id, c.provider_organisation_id, c.service_code, c.status, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
              COALESCE(c.unit_minutes, cs.unit_minutes, 60) AS unit_minutes, c.unit_price_cents, c.units_per_month, c.delivery_mode, c.committed_cents,
              ARRAY(SELECT x.specialist_id::text FROM contract_specialist x WHERE x.contract_id = c.id) AS specialist_ids
         FROM contract c LEFT JOIN catalogue_service cs ON cs.code = c.service_code WHERE c.id = $1`,
      [contractId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: String(r.id),
      childId: String(r.child_id),
      providerOrganisationId: String(r.provider_organisation_id),
      serviceCode: String(r.service_code),
      status: String(r.status),
      validFrom: String(r.valid_from),
      validTo: r.valid_to == null ? null : String(r.valid_to),
      unitMinutes: Number(r.unit_minutes),
      unitPriceCents: Number(r.unit_price_cents),
      unitsPerMonth: Number(r.units_per_month),
      deliveryMode: String(r.delivery_mode),
      committedCents: Number(r.committed_cents ?? 0),
      specialistIds: (r.specialist_ids as string[]) ?? [],
    };
  },

  /** Active contracts of a child with a provider naming the specialist (for scans that do not name one). */
  async findScanContracts(m: EntityManager, childId: string, providerOrganisationId: string, specialistId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT c.id FROM contract c JOIN contract_specialist x ON x.contract_id = c.id AND x.specialist_id = $3
        WHERE c.child_id = $1 AND c.provider_organisation_id = $2 AND c.status = 'active' ORDER BY c.valid_from`,
      [childId, providerOrganisationId, specialistId],
    );
    return rows.map((r) => r.id);
  },

  async findSpecialistIdOfUser(m: EntityManager, userId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM specialist WHERE user_id = $1`, [userId]);
    return rows[0]?.id ?? null;
  },

  /** Other visits of the same specialist, at any provider, whose time may overlap [from, to]. */
  async findVisitsOfSpecialistAround(m: EntityManager, specialistId: string, exceptId: string, from: Date, to: Date): Promise<(OtherVisit & { contractId: string; serviceCode: string; deliveryMode: string; status: string })[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT v.id, v.check_in_at, v.check_out_at, v.group_session_id, v.contract_id, v.service_code, v.status, COALESCE(c.delivery_mode, 'individual') AS delivery_mode
         FROM visit v LEFT JOIN contract c ON c.id = v.contract_id
        WHERE v.specialist_id = $1 AND v.id <> $2 AND v.status <> 'rejected'
          AND v.check_in_at IS NOT NULL AND v.check_out_at IS NOT NULL
          AND v.check_in_at < $4 AND v.check_out_at > $3`,
      [specialistId, exceptId, from, to],
    );
    return rows.map((r) => ({
      id: String(r.id),
      start: new Date(r.check_in_at as string),
      end: new Date(r.check_out_at as string),
      groupSessionId: (r.group_session_id as string | null) ?? null,
      contractId: String(r.contract_id),
      serviceCode: String(r.service_code),
      deliveryMode: String(r.delivery_mode),
      status: String(r.status),
    }));
  },

  /** Verified visits of the contract in a Riga month (YYYY-MM), one visit excluded. */
  async countVerifiedInMonth(m: EntityManager, contractId: string, month: string, exceptId: string): Promise<number> {
    const rows: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM visit WHERE contract_id = $1 AND id <> $3 AND status = 'verified'
          AND to_char(COALESCE(check_in_at, check_out_at) AT TIME ZONE 'Europe/Riga', 'YYYY-MM') = $2`,
      [contractId, month, exceptId],
    );
    return rows[0].n;
  },

  async sumVerifiedPrice(m: EntityManager, contractId: string, exceptId: string): Promise<number> {
    const rows: { s: string }[] = await m.query(`SELECT COALESCE(sum(price_cents), 0)::text AS s FROM visit WHERE contract_id = $1 AND id <> $2 AND status = 'verified'`, [contractId, exceptId]);
    return Number(rows[0].s);
  },
};
