import type { DecisionKind } from '@lidz/libs';
import type { EntityManager } from 'typeorm';
import type { DemoContext, DemoSeed } from '../demo/demo-data';
import { CaseAssignment } from '../cases/entities/case-assignment.entity';
import { CaseManagerSetting } from '../cases/entities/case-manager-setting.entity';
import { ChildCase } from '../cases/entities/child-case.entity';
import { addCalendarDays, addWorkingDays, firstContactDeadline, rigaToday } from '../cases/working-days.rules';
import { ChildRepresentative } from './entities/child-representative.entity';
import { Child } from './entities/child.entity';
import { Consent } from './entities/consent.entity';
import { DisabilityDecision } from './entities/disability-decision.entity';
import { newFormCode, oldFormCode } from './personal-code.rules';

interface DemoChild {
  key: string;
  first: string;
  last: string;
  /** Age in years and extra days past the birthday. */
  age: [number, number];
  municipality: string;
  household?: string;
  /** Case manager's e-mail; 'queue' = waits unassigned; undefined = no case. */
  manager?: string;
  kind: DecisionKind;
  specialCare: boolean;
  /** Years of validity; null = lifelong. */
  validYears: number | null;
  /** Working days since the decision. */
  decidedWorkingDaysAgo: number;
  /** Working days after the decision on which the family was first contacted; undefined = not yet. */
  contactedAfter?: number;
  languages?: string[];
  shareWithProviders?: boolean;
}

const RIGA1 = 'vaditajs.riga@lidz.lv';
const RIGA2 = 'vaditajs2.riga@lidz.lv';
const VALM = 'vaditajs.valmiera@lidz.lv';

/**
 * Laura Liepa (Rīga) is near her limit (7 of 8), Mārtiņš Egle (Rīga) at it (5 of 5), Inese Bērza
 * (Valmiera) has room (4 of 6); one Cēsis case waits in the unassigned queue; some children have no
 * case yet (no consent to contact). Decisions: child and groups I–III, special care, 2 years, 5 years,
 * lifelong; several deadlines overdue, some met.
 */
const CHILDREN: DemoChild[] = [
  { key: 'janis', first: 'Jānis', last: 'Bērziņš', age: [9, 120], municipality: 'RIGA', household: 'HH-BERZINI', manager: RIGA1, kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 40, contactedAfter: 4, shareWithProviders: true },
  { key: 'andris', first: 'Andris', last: 'Kalniņš', age: [19, 60], municipality: 'VALMIERA', household: 'HH-ANDRIS', manager: VALM, kind: 'group_2', specialCare: false, validYears: null, decidedWorkingDaysAgo: 30, contactedAfter: 6, shareWithProviders: true },
  { key: 'elza', first: 'Elza', last: 'Ozoliņa', age: [6, 30], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 14 },
  { key: 'roberts', first: 'Roberts', last: 'Kalējs', age: [12, 200], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 9 },
  { key: 'marta', first: 'Marta', last: 'Liepiņa', age: [4, 10], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 3, languages: ['lv', 'ru'] },
  { key: 'daniels', first: 'Daniels', last: 'Jansons', age: [15, 90], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: false, validYears: 2, decidedWorkingDaysAgo: 25, contactedAfter: 8 },
  { key: 'sofija', first: 'Sofija', last: 'Petrova', age: [8, 300], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 12, languages: ['ru', 'lv'] },
  { key: 'kristaps', first: 'Kristaps', last: 'Vītols', age: [17, 250], municipality: 'RIGA', manager: RIGA1, kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 50, contactedAfter: 10 },
  { key: 'emilija', first: 'Emīlija', last: 'Zariņa', age: [3, 150], municipality: 'RIGA', manager: RIGA2, kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 7 },
  { key: 'markuss', first: 'Markuss', last: 'Krūmiņš', age: [10, 40], municipality: 'RIGA', manager: RIGA2, kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 20, contactedAfter: 9 },
  { key: 'alise', first: 'Alise', last: 'Eglīte', age: [21, 100], municipality: 'RIGA', manager: RIGA2, kind: 'group_3', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 16 },
  { key: 'toms', first: 'Toms', last: 'Bērziņš', age: [13, 5], municipality: 'RIGA', manager: RIGA2, kind: 'child', specialCare: false, validYears: 2, decidedWorkingDaysAgo: 5 },
  { key: 'viktorija', first: 'Viktorija', last: 'Ivanova', age: [24, 200], municipality: 'RIGA', manager: RIGA2, kind: 'group_1', specialCare: true, validYears: null, decidedWorkingDaysAgo: 60, contactedAfter: 3, languages: ['ru'] },
  { key: 'laura', first: 'Laura', last: 'Siliņa', age: [7, 180], municipality: 'VALMIERA', manager: VALM, kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 11 },
  { key: 'oskars', first: 'Oskars', last: 'Lapiņš', age: [11, 220], municipality: 'VALMIERA', manager: VALM, kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 2 },
  { key: 'rainers', first: 'Rainers', last: 'Strods', age: [18, 20], municipality: 'VALMIERA', manager: VALM, kind: 'group_3', specialCare: false, validYears: 2, decidedWorkingDaysAgo: 35, contactedAfter: 7 },
  { key: 'anna', first: 'Anna', last: 'Priede', age: [5, 60], municipality: 'CESIS', manager: 'queue', kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 4 },
  { key: 'gustavs', first: 'Gustavs', last: 'Ābele', age: [14, 80], municipality: 'RIGA', kind: 'child', specialCare: false, validYears: 5, decidedWorkingDaysAgo: 8 },
  { key: 'katrina', first: 'Katrīna', last: 'Upīte', age: [9, 10], municipality: 'OGRE', kind: 'child', specialCare: true, validYears: 2, decidedWorkingDaysAgo: 6 },
];

