import type { OrganisationKind, Role } from '@lidz/libs';
import { DataSource, EntityManager } from 'typeorm';
import { Organisation } from '../identity/entities/organisation.entity';
import { User } from '../identity/entities/user.entity';
import { hashPassword } from '../identity/password';
import { Notification } from '../notifications/notification.entity';
import { seedChildrenAndCases } from '../children/demo';
import { seedBudgets } from '../budgets/demo';
import { seedMarketplace } from '../marketplace/demo';
import { seedVisits } from '../visits/demo';
import { seedBenefits } from '../benefits/demo';
import { seedReports } from '../reports/demo';
import { seedBilling } from '../billing/demo';

/** The demo password of every demo login (shown by `npm start` and in the README; never used in production). */
export const DEMO_PASSWORD = 'Demo-parole-2026';

const ORGS: { code: string; name: string; kind: OrganisationKind }[] = [
  { code: 'PLATFORM', name: 'Līdz.Vērtīgs platforma', kind: 'platform' },
  { code: 'LM', name: 'Labklājības ministrija', kind: 'ministry' },
  { code: 'VM', name: 'Veselības ministrija', kind: 'ministry' },
  { code: 'IZM', name: 'Izglītības un zinātnes ministrija', kind: 'ministry' },
  { code: 'RIGA', name: 'Rīgas valstspilsētas pašvaldība', kind: 'municipality' },
  { code: 'VALMIERA', name: 'Valmieras novada pašvaldība', kind: 'municipality' },
  { code: '40008000001', name: 'Logopēdijas centrs «Runā»', kind: 'provider' },
  { code: '40008000002', name: 'Rehabilitācijas centrs «Solis»', kind: 'provider' },
  { code: 'HH-BERZINI', name: 'Bērziņu ģimene', kind: 'household' },
  { code: 'HH-ANDRIS', name: 'Andris Kalniņš', kind: 'household' },
];

export interface DemoLogin {
  email: string;
  fullName: string;
  role: Role;
  org: string;
  app: 'admin' | 'portal';
}

export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@lidz.lv', fullName: 'Ilze Platforma', role: 'platform_admin', org: 'PLATFORM', app: 'admin' },
  { email: 'finanses@lidz.lv', fullName: 'Gints Kalējs', role: 'platform_admin', org: 'PLATFORM', app: 'admin' },
  { email: 'analitikis.lm@lidz.lv', fullName: 'Pēteris Analītiķis', role: 'ministry_analyst', org: 'LM', app: 'admin' },
  { email: 'sociala.riga@lidz.lv', fullName: 'Dace Ozola', role: 'municipality_officer', org: 'RIGA', app: 'admin' },
  { email: 'vaditajs.riga@lidz.lv', fullName: 'Laura Liepa', role: 'case_manager', org: 'RIGA', app: 'admin' },
  { email: 'vaditajs2.riga@lidz.lv', fullName: 'Mārtiņš Egle', role: 'case_manager', org: 'RIGA', app: 'admin' },
  { email: 'vaditajs.valmiera@lidz.lv', fullName: 'Inese Bērza', role: 'case_manager', org: 'VALMIERA', app: 'admin' },
  { email: 'sniedzejs@lidz.lv', fullName: 'Anna Runātāja', role: 'provider_admin', org: '40008000001', app: 'portal' },
  { email: 'specialists@lidz.lv', fullName: 'Elīna Logopēde', role: 'specialist', org: '40008000001', app: 'portal' },
  { email: 'gimene@lidz.lv', fullName: 'Kristīne Bērziņa', role: 'family', org: 'HH-BERZINI', app: 'portal' },
  { email: 'jaunietis@lidz.lv', fullName: 'Andris Kalniņš', role: 'participant', org: 'HH-ANDRIS', app: 'portal' },
];

/**
 * What the demo seeds share: organisation ids by code, user ids by e-mail, and the ids each context's
 * seed leaves for the next one (children by demo key, contracts, …). Seeds run in the order of
 * DEMO_SEEDS, each in the same transaction, each adding what its context owns.
 */
export interface DemoContext {
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
  /** Filled by each context's seed for the ones after it, e.g. ids.get('child:janis'). */
  ids: Map<string, string>;
  /** Lines shown by `npm start` after seeding (for example the average demo basket). */
  report: string[];
}
export type DemoSeed = (m: EntityManager, ctx: DemoContext) => Promise<void>;

/** Each context's demo seed, in the life-of-a-budget order; a context adds its seed here with one line. */
const DEMO_SEEDS: DemoSeed[] = [seedChildrenAndCases, seedBudgets, seedMarketplace, seedVisits, seedBilling, seedBenefits, seedReports];

/** Fills an empty database with the demo organisations and logins; does nothing if any user exists. */
export async function seedDemo(db: DataSource): Promise<{ seeded: boolean; report: string[] }> {
  if ((await db.getRepository(User).count()) > 0) return { seeded: false, report: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx: DemoContext = { orgIds: new Map(), userIds: new Map(), ids: new Map(), report: [] };
  await db.transaction(async (m) => {
    for (const o of ORGS) {
      const { identifiers } = await m.insert(Organisation, o);
      ctx.orgIds.set(o.code, String(identifiers[0].id));
    }
    for (const u of DEMO_LOGINS) {
      const { identifiers } = await m.insert(User, { email: u.email, fullName: u.fullName, role: u.role, organisationId: ctx.orgIds.get(u.org)!, passwordHash, locale: 'lv' });
      ctx.userIds.set(u.email, String(identifiers[0].id));
      await m.insert(Notification, { userId: String(identifiers[0].id), kind: 'welcome', titleKey: 'notifications.welcome', params: { name: u.fullName.split(' ')[0] } });
    }
    for (const seed of DEMO_SEEDS) await seed(m, ctx);
  });
  return { seeded: true, report: ctx.report };
}
