import type { DemoSeed } from '../demo/demo-data';
import { BenefitReceipt } from './entities/benefit-receipt.entity';
import { ChildBenefitFacts } from './entities/child-benefit-facts.entity';

/**
 * What some demo children already receive, and the facts the finder needs, so that the case manager's
 * list shows real gaps: Elza (6, special care, at home) gets the family supplement but not yet the
 * EUR 413.43 care benefit; Jānis gets the supplement and the transport compensation.
 */
const DEMO: { key: string; livesAtHome: boolean | null; attendsSchool: boolean | null; receives: string[] }[] = [
  { key: 'janis', livesAtHome: true, attendsSchool: true, receives: ['FAMILY_BENEFIT_SUPPLEMENT', 'TRANSPORT_COMPENSATION'] },
  { key: 'elza', livesAtHome: true, attendsSchool: true, receives: ['FAMILY_BENEFIT_SUPPLEMENT'] },
  { key: 'kristaps', livesAtHome: true, attendsSchool: true, receives: ['FAMILY_BENEFIT_SUPPLEMENT', 'CHILD_CARE_BENEFIT'] },
  { key: 'andris', livesAtHome: true, attendsSchool: false, receives: ['STATE_SOCIAL_SECURITY_BENEFIT'] },
];

export const seedBenefits: DemoSeed = async (m, ctx) => {
  let receipts = 0;
  for (const d of DEMO) {
    const childId = ctx.ids.get(`child:${d.key}`);
    if (!childId) continue;
    await m.insert(ChildBenefitFacts, { childId, livesAtHome: d.livesAtHome, attendsSchool: d.attendsSchool });
    for (const benefitCode of d.receives) {
      await m.insert(BenefitReceipt, { childId, benefitCode });
      receipts += 1;
    }
  }
  const catalogue: { n: number }[] = await m.query(`SELECT count(DISTINCT benefit_code)::int AS n FROM benefit_version`);
  ctx.report.push(`Benefits: ${catalogue[0].n} in the catalogue (2025 amounts), ${receipts} recorded as received; public finder at /portal/benefits`);
};