const LIMITS: Record<string, number> = { [RIGA1]: 8, [RIGA2]: 5, [VALM]: 6 };

function birthDate(today: string, [years, days]: [number, number]): string {
  return addCalendarDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, -days);
}

async function seedChild(m: EntityManager, ctx: DemoContext, d: DemoChild, index: number, today: string): Promise<void> {
  const born = birthDate(today, d.age);
  // codes issued from 1 July 2017 are of the new form, with no birth date inside
  const personalCode = born >= '2017-07-01' ? newFormCode(10_000 + index * 37) : oldFormCode(born, 100 + index * 7);
  const { identifiers } = await m.insert(Child, {
    personalCode,
    firstName: d.first,
    lastName: d.last,
    birthDate: born,
    municipalityCode: d.municipality,
    languages: d.languages ?? ['lv'],
    householdOrganisationId: d.household ? ctx.orgIds.get(d.household)! : null,
  });
  const childId = String(identifiers[0].id);
  ctx.ids.set(`child:${d.key}`, childId);
  const decided = addWorkingDays(today, -d.decidedWorkingDaysAgo);
  const { identifiers: dec } = await m.insert(DisabilityDecision, {
    number: `VDEAVK-${decided.slice(0, 4)}-${String(4000 + index * 13).padStart(5, '0')}`,
    childId,
    decisionDate: decided,
    kind: d.kind,
    specialCare: d.specialCare,
    validFrom: decided,
    validTo: d.validYears === null ? null : addCalendarDays(`${Number(decided.slice(0, 4)) + d.validYears}${decided.slice(4)}`, -1),
    consentToContact: d.manager !== undefined,
  });
  if (d.household === 'HH-BERZINI') {
    await m.insert(ChildRepresentative, { childId, userId: ctx.userIds.get('gimene@lidz.lv') ?? null, fullName: 'Kristīne Bērziņa', relation: 'parent', phone: '+371 26000001', email: 'gimene@lidz.lv' });
    await m.insert(ChildRepresentative, { childId, userId: null, fullName: 'Pēteris Bērziņš', relation: 'parent', phone: '+371 26000002', email: null });
  }
  if (d.household === 'HH-ANDRIS') {
    await m.insert(ChildRepresentative, { childId, userId: ctx.userIds.get('jaunietis@lidz.lv') ?? null, fullName: 'Andris Kalniņš', relation: 'self', phone: '+371 26000003', email: 'jaunietis@lidz.lv' });
    await m.insert(ChildRepresentative, { childId, userId: null, fullName: 'Ilga Kalniņa', relation: 'parent', phone: '+371 26000004', email: null });
  }
  if (!d.manager) return;
  await m.insert(Consent, { childId, purpose: 'contact_by_social_service', granted: true, source: 'import', givenByName: 'VDEĀVK' });
  if (d.shareWithProviders) await m.insert(Consent, { childId, purpose: 'share_with_providers', granted: true, source: 'portal', givenByUserId: ctx.userIds.get(d.household === 'HH-ANDRIS' ? 'jaunietis@lidz.lv' : 'gimene@lidz.lv') ?? null });
  const managerId = d.manager === 'queue' ? null : ctx.userIds.get(d.manager)!;
  const { identifiers: cs } = await m.insert(ChildCase, {
    childId,
    municipalityCode: d.municipality,
    caseManagerUserId: managerId,
    status: managerId ? 'open' : 'unassigned',
    decisionId: String(dec[0].id),
    firstContactDeadline: firstContactDeadline(decided),
    firstContactAt: d.contactedAfter === undefined ? null : addWorkingDays(decided, d.contactedAfter),
    firstContactChannel: d.contactedAfter === undefined ? null : 'phone',
    firstContactOutcome: d.contactedAfter === undefined ? null : 'Sarunāta tikšanās vajadzību izvērtēšanai',
  });
  const caseId = String(cs[0].id);
  ctx.ids.set(`case:${d.key}`, caseId);
  await m.insert(CaseAssignment, { caseId, caseManagerUserId: managerId, reason: managerId ? 'auto' : 'queue' });
}

export const seedChildrenAndCases: DemoSeed = async (m, ctx) => {
  const today = rigaToday();
  for (const [email, limit] of Object.entries(LIMITS)) {
    const userId = ctx.userIds.get(email);
    if (userId) await m.insert(CaseManagerSetting, { userId, caseloadLimit: limit });
  }
  for (let i = 0; i < CHILDREN.length; i++) await seedChild(m, ctx, CHILDREN[i], i, today);
  const overdue = CHILDREN.filter((d) => d.manager && d.contactedAfter === undefined && d.decidedWorkingDaysAgo > 10).length;
  ctx.report.push(`Children: ${CHILDREN.length} in 4 municipalities; ${CHILDREN.filter((d) => d.manager).length} cases (${overdue} past the first-contact deadline, 1 waiting unassigned).`);
};
