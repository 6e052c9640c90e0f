import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeChild } from './children-factories';
import { makeProvider, makeSpecialist } from './marketplace-factories';

/**
 * The reports' hand-made data set (plain SQL, so it does not depend on other contexts' services). The
 * right answers to every report over it are written in test/integration/reports.test.ts.
 *
 * Spend (all in February 2026, period 2026-01..2026-03):
 *   RIGA      10 children, VM therapy spend 100…1000 EUR (child i: i × 100 EUR); children 1–2 also LM assistance 50 EUR
 *   VALMIERA   5 children, VM therapy 100 EUR each; children 1–3 also LM assistance 200 EUR
 *   CESIS      2 children, VM therapy 70 EUR each
 *   Every VM line: allocated 1 200, indicative 1 500 EUR; every LM line: allocated = indicative = 400 EUR;
 *   commit = spend + 100 EUR (so 100 EUR stays committed per line).
 * April 2026: RIGA children 3–7 and CESIS child 1 spend 10 EUR on VM therapy and 10 EUR on EU therapy
 *   (an EU line in a basket starting in April): overlaps.
 * Unmet (reference 2026-03-31): JELGAVA 6 children with decisions — 2 without case, 1 case without
 *   assessment, 1 assessment without basket, 2 complete (one of which has a SPEECH plan service without
 *   an active contract for 30+ days); LIEPAJA 7 — 5 without case, 2 complete.
 * Waiting times (decisions in May 2026, OGRE): 6 cases, first contact 2,4,6,8,10,12 days after the
 *   decision; 5 assessments signed 10,20,30,40,50 days after first contact; 5 baskets approved 5 days
 *   after signing.
 * Caseloads: manager B has the 4 JELGAVA cases (none contacted, deadline 2026-01-20: overdue), manager C
 *   the 2 LIEPAJA cases, manager A the 6 OGRE cases.
 * Integrity (February 2026): one provider, 10 visits — 7 verified (1 manual), 1 rejected, 2 exceptions;
 *   exception reasons SHORT_VISIT × 2, NO_CHECK_OUT × 1.
 */
export interface ReportData {
  managers: { a: string; b: string; c: string };
  riga: string[];
  providerId: string;
}

const EUR = 100;

async function one<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  const rows: T[] = await db.query(sql, params);
  return rows[0];
}

export async function makeApprovedBasket(
  db: DataSource,
  childId: string,
  municipality: string,
  periodStart = '2026-01-01',
  approvedAt = '2026-01-03T10:00:00Z',
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    `INSERT INTO basket (child_id, municipality_code, status, period_start, period_end, created_by_user_id, approved_at) VALUES ($1, $2, 'active', $3, '2026-12-31', $4, $5) RETURNING id`,
    [childId, municipality, periodStart, randomUUID(), approvedAt],
  );
  return r.id;
}

