import { randomUUID } from 'node:crypto';
import { makeCardNumber } from '@lidz/libs';
import type { EntityManager } from 'typeorm';
import type { DemoContext } from '../demo/demo-data';
import { Card } from './entities/card.entity';
import { Scan } from './entities/scan.entity';
import { Visit } from './entities/visit.entity';
import { VisitVerifier } from './visit-verifier.service';

/**
 * Jānis's card and a few speech-therapy visits registered by card scan: three verified, one that
 * ended after 25 of 40 minutes and waits in his case manager's exception queue (SHORT_VISIT).
 */
export async function seedVisits(m: EntityManager, ctx: DemoContext): Promise<void> {
  const childId = ctx.ids.get('child:janis');
  if (!childId) return;
  const card = await m.getRepository(Card).save(m.getRepository(Card).create({ childId, number: makeCardNumber('94000000001'), issuedByUserId: ctx.userIds.get('vaditajs.riga@lidz.lv') ?? null }));
  ctx.ids.set('card:janis', card.id);

  let contractId = ctx.ids.get('contract:janis:speech');
  if (!contractId) {
    const rows: { id: string }[] = await m.query(`SELECT id FROM contract WHERE child_id = $1 AND status = 'active' ORDER BY valid_from LIMIT 1`, [childId]);
    contractId = rows[0]?.id;
  }
  if (!contractId) {
    ctx.report.push('Visits: no active contract for Jānis yet, so no demo visits.');
    return;
  }
  const [contract]: { provider_organisation_id: string; service_code: string; unit_minutes: number | null }[] = await m.query(`SELECT provider_organisation_id, service_code, unit_minutes FROM contract WHERE id = $1`, [contractId]);
  const [named]: { specialist_id: string }[] = await m.query(`SELECT specialist_id FROM contract_specialist WHERE contract_id = $1 LIMIT 1`, [contractId]);
  const specialistId = ctx.ids.get('specialist:elina') ?? named?.specialist_id;
  if (!specialistId) return;
  const actorUserId = ctx.userIds.get('specialists@lidz.lv')!;
  const unit = contract.unit_minutes ?? 40;

  const verifier = new VisitVerifier();
  const now = new Date();
  const day = 86_400_000;
  // Tuesday-ish afternoons of the last weeks, 15:00 Riga time (13:00 UTC in winter)
  const starts = [15, 11, 8, 4].map((d) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 13, 0) - d * day));
  const lengths = [unit, unit + 2, unit, 25];
  for (let i = 0; i < starts.length; i++) {
    const inAt = starts[i];
    const outAt = new Date(inAt.getTime() + lengths[i] * 60_000);
    const scanIds: string[] = [];
    for (const [kind, at] of [['check_in', inAt], ['check_out', outAt]] as const) {
      const s = await m.getRepository(Scan).save(m.getRepository(Scan).create({ clientScanId: randomUUID(), kind, method: 'card', actorUserId, specialistId, providerOrganisationId: contract.provider_organisation_id, contractId, cardId: card.id, childId, verdict: 'card', scannedAt: at, effectiveAt: at, receivedAt: at }));
      scanIds.push(s.id);
    }
    const v = await m.getRepository(Visit).save(m.getRepository(Visit).create({ contractId, childId, specialistId, providerOrganisationId: contract.provider_organisation_id, serviceCode: contract.service_code, checkInAt: inAt, checkOutAt: outAt, checkInScanId: scanIds[0], checkOutScanId: scanIds[1], method: 'card', createdByUserId: actorUserId }));
    await m.update(Scan, scanIds, { visitId: v.id });
    const verified = await verifier.reverify(m, v.id, now);
    ctx.ids.set(`visit:janis:${i + 1}`, verified.id);
  }
  const counts: { status: string; n: number }[] = await m.query(`SELECT status, count(*)::int AS n FROM visit WHERE child_id = $1 GROUP BY status ORDER BY status`, [childId]);
  ctx.report.push(`Visits of Jānis: ${counts.map((c) => `${c.n} ${c.status}`).join(', ')} (card ${card.number}).`);
}
