import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared';
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

/** Another visit of the specialist that may overlap the one being verified. */
export type SpecialistVisit = OtherVisit & { contractId: string; serviceCode: string; deliveryMode: string; status: string };

/** The columns of a contract as visits read it (`c` = contract, `cs` = its catalogue service). */
const CONTRACT_COLUMNS = `c.id, c.child_id, c.provider_organisation_id, c.service_code, c.status, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
  COALESCE(c.unit_minutes, cs.unit_minutes, 60) AS unit_minutes, c.unit_price_cents, c.units_per_month, c.delivery_mode, c.committed_cents,
  ARRAY(SELECT x.specialist_id::text FROM contract_specialist x WHERE x.contract_id = c.id) AS specialist_ids`;

/** One contract row (plain or as JSON) to the shape the rules read. */
function contractFromRow(r: Record<string, unknown>): ContractRow {
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
}

/** Named queries of the visits context over its own and neighbouring tables. */
export const visitsRepository = {
  async findContract(m: EntityManager, contractId: string): Promise<ContractRow | null> {
    const rows: Record<string, unknown>[] = await m.query(`SELECT ${CONTRACT_COLUMNS} FROM contract c LEFT JOIN catalogue_service cs ON cs.code = c.service_code WHERE c.id = $1`, [contractId]);
    return rows[0] ? contractFromRow(rows[0]) : null;
  },

  /**
   * Everything a scan needs after its card is locked, in ONE round trip: the specialist's lock (scans
   * of one specialist are paired one at a time), the contracts the scan may be for (the one named; else
   * the contract of the specialist's open visit with the child, for a check-out, and the active
   * contracts naming the specialist), and for a QR code the child's device secrets and the code's
   * first use. The lock is taken in the same statement, so these reads are as of just before it: the
   * contracts and devices need nothing newer, and the code's first use is guarded by the card lock.
   */
  async scanContext(
    m: EntityManager,
    p: { specialistId: string; childId: string; providerOrganisationId: string; contractId: string | null; checkOut: boolean; cardId: string; tokenStep: number | null; shownAt: Date | null },
  ): Promise<{ contracts: (ContractRow & { openVisit: boolean; candidate: boolean })[]; secrets: string[]; firstUse: { kind: string; specialistId: string; visitId: string | null } | null }> {
    const rows = await preparedQuery<{ contracts: Record<string, unknown>[] | null; secrets: string[] | null; first_use: { kind: string; specialist_id: string; visit_id: string | null } | null }>(
      m,
      'scan-context-v1',
      `WITH ov AS (
         SELECT v.contract_id FROM visit v
          WHERE $5::boolean AND v.child_id = $2 AND v.specialist_id = $1 AND v.provider_organisation_id = $3
            AND v.check_in_at IS NOT NULL AND v.check_out_at IS NULL AND v.status <> 'rejected'
          ORDER BY v.check_in_at DESC LIMIT 1)
       SELECT pg_advisory_xact_lock(hashtext('visit-specialist:' || $1::text)) AS locked,
              (SELECT json_agg(x ORDER BY x.valid_from, x.id) FROM (
                 SELECT ${CONTRACT_COLUMNS},
                        c.id = (SELECT contract_id FROM ov) AS open_visit,
                        (c.child_id = $2 AND c.provider_organisation_id = $3 AND c.status = 'active'
                          AND EXISTS (SELECT 1 FROM contract_specialist s WHERE s.contract_id = c.id AND s.specialist_id = $1)) AS candidate
                   FROM contract c LEFT JOIN catalogue_service cs ON cs.code = c.service_code
                  WHERE CASE WHEN $4::uuid IS NOT NULL THEN c.id = $4::uuid
                             ELSE c.id = (SELECT contract_id FROM ov)
                               OR (c.child_id = $2 AND c.provider_organisation_id = $3 AND c.status = 'active'
                                   AND EXISTS (SELECT 1 FROM contract_specialist s WHERE s.contract_id = c.id AND s.specialist_id = $1)) END) x) AS contracts,
              CASE WHEN $7::int IS NULL THEN NULL
                   ELSE ARRAY(SELECT d.secret FROM family_device d WHERE d.child_id = $2 AND (d.revoked_at IS NULL OR d.revoked_at > $8)) END AS secrets,
              (SELECT json_build_object('kind', s.kind, 'specialist_id', s.specialist_id, 'visit_id', s.visit_id)
                 FROM scan s WHERE $7::int IS NOT NULL AND s.card_id = $6 AND s.token_step = $7 AND s.token_first_use LIMIT 1) AS first_use`,
      [p.specialistId, p.childId, p.providerOrganisationId, p.contractId, p.checkOut, p.cardId, p.tokenStep, p.shownAt],
    );
    const r = rows[0];
    return {
      contracts: (r.contracts ?? []).map((c) => ({ ...contractFromRow(c), openVisit: c.open_visit === true, candidate: c.candidate === true })),
      secrets: r.secrets ?? [],
      firstUse: r.first_use ? { kind: r.first_use.kind, specialistId: r.first_use.specialist_id, visitId: r.first_use.visit_id } : null,
    };
  },

  async findSpecialistIdOfUser(m: EntityManager, userId: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM specialist WHERE user_id = $1`, [userId]);
    return rows[0]?.id ?? null;
  },
};
