import type { Cents } from '@lidz/libs';
import { EntityManager } from 'typeorm';
import type { AllocationRow, FundingRuleRow } from './allocation.rules';
import { FALLBACK_REFERENCE_PRICES } from './allocation.rules';

export interface ChildFacts {
  id: string;
  birthDate: string;
  municipalityCode: string;
  householdOrganisationId: string | null;
  caseId: string | null;
  caseManagerUserId: string | null;
}

/** Named queries the budget use cases share (plain SQL over other contexts' tables). */
export const budgetsRepository = {
  async childFacts(m: EntityManager, childId: string): Promise<ChildFacts | null> {
    const rows: { id: string; birth_date: string; municipality_code: string; household_organisation_id: string | null; case_id: string | null; case_manager_user_id: string | null }[] = await m.query(
      `SELECT c.id, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.municipality_code, c.household_organisation_id, cc.id AS case_id, cc.case_manager_user_id
         FROM child c LEFT JOIN child_case cc ON cc.child_id = c.id AND cc.status <> 'closed' WHERE c.id = $1`,
      [childId],
    );
    const r = rows[0];
    return r ? { id: r.id, birthDate: r.birth_date, municipalityCode: r.municipality_code, householdOrganisationId: r.household_organisation_id, caseId: r.case_id, caseManagerUserId: r.case_manager_user_id } : null;
  },

  /** The allocation table valid on `date`. */
  async allocationTable(m: EntityManager, date: string): Promise<AllocationRow[]> {
    const rows: { domain: string; min_level: number; service_code: string; units_per_month: number; age_from: number | null; age_to: number | null }[] = await m.query(
      `SELECT domain, min_level, service_code, units_per_month, age_from, age_to FROM allocation_rule WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1)`,
      [date],
    );
    return rows.map((r) => ({ domain: r.domain as AllocationRow['domain'], minLevel: r.min_level, serviceCode: r.service_code, unitsPerMonth: r.units_per_month, ageFrom: r.age_from, ageTo: r.age_to }));
  },

  /** Funding rules valid on `date`: for each category, the rows of its latest valid_from. */
  async fundingRules(m: EntityManager, date: string): Promise<FundingRuleRow[]> {
    const rows: { category: string; funding_source: string; share_percent: number; transferable: boolean }[] = await m.query(
      `SELECT f.category, f.funding_source, f.share_percent, f.transferable FROM funding_rule f
        WHERE f.valid_from = (SELECT max(g.valid_from) FROM funding_rule g WHERE g.category = f.category AND g.valid_from <= $1)
          AND (f.valid_to IS NULL OR f.valid_to >= $1)`,
      [date],
    );
    return rows.map((r) => ({ category: r.category as FundingRuleRow['category'], fundingSource: r.funding_source as FundingRuleRow['fundingSource'], sharePercent: r.share_percent, transferable: r.transferable }));
  },

  /** The catalogue's reference price of every service on `date` (the catalogue's first prices as a fallback). */
  async referencePrices(m: EntityManager, date: string): Promise<Record<string, Cents>> {
    const prices: Record<string, Cents> = { ...FALLBACK_REFERENCE_PRICES };
    const exists: { t: string | null }[] = await m.query(`SELECT to_regclass('catalogue_price')::text AS t`);
    if (!exists[0]?.t) return prices;
    const rows: { service_code: string; price: string }[] = await m.query(
      `SELECT DISTINCT ON (service_code) service_code, reference_price_cents::text AS price FROM catalogue_price WHERE valid_from <= $1 ORDER BY service_code, valid_from DESC`,
      [date],
    );
    for (const r of rows) prices[r.service_code] = Number(r.price);
    return prices;
  },
};

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's calendar date in Riga (business dates are Europe/Riga). */
export function rigaDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
