import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@lidz/libs';
import { DEMO_PASSWORD, seedDemo } from '../../api/src/modules/demo/demo-data';
import { startTestApp, TestApp } from '../support/app';
import { loginAs, makeOrganisation, makeUser, Session, userWithSession } from '../support/factories';
import { routeTable } from '../support/route-table';
import { AUTHORIZATION_MATRIX } from './authorization-matrix';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A path with every parameter filled: ids with a fresh uuid (nobody's object), codes with an unknown code. */
function fill(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => (/id$/i.test(name) ? randomUUID() : 'NO-SUCH-CODE'));
}

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  const sessions = {} as Record<Role, Session>;
  let table: ReturnType<typeof routeTable>;
  let checked = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '100000' } });
    // the ministry analyst belongs to a real funding source, as the reports require
    const ministry = await makeOrganisation(t.db, 'ministry');
    await t.db.query(`UPDATE organisation SET code = 'LM' WHERE id = $1`, [ministry.id]);
    for (const role of ROLES) sessions[role] = await userWithSession(t, role, role === 'ministry_analyst' ? ministry : undefined);
    table = routeTable(t.app);
  });
  afterAll(async () => {
    console.log(`authorization matrix: ${table.length} routes × ${ROLES.length} roles (+ no token) = ${checked} requests checked`);
    await t.close();
  });

  it('covers exactly the routes the API has, with the same access on each', () => {
    const actual = Object.fromEntries(table.map((r) => [r.route, r.access]));
    const missing = Object.keys(actual).filter((r) => !(r in AUTHORIZATION_MATRIX));
    const gone = Object.keys(AUTHORIZATION_MATRIX).filter((r) => !(r in actual));
    const changed = Object.keys(actual).filter((r) => r in AUTHORIZATION_MATRIX && JSON.stringify(actual[r]) !== JSON.stringify(AUTHORIZATION_MATRIX[r]));
    expect({ missing, gone, changed: changed.map((r) => `${r}: code says ${JSON.stringify(actual[r])}, matrix says ${JSON.stringify(AUTHORIZATION_MATRIX[r])}`) }).toEqual({ missing: [], gone: [], changed: [] });
  });

  it('answers 401 without a token and 403 to every role the matrix does not name; lets the named roles through', async () => {
    const wrong: string[] = [];
    for (const [route, access] of Object.entries(AUTHORIZATION_MATRIX)) {
      const [verb, path] = route.split(' ');
      const method = verb.toLowerCase() as Method;
      if (access !== 'public') {
        const res = await t.http()[method](fill(path)).send({});
        checked += 1;
        if (res.status !== 401) wrong.push(`${route} without a token: ${res.status}`);
      }
      for (const role of ROLES) {
        const allowed = access === 'public' || access === 'any' || access.includes(role);
        const res = await t.http()[method](fill(path)).set(sessions[role].auth).send({});
        checked += 1;
        const refused = res.status === 403 && res.body.code === 'FORBIDDEN';
        if (!allowed && !refused) wrong.push(`${route} as ${role}: ${res.status} ${res.body?.code ?? ''}, expected 403`);
        if (allowed && (res.status === 401 || refused)) wrong.push(`${route} as ${role}: ${res.status} ${res.body?.code ?? ''}, expected to pass the role check`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Row-level scopes on the demo world: each role sees its own child (or its organisation's) and gets
 * 404 for another's — including a case manager's deputy period and a provider whose contract ended.
 */
describe('authorization: own object vs another organisation\'s object', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const as: Record<string, Session> = {};
  const status = async (who: string, path: string) => (await t.http().get(path).set(as[who].auth)).status;

  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '100000' } });
    await seedDemo(t.db);
    const one = async (sql: string, params: unknown[] = []) => String((await t.db.query(sql, params))[0].id);
    ids.janis = await one(`SELECT id FROM child WHERE first_name = 'Jānis' AND last_name = 'Bērziņš'`);
    ids.andris = await one(`SELECT id FROM child WHERE first_name = 'Andris' AND last_name = 'Kalniņš'`);
    ids.caseJanis = await one(`SELECT id FROM child_case WHERE child_id = $1`, [ids.janis]);
    ids.caseAndris = await one(`SELECT id FROM child_case WHERE child_id = $1`, [ids.andris]);
    ids.contract = await one(`SELECT id FROM contract WHERE child_id = $1 AND service_code = 'SPEECH' AND status = 'active'`, [ids.janis]);
    const demoLogin = async (email: string) => {
      const [user] = await t.db.query(`SELECT id, email, role FROM app_user WHERE email = $1`, [email]);
      return loginAs(t, user, DEMO_PASSWORD);
    };
    for (const [key, email] of Object.entries({
      family: 'gimene@lidz.lv',
      participant: 'jaunietis@lidz.lv',
      manager: 'vaditajs.riga@lidz.lv',
      colleague: 'vaditajs2.riga@lidz.lv',
      valmieraManager: 'vaditajs.valmiera@lidz.lv',
      officer: 'sociala.riga@lidz.lv',
      specialist: 'specialists@lidz.lv',
      provider: 'sniedzejs@lidz.lv',
      analyst: 'analitikis.lm@lidz.lv',
    })) {
      as[key] = await demoLogin(email);
    }
    as.otherProvider = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: await makeOrganisation(t.db, 'provider') }));
  });
  afterAll(() => t.close());

  it.each([
    ['family', 'janis', 'andris'],
    ['participant', 'andris', 'janis'],
    ['manager', 'janis', 'andris'],
    ['valmieraManager', 'andris', 'janis'],
    ['officer', 'janis', 'andris'],
    ['specialist', 'janis', 'andris'],
  ])('%s reads its own child (%s) and gets 404 for another (%s)', async (who, own, other) => {
    expect(await status(who, `/api/children/${ids[own]}`)).toBe(200);
    expect(await status(who, `/api/children/${ids[other]}`)).toBe(404);
  });

  it('keeps a provider without a contract, and a ministry, away from the child', async () => {
    expect(await status('otherProvider', `/api/children/${ids.janis}`)).toBe(404);
    expect(await status('analyst', `/api/children/${ids.janis}`)).toBe(403);
    expect(await status('analyst', `/api/children`)).toBe(403);
  });

  it('scopes cases to the caseload and the municipality', async () => {
    expect(await status('manager', `/api/cases/${ids.caseJanis}`)).toBe(200);
    expect(await status('manager', `/api/cases/${ids.caseAndris}`)).toBe(404);
    expect(await status('valmieraManager', `/api/cases/${ids.caseJanis}`)).toBe(404);
    expect(await status('officer', `/api/cases/${ids.caseJanis}`)).toBe(200);
    expect(await status('officer', `/api/cases/${ids.caseAndris}`)).toBe(404);
  });

  it('scopes contracts to the family and the provider that hold them', async () => {
    expect(await status('family', `/api/contracts/${ids.contract}`)).toBe(200);
    expect(await status('participant', `/api/contracts/${ids.contract}`)).toBe(404);
    expect(await status('provider', `/api/contracts/${ids.contract}`)).toBe(200);
    expect(await status('otherProvider', `/api/contracts/${ids.contract}`)).toBe(404);
  });

  it("lets a colleague in only for the deputy period", async () => {
    const colleague = as.colleague.user.id;
    const manager = as.manager.user.id;
    expect(await status('colleague', `/api/children/${ids.janis}`)).toBe(404);
    const [deputy] = await t.db.query(
      `INSERT INTO case_deputy (case_manager_user_id, deputy_user_id, valid_from, valid_to) VALUES ($1, $2, CURRENT_DATE - 1, CURRENT_DATE + 1) RETURNING id`,
      [manager, colleague],
    );
    expect(await status('colleague', `/api/children/${ids.janis}`)).toBe(200);
    expect(await status('colleague', `/api/cases/${ids.caseJanis}`)).toBe(200);
    await t.db.query(`UPDATE case_deputy SET valid_from = CURRENT_DATE - 10, valid_to = CURRENT_DATE - 1 WHERE id = $1`, [deputy.id]);
    expect(await status('colleague', `/api/children/${ids.janis}`)).toBe(404);
  });

  it('closes the child to a provider whose contract has ended', async () => {
    expect(await status('specialist', `/api/children/${ids.janis}`)).toBe(200);
    await t.db.query(`UPDATE contract SET status = 'ended', valid_to = CURRENT_DATE - 1 WHERE child_id = $1`, [ids.janis]);
    expect(await status('specialist', `/api/children/${ids.janis}`)).toBe(404);
    expect(await status('provider', `/api/children/${ids.janis}`)).toBe(404);
  });
});