export async function makeLine(
  db: DataSource,
  basketId: string,
  childId: string,
  category: string,
  source: string,
  allocatedCents: number,
  indicativeCents: number,
): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    `INSERT INTO basket_line (basket_id, child_id, category, funding_source, allocated_cents, indicative_cents) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [basketId, childId, category, source, allocatedCents, indicativeCents],
  );
  await move(db, r.id, 'allocate', allocatedCents, '2026-01-05T10:00:00Z');
  return r.id;
}

export async function move(db: DataSource, lineId: string, kind: string, amountCents: number, at: string): Promise<void> {
  await db.query(`INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id, at) VALUES ($1, $2, $3, 'test', $4, $5)`, [
    lineId,
    kind,
    amountCents,
    randomUUID(),
    at,
  ]);
}

async function spendLine(db: DataSource, lineId: string, spendCents: number): Promise<void> {
  await move(db, lineId, 'commit', spendCents + 100 * EUR, '2026-01-10T10:00:00Z');
  await move(db, lineId, 'spend', spendCents, '2026-02-15T10:00:00Z');
}

async function fundedChild(db: DataSource, municipality: string, vmSpend: number, lmSpend: number | null) {
  const child = await makeChild(db, { municipalityCode: municipality, birthDate: '2016-05-05' });
  const basket = await makeApprovedBasket(db, child.id, municipality);
  const vm = await makeLine(db, basket, child.id, 'therapy', 'VM', 1200 * EUR, 1500 * EUR);
  await spendLine(db, vm, vmSpend);
  if (lmSpend !== null) {
    const lm = await makeLine(db, basket, child.id, 'assistance', 'LM', 400 * EUR, 400 * EUR);
    await spendLine(db, lm, lmSpend);
  }
  return { childId: child.id, vm };
}

async function aprilOverlap(db: DataSource, c: { childId: string; vm: string }, municipality: string): Promise<void> {
  await move(db, c.vm, 'spend', 10 * EUR, '2026-04-10T10:00:00Z');
  const basket = await makeApprovedBasket(db, c.childId, municipality, '2026-04-01', '2026-04-01T10:00:00Z');
  const eu = await makeLine(db, basket, c.childId, 'therapy', 'EU', 50 * EUR, 50 * EUR);
  await move(db, eu, 'commit', 10 * EUR, '2026-04-02T10:00:00Z');
  await move(db, eu, 'spend', 10 * EUR, '2026-04-10T10:00:00Z');
}

async function decision(db: DataSource, childId: string, date: string): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    `INSERT INTO disability_decision (number, child_id, decision_date, kind, special_care, valid_from, valid_to, consent_to_contact) VALUES ($1, $2, $3, 'child', false, $3, NULL, true) RETURNING id`,
    [`T-${randomUUID().slice(0, 12)}`, childId, date],
  );
  return r.id;
}

async function openCase(
  db: DataSource,
  childId: string,
  municipality: string,
  managerId: string,
  decisionId: string,
  firstContactAt: string | null,
  deadline: string,
): Promise<void> {
  await db.query(
    `INSERT INTO child_case (child_id, municipality_code, case_manager_user_id, status, decision_id, first_contact_at, first_contact_deadline) VALUES ($1, $2, $3, 'open', $4, $5, $6)`,
    [childId, municipality, managerId, decisionId, firstContactAt, deadline],
  );
}

async function signedAssessment(db: DataSource, childId: string, signedAt: string): Promise<string> {
  const r = await one<{ id: string }>(
    db,
    `INSERT INTO assessment (child_id, version, status, domains, valid_from, valid_to, review_reminder_on, created_by_user_id, case_manager_signed_at, health_specialist_signed_at, family_signed_at)
     VALUES ($1, 1, 'signed', '{}', '2026-01-01', '2027-12-31', '2027-11-01', $2, $3, $3, $3) RETURNING id`,
    [childId, randomUUID(), signedAt],
  );
  return r.id;
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedReportData(db: DataSource, managers: { a: string; b: string; c: string }): Promise<ReportData> {
  // spend and needs
  const riga: { childId: string; vm: string }[] = [];
  for (let i = 1; i <= 10; i++) riga.push(await fundedChild(db, 'RIGA', i * 100 * EUR, i <= 2 ? 50 * EUR : null));
  for (let i = 1; i <= 5; i++) await fundedChild(db, 'VALMIERA', 100 * EUR, i <= 3 ? 200 * EUR : null);
  const cesis = [await fundedChild(db, 'CESIS', 70 * EUR, null), await fundedChild(db, 'CESIS', 70 * EUR, null)];
  for (const c of riga.slice(2, 7)) await aprilOverlap(db, c, 'RIGA');
  await aprilOverlap(db, cesis[0], 'CESIS');

  // unmet and caseloads
  const unmetChild = async (municipality: string, stage: 'none' | 'case' | 'assessment' | 'complete', manager: string, planGap = false) => {
    const child = await makeChild(db, { municipalityCode: municipality, birthDate: '2015-03-03' });
    const d = await decision(db, child.id, '2026-01-02');
    if (stage === 'none') return;
    await openCase(db, child.id, municipality, manager, d, municipality === 'JELGAVA' ? null : '2026-01-05', '2026-01-20');
    if (stage === 'case') return;
    const assessmentId = await signedAssessment(db, child.id, '2026-01-25T10:00:00Z');
    if (planGap) {
      await db.query(
        `INSERT INTO support_plan (child_id, assessment_id, services, created_by_user_id, created_at) VALUES ($1, $2, $3, $4, '2026-01-26T10:00:00Z')`,
        [
          child.id,
          assessmentId,
          JSON.stringify([{ serviceCode: 'SPEECH', proposedUnitsPerMonth: 4, unitsPerMonth: 4, reason: null, continuitySpecialist: null, goal: null }]),
          randomUUID(),
        ],
      );
    }
    if (stage === 'assessment') return;
    await makeApprovedBasket(db, child.id, municipality, '2026-02-01', '2026-02-01T10:00:00Z');
  };
  for (const s of ['none', 'none', 'case', 'assessment', 'complete'] as const) await unmetChild('JELGAVA', s, managers.b);
  await unmetChild('JELGAVA', 'complete', managers.b, true);
  for (const s of ['none', 'none', 'none', 'none', 'none', 'complete', 'complete'] as const) await unmetChild('LIEPAJA', s, managers.c);

  // waiting times
  for (let i = 0; i < 6; i++) {
    const child = await makeChild(db, { municipalityCode: 'OGRE', birthDate: '2019-07-07' });
    const decided = '2026-05-04';
    const d = await decision(db, child.id, decided);
    const contact = addDays(decided, 2 * (i + 1));
    await openCase(db, child.id, 'OGRE', managers.a, d, contact, addDays(decided, 14));
    if (i === 5) continue;
    const signed = addDays(contact, 10 * (i + 1));
    await signedAssessment(db, child.id, `${signed}T09:00:00Z`);
    await makeApprovedBasket(db, child.id, 'OGRE', '2026-06-01', `${addDays(signed, 5)}T09:00:00Z`);
  }

  // integrity: visits on Riga child 1's VM line
  const provider = await makeProvider(db, { services: ['SPEECH'] });
  const specialist = await makeSpecialist(db, provider.id);
  const contract = await one<{ id: string }>(
    db,
    `INSERT INTO contract (child_id, provider_organisation_id, service_code, basket_line_id, unit_minutes, unit_price_cents, units_per_month, delivery_mode, valid_from, valid_to, status, proposed_by_user_id)
     VALUES ($1, $2, 'SPEECH', $3, 40, 3000, 8, 'individual', '2026-01-01', '2026-12-31', 'active', $4) RETURNING id`,
    [riga[0].childId, provider.id, riga[0].vm, randomUUID()],
  );
  const statuses = ['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'rejected', 'exception', 'exception'];
  for (let i = 0; i < statuses.length; i++) {
    const at = `2026-02-${String(i + 2).padStart(2, '0')}T09:00:00Z`;
    const v = await one<{ id: string }>(
      db,
      `INSERT INTO visit (contract_id, child_id, specialist_id, provider_organisation_id, service_code, check_in_at, check_out_at, status, method, manual)
       VALUES ($1, $2, $3, $4, 'SPEECH', $5, $5::timestamptz + interval '40 minutes', $6, 'card', $7) RETURNING id`,
      [contract.id, riga[0].childId, specialist, provider.id, at, statuses[i], i === 0],
    );
    const reason = statuses[i] === 'exception' ? 'SHORT_VISIT' : statuses[i] === 'rejected' ? 'NO_CHECK_OUT' : null;
    if (reason)
      await db.query(`INSERT INTO visit_exception (visit_id, child_id, provider_organisation_id, reason_code, opened_at) VALUES ($1, $2, $3, $4, $5)`, [
        v.id,
        riga[0].childId,
        provider.id,
        reason,
        at,
      ]);
  }
  return { managers, riga: riga.map((r) => r.childId), providerId: provider.id };
}
