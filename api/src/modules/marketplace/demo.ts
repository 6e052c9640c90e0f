import { centsToDecimalString } from '@lidz/libs';
import type { EntityManager } from 'typeorm';
import { systemActor } from '../../common/auth/actor';
import { LedgerService } from '../budgets/ledger.service';
import type { DemoContext } from '../demo/demo-data';
import { Accreditation } from './entities/accreditation.entity';
import { ContractSpecialist } from './entities/contract-specialist.entity';
import { Contract } from './entities/contract.entity';
import { Offer } from './entities/offer.entity';
import { ProviderProfile } from './entities/provider-profile.entity';
import { ProviderSpecialist } from './entities/provider-specialist.entity';
import { Specialist } from './entities/specialist.entity';
import { contractValue } from './marketplace.rules';

const RUNA = '40008000001';
const SOLIS = '40008000002';

const PROFILES = [
  { code: RUNA, kind: 'private' as const, iban: 'LV80BANK0000435195001', contactEmail: 'sniedzejs@lidz.lv', languages: ['lv', 'ru', 'en'], locations: [{ name: 'Runā, Rīga', address: 'Brīvības iela 100, Rīga', municipalityCode: 'RIGA' }], description: 'Logopēdija, speciālā pedagoģija un psihologa konsultācijas bērniem.' },
  { code: SOLIS, kind: 'ngo' as const, iban: 'LV97HABA0012345678910', contactEmail: 'info@solis.example.lv', languages: ['lv'], locations: [{ name: 'Solis, Valmiera', address: 'Rīgas iela 10, Valmiera', municipalityCode: 'VALMIERA' }, { name: 'Solis, Rīga', address: 'Lāčplēša iela 5, Rīga', municipalityCode: 'RIGA' }], description: 'Fizioterapija, ergoterapija, mūzikas terapija un dienas centrs.' },
];

const ACCREDITED: Record<string, string[]> = {
  [RUNA]: ['SPEECH', 'SPECIAL_EDUCATOR', 'PSYCHOLOGIST'],
  [SOLIS]: ['PHYSIO', 'OCCUPATIONAL', 'MUSIC_THERAPY', 'DAY_CARE', 'SPEECH'],
};

/** Specialists; Elīna works for both providers and is one identity (one registration number). */
const SPECIALISTS = [
  { key: 'elina', fullName: 'Elīna Logopēde', registrationNumber: 'LOG-0417', qualifications: ['speech_therapist'], languages: ['lv', 'ru'], email: 'specialists@lidz.lv', providers: [RUNA, SOLIS] },
  { key: 'zane', fullName: 'Zane Psiholoģe', registrationNumber: 'PSI-1120', qualifications: ['psychologist'], languages: ['lv', 'en'], email: null, providers: [RUNA] },
  { key: 'karlis', fullName: 'Kārlis Kustība', registrationNumber: 'FIZ-0881', qualifications: ['physiotherapist', 'occupational_therapist'], languages: ['lv'], email: null, providers: [SOLIS] },
];

const OFFERS = [
  { key: 'SPEECH', provider: RUNA, serviceCode: 'SPEECH', priceCents: 2500, unitMinutes: 40, deliveryMode: 'individual' as const, groupSize: 1, municipalities: ['RIGA'], atOurLocation: true, languages: ['lv', 'ru'], earliestStart: '2026-09-01', freeCapacity: 6 },
  { key: 'PSYCHOLOGIST', provider: RUNA, serviceCode: 'PSYCHOLOGIST', priceCents: 3800, unitMinutes: 50, deliveryMode: 'individual' as const, groupSize: 1, municipalities: [], atOurLocation: true, languages: ['lv', 'en'], earliestStart: '2027-01-04', freeCapacity: 3 },
  { key: 'SPECIAL_EDUCATOR', provider: RUNA, serviceCode: 'SPECIAL_EDUCATOR', priceCents: 2400, unitMinutes: 40, deliveryMode: 'individual' as const, groupSize: 1, municipalities: ['RIGA'], atOurLocation: false, languages: ['lv'], earliestStart: '2026-12-07', freeCapacity: 4 },
  { key: 'SPEECH:solis', provider: SOLIS, serviceCode: 'SPEECH', priceCents: 2900, unitMinutes: 45, deliveryMode: 'individual' as const, groupSize: 1, municipalities: ['RIGA', 'VALMIERA'], atOurLocation: true, languages: ['lv'], earliestStart: '2026-12-14', freeCapacity: 2 },
  { key: 'PHYSIO', provider: SOLIS, serviceCode: 'PHYSIO', priceCents: 3000, unitMinutes: 45, deliveryMode: 'individual' as const, groupSize: 1, municipalities: ['RIGA', 'VALMIERA'], atOurLocation: true, languages: ['lv'], earliestStart: '2026-12-07', freeCapacity: 5 },
  { key: 'OCCUPATIONAL', provider: SOLIS, serviceCode: 'OCCUPATIONAL', priceCents: 3200, unitMinutes: 45, deliveryMode: 'individual' as const, groupSize: 1, municipalities: ['VALMIERA'], atOurLocation: true, languages: ['lv'], earliestStart: '2026-12-07', freeCapacity: 3 },
  { key: 'MUSIC_THERAPY', provider: SOLIS, serviceCode: 'MUSIC_THERAPY', priceCents: 3200, unitMinutes: 45, deliveryMode: 'group' as const, groupSize: 4, municipalities: [], atOurLocation: true, languages: ['lv'], earliestStart: '2027-01-11', freeCapacity: 8 },
  { key: 'DAY_CARE', provider: SOLIS, serviceCode: 'DAY_CARE', priceCents: 4000, unitMinutes: 480, deliveryMode: 'group' as const, groupSize: 5, municipalities: [], atOurLocation: true, languages: ['lv'], earliestStart: '2027-01-04', freeCapacity: 10 },
];

