import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseDeputy } from '../../api/src/modules/cases/entities/case-deputy.entity';
import { CaseManagerSetting } from '../../api/src/modules/cases/entities/case-manager-setting.entity';
import { ChildCase } from '../../api/src/modules/cases/entities/child-case.entity';
import { addCalendarDays, rigaToday } from '../../api/src/modules/cases/working-days.rules';
import { Child } from '../../api/src/modules/children/entities/child.entity';
import { ChildRepresentative } from '../../api/src/modules/children/entities/child-representative.entity';
import { Consent, ConsentPurpose } from '../../api/src/modules/children/entities/consent.entity';
import { oldFormCode } from '../../api/src/modules/children/personal-code.rules';
import { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';

let serial = 0;

/** The municipality organisation whose code equals a municipality reference code (one per test database). */
export async function municipalityOrg(db: DataSource, code: string): Promise<Organisation> {
  const repo = db.getRepository(Organisation);
  return (await repo.findOneBy({ code })) ?? repo.save(repo.create({ kind: 'municipality', code, name: `${code} pašvaldība` }));
}

export async function householdOrg(db: DataSource): Promise<Organisation> {
  const repo = db.getRepository(Organisation);
  return repo.save(repo.create({ kind: 'household', code: `HH-${randomBytes(4).toString('hex')}`, name: 'Ģimene' }));
}

/** A birth date `years` years before today (plus `days` days later), as a Riga date. */
export function bornYearsAgo(years: number, days = 0): string {
  const today = rigaToday();
  return addCalendarDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, days);
}

export async function makeChild(db: DataSource, opts: { municipalityCode?: string; householdOrganisationId?: string | null; birthDate?: string; firstName?: string; lastName?: string } = {}): Promise<Child> {
  const birthDate = opts.birthDate ?? bornYearsAgo(9);
  const repo = db.getRepository(Child);
  for (;;) {
    const personalCode = oldFormCode(birthDate, (serial = (serial + 7) % 1000));
    if (await repo.existsBy({ personalCode })) continue;
    return repo.save(
      repo.create({ personalCode, firstName: opts.firstName ?? 'Bērns', lastName: opts.lastName ?? `Testa${serial}`, birthDate, municipalityCode: opts.municipalityCode ?? 'RIGA', languages: ['lv'], householdOrganisationId: opts.householdOrganisationId ?? null }),
    );
  }
}

export async function makeCase(db: DataSource, child: Child, caseManagerUserId: string | null, opts: { deadline?: string; status?: ChildCase['status'] } = {}): Promise<ChildCase> {
  const repo = db.getRepository(ChildCase);
  return repo.save(repo.create({ childId: child.id, municipalityCode: child.municipalityCode, caseManagerUserId, status: opts.status ?? (caseManagerUserId ? 'open' : 'unassigned'), firstContactDeadline: opts.deadline ?? addCalendarDays(rigaToday(), 14) }));
}

export async function giveConsent(db: DataSource, childId: string, purpose: ConsentPurpose, granted = true): Promise<void> {
  await db.getRepository(Consent).insert({ childId, purpose, granted, source: 'admin' });
}

export async function setCaseloadLimit(db: DataSource, userId: string, caseloadLimit: number): Promise<void> {
  await db.getRepository(CaseManagerSetting).upsert({ userId, caseloadLimit }, ['userId']);
}

export async function makeDeputy(db: DataSource, caseManagerUserId: string, deputyUserId: string, validFrom: string, validTo: string): Promise<void> {
  await db.getRepository(CaseDeputy).insert({ caseManagerUserId, deputyUserId, validFrom, validTo });
}

export async function makeRepresentative(db: DataSource, childId: string, userId: string | null, adultAccess = false): Promise<ChildRepresentative> {
  const repo = db.getRepository(ChildRepresentative);
  return repo.save(repo.create({ childId, userId, fullName: 'Vecāks Testa', relation: 'parent', adultAccessGrantedAt: adultAccess ? new Date() : null }));
}

/** A decision row as the VDEĀVK file carries it. */
export function decisionRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomBytes(5).toString('hex');
  return {
    number: `VDEAVK-${n}`,
    date: rigaToday(),
    personalCode: oldFormCode(bornYearsAgo(8, -((serial = (serial + 13) % 1000) % 300)), serial),
    firstName: 'Jauns',
    lastName: `Bērns${n.slice(0, 4)}`,
    municipality: 'RIGA',
    kind: 'child',
    specialCare: 'false',
    validFrom: rigaToday(),
    validTo: '',
    consentToContact: 'true',
    ...overrides,
  };
}
