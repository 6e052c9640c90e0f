import { seedVisits } from '../../api/src/modules/visits/demo';
import { startTestApp, TestApp } from '../support/app';
import { makeOrganisation } from '../support/factories';
import { makeChild, makeContract, makeSpecialist } from '../support/visits-factories';

describe('visits demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t.close());

  it('gives Jānis a card, three verified visits and one exception in the queue', async () => {
    const household = await makeOrganisation(t.db, 'household');
    const childId = await makeChild(t.db, { household });
    const sp = await makeSpecialist(t);
    const contractId = await makeContract(t.db, { childId, provider: sp.provider, specialistIds: [sp.specialistId], unitsPerMonth: 8 });
    const ctx = { orgIds: new Map(), userIds: new Map([['specialists@lidz.lv', sp.session.user.id]]), ids: new Map([['child:janis', childId], ['contract:janis:speech', contractId], ['specialist:elina', sp.specialistId]]), report: [] as string[] };
    await t.db.transaction((m) => seedVisits(m, ctx));
    const visits = await t.db.query(`SELECT status, reasons FROM visit WHERE child_id = $1 ORDER BY check_in_at`, [childId]);
    expect(visits).toEqual([
      { status: 'verified', reasons: [] },
      { status: 'verified', reasons: [] },
      { status: 'verified', reasons: [] },
      { status: 'exception', reasons: ['SHORT_VISIT'] },
    ]);
    expect(await t.db.query(`SELECT reason_code, status FROM visit_exception WHERE child_id = $1`, [childId])).toEqual([{ reason_code: 'SHORT_VISIT', status: 'open' }]);
    expect(await t.db.query(`SELECT status FROM card WHERE child_id = $1`, [childId])).toEqual([{ status: 'active' }]);
    expect(ctx.report[0]).toMatch(/3 verified/);
  });
});
