import { type AssessmentDomain, divideRounded } from '@lidz/libs';
import { EntityManager } from 'typeorm';
import type { DemoContext, DemoSeed } from '../demo/demo-data';
import { DEFAULT_ALLOCATION_TABLE, DEFAULT_FUNDING_RULES, FALLBACK_REFERENCE_PRICES, indicativeBasket, monthsInPeriod } from './allocation.rules';
import { familySignerRole, reviewReminderDate } from './assessment.rules';
import { ageOn, budgetsRepository } from './budgets.repository';
import { Assessment } from './entities/assessment.entity';
import { BasketLine } from './entities/basket-line.entity';
import { BasketVersion } from './entities/basket-version.entity';
import { Basket } from './entities/basket.entity';
import { SupportPlan } from './entities/support-plan.entity';
import { LedgerService } from './ledger.service';

/** Domain levels of the demo children, cycled over the children after Jānis and Andris. */
export const DEMO_PROFILES: Partial<Record<AssessmentDomain, number>>[] = [
  { communication: 3, learning: 2, behaviour_mental_health: 2, family_situation: 2, mobility: 1 },
  { mobility: 3, self_care: 3, family_situation: 3, communication: 1 },
  { communication: 2, social_participation: 3, behaviour_mental_health: 3, education: 3 },
  { work_readiness: 3, social_participation: 3, behaviour_mental_health: 2, mobility: 2 },
  { hearing: 4, communication: 2, learning: 2 },
  { self_care: 4, mobility: 4, family_situation: 4, communication: 3 },
];

export const DEMO_ASSESSMENT = { validFrom: '2026-06-01', validTo: '2028-05-31' };
export const DEMO_PERIOD = { start: '2026-07-01', end: '2027-06-30' };

const GOALS: Record<string, string> = {
  SPEECH: 'Runāt pilnos teikumos ar vienaudžiem',
  PHYSIO: 'Staigāt bez palīdzības līdz skolai',
  OCCUPATIONAL: 'Pašam apģērbties no rīta',
  PSYCHOLOGIST: 'Mierīgāk tikt galā ar pārmaiņām',
  SPECIAL_EDUCATOR: 'Lasīt vecumam atbilstošu grāmatu',
  RESPITE: 'Vecāki var turpināt strādāt',
  JOB_COACH: 'Atrast pirmo darbu',
};

function domainsOf(levels: Partial<Record<AssessmentDomain, number>>, age: number) {
  const all: AssessmentDomain[] = ['mobility', 'self_care', 'communication', 'vision', 'hearing', 'learning', 'behaviour_mental_health', 'social_participation', 'education', 'work_readiness', 'family_situation'];
  return Object.fromEntries(all.filter((d) => d !== 'work_readiness' || age >= 14).map((d) => [d, { level: levels[d] ?? 0, note: null }]));
}

