import { randomBytes } from 'node:crypto';
import type { OrganisationKind, Role } from '@lidz/libs';
import { ROLE_ORGANISATION_KIND } from '@lidz/libs';
import type { DataSource } from 'typeorm';
import { Organisation } from '../../api/src/modules/identity/entities/organisation.entity';
import { User } from '../../api/src/modules/identity/entities/user.entity';
import { hashPassword } from '../../api/src/modules/identity/password';
import type { TestApp } from './app';

export const TEST_PASSWORD = 'Test-parole-1234';
let hashed: Promise<string> | null = null;
const unique = () => randomBytes(4).toString('hex');

export async function makeOrganisation(db: DataSource, kind: OrganisationKind, name?: string): Promise<Organisation> {
  const repo = db.getRepository(Organisation);
  return repo.save(repo.create({ kind, name: name ?? `${kind} ${unique()}`, code: `${kind.slice(0, 3).toUpperCase()}-${unique()}` }));
}

export async function makeUser(db: DataSource, role: Role, opts: { organisation?: Organisation; email?: string; fullName?: string } = {}): Promise<User> {
  const organisation = opts.organisation ?? (await makeOrganisation(db, ROLE_ORGANISATION_KIND[role]));
  hashed ??= hashPassword(TEST_PASSWORD);
  const repo = db.getRepository(User);
  const user = repo.create({
    email: opts.email ?? `${role.replace('_', '-')}-${unique()}@example.lv`,
    fullName: opts.fullName ?? `Test ${role}`,
    role,
    organisationId: organisation.id,
    passwordHash: await hashed,
  });
  return repo.save(user);
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
  auth: { Authorization: string };
}

export async function loginAs(t: TestApp, user: User, password = TEST_PASSWORD): Promise<Session> {
  const res = await t.http().post('/api/auth/login').send({ email: user.email, password });
  if (res.status !== 200) throw new Error(`login failed for ${user.role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { accessToken: res.body.accessToken, refreshToken: res.body.refreshToken, user, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

export async function userWithSession(t: TestApp, role: Role, organisation?: Organisation): Promise<Session> {
  return loginAs(t, await makeUser(t.db, role, { organisation }));
}