/**
 * The marketplace's demo: both demo providers approved and accredited, three specialists (Elīna works
 * for both), offers to compare, Jānis's active speech-therapy contract with Elīna (its value committed on
 * his therapy line), an accepted contract waiting in the case manager's approval queue and a proposal
 * waiting for a provider.
 */
export async function seedMarketplace(m: EntityManager, ctx: DemoContext): Promise<void> {
  const org = (code: string) => ctx.orgIds.get(code)!;
  const admin = ctx.userIds.get('admin@lidz.lv') ?? null;
  for (const p of PROFILES) {
    const { code, ...fields } = p;
    await m.insert(ProviderProfile, { organisationId: org(code), registrationNumber: code, ...fields, status: 'approved', decidedAt: new Date(), decidedByUserId: admin });
    for (const serviceCode of ACCREDITED[code]) {
      await m.insert(Accreditation, { providerOrganisationId: org(code), serviceCode, registerNumber: `SPR-${code.slice(-3)}-${serviceCode}`, validFrom: '2026-01-01', validTo: '2028-12-31' });
    }
  }
  for (const s of SPECIALISTS) {
    const { identifiers } = await m.insert(Specialist, { fullName: s.fullName, registrationNumber: s.registrationNumber, qualifications: s.qualifications, languages: s.languages, userId: s.email ? (ctx.userIds.get(s.email) ?? null) : null });
    const id = String(identifiers[0].id);
    ctx.ids.set(`specialist:${s.key}`, id);
    for (const p of s.providers) await m.insert(ProviderSpecialist, { providerOrganisationId: org(p), specialistId: id });
  }
  for (const o of OFFERS) {
    const { key, provider, ...fields } = o;
    const { identifiers } = await m.insert(Offer, { ...fields, providerOrganisationId: org(provider), locationAddress: fields.atOurLocation ? PROFILES.find((p) => p.code === provider)!.locations[0].address : null });
    ctx.ids.set(`offer:${key}`, String(identifiers[0].id));
  }

  const janis = ctx.ids.get('child:janis');
  const therapyLine = ctx.ids.get('basketLine:janis:therapy');
  const caseManager = ctx.userIds.get('vaditajs.riga@lidz.lv')!;
  const family = ctx.userIds.get('gimene@lidz.lv')!;
  const providerAdmin = ctx.userIds.get('sniedzejs@lidz.lv')!;
  if (!janis) {
    ctx.report.push('Marketplace: no demo child yet, so no demo contracts.');
    return;
  }
  const ledger = new LedgerService();
  const offer = (key: string) => OFFERS.find((o) => o.key === key)!;

  // Jānis: speech therapy with Elīna at «Runā», 4 sessions a month since November, committed on his therapy line
  const speech = offer('SPEECH');
  let units = 4;
  const terms = (u: number) => ({ unitPriceCents: speech.priceCents, groupSize: 1, unitsPerMonth: u, validFrom: '2026-11-01', validTo: '2027-06-30' });
  if (therapyLine) {
    const available = (await ledger.balances(m, therapyLine)).availableCents;
    while (units > 1 && contractValue(terms(units)) > available) units -= 1;
  }
  const value = contractValue(terms(units));
  const { identifiers } = await m.insert(Contract, {
    childId: janis,
    providerOrganisationId: org(RUNA),
    offerId: ctx.ids.get('offer:SPEECH')!,
    serviceCode: 'SPEECH',
    unitMinutes: speech.unitMinutes,
    unitPriceCents: speech.priceCents,
    unitsPerMonth: units,
    deliveryMode: 'individual',
    groupSize: 1,
    validFrom: '2026-11-01',
    validTo: '2027-06-30',
    status: 'active',
    cancellationNoticeWorkingDays: 2,
    cancellationFeePercent: 50,
    valueCents: value,
    proposedByUserId: family,
    proposedAt: new Date('2026-10-20T09:00:00Z'),
    acceptedByUserId: providerAdmin,
    acceptedAt: new Date('2026-10-21T09:00:00Z'),
    approvedByUserId: caseManager,
    approvedAt: new Date('2026-10-22T09:00:00Z'),
  });
  const contractId = String(identifiers[0].id);
  await m.insert(ContractSpecialist, { contractId, specialistId: ctx.ids.get('specialist:elina')! });
  ctx.ids.set('contract:janis:speech', contractId);
  let committed = false;
  if (therapyLine) {
    try {
      await ledger.commit(m, systemActor('demo'), { basketLineId: therapyLine, amountCents: value, refType: 'contract', refId: contractId, reason: 'contract.approved' });
      await m.update(Contract, { id: contractId }, { basketLineId: therapyLine, committedCents: value });
      committed = true;
    } catch {
      // not enough on the line: the contract stays without a commitment (reported below)
    }
  }
  await m.query(`UPDATE offer SET free_capacity = free_capacity - 1 WHERE id = $1`, [ctx.ids.get('offer:SPEECH')]);

  // Jānis: occupational therapy at «Solis», accepted with Kārlis, waiting for the case manager's approval
  const ot = offer('OCCUPATIONAL');
  const otTerms = { unitPriceCents: ot.priceCents, groupSize: 1, unitsPerMonth: 2, validFrom: '2027-01-04', validTo: '2027-06-30' };
  const { identifiers: otIds } = await m.insert(Contract, {
    childId: janis, providerOrganisationId: org(SOLIS), offerId: ctx.ids.get('offer:OCCUPATIONAL')!, serviceCode: 'OCCUPATIONAL', unitMinutes: ot.unitMinutes, unitPriceCents: ot.priceCents,
    unitsPerMonth: 2, deliveryMode: 'individual', groupSize: 1, validFrom: otTerms.validFrom, validTo: otTerms.validTo, status: 'accepted', cancellationFeePercent: 50,
    valueCents: contractValue(otTerms), proposedByUserId: family, acceptedByUserId: null, acceptedAt: new Date(),
  });
  await m.insert(ContractSpecialist, { contractId: String(otIds[0].id), specialistId: ctx.ids.get('specialist:karlis')! });
  ctx.ids.set('contract:janis:occupational', String(otIds[0].id));

  // Jānis: psychologist at «Runā», proposed by the family, waiting for the provider
  const psy = offer('PSYCHOLOGIST');
  const psyTerms = { unitPriceCents: psy.priceCents, groupSize: 1, unitsPerMonth: 2, validFrom: '2027-01-04', validTo: '2027-06-30' };
  const { identifiers: psyIds } = await m.insert(Contract, {
    childId: janis, providerOrganisationId: org(RUNA), offerId: ctx.ids.get('offer:PSYCHOLOGIST')!, serviceCode: 'PSYCHOLOGIST', unitMinutes: psy.unitMinutes, unitPriceCents: psy.priceCents,
    unitsPerMonth: 2, deliveryMode: 'individual', groupSize: 1, validFrom: psyTerms.validFrom, validTo: psyTerms.validTo, status: 'proposed', cancellationFeePercent: 50,
    valueCents: contractValue(psyTerms), proposedByUserId: family,
  });
  ctx.ids.set('contract:janis:psychologist', String(psyIds[0].id));

  ctx.report.push(
    `Marketplace: 2 providers, ${SPECIALISTS.length} specialists, ${OFFERS.length} offers; Jānis's speech therapy (${units}×/month) is active` +
      (committed ? ` with EUR ${centsToDecimalString(value)} committed on his therapy line.` : ' (no basket line money committed).'),
  );
}