/** Assessments (signed), plans and approved, active baskets for every demo child with an open case. */
export const seedBudgets: DemoSeed = async (m: EntityManager, ctx: DemoContext) => {
  const ledger = new LedgerService();
  const officerId = ctx.userIds.get('sociala.riga@lidz.lv') ?? null;
  const childKeys = [...ctx.ids.keys()].filter((k) => k.startsWith('child:'));
  // Jānis and Andris get fixed profiles; the others cycle through the rest
  const ordered = ['child:janis', 'child:andris', ...childKeys.filter((k) => k !== 'child:janis' && k !== 'child:andris')].filter((k) => ctx.ids.has(k));
  const prices = { ...FALLBACK_REFERENCE_PRICES, ...(await budgetsRepository.referencePrices(m, DEMO_PERIOD.start)) };
  const annuals: number[] = [];
  let cycle = 0;
  for (const key of ordered) {
    const childId = ctx.ids.get(key)!;
    const child = await budgetsRepository.childFacts(m, childId);
    if (!child?.caseId || !child.caseManagerUserId) continue;
    const name = key.slice('child:'.length);
    const profile = key === 'child:janis' ? DEMO_PROFILES[0] : key === 'child:andris' ? DEMO_PROFILES[3] : DEMO_PROFILES[[1, 2, 4, 5, 0, 3][cycle++ % 6]];
    const age = ageOn(child.birthDate, DEMO_ASSESSMENT.validFrom);
    const familyRows: { id: string; role: string }[] = child.householdOrganisationId
      ? await m.query(`SELECT id, role FROM app_user WHERE organisation_id = $1 AND role IN ('family', 'participant') ORDER BY email LIMIT 1`, [child.householdOrganisationId])
      : [];
    const signedAt = new Date('2026-06-05T10:00:00Z');
    const a = await m.save(
      m.create(Assessment, {
        childId,
        caseId: child.caseId,
        version: 1,
        status: 'signed',
        domains: domainsOf(profile, age),
        validFrom: DEMO_ASSESSMENT.validFrom,
        validTo: DEMO_ASSESSMENT.validTo,
        reviewReminderOn: reviewReminderDate(DEMO_ASSESSMENT.validTo),
        caseManagerUserId: child.caseManagerUserId,
        caseManagerSignedAt: signedAt,
        healthSpecialistName: 'Dr. Ilona Ārste',
        healthSpecialistRegistrationNumber: 'VM-ARST-20417',
        healthSpecialistSignedAt: signedAt,
        familyUserId: familyRows[0]?.id ?? null,
        familySignerRole: familySignerRole(age),
        familySignedAt: signedAt,
        createdByUserId: child.caseManagerUserId,
      }),
    );
    const b = indicativeBasket({ levels: profile, age, periodStart: DEMO_PERIOD.start, periodEnd: DEMO_PERIOD.end, table: DEFAULT_ALLOCATION_TABLE, prices, fundingRules: DEFAULT_FUNDING_RULES });
    // Jānis' family asked for two speech sessions a week: the case manager raised it, with the reason shown to them
    const speechBump = key === 'child:janis' ? 2 : 0;
    const services = b.proposed.map((s, i) => ({
      serviceCode: s.serviceCode,
      proposedUnitsPerMonth: s.unitsPerMonth,
      unitsPerMonth: s.serviceCode === 'SPEECH' ? s.unitsPerMonth + speechBump : s.unitsPerMonth,
      reason: s.serviceCode === 'SPEECH' && speechBump ? 'Ģimene lūdz divas nodarbības nedēļā; logopēde iesaka intensīvāku kursu' : null,
      continuitySpecialist: s.serviceCode === 'SPEECH' && key === 'child:janis' ? 'Elīna Logopēde' : null,
      goal: GOALS[s.serviceCode] ? i : null,
    }));
    const goals = b.proposed.map((s) => ({ text: GOALS[s.serviceCode] ?? 'Vairāk patstāvības ikdienā' }));
    const plan = await m.save(m.create(SupportPlan, { childId, assessmentId: a.id, goals, services, createdByUserId: child.caseManagerUserId }));
    const months = monthsInPeriod(DEMO_PERIOD.start, DEMO_PERIOD.end);
    const basket = await m.save(
      m.create(Basket, {
        childId,
        caseId: child.caseId,
        municipalityCode: child.municipalityCode,
        assessmentId: a.id,
        supportPlanId: plan.id,
        version: 1,
        status: 'active',
        periodStart: DEMO_PERIOD.start,
        periodEnd: DEMO_PERIOD.end,
        indicativeCents: b.totalCents,
        createdByUserId: child.caseManagerUserId,
        approvedByUserId: officerId,
        approvedAt: new Date('2026-06-20T09:00:00Z'),
      }),
    );
    const version = await m.save(m.create(BasketVersion, { basketId: basket.id, version: 1, status: 'approved', submittedByUserId: child.caseManagerUserId, submittedAt: new Date('2026-06-15T09:00:00Z'), decidedByUserId: officerId, decidedAt: new Date('2026-06-20T09:00:00Z') }));
    const snapshot = [];
    let total = 0;
    for (const l of b.lines) {
      const extra = l.category === 'therapy' && speechBump ? speechBump * prices.SPEECH * months : 0;
      const planned = l.amountCents + extra;
      const line = await m.save(m.create(BasketLine, { basketId: basket.id, childId, category: l.category, fundingSource: l.fundingSource, indicativeCents: l.amountCents, plannedCents: planned, transferable: l.transferable, reason: extra ? services.find((s) => s.reason)!.reason : null }));
      if (planned > 0) await ledger.allocate(m, null, { basketLineId: line.id, amountCents: planned, refType: 'basket_version', refId: version.id, reason: 'v1' });
      total += planned;
      snapshot.push({ category: l.category, fundingSource: l.fundingSource, plannedCents: planned, indicativeCents: l.amountCents, transferable: l.transferable, reason: line.reason });
      if (!ctx.ids.has(`basketLine:${name}:${l.category}`)) ctx.ids.set(`basketLine:${name}:${l.category}`, line.id);
      ctx.ids.set(`basketLine:${name}:${l.category}:${l.fundingSource}`, line.id);
    }
    await m.update(BasketVersion, { id: version.id }, { lines: snapshot as never, totalCents: total });
    ctx.ids.set(`assessment:${name}`, a.id);
    ctx.ids.set(`plan:${name}`, plan.id);
    ctx.ids.set(`basket:${name}`, basket.id);
    annuals.push(divideRounded(total * 12, months));
  }
  if (annuals.length) {
    const avg = divideRounded(annuals.reduce((s, x) => s + x, 0), annuals.length);
    const eur = new Intl.NumberFormat('en-GB').format(divideRounded(avg, 100));
    ctx.report.push(`Demo baskets: ${annuals.length}, average annual basket EUR ${eur} (2018 pilot: EUR 6,911)`);
  }
};
